"""How the explorers, the data views and the lab write numbers: a true minus sign, one style per column.

A column of numbers is written in one style: whole numbers (counts, epochs) without decimals;
else fixed decimals, as many as its smallest nonzero value needs to show two significant digits
(at least 4, at most 8), or, when a value is below 10⁻⁶ or from 10⁵ up in size, scientific
notation with 4 significant digits for the whole column. So a
column never mixes 0.5 with 5.000e-01. The formatting itself (the minus sign −, ∞, "−0" read as 0)
is ``tutor.content.kinds.worked.format_value``, the one the worked tables use.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from tutor.content.kinds.worked import format_value

#: Decimals a fixed-point column has at least and at most.
MIN_DECIMALS, MAX_DECIMALS = 4, 8
#: Below this or from this size up, a column is written in scientific notation.
SMALLEST_FIXED, LARGEST_FIXED = 1e-6, 1e5


def column_spec(values: Iterable[float]) -> str:
    """The one format (a Python float format) for a column holding ``values``."""
    finite = [v for v in values if math.isfinite(v)]
    sizes = [abs(v) for v in finite if v != 0.0]
    if not sizes:
        return f".{MIN_DECIMALS}f"
    smallest, largest = min(sizes), max(sizes)
    if largest < LARGEST_FIXED and all(v == int(v) for v in finite):
        return ".0f"
    if smallest < SMALLEST_FIXED or largest >= LARGEST_FIXED:
        return ".3e"
    decimals = 1 - math.floor(math.log10(smallest))  # two significant digits of the smallest
    return f".{max(MIN_DECIMALS, min(MAX_DECIMALS, decimals))}f"


def format_column(values: Iterable[float]) -> list[str]:
    """``values`` written in their column's one format (see the module docstring)."""
    values = list(values)
    spec = column_spec(values)
    return [format_value(v, spec) for v in values]


def format_number(value: float) -> str:
    """One number on its own (a column of one)."""
    return format_value(value, column_spec([value]))
