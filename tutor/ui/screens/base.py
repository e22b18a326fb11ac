"""What every ce-tutor screen shares: the notice shown when the terminal is too small."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on
from textual.screen import Screen
from textual.types import NoActiveAppError
from textual.widgets import Static

if TYPE_CHECKING:
    from textual import getters

    from tutor.ui.app import TutorApp

TOO_SMALL = "The terminal is too small for ce-tutor.\nEnlarge it to at least 40 columns × 12 rows."


class TooSmall(Static):
    """Covers the screen while it is narrower or shorter than the app's minimum (see tutor.tcss)."""

    def __init__(self) -> None:
        super().__init__(TOO_SMALL, classes="too-small")


class TutorScreen(Screen):
    """A screen with a help note for the ``?`` key panel and the too-small notice mounted on top."""

    #: Extra lines the ``?`` panel shows under this screen's keys.
    HELP_NOTE = ""

    if TYPE_CHECKING:
        #: The tutor app, typed (its course, progress store and ``open_*`` navigation), as Textual types ``app``.
        app = getters.app(TutorApp)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._start_with_breakpoint_classes()

    def _start_with_breakpoint_classes(self) -> None:
        """The app's breakpoint classes for the terminal's size, set before the screen is
        styled. Textual sets them on the screen's first Resize, which then restyles the whole
        screen a second time (about 6 ms on the course map); it still updates them on resizes."""
        try:
            app = self.app
        except NoActiveAppError:
            return
        width, height = app.size
        for size, points in (
            (width, app.HORIZONTAL_BREAKPOINTS if self.HORIZONTAL_BREAKPOINTS is None else self.HORIZONTAL_BREAKPOINTS),
            (height, app.VERTICAL_BREAKPOINTS if self.VERTICAL_BREAKPOINTS is None else self.VERTICAL_BREAKPOINTS),
        ):
            reached = [name for threshold, name in sorted(points or []) if size >= threshold]
            if reached:
                self.add_class(reached[-1], update=False)

    @on(events.Mount)
    def _add_too_small_notice(self) -> None:
        # A decorated handler, so subclasses keep their own on_mount without calling super().
        self.mount(TooSmall())
