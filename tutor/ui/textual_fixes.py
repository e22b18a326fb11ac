"""Work-arounds for bugs in the pinned Textual (8.2.8), applied once when the UI is imported.

Each names the bug and the test that shows it (tests/fuzz/test_fuzz_keys.py, "typed ahead");
drop it when an upgrade makes that test pass without it. Only public methods are wrapped.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.await_complete import AwaitComplete
from textual.command import CommandPalette
from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.widgets import Header, Input, OptionList


def _safe_page(page: Callable[[OptionList], None], fallback: Callable[[OptionList], None]):
    """PgUp/PgDn on an OptionList not laid out since its options changed raise KeyError inside
    Textual (``_move_page`` reads a line map that is still empty). A key typed ahead hits it —
    Enter then PgDn on a quiz question, Ctrl+P then PgDn — and the app crashed. With no layout
    there is no page height either: go to the first or last option instead."""

    def action(self: OptionList) -> None:
        try:
            page(self)
        except KeyError:
            fallback(self)

    action.__doc__ = page.__doc__
    return action


OptionList.action_page_up = _safe_page(OptionList.action_page_up, OptionList.action_first)
OptionList.action_page_down = _safe_page(OptionList.action_page_down, OptionList.action_last)


_dismiss_palette = CommandPalette.dismiss


def _dismiss_palette_once(self: CommandPalette, result: object = None) -> AwaitComplete:
    """Enter typed twice in the command palette dismissed it twice. ``dismiss`` pops whatever
    screen is on top, so the second one popped the screen under the palette: the course map
    (the app crashed: no screen left) or the lesson the command had just opened. A palette
    that is no longer the active screen has been dismissed already.

    A palette being dismissed also takes no more typing. Keys typed right behind the key that
    closes it still reach its search box, and each change of the search starts a search that
    fills a command list the closing palette no longer has: Esc, Ctrl+P and k typed as one burst
    on the results screen (the palette binding overtakes the Esc, which then closes the palette
    just opened) crashed the app with ``NoMatches: 'CommandList'``."""
    if not self.is_active:
        return AwaitComplete.nothing()
    self.disable_messages(Input.Changed)
    return _dismiss_palette(self, result)


CommandPalette.dismiss = _dismiss_palette_once


_header_query_one = Header.query_one


def _header_query_one_or_no_screen(self: Header, *args, **kwargs):
    """A Header updates its title whenever its screen's title changes, and gives up quietly only
    on NoScreen. A screen closed before it finished opening (keys typed ahead: Enter on "Course
    map" with g right behind it opened a practice quiz that the button then closed) sets its
    title in on_mount after its Header's children are gone: NoMatches crashed the app. A Header
    that is no longer attached has no screen: say so."""
    try:
        return _header_query_one(self, *args, **kwargs)
    except NoMatches:
        if self.is_attached:
            raise
        raise NoScreen("the header was removed with its screen") from None


Header.query_one = _header_query_one_or_no_screen
