"""One run through a quiz: a small state machine the quiz screen drives.

Per question: unanswered → answer()/skip() → answered → undo() back, or advance() to the next.
Everything random (generated numbers, option order) is fixed when the session starts, from
one seed, so a seed reproduces the whole quiz.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from tutor.content.model import ChoiceQuestion, GeneratedQuestion, Option, Question
from tutor.quiz.grading import Concrete, Verdict, grade, reveal
from tutor.quiz.practice import instantiate


class QuizStateError(Exception):
    """A call that does not fit the session's state (answering twice, advancing unanswered, …)."""


@dataclass(frozen=True)
class _Item:
    original: Question
    concrete: Concrete
    order: tuple[int, ...]  # display order of choice options, as original indices


class QuizSession:
    """Questions in order, each answered or skipped once, with a score and the missed ones."""

    def __init__(self, questions: Sequence[Question], *, seed: int | None = None) -> None:
        self._seed = seed
        rng = random.Random(seed)
        self._items = [_prepare(q, rng) for q in questions]
        self._index = 0
        self._verdict: Verdict | None = None
        self.answers: list[tuple[Question, Verdict]] = []

    # ----- where we are -----------------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self._items)

    @property
    def position(self) -> int:
        """1-based number of the current question (stays at ``total`` once finished)."""
        return min(self._index + 1, self.total)

    @property
    def finished(self) -> bool:
        return self._index >= self.total

    @property
    def question(self) -> Concrete:
        """The current question as asked: generated ones already instantiated."""
        return self._current().concrete

    @property
    def verdict(self) -> Verdict | None:
        return self._verdict

    def options(self) -> list[Option]:
        """The current choice question's options in display order; [] for other kinds."""
        item = self._current()
        if not isinstance(item.concrete, ChoiceQuestion):
            return []
        return [item.concrete.options[i] for i in item.order]

    def hint(self) -> str:
        return self._current().concrete.hint

    # ----- moves ------------------------------------------------------------------------

    def answer(self, value: int | bool | str) -> Verdict:
        """Grade ``value``: a DISPLAY index (choice), a bool, or typed text (numeric).

        NumberError from unreadable text propagates and leaves the question unanswered.
        """
        item = self._unanswered()
        if isinstance(item.concrete, ChoiceQuestion):
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < len(item.order):
                raise ValueError(f"choose an option 0..{len(item.order) - 1}, got {value!r}")
            value = item.order[value]
        return self._record(item, grade(item.concrete, value, order=item.order))

    def skip(self) -> Verdict:
        """Give up on the current question: counted as missed, the right answer is shown."""
        item = self._unanswered()
        return self._record(item, reveal(item.concrete, order=item.order))

    def undo(self) -> bool:
        """Take back the current question's answer or skip; False when there is none."""
        if self.finished or self._verdict is None:
            return False
        self.answers.pop()
        self._verdict = None
        return True

    def advance(self) -> None:
        """Move on; only once the current question is answered or skipped."""
        if self.finished:
            raise QuizStateError("the quiz is finished")
        if self._verdict is None:
            raise QuizStateError("answer or skip the question before moving on")
        self._index += 1
        self._verdict = None

    # ----- results ----------------------------------------------------------------------

    @property
    def score(self) -> int:
        return sum(verdict.correct for _, verdict in self.answers)

    @property
    def missed(self) -> list[Question]:
        """The original questions answered wrongly or skipped, in order."""
        return [question for question, verdict in self.answers if not verdict.correct]

    def retry_missed(self) -> QuizSession:
        """A new session over just the missed questions, with the same seed policy."""
        return QuizSession(self.missed, seed=self._seed)

    # ----- internals --------------------------------------------------------------------

    def _current(self) -> _Item:
        if self.finished:
            raise QuizStateError("the quiz is finished")
        return self._items[self._index]

    def _unanswered(self) -> _Item:
        item = self._current()
        if self._verdict is not None:
            raise QuizStateError("this question is already answered; undo() or advance()")
        return item

    def _record(self, item: _Item, verdict: Verdict) -> Verdict:
        self._verdict = verdict
        self.answers.append((item.original, verdict))
        return verdict


def _prepare(question: Question, rng: random.Random) -> _Item:
    """Fix a question's randomness: draw a generated one's numbers, shuffle choice options."""
    if isinstance(question, GeneratedQuestion):
        return _Item(question, instantiate(question, rng), ())
    if isinstance(question, ChoiceQuestion):
        order = list(range(len(question.options)))
        if question.shuffle:
            rng.shuffle(order)
        return _Item(question, question, tuple(order))
    return _Item(question, question, ())
