"""``ce-tutor stats``, ``progress`` and ``review``: the progress store from the command line.

Problems are one line on stderr and exit code 1, never a traceback. ``review`` opens the app,
so ``run`` leaves it to the caller (it returns None for it).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from tutor.progress.store import Stats, Store, open_store

if TYPE_CHECKING:
    from tutor.content.model import Course

EXIT_OK, EXIT_PROBLEMS = 0, 1
CHART_DAYS = 14


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``stats``, ``progress`` and ``review`` subcommands to the ``ce-tutor`` parser."""
    stats = subparsers.add_parser("stats", help="answers, accuracy per lesson, reviews due, accuracy over time")
    stats.add_argument("--json", action="store_true", help="print the numbers as JSON, for scripts")
    progress = subparsers.add_parser("progress", help="show, export or reset the saved progress")
    action = progress.add_mutually_exclusive_group()
    action.add_argument("--export", metavar="FILE", type=Path, help="write all saved progress to FILE as JSON")
    action.add_argument("--reset", action="store_true", help="delete all saved progress (asks first)")
    progress.add_argument("--yes", action="store_true", help="with --reset: do not ask")
    subparsers.add_parser("review", help="review the questions that are due")


def run(args: argparse.Namespace, course: Course, data_dir: Path | None) -> int | None:
    """Run ``stats`` or ``progress``; None for ``review``, which the caller routes to the app."""
    if args.command == "review":
        return None
    with open_store(data_dir) as store:
        if store.status.message:
            print(f"ce-tutor: {store.status.message}", file=sys.stderr)
        if not store.status.saving:
            return EXIT_PROBLEMS
        if args.command == "stats":
            return _stats(store, course, as_json=args.json)
        if args.export is not None:
            return _export(store, args.export)
        if args.reset:
            return _reset(store, ask=not args.yes)
        return _show(store, course)


def _stats(store: Store, course: Course, *, as_json: bool) -> int:
    stats = store.stats(course)
    if as_json:
        print(json.dumps({"path": str(store.status.path), **asdict(stats)}, indent=2))
    else:
        print(format_stats(stats, store.status.path))
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
    plt.bar([day.date[5:] for day in days], [round(100 * day.accuracy) for day in days])
    plt.ylim(0, 100)
    plt.yticks([0, 25, 50, 75, 100])
    plt.title("accuracy per day (%, UTC)")
    return plt.uncolorize(plt.build()).rstrip()


def _export(store: Store, target: Path) -> int:
    data = store.export()
    try:
        target.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        print(f"ce-tutor: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Exported {len(data['answers'])} answers and {len(data['scores'])} scores to {target}")
    return EXIT_OK


def _reset(store: Store, *, ask: bool) -> int:
    """Delete everything, after a yes on stdin; no answer (EOF, no stdin) is a no, exit 1."""
    if ask and not _confirm(f"Delete all progress in {store.status.path}? [y/N]"):
        print("ce-tutor: nothing deleted", file=sys.stderr)
        return EXIT_PROBLEMS
    store.reset()
    if not store.status.saving:
        print(f"ce-tutor: {store.status.message}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Deleted all progress in {store.status.path}")
    return EXIT_OK


def _confirm(question: str) -> bool:
    print(question, end=" ", flush=True)
    try:
        answer = sys.stdin.readline() if sys.stdin else ""
    except (OSError, ValueError):  # stdin closed or unreadable: not a yes
        answer = ""
    return answer.strip().lower() in ("y", "yes")


def _show(store: Store, course: Course) -> int:
    """``ce-tutor progress`` alone: where the file is and each lesson's state."""
    states = store.lesson_states(course)
    width = max([len(lesson.id) for lesson in course.lessons] + [len("lesson")])
    print(f"Progress file: {store.status.path}")
    print(f"{'lesson':<{width}}  {'state':<11}  best quiz")
    for lesson in course.lessons:
        state = states[lesson.id]
        best = f"{state.best_score}/{state.best_total}" if state.best_total else "-"
        print(f"{lesson.id:<{width}}  {state.state:<11}  {best}")
    return EXIT_OK


def _percent(ratio: float | None) -> str:
    return "-" if ratio is None else f"{100 * ratio:.0f}%"
