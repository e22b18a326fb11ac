"""Everything the command line prints goes through here: made safe, and made to fit the terminal.

Course text, paths and progress data are untrusted, so every string is passed through
:func:`tutor.safe_text.printable` (no control bytes, no bidi controls reach the terminal). A
stdout that cannot encode a character (``PYTHONIOENCODING=ascii``, a non-UTF-8 locale) gets an
ASCII stand-in (− → -, ≈ → ~, σ → sigma, ŷ → y^, box and block drawing → | - + #), else a
backslash escape: printing never raises UnicodeEncodeError.
"""

from __future__ import annotations

import sys
import unicodedata
from functools import lru_cache
from typing import TextIO

from tutor.safe_text import printable

#: ASCII stand-ins for the symbols the course and the CLI use; other characters are derived below.
ASCII = {
    "−": "-",
    "–": "-",
    "—": "--",
    "✓": "v",
    "✗": "x",
    "≈": "~",
    "≠": "!=",
    "≤": "<=",
    "≥": ">=",
    "×": "x",
    "·": "*",
    "…": "...",
    "→": "->",
    "←": "<-",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "•": "*",
    "ŷ": "y^",
    "ˆ": "^",
    "⁰": "^0",
    "¹": "^1",
    "²": "^2",
    "³": "^3",
    "₀": "_0",
    "₁": "_1",
    "₂": "_2",
}


def out(text: str = "", *, end: str = "\n", flush: bool = False) -> None:
    """Print ``text`` to stdout, made safe (see the module docstring)."""
    write(sys.stdout, text, end=end, flush=flush)


def err(text: str) -> None:
    """Print one line to stderr, made safe; a problem is always one line."""
    write(sys.stderr, printable(text, one_line=True))


def write(stream: TextIO | None, text: str, *, end: str = "\n", flush: bool = False) -> None:
    if stream is None:  # no console at all (pythonw): nothing to say it on
        return
    stream.write(fit(printable(text), stream.encoding) + end)
    if flush:
        stream.flush()


def fit(text: str, encoding: str | None) -> str:
    """``text`` with each character ``encoding`` cannot hold replaced by an ASCII stand-in or escape."""
    encoding = encoding or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return "".join(_fit_char(char, encoding) for char in text)
    return text


def _fit_char(char: str, encoding: str) -> str:
    try:
        char.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return to_ascii(char)
    return char


@lru_cache(maxsize=1024)
def to_ascii(char: str) -> str:
    """An ASCII stand-in for one non-ASCII character, else its backslash escape (``\\u2211``)."""
    if char in ASCII:
        return ASCII[char]
    name = unicodedata.name(char, "")
    if name.startswith("GREEK") and " LETTER " in name:
        letter = name.rsplit(" ", 1)[-1].lower()
        return letter.capitalize() if "CAPITAL" in name else letter
    if name.startswith("BOX DRAWINGS"):  # a corner or a junction is "+", a plain line "-" or "|"
        line = "" if " AND " in name else "-" if "HORIZONTAL" in name else "|" if "VERTICAL" in name else ""
        return line or "+"
    if "BLOCK" in name or name.startswith("BRAILLE"):
        return "#"
    base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
    return base if base else char.encode("ascii", "backslashreplace").decode()
