"""Worked tables as text: every cell computed by the core, formatted for display.

Pure and UI-free: the lesson screen shows what :func:`worked_cells` returns and evaluates
nothing itself. numpy is imported (through :func:`tutor.content.expr.evaluate`) only when a
table is actually built.
"""

from __future__ import annotations

import math

from tutor.content.expr import ExprError, evaluate
from tutor.content.kinds import WorkedSection

MINUS = "\u2212"
#: What a cell shows when its expression cannot be computed (``ce-tutor check`` reports why).
UNAVAILABLE = "?"


def format_value(value: float, spec: str = ".3f") -> str:
    """``value`` in the column's format, with a true minus sign and ∞ for infinities."""
    if math.isnan(value):
        return "undefined"
    if math.isinf(value):
        return "∞" if value > 0 else f"{MINUS}∞"
    text = format(value, spec)
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
