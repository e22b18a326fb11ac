"""The learner's progress as the study layer and the screens use it: one interface, one store.

:class:`Progress` reads and writes the SQLite store (``tutor.progress``) against the course: a
file for the learner, the same store in memory for tests and for an app started without one
(``Progress.in_memory``). Writes never raise (the store turns failures into its status, shown as
``problem``); reads that fail give "nothing saved", so a store in trouble never takes a screen down.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from typing import TypeVar

from tutor.content.kinds import Verdict
from tutor.content.model import Course
from tutor.progress.store import Clock, LessonState, Store, open_memory_store

T = TypeVar("T")


class Progress:
    """Positions, answers, scores, unfinished quizzes, review schedule and exercise results."""

    def __init__(self, store: Store, course: Course) -> None:
        self.store = store
        self.course = course

    @classmethod
    def in_memory(cls, course: Course, clock: Clock | None = None) -> Progress:
        """The real store, in memory: forgotten on exit (``clock`` moves its time in tests)."""
        return cls(open_memory_store(clock), course)

    @property
    def problem(self) -> str:
        """Why progress is not being saved, or "" while it is."""
        return "" if self.store.status.saving else self.store.status.message

    def now(self) -> datetime:
        return self.store.now()

    @contextmanager
    def together(self) -> Iterator[None]:
        """The writes inside are saved as one: all or none."""
        with self.store.together():
            yield

    # ----- reading positions ------------------------------------------------------------

    def save_position(self, lesson_id: str, section: int) -> None:
        self.store.record_position(lesson_id, section)

    def position(self, lesson_id: str) -> int | None:
        last = _read(lambda: self.store.last_position(lesson_id), None)
        return last[1] if last is not None else None

    def last_position(self) -> tuple[str, int] | None:
        return _read(self.store.last_position, None)

    def last_position_at(self) -> datetime | None:
        return _read(self.store.last_position_at, None)

    # ----- answers and scores -----------------------------------------------------------

    def record_answer(self, lesson_id: str, question_id: str, verdict: Verdict, prompt: str) -> None:
        """One counted answer: logged for stats, and the question's review card rated from it."""
        self.store.record_answer(lesson_id, question_id, verdict.given, verdict.correct, verdict.skipped, prompt=prompt)

    def finish_quiz(self, lesson_id: str, score: int, total: int) -> None:
        """The lesson's quiz is complete: its score recorded, its unfinished state gone, together."""
        with self.together():
            self.store.record_score(lesson_id, score, total)
            self.store.drop_quiz(lesson_id)

    def lesson_states(self) -> Mapping[str, LessonState]:
        return _read(lambda: self.store.lesson_states(self.course), {})

    def best_score(self, lesson_id: str) -> tuple[int, int] | None:
        """The lesson's best quiz score as (right, total), or None before any."""
        state = self.lesson_states().get(lesson_id)
        if state is None or state.best_score is None or state.best_total is None:
            return None
        return state.best_score, state.best_total

    # ----- unfinished quizzes -----------------------------------------------------------

    def save_quiz(self, lesson_id: str, state: str) -> None:
        self.store.save_quiz(lesson_id, state)

    def drop_quiz(self, lesson_id: str) -> None:
        self.store.drop_quiz(lesson_id)

    def open_quizzes(self) -> Mapping[str, tuple[str, datetime]]:
        """Each lesson's unfinished quiz state and when it was last answered."""
        return _read(self.store.open_quizzes, {})

    # ----- review schedule --------------------------------------------------------------

    def review_dues(self) -> list[tuple[str, str, datetime]]:
        """Every scheduled question of the course and when it is due, soonest first."""
        return _read(lambda: self.store.review_dues(self.course), [])

    def last_prompt(self, lesson_id: str, question_id: str) -> str:
        """The question as last asked (its drawn numbers), "" if unknown."""
        return _read(lambda: self.store.last_prompt(lesson_id, question_id), "")

    # ----- exercises --------------------------------------------------------------------

    def record_exercise_result(self, exercise: str, passed: bool) -> None:
        self.store.record_exercise_result(exercise, passed)

    def exercise_results(self) -> Mapping[str, bool]:
        return _read(self.store.exercise_results, {})


def _read(query: Callable[[], T], fallback: T) -> T:
    """``query()``, or ``fallback`` when the database cannot be read: the screen shows nothing saved
    rather than crashing mid-lesson."""
    try:
        return query()
    except sqlite3.Error:
        return fallback
