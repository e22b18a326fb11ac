"""One run through a quiz: a small state machine the quiz screen drives.

Per question: unanswered → answer()/skip() → answered → undo() back, or advance() to the next.
The first answer to a question is the one that counts (score, missed, what the study layer
records); after a take-back the learner may answer again, and sees that answer graded, but the
count keeps the first. Everything random (generated numbers, option order) is fixed when the
session starts, from one seed, so a seed reproduces the whole quiz. Each question's kind asks
and grades it (``tutor.content.kinds``); the session only keeps the score.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from tutor.content.kinds import Asked, QuestionBase, Verdict

#: Draws tried to avoid repeating the numbers a question was last asked with (see ``avoid``).
REDRAWS = 20


class QuizStateError(Exception):
    """A call that does not fit the session's state (answering twice, advancing unanswered, …)."""


class QuizSession:
    """Questions in order, each counted once (its first answer or skip), with a score and the missed ones.

    ``avoid`` gives, position by position, a prompt a question must not be asked with again (the
    numbers it was shown with last time): it is redrawn, a few times at most, while it would be.
    """

    def __init__(
        self, questions: Sequence[QuestionBase], *, seed: int | None = None, avoid: Sequence[str] = ()
    ) -> None:
        self._seed = seed
        rng = random.Random(seed)
        avoided = [*avoid[: len(questions)], *[""] * (len(questions) - len(avoid))]
        self._items: list[Asked] = [
            _ask(question, rng, shown) for question, shown in zip(questions, avoided, strict=True)
        ]
        self._index = 0
        self._verdict: Verdict | None = None
        #: The counted answer of each question reached so far, in order: its first answer or skip.
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
    def index(self) -> int:
        """0-based index of the current question (``total`` once finished)."""
        return self._index

    @property
    def finished(self) -> bool:
        return self._index >= self.total

    @property
    def complete(self) -> bool:
        """Every question has its counted answer: the score is final, whatever comes next."""
        return len(self.answers) == self.total

    @property
    def asked(self) -> Asked:
        """The current question as asked: options in display order, drawn numbers filled in."""
        if self.finished:
            raise QuizStateError("the quiz is finished")
        return self._items[self._index]

    def asked_at(self, index: int) -> Asked:
        """Question ``index`` (0-based) as it was (or will be) asked."""
        return self._items[index]

    @property
    def verdict(self) -> Verdict | None:
        """The verdict on the answer now shown (after a take-back, possibly not the counted one)."""
        return self._verdict

    @property
    def counted(self) -> Verdict | None:
        """The current question's counted verdict (its first answer), None before any."""
        return self.answers[self._index][1] if self._index < len(self.answers) else None

    @property
    def retaken(self) -> bool:
        """The answer now shown is not the first: it was taken back, and the first one counts."""
        return self._verdict is not None and self.counted is not self._verdict

    # ----- moves ------------------------------------------------------------------------

    def answer(self, value: object) -> Verdict:
        """Grade ``value`` as the answer widget gave it (see the kind's ``Asked.grade``).

        A ValueError (NumberError for unreadable text) propagates and leaves the question unanswered.
        """
        asked = self._unanswered()
        return self._record(asked, asked.grade(value))

    def skip(self) -> Verdict:
        """Give up on the current question: counted as missed (if first), the right answer is shown."""
        asked = self._unanswered()
        return self._record(asked, asked.reveal())

    def undo(self) -> bool:
        """Take back the answer shown, to answer again (the first one still counts); False when there is none."""
        if self.finished or self._verdict is None:
            return False
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

    def restore(self, verdicts: Sequence[Verdict]) -> None:
        """Resume a session started earlier with the same questions and seed: the first
        ``len(verdicts)`` questions counted as answered so, the next one current."""
        if self.answers or self._verdict is not None:
            raise QuizStateError("only a session not yet answered can be restored")
        if len(verdicts) > self.total:
            raise QuizStateError(f"{len(verdicts)} answers for {self.total} questions")
        self.answers = [(self._items[i].question, verdict) for i, verdict in enumerate(verdicts)]
        self._index = len(verdicts)

    # ----- results ----------------------------------------------------------------------

    @property
    def score(self) -> int:
        return sum(verdict.correct for _, verdict in self.answers)

    @property
    def missed_indices(self) -> list[int]:
        """0-based positions of the questions whose counted answer was wrong or a skip."""
        return [i for i, (_, verdict) in enumerate(self.answers) if not verdict.correct]

    @property
    def missed(self) -> list[QuestionBase]:
        """The original questions answered wrongly or skipped (first answers), in order."""
        return [self.answers[i][0] for i in self.missed_indices]

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
        if self.counted is None:
            self.answers.append((asked.question, verdict))
        return verdict


def _ask(question: QuestionBase, rng: random.Random, shown: str) -> Asked:
    """``question`` asked from ``rng``; redrawn (at most REDRAWS times) while its prompt is ``shown``.

    A question whose prompt never changes (a fixed one) is asked once: only drawn numbers can differ.
    """
    asked = question.ask(rng)
    if not shown or not question.PRACTICE:
        return asked
    for _ in range(REDRAWS):
        if asked.prompt != shown:
            break
        asked = question.ask(rng)
    return asked
