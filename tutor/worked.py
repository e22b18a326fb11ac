"""Worked tables as text: every cell computed by the core, formatted for display.

Pure and UI-free: the lesson screen shows what :func:`worked_cells` returns and evaluates
nothing itself. numpy is imported (through :func:`tutor.content.expr.evaluate`) only when a
table is actually built.

A column's ``format`` is a Python float format (``.3f``, ``.2e``) or ``autoN`` (see
:func:`format_auto`), which keeps ``N`` decimals unless they would make a number read as
something it is not: σ(−10) as ``0.0000`` or a squared error of 0.99991 as ``1.000``.
"""

from __future__ import annotations

import math
import re

from tutor.content.expr import ExprError, evaluate
from tutor.content.model import WorkedSection

MINUS = "\u2212"
#: What a cell shows when its expression cannot be computed (``ce-tutor check`` reports why).
UNAVAILABLE = "?"

_AUTO = re.compile(r"auto(\d)")
#: Below this size a nonzero ``autoN`` value is written in scientific notation.
SCIENTIFIC_BELOW = 1e-3
#: ``autoN`` adds at most this many decimals to keep two significant digits or a non-whole look.
MAX_EXTRA_DECIMALS = 6
#: Widths and precisions above this are refused: a course file must not ask for a huge string.
MAX_FORMAT_DIGITS = 20


def format_problem(spec: str) -> str | None:
    """Why ``spec`` cannot format a worked-table column, or None when it can."""
    if _AUTO.fullmatch(spec):
        return None
    if any(int(digits) > MAX_FORMAT_DIGITS for digits in re.findall(r"\d+", spec)):
        return f"format {spec!r} asks for more than {MAX_FORMAT_DIGITS} digits"
    try:
        format(0.5, spec)
    except (ValueError, TypeError):
        return f"not a number format: {spec!r} (try '.3f', or 'auto3' for columns with small values)"
    return None


def format_auto(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` decimals, unless that would mislead (finite values only).

    * A nonzero value smaller than 10⁻³ in size is written in scientific notation with two
      significant digits: 4.5e-5, not 0.0000.
    * A whole number keeps ``decimals`` decimals (0.000, 2.000).
    * Otherwise decimals are added (at most ``MAX_EXTRA_DECIMALS``) until two significant digits
      show (0.0067, not 0.007) and the number no longer reads as a whole one (0.9999, not 1.000).
    """
    if value != 0 and abs(value) < SCIENTIFIC_BELOW:
        mantissa, exponent = f"{value:.1e}".split("e")
        return f"{mantissa}e{int(exponent)}"
    if value == round(value):
        return f"{value:.{decimals}f}"
    for places in range(decimals, decimals + MAX_EXTRA_DECIMALS + 1):
        text = f"{value:.{places}f}"
        shown = float(text)
        if _significant_digits(text) >= 2 and shown != round(shown):
            break
    return text


def _significant_digits(text: str) -> int:
    """Digits from the first nonzero one on: '0.0067' → 2, '10.000' → 5, '0.000' → 0."""
    digits = text.lstrip("-").replace(".", "").lstrip("0")
    return len(digits)


def format_value(value: float, spec: str = ".3f") -> str:
    """``value`` in the column's format, with a true minus sign and ∞ for infinities."""
    if math.isnan(value):
        return "undefined"
    if math.isinf(value):
        return "∞" if value > 0 else f"{MINUS}∞"
    auto = _AUTO.fullmatch(spec)
    text = format_auto(value, int(auto[1])) if auto else format(value, spec)
    if text.lstrip("-").strip("0.") == "" and text.startswith("-"):
        text = text[1:]  # −0.000 reads as 0.000
    return text.replace("-", MINUS)


def worked_cells(section: WorkedSection) -> list[list[str]]:
    """One list of formatted cells per row, one cell per column, computed from the row's inputs."""
    table = []
    for row in section.rows:
        cells = []
        for column in section.columns:
            try:
                cells.append(format_value(evaluate(column.expr, row), column.format))
            except (ExprError, ValueError):
                cells.append(UNAVAILABLE)
        table.append(cells)
    return table


def worked_headers(section: WorkedSection) -> list[str]:
    return [column.header for column in section.columns]
