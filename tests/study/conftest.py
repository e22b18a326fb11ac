"""The mini course (one question of each kind) in two lessons, the real store in memory, a clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import msgspec
import pytest

from tutor.content import load_course
from tutor.content.expr import evaluate
from tutor.content.kinds import NumberAsked, OptionsAsked
from tutor.content.model import Course
from tutor.study import Planner, Progress, QuizRun

MINI = Path(__file__).resolve().parents[1] / "content" / "fixtures" / "mini"


@pytest.fixture(scope="session")
def course() -> Course:
    """Lesson "basics" (pick, tf, num, gen) and a copy "more"; a third lesson "empty" with no questions."""
    basics = load_course(MINI).lessons[0]
    more = msgspec.structs.replace(basics, id="more", title="More")
    empty = msgspec.structs.replace(basics, id="empty", title="Empty", questions=())
    return msgspec.structs.replace(load_course(MINI), lessons=(basics, more, empty))


@pytest.fixture
def progress(course: Course, clock: Callable[[], datetime]) -> Progress:
    return Progress.in_memory(course, clock)


@pytest.fixture
def planner(course: Course, progress: Progress) -> Planner:
    return Planner(course, progress, seed=7)


def right(run: QuizRun) -> object:
    """What the answer widget would post for the right answer to the current question."""
    asked = run.session.asked
    if isinstance(asked, OptionsAsked):
        return asked.right
    assert isinstance(asked, NumberAsked)
    return repr(evaluate(asked.numeric.answer))


def wrong(run: QuizRun) -> object:
    asked = run.session.asked
    if isinstance(asked, OptionsAsked):
        return next(i for i in range(len(asked.labels)) if i != asked.right)
    assert isinstance(asked, NumberAsked)
    return repr(evaluate(asked.numeric.answer) + 1000)


def play(run: QuizRun, pattern: str) -> None:
    """r(ight), w(rong) or s(kip) per question, moving on after each."""
    for move in pattern:
        if move == "s":
            run.skip()
        else:
            run.answer(right(run) if move == "r" else wrong(run))
        run.advance()


class Moves:
    right = staticmethod(right)
    wrong = staticmethod(wrong)
    play = staticmethod(play)


@pytest.fixture
def moves() -> type[Moves]:
    return Moves
