"""Each question kind's grading (``Asked.grade``/``reveal``): right and wrong, precisions at their
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
    Precision,
    QuestionBase,
    Slip,
    TrueFalseQuestion,
    Verdict,
)
from tutor.content.kinds.choice import ChoiceAsked
from tutor.content.typed import NumberError, parse_number

TWO_DECIMALS = Precision(decimals=2)


def numeric(answer: str, precision: Precision = TWO_DECIMALS, explain: str = "Because.") -> NumericQuestion:
    return NumericQuestion(id="n", prompt="Compute it.", answer=parse(answer), precision=precision, explain=explain)


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


@pytest.mark.parametrize(
    "typed", ["0.69", "0.693", "0.6931", "0,69", " .6932 ", "0.694", "ln(2)", "-log(0.5)", "1/1.44"]
)
def test_numeric_right(mini_questions, typed: str) -> None:
    verdict = grade(mini_questions["num"], typed)
    assert verdict.correct and not verdict.slip
    shown = typed.strip().replace("-", "\u2212")  # echoed as typed, with the course's minus sign
    assert verdict.given == shown or verdict.given.startswith(f"{shown} = 0.69")  # a calculation's value
    assert verdict.expected == "0.69 (to 2 decimals)"
    assert verdict.explanation == "It is ≈ 0.693."


@pytest.mark.parametrize(
    ("typed", "slip"),
    [
        ("0.30", "log base 10"),
        ("0.301", "log base 10"),
        ("log10(2)", "log base 10"),
        ("1", "log base 2"),
        ("1.00", "log base 2"),
        ("−0.69", "sign is flipped"),
        ("0.70", ""),  # not 0.6931 correctly rounded to 2 decimals
        ("0.7", ""),
        ("0.68", ""),
    ],
)
def test_numeric_wrong_names_the_slip(mini_questions, typed: str, slip: str) -> None:
    verdict = grade(mini_questions["num"], typed)
    assert not verdict.correct
    assert (slip in verdict.slip) if slip else verdict.slip == ""


def test_a_calculation_is_shown_with_the_value_graded(mini_questions) -> None:
    assert grade(mini_questions["num"], " 1/1.44 ").given == "1/1.44 = 0.6944"
    assert grade(mini_questions["num"], "0,69").given == "0,69"


def test_numeric_refuses_unreadable_text(mini_questions) -> None:
    with pytest.raises(NumberError):
        grade(mini_questions["num"], "about 0.7")


def test_numeric_refuses_the_courses_own_functions(mini_questions) -> None:
    """bce(0.5, 1) is the answer's own expression: typing it would give the answer away."""
    with pytest.raises(NumberError, match="‘bce’ cannot be used"):
        grade(mini_questions["num"], "bce(0.5, 1)")


@pytest.mark.parametrize("given_", [math.nan, math.inf, -math.inf])
def test_numeric_never_accepts_nan_or_inf(given_: float) -> None:
    for precision in (Precision(decimals=0), Precision(significant=1)):
        verdict = grade(numeric("1", precision), given_)
        assert not verdict.correct and verdict.slip == ""


def test_numeric_float_answer() -> None:
    verdict = grade(numeric("-log(0.5)", Precision(decimals=3)), -0.25)
    assert not verdict.correct
    assert verdict.given == "−0.25"


@pytest.mark.parametrize(
    ("answer", "precision", "inside", "outside"),
    [
        ("1", Precision(decimals=1), [1.05, 0.95, 1.0, 1.04999], [1.0501, 0.9499]),
        ("exp(-1)", TWO_DECIMALS, [0.37, 0.368, 0.3679, 0.3728], [0.36, 0.362, 0.373, 0.38]),
        ("-log(0.9)", TWO_DECIMALS, [0.11, 0.105, 0.1054], [0.10, 0.1, 0.12]),
        ("200", Precision(significant=2), [205.0, 195.0, 200.0], [205.01, 194.99]),
        ("-0.0347", Precision(significant=2), [-0.035, -0.0347, -0.0342], [-0.034, -0.036, 0.035, 0.0]),
        ("0.0996", Precision(significant=2), [0.1, 0.10, 0.0996], [0.099, 0.11]),
        ("12345.6", Precision(decimals=0), [12346.0, 12345.5], [12345.0, 12347.0]),
        ("0", Precision(decimals=2), [0.0, 0.005, -0.005], [0.0051, 0.01]),
    ],
)
def test_precision_edges(answer: str, precision: Precision, inside: list[float], outside: list[float]) -> None:
    question = numeric(answer, precision)
    assert all(grade(question, x).correct for x in inside)
    assert not any(grade(question, x).correct for x in outside)
    assert all(grade(question, repr(x)).correct for x in inside)


