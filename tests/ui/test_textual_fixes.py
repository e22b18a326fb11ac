"""The Textual bugs ``tutor.ui.textual_fixes`` works around: each shown on the plain Textual class
(``xfail(strict=True)``: an upgrade that fixes it makes the test pass and the suite fail, so the
work-around can go), and each avoided by our subclass."""

from __future__ import annotations

import gc
import warnings

import pytest
import textual
from textual.app import App, ComposeResult
from textual.command import CommandPalette
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static

from tutor.ui.textual_fixes import CHECKED_WITH, TutorCommandPalette, TutorHeader, TutorOptionList

UPSTREAM_BUG = pytest.mark.xfail(
    strict=True, reason=f"a bug in Textual {CHECKED_WITH}; if this passes, drop the work-around in textual_fixes"
)


def test_the_work_arounds_were_checked_against_the_pinned_textual():
    assert textual.__version__ == CHECKED_WITH, "check each work-around in tutor/ui/textual_fixes.py again"


# ----- PgDn/PgUp on an option list not laid out yet ------------------------------------------------


async def _page_before_layout(option_list: OptionList) -> int | None:
    """Mount ``option_list`` and press PgDn on it before any layout; the option it highlights."""
    app = App()
    async with app.run_test():
        app.screen.mount(option_list)
        option_list.highlighted = 0
        option_list.action_page_down()
        return option_list.highlighted


@UPSTREAM_BUG
async def test_upstream_option_list_page_down_before_layout_raises():
    await _page_before_layout(OptionList("a", "b", "c"))


async def test_our_option_list_pages_to_the_end_before_layout():
    assert await _page_before_layout(TutorOptionList("a", "b", "c")) == 2


# ----- the command palette dismissed twice --------------------------------------------------------


class _Lesson(Screen):
    def compose(self) -> ComposeResult:
        yield Static("a lesson")


async def _dismiss_twice(palette: CommandPalette) -> list[str]:
    """Open ``palette`` over a screen over the default one, dismiss it twice (Enter typed twice)."""
    app = App()
    async with app.run_test() as pilot:
        await app.push_screen(_Lesson())
        await app.push_screen(palette)
        palette.dismiss()
        palette.dismiss()
        await pilot.pause()
        return [type(screen).__name__ for screen in app.screen_stack]


@UPSTREAM_BUG
async def test_upstream_palette_dismissed_twice_keeps_the_screen_under_it():
    assert await _dismiss_twice(CommandPalette()) == ["Screen", "_Lesson"]


async def test_our_palette_dismissed_twice_keeps_the_screen_under_it():
    assert await _dismiss_twice(TutorCommandPalette()) == ["Screen", "_Lesson"]


# ----- a header whose screen closes before it has finished opening --------------------------------


def _closed_at_once(header: type[Header]) -> int | None:
    """Push a screen (title set on mount, as ours do) and pop it in the same moment; the app's
    return code (1 when it crashed)."""

    class Titled(Screen):
        def compose(self) -> ComposeResult:
            yield header()

        def on_mount(self) -> None:
            self.title = "a title"

    class Opener(App):
        async def on_mount(self) -> None:
            self.push_screen(Titled())
            self.pop_screen()

    async def run(app: App) -> None:
        async with app.run_test() as pilot:
            await pilot.pause()
            await pilot.pause()

    import asyncio

    app = Opener()
    try:
        asyncio.run(run(app))
        code = app.return_code
    except Exception:
        code = 1
    # Textual scheduled the Header's title update for a screen already gone; the coroutine is
    # dropped unawaited (what this test provokes on purpose): collect it here, quietly.
    del app
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "coroutine .* was never awaited", RuntimeWarning)
        gc.collect()
    return code


@UPSTREAM_BUG
def test_upstream_header_of_a_screen_closed_at_once_does_not_crash():
    assert _closed_at_once(Header) in (None, 0)


def test_our_header_of_a_screen_closed_at_once_does_not_crash():
    assert _closed_at_once(TutorHeader) in (None, 0)
