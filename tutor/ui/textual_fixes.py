"""Work-arounds for bugs in Textual 8.2.8 (the pinned version), each in a subclass our screens use.

Nothing here changes Textual's own classes. Each bug is shown on the plain Textual class by a
test in ``tests/ui/test_textual_fixes.py`` marked ``xfail(strict=True)``: when an upgrade fixes
it, that test passes, the suite fails, and the subclass (and its test) can go. Keys typed ahead
of the app found all of them (``tests/fuzz/test_fuzz_keys.py``).
"""

from __future__ import annotations

from typing import Any

from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.widgets import Header, Input, OptionList

#: The Textual release these work-arounds were checked against.
CHECKED_WITH = "8.2.8"


def page(options: OptionList, direction: int) -> None:
    """PgDn (``direction`` 1) or PgUp (-1) on ``options``.

    Textual 8.2.8: on an OptionList not laid out yet (just mounted, or just given new options)
    ``_move_page`` reads a line map that is still empty and raises KeyError. A key typed ahead
    hits it (Enter then PgDn on a quiz question; Ctrl+P then PgDn) and the app crashed. With no
    layout there is no page height either: go to the last or the first option instead.
    """
    try:
        (OptionList.action_page_down if direction > 0 else OptionList.action_page_up)(options)
    except KeyError:
        (options.action_last if direction > 0 else options.action_first)()


class TutorOptionList(OptionList):
    """An OptionList whose PgUp/PgDn work before it is laid out (see :func:`page`)."""

    def action_page_down(self) -> None:
        page(self, 1)

    def action_page_up(self) -> None:
        page(self, -1)


class TutorCommandPalette(CommandPalette):
    """The command palette (``TutorApp.action_command_palette`` opens this one), with two fixes.

    * PgUp/PgDn go through :func:`page` (its list is an OptionList, laid out a frame after Ctrl+P).
    * Textual 8.2.8: Enter typed twice dismissed it twice. ``dismiss`` pops whatever screen is on
      top, so the second one popped the screen under the palette: the course map (the app crashed:
      no screen left) or the lesson the command had just opened. A palette that is no longer the
      active screen has been dismissed already.
    * Textual 8.2.8: a palette being dismissed still takes typing. Keys typed right behind the key
      that closes it reach its search box, and each change of the search starts a search that
      fills a command list the closing palette no longer has: Esc, Ctrl+P and k typed as one burst
      on the results screen (the palette binding overtakes the Esc, which then closes the palette
      just opened) crashed the app with ``NoMatches: 'CommandList'``.
    """

    BINDINGS = [
        Binding("pagedown", "page(1)", "Next page", show=False),
        Binding("pageup", "page(-1)", "Previous page", show=False),
    ]

    def action_page(self, direction: int) -> None:
        page(self.query_one(CommandList), direction)

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if not self.is_active:
            return AwaitComplete.nothing()
        self.disable_messages(Input.Changed)
        return super().dismiss(result)


class TutorHeader(Header):
    """A Header that gives up quietly when its screen closes before it has finished opening.

    Textual 8.2.8: a Header updates its title whenever its screen's title changes, and gives up
    quietly only on NoScreen. A screen closed before it finished opening (keys typed ahead: Enter
    on "Course map" with g right behind it opened a practice quiz that the button then closed)
    sets its title in on_mount after its Header's children are gone: NoMatches crashed the app.
    A Header that has lost its children (removed, or being removed) has no screen: say so.
    """

    def query_one(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().query_one(*args, **kwargs)
        except NoMatches:
            if self.is_attached and self.children:
                raise
            raise NoScreen("the header was removed with its screen") from None
