"""Text sections on screen: paragraphs and lists laid out as plain text, never read as markup."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tutor.content.kinds import TextSection
from tutor.ui.widgets.sections import Prose, text_section_view


class _Host(App):
    def __init__(self, section: TextSection) -> None:
        super().__init__()
        self.section = section

    def compose(self) -> ComposeResult:
        yield text_section_view(self.section)


async def _lines(markdown: str) -> list[str]:
    app = _Host(TextSection(markdown=markdown))
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        prose = app.query_one(Prose)
        return [line.plain for line in prose.render().lines(prose.content_size.width)]


async def test_paragraphs_and_bullets_as_textual_markdown_lays_them_out():
    lines = await _lines("A **bold** start, then a list:\n\n- one item that wraps onto a second line\n- two")
    assert lines == ["A bold start, then a list:", "", "• one item that wraps onto a second", "  line", "• two"]


async def test_markup_in_course_text_stays_text():
    lines = await _lines("Costs [b]nothing[/b] or [@click=app.quit]this[/].")
    assert lines == ["Costs [b]nothing[/b] or", "[@click=app.quit]this[/]."]


async def test_text_outside_the_subset_from_an_older_cache_shows_as_it_is_written():
    # The loader refuses such text; a course cached by an older version could still hold it.
    lines = await _lines("Call `bce(p, y)` or see [the notes](https://example.com).")
    assert " ".join(lines) == "Call `bce(p, y)` or see [the notes](https://example.com)."