def test_significant_figures_of_zero_accept_only_zero() -> None:
    question = numeric("0", Precision(significant=2))
    assert grade(question, "0").correct and not grade(question, "0.001").correct


@pytest.mark.parametrize(
    ("answer", "precision", "expected"),
    [
        ("bce(0.01, 1)", Precision(decimals=4), "4.6052 (to 4 decimals)"),
        ("bce(0.01, 1)", Precision(decimals=1), "4.6 (to 1 decimal)"),
        ("bce(0.01, 1)", Precision(significant=3), "4.61 (to 3 significant figures)"),
        ("0.8", TWO_DECIMALS, "0.80 (to 2 decimals)"),
        ("-0.0347", Precision(significant=2), "−0.035 (to 2 significant figures)"),
        ("0.0996", Precision(significant=2), "0.10 (to 2 significant figures)"),
        ("-12345.6", Precision(significant=2), "−12000 (to 2 significant figures)"),
        ("-12345.6", Precision(decimals=0), "−12346 (to the nearest whole number)"),
        ("-0.001", TWO_DECIMALS, "0.00 (to 2 decimals)"),
    ],
)
def test_expected_is_the_answer_rounded_to_the_precision(answer: str, precision: Precision, expected: str) -> None:
    assert grade(numeric(answer, precision), "0").expected == expected


def test_the_precision_is_stated_before_answering(mini_questions) -> None:
    assert asked(mini_questions["num"]).precision == "to 2 decimals"
    assert asked(mini_questions["gen"]).precision == "to 2 decimals"
    assert asked(mini_questions["pick"]).precision == ""
    assert Precision(significant=1).describe() == "to 1 significant figure"


PRECISIONS = st.one_of(
    st.builds(Precision, decimals=st.integers(0, 8)), st.builds(Precision, significant=st.integers(1, 8))
)


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).filter(lambda v: abs(v) > 1e-6), PRECISIONS)
def test_expected_typed_back_is_accepted(value: float, precision: Precision) -> None:
    question = numeric(repr(value), precision)
    shown = grade(question, "0").expected.split(" (")[0]
    assert grade(question, shown).correct


@given(
    st.floats(min_value=-1e4, max_value=1e4, allow_nan=False).filter(lambda v: abs(v) > 1e-4),
    PRECISIONS,
    st.integers(0, 3),
)
def test_every_correctly_rounded_answer_is_accepted(value: float, precision: Precision, finer: int) -> None:
    """The answer rounded to the precision, or more finely, in any spelling, is marked right."""
    places = precision.places(value) + finer
    question = numeric(repr(value), precision)
    rounded = round(value, places)
    for text in (f"{rounded:.{max(places, 0)}f}", f"{rounded:.{max(places, 0)}f}".replace(".", ","), repr(rounded)):
        assert grade(question, text).correct, (value, precision, text)


@given(st.floats(min_value=-1e4, max_value=1e4, allow_nan=False), PRECISIONS, st.floats(-3, 3))
def test_accepted_means_within_half_a_unit(value: float, precision: Precision, units: float) -> None:
    unit = precision.unit(value)
    given_ = value + units * unit
    accepted = grade(numeric(repr(value), precision), given_).correct
    if abs(units) < 0.4999:
        assert accepted
    elif abs(units) > 0.5001 and unit > 0:
        assert not accepted


@given(st.text(max_size=30))
def test_arbitrary_text_is_refused_or_graded_never_wrongly(text: str) -> None:
    question = numeric("bce(0.5, 1)")
    try:
        verdict = grade(question, text)
    except NumberError:
        with pytest.raises(NumberError):
            parse_number(text)
        return
    number = parse_number(text)
    assert verdict.correct == (abs(number - float(core.bce(0.5, 1))) <= 0.005 * (1 + 1e-9))


# ----- reveal (skip) ----------------------------------------------------------------------


def test_reveal_shows_the_right_answer(mini_questions) -> None:
    choice = reveal(mini_questions["pick"], order=(1, 0))
    assert choice == Verdict(False, "", "b) −log 0.01", "It is ≈ 4.6.", skipped=True)
    assert reveal(mini_questions["tf"]).expected == "True"
    numeric_ = reveal(mini_questions["num"])
    assert numeric_.skipped and not numeric_.correct
    assert numeric_.expected == "0.69 (to 2 decimals)" and numeric_.explanation == "It is ≈ 0.693."


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


def test_a_slip_message_reads_as_prose_markers_rendered() -> None:
    question = NumericQuestion(
        id="n",
        prompt="Compute −log 0.5.",
        answer=parse("-log(0.5)"),
        precision=TWO_DECIMALS,
        explain="Because.",
        slips=(Slip(parse("-log10(0.5)"), "Base 10 gives {{ -log10(0.5) ≈ 0.30 }}."),),
    )
    assert grade(question, "0.30").slip == "Base 10 gives ≈ 0.30."
