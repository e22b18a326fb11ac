"""Answer widgets: how the learner gives an answer to one asked question.

Each question kind's :class:`~tutor.content.kinds.Asked` names its widget (``WIDGET``); the quiz
screen mounts it and listens for :class:`AnswerWidget.Answered`. The widget grades nothing: it
posts what the learner gave, then shows the verdict the session returns.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tutor.content.kinds import NumberAsked, OptionsAsked, Verdict
from tutor.ui.textual_fixes import TutorOptionList

#: Option keys a choice question can use; h is the hint key (option h is answered with 8).
_LETTER_KEYS = "abcdefgit"
_KEY_HELP = {"t": "True", "f": "Option f), or False"}
#: Every character a typed number can contain (see ``tutor.content.typed``): digits, signs,
#: a decimal point or comma, an exponent and spaces. All other keys stay quiz commands.
NUMBER_CHARACTERS = frozenset("0123456789.,eE+-\u2212 ")


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

        def __init__(self, value: object) -> None:
            super().__init__()
            self.value = value

    def show_verdict(self, verdict: Verdict) -> None:
        """The answer was graded: show it and stop taking answers."""
        raise NotImplementedError

    def reopen(self) -> None:
        """The answer was taken back: take answers again."""
        raise NotImplementedError

    def refuse(self, message: str) -> None:
        """The answer could not be read (``message`` says why); it was not graded."""


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
            options.append(Option(f"{self.asked.keys[i]}) {label}{note}"))
        return options

    def _answer(self, index: int) -> None:
        self.chosen = index
        self.post_message(self.Answered(index))

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


class NumberInput(Input):
    """An Input that takes only the characters of a number, so h, s, u, n, ? … still reach the quiz."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="type a number, then Enter", restrict=r"[0-9.,eE+\-\u2212 ]*", id=id)

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character is not None and character in NUMBER_CHARACTERS


class NumberAnswer(AnswerWidget):
    """A box for a typed number; what cannot be read is refused with the reason, and not graded."""

    def __init__(self, asked: NumberAsked) -> None:
        super().__init__()
        self.asked = asked

    def compose(self) -> ComposeResult:
        yield Static("Type a number and press Enter.", id="quiz-how", markup=False)
        yield NumberInput(id="quiz-number")
        yield Static(id="quiz-error", markup=False)

    def on_mount(self) -> None:
        box = self.query_one(NumberInput)
        box.cursor_blink = getattr(self.app, "cursor_blink", True)
        box.focus()
        self.query_one("#quiz-error").display = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Answered(event.value))

    def refuse(self, message: str) -> None:
        error = self.query_one("#quiz-error", Static)
        error.update(f"Not graded: {message}. Type a number such as 0.25 and press Enter.")
        error.display = True

    def show_verdict(self, verdict: Verdict) -> None:
        self.query_one("#quiz-error").display = False
        self.query_one(NumberInput).disabled = True

    def reopen(self) -> None:
        box = self.query_one(NumberInput)
        box.disabled = False
        box.focus()
