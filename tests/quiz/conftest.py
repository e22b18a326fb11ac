"""Shared quiz fixtures: the mini course's questions, one of each kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.content import load_course
from tutor.content.kinds import QuestionBase

MINI = Path(__file__).resolve().parents[1] / "content" / "fixtures" / "mini"


@pytest.fixture(scope="session")
def mini_questions() -> dict[str, QuestionBase]:
    """The mini course's quiz, by id: pick (choice), tf, num (numeric), gen (generated)."""
    lesson = load_course(MINI).lesson("basics")
    return {q.id: q for q in lesson.questions}
