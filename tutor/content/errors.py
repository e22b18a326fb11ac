"""Located problems: the one error a course author sees, and where each problem was written.

Kept apart (and free of the YAML parser) so any layer can report a place without loading more.
"""

from __future__ import annotations

from pathlib import Path

import msgspec


class Location(msgspec.Struct, frozen=True):
    """Where something was written: file, line (1-based, when known) and path in the document."""

    file: str
    line: int | None
    path: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where} {self.path}" if self.path else where


class CourseError(Exception):
    """The course has problems; ``lines`` lists each as ``file:line path: message``."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


class SourceError(Exception):
    """A file that cannot be read as YAML at all; carries ``file:line: message``."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = str(path), line, message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")
