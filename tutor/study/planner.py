"""What to study next, for one run of the app: the rules the screens ask about and never decide.

* Seeds: ``--seed N`` reproduces a lesson quiz (N) and the first practice set and review (N);
  each further set or review in the run draws new numbers (N+1, N+2, …); without a seed all are random.
* Resume: a lesson's quiz left unfinished is resumed where it stopped (same questions, same
  numbers, its answers kept), unless the lesson's questions changed since.
* Review: the questions due, most overdue first, each generated one asked with other numbers
  than it was last shown with.
* Continue: the most recent of the lesson read last (at its section) and an unfinished quiz.
"""

from __future__ import annotations

import random
from datetime import datetime

import msgspec

from tutor.content.model import Course, Lesson
from tutor.quiz.practice import mix
from tutor.study.plans import Item, LessonQuiz, Plan, PracticeSet, Retry, Review
from tutor.study.progress import Progress
from tutor.study.run import QuizRun, SavedQuiz
from tutor.study.schedule import ReviewSummary, until

#: Generated questions in one practice set.
PRACTICE_COUNT = 10


class Reading(msgspec.Struct, frozen=True):
    """Continue reading ``lesson`` at ``section`` (0-based)."""

    lesson: Lesson
    section: int

    def label(self) -> str:
        where = f", section {self.section + 1} of {len(self.lesson.sections)}" if self.lesson.sections else ""
        return f"Continue: {self.lesson.title}{where}"


class UnfinishedQuiz(msgspec.Struct, frozen=True):
    """Resume ``lesson``'s quiz, ``answered`` of ``total`` answered."""

    lesson: Lesson
    answered: int
    total: int

    def label(self) -> str:
        return f"Continue: {self.lesson.title} quiz, {self.answered} of {self.total} answered"


ContinuePoint = Reading | UnfinishedQuiz


