"""Reading a number the learner typed, forgivingly but never ambiguously.

Learners type ``−0.1`` (copied from the lesson), ``4,6`` (a comma decimal mark) or ``.5``;
those are accepted. Anything that is not plainly one finite decimal number is refused with a
short message for the learner: a regular expression decides, ``float`` converts, nothing is
evaluated.
"""

from __future__ import annotations

import math
import re

_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_SHOWN = 24


class NumberError(ValueError):
    """Typed text that is not a number; ``str(exc)`` is a short message for the learner."""


def parse_number(text: str) -> float:
    """The finite float ``text`` spells; NumberError (with a learner-facing message) otherwise."""
    cleaned = text.strip().replace("\u2212", "-")
    if not cleaned:
        raise NumberError("type a number first")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    if "," in cleaned:
        raise NumberError(f"‘{_short(text)}’: use one decimal mark and no thousands separators")
    if not _NUMBER.fullmatch(cleaned):
        raise NumberError(f"‘{_short(text)}’ is not a number")
    value = float(cleaned)
    if not math.isfinite(value):
        raise NumberError(f"‘{_short(text)}’ is too large")
    return value


def _short(text: str) -> str:
    """The learner's text, trimmed so an error message stays one line."""
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"
