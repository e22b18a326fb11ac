"""``ce-tutor stats``, ``progress`` and ``review``: the progress store from the command line.

Problems are one line on stderr and exit code 1, never a traceback: a store that cannot save,
a progress file missing a table, an export target that exists (``--force`` overwrites it) or is
the progress database itself (never). ``review`` opens the app, so ``run`` leaves it to the caller
(it returns None for it). Everything is printed through ``cli_output`` (made safe, fitted to stdout).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from tutor.cli_output import err, out
from tutor.progress.store import Stats, Store, open_store

if TYPE_CHECKING:
    from tutor.content.model import Course

EXIT_OK, EXIT_PROBLEMS = 0, 1
CHART_DAYS = 14
#: SQLite keeps these beside the database; writing over one damages it as surely as the file itself.
_SIDE_FILES = ("", "-wal", "-shm", "-journal")


def add_commands(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``stats``, ``progress`` and ``review`` subcommands to the ``ce-tutor`` parser."""
    stats = subparsers.add_parser("stats", help="answers, accuracy per lesson, reviews due, accuracy over time")
    stats.add_argument("--json", action="store_true", help="print the numbers as JSON, for scripts")
    progress = subparsers.add_parser("progress", help="show, export or reset the saved progress")
    action = progress.add_mutually_exclusive_group()
    action.add_argument("--export", metavar="FILE", type=Path, help="write all saved progress to FILE as JSON")
    action.add_argument("--reset", action="store_true", help="delete all saved progress (asks first)")
    progress.add_argument("--force", action="store_true", help="with --export: overwrite FILE if it exists")
    progress.add_argument("--yes", action="store_true", help="with --reset: do not ask")
    subparsers.add_parser("review", help="review the questions that are due")


def run(args: argparse.Namespace, course: Course, data_dir: Path | None) -> int | None:
    """Run ``stats`` or ``progress``; None for ``review``, which the caller routes to the app."""
    if args.command == "review":
        return None
    with open_store(data_dir) as store:
        if store.status.message:
            err(f"ce-tutor: {store.status.message}")
        if not store.status.saving:
            return EXIT_PROBLEMS
        try:
            return _command(args, store, course)
        except sqlite3.Error as exc:  # a table dropped or damaged behind our back
            err(f"ce-tutor: cannot read the progress in {store.status.path}: {exc}")
            return EXIT_PROBLEMS


def _command(args: argparse.Namespace, store: Store, course: Course) -> int:
    if args.command == "stats":
        return _stats(store, course, as_json=args.json)
    if args.export is not None:
        return _export(store, args.export, force=args.force)
    if args.reset:
        return _reset(store, ask=not args.yes)
    return _show(store, course)


def _stats(store: Store, course: Course, *, as_json: bool) -> int:
    stats = store.stats(course)
    if as_json:
        out(json.dumps({"path": str(store.status.path), **msgspec.to_builtins(stats)}, indent=2))
    else:
        out(format_stats(stats, store.status.path))
    return EXIT_OK


def format_stats(stats: Stats, path: Path | None) -> str:
    """The ``stats`` report: a table per lesson, reviews due, and a chart of accuracy per day."""
    width = max([len(lesson.lesson_id) for lesson in stats.lessons] + [len("all lessons")])
    lines = [f"Progress in {path}", "", f"{'lesson':<{width}}  answers  right  accuracy  best quiz"]
    for lesson in stats.lessons:
        best = f"{lesson.best_score}/{lesson.best_total}" if lesson.best_total else "-"
        lines.append(
            f"{lesson.lesson_id:<{width}}  {lesson.attempts:>7}  {lesson.correct:>5}  "
            f"{_percent(lesson.accuracy):>8}  {best}"
        )
    lines.append(f"{'all lessons':<{width}}  {stats.attempts:>7}  {stats.correct:>5}  {_percent(stats.accuracy):>8}")
    lines += ["", f"Questions due for review: {stats.due}" + ("  (ce-tutor review)" if stats.due else "")]
    if stats.days:
        lines += ["", _chart(stats)]
    return "\n".join(lines)


