"""Each question kind's grading (``Asked.grade``/``reveal``): right and wrong, tolerances at their
edges, slips named. ``grade`` below asks a question in a given option order, as a session would."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tutor import core
from tutor.content.expr import evaluate, parse
from tutor.content.kinds import (
    Asked,
    ChoiceQuestion,
    NumberAsked,
    NumericQuestion,
    Option,
    QuestionBase,
    Tolerance,
    TrueFalseQuestion,
    Verdict,
)
from tutor.content.kinds.choice import ChoiceAsked
from tutor.content.typed import NumberError, parse_number


def numeric(answer: str, tolerance: Tolerance, explain: str = "Because.") -> NumericQuestion:
    return NumericQuestion(id="n", prompt="Compute it.", answer=parse(answer), tolerance=tolerance, explain=explain)


def asked(question: QuestionBase, order: Sequence[int] | None = None) -> Asked:
    """``question`` as asked, its options in ``order`` (original indices) for a choice question."""
    if isinstance(question, ChoiceQuestion):
        return ChoiceAsked(question, tuple(order if order is not None else range(len(question.options))))
    return question.ask(random.Random(0))


def grade(question: QuestionBase, answer: object, *, order: Sequence[int] | None = None) -> Verdict:
    """Grade ``answer``: for a choice, the ORIGINAL index of the option chosen; for true/false, a bool."""
    if isinstance(question, ChoiceQuestion) and isinstance(answer, int) and not isinstance(answer, bool):
        shown = list(order).index(answer) if order is not None and 0 <= answer < len(order) else answer
        return asked(question, order).grade(shown)
    if isinstance(question, TrueFalseQuestion) and isinstance(answer, bool):
        return asked(question).grade(0 if answer else 1)
    return asked(question, order).grade(answer)


def reveal(question: QuestionBase, *, order: Sequence[int] | None = None) -> Verdict:
    return asked(question, order).reveal()


# ----- choice -----------------------------------------------------------------------------


def test_choice_right(mini_questions) -> None:
    verdict = grade(mini_questions["pick"], 0)
    assert verdict == Verdict(True, "a) −log 0.01", "a) −log 0.01", "It is ≈ 4.6.")


def test_choice_wrong_explains_both(mini_questions) -> None:
    verdict = grade(mini_questions["pick"], 1)
    assert not verdict.correct
    assert (verdict.given, verdict.expected) == ("b) −log 0.99", "a) −log 0.01")
    assert verdict.explanation.startswith("It is ≈ 0.01.")
    assert "Why a) is right: It is ≈ 4.6." in verdict.explanation


def test_choice_letters_follow_display_order(mini_questions) -> None:
    verdict = grade(mini_questions["pick"], 0, order=(1, 0))
    assert verdict.correct
    assert verdict.given == verdict.expected == "b) −log 0.01"


@pytest.mark.parametrize("bad", [-1, 2, True])
def test_choice_refuses_bad_index(mini_questions, bad) -> None:
    with pytest.raises((ValueError, TypeError)):
        grade(mini_questions["pick"], bad)


# ----- true/false -------------------------------------------------------------------------


def test_truefalse(mini_questions) -> None:
    tf = mini_questions["tf"]
    assert grade(tf, True) == Verdict(True, "True", "True", "e⁰ = 1.")
    assert grade(tf, False) == Verdict(False, "False", "True", "e⁰ = 1.")
    with pytest.raises(ValueError):
        grade(tf, 2)


# ----- numeric ----------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["0.693", "0.6931", "0,69", "0.70", " .6832 "])
def test_numeric_right(mini_questions, typed: str) -> None:
    verdict = grade(mini_questions["num"], typed)
    assert verdict.correct and not verdict.slip
    assert verdict.given == typed.strip()
    assert verdict.expected == "0.6931 (±0.01)"
    assert verdict.explanation == "It is ≈ 0.693."


@pytest.mark.parametrize(
    ("typed", "slip"),
    [
        ("0.301", "log base 10"),
        ("0.30", "log base 10"),
        ("1", "log base 2"),
        ("−0.693", "sign is flipped"),
        ("0.72", ""),
    ],
)
def test_numeric_wrong_names_the_slip(mini_questions, typed: str, slip: str) -> None:
    verdict = grade(mini_questions["num"], typed)
    assert not verdict.correct
    assert (slip in verdict.slip) if slip else verdict.slip == ""


def test_numeric_refuses_unreadable_text(mini_questions) -> None:
    with pytest.raises(NumberError):
        grade(mini_questions["num"], "about 0.7")


@pytest.mark.parametrize("given_", [math.nan, math.inf, -math.inf])
def test_numeric_never_accepts_nan_or_inf(given_: float) -> None:
    for tolerance in (Tolerance(abs=1e300), Tolerance(rel=1.0)):
        verdict = grade(numeric("1", tolerance), given_)
        assert not verdict.correct and verdict.slip == ""


def test_numeric_float_answer() -> None:
    verdict = grade(numeric("-log(0.5)", Tolerance(abs=0.001)), -0.25)
    assert not verdict.correct
    assert verdict.given == "−0.25"


@pytest.mark.parametrize(
    ("answer", "tolerance", "inside", "outside"),
    [
        ("1", Tolerance(abs=0.1), [1.1, 0.9, 1.0], [1.1001, 0.8999]),
        ("200", Tolerance(rel=0.01), [202.0, 198.0], [202.01, 197.99]),
        ("-200", Tolerance(rel=0.01), [-202.0, -198.0], [-202.01, -197.99, 200.0]),
        ("0", Tolerance(rel=0.5), [0.0], [1e-12]),
        ("100", Tolerance(abs=0.5, rel=0.01), [100.9, 99.1], [101.01]),
    ],
)
def test_tolerance_edges(answer: str, tolerance: Tolerance, inside: list[float], outside: list[float]) -> None:
    question = numeric(answer, tolerance)
    assert all(grade(question, x).correct for x in inside)
    assert not any(grade(question, x).correct for x in outside)
    assert all(grade(question, repr(x)).correct for x in inside)


def test_expected_shows_enough_digits_for_tight_tolerance() -> None:
    verdict = grade(numeric("bce(0.01, 1)", Tolerance(abs=0.0001)), "4.6")
    assert verdict.expected == "4.6052 (±0.0001)"
    assert grade(numeric("bce(0.01, 1)", Tolerance(rel=0.05)), "4.6").expected == "4.605 (±5%)"
    assert grade(numeric("-12345.6", Tolerance(abs=1)), "0").expected == "−12346 (±1)"


@given(
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).filter(lambda v: v == 0 or abs(v) > 1e-6),
    st.floats(min_value=1e-9, max_value=10),
    st.booleans(),
)
def test_expected_typed_back_is_accepted(value: float, tol: float, relative: bool) -> None:
    tolerance = Tolerance(rel=min(tol, 1.0)) if relative and value else Tolerance(abs=tol)
    question = numeric(repr(value), tolerance)
    shown = grade(question, "0").expected.split(" (")[0]
    assert grade(question, shown).correct


@given(st.text(max_size=30))
def test_arbitrary_text_is_refused_or_graded_never_wrongly(text: str) -> None:
    question = numeric("bce(0.5, 1)", Tolerance(abs=0.01))
    try:
        verdict = grade(question, text)
    except NumberError:
        with pytest.raises(NumberError):
            parse_number(text)
        return
    number = parse_number(text)
    assert verdict.correct == (abs(number - float(core.bce(0.5, 1))) <= 0.01 * (1 + 1e-12))


# ----- reveal (skip) ----------------------------------------------------------------------


def test_reveal_shows_the_right_answer(mini_questions) -> None:
    choice = reveal(mini_questions["pick"], order=(1, 0))
    assert choice == Verdict(False, "", "b) −log 0.01", "It is ≈ 4.6.", skipped=True)
    assert reveal(mini_questions["tf"]).expected == "True"
    numeric_ = reveal(mini_questions["num"])
    assert numeric_.skipped and not numeric_.correct
    assert numeric_.expected == "0.6931 (±0.01)" and numeric_.explanation == "It is ≈ 0.693."


def test_generated_is_asked_as_a_numeric_question_with_drawn_numbers(mini_questions) -> None:
    drawn = mini_questions["gen"].ask(random.Random(3))
    assert isinstance(drawn, NumberAsked) and "{p}" not in drawn.prompt
    assert drawn.grade(repr(evaluate(drawn.numeric.answer))).correct


def test_a_choice_built_in_code() -> None:
    question = ChoiceQuestion(
        id="c", prompt="?", options=(Option("x", False, "no"), Option("y", True, "yes"), Option("z", False, "nope"))
    )
    verdict = grade(question, 2, order=(2, 0, 1))
    assert (verdict.given, verdict.expected) == ("a) z", "c) y")
    assert verdict.explanation == "nope\n\nWhy c) is right: yes"
