"""One run through a quiz: a small state machine the quiz screen drives.

Per question: unanswered → answer()/skip() → answered → undo() back, or advance() to the next.
Everything random (generated numbers, option order) is fixed when the session starts, from
one seed, so a seed reproduces the whole quiz. Each question's kind asks and grades it
(``tutor.content.kinds``); the session only keeps the score.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from tutor.content.kinds import Asked, QuestionBase, Verdict


class QuizStateError(Exception):
    """A call that does not fit the session's state (answering twice, advancing unanswered, …)."""


class QuizSession:
    """Questions in order, each answered or skipped once, with a score and the missed ones."""

    def __init__(self, questions: Sequence[QuestionBase], *, seed: int | None = None) -> None:
        self._seed = seed
        rng = random.Random(seed)
        self._items: list[Asked] = [question.ask(rng) for question in questions]
        self._index = 0
        self._verdict: Verdict | None = None
        self.answers: list[tuple[QuestionBase, Verdict]] = []

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
    def asked(self) -> Asked:
        """The current question as asked: options in display order, drawn numbers filled in."""
        if self.finished:
            raise QuizStateError("the quiz is finished")
        return self._items[self._index]

    @property
    def verdict(self) -> Verdict | None:
        return self._verdict

    # ----- moves ------------------------------------------------------------------------

    def answer(self, value: object) -> Verdict:
        """Grade ``value`` as the answer widget gave it (see the kind's ``Asked.grade``).

        A ValueError (NumberError for unreadable text) propagates and leaves the question unanswered.
        """
        asked = self._unanswered()
        return self._record(asked, asked.grade(value))

    def skip(self) -> Verdict:
        """Give up on the current question: counted as missed, the right answer is shown."""
        asked = self._unanswered()
        return self._record(asked, asked.reveal())

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
    def missed(self) -> list[QuestionBase]:
        """The original questions answered wrongly or skipped, in order."""
        return [question for question, verdict in self.answers if not verdict.correct]

    def retry_missed(self) -> QuizSession:
        """A new session over just the missed questions, with the same seed policy."""
        return QuizSession(self.missed, seed=self._seed)

    # ----- internals --------------------------------------------------------------------

    def _unanswered(self) -> Asked:
        asked = self.asked
        if self._verdict is not None:
            raise QuizStateError("this question is already answered; undo() or advance()")
        return asked

    def _record(self, asked: Asked, verdict: Verdict) -> Verdict:
        self._verdict = verdict
        self.answers.append((asked.question, verdict))
        return verdict
