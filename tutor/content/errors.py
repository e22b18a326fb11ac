"""The one error a course author sees, kept apart so importing it does not load the YAML parser."""

from __future__ import annotations


class CourseError(Exception):
    """The course has problems; ``lines`` lists each as ``file:line path: message``."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))
