"""The widgets of the text and formula sections (the other kinds have modules of their own).

Prose is drawn by :class:`Prose`, one widget per text section, from the blocks of
``tutor.content.markdown`` (paragraphs and bullet lists of bold/italic runs): course text is laid
out as plain text, never read as markup, never a link. Textual's ``Markdown`` would mount a
widget per paragraph, list, item and bullet (styling and laying those out made opening a lesson
take over a second), and would make links clickable. Widgets display what the content and the
core give them; they compute nothing themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget
from textual.widgets import Static

from tutor.content.kinds import FormulaSection, SectionBase, TextSection
from tutor.content.markdown import Block, MarkdownError, Paragraph, Runs, prose_blocks
from tutor.content.prose import render
from tutor.safe_text import printable
from tutor.ui.text import plain, plain_rich

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.selection import Selection
    from textual.style import Style
    from textual.visual import RenderOptions

# ----- prose ------------------------------------------------------------------------------------

#: As Textual's Markdown draws a top-level bullet (``Markdown.BULLETS[0]``).
BULLET = "• "


def _wrap(runs: Runs, width: int) -> list[Content]:
    return Content.assemble(*runs).wrap(max(width, 1))


class ProseVisual(Visual):
    """Paragraphs and bullet lists laid out for a width, as Textual's Markdown lays them out:
    a blank line between blocks, list items wrapped under their text with the bullet beside."""

    def __init__(self, blocks: tuple[Block, ...], bullet_style: str) -> None:
        self.blocks = blocks
        self.bullet_style = bullet_style
        self._lines: tuple[int, list[Content]] | None = None

    def lines(self, width: int) -> list[Content]:
        if self._lines is not None and self._lines[0] == width:
            return self._lines[1]
        out: list[Content] = []
        for number, block in enumerate(self.blocks):
            if number:
                out.append(Content(""))
            if isinstance(block, Paragraph):
                out.extend(_wrap(block.runs, width))
                continue
            bullet = Content.styled(BULLET, self.bullet_style)
            for runs in block.items:
                for row, line in enumerate(_wrap(runs, width - len(BULLET))):
                    out.append((bullet if not row else Content(" " * len(BULLET))) + line)
        self._lines = (width, out)
        return out

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        if not width:
            return []
        return Content("\n").join(self.lines(width)).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width))


class Prose(Widget):
    """A text section drawn by one widget (see the module's docstring)."""

    DEFAULT_CSS = """
    Prose {
        height: auto;
        padding: 0 2;
    }
    """

    def __init__(self, source: str, blocks: tuple[Block, ...], classes: str | None = None) -> None:
        super().__init__(classes=classes)
        #: The Markdown shown (as ``Markdown.source``).
        self.source = source
        self.blocks = blocks
        self._visual: tuple[str, ProseVisual] | None = None

    def render(self) -> ProseVisual:
        # Bullets as Textual's Markdown colours them: $text-primary, $text-secondary on light themes.
        bullet_style = "$text-primary" if self.app.current_theme.dark else "$text-secondary"
        if self._visual is None or self._visual[0] != bullet_style:
            self._visual = (bullet_style, ProseVisual(self.blocks, bullet_style))
        return self._visual[1]

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The text under a mouse selection (as shown: wrapped, with the bullets)."""
        lines = self.render().lines(self.content_size.width)
        return selection.extract("\n".join(line.plain for line in lines)), "\n"


def text_section_view(section: TextSection) -> Prose:
    """The section's paragraphs and lists (the loader has checked they keep to the subset; a
    section that does not, from a cache built by an older version, shows as one plain paragraph)."""
    source = printable(render(section.markdown))
    try:
        blocks = prose_blocks(source)
    except MarkdownError:
        blocks = (Paragraph(((source, ""),)),)
    return Prose(source, blocks, classes="text-section")


class FormulaView(Vertical):
    """The formula in Unicode, its plain-text reading beneath it, and what each symbol means."""

    def __init__(self, section: FormulaSection) -> None:
        super().__init__(classes="formula-section")
        self.section = section

    def compose(self) -> ComposeResult:
        section = self.section
        yield Static(plain(render(section.unicode)), classes="formula-unicode")
        yield Static(plain(f"Plain text: {section.plain}"), classes="formula-plain")
        if section.where:
            # A grid, so that a meaning too long for the line wraps under itself, not under the symbol.
            table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 2, 0, 0))
            table.add_column(no_wrap=True)
            table.add_column()
            for symbol, meaning in section.where:
                table.add_row(plain_rich(symbol), plain_rich(render(meaning)))
            yield Static(plain("where"), classes="formula-where")
            yield Static(table, classes="formula-where-symbols")
        if section.caption:
            yield Static(plain(render(section.caption)), classes="caption")


def caption_of(section: SectionBase) -> str:
    """The caption the lesson screen shows under a section's widget ("" when the widget shows its own)."""
    return render(section.lesson_caption())
