"""``generated``: a practice template; its variables are drawn from a seed, the answer computed by the core.

Asked as a ``numeric`` question: the drawn values are written into the prompt and into the answer
and slip expressions as number literals, so the result is an ordinary, self-contained
:class:`NumericQuestion` that a seed reproduces exactly.
"""

from __future__ import annotations

import itertools
import math
import random
import re
from collections.abc import Mapping
from decimal import Decimal

from tutor.content.checks import finite
from tutor.content.errors import Location
from tutor.content.expr import Expr, ExprError, evaluate, substitute
from tutor.content.fields import Fields, read_list
from tutor.content.kinds.base import QuestionBase
from tutor.content.kinds.numeric import NumberAsked, NumericQuestion, read_slips, read_tolerance, slip_problem
from tutor.content.kinds.parts import Draw, Slip, Tolerance
from tutor.content.limits import MAX_DRAW, draw_combinations_problem

#: Redraws allowed before a template is declared broken (every draw non-finite).
MAX_TRIES = 100
#: ``{p}`` but not the ``{{ … }}`` of a number marker.
_PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_]\w*)\}(?!\})")


class GeneratedQuestion(QuestionBase, frozen=True, tag="generated"):
    """A practice template: ``prompt`` and ``explain`` may name drawn variables as ``{p}``."""

    PRACTICE = True

    draws: tuple[Draw, ...]
    answer: Expr
    tolerance: Tolerance
    explain: str
    slips: tuple[Slip, ...] = ()

    @classmethod
    def read(cls, f: Fields) -> GeneratedQuestion | None:
        draws = read_list(f, "draw", _draw)
        f.check(draw_combinations_problem([len(d.choices) or 2 for d in draws]), "draw")
        names = frozenset(d.name for d in draws)
        answer = f.expr("answer", names)
        question = cls(
            id=f.text("id", prose=False),
            prompt=f.text("prompt"),
            draws=draws,
            answer=answer,  # type: ignore[arg-type]  # None only after reporting; dropped below
            tolerance=read_tolerance(f),
            explain=f.text("explain"),
            hint=f.text("hint", ""),
            slips=read_slips(f, names, answer),
        )
        return question if answer is not None else None

    def check(self, where: Location) -> list[str]:
        corners = _corners(self)
        problems = [finite(self.answer, corner, where) for corner in corners]
        problems += [slip_problem(self.answer, self.tolerance, slip, corners, where) for slip in self.slips]
        return [p for p in problems if p]

    def ask(self, rng: random.Random) -> NumberAsked:
        return NumberAsked(instantiate(self, rng), original=self)


def instantiate(question: GeneratedQuestion, rng: random.Random) -> NumericQuestion:
    """A NumericQuestion with the same id, its variables drawn from ``rng``.

    Draws whose answer or a slip does not compute to a finite number are redrawn: the learner
    must never be asked for infinity, and a slip must always be checkable.
    """
    for _ in range(MAX_TRIES):
        values = {draw.name: draw_value(draw, rng) for draw in question.draws}
        concrete = _bind(question, values)
        if _computes(concrete):
            return concrete
    raise ExprError(f"{question.id}: no draw in {MAX_TRIES} tries gives a finite answer and slips")


def draw_value(draw: Draw, rng: random.Random) -> float:
    """One value: a listed choice, or uniform over the ``decimals`` grid inside [low, high]."""
    if draw.choices:
        return float(draw.choices[rng.randint(0, len(draw.choices) - 1)])
    scale: int = 10**draw.decimals
    low, high = math.ceil(draw.low * scale - 1e-9), math.floor(draw.high * scale + 1e-9)
    if low > high:  # no grid value inside the range: use the rounded bound the course checks
        return round(draw.low, draw.decimals)
    return rng.randint(low, high) / scale


def _draw(f: Fields) -> Draw | None:
    name = f.text("name", prose=False)
    choices = f.numbers("choices", low=-MAX_DRAW, high=MAX_DRAW)
    low, high = f.number("low", 0.0, low=-MAX_DRAW, high=MAX_DRAW), f.number("high", 1.0, low=-MAX_DRAW, high=MAX_DRAW)
    if low > high:
        f.error(f"low ({low}) is above high ({high})", "low")
    draw = Draw(name, low, high, f.whole("decimals", 2, low=0, high=6), choices)
    if name and not name.isidentifier():
        f.error(f"{name!r} is not a valid variable name", "name")
        return None
    return draw


def _corners(q: GeneratedQuestion) -> list[dict[str, float]]:
    """The extreme draws of a generated question: if these compute, the whole range does."""
    ranges = [d.choices or (round(d.low, d.decimals), round(d.high, d.decimals)) for d in q.draws]
    return [dict(zip((d.name for d in q.draws), values, strict=True)) for values in itertools.product(*ranges)]


def _bind(question: GeneratedQuestion, values: Mapping[str, float]) -> NumericQuestion:
    literals = {name: repr(value) for name, value in values.items()}
    slips = tuple(Slip(substitute(s.answer, literals), _fill(s.message, values)) for s in question.slips)
    return NumericQuestion(
        id=question.id,
        prompt=_fill(question.prompt, values),
        answer=substitute(question.answer, literals),
        tolerance=question.tolerance,
        explain=_fill(question.explain, values),
        hint=_fill(question.hint, values),
        slips=slips,
    )


def _computes(question: NumericQuestion) -> bool:
    try:
        return all(math.isfinite(evaluate(e)) for e in (question.answer, *(s.answer for s in question.slips)))
    except ExprError:
        return False


def _fill(text: str, values: Mapping[str, float]) -> str:
    """``text`` with each ``{name}`` of a drawn variable replaced by its value."""
    return _PLACEHOLDER.sub(lambda m: _show(values[m[1]]) if m[1] in values else m[0], text)


def _show(value: float) -> str:
    """A drawn value as the learner reads it: exact, positional, no ``.0`` on whole numbers."""
    text = str(int(value)) if value.is_integer() else format(Decimal(repr(value)), "f")
    return text.replace("-", "\u2212")
