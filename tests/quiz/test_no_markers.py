"""No ``{{ … }}`` number marker and no ``{p}`` placeholder ever reaches the learner from a quiz.

Every question of the bundled course is asked (generated ones for a sample of their draws) and
everything its ``Asked`` hands the screen is collected: prompt, hint, precision, option labels,
and the verdict of every possible answer (each option; for a typed answer the right one, each
slip, a wrong one) and of a skip, which carry the given and expected answers, explanations and
slip messages. Feedback once read "Right answer: a) It rises by log 10 {{ log(10) ≈ 2.3 }}".
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest

from tutor.content import bundled_course_dir, load_course
from tutor.content.expr import evaluate
from tutor.content.kinds import Asked, GeneratedQuestion, NumberAsked, OptionsAsked, QuestionBase, Verdict
from tutor.content.kinds.generated import bind
from tutor.content.kinds.numeric import show_number

COURSE = load_course(bundled_course_dir())
QUESTIONS = [q for lesson in COURSE.lessons for q in lesson.questions]
LEFTOVER = re.compile(r"\{\{|\}\}|\{[A-Za-z_]\w*\}")


def asked_forms(question: QuestionBase) -> Iterator[Asked]:
    """The question as the learner may meet it: several option orders, or a sample of draws."""
    if isinstance(question, GeneratedQuestion):
        for values in question.all_draws()[::97]:
            yield NumberAsked(bind(question, values), original=question)
    for seed in range(3):
        yield question.ask(random.Random(seed))


def shown(asked: Asked) -> Iterator[str]:
    """Every piece of text the quiz can show for ``asked``."""
    yield from (asked.prompt, asked.hint, asked.precision)
    verdicts: list[Verdict] = [asked.reveal()]
    if isinstance(asked, OptionsAsked):
        yield from asked.labels
        verdicts += [asked.grade(i) for i in range(len(asked.labels))]
    else:
        assert isinstance(asked, NumberAsked)
        numeric = asked.numeric
        answers = [evaluate(numeric.answer), *(evaluate(slip.answer) for slip in numeric.slips)]
        typed = [show_number(value, numeric.precision) for value in answers]
        verdicts += [asked.grade(text) for text in [*typed, "12345"]]
        assert all(verdict.slip for verdict in verdicts[2 : 2 + len(numeric.slips)])  # each slip is named
    for verdict in verdicts:
        yield from (verdict.given, verdict.expected, verdict.explanation, verdict.slip)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_nothing_the_quiz_shows_holds_a_marker_or_a_placeholder(question: QuestionBase) -> None:
    for asked in asked_forms(question):
        for text in shown(asked):
            assert not LEFTOVER.search(text), (question.id, text)


def test_the_check_above_can_fail() -> None:
    assert LEFTOVER.search("It rises by log 10 {{ log(10) ≈ 2.3 }}")
    assert LEFTOVER.search("ŷ = {p}")
    assert not LEFTOVER.search("It rises by log 10 ≈ 2.3; a set {0, 1}")
