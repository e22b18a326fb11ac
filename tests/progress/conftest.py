"""A two-lesson course built in code, and a clock the tests can move."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tutor.content.kinds import TrueFalseQuestion
from tutor.content.model import Course, Lesson


def _lesson(lesson_id: str, *question_ids: str) -> Lesson:
    questions = tuple(TrueFalseQuestion(id=q, prompt=f"{q}?", answer=True, explain="because") for q in question_ids)
    return Lesson(
        id=lesson_id,
        title=lesson_id.title(),
        minutes=5,
        summary="",
        sections=(),
        questions=questions,
        source=f"{lesson_id}.yaml",
    )


@pytest.fixture
def course() -> Course:
    return Course(title="Mini", lessons=(_lesson("intro", "q1", "q2"), _lesson("bce", "q1", "q2", "q3")), root=".")


class Clock:
    """Starts at a fixed UTC moment; ``advance`` moves it."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()
