"""A plan being taken: the session asks and grades, and this records what counts, when it counts.

The rules: an answer is saved the moment it is graded, never on a later key; only a question's
first answer (or skip) is saved, and it alone counts for the score, stats and review (after a
take-back the learner may answer again, for themselves). A lesson quiz keeps its state with each
answer, so leaving it, or a killed terminal, loses nothing and it can be resumed; its last first
answer records the score at once, whatever key comes next.
"""

from __future__ import annotations

import msgspec

from tutor.content.kinds import Verdict
from tutor.content.model import Lesson
from tutor.quiz import QuizSession
from tutor.study.plans import Item, LessonQuiz, Plan
from tutor.study.progress import Progress


class SavedQuiz(msgspec.Struct, frozen=True):
    """An unfinished lesson quiz as the store keeps it: enough to ask the same questions again."""

    seed: int
    #: The lesson's question ids when it was started: a changed lesson is not resumed.
    questions: tuple[str, ...]
    answers: tuple[Verdict, ...]

    def encode(self) -> str:
        return msgspec.json.encode(self).decode()

    @staticmethod
    def decode(state: str) -> SavedQuiz | None:
        """The saved quiz, or None when ``state`` is not one (written by something else, damaged)."""
        try:
            return msgspec.json.decode(state, type=SavedQuiz)
        except msgspec.DecodeError:
            return None

    def fits(self, lesson: Lesson) -> bool:
        """Still the lesson's quiz (same questions) and not yet complete: it can be resumed."""
        return self.questions == tuple(q.id for q in lesson.questions) and len(self.answers) < len(self.questions)


class Missed(msgspec.Struct, frozen=True):
    """A question whose counted answer was wrong or a skip, as the results list it."""

    number: int
    prompt: str
    verdict: Verdict


class QuizRun:
    """One plan being taken, and recorded per its kind (see ``Plan.SCORED`` and ``Plan.RECORDED``)."""

    def __init__(self, plan: Plan, progress: Progress) -> None:
        self.plan = plan
        self.progress = progress
        items = plan.items
        self.session = QuizSession([i.question for i in items], seed=plan.seed, avoid=[i.avoid for i in items])
        if isinstance(plan, LessonQuiz) and plan.resumed:
            self.session.restore(plan.resumed)

    # ----- where we are -----------------------------------------------------------------

    @property
    def item(self) -> Item:
        """The current question's plan item (the last one once finished)."""
        return self.plan.items[min(self.session.index, len(self.plan.items) - 1)]

    @property
    def resumed(self) -> int:
        """How many answers were kept from an earlier sitting (0 for a fresh start)."""
        return len(self.plan.resumed) if isinstance(self.plan, LessonQuiz) else 0

    @property
    def scored(self) -> bool:
        """The score is recorded (a lesson quiz, every question counted)."""
        return self.plan.SCORED and self.session.complete

    # ----- moves ------------------------------------------------------------------------

    def answer(self, value: object) -> Verdict:
        """Grade ``value`` (a ValueError leaves the question open) and save it if it is the first answer."""
        first = self.session.counted is None
        verdict = self.session.answer(value)
        if first:
            self._save(verdict)
        return verdict

    def skip(self) -> Verdict:
        first = self.session.counted is None
        verdict = self.session.skip()
        if first:
            self._save(verdict)
        return verdict

    def undo(self) -> bool:
        """Take the shown answer back to answer again; the saved first answer stays."""
        return self.session.undo()

    def advance(self) -> None:
        self.session.advance()

    # ----- results ----------------------------------------------------------------------

    def missed(self) -> list[Missed]:
        """The questions missed (first answers), with their prompts as asked."""
        session = self.session
        return [Missed(i + 1, session.asked_at(i).prompt, session.answers[i][1]) for i in session.missed_indices]

    # ----- saving -----------------------------------------------------------------------

    def _save(self, verdict: Verdict) -> None:
        plan, session = self.plan, self.session
        if not plan.RECORDED:
            return
        index = len(session.answers) - 1
        item = plan.items[index]
        with self.progress.together():
            self.progress.record_answer(item.lesson_id, item.question.id, verdict, session.asked_at(index).prompt)
            if isinstance(plan, LessonQuiz):
                self._save_quiz(plan)

    def _save_quiz(self, plan: LessonQuiz) -> None:
        lesson, session = plan.quiz_of, self.session
        if session.complete:
            self.progress.finish_quiz(lesson.id, session.score, session.total)
            return
        answers = tuple(verdict for _, verdict in session.answers)
        saved = SavedQuiz(plan.seed, tuple(q.id for q in lesson.questions), answers)
        self.progress.save_quiz(lesson.id, saved.encode())
