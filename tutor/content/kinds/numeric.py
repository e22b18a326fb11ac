"""``numeric``: a typed number; the answer is an expression the core computes, never a typed constant.

Also the grading every typed-number question shares (``generated`` questions are asked as
numeric ones once their numbers are drawn): the precision the learner is asked for, named slips,
how the right answer reads, and the per-draw checks ``ce-tutor check`` runs on both kinds.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from tutor.content.errors import Location
from tutor.content.expr import Expr, ExprError, evaluate
from tutor.content.fields import Fields
from tutor.content.kinds.base import Asked, QuestionBase, Verdict
from tutor.content.kinds.parts import Precision, Slip
from tutor.content.prose import render
from tutor.content.typed import is_plain_number, parse_number

if TYPE_CHECKING:
    from tutor.content.slips import Mistake

BUILTIN_SLIPS = ("log2", "log10", "sign", "complement", "mse")
SLIP_NEEDS = {"complement": "it needs a variable p", "mse": "it needs a call of bce, bce_grad_p or bce_grad_z"}
_SIGNIFICANT = 4
#: Problems reported per question and per kind of problem; the rest are counted.
_SHOWN_PER_QUESTION = 3


class NumericQuestion(QuestionBase, frozen=True, tag="numeric"):
    """A typed number; the answer is an expression the core computes, never a typed constant."""

    answer: Expr
    precision: Precision
    explain: str
    slips: tuple[Slip, ...] = ()

    @classmethod
    def read(cls, f: Fields) -> NumericQuestion | None:
        answer = f.expr("answer")
        question = cls(
            id=f.text("id", prose=False),
            prompt=f.text("prompt"),
            answer=answer,  # type: ignore[arg-type]  # None only after reporting; dropped below
            precision=read_precision(f),
            explain=f.text("explain"),
            hint=f.text("hint", ""),
            slips=read_slips(f, frozenset(), answer),
        )
        return question if answer is not None else None

    def check(self, where: Location) -> list[str]:
        return draw_problems(self.id, self.answer, self.precision, self.slips, [{}], where)

    def ask(self, rng: random.Random) -> NumberAsked:
        return NumberAsked(self)


class NumberAsked(Asked):
    """A question answered by typing a number (or a calculation, see ``tutor.content.typed``)."""

    WIDGET = "tutor.ui.widgets.answers:NumberAnswer"

    def __init__(self, question: NumericQuestion, original: QuestionBase | None = None) -> None:
        super().__init__(original or question, render(question.prompt), render(question.hint))
        #: The question with its numbers (a generated one's drawn numbers written in).
        self.numeric = question
        #: What the learner is asked to give, shown before answering: "to 2 decimals".
        self.precision = question.precision.describe()

    def grade(self, answer: object) -> Verdict:
        """``answer`` is the text typed (refused with NumberError when it cannot be read) or a float."""
        question = self.numeric
        if isinstance(answer, str):
            given, shown = parse_number(answer), answer.strip().replace("-", "\u2212")  # as numbers read here
            if not is_plain_number(shown):
                shown = f"{shown} = {show_number(given)}"  # a calculation: say what was graded
        elif isinstance(answer, float) and not isinstance(answer, bool):
            given, shown = answer, repr(answer).replace("-", "\u2212")
        else:
            raise TypeError(f"a numeric answer is typed text or a float, got {answer!r}")
        value = evaluate(question.answer)
        correct = question.precision.accepts(given, value)
        slip = "" if correct else _slip(question, given)
        return Verdict(correct, shown, expected_text(value, question.precision), render(question.explain), slip)

    def reveal(self) -> Verdict:
        expected = expected_text(evaluate(self.numeric.answer), self.numeric.precision)
        return Verdict(False, "", expected, render(self.numeric.explain), skipped=True)


def _slip(question: NumericQuestion, given: float) -> str:
    """The message of the known slip whose value ``given`` matches (the closest, when several do), or ""."""
    if not math.isfinite(given):
        return ""
    matches = []
    for slip in question.slips:
        try:
            value = evaluate(slip.answer)
        except ExprError:
            continue
        if question.precision.accepts(given, value):
            matches.append((abs(given - value), render(slip.message)))
    return min(matches, key=lambda match: match[0])[1] if matches else ""


def expected_text(value: float, precision: Precision) -> str:
    """The right answer as the learner should give it, and the precision: ``0.69 (to 2 decimals)``."""
    return f"{show_number(value, precision)} ({precision.describe()})"


def show_number(value: float, precision: Precision | None = None) -> str:
    """``value`` correctly rounded to ``precision`` (else to 4 significant digits), positional,
    with a true minus sign. Typed back, the text is accepted at that precision."""
    if not math.isfinite(value):
        return str(value)
    rounding = precision or Precision(significant=_SIGNIFICANT)
    places = rounding.places(value)
    text = _fixed(value, places)
    if rounding.significant is not None and places > 0 and rounding.places(float(text)) < places:
        text = _fixed(value, places - 1)  # rounding up reached the next power of ten: 0.0996 → 0.10
    if precision is None and "." in text:
        text = text.rstrip("0").rstrip(".")  # no precision asked: 0.25, not 0.2500
    if float(text) == 0:
        text = text.lstrip("-")
    return text.replace("-", "\u2212")


def _fixed(value: float, places: int) -> str:
    """``value`` rounded to ``places`` decimals (negative: to tens, hundreds…), positional."""
    if places >= 0:
        return f"{value:.{places}f}"
    step = 10**-places
    return str(round(value / step) * step)


# ----- reading and checking (shared with ``generated``) -------------------------------------


def read_precision(f: Fields) -> Precision:
    """The ``precision`` mapping: ``{decimals: N}`` or ``{significant: N}``; ``tolerance`` is refused."""
    f.used.update(("precision", "tolerance"))
    if "tolerance" in f.data:
        f.error(
            "'tolerance' is replaced by 'precision': write precision: {decimals: N} or {significant: N}; "
            "the learner is told it, and every answer correctly rounded to it is accepted",
            "tolerance",
        )
    if "precision" not in f.data:
        if "tolerance" not in f.data:
            f.error("missing required key 'precision' (e.g. precision: {decimals: 2} or {significant: 3})")
        return Precision(decimals=2)
    p = f.child("precision", f.data["precision"])
    decimals: int | None = p.whole("decimals", None, low=0, high=12)  # None: not given
    significant: int | None = p.whole("significant", None, low=1, high=12)
    if p.ok and (decimals is None) == (significant is None):
        p.error("give either decimals or significant, e.g. {decimals: 2}")
    p.finish()
    if decimals is None and significant is not None:
        return Precision(significant=significant)
    return Precision(decimals=2 if decimals is None else decimals)


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


def draw_problems(
    question: str,
    answer: Expr,
    precision: Precision,
    slips: tuple[Slip, ...],
    draws: Iterable[Mapping[str, float]],
    where: Location,
) -> list[str]:
    """What would be graded wrongly in any of ``draws`` (one empty mapping for a fixed question).

    For every draw: the answer computes; the answer correctly rounded to ``precision`` is
    accepted; and no listed slip and no classic mistake (``tutor.content.slips.classic_mistakes``)
    is accepted as right, since a slip within the precision is a wrong answer marked correct.
    The first few problems of each sort are listed and the rest counted.
    """
    from tutor.content.slips import classic_mistakes

    mistakes = classic_mistakes(answer)
    found: dict[str, list[str]] = {}
    for env in draws:
        for sort, message in _draw_problems(answer, precision, slips, mistakes, env):
            found.setdefault(sort, []).append(message)
    out = []
    for sort, messages in found.items():
        out += [f"{where}: {question}{message}" for message in messages[:_SHOWN_PER_QUESTION]]
        if len(messages) > _SHOWN_PER_QUESTION:
            out.append(f"{where}: {question}: … and {len(messages) - _SHOWN_PER_QUESTION} more draws where {sort}")
    return out


def _draw_problems(
    answer: Expr, precision: Precision, slips: tuple[Slip, ...], mistakes: Iterable[Mistake], env: Mapping[str, float]
) -> Iterable[tuple[str, str]]:
    """(sort of problem, message) for each thing graded wrongly in the draw ``env``."""
    drawn = f", draw {', '.join(f'{k} = {v:g}' for k, v in env.items())}" if env else ""
    try:
        value = evaluate(answer, env)
    except ExprError as exc:
        yield "the answer does not compute", f"{drawn}: {exc}"
        return
    if not math.isfinite(value):
        yield "the answer is not finite", f"{drawn}: the answer {answer.source} is {value}"
        return
    if precision.significant is not None and value == 0:
        yield "the answer is 0", f"{drawn}: the answer is 0, which has no significant figures; ask for decimals"
        return
    rounded = show_number(value, precision)
    if not precision.accepts(float(rounded.replace("\u2212", "-")), value):
        yield (
            "a rounded answer is refused",
            f"{drawn}: {rounded}, the answer rounded {precision.describe()}, is refused",
        )
    for slip in slips:
        name = f"slip {slip.answer.source!r}"
        try:
            wrong = evaluate(slip.answer, env)
        except ExprError as exc:
            yield f"{name} does not compute", f"{drawn}: {name} does not compute: {exc}"
            continue
        if not math.isfinite(wrong):
            yield f"{name} is not finite", f"{drawn}: {name} is {wrong}, so it can never be named"
        elif _taken_for(wrong, value, precision):
            yield f"{name} is accepted", f"{drawn}: {_accepted(name, wrong, value, precision)}"
    for mistake in mistakes:
        wrong = mistake.value(value)
        if _taken_for(wrong, value, precision):
            yield f"{mistake.name} is accepted", f"{drawn}: {_accepted(mistake.name, wrong, value, precision)}"


def _taken_for(wrong: float, value: float, precision: Precision) -> bool:
    """Would a learner who got ``wrong`` be marked right, typing it exactly or rounded to ``precision``?"""
    if not math.isfinite(wrong):
        return False
    rounded = float(show_number(wrong, precision).replace("\u2212", "-"))
    return precision.accepts(wrong, value) or precision.accepts(rounded, value)


def _accepted(name: str, wrong: float, value: float, precision: Precision) -> str:
    return (
        f"{name} gives {wrong:.6g} ({show_number(wrong, precision)} {precision.describe()}), which is accepted "
        f"as the answer {value:.6g}; choose numbers (or a precision) that tell them apart"
    )
