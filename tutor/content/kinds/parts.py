"""Pieces several question kinds share: options, precisions, slips and drawn variables."""

from __future__ import annotations

import math

import msgspec

from tutor.content.expr import Expr


class Option(msgspec.Struct, frozen=True):
    """One option of a choice question, and why it is right or wrong."""

    text: str
    correct: bool
    explain: str


class Precision(msgspec.Struct, frozen=True):
    """What a typed number must be given to: ``decimals`` places or ``significant`` figures (one of them).

    The learner is told it before answering (:meth:`describe`), and every answer correctly rounded
    to it, or given more finely, is accepted: the tolerance is half a unit in the last requested
    place. For significant figures that place follows the magnitude of the right answer.
    """

    decimals: int | None = None
    significant: int | None = None

    def unit(self, answer: float) -> float:
        """One unit in the last requested place, for the right answer ``answer``."""
        if self.decimals is not None:
            return 10.0**-self.decimals
        assert self.significant is not None
        if answer == 0 or not math.isfinite(answer):
            return 0.0  # no significant figures to count: only the exact value is right
        return 10.0 ** (math.floor(math.log10(abs(answer))) - self.significant + 1)

    def accepts(self, given: float, answer: float) -> bool:
        """Is ``given`` within half a unit of ``answer``? A few ulp of slack absorb the rounding of
        decimal text to binary, so a correctly rounded answer is never refused by a hair."""
        if not (math.isfinite(given) and math.isfinite(answer)):
            return False
        slack = 0.5 * self.unit(answer) * (1 + 1e-9) + 4 * math.ulp(answer)
        return abs(given - answer) <= slack

    def places(self, answer: float) -> int:
        """How many decimals a correctly rounded ``answer`` is written with (negative: tens, hundreds…)."""
        if self.decimals is not None:
            return self.decimals
        assert self.significant is not None
        if answer == 0 or not math.isfinite(answer):
            return 0
        return self.significant - 1 - math.floor(math.log10(abs(answer)))

    def describe(self) -> str:
        """``to 2 decimals``, ``to 3 significant figures`` or ``to the nearest whole number``."""
        if self.decimals == 0:
            return "to the nearest whole number"
        if self.decimals is not None:
            return f"to {self.decimals} decimal{'s' if self.decimals != 1 else ''}"
        return f"to {self.significant} significant figure{'s' if self.significant != 1 else ''}"


class Slip(msgspec.Struct, frozen=True):
    """A known wrong answer (e.g. log base 10 instead of ln) and the message that names it."""

    answer: Expr
    message: str


class Draw(msgspec.Struct, frozen=True):
    """How a generated question draws one variable: uniform in [low, high] rounded, or a choice."""

    name: str
    low: float = 0.0
    high: float = 1.0
    decimals: int = 2
    choices: tuple[float, ...] = ()
