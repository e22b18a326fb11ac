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

from tutor.content.errors import Location
from tutor.content.expr import Expr, ExprError, evaluate, parse, substitute
from tutor.content.fields import Fields, read_list
from tutor.content.kinds.base import QuestionBase
from tutor.content.kinds.numeric import NumberAsked, NumericQuestion, draw_problems, read_precision, read_slips
from tutor.content.kinds.parts import Draw, Precision, Slip
from tutor.content.limits import MAX_DRAW, MAX_DRAWS, draws_problem

#: Decimals a drawn value may have (the grid of a range is 10**decimals steps per unit).
MAX_DECIMALS = 6
#: Redraws allowed before a template is declared broken (every draw non-finite).
MAX_TRIES = 100
#: Draws ``ce-tutor check`` verifies one by one; a template with more is refused.
#: ``{p}`` but not the ``{{ … }}`` of a number marker.
_PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_]\w*)\}(?!\})")


class GeneratedQuestion(QuestionBase, frozen=True, tag="generated"):
    """A practice template: ``prompt`` and ``explain`` may name drawn variables as ``{p}``.

    ``require`` drops draws: each is an expression of the drawn variables (``a != b``), and a
    draw is asked only when every one holds, so degenerate points (where a slip equals the
    answer) are never asked.
    """

    PRACTICE = True

    draws: tuple[Draw, ...]
    answer: Expr
    precision: Precision
    explain: str
    slips: tuple[Slip, ...] = ()
    require: tuple[Expr, ...] = ()

    @classmethod
    def read(cls, f: Fields) -> GeneratedQuestion | None:
        draws = read_list(f, "draw", _draw)
        f.check(draws_problem([grid_size(draw) for draw in draws]), "draw")
        names = frozenset(d.name for d in draws)
        answer = f.expr("answer", names)
        question = cls(
            id=f.text("id", prose=False),
            prompt=f.text("prompt"),
            draws=draws,
            answer=answer,  # type: ignore[arg-type]  # None only after reporting; dropped below
            precision=read_precision(f),
            explain=f.text("explain"),
            hint=f.text("hint", ""),
            slips=read_slips(f, names, answer),
            require=_require(f, names),
        )
        return question if answer is not None else None

    def check(self, where: Location) -> list[str]:
        """Every draw the learner can be asked is graded right (see ``numeric.draw_problems``)."""
        if problem := draws_problem([grid_size(draw) for draw in self.draws]):
            return [f"{where}: {self.id}: {problem}"]
        envs = self.all_draws()
        if not envs:
            return [f"{where}: {self.id}: no draw meets every condition of require"]
        return draw_problems(self.id, self.answer, self.precision, self.slips, envs, where)

    def all_draws(self) -> list[dict[str, float]]:
        """Every draw the learner can be asked (those ``require`` allows), in grid order."""
        names = [draw.name for draw in self.draws]
        envs = (dict(zip(names, values, strict=True)) for values in itertools.product(*map(grid, self.draws)))
        return [env for env in envs if self.allows(env)]

    def allows(self, values: Mapping[str, float]) -> bool:
        """Does the draw ``values`` meet every condition of ``require``?"""
        try:
            return all(evaluate(condition, values) != 0 for condition in self.require)
        except ExprError:
            return False

    def ask(self, rng: random.Random) -> NumberAsked:
        return NumberAsked(instantiate(self, rng), original=self)


def instantiate(question: GeneratedQuestion, rng: random.Random) -> NumericQuestion:
    """A NumericQuestion with the same id, its variables drawn from ``rng``.

    Draws that ``require`` drops, or whose answer or a slip does not compute to a finite number,
    are redrawn: the learner must never be asked for infinity, and a slip must always be
    checkable. When :data:`MAX_TRIES` draws all fail, one is chosen among every draw allowed.
    """
    for _ in range(MAX_TRIES):
        values = {draw.name: draw_value(draw, rng) for draw in question.draws}
        if question.allows(values):
            concrete = bind(question, values)
            if _computes(concrete):
                return concrete
    if math.prod(grid_size(draw) for draw in question.draws) <= MAX_DRAWS:
        bound = [bind(question, values) for values in question.all_draws()]
        allowed = [concrete for concrete in bound if _computes(concrete)]
        if allowed:
            return allowed[rng.randint(0, len(allowed) - 1)]
    raise ExprError(f"{question.id}: no draw gives a finite answer and slips")


