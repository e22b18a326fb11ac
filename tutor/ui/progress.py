"""Where the UI reads and writes a learner's progress: one small interface.

:class:`MemoryProgress` keeps it for one run (tests, or when nothing may be written);
:class:`StoreProgress` reads and writes the learner's SQLite store (``tutor.progress``).
The screens see only :class:`ProgressStore` and never know which one they have.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from tutor.content.model import Course
    from tutor.progress import Store

State = Literal["new", "in progress", "done"]


class ProgressStore(Protocol):
    def save_position(self, lesson_id: str, section: int) -> None: ...
    def position(self, lesson_id: str) -> int | None: ...
    def record_score(self, lesson_id: str, score: int, total: int) -> None: ...
    def record_answer(self, lesson_id: str, question_id: str, given: str, correct: bool, skipped: bool) -> None: ...
    def best_score(self, lesson_id: str) -> tuple[int, int] | None: ...
    def state(self, lesson_id: str) -> State: ...


class MemoryProgress:
    """Progress for this run only: a lesson is *in progress* once opened, *done* once its quiz is finished."""

    def __init__(self) -> None:
        self._positions: dict[str, int] = {}
        self._scores: dict[str, list[tuple[int, int]]] = {}
        self.answers: list[tuple[str, str, str, bool, bool]] = []

    def save_position(self, lesson_id: str, section: int) -> None:
        self._positions[lesson_id] = section

    def position(self, lesson_id: str) -> int | None:
        return self._positions.get(lesson_id)

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


class StoreProgress:
    """The learner's saved progress, through the SQLite store's own API."""

    def __init__(self, store: Store, course: Course) -> None:
        self.store = store
        self.course = course

    def save_position(self, lesson_id: str, section: int) -> None:
        self.store.record_position(lesson_id, section)

    def position(self, lesson_id: str) -> int | None:
        last = self.store.last_position()
        return last[1] if last is not None and last[0] == lesson_id else None

    def record_score(self, lesson_id: str, score: int, total: int) -> None:
        self.store.record_score(lesson_id, score, total)

    def record_answer(self, lesson_id: str, question_id: str, given: str, correct: bool, skipped: bool) -> None:
        self.store.record_answer(lesson_id, question_id, given, correct, skipped)

    def best_score(self, lesson_id: str) -> tuple[int, int] | None:
        state = self.store.lesson_states(self.course).get(lesson_id)
        if state is None or state.best_score is None or state.best_total is None:
            return None
        return state.best_score, state.best_total

    def state(self, lesson_id: str) -> State:
        state = self.store.lesson_states(self.course).get(lesson_id)
        return state.state if state is not None else "new"
