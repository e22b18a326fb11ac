"""The notation sheet: every symbol the course uses, one key away from any lesson (``s``).

The symbols and their meanings come from the course (``notation.yaml``); they reach the screen
as ``Text`` (never markup), with their number markers rendered as the lessons render them.
"""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tutor.content.model import NotationGroup
from tutor.content.prose import render
from tutor.ui.text import plain, plain_rich

EMPTY = "This course has no notation sheet (notation.yaml in the course folder)."


def group_table(group: NotationGroup) -> Table:
    """One group as a two-column table: the symbol (bold), then what it means."""
    table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(ratio=1)
    for symbol, meaning in group.symbols:
        table.add_row(plain_rich(symbol), plain_rich(render(meaning)))
    return table


class NotationScreen(ModalScreen[None]):
    """A scrollable panel with the notation sheet; Esc, q or s closes it."""

    DEFAULT_CSS = """
    NotationScreen {
        align: center middle;
    }
    #notation-panel {
        width: 100%;
        max-width: 100;
        height: auto;
        max-height: 100%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    #notation-panel > .notation-title {
        text-style: bold;
        color: $text-primary;
        padding: 1 0 0 0;
    }
    """

    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="close"),
        Binding("q,s", "dismiss", "Close", show=False),
    ]

    def __init__(self, groups: tuple[NotationGroup, ...]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="notation-panel") as panel:
            panel.border_title = "Notation"
            panel.border_subtitle = "↑/↓ scroll · Esc closes"
            if not self.groups:
                yield Static(EMPTY, markup=False)
            for group in self.groups:
                yield Static(plain(group.title), classes="notation-title")
                yield Static(group_table(group), classes="notation-symbols")

    def on_mount(self) -> None:
        self.query_one("#notation-panel", VerticalScroll).focus()
