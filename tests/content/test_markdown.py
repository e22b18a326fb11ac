"""The Markdown subset of text sections: read exactly as CommonMark (markdown-it, what Textual's
Markdown widget uses) reads it, or refused with the line and what is outside the subset."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tutor.content import bundled_course_dir, load_course
from tutor.content.markdown import BulletList, MarkdownError, Paragraph, prose_blocks
from tutor.content.prose import render


def _chars(runs) -> list[tuple[str, frozenset[str]]]:
    return [(char, frozenset(style.split())) for text, style in runs for char in text]


def _inline(token) -> list[tuple[str, frozenset[str]]] | None:
    """An inline token as Textual's Markdown styles it (``MarkdownBlock._token_to_content``)."""
    out: list[tuple[str, frozenset[str]]] = []
    styles: list[str] = []
    for child in token.children or []:
        if child.type == "text":
            out += [(c, frozenset(styles)) for c in re.sub(r"\s+", " ", child.content)]
        elif child.type == "softbreak":
            out.append((" ", frozenset(styles)))
        elif child.type in ("strong_open", "em_open"):
            styles.append("bold" if child.type == "strong_open" else "italic")
        elif child.type in ("strong_close", "em_close"):
            styles.pop()
        else:
            return None
    return out


def reference(markdown: str):
    """What Textual's Markdown shows, as (kind, [characters…]) blocks; None if it shows anything
    beyond paragraphs and bullet lists of one-paragraph items."""
    tokens = MarkdownIt("gfm-like").parse(markdown)
    blocks: list = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "paragraph_open":
            inline = _inline(tokens[i + 1])
            if inline is None:
                return None
            blocks.append(("p", inline))
            i += 3
        elif token.type == "bullet_list_open":
            items = []
            i += 1
            while tokens[i].type == "list_item_open":
                if [t.type for t in tokens[i + 1 : i + 5]] != [
                    "paragraph_open",
                    "inline",
                    "paragraph_close",
                    "list_item_close",
                ]:
                    return None
                inline = _inline(tokens[i + 2])
                if inline is None:
                    return None
                items.append(inline)
                i += 5
            if tokens[i].type != "bullet_list_close":
                return None
            blocks.append(("ul", items))
            i += 1
        else:
            return None
    return blocks


def ours(markdown: str):
    try:
        blocks = prose_blocks(markdown)
    except MarkdownError:
        return None
    out: list = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(("p", _chars(block.runs)))
        else:
            assert isinstance(block, BulletList)
            out.append(("ul", [_chars(item) for item in block.items]))
    return out


def _bundled_prose() -> list[str]:
    course = load_course(bundled_course_dir())
    return [
        render(section.markdown) for lesson in course.lessons for section in lesson.sections if section.kind == "text"
    ]


@pytest.mark.parametrize("markdown", _bundled_prose())
def test_every_bundled_text_section_is_drawn_as_textual_markdown_would(markdown):
    assert ours(markdown) is not None, "the bundled course keeps to the plain subset (fast to open)"
    assert ours(markdown) == reference(markdown)


@pytest.mark.parametrize(
    "markdown",
    [
        "A paragraph\nover two lines.\n\nAnother, with **bold** and *italic* and ***both***.",
        "Intro:\n\n- **y = 1**: one.\n- **y = 0**: two,\n  continued.\n\nAfter.",
        "Lazy\n- item\nlazy continuation\n\n* other bullet",
    ],
)
def test_supported_markdown(markdown):
    assert ours(markdown) is not None
    assert ours(markdown) == reference(markdown)


@pytest.mark.parametrize(
    "markdown",
    [
        "# Heading",
        "Some `code`.",
        "A [link](https://example.com).",
        "1. first\n2. second",
        "> quote",
        "a | b\n--|--\n1 | 2",
        "snake_case",
        "a*b*c",
        "**unclosed",
        "x  \ny",
        "- item\n\n  second paragraph",
        "    indented code",
        "---",
        "Title\n===",
    ],
)
def test_anything_else_is_refused(markdown):
    with pytest.raises(MarkdownError, match="which ce-tutor does not show; write plain paragraphs"):
        prose_blocks(markdown)


PIECES = [
    "a",
    "b",
    "ŷ",
    " ",
    "  ",
    "*",
    "**",
    "***",
    "_",
    "\n",
    "\n\n",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "# ",
    "(",
    ")",
    ":",
    ".",
    "|",
    "-",
    "=",
    "<",
    "x < 1",
    "`",
    "~~",
    "[",
    "]",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=24).map("".join))
def test_prose_agrees_with_textual_markdown_or_declines(markdown):
    mine = ours(markdown)
    if mine is not None:
        assert mine == reference(markdown)


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("Some `code`.", "code ('`')"),
        ("See [the docs](https://example.com).", "a link"),
        ("One.\n\n# Heading", "line 3 of the text: a heading ('#')"),
        ("- item\n  - nested", "line 2 of the text: an indented line"),
        ("First.\n\nA *b**c* d.", "line 3 of the text: emphasis inside emphasis"),
        ("- one\n- two *three\n\nend", "line 2 of the text: a '*' that is not around *italic* or **bold** text"),
        ("log_softmax", "'_'"),
        ("a <b>bold</b> word", "HTML"),
        ("x  \ny", "line 1 of the text: a hard line break"),
    ],
)
def test_a_refusal_names_the_line_and_what_is_outside_the_subset(markdown, message):
    with pytest.raises(MarkdownError) as info:
        prose_blocks(markdown)
    text = str(info.value)
    assert text.startswith(message) and "\n" not in text, text
