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


class Course(msgspec.Struct, frozen=True):
    title: str
    lessons: tuple[Lesson, ...]
    #: The course folder.
    root: str
    stated_numbers: tuple[StatedNumber, ...] = ()

    def lesson(self, lesson_id: str) -> Lesson:
        """The lesson with this id; KeyError names the ids that exist."""
        for lesson in self.lessons:
            if lesson.id == lesson_id:
                return lesson
        raise KeyError(f"no lesson {lesson_id!r}; lessons: {', '.join(item.id for item in self.lessons)}")
