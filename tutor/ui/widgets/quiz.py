"""Quiz widgets: the number box, the feedback panel and the text of a verdict.

Grading happens in ``tutor.quiz``; these widgets show a :class:`~tutor.quiz.Verdict` in words
(never by colour alone) and take typed numbers without swallowing the quiz's command keys.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from tutor.quiz import Verdict

#: Every character a typed number can contain (see ``tutor.quiz.numbers``): digits, signs,
#: a decimal point or comma, an exponent and spaces. All other keys stay quiz commands.
NUMBER_CHARACTERS = frozenset("0123456789.,eE+-\u2212 ")


class NumberInput(Input):
    """An Input that takes only the characters of a number, so h, s, u, n, ? … still reach the quiz."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder="type a number, then Enter",
            restrict=r"[0-9.,eE+\-\u2212 ]*",
            id=id,
        )

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character is not None and character in NUMBER_CHARACTERS


def verdict_word(verdict: Verdict) -> str:
    """The outcome in words: the screen never says it by colour alone."""
    if verdict.skipped:
        return "✗ Skipped — counted as missed"
    return "✓ Correct" if verdict.correct else "✗ Incorrect"


def verdict_details(verdict: Verdict) -> str:
    """Your answer, the right answer, the slip (if the wrong answer matches one) and why."""
    lines = []
    if not verdict.skipped:
        lines.append(f"Your answer: {verdict.given}")
    if not verdict.correct or verdict.skipped:
        lines.append(f"Right answer: {verdict.expected}")
    if verdict.slip:
        lines.append(f"Likely slip: {verdict.slip}")
    if verdict.explanation:
        lines.append("")
        lines.append(verdict.explanation.strip())
    return "\n".join(lines)


class Feedback(Vertical):
    """What the learner sees after answering: Correct/Incorrect, the answers, the explanation, what next."""

    def compose(self) -> ComposeResult:
        yield Static(id="verdict-word", markup=False)
        yield Static(id="verdict-details", markup=False)
        yield Static(id="verdict-next", markup=False)

    def show(self, verdict: Verdict, *, last: bool) -> None:
        word = self.query_one("#verdict-word", Static)
        word.update(verdict_word(verdict))
        word.set_class(verdict.correct, "-correct")
        word.set_class(not verdict.correct, "-incorrect")
        self.query_one("#verdict-details", Static).update(verdict_details(verdict))
        where = "see your score" if last else "go to the next question"
        self.query_one("#verdict-next", Static).update(f"Enter or n: {where} · u: take this answer back")
        self.display = True

    def clear(self) -> None:
        self.display = False
