"""The course: safe YAML in, a frozen, validated model out (no numpy needed to load it).

The loader (and with it PyYAML) is imported on first use: a start-up that finds the validated
course in the cache (``cache.py``) never needs it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tutor.content.errors import CourseError
from tutor.content.model import Course, Lesson

if TYPE_CHECKING:
    from tutor.content.loader import load_course

__all__ = ["Course", "CourseError", "Lesson", "bundled_course_dir", "load_course"]


def __getattr__(name: str) -> Any:
    if name == "load_course":
        from tutor.content.loader import load_course

        return load_course
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def bundled_course_dir() -> Path:
    """The course shipped with ce-tutor: inside the wheel, or ``content/`` in a source checkout."""
    packaged = Path(__file__).resolve().parent.parent / "_course"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "content"
