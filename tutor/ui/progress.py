"""Where the UI reads and writes a learner's progress: one small interface.

:class:`MemoryProgress` keeps it for one run. The SQLite store (``tutor.progress``) is meant to
offer the same methods, so the app takes either and the screens never know which.
"""

from __future__ import annotations

from typing import Literal, Protocol

State = Literal["new", "in progress", "done"]


class ProgressStore(Protocol):
    def save_position(self, lesson_id: str, section: int) -> None: ...
    def position(self, lesson_id: str) -> int | None: ...
    def record_score(self, lesson_id: str, score: int, total: int) -> None: ...
    def best_score(self, lesson_id: str) -> tuple[int, int] | None: ...
    def state(self, lesson_id: str) -> State: ...


class MemoryProgress:
    """Progress for this run only: a lesson is *in progress* once opened, *done* once its quiz is finished."""

    def __init__(self) -> None:
        self._positions: dict[str, int] = {}
        self._scores: dict[str, list[tuple[int, int]]] = {}

    def save_position(self, lesson_id: str, section: int) -> None:
        self._positions[lesson_id] = section

    def position(self, lesson_id: str) -> int | None:
        return self._positions.get(lesson_id)

    def record_score(self, lesson_id: str, score: int, total: int) -> None:
        self._scores.setdefault(lesson_id, []).append((score, total))

    def best_score(self, lesson_id: str) -> tuple[int, int] | None:
        scores = self._scores.get(lesson_id)
        return max(scores, key=lambda st: st[0] / st[1] if st[1] else 0) if scores else None

    def state(self, lesson_id: str) -> State:
        if lesson_id in self._scores:
            return "done"
        return "in progress" if lesson_id in self._positions else "new"
