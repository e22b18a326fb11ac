"""The ``ce-tutor`` command: open the app, or list, check and practise the course, or show progress.

User mistakes (a missing folder, a malformed course) are printed to stderr as located one-line
problems with a non-zero exit code, never as a traceback. Everything printed goes through
``cli_output`` (control characters escaped, fitted to what stdout can encode).

Exit codes: 0 done; 1 a problem with the course, the progress or a file; 2 a usage error, or the
app asked for without a terminal; 130 interrupted (Ctrl-C); 141 stdout closed early (``ce-tutor
stats | head -1``), as a program killed by SIGPIPE reports, silently.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from tutor import __version__
from tutor.cli_output import err, out
from tutor.cli_progress import add_commands as add_progress_commands
from tutor.cli_progress import run as run_progress_command
from tutor.exercises import commands as exercises_command

if TYPE_CHECKING:
    from tutor.content.model import Course

if TYPE_CHECKING:
    from tutor.content.model import Course
    from tutor.ui.start import Start

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141
#: A hostile course can have thousands of problems; the first ones are enough to start fixing.
MAX_PROBLEMS_SHOWN = 50
APP_COMMANDS = (None, "lesson", "quiz", "practice", "review")


class _Parser(argparse.ArgumentParser):
    """argparse, with its error line printed like every other (it can quote what was typed)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        err(f"{self.prog}: error: {message}")
        sys.exit(EXIT_USAGE)


