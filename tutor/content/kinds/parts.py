"""Pieces several question kinds share: options, tolerances, slips and drawn variables."""

from __future__ import annotations

import msgspec

from tutor.content.expr import Expr


class Option(msgspec.Struct, frozen=True):
    """One option of a choice question, and why it is right or wrong."""

    text: str
    correct: bool
    explain: str


class Tolerance(msgspec.Struct, frozen=True):
    """How close a typed number must be: ``abs`` (|x − a| ≤ abs) or ``rel`` (|x − a| ≤ rel·|a|)."""

    abs: float | None = None
    rel: float | None = None

    def accepts(self, given: float, answer: float) -> bool:
        diff = abs(given - answer)
        if self.abs is not None and diff <= self.abs * (1 + 1e-12):
            return True
        return self.rel is not None and diff <= self.rel * abs(answer) * (1 + 1e-12)

    def describe(self) -> str:
        parts = []
        if self.abs is not None:
            parts.append(f"±{self.abs:g}")
        if self.rel is not None:
            parts.append(f"±{self.rel * 100:g}%")
        return " or ".join(parts)


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
