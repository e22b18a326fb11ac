"""Where the app opens, as the command line asks: a lesson, a quiz, practice, the review, the exercises."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class OpenLesson:
    lesson_id: str


@dataclass(frozen=True)
class TakeQuiz:
    lesson_id: str


@dataclass(frozen=True)
class Practise:
    """A practice set from one lesson, or from every lesson (``lesson_id`` None)."""

    lesson_id: str | None = None


@dataclass(frozen=True)
class ReviewDue:
    """The questions due for review."""


@dataclass(frozen=True)
class OpenExercises:
    """The exercise track on ``directory`` (default ./ce-tutor-exercises)."""

    directory: Path | None = None


Start = OpenLesson | TakeQuiz | Practise | ReviewDue | OpenExercises
