"""``worked``: a table of worked values; every cell is computed by the core from the row's inputs."""

from __future__ import annotations

import itertools

import msgspec

from tutor.content.checks import finite
from tutor.content.errors import Location
from tutor.content.expr import Expr
from tutor.content.fields import Fields, read_list
from tutor.content.kinds.base import SectionBase


class Column(msgspec.Struct, frozen=True):
    """One column of a worked table: a header and the expression computing each cell."""

    header: str
    expr: Expr
    format: str = ".3f"


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
    try:
        format(0.5, fmt)
    except (ValueError, TypeError):
        f.error(f"not a number format: {fmt!r} (try '.3f')", "format")
    return Column(header, expr, fmt) if expr is not None else None
