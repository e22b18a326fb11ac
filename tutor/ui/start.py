"""Where the app opens, as the command line asks: a lesson, a quiz, practice, the review, the exercises."""

from __future__ import annotations

from pathlib import Path

import msgspec


class OpenLesson(msgspec.Struct, frozen=True):
    lesson_id: str


class TakeQuiz(msgspec.Struct, frozen=True):
    lesson_id: str


class Practise(msgspec.Struct, frozen=True):
    """A practice set from one lesson, or from every lesson (``lesson_id`` None)."""

    lesson_id: str | None = None


class ReviewDue(msgspec.Struct, frozen=True):
    """The questions due for review."""


class OpenExercises(msgspec.Struct, frozen=True):
    """The exercise track on ``directory`` (default ./ce-tutor-exercises)."""

    directory: Path | None = None


Start = OpenLesson | TakeQuiz | Practise | ReviewDue | OpenExercises
