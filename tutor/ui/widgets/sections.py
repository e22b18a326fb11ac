"""One widget per lesson section kind, and :func:`section_widget`, the only place that picks one.

Text, formula and worked sections are rendered here; plots, explorers and the lab come from
their own modules (``plot.py``, ``explorer.py``, ``lab.py``) and are imported on first use.
Widgets display what the content and the core give them; they compute nothing themselves.

Prose is drawn by :class:`Prose`, one widget per text section: Textual's ``Markdown`` mounts a
widget per paragraph, list, item and bullet, and styling and laying those out made opening a
lesson take over a second. :func:`prose_blocks` reads the plain subset the course is written in
(paragraphs, ``-`` lists, ``**bold**``, ``*italic*``) and says ``None`` for anything else, which
is then shown as it is written, as plain text. Never through Textual's ``Markdown``: course text
is untrusted, and there a link becomes something to click that the course chose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import msgspec
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget
from textual.widgets import Static

from tutor.content.kinds import FormulaSection, SectionBase, TextSection
from tutor.content.prose import render
from tutor.safe_text import printable
from tutor.ui.kinds import widget_module
from tutor.ui.text import plain

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.selection import Selection
    from textual.style import Style
    from textual.visual import RenderOptions

# ----- prose ------------------------------------------------------------------------------------

#: What a text section is made of: paragraphs, and bullet lists whose items are one paragraph each.
#: A paragraph is a tuple of (text, style) runs; style is "", "bold", "italic" or "bold italic".
Runs = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Paragraph:
    runs: Runs


@dataclass(frozen=True)
class BulletList:
    items: tuple[Runs, ...]


Block = Paragraph | BulletList

#: As Textual's Markdown draws a top-level bullet (``Markdown.BULLETS[0]``).
BULLET = "• "
_ITEM = re.compile(r"^([-*+])[ ]{1,4}(\S.*)$")
#: Anything outside the subset (code, links, html, entities, headings, quotes, tables, ordered
#: lists, rules, escapes, underscores, strike-through, bare URLs, tabs): Textual's Markdown draws it.
_UNSUPPORTED = re.compile(r"[`\\_\t]|~~|<[A-Za-z/!?]|\]\(|\]\[|&#?\w+;|https?:|www\.")
_BLOCK_START = re.compile(r"^(?:#|>|\[|\d+[.)](?:\s|$)|[-*+](?:\s|$)|[-=*+ ]+$|[|:\- ]*\|[|:\- ]*$)")
_SPACES = re.compile(r"\s+")
#: Emphasis the simple way: the delimiters hug the text, and stand at word boundaries.
_EMPHASIS = re.compile(r"(?<![\w*])(\*\*\*|\*\*|\*)(?=[^\s*])(.+?)(?<=[^\s*])\1(?![\w*])")
_STYLE = {"***": "bold italic", "**": "bold", "*": "italic"}


def _runs(text: str) -> Runs | None:
    """Inline markdown as styled runs, or None when it is not plainly bold/italic text."""
    runs: list[tuple[str, str]] = []
    position = 0
    for match in _EMPHASIS.finditer(text):
        delimiter, inner = match.group(1), match.group(2)
        if "*" in inner:
            return None
        if match.start() > position:
            runs.append((text[position : match.start()], ""))
        runs.append((inner, _STYLE[delimiter]))
        position = match.end()
    runs.append((text[position:], ""))
    if any("*" in run for run, style in runs if not style):
        return None
    return tuple((_SPACES.sub(" ", run), style) for run, style in runs if run)


def prose_blocks(markdown: str) -> tuple[Block, ...] | None:
    """The paragraphs and bullet lists of ``markdown``, or None if it uses anything else."""
    if _UNSUPPORTED.search(markdown):
        return None
    blocks: list[Block] = []
    items: list[list[str]] = []  # the open list's items, as lines
    lines: list[str] = []  # the open paragraph's lines
    bullet = ""

    def close() -> bool:
        nonlocal items, lines
        if lines:
            runs = _runs(" ".join(lines))
            if runs is None:
                return False
            blocks.append(Paragraph(runs))
        if items:
            parsed = [_runs(" ".join(item)) for item in items]
            if any(runs is None for runs in parsed):
                return False
            blocks.append(BulletList(tuple(runs for runs in parsed if runs is not None)))
        items, lines = [], []
        return True

    blank = False
    for raw in markdown.splitlines():
        line = raw.strip()
        if raw.endswith("  ") and line:
            return None  # a hard line break
        if not line:
            blank = True
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        if indent:
            # only the continuation of a list item's paragraph may be indented
            if not items or indent < 2 or blank or _ITEM.match(line) or _BLOCK_START.match(line):
                return None
            items[-1].append(line)
            continue
        item = _ITEM.match(raw)
        if item:
            text = item.group(2)
            if _ITEM.match(text) or _BLOCK_START.match(text):
                return None  # a nested list, a rule, a heading in an item…
            # a paragraph ends where a list starts; another bullet character starts another list
            if (lines or (items and item.group(1) != bullet)) and not close():
                return None
            bullet = item.group(1)
            items.append([text.strip()])
        elif _BLOCK_START.match(line):
            return None  # a heading, quote, rule, table, ordered list…
        elif items and not blank:
            items[-1].append(line)  # a lazy continuation of the item
        else:
            if blank and not close():
                return None
            lines.append(line)
        blank = False
    if not close():
        return None
    return tuple(blocks)


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


def text_section_view(section: TextSection) -> Widget:
    """A :class:`Prose` when the section keeps to the plain subset, else the text as written."""
    source = printable(render(section.markdown))
    blocks = prose_blocks(source)
    if blocks is not None:
        return Prose(source, blocks, classes="text-section")
    return Static(plain(source), classes="text-section")


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
            width = max(len(symbol) for symbol, _ in section.where)
            lines = "\n".join(f"  {symbol:<{width}}  {render(meaning)}" for symbol, meaning in section.where)
            yield Static(plain(f"where\n{lines}"), classes="formula-where")
        if section.caption:
            yield Static(plain(render(section.caption)), classes="caption")


def caption_of(section: SectionBase) -> str:
    """The caption the lesson screen shows under a section's widget ("" when the widget shows its own)."""
    return render(section.lesson_caption())


