"""The Markdown a course's prose may use: paragraphs, ``-`` lists, ``**bold**`` and ``*italic*``.

Text sections are read into :class:`Paragraph` and :class:`BulletList` blocks of styled runs,
which the UI lays out as plain text: nothing in a course becomes markup, a link or anything
clickable. Anything else Markdown has (code, links, headings, quotes, tables, ordered or nested
lists, rules, escapes, ``_``, HTML, web addresses, hard line breaks) is refused when the course
is loaded, with the line it is on; the subset is read exactly as CommonMark reads it (a test
compares the two), so what an author previews elsewhere is what the learner sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A paragraph as (text, style) runs; style is "", "bold", "italic" or "bold italic".
Runs = tuple[tuple[str, str], ...]

#: What the subset allows, for error messages.
SUBSET = "plain paragraphs, '-' lists, **bold** and *italic*"


@dataclass(frozen=True)
class Paragraph:
    runs: Runs


@dataclass(frozen=True)
class BulletList:
    """A list whose items are one paragraph each."""

    items: tuple[Runs, ...]


Block = Paragraph | BulletList


class MarkdownError(ValueError):
    """The text uses Markdown outside the subset; the message names what and on which line."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        #: The line of the text (1-based) it is on, when known.
        self.line = line


_ITEM = re.compile(r"^([-*+])[ ]{1,4}(\S.*)$")
#: Characters and sequences outside the subset wherever they stand, and what each would be.
_UNSUPPORTED = {
    "`": "code ('`')",
    "\\": "a backslash escape",
    "_": "'_' (emphasis or a name with underscores; use *italic*, or write the name in a formula)",
    "\t": "a tab",
    "~~": "strike-through ('~~')",
    "<": "HTML ('<' before a letter)",
    "](": "a link",
    "][": "a link",
    "&": "an HTML entity ('&…;')",
    "http": "a web address",
    "www.": "a web address",
}
_UNSUPPORTED_RE = re.compile(r"[`\\_\t]|~~|<[A-Za-z/!?]|\]\(|\]\[|&#?\w+;|https?:|www\.")
_BLOCK_START = re.compile(r"^(?:#|>|\[|\d+[.)](?:\s|$)|[-*+](?:\s|$)|[-=*+ ]+$|[|:\- ]*\|[|:\- ]*$)")
_SPACES = re.compile(r"\s+")
#: Emphasis the simple way: the delimiters hug the text, and stand at word boundaries.
_EMPHASIS = re.compile(r"(?<![\w*])(\*\*\*|\*\*|\*)(?=[^\s*])(.+?)(?<=[^\s*])\1(?![\w*])")
_STYLE = {"***": "bold italic", "**": "bold", "*": "italic"}


def _block_name(line: str) -> str:
    """What a line that starts another kind of block would start (for the error message)."""
    first = line[0]
    if first == "#":
        return "a heading ('#')"
    if first == ">":
        return "a quote ('>')"
    if first == "[":
        return "a link reference ('[')"
    if first.isdigit():
        return "a numbered list"
    if "|" in line:
        return "a table"
    if set(line) <= set("-=*+ "):
        return "a rule or an underline ('---', '===')"
    return "a nested list"


def _runs(text: str) -> Runs:
    """Inline text as styled runs; MarkdownError unless it is plainly bold/italic text."""
    runs: list[tuple[str, str]] = []
    position = 0
    for match in _EMPHASIS.finditer(text):
        delimiter, inner = match.group(1), match.group(2)
        if "*" in inner:
            raise MarkdownError("emphasis inside emphasis")
        if match.start() > position:
            runs.append((text[position : match.start()], ""))
        runs.append((inner, _STYLE[delimiter]))
        position = match.end()
    runs.append((text[position:], ""))
    if any("*" in run for run, style in runs if not style):
        raise MarkdownError("a '*' that is not around *italic* or **bold** text")
    return tuple((_SPACES.sub(" ", run), style) for run, style in runs if run)


class _Reader:
    """Collects blocks line by line: the open paragraph's lines, or the open list's items."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.items: list[list[str]] = []
        self.lines: list[str] = []
        self.bullet = ""
        #: The lines the open paragraph and each open item start on (emphasis is read on closing).
        self.starts: list[int] = []

    def close(self) -> None:
        if self.lines:
            self.blocks.append(Paragraph(self._runs(self.lines, self.starts[0])))
        if self.items:
            self.blocks.append(BulletList(tuple(map(self._runs, self.items, self.starts))))
        self.items, self.lines, self.starts = [], [], []

    @staticmethod
    def _runs(lines: list[str], start: int) -> Runs:
        try:
            return _runs(" ".join(lines))
        except MarkdownError as exc:
            raise MarkdownError(str(exc), start) from None

    def read(self, raw: str, number: int, blank: bool) -> None:
        """Line ``number``, not blank (``blank``: a blank line came before it)."""
        line = raw.strip()
        if raw.endswith("  "):
            raise MarkdownError("a hard line break (two spaces at the end of the line)")
        indent = len(raw) - len(raw.lstrip(" "))
        if indent:
            # only the continuation of a list item's paragraph may be indented
            if not self.items or indent < 2 or blank or _ITEM.match(line) or _BLOCK_START.match(line):
                raise MarkdownError("an indented line (code, or a second paragraph or list inside a list item)")
            self.items[-1].append(line)
            return
        item = _ITEM.match(raw)
        if item:
            text = item.group(2)
            if _ITEM.match(text) or _BLOCK_START.match(text):
                raise MarkdownError(f"{_block_name(text)} inside a list item")
            # a paragraph ends where a list starts; another bullet character starts another list
            if self.lines or (self.items and item.group(1) != self.bullet):
                self.close()
            self.starts.append(number)
            self.bullet = item.group(1)
            self.items.append([text.strip()])
        elif _BLOCK_START.match(line):
            raise MarkdownError(_block_name(line))
        elif self.items and not blank:
            self.items[-1].append(line)  # a lazy continuation of the item
        else:
            if blank:
                self.close()
            if not self.lines:
                self.starts.append(number)
            self.lines.append(line)


def _unsupported(match: re.Match[str]) -> str:
    found = match.group(0)
    return next(name for start, name in _UNSUPPORTED.items() if found.startswith(start))


def prose_blocks(markdown: str) -> tuple[Block, ...]:
    """The paragraphs and bullet lists of ``markdown``; MarkdownError if it uses anything else
    (the message says what, and on which line of the text)."""
    lines = markdown.splitlines()
    reader = _Reader()
    blank = False
    number = 0
    try:
        for number, raw in enumerate(lines, 1):
            found = _UNSUPPORTED_RE.search(raw)
            if found:
                raise MarkdownError(_unsupported(found))
            if not raw.strip():
                blank = True
                continue
            reader.read(raw, number, blank)
            blank = False
        reader.close()
    except MarkdownError as exc:
        line = exc.line or number
        where = f"line {line} of the text: " if len(lines) > 1 else ""
        raise MarkdownError(f"{where}{exc}, which ce-tutor does not show; write {SUBSET}", line) from None
    return tuple(reader.blocks)
