"""Every draw of every numeric and generated question of the bundled course, graded both ways.

``ce-tutor check`` verifies the numbers (``numeric.draw_problems``); these tests are written
apart from it, from the learner's side: for every draw, the right answer written to the stated
precision (or more finely) is read by ``parse_number`` and accepted by the precision, and each
listed slip and each classic mistake, typed exactly or rounded to the precision, is refused.
A sample of draws (every one of a fixed question, every ``STRIDE``-th of a generated one) goes
the whole way through ``Asked.grade`` as the quiz does, slips named. Then the cases the issue
reported, one test each, so each stays fixed by name.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator

import pytest

from tutor.content import bundled_course_dir, load_course
from tutor.content.expr import evaluate
from tutor.content.kinds import GeneratedQuestion, NumberAsked, NumericQuestion, Precision, QuestionBase
from tutor.content.kinds.generated import bind
from tutor.content.kinds.numeric import show_number
from tutor.content.slips import classic_mistakes
from tutor.content.typed import parse_number
from tutor.quiz import QuizSession

COURSE = load_course(bundled_course_dir())
QUESTIONS = {q.id: q for lesson in COURSE.lessons for q in lesson.questions}
TYPED = [q for q in QUESTIONS.values() if isinstance(q, (NumericQuestion, GeneratedQuestion))]
#: Every STRIDE-th draw of a generated question is also graded through ``Asked.grade``.
STRIDE = 23


def draws(question: QuestionBase) -> list[dict[str, float]]:
    """Every draw the question can be asked with (a fixed question has one, with no variables)."""
    return question.all_draws() if isinstance(question, GeneratedQuestion) else [{}]


def sampled(question: QuestionBase) -> Iterator[NumberAsked]:
    """The question as asked for a sample of its draws (every one for a fixed question)."""
    if isinstance(question, GeneratedQuestion):
        every = question.all_draws()
        for values in [*every[::STRIDE], every[-1]]:
            yield NumberAsked(bind(question, values), original=question)
    else:
        assert isinstance(question, NumericQuestion)
        yield NumberAsked(question)


def written(value: float, precision: Precision) -> list[str]:
    """``value`` as a learner would type it: rounded to the precision asked, and in full."""
    return [show_number(value, precision), repr(value)]


def accepted(text: str, value: float, precision: Precision) -> bool:
    return precision.accepts(parse_number(text), value)


@pytest.mark.parametrize("question", TYPED, ids=lambda q: q.id)
def test_every_draw_accepts_the_right_answer_and_refuses_every_slip_and_mistake(question: QuestionBase) -> None:
    precision: Precision = question.precision  # type: ignore[attr-defined]
    slips = question.slips  # type: ignore[attr-defined]
    mistakes = classic_mistakes(question.answer)  # type: ignore[attr-defined]
    for values in draws(question):
        value = evaluate(question.answer, values)  # type: ignore[attr-defined]
        finer = f"{value:.{max(precision.places(value) + 2, 0)}f}"
        for text in (
            show_number(value, precision),
            finer,
            repr(value),
            show_number(value, precision).replace(".", ","),
        ):
            assert accepted(text, value, precision), (question.id, values, text)
        wrong = [(slip.answer.source, evaluate(slip.answer, values)) for slip in slips]
        wrong += [(mistake.name, mistake.value(value)) for mistake in mistakes]
        for name, number in wrong:
            for text in written(number, precision):
                assert not accepted(text, value, precision), (question.id, values, name, text)


@pytest.mark.parametrize("question", TYPED, ids=lambda q: q.id)
def test_sampled_draws_are_graded_both_ways_through_the_quiz(question: QuestionBase) -> None:
    for asked in sampled(question):
        numeric = asked.numeric
        value, precision = evaluate(numeric.answer), numeric.precision
        for text in written(value, precision):
            assert asked.grade(text).correct, (asked.prompt, text)
        for slip in numeric.slips:
            for text in written(evaluate(slip.answer), precision):
                verdict = asked.grade(text)
                assert not verdict.correct and verdict.slip, (asked.prompt, slip.answer.source, text)
        for mistake in classic_mistakes(numeric.answer):
            for text in written(mistake.value(value), precision):
                assert not asked.grade(text).correct, (asked.prompt, mistake.name, text)


def test_a_drawn_question_computes_what_its_template_does() -> None:
    """``bind`` writes the draw into the expressions; the sampled grading above relies on it."""
    for question in TYPED:
        if isinstance(question, GeneratedQuestion):
            for values in question.all_draws()[::STRIDE]:
                bound = bind(question, values)
                assert evaluate(bound.answer) == evaluate(question.answer, values)
                for template, slip in zip(question.slips, bound.slips, strict=True):
                    assert evaluate(slip.answer) == evaluate(template.answer, values)


def test_the_course_has_thousands_of_draws_to_check() -> None:
    assert sum(len(draws(q)) for q in TYPED) > 5000


def test_every_typed_question_states_its_precision_before_answering() -> None:
    for question in TYPED:
        asked = question.ask(random.Random(0))
        assert asked.precision.startswith("to "), question.id


# ----- what was seen (issue 9), each by name -------------------------------------------------


def one_draw(question_id: str, **values: float) -> NumberAsked:
    question = QUESTIONS[question_id]
    if isinstance(question, GeneratedQuestion):
        return NumberAsked(bind(question, values), original=question)
    assert isinstance(question, NumericQuestion) and not values
    return NumberAsked(question)


def refused_everywhere(question_id: str, wrong) -> list[dict[str, float]]:
    """The draws of ``question_id`` where ``wrong(values, answer)``, typed to the precision, is accepted."""
    question = QUESTIONS[question_id]
    precision: Precision = question.precision  # type: ignore[attr-defined]
    bad = []
    for values in draws(question):
        value = evaluate(question.answer, values)  # type: ignore[attr-defined]
        number = wrong(values, value)
        if any(accepted(text, value, precision) for text in written(number, precision)):
            bad.append(values)
    return bad


@pytest.mark.parametrize(("question_id", "text"), [("log-inverse", "0.37"), ("log-neg-log-0.9", "0.11")])
def test_correctly_rounded_answers_that_were_refused(question_id: str, text: str) -> None:
    asked = one_draw(question_id)
    assert asked.precision == "to 2 decimals"
    assert asked.grade(text).correct


@pytest.mark.parametrize("question_id", ["mse-practice-grad-z", "ext-practice-temperature"])
def test_answers_at_the_stated_precision_are_accepted_in_every_draw(question_id: str) -> None:
    """Two-decimal answers were refused in most draws (the tolerance was ±0.002)."""
    question = QUESTIONS[question_id]
    precision: Precision = question.precision  # type: ignore[attr-defined]
    for values in draws(question):
        value = evaluate(question.answer, values)  # type: ignore[attr-defined]
        assert accepted(show_number(value, precision), value, precision), values


def test_why_not_mse_practice_seed_5_refuses_zero_and_the_flipped_sign() -> None:
    """``ce-tutor practice why-not-mse --seed 5``, first question: 0 and −answer were marked right."""
    asked = QuizSession([QUESTIONS["mse-practice-grad-z"]], seed=5).asked
    assert isinstance(asked, NumberAsked)
    value = evaluate(asked.numeric.answer)
    assert not asked.grade("0").correct
    assert not asked.grade(show_number(-value, asked.numeric.precision)).correct
    assert refused_everywhere("mse-practice-grad-z", lambda values, answer: 0.0) == []
    assert refused_everywhere("mse-practice-grad-z", lambda values, answer: -answer) == []


@pytest.mark.parametrize("base", [2, 10])
def test_smx_practice_ce_never_accepts_log2_or_log10(base: int) -> None:
    assert refused_everywhere("smx-practice-ce", lambda values, answer: answer / math.log(base)) == []


def test_smx_practice_gap_never_accepts_the_sum() -> None:
    """The listed slip a + b was accepted whenever b = 0."""
    assert refused_everywhere("smx-practice-gap", lambda values, answer: values["a"] + values["b"]) == []
    verdict = one_draw("smx-practice-gap", a=1.5, b=-0.5).grade("1")
    assert not verdict.correct and "sum" in verdict.slip


def test_log_practice_penalty_never_accepts_one_minus_q() -> None:
    """1 − q was accepted for −log q whenever q ≥ 0.91."""
    assert refused_everywhere("log-practice-penalty", lambda values, answer: 1 - values["q"]) == []


def test_ext_practice_temperature_refuses_every_slip_near_z_0() -> None:
    """At z = 0 every slip gave the answer 0.5: such draws are no longer asked."""
    assert all(abs(values["z"]) >= 0.5 for values in draws(QUESTIONS["ext-practice-temperature"]))
    for slip in QUESTIONS["ext-practice-temperature"].slips:  # type: ignore[attr-defined]
        assert (
            refused_everywhere("ext-practice-temperature", lambda values, _, s=slip: evaluate(s.answer, values)) == []
        )


def test_ext_temperature_value_tells_z_over_t_from_z_minus_t() -> None:
    """z = 4, T = 2 gave z/T = z − T: the misconception landed on the right value."""
    verdict = one_draw("ext-temperature-value").grade(show_number(1 / (1 + math.exp(-(3 - 2))), Precision(decimals=2)))
    assert not verdict.correct and "subtracting T" in verdict.slip


def test_ext_loss_to_prob_tells_exp_from_one_minus_l() -> None:
    """L = 0.01 gave 1 − L ≈ e^−L at the stated precision."""
    asked = one_draw("ext-loss-to-prob")
    assert asked.grade(show_number(math.exp(-0.05), asked.numeric.precision)).correct
    verdict = asked.grade("0.95")  # 1 − L
    assert not verdict.correct and "1 − L" in verdict.slip