#: Rough heights (rows) of the widgets whose height does not follow their text.
_FIXED_HEIGHT = {
    "tutor.ui.widgets.plot": 27,
    "tutor.ui.widgets.explorer": 30,
    "tutor.ui.widgets.kclass": 30,
    "tutor.ui.widgets.lab": 48,
}


def _text_rows(text: str, width: int) -> int:
    """Rows that ``text`` wraps to at ``width``, paragraphs separated by a blank row (an estimate)."""
    width = max(width, 10)
    return sum(-(-len(" ".join(p.split())) // width) + 1 for p in text.split("\n\n") if p.strip())


def estimated_height(section: SectionBase, width: int) -> int:
    """About how many rows ``section`` takes in the lesson at a terminal ``width`` wide, from its
    content alone (nothing is built): how many sections fill a screen before they are mounted.
    Text fields wrap at the width; each entry of a list (a table row, a symbol) takes a row;
    plots, explorers and labs add their fixed height."""
    inner = width - 8  # the scroll bar, the lesson's and the section's padding, the prose's
    rows = 2  # the section's margin and top border
    for value in msgspec.structs.asdict(section).values():
        if isinstance(value, str) and value:
            rows += _text_rows(value, inner)
        elif isinstance(value, tuple):
            rows += len(value) + 1
    return rows + _FIXED_HEIGHT.get(widget_module(section), 0)


def module_needed(section: SectionBase) -> str | None:
    """The module (slow to import: numpy, plotext) that building ``section``'s widget imports, if any."""
    module = widget_module(section)
    return None if module == __name__ else module
