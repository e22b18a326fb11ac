"""Answer widgets: how the learner gives an answer to one asked question.

Each question kind's :class:`~tutor.content.kinds.Asked` names its widget (``WIDGET``); the quiz
screen mounts it and listens for :class:`AnswerWidget.Answered`. The widget grades nothing: it
posts what the learner gave, then shows the verdict the session returns.

Keys typed quickly arrive before the screen has received the answer they follow (a message
travels up the widget tree one queue at a time), so a widget keeps the answer it posted as
:attr:`AnswerWidget.pending` and takes no other until the screen has graded it; the screen grades
a pending answer first whenever a command key (next, skip, hint, take back) arrives.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tutor.content.kinds import NumberAsked, OptionsAsked, Verdict
from tutor.content.kinds.numeric import show_number
from tutor.content.typed import NumberError, is_plain_number, parse_number
from tutor.ui.text import plain
from tutor.ui.textual_fixes import TutorOptionList

#: Option keys a choice question can use; h is the hint key (option h is answered with 8).
_LETTER_KEYS = "abcdefgit"
_KEY_HELP = {"t": "True", "f": "Option f), or False"}


class AnswerWidget(Vertical):
    """What every answer widget shares: the message it posts and the verdict it is shown.

    It takes the focus when it is mounted, so the learner can answer at once.
    """

    DEFAULT_CSS = """
    AnswerWidget {
        height: auto;
    }
    """

    class Answered(Message):
        """The learner answered: ``value`` goes to ``Asked.grade`` as it is."""

        def __init__(self, widget: AnswerWidget, value: object) -> None:
            super().__init__()
            self.widget = widget
            self.value = value

        @property
        def control(self) -> AnswerWidget:
            return self.widget

    def __init__(self) -> None:
        super().__init__()
        #: The answer posted and not yet graded (or refused) by the screen; no other is taken meanwhile.
        self.pending: AnswerWidget.Answered | None = None

    def submit(self, value: object) -> None:
        """Post ``value`` as the answer, unless one is already on its way."""
        if self.pending is None:
            self.pending = self.Answered(self, value)
            self.post_message(self.pending)

    def take_pending(self) -> AnswerWidget.Answered | None:
        """The screen grades the pending answer now: hand it over (None when there is none)."""
        message, self.pending = self.pending, None
        return message

    def show_verdict(self, verdict: Verdict) -> None:
        """The answer was graded: show it and stop taking answers."""
        raise NotImplementedError

    def reopen(self) -> None:
        """The answer was taken back: take answers again."""
        raise NotImplementedError

    def refuse(self, message: str) -> None:
        """The answer could not be read (``message`` says why); it was not graded."""

    def focus_answer(self) -> None:
        """Put the focus back where the learner answers."""


class OptionsAnswer(AnswerWidget):
    """Options to pick with one key (a letter, t/f, or a digit), or ↑/↓ and Enter."""

    BINDINGS = [
        *[Binding(str(i + 1), f"pick({i})", f"Option {letter})", show=False) for i, letter in enumerate("abcdefghi")],
        *[Binding(key, f"pick_key('{key}')", _KEY_HELP.get(key, f"Option {key})"), show=False) for key in _LETTER_KEYS],
    ]

    def __init__(self, asked: OptionsAsked) -> None:
        super().__init__()
        self.asked = asked
        self.chosen: int | None = None

    def compose(self) -> ComposeResult:
        keys = self.asked.keys
        if keys == ("t", "f"):
            how = "Press t (true) or f (false), or ↑/↓ then Enter."
        else:
            how = f"Press {keys[0]}–{keys[-1]} (or 1–{len(keys)}), or ↑/↓ then Enter."
        yield Static(how, id="quiz-how", markup=False)
        yield TutorOptionList(*self._options(), id="quiz-options")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    def _options(self, verdict: Verdict | None = None) -> list[Option]:
        options = []
        for i, label in enumerate(self.asked.labels):
            notes = []
            if verdict is not None:
                notes = [
                    n for n, on in (("your answer", i == self.chosen), ("right answer", i == self.asked.right)) if on
                ]
            note = f"   ← {', '.join(notes)}" if notes else ""
            options.append(Option(plain(f"{self.asked.keys[i]}) {label}{note}")))
        return options

    def _answer(self, index: int) -> None:
        if self.pending is not None or self.query_one(OptionList).disabled:
            return
        self.chosen = index
        self.query_one(OptionList).disabled = True  # no second answer, and Enter now goes on
        self.submit(index)

    def action_pick(self, index: int) -> None:
        self._answer(index)

    def action_pick_key(self, key: str) -> None:
        self._answer(self.asked.keys.index(key))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.query_one(OptionList).disabled:
            return False
        if action == "pick":
            return isinstance(parameters[0], int) and parameters[0] < len(self.asked.labels)
        if action == "pick_key":
            return parameters[0] in self.asked.keys
        return True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._answer(event.option_index)

    def show_verdict(self, verdict: Verdict) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options(verdict))
        options.disabled = True

    def reopen(self) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options())
        options.disabled = False
        options.highlighted = self.chosen or 0
        self.chosen = None
        options.focus()

    def refuse(self, message: str) -> None:
        self.reopen()

    def focus_answer(self) -> None:
        self.query_one(OptionList).focus()


class NumberInput(Input):
    """The box a number is typed into: every key typed is text, never a command.

    Enter hands the text over at once and closes the box; keys typed after it (before the
    verdict shows) are not text any more but commands, so ``0.1`` Enter ``n`` goes on. Esc
    leaves the box (keeping its text), so s, h, u and n are commands again.
    """

    BINDINGS = [Binding("escape", "leave_box", "Leave the box", id="leave-box")]

    class Done(Message):
        """Enter was pressed: ``value`` is the text to grade."""

        def __init__(self, value: str) -> None:
            super().__init__()
            self.value = value

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="e.g. 0.25 or 1/0.09", id=id)
        #: Enter handed the text over: until the box is reopened, keys typed are commands.
        self.closed = False

    async def on_key(self, event: events.Key) -> None:
        # Runs before Input's own key handling (a subclass's handler comes first).
        if event.key == "enter" and not self.closed:
            event.stop()
            event.prevent_default()
            self.closed = True
            self.post_message(self.Done(self.value))
        elif event.key.startswith("alt+"):
            # Esc then a key typed within the terminal's escape delay (0.1 s) arrives as Alt+key:
            # leave the box, then the key is the command it was typed as.
            event.stop()
            event.prevent_default()
            self.blur()
            self.app.simulate_key(event.key.removeprefix("alt+"))
        elif self.closed and event.is_printable:
            event.prevent_default()  # not text: let it reach the quiz's key bindings

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return not self.closed and super().check_consume_key(key, character)

    def action_leave_box(self) -> None:
        self.blur()


class NumberAnswer(AnswerWidget):
    """A box for a typed number or calculation; shows the value it will grade as the learner types.

    What cannot be read is refused with the reason, and not graded; no character is dropped.
    """

    IN_BOX = "A number or a calculation (such as 1/0.09), then Enter. Esc leaves the box."
    OUT_OF_BOX = "Commands now: s skip, h hint, Esc leave the quiz. Enter: back to the box."

    def __init__(self, asked: NumberAsked) -> None:
        super().__init__()
        self.asked = asked

    def compose(self) -> ComposeResult:
        yield Static(self.IN_BOX, id="quiz-how", markup=False)
        yield NumberInput(id="quiz-number")
        yield Static(id="quiz-value", markup=False)
        yield Static(id="quiz-error", markup=False)

    def on_mount(self) -> None:
        box = self.query_one(NumberInput)
        box.cursor_blink = getattr(self.app, "cursor_blink", True)
        box.focus()
        self.query_one("#quiz-error").display = False
        self.query_one("#quiz-value").display = False

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        value = self.query_one("#quiz-value", Static)
        value.update(preview(event.value))
        value.display = bool(preview(event.value))

    def on_number_input_done(self, event: NumberInput.Done) -> None:
        event.stop()
        self.submit(event.value)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._how(event.widget)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self._how(None)

    def _how(self, focused: Widget | None) -> None:
        box = self.query_one(NumberInput)
        if not box.disabled:
            self.query_one("#quiz-how", Static).update(self.IN_BOX if focused is box else self.OUT_OF_BOX)

    def refuse(self, message: str) -> None:
        error = self.query_one("#quiz-error", Static)
        error.update(plain(f"Not graded: {message}."))
        error.display = True
        self.reopen()

    def show_verdict(self, verdict: Verdict) -> None:
        self.query_one("#quiz-error").display = False
        self.query_one("#quiz-how").display = False
        self.query_one(NumberInput).disabled = True

    def reopen(self) -> None:
        box = self.query_one(NumberInput)
        box.closed = False
        box.disabled = False
        box.focus()
        how = self.query_one("#quiz-how", Static)
        how.update(self.IN_BOX)
        how.display = True

    def focus_answer(self) -> None:
        self.query_one(NumberInput).focus()


def preview(text: str) -> str:
    """``= 11.11`` under a calculation that can be read; "" for a plain number or unreadable text."""
    if not text.strip() or is_plain_number(text):
        return ""
    try:
        return f"= {show_number(parse_number(text))}"
    except NumberError:
        return ""