def _folder(value: str) -> Path:
    """A folder argument: an empty one would silently mean the current directory."""
    if not value.strip():
        raise argparse.ArgumentTypeError("must not be empty (use . for the current folder)")
    return Path(value)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ce-tutor",
        description="Learn cross-entropy loss in the terminal: lessons, live plots, explorers and quizzes.",
        epilog="With no command, ce-tutor opens the course map.",
    )
    parser.add_argument("--version", action="version", version=f"ce-tutor {__version__}")
    parser.add_argument(
        "--content", metavar="DIR", type=_folder, help="use the course in DIR instead of the bundled one"
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=_folder,
        help="keep progress in DIR (default: $CE_TUTOR_HOME, else your user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser("list", help="list the lessons: id, title, minutes, questions")
    check = commands.add_parser("check", help="validate a course and verify every number it states")
    check.add_argument(
        "dir", nargs="?", type=_folder, metavar="DIR", help="course folder (default: the bundled course)"
    )
    for name, what in (("lesson", "open a lesson"), ("quiz", "take a lesson's quiz")):
        sub = commands.add_parser(name, help=what)
        sub.add_argument("id", metavar="ID", help="lesson id (see 'ce-tutor list')")
        sub.add_argument("--seed", type=int, metavar="N", help="make option order reproducible")
    practice = commands.add_parser("practice", help="practise with generated questions")
    practice.add_argument("id", nargs="?", metavar="ID", help="lesson id (default: all lessons)")
    practice.add_argument("--seed", type=int, metavar="N", help="draw the same numbers again")
    add_progress_commands(commands)
    exercises_command.add_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = _dispatch(args)
        sys.stdout.flush()  # here, where a closed pipe can still be caught
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    return code


def _discard_stdout() -> None:
    """Point stdout at /dev/null: the reader is gone, and Python's flush at exit must not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real stdout (a test's capture): nothing to redirect
        pass


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "check":
        return _check(args.dir or args.content)
    if args.command == "exercises" and (code := exercises_command.run(args)) is not None:
        return code
    course = _load(args.content, cached=True)
    if course is None:
        return EXIT_PROBLEMS
    if args.command == "list":
        return _list(course)
    if args.command in ("stats", "progress"):
        code = run_progress_command(args, course, args.data_dir)
        return EXIT_OK if code is None else code
    lesson_id = getattr(args, "id", None)
    if lesson_id is not None and lesson_id not in {lesson.id for lesson in course.lessons}:
        ids = ", ".join(lesson.id for lesson in course.lessons)
        return _fail(f"ce-tutor: no lesson {lesson_id!r}; lessons: {ids}")
    if not _has_terminal():
        err("ce-tutor: the app needs a terminal (stdin and stdout); list, check, stats and progress work without one")
        return EXIT_USAGE
    from tutor.ui.app import run_app

    return run_app(course, start=_opening(args, lesson_id), seed=getattr(args, "seed", None), data_dir=args.data_dir)


def _opening(args: argparse.Namespace, lesson_id: str | None) -> Start | None:
    """Where the app opens for the command given (None: the course map)."""
    from tutor.ui.start import OpenExercises, OpenLesson, Practise, ReviewDue, TakeQuiz

    if args.command == "practice":
        return Practise(lesson_id)
    if args.command == "review":
        return ReviewDue()
    if args.command == "exercises":
        return OpenExercises(exercises_command.workspace_dir(args))
    if lesson_id is None:
        return None
    return OpenLesson(lesson_id) if args.command == "lesson" else TakeQuiz(lesson_id)


def _has_terminal() -> bool:
    """Both ends are a terminal: without one the app would draw escape codes into a pipe forever."""
    try:
        return sys.stdin is not None and sys.stdout is not None and sys.stdin.isatty() and sys.stdout.isatty()
    except (OSError, ValueError):  # closed streams
        return False


def _load(directory: Path | None, *, cached: bool = False) -> Course | None:
    """The course, or None after printing its problems to stderr (``check`` never uses the cache)."""
    from tutor.content import CourseError, bundled_course_dir

    root = directory or bundled_course_dir()
    try:
        if cached:
            from tutor.content.cache import load_course_cached

            return load_course_cached(root)
        from tutor.content.loader import load_course

        return load_course(root)
    except CourseError as exc:
        for line in exc.lines[:MAX_PROBLEMS_SHOWN]:
            err(line)
        if len(exc.lines) > MAX_PROBLEMS_SHOWN:
            err(f"… and {len(exc.lines) - MAX_PROBLEMS_SHOWN} more")
        err(f"ce-tutor: the course has {len(exc.lines)} problem(s); nothing was opened")
        return None


#: Titles are wrapped to the terminal, but never narrower than this.
MIN_TITLE_WIDTH = 16


def _list(course: Course) -> int:
    """One line per lesson; a title too long for the terminal wraps under the title column."""
    import shutil
    import textwrap

    width = max(len(lesson.id) for lesson in course.lessons) if course.lessons else 2
    indent = " " * (width + 12)
    room = max(MIN_TITLE_WIDTH, shutil.get_terminal_size().columns - len(indent))
    out(f"{'id':<{width}}  {'min':>3}  {'qs':>3}  title")
    for lesson in course.lessons:
        title = textwrap.wrap(_one_line(lesson.title), room) or [""]
        out(f"{lesson.id:<{width}}  {lesson.minutes:>3}  {len(lesson.questions):>3}  {title[0]}")
        for more in title[1:]:
            out(indent + more)
    return EXIT_OK


def _one_line(text: str) -> str:
    """A title in a table row: a newline or tab in it would break the row."""
    from tutor.safe_text import printable

    return printable(text, one_line=True)


def _check(directory: Path | None) -> int:
    from tutor.content.checks import check_course

    course = _load(directory)
    if course is None:
        return EXIT_PROBLEMS
    problems = check_course(course)
    for line in problems[:MAX_PROBLEMS_SHOWN]:
        err(line)
    if problems:
        return _fail(f"ce-tutor: {len(problems)} problem(s) with the numbers in the course")
    questions = sum(len(lesson.questions) for lesson in course.lessons)
    out(
        f"ok: {len(course.lessons)} lessons, {questions} questions, "
        f"{len(course.stated_numbers)} stated numbers verified by the core ({course.root})"
    )
    return EXIT_OK


def _fail(message: str) -> int:
    err(message)
    return EXIT_PROBLEMS


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
