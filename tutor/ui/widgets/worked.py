"""``WorkedView``: a table of worked values, every cell computed by the core (``tutor.content.kinds.worked``).

Its own module because it needs the core (numpy): the lesson imports it ahead of time.
"""

from __future__ import annotations

from rich import box
from rich.table import Table
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tutor import core  # noqa: F401  - imported here so importing this module loads numpy
from tutor.content.kinds import WorkedSection
from tutor.content.kinds.worked import worked_cells, worked_headers
from tutor.content.prose import render
from tutor.ui.text import plain, plain_rich


class WorkedView(Vertical):
    """A table of worked values; the cells come from :func:`tutor.content.kinds.worked.worked_cells`."""

    def __init__(self, section: WorkedSection) -> None:
        super().__init__(classes="worked-section")
        self.section = section

    def compose(self) -> ComposeResult:
        section = self.section
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
        for header in worked_headers(section):
            table.add_column(plain_rich(header), justify="right")
        for row in worked_cells(section):
            table.add_row(*map(plain_rich, row))
        yield Static(plain(render(section.title)), classes="worked-title")
        yield Static(table, classes="worked-table")
        if section.note:
            yield Static(plain(render(section.note)), classes="caption")
