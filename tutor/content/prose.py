"""Number markers in prose: ``{{ EXPR ≈ STATED }}`` or ``{{ EXPR = STATED }}``.

The learner reads ``≈ 4.6``; ``ce-tutor check`` and the test suite compute EXPR with the core
and require it to round to STATED at the precision STATED is written with. So a number in the
course can't silently be wrong, and the author still chooses how it reads.

Prose comes from course files, which are untrusted: every scan here is a single left-to-right
pass (``str.find`` and a cursor, or a regex that cannot backtrack across its input), so its
time is linear in the text whatever it holds (20 KB of ``{{`` took the old marker regex 12 s).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import msgspec

from tutor.content.errors import Location
from tutor.content.expr import Expr, ExprError, parse
from tutor.safe_text import shorten

OPEN, CLOSE = "{{", "}}"
#: A decimal stated after ≈ outside any marker. Linear: a match can only start at a ≈, and the
#: spaces and digits scanned after one ≈ never contain another, so no character is scanned twice
#: for more than one start (backtracking over a digit run is bounded by the run).
UNCHECKED = re.compile(r"≈\s*[-−]?\d+\.\d+")
RELATIONS = ("≈", "=")
_MINUS = "-−"


class Marker(msgspec.Struct, frozen=True):
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


def marker_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each ``{{ … }}``: the first ``}}`` after each ``{{``, left to right; an
    unclosed ``{{`` is plain text. One pass: each ``find`` starts where the last one stopped."""
    position = 0
    while (start := text.find(OPEN, position)) >= 0:
        close = text.find(CLOSE, start + len(OPEN))
        if close < 0:
            return
        position = close + len(CLOSE)
        yield start, position


def find_markers(text: str) -> Iterator[str]:
    """The inside of each marker, in order."""
    for start, end in marker_spans(text):
        yield text[start + len(OPEN) : end - len(CLOSE)]


def parse_marker(body: str) -> Marker:
    """Parse the inside of one ``{{ … }}``; ExprError says what is wrong.

    The stated number is read from the end (sign, digits, optional decimals), then the relation
    before it; what is left is the expression. Linear in the body.
    """
    text = body.strip()
    split = _split_stated(text)
    if split is None:
        raise ExprError(f"marker {{{{{shorten(text)}}}}} must read {{{{ EXPR ≈ NUMBER }}}} or {{{{ EXPR = NUMBER }}}}")
    expr, relation, stated = split
    return Marker(parse(expr), relation, stated.replace("−", "-"))


def _split_stated(text: str) -> tuple[str, str, str] | None:
    """(expression, relation, number) when ``text`` ends in ``≈ NUMBER`` or ``= NUMBER`` after an expression."""
    end = len(text)
    digits = _digits_before(text, end)
    candidates = []
    if digits < end and digits > 0 and text[digits - 1] == ".":
        whole = _digits_before(text, digits - 1)
        if whole < digits - 1:
            candidates.append(whole)  # NUMBER is ``123.45``
    if digits < end:
        candidates.append(digits)  # NUMBER is ``45``
    for start in candidates:
        if start > 0 and text[start - 1] in _MINUS:
            start -= 1
        at = _skip_back(text, start, str.isspace)
        if at > 0 and text[at - 1] in RELATIONS:
            expr = text[: at - 1].rstrip()
            if expr:
                return expr, text[at - 1], text[start:]
    return None


def _digits_before(text: str, end: int) -> int:
    return _skip_back(text, end, str.isdecimal)


def _skip_back(text: str, end: int, keep: Callable[[str], bool]) -> int:
    """The smallest index ``i <= end`` such that every character in ``text[i:end]`` satisfies ``keep``."""
    i = end
    while i > 0 and keep(text[i - 1]):
        i -= 1
    return i


def markers(text: str) -> list[Marker]:
    return [parse_marker(body) for body in find_markers(text)]


def render(text: str) -> str:
    """Prose as the learner reads it: each marker becomes its relation and stated number."""
    parts, position = [], 0
    for start, end in marker_spans(text):
        parts += [text[position:start], parse_marker(text[start + len(OPEN) : end - len(CLOSE)]).render()]
        position = end
    parts.append(text[position:])
    return "".join(parts)


def unchecked_numbers(text: str) -> Iterator[str]:
    """Each decimal stated after ≈ outside any marker (``≈ 0.5``): a number nobody checks, so it is refused.

    Markers are removed first, as a reader would skip them: ``≈ {{ … }}0.5`` is still caught.
    """
    kept, position = [], 0
    for start, end in marker_spans(text):
        kept.append(text[position:start])
        position = end
    kept.append(text[position:])
    for match in UNCHECKED.finditer("".join(kept)):
        yield match.group(0)


def stated_tolerance(stated: str) -> float:
    """Half a unit in the last written digit: '4.6' → 0.05, '0.693' → 0.0005, '0' → 0.5."""
    decimals = len(stated.split(".")[1]) if "." in stated else 0
    return 0.5 * 10.0**-decimals


def agrees(value: float, stated: str) -> bool:
    """Does the computed value round to the stated number at its written precision?"""
    return abs(value - float(stated)) <= stated_tolerance(stated) * (1 + 1e-9)
