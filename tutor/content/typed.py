"""Reading what the learner typed as a numeric answer: a number, or a calculation that gives one.

Learners type ``−0.1`` (copied from the lesson), ``4,6`` (a comma decimal mark), ``.5``, or let
the tutor do the arithmetic: ``1/0.09``, ``-log(0.9)``, ``exp(-1)``, ``ln(2)``, ``2^-3``. A
calculation is read by the course's expression language in its :data:`~tutor.content.expr.LEARNER`
grammar (arithmetic, parentheses, log/ln/exp/sqrt/log2/log10, e and pi; never the course's loss
functions, which would give answers away), parsed with :mod:`ast` and never evaluated by Python.
Anything else is refused with a short message for the learner; no character is ever dropped.
"""

from __future__ import annotations

import math
import re

from tutor.content.expr import LEARNER, ExprError, evaluate, parse

_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
#: Characters a calculation may hold: digits, letters (names are checked next), operators,
#: brackets, spaces (ordinary ones: others are refused by name) and the maths spellings the lessons use (− × · ÷).
_CHARACTERS = re.compile(r"[0-9A-Za-z.,+\-*/^() \t\u2212×·÷]*")
_NAMES = re.compile(r"[A-Za-z]+[0-9]*")
#: The names a learner may use: LEARNER's functions and the constants.
ALLOWED_NAMES = frozenset(LEARNER.functions) | {"e", "pi"}
#: Longest answer read (a calculation is bounded further by the grammar's length and depth).
MAX_TYPED = LEARNER.max_length
_SHOWN = 24
_HOW = "type a number, or a calculation such as 1/0.09 or -log(0.9)"
_ALLOWED = "a calculation may use + − × / ^, brackets, log (= ln), exp, sqrt, log2, log10, e and pi"


class NumberError(ValueError):
    """Typed text that cannot be read; ``str(exc)`` is a short message for the learner."""


def parse_number(text: str) -> float:
    """The finite float ``text`` spells or calculates; NumberError (for the learner) otherwise."""
    cleaned = text.strip().replace("\u2212", "-")
    if not cleaned:
        raise NumberError("type a number first")
    if len(cleaned) > MAX_TYPED:
        raise NumberError(f"‘{_short(text)}’ is longer than {MAX_TYPED} characters")
    if is_plain_number(cleaned):
        return _finite(float(cleaned.replace(",", ".")), text)
    if re.fullmatch(r"[0-9.,+\- ]+", cleaned) and "," in cleaned:
        raise NumberError(f"‘{_short(text)}’: use one decimal mark and no thousands separators")
    return _calculate(cleaned, text)


def is_plain_number(text: str) -> bool:
    """Is ``text`` one decimal number (no calculation)? A single comma counts as the decimal mark."""
    cleaned = text.strip().replace("\u2212", "-")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    return bool(_NUMBER.fullmatch(cleaned))


def _calculate(cleaned: str, text: str) -> float:
    """The value of a calculation, or NumberError saying what cannot be read."""
    bad = _CHARACTERS.fullmatch(cleaned) is None
    if bad:
        character = next(c for c in cleaned if not _CHARACTERS.fullmatch(c))
        raise NumberError(f"‘{_short(text)}’: {_describe(character)} cannot be read; {_HOW}")
    for name in _NAMES.findall(cleaned):
        if name not in ALLOWED_NAMES and not re.fullmatch(r"[eE][0-9]*", name):  # 1e5: an exponent
            what = (
                f"‘{_short(text)}’ is not a number" if name == cleaned else f"‘{_short(text)}’: ‘{name}’ cannot be used"
            )
            raise NumberError(f"{what}; {_ALLOWED}")
    decimal = re.sub(r"(?<=[0-9]),(?=[0-9])", ".", cleaned)  # 4,6 → 4.6 inside a calculation too
    try:
        value = evaluate(parse(decimal, grammar=LEARNER))
    except ExprError as exc:
        reason = "nested too deeply" if "nested" in str(exc) else "check the brackets and the operators"
        raise NumberError(f"‘{_short(text)}’ cannot be read as a calculation ({reason})") from None
    return _finite(value, text)


def _finite(value: float, text: str) -> float:
    if math.isnan(value):
        raise NumberError(f"‘{_short(text)}’ is not a real number (a log or square root of a negative number?)")
    if not math.isfinite(value):
        raise NumberError(f"‘{_short(text)}’ is too large (or divides by zero)")
    return value


def _describe(character: str) -> str:
    """A character named so that invisible and look-alike ones can be told apart."""
    if character.isprintable() and not character.isspace():
        return f"‘{character}’"
    return f"the character U+{ord(character):04X}"


def _short(text: str) -> str:
    """The learner's text, trimmed so an error message stays one line, control characters as �."""
    text = "".join(c if c.isprintable() else "\ufffd" for c in " ".join(text.split()))
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"
