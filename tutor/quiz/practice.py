"""Practice questions: a generated template becomes a concrete numeric question with drawn numbers.

The drawn values are written into the prompt and into the answer and slip expressions as
number literals, so the result is an ordinary, self-contained NumericQuestion that grading
handles like any other (and that a seed reproduces exactly).
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Union

from tutor.content.expr import ExprError, evaluate, substitute
from tutor.content.model import Draw, GeneratedQuestion, NumericQuestion, Question, Slip

if TYPE_CHECKING:
    import numpy as np

Rng = Union[random.Random, "np.random.Generator"]

#: Redraws allowed before a template is declared broken (every draw non-finite).
MAX_TRIES = 100
#: ``{p}`` but not the ``{{ … }}`` of a number marker.
_PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_]\w*)\}(?!\})")


def instantiate(question: GeneratedQuestion, rng: Rng) -> NumericQuestion:
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


def practice_set(questions: Iterable[Question], seed: int | None, count: int) -> list[NumericQuestion]:
    """``count`` drawn questions from the generated ones among ``questions`` (others are ignored).

    Templates are taken in shuffled rounds, each once per round, so practice covers all of them
    evenly. No generated questions gives an empty list.
    """
    templates = [q for q in questions if isinstance(q, GeneratedQuestion)]
    rng = random.Random(seed)
    picked: list[GeneratedQuestion] = []
    while templates and len(picked) < count:
        batch = templates[:]
        rng.shuffle(batch)
        picked += batch[: count - len(picked)]
    return [instantiate(template, rng) for template in picked]


def draw_value(draw: Draw, rng: Rng) -> float:
    """One value: a listed choice, or uniform over the ``decimals`` grid inside [low, high]."""
    if draw.choices:
        return float(draw.choices[_integer(rng, 0, len(draw.choices) - 1)])
    scale = 10**draw.decimals
    low, high = math.ceil(draw.low * scale - 1e-9), math.floor(draw.high * scale + 1e-9)
    if low > high:  # no grid value inside the range: use the rounded bound the course checks
        return round(draw.low, draw.decimals)
    return _integer(rng, low, high) / scale


def _integer(rng: Rng, low: int, high: int) -> int:
    """Uniform in [low, high] from either kind of generator."""
    if isinstance(rng, random.Random):
        return rng.randint(low, high)
    return int(rng.integers(low, high + 1))


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
