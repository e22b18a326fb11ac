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


def counted_note(counted: Verdict) -> str:
    """After a take-back: the answer that counts is the first one, whatever this one is."""
    mark = "✓" if counted.correct else "✗"
    return f"First answer counts: {mark} (saved); this one is for practice."


class Feedback(Vertical):
    """What the learner sees after answering: Correct/Incorrect, the answers, the explanation, what next."""

    def compose(self) -> ComposeResult:
        yield Static(id="verdict-word", markup=False)
        yield Static(id="verdict-counted", markup=False)
        yield Static(id="verdict-details", markup=False)
        yield Static(id="verdict-next", markup=False)

    def show(self, verdict: Verdict, *, last: bool, counted: Verdict | None = None) -> None:
        """``counted``: the first answer, when this one came after a take-back (it is the one that counts)."""
        word = self.query_one("#verdict-word", Static)
        word.update(verdict_word(verdict))
        word.set_class(verdict.correct, "-correct")
        word.set_class(not verdict.correct, "-incorrect")
        note = self.query_one("#verdict-counted", Static)
        note.update(counted_note(counted) if counted is not None else "")
        note.display = counted is not None
        self.query_one("#verdict-details", Static).update(plain(verdict_details(verdict)))
        where = "see your score" if last else "go to the next question"
        self.query_one("#verdict-next", Static).update(f"Enter or n: {where} · u: try again (first answer counts)")
        self.display = True

    def clear(self) -> None:
        self.display = False
