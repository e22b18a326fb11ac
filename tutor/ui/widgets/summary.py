"""``SummaryView``: a lesson's key formulas and facts, together on one screen at its end."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tutor.content.kinds import SummarySection, TextSection
from tutor.ui.text import plain
from tutor.ui.widgets.sections import text_section_view


class SummaryView(Vertical):
    """The title, each formula on its own line, and the facts as a bulleted list (drawn as prose is)."""

    DEFAULT_CSS = """
    SummaryView {
        height: auto;
    }
    SummaryView > .summary-title {
        text-style: bold;
        padding: 1 0 0 0;
    }
    SummaryView > .summary-formulas {
        text-style: bold;
        padding: 1 2;
    }
    """

    def __init__(self, section: SummarySection) -> None:
        super().__init__(classes="summary-section")
        self.section = section

    def compose(self) -> ComposeResult:
        yield Static(plain(self.section.title), classes="summary-title")
        yield Static(plain("\n".join(self.section.formulas)), classes="summary-formulas")
        yield text_section_view(TextSection(markdown=self.facts_markdown()))

    def facts_markdown(self) -> str:
        """The facts as a Markdown bullet list (markers still in: the prose widget renders them)."""
        return "\n".join(f"- {fact}" for fact in self.section.facts)
