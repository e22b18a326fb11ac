"""Where the UI reads and writes a learner's progress: one small interface.

:class:`MemoryProgress` keeps it for one run (tests, or when nothing may be written);
:class:`StoreProgress` reads and writes the learner's SQLite store (``tutor.progress``).
The screens see only :class:`ProgressStore` and never know which one they have.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar

from tutor.progress.store import LessonState

if TYPE_CHECKING:
    from tutor.content.model import Course
    from tutor.progress import Store

State = Literal["new", "in progress", "done"]
T = TypeVar("T")


class ProgressStore(Protocol):
    def save_position(self, lesson_id: str, section: int) -> None: ...
    def position(self, lesson_id: str) -> int | None: ...
    def last_position(self) -> tuple[str, int] | None: ...
    def record_score(self, lesson_id: str, score: int, total: int) -> None: ...
    def record_answer(self, lesson_id: str, question_id: str, given: str, correct: bool, skipped: bool) -> None: ...
    def lesson_states(self) -> Mapping[str, LessonState]: ...
    def due_reviews(self) -> list[tuple[str, str]]: ...
    def record_exercise_result(self, exercise: str, passed: bool) -> None: ...
    def exercise_results(self) -> Mapping[str, bool]: ...
    @property
    def problem(self) -> str: ...


class MemoryProgress:
    """Progress for this run only: a lesson is *in progress* once opened, *done* once its quiz is finished.

    It keeps no review schedule (that is the store's job), so nothing is ever due.
    """

    problem = ""

    def __init__(self) -> None:
        self._positions: dict[str, int] = {}
        self._last: str | None = None
        self._scores: dict[str, list[tuple[int, int]]] = {}
        self.answers: list[tuple[str, str, str, bool, bool]] = []
        self.exercises: dict[str, bool] = {}

    def save_position(self, lesson_id: str, section: int) -> None:
        self._positions[lesson_id] = section
        self._last = lesson_id

    def position(self, lesson_id: str) -> int | None:
        return self._positions.get(lesson_id)

    def last_position(self) -> tuple[str, int] | None:
        return (self._last, self._positions[self._last]) if self._last is not None else None

    def record_score(self, lesson_id: str, score: int, total: int) -> None:
        self._scores.setdefault(lesson_id, []).append((score, total))

    def record_answer(self, lesson_id: str, question_id: str, given: str, correct: bool, skipped: bool) -> None:
        self.answers.append((lesson_id, question_id, given, correct, skipped))

    def best_score(self, lesson_id: str) -> tuple[int, int] | None:
        scores = self._scores.get(lesson_id)
        return max(scores, key=lambda st: st[0] / st[1] if st[1] else 0) if scores else None

    def state(self, lesson_id: str) -> State:
        if lesson_id in self._scores:
            return "done"
        return "in progress" if lesson_id in self._positions else "new"

    def lesson_states(self) -> Mapping[str, LessonState]:
        """Only the lessons seen this run; the course map shows any other as new."""
        seen = self._positions.keys() | self._scores.keys()
        return {id_: LessonState(self.state(id_), *(self.best_score(id_) or ())) for id_ in seen}

    def due_reviews(self) -> list[tuple[str, str]]:
        return []

    def record_exercise_result(self, exercise: str, passed: bool) -> None:
        self.exercises[exercise] = passed

    def exercise_results(self) -> Mapping[str, bool]:
        return dict(self.exercises)


class StoreProgress:
    """The learner's saved progress, through the SQLite store's own API.

    Writes never raise (the store turns failures into ``status``); reads that fail fall back to
    "nothing saved", so a store in trouble never takes a screen down with it.
    """

    def __init__(self, store: Store, course: Course) -> None:
        self.store = store
        self.course = course

    @property
    def problem(self) -> str:
        """Why progress is not being saved, or "" while it is."""
        return "" if self.store.status.saving else self.store.status.message

    def save_position(self, lesson_id: str, section: int) -> None:
        self.store.record_position(lesson_id, section)

    def position(self, lesson_id: str) -> int | None:
        last = _read(lambda: self.store.last_position(lesson_id), None)
        return last[1] if last is not None else None

    def last_position(self) -> tuple[str, int] | None:
        return _read(self.store.last_position, None)

    def record_score(self, lesson_id: str, score: int, total: int) -> None:
        self.store.record_score(lesson_id, score, total)

    def record_answer(self, lesson_id: str, question_id: str, given: str, correct: bool, skipped: bool) -> None:
        self.store.record_answer(lesson_id, question_id, given, correct, skipped)

    def lesson_states(self) -> Mapping[str, LessonState]:
        return _read(lambda: self.store.lesson_states(self.course), {})

    def due_reviews(self) -> list[tuple[str, str]]:
        """Due now by the store's clock, leaving out questions the course no longer has."""
        return _read(lambda: self.store.due_reviews(course=self.course), [])

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