def draw_value(draw: Draw, rng: random.Random) -> float:
    """One value: a listed choice, or uniform over the ``decimals`` grid inside [low, high]."""
    if draw.choices:
        return float(draw.choices[rng.randint(0, len(draw.choices) - 1)])
    low, high, scale = _steps(draw)
    if low > high:  # no grid value inside the range: use the rounded bound the course checks
        return round(draw.low, draw.decimals)
    return rng.randint(low, high) / scale


def grid(draw: Draw) -> list[float]:
    """Every value :func:`draw_value` can give, in order (what ``ce-tutor check`` verifies)."""
    if draw.choices:
        return [float(choice) for choice in draw.choices]
    low, high, scale = _steps(draw)
    if low > high:
        return [round(draw.low, draw.decimals)]
    return [step / scale for step in range(low, high + 1)]


def grid_size(draw: Draw) -> int:
    """How many values :func:`grid` holds, counted without building it (a range can be huge).

    A draw whose bounds or decimals the reader refused counts as one value: its problem is
    reported already, and nothing should be computed from it."""
    if draw.choices:
        return len(draw.choices)
    if not (abs(draw.low) <= MAX_DRAW and abs(draw.high) <= MAX_DRAW and 0 <= draw.decimals <= MAX_DECIMALS):
        return 1
    low, high, _ = _steps(draw)
    return max(1, high - low + 1)


def _steps(draw: Draw) -> tuple[int, int, int]:
    """The first and last step of the ``decimals`` grid inside [low, high], and the steps per unit."""
    scale: int = 10**draw.decimals
    return math.ceil(draw.low * scale - 1e-9), math.floor(draw.high * scale + 1e-9), scale


def _require(f: Fields, names: frozenset[str]) -> tuple[Expr, ...]:
    """The ``require`` list: conditions on the drawn variables (``a != b``, ``p < 0.9``)."""
    conditions = []
    for item, path, line in f.items("require", []):
        where = Location(f.file, line, path)
        if not isinstance(item, str):
            f.problems.add(where, f"expected a condition in quotes such as 'a != b', got {item!r}")
            continue
        try:
            conditions.append(parse(item, names))
        except ExprError as exc:
            f.problems.add(where, str(exc))
    return tuple(conditions)


def _draw(f: Fields) -> Draw | None:
    name = f.text("name", prose=False)
    choices = f.numbers("choices", low=-MAX_DRAW, high=MAX_DRAW)
    low, high = f.number("low", 0.0, low=-MAX_DRAW, high=MAX_DRAW), f.number("high", 1.0, low=-MAX_DRAW, high=MAX_DRAW)
    if low > high:
        f.error(f"low ({low}) is above high ({high})", "low")
    draw = Draw(name, low, high, f.whole("decimals", 2, low=0, high=MAX_DECIMALS), choices)
    if name and not name.isidentifier():
        f.error(f"{name!r} is not a valid variable name", "name")
        return None
    return draw


def bind(question: GeneratedQuestion, values: Mapping[str, float]) -> NumericQuestion:
    """The question for one draw: ``values`` written into its text and expressions as literals."""
    literals = {name: repr(value) for name, value in values.items()}
    slips = tuple(Slip(substitute(s.answer, literals), _fill(s.message, values)) for s in question.slips)
    return NumericQuestion(
        id=question.id,
        prompt=_fill(question.prompt, values),
        answer=substitute(question.answer, literals),
        precision=question.precision,
        line=question.line,
        explain=_fill(question.explain, values),
        hint=_fill(question.hint, values),
        slips=slips,
    )


def _computes(question: NumericQuestion) -> bool:
    try:
        return all(math.isfinite(evaluate(e)) for e in (question.answer, *(s.answer for s in question.slips)))
    except ExprError:
        return False


#: After one of these, a negative value is written in parentheses: "2 − (−3)", never "2 − −3".
_OPERATORS = frozenset("−-+·×*/^")


def _fill(text: str, values: Mapping[str, float]) -> str:
    """``text`` with each ``{name}`` of a drawn variable replaced by its value."""

    def value(match: re.Match[str]) -> str:
        if match[1] not in values:
            return match[0]
        shown = _show(values[match[1]])
        before = text[: match.start()].rstrip()
        return f"({shown})" if shown.startswith("\u2212") and before[-1:] in _OPERATORS else shown

    return _PLACEHOLDER.sub(value, text)


def _show(value: float) -> str:
    """A drawn value as the learner reads it: exact, positional, no ``.0`` on whole numbers."""
    text = str(int(value)) if value.is_integer() else format(Decimal(repr(value)), "f")
    return text.replace("-", "\u2212")
