"""``truefalse``: a statement that is true or false, and why."""

from __future__ import annotations

import random

from tutor.content.fields import Fields
from tutor.content.kinds.base import OptionsAsked, QuestionBase, Verdict
from tutor.content.prose import render

LABELS = ("True", "False")


class TrueFalseQuestion(QuestionBase, frozen=True, tag="truefalse"):
    answer: bool
    explain: str

    @classmethod
    def read(cls, f: Fields) -> TrueFalseQuestion:
        return cls(
            id=f.text("id", prose=False),
            prompt=f.text("prompt"),
            answer=f.get("answer", bool),
            explain=f.text("explain"),
            hint=f.text("hint", ""),
        )

    def ask(self, rng: random.Random) -> TrueFalseAsked:
        return TrueFalseAsked(self)


class TrueFalseAsked(OptionsAsked):
    """Two options, True then False, picked with t or f."""

    def __init__(self, question: TrueFalseQuestion) -> None:
        right = LABELS.index(str(question.answer))
        super().__init__(question, render(question.prompt), render(question.hint), LABELS, ("t", "f"), right)
        self.statement = question

    def grade(self, answer: object) -> Verdict:
        """``answer`` is the display index: 0 for True, 1 for False."""
        if isinstance(answer, bool) or answer not in (0, 1):
            raise ValueError(f"choose 0 (True) or 1 (False), got {answer!r}")
        given = LABELS[answer]
        return Verdict(answer == self.right, given, LABELS[self.right], render(self.statement.explain))

    def reveal(self) -> Verdict:
        return Verdict(False, "", LABELS[self.right], render(self.statement.explain), skipped=True)
