"""The course: safe YAML in, a frozen, validated model out (no numpy needed to load it)."""

from __future__ import annotations

from pathlib import Path

from tutor.content.loader import CourseError, load_course
from tutor.content.model import Course, Lesson

__all__ = ["Course", "CourseError", "Lesson", "bundled_course_dir", "load_course"]


def bundled_course_dir() -> Path:
    """The course shipped with ce-tutor: inside the wheel, or ``content/`` in a source checkout."""
    packaged = Path(__file__).resolve().parent.parent / "_course"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "content"
