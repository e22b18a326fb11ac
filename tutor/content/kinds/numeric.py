"""``numeric``: a typed number; the answer is an expression the core computes, never a typed constant.

Also the grading every typed-number question shares (``generated`` questions are asked as
numeric ones once their numbers are drawn): tolerance, named slips and how the right answer reads.
"""

from __future__ import annotations

import math
import random

from tutor.content.checks import finite
from tutor.content.errors import Location
from tutor.content.expr import Expr, ExprError, evaluate
from tutor.content.fields import Fields
from tutor.content.kinds.base import Asked, QuestionBase, Verdict
from tutor.content.kinds.parts import Slip, Tolerance
from tutor.content.prose import render
from tutor.content.typed import parse_number

BUILTIN_SLIPS = ("log2", "log10", "sign", "complement", "mse")
SLIP_NEEDS = {"complement": "it needs a variable p", "mse": "it needs a call of bce, bce_grad_p or bce_grad_z"}
_SIGNIFICANT = 4
_MAX_DECIMALS = 15


class NumericQuestion(QuestionBase, frozen=True, tag="numeric"):
    """A typed number; the answer is an expression the core computes, never a typed constant."""

    answer: Expr
    tolerance: Tolerance
    explain: str
    slips: tuple[Slip, ...] = ()

    @classmethod
    def read(cls, f: Fields) -> NumericQuestion | None:
        answer = f.expr("answer")
        question = cls(
            id=f.text("id", prose=False),
            prompt=f.text("prompt"),
            answer=answer,  # type: ignore[arg-type]  # None only after reporting; dropped below
            tolerance=read_tolerance(f),
            explain=f.text("explain"),
            hint=f.text("hint", ""),
            slips=read_slips(f, frozenset(), answer),
        )
        return question if answer is not None else None

    def check(self, where: Location) -> list[str]:
        problems = [finite(self.answer, {}, where)]
        problems += [slip_problem(self.answer, self.tolerance, slip, [{}], where) for slip in self.slips]
        return [p for p in problems if p]

    def ask(self, rng: random.Random) -> NumberAsked:
        return NumberAsked(self)


class NumberAsked(Asked):
    """A question answered by typing a number."""

    WIDGET = "tutor.ui.widgets.answers:NumberAnswer"

    def __init__(self, question: NumericQuestion, original: QuestionBase | None = None) -> None:
        super().__init__(original or question, render(question.prompt), render(question.hint))
        #: The question with its numbers (a generated one's drawn numbers written in).
        self.numeric = question

    def grade(self, answer: object) -> Verdict:
        """``answer`` is the text typed (refused with NumberError when it is not a number) or a float."""
        question = self.numeric
        if isinstance(answer, str):
            given, shown = parse_number(answer), answer.strip()
        elif isinstance(answer, float) and not isinstance(answer, bool):
            given, shown = answer, repr(answer).replace("-", "\u2212")
        else:
            raise TypeError(f"a numeric answer is typed text or a float, got {answer!r}")
        value = evaluate(question.answer)
        correct = math.isfinite(given) and question.tolerance.accepts(given, value)
        slip = "" if correct else _slip(question, given)
        return Verdict(correct, shown, _expected(value, question.tolerance), render(question.explain), slip)

    def reveal(self) -> Verdict:
        expected = _expected(evaluate(self.numeric.answer), self.numeric.tolerance)
        return Verdict(False, "", expected, render(self.numeric.explain), skipped=True)


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


# ----- reading and checking (shared with ``generated``) -------------------------------------


def read_tolerance(f: Fields) -> Tolerance:
    t = f.child("tolerance", f.data.get("tolerance")) if "tolerance" in f.data else None
    f.used.add("tolerance")
    if t is None:
        f.error("missing required key 'tolerance' (e.g. tolerance: {abs: 0.01})")
        return Tolerance(abs=0.0)
    tolerance = Tolerance(t.number("abs", None, low=0.0), t.number("rel", None, low=0.0, high=1.0))
    if t.ok and tolerance.abs is None and tolerance.rel is None:
        t.error("give abs, rel or both")
    t.finish()
    return tolerance


def read_slips(f: Fields, names: frozenset[str], answer: Expr | None) -> tuple[Slip, ...]:
    """The ``slips`` list: built-in names (see ``tutor.content.slips``) or ``{answer, message}``."""
    from tutor.content.slips import builtin_slip

    slips = []
    for item, path, line in f.items("slips", []):
        slip: Slip | None = None
        if isinstance(item, str):
            slip = builtin_slip(item, answer) if answer is not None and item in BUILTIN_SLIPS else None
            if item not in BUILTIN_SLIPS:
                f.problems.add(
                    Location(f.file, line, path), f"unknown slip {item!r}; built-in slips: {', '.join(BUILTIN_SLIPS)}"
                )
            elif slip is None and answer is not None:
                f.problems.add(
                    Location(f.file, line, path),
                    f"slip {item!r} does not apply to {answer.source!r} ({SLIP_NEEDS[item]}); "
                    "write it as {answer: EXPR, message: TEXT}",
                )
        else:
            s = Fields(item, f.file, path, f.problems, line)
            expr, message = s.expr("answer", names), s.text("message")
            s.finish()
            slip = Slip(expr, message) if expr is not None else None
        if slip is not None:
            slips.append(slip)
    return tuple(slips)


def slip_problem(answer: Expr, tolerance: Tolerance, slip: Slip, envs: list[dict[str, float]], where: Location) -> str:
    """A slip must compute, and must differ from the right answer for some draw (or it never shows)."""
    for env in envs:
        problem = finite(slip.answer, env, where)
        if problem:
            return problem
    if all(tolerance.accepts(evaluate(slip.answer, env), evaluate(answer, env)) for env in envs):
        return f"{where}: slip {slip.answer.source!r} is accepted as the right answer, so it can never be named"
    return ""
