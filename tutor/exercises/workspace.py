"""The learner's exercise folder: create it, reset one file (keeping a backup), watch for saves.

Creating never overwrites anything: an existing folder that is not empty is refused, and each
file is created exclusively. Resetting keeps the learner's version beside the file first.
"""

from __future__ import annotations

import ast
import os
import shlex
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from tutor.exercises.catalog import EXERCISES, Exercise

README = "README.md"

#: (st_mtime_ns, st_ino, st_size): changes on a save in place and on an editor's save by rename.
Signature = tuple[int, int, int]


class WorkspaceError(Exception):
    """A workspace cannot be created or changed; the message is one line for the learner."""


def starter_text(item: Exercise) -> str:
    """The starting text of an exercise file: task in the docstring, signature, a TODO."""
    return (resources.files("tutor.exercises") / "starters" / item.filename).read_text(encoding="utf-8")


@dataclass(frozen=True)
class TaskLine:
    """One unwrapped line of a task: a sentence run of prose, or an indented item (a parameter,
    what to return), and whether a blank line comes before it."""

    text: str
    item: bool
    new_paragraph: bool


@cache
def task_lines(item: Exercise) -> tuple[TaskLine, ...]:
    """The task as its starting file states it (the docstring without its title line), unwrapped
    so a screen of any width can wrap it again: the Exercises screen shows the same words the
    learner's file opens with. A line continues the one before unless it starts a paragraph, or
    is an item after one that ended a sentence or clause (``.``, ``;``, ``:``)."""
    docstring = ast.get_docstring(ast.parse(starter_text(item))) or ""
    lines: list[TaskLine] = []
    blank = False
    for raw in docstring.partition("\n")[2].strip().splitlines():
        text, indented = raw.strip(), raw.startswith(" ")
        if not text:
            blank = True
            continue
        previous = lines[-1] if lines and not blank else None
        joins = previous is not None and previous.item == indented and not previous.text.endswith(":")
        if joins and previous is not None and not (indented and previous.text.endswith((".", ";"))):
            lines[-1] = TaskLine(f"{previous.text} {text}", previous.item, previous.new_paragraph)
        else:
            lines.append(TaskLine(text, indented, blank))
        blank = False
    return tuple(lines)


def init_workspace(directory: Path) -> list[Path]:
    """Write the README and every exercise's starting file into ``directory``; the files written.

    Refuses (WorkspaceError) when ``directory`` exists and is not empty: nothing is overwritten.
    """
    if directory.exists() and not directory.is_dir():
        raise WorkspaceError(f"{directory} exists and is not a folder; nothing was written")
    if directory.is_dir() and any(directory.iterdir()):
        raise WorkspaceError(f"{directory} already exists and is not empty; nothing was written (choose a new folder)")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        readme = (resources.files("tutor.exercises") / "starters" / README).read_text(encoding="utf-8")
        written = [_create(directory / README, readme.replace("THIS_FOLDER", shlex.quote(str(directory))))]
        written += [_create(directory / item.filename, starter_text(item)) for item in EXERCISES]
    except OSError as exc:
        raise WorkspaceError(f"cannot write into {directory}: {exc.strerror or exc}") from exc
    return written


def is_workspace(directory: Path) -> bool:
    """A folder holding at least one exercise file."""
    return directory.is_dir() and any((directory / item.filename).is_file() for item in EXERCISES)


def reset(directory: Path, item: Exercise) -> Path | None:
    """Put the starting text back; the learner's file is kept first as ``<file>.bak`` (``.bak2``, …
    when that exists: no backup is ever overwritten). Returns the backup, or None when there was no file."""
    path = directory / item.filename
    backup = None
    try:
        if path.exists():
            backup = _link_aside(path)
        temporary = path.with_name(f".{path.name}.reset-{os.getpid()}")
        temporary.write_text(starter_text(item), encoding="utf-8")
        temporary.replace(path)  # atomic: a watcher sees the old file or the new one
    except OSError as exc:
        raise WorkspaceError(f"cannot reset {path}: {exc.strerror or exc}") from exc
    return backup


def signature(path: Path) -> Signature | None:
    """What changes when a file is saved, or None when it is missing."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_ino, stat.st_size)


def _create(path: Path, text: str) -> Path:
    with path.open("x", encoding="utf-8") as file:
        file.write(text)
    return path


def _link_aside(path: Path) -> Path:
    """A second name for ``path``'s current content, never replacing an existing file."""
    for n in range(1, 10_000):
        candidate = path.with_name(f"{path.name}.bak{'' if n == 1 else n}")
        try:
            os.link(path, candidate)
        except FileExistsError:
            continue
        except OSError:  # no hard links here: copy, still refusing to overwrite
            try:
                _create(candidate, path.read_text(encoding="utf-8", errors="surrogateescape"))
            except FileExistsError:
                continue
        return candidate
    raise WorkspaceError(f"too many backups of {path.name}; remove some")
