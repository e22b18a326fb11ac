"""``choice``: pick the one right option; every option explains why it is right or wrong."""

from __future__ import annotations

import random

from tutor.content.fields import Fields, read_list
from tutor.content.kinds.base import OptionsAsked, QuestionBase, Verdict
from tutor.content.kinds.parts import Option
from tutor.content.prose import render

#: Option letters, in display order.
LETTERS = "abcdefghi"


class ChoiceQuestion(QuestionBase, frozen=True, tag="choice"):
    options: tuple[Option, ...]
    shuffle: bool = True

    @property
    def correct_index(self) -> int:
        return next(i for i, option in enumerate(self.options) if option.correct)

    @classmethod
    def read(cls, f: Fields) -> ChoiceQuestion | None:
        options = read_list(f, "options", _option)
        if options and not 2 <= len(options) <= len(LETTERS):
            f.error(f"a choice question needs 2 to {len(LETTERS)} options, got {len(options)}", "options")
        if options and sum(o.correct for o in options) != 1:
            f.error(f"exactly one option must have correct: true, found {sum(o.correct for o in options)}", "options")
        question = cls(
            id=f.text("id", prose=False),
            prompt=f.text("prompt"),
            options=options,
            hint=f.text("hint", ""),
            shuffle=f.get("shuffle", bool, True),
        )
        return question if options else None

    def ask(self, rng: random.Random) -> ChoiceAsked:
        order = list(range(len(self.options)))
        if self.shuffle:
            rng.shuffle(order)
        return ChoiceAsked(self, tuple(order))


def _option(f: Fields) -> Option:
    return Option(f.text("text"), f.get("correct", bool, False), f.text("explain"))


class ChoiceAsked(OptionsAsked):
    """A choice question with its options in a fixed display order."""

    def __init__(self, question: ChoiceQuestion, order: tuple[int, ...]) -> None:
        labels = tuple(render(question.options[i].text) for i in order)
        right = order.index(question.correct_index)
        keys = tuple(LETTERS[: len(order)])
        super().__init__(question, render(question.prompt), render(question.hint), labels, keys, right)
        self.choice = question
        #: Display position → index of the option in the course file.
        self.order = order

    def grade(self, answer: object) -> Verdict:
        """``answer`` is the display index of the chosen option."""
        if isinstance(answer, bool) or not isinstance(answer, int) or not 0 <= answer < len(self.order):
            raise ValueError(f"choose an option 0..{len(self.order) - 1}, got {answer!r}")
        chosen = self.order[answer]
        explanation = render(self.choice.options[chosen].explain)
        if answer != self.right:
            why = render(self.choice.options[self.order[self.right]].explain)
            explanation = f"{explanation}\n\nWhy {LETTERS[self.right]}) is right: {why}"
        return Verdict(answer == self.right, self._label(answer), self._label(self.right), explanation)

    def reveal(self) -> Verdict:
        why = render(self.choice.options[self.order[self.right]].explain)
        return Verdict(False, "", self._label(self.right), why, skipped=True)

    def _label(self, shown: int) -> str:
        return f"{LETTERS[shown]}) {self.labels[shown]}"
