"""``ce-tutor exercises``: create a workspace, check it from a shell or an editor, or open it in the app.

``init`` and ``check`` run here; plain ``exercises`` opens the app, so ``run`` leaves it to the
caller (it returns None, and ``workspace_dir(args)`` says which folder). Problems are one line on
stderr; ``check`` exits 0 when every exercise it checked passes and 1 otherwise. Everything is
printed through :mod:`tutor.cli_output` (paths and the learner's output are untrusted text).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tutor.cli_output import err, out
from tutor.exercises import DEFAULT_DIR

if TYPE_CHECKING:
    from tutor.exercises.result import Result

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
MARKS = {"done": "✓", "failing": "✗", "not started": "·"}


def add_command(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``exercises [--dir DIR] [init [DIR] | check [NAME] [--dir DIR]]`` to the ``ce-tutor`` parser."""
    parser = subparsers.add_parser(
        "exercises",
        help="write the losses yourself: Python files checked against the core on every save",
        description="Without an action, open the Exercises screen on the workspace.",
    )
    where = f"the exercise workspace (default: ./{DEFAULT_DIR})"
    parser.add_argument("--dir", dest="exercises_dir", type=Path, metavar="DIR", help=where)
    actions = parser.add_subparsers(dest="exercises_action", metavar="ACTION")
    init = actions.add_parser("init", help="write a new workspace (refuses a folder that is not empty)")
    init.add_argument("init_dir", nargs="?", type=Path, metavar="DIR", help=f"where (default: ./{DEFAULT_DIR})")
    check = actions.add_parser("check", help="check the exercises; exit 0 when all pass, 1 otherwise")
    check.add_argument("name", nargs="?", metavar="NAME", help="check only this exercise")
    check.add_argument("--dir", dest="exercises_dir", type=Path, metavar="DIR", default=argparse.SUPPRESS, help=where)


def workspace_dir(args: argparse.Namespace) -> Path:
    """The workspace the command names: ``init DIR``, else ``--dir DIR``, else the default."""
    return getattr(args, "init_dir", None) or args.exercises_dir or DEFAULT_DIR


def run(args: argparse.Namespace) -> int | None:
    """Run ``init`` or ``check``; None for plain ``exercises``, which the caller opens in the app
    (after this has made sure the workspace exists)."""
    directory = workspace_dir(args)
    if args.exercises_action == "init":
        return _init(directory)
    from tutor.exercises.workspace import is_workspace

    if not is_workspace(directory):
        err(f"ce-tutor: no exercise workspace at {directory}: create one with 'ce-tutor exercises init {directory}'")
        return EXIT_PROBLEMS
    if args.exercises_action == "check":
        return _check(directory, args.name, args.data_dir)
    return None


def _init(directory: Path) -> int:
    from tutor.exercises.workspace import WorkspaceError, init_workspace

    try:
        written = init_workspace(directory)
    except WorkspaceError as exc:
        err(f"ce-tutor: {exc}")
        return EXIT_PROBLEMS
    out(f"Wrote {len(written) - 1} exercises and a README into {directory}.")
    out(
        f"Open them with: ce-tutor exercises --dir {directory}    (or check: ce-tutor exercises check --dir {directory})"
    )
    return EXIT_OK


def _check(directory: Path, name: str | None, data_dir: Path | None) -> int:
    from tutor.exercises.catalog import EXERCISES
    from tutor.exercises.runner import run_check
    from tutor.progress import open_store

    names = [item.name for item in EXERCISES]
    if name is not None and name not in names:
        err(f"ce-tutor: no exercise {name!r}; exercises: {', '.join(names)}")
        return EXIT_USAGE
    chosen = [name] if name else names
    results = []
    with open_store(data_dir) as store:
        if store.status.message:
            err(f"ce-tutor: {store.status.message}")
        for item in chosen:
            result = run_check(directory, item)
            store.record_exercise_result(item, result.ok)
            print_result(result)
            results.append(result)
    done = sum(result.ok for result in results)
    out(f"{done} of {len(results)} done")
    return EXIT_OK if done == len(results) else EXIT_PROBLEMS


def print_result(result: Result) -> None:
    """One line per exercise, then its details and output indented."""
    from tutor.exercises.catalog import position

    mark = MARKS[result.status]
    label = "not done" if result.status == "not started" else result.status
    line = f"{mark} {position(result.exercise):>2}. {result.exercise:<19} {label}"
    if result.ok:
        out(f"{line} ({result.headline}, {result.seconds:.2f} s)")
        return
    headline = result.headline.removeprefix("not done: ")
    out(f"{line}: {headline}")
    if result.status == "failing":
        for extra in result.details:
            out(f"      {extra}")
        if result.output:
            out("      It printed:")
            for text in result.output.splitlines()[:8]:
                out(f"        {text}")
