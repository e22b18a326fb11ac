"""The state behind the Exercises screen: which file changed, what to check next, the results,
the current exercise and the hints shown. Pure, so it is tested without a terminal; the screen
only polls it on a timer, runs the checks it hands out, and renders it.

Saves are seen by polling each file's (mtime, inode, size): that catches a save in place and an
editor's save by rename alike, with no watcher library.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from tutor.exercises.catalog import EXERCISES, Exercise, exercise
from tutor.exercises.result import Result
from tutor.exercises.workspace import Signature, reset, signature

#: How a row's state reads while no result is in.
CHECKING, WAITING, UNCHECKED = "checking…", "waiting", "not checked"


class Track:
    """One workspace's exercises. ``stored`` is each exercise's latest result in the progress store
    (True: passed): it picks the exercise to start on, and spares re-recording an unchanged verdict."""

    def __init__(self, directory: Path, stored: Mapping[str, bool] | None = None) -> None:
        self.directory = directory
        self.results: dict[str, Result] = {}
        self.running: str | None = None
        self._stored = dict(stored or {})
        self._seen: dict[str, Signature | None] = {}
        self._pending: list[str] = []
        self._opening: set[str] = set()
        self._hints: dict[str, int] = {}
        self.current = next((item.name for item in EXERCISES if not self._stored.get(item.name)), EXERCISES[0].name)

    # ----- files and checks -----------------------------------------------------------------

    def path(self, name: str) -> Path:
        return self.directory / exercise(name).filename

    def poll(self) -> list[str]:
        """Queue every exercise whose file changed since the last poll (all of them the first time),
        the current one first; the names queued."""
        first = not self._seen
        changed = []
        for item in EXERCISES:
            now = signature(self.path(item.name))
            if item.name not in self._seen or now != self._seen[item.name]:
                self._seen[item.name] = now
                changed.append(item.name)
        if first:
            self._opening.update(changed)
        for name in changed:
            self.queue(name)
        return changed

    def queue(self, name: str) -> None:
        """Check ``name`` when the running check ends; the current exercise goes first."""
        if name not in self._pending:
            self._pending.append(name)
        if self.current in self._pending:
            self._pending.remove(self.current)
            self._pending.insert(0, self.current)

    def start_next(self) -> str | None:
        """The exercise to check now (marked running), or None while one runs or none waits."""
        if self.running is not None or not self._pending:
            return None
        self.running = self._pending.pop(0)
        return self.running

    def finish(self, result: Result) -> bool:
        """Take a result in; True when it belongs in the progress store: a check the learner caused
        (not an untouched starting file), or a verdict the opening scan found changed."""
        self.results[result.exercise] = result
        if self.running == result.exercise:
            self.running = None
        opening = result.exercise in self._opening
        self._opening.discard(result.exercise)
        if result.kind in ("not-started", "missing-file"):
            return False
        if opening and self._stored.get(result.exercise) == result.ok:
            return False
        self._stored[result.exercise] = result.ok
        return True

    def state(self, name: str) -> str:
        """What a row says: checking…, waiting, done, failing, not started, not checked."""
        if self.running == name:
            return CHECKING
        if name in self.results:
            return self.results[name].status
        return WAITING if name in self._pending else UNCHECKED

    # ----- the learner's moves ----------------------------------------------------------------

    def select(self, name: str) -> None:
        exercise(name)
        self.current = name
        if name in self._pending:
            self.queue(name)

    def next_exercise(self) -> str | None:
        """The exercise after the current one, or None after the last."""
        names = [item.name for item in EXERCISES]
        index = names.index(self.current) + 1
        return names[index] if index < len(names) else None

    def passes(self, name: str | None = None) -> bool:
        result = self.results.get(name or self.current)
        return result is not None and result.ok

    def show_hint(self) -> bool:
        """Unfold the current exercise's next hint; False when all are shown already."""
        shown = self._hints.get(self.current, 0)
        if shown >= len(exercise(self.current).hints):
            return False
        self._hints[self.current] = shown + 1
        return True

    def hints(self, name: str | None = None) -> tuple[str, ...]:
        """The hints unfolded so far for ``name`` (the current exercise by default)."""
        item: Exercise = exercise(name or self.current)
        return item.hints[: self._hints.get(item.name, 0)]

    def reset_current(self) -> Path | None:
        """Starting text back in the current file (WorkspaceError when it cannot be); the backup kept."""
        return reset(self.directory, exercise(self.current))
