"""``worked``: a table of worked values; every cell is computed by the core from the row's inputs.

Also how a cell reads (``format_value``): the column's format, a true minus sign, and ``autoN``
formats that never show a small or nearly whole value as a misleading round number. numpy is
imported (through :func:`tutor.content.expr.evaluate`) only when a table is actually built.
"""

from __future__ import annotations

import itertools
import math
import re

import msgspec

from tutor.content.checks import finite
from tutor.content.errors import Location
from tutor.content.expr import Expr, ExprError, evaluate
from tutor.content.fields import Fields, read_list
from tutor.content.kinds.base import SectionBase
from tutor.content.limits import MAX_FORMAT_PRECISION, MAX_FORMAT_WIDTH, worked_cells_problem
from tutor.safe_text import excerpt


class Column(msgspec.Struct, frozen=True):
    """One column of a worked table: a header and the expression computing each cell."""

    header: str
    expr: Expr
    format: str = ".3f"
    """A Python float format, or ``autoN`` (see :func:`format_auto`)."""


class WorkedSection(SectionBase, frozen=True, tag="worked"):
    """A table of worked values; every cell is computed by the core from the row's inputs."""

    WIDGET = "tutor.ui.widgets.worked:WorkedView"

    title: str
    columns: tuple[Column, ...]
    rows: tuple[dict[str, float], ...]
    note: str = ""

    @classmethod
    def read(cls, f: Fields) -> WorkedSection:
        rows = []
        for item, path, line in f.items("rows"):
            row = Fields(item, f.file, path, f.problems, line)
            rows.append({key: row.number(key) for key in row.data})
            row.finish()
        names = frozenset().union(*(row.keys() for row in rows)) if rows else frozenset()
        columns = read_list(f, "columns", lambda c: _column(c, names))
        f.check(worked_cells_problem(len(rows), len(columns)), "rows")
        return cls(title=f.text("title"), columns=columns, rows=tuple(rows), note=f.text("note", ""))

    def check(self, where: Location) -> list[str]:
        """Every cell must compute to a finite number."""
        out = []
        for (r, row), column in itertools.product(enumerate(self.rows), self.columns):
            cell = Location(where.file, where.line, f"{where.path}.rows[{r}] column {column.header!r}")
            out.append(finite(column.expr, row, cell))
        return [problem for problem in out if problem]


def _column(f: Fields, names: frozenset[str]) -> Column | None:
    header, expr = f.text("header", prose=False), f.expr("expr", names)
    fmt = f.get("format", str, ".3f")
    if problem := format_problem(fmt):
        f.error(problem, "format")
    return Column(header, expr, fmt) if expr is not None else None


# ----- how cells read ------------------------------------------------------------------------

MINUS = "\u2212"
#: What a cell shows when its expression cannot be computed (``ce-tutor check`` reports why).
UNAVAILABLE = "?"

_AUTO = re.compile(r"auto(\d)")
#: Below this size a nonzero ``autoN`` value is written in scientific notation.
SCIENTIFIC_BELOW = 1e-3
#: ``autoN`` adds at most this many decimals to keep two significant digits or a non-whole look.
MAX_EXTRA_DECIMALS = 6
#: Python's format-spec mini-language for floats, without locale ('n') or nested fields.
_FORMAT_SPEC = re.compile(
    r"(?:(?P<fill>[^{}])?(?P<align>[<>=^]))?(?P<sign>[-+ ])?z?#?0?"
    r"(?P<width>\d+)?[_,]?(?:\.(?P<precision>\d+))?[eEfFgG%]?"
)


def format_problem(spec: str) -> str | None:
    """Why ``spec`` cannot format a worked-table column, or None when it can.

    The spec comes from a course file: it is matched against the float mini-language and its
    width and precision bounded before ``format()`` ever sees it (``format(0.5, "2000000000f")``
    allocates 2 GB).
    """
    if _AUTO.fullmatch(spec):
        return None
    match = _FORMAT_SPEC.fullmatch(spec)
    if match is None:
        return f"not a number format: {excerpt(spec)} (try '.3f', or 'auto3' for columns with small values)"
    if _over(match["width"], MAX_FORMAT_WIDTH) or _over(match["precision"], MAX_FORMAT_PRECISION):
        return (
            f"format {excerpt(spec)} is too wide: width at most {MAX_FORMAT_WIDTH}, "
            f"precision at most {MAX_FORMAT_PRECISION}"
        )
    try:
        format(0.5, spec)  # bounded now; catches combinations the pattern allows but Python does not
    except ValueError:
        return f"not a number format: {excerpt(spec)} (try '.3f', or 'auto3' for columns with small values)"
    return None


def _over(digits: str | None, limit: int) -> bool:
    """Is the decimal ``digits`` above ``limit``? Compared by length first: ``int()`` of 5000 digits raises."""
    return digits is not None and (len(digits.lstrip("0")) > len(str(limit)) or int(digits) > limit)


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
