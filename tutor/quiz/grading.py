"""Grading one answer to one concrete question: the only place that decides right or wrong.

A verdict carries everything the feedback screen shows — what the learner gave, the right
answer, why — as plain strings, so the UI renders it without knowing any question kind.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from tutor.content.expr import ExprError, evaluate
from tutor.content.model import ChoiceQuestion, NumericQuestion, Tolerance, TrueFalseQuestion
from tutor.content.prose import render
from tutor.quiz.numbers import parse_number

#: The questions grade() takes: generated ones are instantiated first (``tutor.quiz.practice``).
Concrete = ChoiceQuestion | TrueFalseQuestion | NumericQuestion

LETTERS = "abcdefghijklmnopqrstuvwxyz"
_SIGNIFICANT = 4
_MAX_DECIMALS = 15


@dataclass(frozen=True)
class Verdict:
    """The outcome of one answer, ready to show."""

    correct: bool
    given: str
    expected: str
    explanation: str
    slip: str = ""
    skipped: bool = False


def grade(question: Concrete, answer: int | bool | str | float, *, order: Sequence[int] | None = None) -> Verdict:
    """Grade ``answer``: an option index (choice), a bool (true/false), typed text or a float (numeric).

    ``order`` is the display order of a choice question's options (original indices), so the
    letters in the verdict match the screen; without it the original order is shown.
    Typed text that is not a number raises NumberError: it is refused, not graded.
    """
    if isinstance(question, ChoiceQuestion):
        return _grade_choice(question, _index(answer, len(question.options)), order)
    if isinstance(question, TrueFalseQuestion):
        if not isinstance(answer, bool):
            raise TypeError(f"a true/false answer must be a bool, got {answer!r}")
        return Verdict(answer == question.answer, str(answer), str(question.answer), render(question.explain))
    if isinstance(question, NumericQuestion):
        return _grade_numeric(question, answer)
    raise TypeError(f"cannot grade a {type(question).__name__}; instantiate generated questions first")


def reveal(question: Concrete, *, order: Sequence[int] | None = None) -> Verdict:
    """The verdict for a skipped question: missed, with the right answer and its explanation."""
    if isinstance(question, ChoiceQuestion):
        right = question.correct_index
        return Verdict(False, "", _label(question, right, order), render(question.options[right].explain), skipped=True)
    if isinstance(question, TrueFalseQuestion):
        return Verdict(False, "", str(question.answer), render(question.explain), skipped=True)
    if isinstance(question, NumericQuestion):
        expected = _expected(evaluate(question.answer), question.tolerance)
        return Verdict(False, "", expected, render(question.explain), skipped=True)
    raise TypeError(f"cannot reveal a {type(question).__name__}; instantiate generated questions first")


def _index(answer: object, count: int) -> int:
    """A valid option index; bools and negative indices are refused rather than silently accepted."""
    if isinstance(answer, bool) or not isinstance(answer, int):
        raise TypeError(f"a choice answer must be an option index, got {answer!r}")
    if not 0 <= answer < count:
        raise ValueError(f"option index {answer} is out of range 0..{count - 1}")
    return answer


def _grade_choice(question: ChoiceQuestion, chosen: int, order: Sequence[int] | None) -> Verdict:
    right = question.correct_index
    explanation = render(question.options[chosen].explain)
    if chosen != right:
        why = render(question.options[right].explain)
        explanation = f"{explanation}\n\nWhy {_letter(right, order)}) is right: {why}"
    return Verdict(chosen == right, _label(question, chosen, order), _label(question, right, order), explanation)


def _letter(index: int, order: Sequence[int] | None) -> str:
    return LETTERS[list(order).index(index) if order is not None else index]


def _label(question: ChoiceQuestion, index: int, order: Sequence[int] | None) -> str:
    return f"{_letter(index, order)}) {question.options[index].text}"


def _grade_numeric(question: NumericQuestion, answer: str | float) -> Verdict:
    if isinstance(answer, str):
        given, shown = parse_number(answer), answer.strip()
    else:
        given = float(answer)
        shown = repr(given).replace("-", "\u2212")
    value = evaluate(question.answer)
    correct = math.isfinite(given) and question.tolerance.accepts(given, value)
    slip = "" if correct else _slip(question, given)
    return Verdict(correct, shown, _expected(value, question.tolerance), render(question.explain), slip)


def _slip(question: NumericQuestion, given: float) -> str:
    """The message of the first known slip whose value ``given`` matches, or ""."""
    if not math.isfinite(given):
        return ""
    for slip in question.slips:
        try:
            value = evaluate(slip.answer)
        except ExprError:
            continue
        if math.isfinite(value) and question.tolerance.accepts(given, value):
            return slip.message
    return ""


def _expected(value: float, tolerance: Tolerance) -> str:
    """The right answer with enough digits that typing it back is accepted, plus the tolerance."""
    shown = show_number(value, tolerance)
    described = tolerance.describe()
    return f"{shown} ({described})" if described else shown


def show_number(value: float, tolerance: Tolerance | None = None) -> str:
    """``value`` to 4 significant digits (more if ``tolerance`` needs them), positional, with a true minus."""
    if not math.isfinite(value):
        return str(value)
    magnitude = math.floor(math.log10(abs(value))) if value else 0
    decimals = max(0, _SIGNIFICANT - 1 - magnitude)
    text = f"{value:.{decimals}f}"
    while tolerance is not None and not tolerance.accepts(float(text), value) and decimals < _MAX_DECIMALS:
        decimals += 1
        text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return ("0" if text in ("-0", "0") else text).replace("-", "\u2212")
