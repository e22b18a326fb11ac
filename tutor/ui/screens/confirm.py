"""A small yes/no question over the screen, keyboard-only: asked once before leaving a quiz."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tutor.ui.widgets.footer import KeysFooter


class LeaveQuiz(ModalScreen[bool]):
    """Leave (y, or Esc a second time) or keep answering (n, or Enter on the focused button).

    Dismissed with True to leave. ``message`` says what is kept, so leaving is not a loss.
    """

    DEFAULT_CSS = """
    LeaveQuiz {
        align: center middle;
    }
    LeaveQuiz > Vertical {
        width: 60;
        max-width: 95%;
        height: auto;
        border: round $warning;
        background: $surface;
        padding: 0 1;
    }
    LeaveQuiz #leave-message {
        padding: 0 0 1 0;
    }
    LeaveQuiz Horizontal {
        height: auto;
    }
    LeaveQuiz Button {
        margin: 0 1 0 0;
    }
    """
    BINDINGS = [
        Binding("y", "leave", "Leave", id="leave"),
        Binding("escape", "leave", "Leave", show=False),
        Binding("n", "stay", "Keep answering", id="stay"),
    ]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Leave the quiz?"
            yield Static(self.message, id="leave-message", markup=False)
            with Horizontal():
                yield Button("Keep answering (n)", id="stay", variant="primary", compact=True)
                yield Button("Leave (y / Esc)", id="leave", compact=True)
        yield KeysFooter(compact=True)  # this dialog's keys, not those of the quiz under it

    def on_mount(self) -> None:
        self.query_one("#stay", Button).focus()

    def action_leave(self) -> None:
        self._answer(True)

    def action_stay(self) -> None:
        self._answer(False)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self._answer(event.button.id == "leave")

    def _answer(self, leave: bool) -> None:
        """Close with the answer, unless another screen has opened over the dialog meanwhile: a
        button's press arrives as a message, and Space then ? typed together had it arrive under
        the help panel, where ``dismiss`` pops the panel instead and the quiz under it twice."""
        if self.is_active:
            self.dismiss(leave)
