"""One widget per lesson section kind, and :func:`section_widget`, the only place that picks one.

Text, formula and worked sections are rendered here; plots, explorers and the lab come from
their own modules (``plot.py``, ``explorer.py``, ``lab.py``) and are imported on first use.
Widgets display what the content and the core give them; they compute nothing themselves.
"""

from __future__ import annotations

from rich import box
from rich.table import Table
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Markdown, Static

from tutor.content.model import (
    ExplorerSection,
    FormulaSection,
    LabSection,
    PlotSection,
    Section,
    TextSection,
    WorkedSection,
)
from tutor.content.prose import render


class TextSectionView(Markdown):
    """Markdown prose, number markers rendered as the learner reads them."""

    def __init__(self, section: TextSection) -> None:
        super().__init__(render(section.markdown), classes="text-section")


class FormulaView(Vertical):
    """The formula in Unicode, its plain-text reading beneath it, and what each symbol means."""

    def __init__(self, section: FormulaSection) -> None:
        super().__init__(classes="formula-section")
        self.section = section

    def compose(self) -> ComposeResult:
        section = self.section
        yield Static(render(section.unicode), classes="formula-unicode", markup=False)
        yield Static(f"Plain text: {section.plain}", classes="formula-plain", markup=False)
        if section.where:
            width = max(len(symbol) for symbol, _ in section.where)
            lines = "\n".join(f"  {symbol:<{width}}  {render(meaning)}" for symbol, meaning in section.where)
            yield Static(f"where\n{lines}", classes="formula-where", markup=False)
        if section.caption:
            yield Static(render(section.caption), classes="caption", markup=False)


class WorkedView(Vertical):
    """A table of worked values; the cells come from :func:`tutor.worked.worked_cells`."""

    def __init__(self, section: WorkedSection) -> None:
        super().__init__(classes="worked-section")
        self.section = section

    def compose(self) -> ComposeResult:
        from tutor.worked import worked_cells, worked_headers

        section = self.section
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
        for header in worked_headers(section):
            table.add_column(header, justify="right")
        for row in worked_cells(section):
            table.add_row(*row)
        yield Static(render(section.title), classes="worked-title", markup=False)
        yield Static(table, classes="worked-table")
        if section.note:
            yield Static(render(section.note), classes="caption", markup=False)


class Pending(Static):
    """Stands in for a section whose widget is not available in this build."""

    def __init__(self, what: str) -> None:
        super().__init__(f"[{what} — not available yet]", classes="pending-section", markup=False)


def caption_of(section: Section) -> str:
    """The caption the lesson screen shows under a plot, explorer or lab (others show their own)."""
    if isinstance(section, (PlotSection, ExplorerSection, LabSection)):
        return render(section.caption)
    return ""


def section_widget(section: Section) -> Widget:
    """The widget that shows ``section``."""
    if isinstance(section, TextSection):
        return TextSectionView(section)
    if isinstance(section, FormulaSection):
        return FormulaView(section)
    if isinstance(section, WorkedSection):
        return WorkedView(section)
    if isinstance(section, PlotSection):
        return _plot(section)
    if isinstance(section, ExplorerSection):
        return _explorer(section)
    if isinstance(section, LabSection):
        return _lab(section)
    return Pending(f"a {getattr(section, 'kind', 'new')} section")


def _plot(section: PlotSection) -> Widget:
    try:
        from tutor.ui.widgets.plot import FigurePlot
    except ImportError:
        return Pending(f"plot “{section.figure}”")
    return FigurePlot(section.figure)


def _explorer(section: ExplorerSection) -> Widget:
    try:
        from tutor.ui.widgets import explorer
    except ImportError:
        return Pending(f"{section.explorer} explorer")
    if section.explorer == "softmax":
        return explorer.SoftmaxExplorerWidget()
    return explorer.ProbabilityExplorerWidget()


def _lab(section: LabSection) -> Widget:
    try:
        from tutor.ui.widgets.lab import LabWidget
    except ImportError:
        return Pending("training lab")
    return LabWidget(section)
