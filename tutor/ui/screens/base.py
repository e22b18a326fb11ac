"""What every ce-tutor screen shares: the notice shown when the terminal is too small."""

from __future__ import annotations

from textual import events, on
from textual.screen import Screen
from textual.widgets import Static

TOO_SMALL = "The terminal is too small for ce-tutor.\nEnlarge it to at least 40 columns × 12 rows."


class TooSmall(Static):
    """Covers the screen while it is narrower or shorter than the app's minimum (see tutor.tcss)."""

    def __init__(self) -> None:
        super().__init__(TOO_SMALL, classes="too-small")


class TutorScreen(Screen):
    """A screen with a help note for the ``?`` key panel and the too-small notice mounted on top."""

    #: Extra lines the ``?`` panel shows under this screen's keys.
    HELP_NOTE = ""

    @on(events.Mount)
    def _add_too_small_notice(self) -> None:
        # A decorated handler, so subclasses keep their own on_mount without calling super().
        self.mount(TooSmall())
