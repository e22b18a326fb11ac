"""A two-lesson course built in code, and a clock the tests can move."""

from __future__ import annotations

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