class Planner:
    """Builds the plans the quiz screen runs, and knows where to continue and what is scheduled."""

    def __init__(self, course: Course, progress: Progress, seed: int | None = None) -> None:
        self.course = course
        self.progress = progress
        self.seed = seed
        self._rounds = {"practice": 0, "review": 0}

    # ----- plans ------------------------------------------------------------------------

    def lesson_quiz(self, lesson_id: str, origin: str | None = None) -> LessonQuiz | None:
        """The lesson's quiz, resumed if it was left unfinished; None when the lesson has no quiz."""
        lesson = self.course.lesson(lesson_id)
        if not lesson.questions:
            return None
        items = tuple(Item(lesson.id, q) for q in lesson.questions)
        saved = self._saved_quiz(lesson)
        if saved is not None:
            return LessonQuiz(items=items, seed=saved.seed, origin=origin, quiz_of=lesson, resumed=saved.answers)
        seed = self.seed if self.seed is not None else _random_seed()
        return LessonQuiz(items=items, seed=seed, origin=origin, quiz_of=lesson)

    def practice(self, lesson_id: str | None, origin: str | None = None) -> PracticeSet | None:
        """A set of generated questions from one lesson, or from every lesson (``lesson_id`` None);
        None when there are no generated questions there."""
        lesson = self.course.lesson(lesson_id) if lesson_id is not None else None
        lessons = (lesson,) if lesson is not None else self.course.lessons
        templates = [Item(each.id, q) for each in lessons for q in each.questions if q.PRACTICE]
        seed = self._next_seed("practice")
        items = tuple(mix(templates, random.Random(seed), PRACTICE_COUNT))
        if not items:
            return None
        return PracticeSet(items=items, seed=seed, origin=origin, practice_of=lesson)

    def review(self) -> Review | None:
        """The questions due now, most overdue first; None when none is."""
        now = self.progress.now()
        known = {(lesson.id, q.id): q for lesson in self.course.lessons for q in lesson.questions}
        due = [(lesson_id, qid) for lesson_id, qid, at in self.progress.review_dues() if at <= now]
        items = tuple(
            Item(lesson_id, known[lesson_id, qid], avoid=self.progress.last_prompt(lesson_id, qid))
            for lesson_id, qid in due
            if (lesson_id, qid) in known
        )
        if not items:
            return None
        return Review(items=items, seed=self._next_seed("review"))

    def retry(self, run: QuizRun) -> Retry | None:
        """The questions missed in ``run`` (first answers), asked again; None when none was missed."""
        missed = run.session.missed_indices
        if not missed:
            return None
        plan = run.plan
        root = plan.of if isinstance(plan, Retry) else plan
        items = tuple(plan.items[i] for i in missed)
        return Retry(items=items, seed=plan.seed, origin=plan.origin, of=root)

    def again(self, plan: Plan) -> Plan | None:
        """A new practice set like ``plan`` (same lessons, new numbers), or None if it is no practice set."""
        if not isinstance(plan, PracticeSet):
            return None
        return self.practice(plan.practice_of.id if plan.practice_of else None, origin=plan.origin)

    def start(self, plan: Plan) -> QuizRun:
        return QuizRun(plan, self.progress)

    # ----- where to go ------------------------------------------------------------------

    def continue_point(self) -> ContinuePoint | None:
        """The most recent of the lesson read last and an unfinished quiz; None before either."""
        points: list[tuple[datetime, ContinuePoint]] = []
        reading = self._reading()
        at = self.progress.last_position_at()
        if reading is not None and at is not None:
            points.append((at, reading))
        for lesson_id, (state, when) in self.progress.open_quizzes().items():
            lesson = self._lesson(lesson_id)
            saved = self._resumable(lesson, state) if lesson is not None else None
            if lesson is not None and saved is not None:
                points.append((when, UnfinishedQuiz(lesson, len(saved.answers), len(saved.questions))))
        if not points:
            return None
        # the quiz wins a tie: it was started from the lesson just opened
        return max(points, key=lambda point: (point[0], isinstance(point[1], UnfinishedQuiz)))[1]

    def next_lesson(self, lesson: Lesson | None) -> Lesson | None:
        """The lesson after ``lesson`` in the course, or None (last lesson, or no lesson)."""
        if lesson is None:
            return None
        ids = [each.id for each in self.course.lessons]
        index = ids.index(lesson.id) + 1 if lesson.id in ids else len(ids)
        return self.course.lessons[index] if index < len(ids) else None

    # ----- review schedule --------------------------------------------------------------

    def review_summary(self) -> ReviewSummary:
        return ReviewSummary.of([due for _, _, due in self.progress.review_dues()], self.progress.now())

    def comes_back(self, run: QuizRun) -> list[tuple[str, list[int]]]:
        """When the questions answered in ``run`` come back for review, soonest first: each time
        ("in 10 min") with the numbers of the questions due then."""
        dues = {(lesson_id, qid): due for lesson_id, qid, due in self.progress.review_dues()}
        now = self.progress.now()
        numbered = []
        for index, (question, _) in enumerate(run.session.answers):
            due = dues.get((run.plan.items[index].lesson_id, question.id))
            if due is not None:
                numbered.append((due, index + 1))
        groups: dict[str, list[int]] = {}
        for due, number in sorted(numbered):
            groups.setdefault(until(now, due), []).append(number)
        return list(groups.items())

    # ----- internals --------------------------------------------------------------------

    def _saved_quiz(self, lesson: Lesson) -> SavedQuiz | None:
        """The lesson's unfinished quiz if it can be resumed."""
        stored = self.progress.open_quizzes().get(lesson.id)
        return self._resumable(lesson, stored[0]) if stored is not None else None

    def _resumable(self, lesson: Lesson, state: str) -> SavedQuiz | None:
        """``state`` as a quiz of ``lesson`` to resume; else None, and forgotten (not offered again)."""
        saved = SavedQuiz.decode(state)
        if saved is None or not saved.fits(lesson):
            self.progress.drop_quiz(lesson.id)
            return None
        return saved

    def _reading(self) -> Reading | None:
        last = self.progress.last_position()
        if last is None:
            return None
        lesson_id, section = last
        lesson = self._lesson(lesson_id)
        if lesson is None:
            return None
        return Reading(lesson, max(0, min(section, len(lesson.sections) - 1)))

    def _lesson(self, lesson_id: str) -> Lesson | None:
        """The course's lesson of that id, or None when the course no longer has it."""
        return next((lesson for lesson in self.course.lessons if lesson.id == lesson_id), None)

    def _next_seed(self, kind: str) -> int:
        """``--seed`` reproduces the first set of a kind; each further one draws new numbers."""
        self._rounds[kind] += 1
        if self.seed is None:
            return _random_seed()
        return self.seed + self._rounds[kind] - 1


def _random_seed() -> int:
    return random.randrange(2**32)
