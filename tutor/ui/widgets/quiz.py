"""The feedback panel and the text of a verdict (answer widgets are in ``answers.py``).

Each question kind grades (``tutor.content.kinds``); these widgets show a
:class:`~tutor.content.kinds.Verdict` in words, never by colour alone.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tutor.content.kinds import Verdict
from tutor.ui.text import plain


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
        self.query_one("#verdict-details", Static).update(plain(verdict_details(verdict)))
        where = "see your score" if last else "go to the next question"
        self.query_one("#verdict-next", Static).update(f"Enter or n: {where} · u: take this answer back")
        self.display = True

    def clear(self) -> None:
        self.display = False
