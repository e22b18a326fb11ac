"""What a quiz screen asks, as typed plans: a lesson's quiz, a practice set, a review, a retry.

A plan is plain data: the questions in order (each with the lesson it belongs to), the seed that
fixes their numbers and option order, and where the learner started it (leaving goes back
there). Its class says what the answers are for: a lesson quiz is scored and can be resumed;
practice and review answers are recorded (stats, review schedule) but not scored; a retry of
missed questions right after seeing their answers records nothing (the first answers count).
"""

from __future__ import annotations

from typing import ClassVar

import msgspec

from tutor.content.kinds import QuestionBase, Verdict
from tutor.content.model import Lesson


class Item(msgspec.Struct, frozen=True):
    """One question of a plan and the lesson it belongs to (its answers are recorded under it)."""

    lesson_id: str
    question: QuestionBase
    #: The question as it was last shown (drawn numbers written in): a review asks other numbers.
    avoid: str = ""


class Plan(msgspec.Struct, frozen=True, kw_only=True):
    """The questions to ask, in order, and how to ask them."""

    items: tuple[Item, ...]
    seed: int
    #: The lesson the plan was started from, or None for the course map: leaving goes back there.
    origin: str | None = None

    #: Finishing records the lesson's quiz score; left unfinished, the quiz can be resumed.
    SCORED: ClassVar[bool] = False
    #: Each first answer is recorded: it counts in stats and schedules the question's review.
    RECORDED: ClassVar[bool] = True

    @property
    def title(self) -> str:
        raise NotImplementedError

    @property
    def lesson(self) -> Lesson | None:
        """The one lesson the plan is about, or None when it mixes lessons."""
        return None


class LessonQuiz(Plan, frozen=True, kw_only=True):
    """A lesson's quiz, from the start or resumed after ``resumed`` answers (the first ones counted)."""

    quiz_of: Lesson
    resumed: tuple[Verdict, ...] = ()

    SCORED = True

    @property
    def title(self) -> str:
        return f"{self.quiz_of.title} — quiz"

    @property
    def lesson(self) -> Lesson:
        return self.quiz_of


class PracticeSet(Plan, frozen=True, kw_only=True):
    """Generated questions with fresh numbers, from one lesson or (``practice_of`` None) every lesson."""

    practice_of: Lesson | None

    @property
    def title(self) -> str:
        return f"{self.practice_of.title} — practice" if self.practice_of else "Practice — all lessons"

    @property
    def lesson(self) -> Lesson | None:
        return self.practice_of


class Review(Plan, frozen=True, kw_only=True):
    """The questions due for review, from every lesson, most overdue first."""

    @property
    def title(self) -> str:
        return "Review"


class Retry(Plan, frozen=True, kw_only=True):
    """The questions just missed in ``of``, asked again at once: practice, recorded nowhere."""

    of: Plan

    RECORDED = False

    @property
    def title(self) -> str:
        return f"{self.of.title} (missed questions)"

    @property
    def lesson(self) -> Lesson | None:
        return self.of.lesson
