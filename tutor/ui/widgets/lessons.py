"""``LessonTable``: the course map's lessons, one row each, with the columns the width allows.

An ``OptionList`` of rows, the header line its border title (the list gives the cursor, the keys,
the mouse and scrolling). Not a ``DataTable``: drawing one cell by cell through Rich was about a tenth of the
time to the first screen, and a DataTable keeps every column at any width. Here the columns are
laid out for the width (:func:`fit_columns`): the title takes what is left and is cut with "…"
when it must, Time is dropped before a title is cut, and the state and the best score always show.

Titles are course text: rows are ``Content`` built from plain strings, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.cells import cell_len
from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList

from tutor.safe_text import printable

#: The columns, in order: what the header says, and its short form for narrow terminals.
HEADERS = ("#", "Lesson", "Time", "State", "Best quiz")
SHORT_HEADERS = ("#", "Lesson", "Time", "State", "Best")
NUMBER, TITLE, TIME, STATE, BEST = range(5)
#: Cells between two columns.
GAP = 2


class Row(NamedTuple):
    """One lesson's cells, as the course map shows them at full width."""

    number: str
    title: str
    minutes: str
    state: str
    best: str


def _cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, ending in "…" when it had to be cut."""
    if cell_len(text) <= width:
        return text
    out = ""
    for char in text:
        if cell_len(out + char) > width - 1:
            break
        out += char
    return out.rstrip() + "…"


#: The layouts tried in turn, widest first: the columns shown and the header row.
LAYOUTS = (
    ((NUMBER, TITLE, TIME, STATE, BEST), HEADERS),
    ((NUMBER, TITLE, STATE, BEST), HEADERS),
    ((NUMBER, TITLE, STATE, BEST), SHORT_HEADERS),
)


class Layout(NamedTuple):
    columns: tuple[int, ...]
    """The columns shown (indices into a ``Row``)."""
    sizes: tuple[int, ...]
    """Their widths in cells."""
    headers: tuple[str, ...]
    """The header row (one per column of a ``Row``; those not shown are ignored)."""


def fit_columns(rows: Sequence[Row], width: int) -> Layout:
    """The columns shown at ``width`` cells, their widths and headers.

    Every column but the title is as wide as its widest cell or header; the title takes the rest, up
    to its longest. The first layout of ``LAYOUTS`` where no title is cut is chosen, else the last:
    Time goes before a title is cut, and the number, the state and the best score always show.
    """
    longest = max((cell_len(row.title) for row in rows), default=0)
    for number, (columns, headers) in enumerate(LAYOUTS):
        sizes = [max(cell_len(headers[c]), *(cell_len(row[c]) for row in rows)) for c in columns]
        others = sum(size for c, size in zip(columns, sizes, strict=True) if c != TITLE)
        room = width - others - GAP * (len(columns) - 1)
        if room >= longest or number == len(LAYOUTS) - 1:
            sizes[columns.index(TITLE)] = max(1, min(room, max(longest, cell_len(headers[TITLE]))))
            return Layout(columns, tuple(sizes), headers)
    raise AssertionError("unreachable: the last layout is always taken")  # pragma: no cover


def format_row(cells: Sequence[str], layout: Layout) -> str:
    """One line of the table: the cells of the columns shown, padded (the title cut) to their widths."""
    parts = []
    for column, size in zip(layout.columns, layout.sizes, strict=True):
        cell = _cut(cells[column], size)
        parts.append(cell.rjust(size) if column == NUMBER else cell + " " * (size - cell_len(cell)))
    return (" " * GAP).join(parts).rstrip()


class LessonTable(OptionList):
    """The lessons with their number, title, minutes, state and best quiz score; the header is the
    list's border title, above a one-cell gutter that aligns the rows under it.

    Enter is the list's own key, so it is handled in turn with ↑/↓ typed just before it (a priority
    binding on the screen overtook them and opened the wrong lesson). Posts ``RowHighlighted`` when
    the cursor moves and ``RowSelected`` when a row is clicked.
    """

    DEFAULT_CSS = """
    LessonTable, LessonTable:focus {
        height: auto;
        border: none;
        border-top: blank;
        border-title-align: left;
        border-title-color: $foreground;
        border-title-style: bold;
        padding: 0;
        background-tint: transparent;
        scrollbar-size-vertical: 1;
    }
    """

    BINDINGS = [Binding("enter", "screen.open", "Open")]

    class RowHighlighted(Message):
        """The cursor is on row ``index``."""

        def __init__(self, table: LessonTable, index: int) -> None:
            super().__init__()
            self.table = table
            self.index = index

        @property
        def control(self) -> LessonTable:
            return self.table

    class RowSelected(RowHighlighted):
        """Row ``index`` was clicked."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: tuple[Row, ...] = ()
        self._layout: Layout | None = None
        self._cursor = 0

    @property
    def rows(self) -> tuple[Row, ...]:
        return self._rows

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def cursor_row(self) -> int:
        """The row under the cursor (0 when there is none). Read from the list itself: ↑/↓ typed just
        before Enter have moved it before their messages are handled."""
        return self.highlighted if self.highlighted is not None else self._cursor

    def get_row_at(self, index: int) -> list[str]:
        """Row ``index``'s cells as at full width (whatever the columns shown)."""
        return list(self._rows[index])

    def move_cursor(self, row: int) -> None:
        self._cursor = max(0, min(row, len(self._rows) - 1))
        if self.option_count:
            self.highlighted = self._cursor

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show ``rows`` (course text is made printable), keeping the cursor where it was."""
        self._rows = tuple(Row(*(printable(cell, one_line=True) for cell in row)) for row in rows)
        self._show()

    def _fit(self) -> Layout:
        # Before the first resize, the width the screen will give: the terminal's, less the margins.
        width = self.size.width or self.app.size.width - self.styles.margin.width
        return fit_columns(self._rows, width - 2)  # the gutter, and a column for a scroll bar

    def _show(self) -> None:
        cursor = self.cursor_row
        self._layout = layout = self._fit()
        self.border_title = Content(format_row(layout.headers, layout))
        self.set_options(Content(" " + format_row(row, layout)) for row in self._rows)
        if self._rows:
            self._cursor = min(cursor, len(self._rows) - 1)
            self.highlighted = self._cursor

    def on_resize(self) -> None:
        if self._layout is not None and self._fit() != self._layout:
            self._show()

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._cursor = event.option_index
        self.post_message(self.RowHighlighted(self, event.option_index))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.RowSelected(self, event.option_index))
