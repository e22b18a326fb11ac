"""The course as plain, frozen data: what the loader builds, the cache stores, and every other layer reads.

A lesson is an ordered list of typed sections and a quiz of typed questions; the kinds are
registered in :mod:`tutor.content.kinds`. Prose fields may hold number markers
(``{{ bce(0.01, 1) ≈ 4.6 }}``, see ``prose.py``).
"""

from __future__ import annotations

import msgspec

from tutor.content.kinds import Question, Section
from tutor.content.prose import StatedNumber


class Lesson(msgspec.Struct, frozen=True):
    id: str
    title: str
    minutes: int
    summary: str
    sections: tuple[Section, ...]
    questions: tuple[Question, ...]
    #: The lesson's file (as a string: the model is plain data).
    source: str


#: The notation sheet's file in a course folder (read by ``notation.py``, hashed by the cache).
NOTATION_FILE = "notation.yaml"


class NotationGroup(msgspec.Struct, frozen=True):
    """A titled group of the notation sheet: each symbol with what it means."""

    title: str
    symbols: tuple[tuple[str, str], ...]


class Course(msgspec.Struct, frozen=True):
    title: str
    lessons: tuple[Lesson, ...]
    #: The course folder.
    root: str
    stated_numbers: tuple[StatedNumber, ...] = ()
    #: The notation sheet (``notation.yaml``): every symbol the course uses; empty if there is none.
    notation: tuple[NotationGroup, ...] = ()

    def lesson(self, lesson_id: str) -> Lesson:
        """The lesson with this id; KeyError names the ids that exist."""
        for lesson in self.lessons:
            if lesson.id == lesson_id:
                return lesson
        raise KeyError(f"no lesson {lesson_id!r}; lessons: {', '.join(item.id for item in self.lessons)}")
