"""``WorkedView``: a table of worked values, every cell computed by the core (``tutor.content.kinds.worked``).

Its own module because it needs the core (numpy): the lesson imports it ahead of time.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tutor import core  # noqa: F401  - imported here so importing this module loads numpy
from tutor.content.kinds import WorkedSection
from tutor.content.kinds.worked import worked_cells, worked_headers
from tutor.content.prose import render
from tutor.ui.text import plain, plain_rich

#: Cells between two columns: padding, the (blank) rule, padding.
GAP = 3


class FittedTable:
    """A worked table laid out for the width it is drawn at, never cutting a number.

    Rich shrinks a table too wide for its space by cutting cells, so 0.514 showed as 0.51 at
    60 columns. Here every column is at least as wide as its widest value and its header's
    longest word (headers wrap between words). Where that does not fit, the table is turned on
    its side (a line per column, the rows side by side); where even that does not fit, each row
    becomes a block of ``header  value`` lines.
    """

    def __init__(self, headers: list[str], rows: list[list[str]]) -> None:
        self.headers = headers
        self.rows = rows
        values = [max((len(row[i]) for row in rows), default=0) for i in range(len(headers))]
        words = [max((len(word) for word in header.split()), default=0) for header in headers]
        self.least = [max(value, word) for value, word in zip(values, words, strict=True)]
        self.natural = [max(len(header), value) for header, value in zip(headers, values, strict=True)]
        self.label = max((len(header) for header in headers), default=0)
        self.value = max(values, default=0)

    @staticmethod
    def _span(widths: list[int]) -> int:
        return sum(widths) + GAP * max(len(widths) - 1, 0)

    @property
    def _turned(self) -> list[int]:
        """Column widths of the table turned on its side: the headers, then one column per row."""
        return [self.label, *(max(len(cell) for cell in row) for row in self.rows)]

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        least = min(self.label + 2 + self.value, self._span(self.least), self._span(self._turned))
        return Measurement(least, self._span(self.natural))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        if self._span(self.least) <= width:
            yield self._table(self._widen(width - self._span(self.least)))
        elif self._span(self._turned) <= width:
            yield self._turned_table()
        else:
            yield from self._records()

    def _widen(self, spare: int) -> list[int]:
        """The least widths, with ``spare`` columns given toward whole headers (smallest need first)."""
        widths = list(self.least)
        for i in sorted(range(len(widths)), key=lambda i: self.natural[i] - widths[i]):
            give = min(self.natural[i] - widths[i], spare)
            widths[i] += give
            spare -= give
        return widths

    def _table(self, widths: list[int]) -> Table:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
        for header, column_width in zip(self.headers, widths, strict=True):
            table.add_column(plain_rich(header), justify="right", width=column_width)
        for row in self.rows:
            table.add_row(*map(plain_rich, row))
        return table

    def _turned_table(self) -> Table:
        """One line per column (its header, then its value in each row): a few long rows fit."""
        table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1))
        table.add_column(style="bold", no_wrap=True)
        for _ in self.rows:
            table.add_column(justify="right", no_wrap=True, min_width=1)
        for i, header in enumerate(self.headers):
            table.add_row(plain_rich(header), *(plain_rich(row[i]) for row in self.rows))
        return table

    def _records(self) -> Iterator[Text]:
        for n, row in enumerate(self.rows):
            if n:
                yield Text("")
            for header, value in zip(self.headers, row, strict=True):
                line = plain_rich(f"{header:<{self.label}}  {value:>{self.value}}")
                line.end = "\n"
                yield line


class WorkedView(Vertical):
    """A table of worked values; the cells come from :func:`tutor.content.kinds.worked.worked_cells`."""

    def __init__(self, section: WorkedSection) -> None:
        super().__init__(classes="worked-section")
        self.section = section

    def compose(self) -> ComposeResult:
        section = self.section
        table = FittedTable(worked_headers(section), worked_cells(section))
        yield Static(plain(render(section.title)), classes="worked-title")
        yield Static(table, classes="worked-table")
        if section.note:
            yield Static(plain(render(section.note)), classes="caption")