def _chart(stats: Stats) -> str:
    """Accuracy per day over the last days with answers, as plain text (plotext, loaded only here)."""
    import plotext as plt

    days = stats.days[-CHART_DAYS:]
    plt.clear_figure()
    plt.theme("clear")
    plt.plotsize(min(80, 20 + 8 * len(days)), 14)
    plt.bar([day.date[5:] for day in days], [round(100 * (day.accuracy or 0.0)) for day in days])
    plt.ylim(0, 100)
    plt.yticks([0, 25, 50, 75, 100])
    plt.title("accuracy per day (%, UTC)")
    return str(plt.uncolorize(plt.build())).rstrip()


def _export(store: Store, target: Path, *, force: bool) -> int:
    """Write the export to ``target``: never onto the store, never over a file unless ``force``."""
    if store.status.path is not None and _is_store_file(target, store.status.path):
        err(f"ce-tutor: {target} is the progress database itself; export to another file")
        return EXIT_PROBLEMS
    data = store.export()
    for note in store.notes:
        err(f"ce-tutor: {note}")
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    try:
        with open(target, "w" if force else "x", encoding="utf-8") as file:
            file.write(text)
    except FileExistsError:
        why = "cannot write {}: it is a folder" if target.is_dir() else "{} exists; add --force to overwrite it"
        err("ce-tutor: " + why.format(target))
        return EXIT_PROBLEMS
    except OSError as exc:
        err(f"ce-tutor: cannot write {target}: {exc.strerror or exc}")
        return EXIT_PROBLEMS
    out(f"Exported {_count(data, 'answers')} answers and {_count(data, 'scores')} scores to {target}")
    return EXIT_OK


def _is_store_file(target: Path, store_path: Path) -> bool:
    """Is ``target`` the database or one of SQLite's side files, by resolved path or by inode (a hard link)?"""
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):
        return False
    for suffix in _SIDE_FILES:
        side = Path(f"{store_path}{suffix}")
        if resolved == side.resolve():
            return True
        try:
            if os.path.samefile(target, side):
                return True
        except OSError:
            continue
    return False


def _count(data: dict[str, Any], key: str) -> int:
    value = data.get(key)
    return len(value) if isinstance(value, list) else 0


def _reset(store: Store, *, ask: bool) -> int:
    """Delete everything, after a yes on stdin; no answer (EOF, no stdin) is a no, exit 1."""
    if ask and not _confirm(f"Delete all progress in {store.status.path}? [y/N]"):
        err("ce-tutor: nothing deleted")
        return EXIT_PROBLEMS
    store.reset()
    if not store.status.saving:
        err(f"ce-tutor: {store.status.message}")
        return EXIT_PROBLEMS
    out(f"Deleted all progress in {store.status.path}")
    return EXIT_OK


def _confirm(question: str) -> bool:
    out(question, end=" ", flush=True)
    try:
        answer = sys.stdin.readline() if sys.stdin else ""
    except (OSError, ValueError):  # stdin closed or unreadable: not a yes
        answer = ""
    return answer.strip().lower() in ("y", "yes")


def _show(store: Store, course: Course) -> int:
    """``ce-tutor progress`` alone: where the file is and each lesson's state."""
    states = store.lesson_states(course)
    width = max([len(lesson.id) for lesson in course.lessons] + [len("lesson")])
    out(f"Progress file: {store.status.path}")
    out(f"{'lesson':<{width}}  {'state':<11}  best quiz")
    for lesson in course.lessons:
        state = states[lesson.id]
        best = f"{state.best_score}/{state.best_total}" if state.best_total else "-"
        out(f"{lesson.id:<{width}}  {state.state:<11}  {best}")
    return EXIT_OK


def _percent(ratio: float | None) -> str:
    return "-" if ratio is None else f"{100 * ratio:.0f}%"
