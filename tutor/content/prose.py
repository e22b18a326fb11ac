"""Number markers in prose: ``{{ EXPR ≈ STATED }}`` or ``{{ EXPR = STATED }}``.

The learner reads ``≈ 4.6``; ``ce-tutor check`` and the test suite compute EXPR with the core
and require it to round to STATED at the precision STATED is written with. So a number in the
course can't silently be wrong, and the author still chooses how it reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import msgspec

from tutor.content.errors import Location
from tutor.content.expr import Expr, ExprError, parse

MARKER = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_STATED = re.compile(r"^(?P<expr>.+?)\s*(?P<rel>≈|=)\s*(?P<num>[-−]?\d+(?:\.\d+)?)\s*$", re.DOTALL)
#: A decimal stated after ≈ outside any marker: a number nobody checks, so it is refused.
UNCHECKED = re.compile(r"≈\s*[-−]?\d+\.\d+")


@dataclass(frozen=True)
class Marker:
    expr: Expr
    relation: str
    stated: str

    def render(self) -> str:
        return f"{self.relation} {self.stated.replace('-', '−')}"


class StatedNumber(msgspec.Struct, frozen=True):
    """A number the prose states, kept with its place so ``ce-tutor check`` can verify it."""

    expr: Expr
    relation: str
    stated: str
    location: Location


def parse_marker(body: str) -> Marker:
    """Parse the inside of one ``{{ … }}``; ExprError says what is wrong."""
    match = _STATED.match(body.strip())
    if not match:
        raise ExprError(f"marker {{{{{body.strip()}}}}} must read {{{{ EXPR ≈ NUMBER }}}} or {{{{ EXPR = NUMBER }}}}")
    return Marker(parse(match["expr"]), match["rel"], match["num"].replace("−", "-"))


def markers(text: str) -> list[Marker]:
    return [parse_marker(m.group(1)) for m in MARKER.finditer(text)]


def render(text: str) -> str:
    """Prose as the learner reads it: each marker becomes its relation and stated number."""
    return MARKER.sub(lambda m: parse_marker(m.group(1)).render(), text)


def stated_tolerance(stated: str) -> float:
    """Half a unit in the last written digit: '4.6' → 0.05, '0.693' → 0.0005, '0' → 0.5."""
    decimals = len(stated.split(".")[1]) if "." in stated else 0
    return 0.5 * 10.0**-decimals


def agrees(value: float, stated: str) -> bool:
    """Does the computed value round to the stated number at its written precision?"""
    return abs(value - float(stated)) <= stated_tolerance(stated) * (1 + 1e-9)
