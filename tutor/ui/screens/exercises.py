"""The exercise track: the exercises with their state, and the current one's latest check, rerun
by itself each time its file is saved.

The state lives in ``tutor.exercises.track.Track``; this screen polls it on a timer, runs the
checks it hands out in a worker thread (each in its own limited process, so the app stays
responsive), and renders it. Every text from a check reaches the screen with markup off.
"""

from __future__ import annotations

import asyncio
import os
import shlex
import subprocess
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tutor.exercises.catalog import EXERCISES, exercise, position
from tutor.exercises.result import Result
from tutor.exercises.runner import CheckStopped, Limits, run_check
from tutor.exercises.track import CHECKING, Track
from tutor.exercises.workspace import WorkspaceError, init_workspace, is_workspace, task_lines
from tutor.ui.screens.base import TutorScreen
from tutor.ui.text import line, plain
from tutor.ui.textual_fixes import TutorHeader, TutorOptionList
from tutor.ui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from tutor.ui.app import TutorApp

#: How often the files are looked at: a save is checked within this plus the check's own time.
POLL_SECONDS = 0.25
#: Narrower than this, the list shows marks without the state words, to leave room for the result.
WIDE = 90
#: Lines of the code's output shown under the result.
OUTPUT_LINES = 8
MARKS = {"done": "✓", "failing": "✗", "not started": "·", CHECKING: "⋯"}


class ExercisesScreen(TutorScreen):
    BINDINGS = [
        Binding("e", "edit", "Edit", id="exercise-edit"),
        Binding("h", "hint", "Hint", id="exercise-hint"),
        Binding("n", "next", "Next", id="exercise-next"),
        Binding("r", "reset", "Reset", id="exercise-reset"),
        Binding("c", "check", "Check again", show=False, id="exercise-check"),
        Binding("i", "init", "Create the workspace", show=False, id="exercise-init"),
        Binding("escape", "back", "Course map", id="back"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]
    HELP_NOTE = (
        "Edit an exercise file in any editor and save: it is checked at once. ↑/↓ choose an exercise; "
        "e opens it in $EDITOR, h unfolds the next hint, c checks it again, r puts its starting text "
        "back (your version is kept beside it as .bak), n moves on once it passes. "
        "✓ done, ✗ failing, · not started, ⋯ checking."
    )

    class Checked(Message):
        """A check finished (posted from the worker thread)."""

        def __init__(self, result: Result) -> None:
            super().__init__()
            self.result = result

    track: Track

    def __init__(self, directory: Path, limits: Limits | None = None) -> None:
        super().__init__()
        self.directory = directory
        self.limits = limits
        #: Set each time a result has been taken in and shown; tests wait on it.
        self.checked = asyncio.Event()
        #: The exercise whose task is on screen.
        self._task_shown: str | None = None

    def compose(self) -> ComposeResult:
        self.track = Track(self.directory, self.app.progress.exercise_results())
        self.set_class(self.app.size.width < WIDE, "-compact")
        yield TutorHeader(icon="")
        yield Static(id="exercises-where", markup=False)
        with Horizontal(id="exercises-body"):
            yield TutorOptionList(
                *(Option(self._row(item.name), id=item.name) for item in EXERCISES), id="exercises-list"
            )
            with VerticalScroll(id="exercise-detail"):
                yield Static(id="exercise-title", markup=False)
                yield Static(id="exercise-state", markup=False)
                yield Static(id="exercise-headline", markup=False)
                yield Static(id="exercise-details", markup=False)
                yield Vertical(id="exercise-task")
                yield Static(id="exercise-hints", markup=False)
                yield Static(id="exercise-output", markup=False)
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        self.title = "Exercises"
        self.sub_title = "write it yourself, checked on every save"
        names = [item.name for item in EXERCISES]
        listing = self.query_one(OptionList)
        listing.highlighted = names.index(self.track.current)
        listing.focus()
        self._start_watching()

    @property
    def tutor(self) -> TutorApp:
        return self.app

    # ----- watching and checking -------------------------------------------------------------

    def _start_watching(self) -> None:
        """Poll the files (a first poll now queues every exercise), or say there is nothing to watch."""
        self._show_where()
        if is_workspace(self.directory):
            self.poll()
            self.set_interval(POLL_SECONDS, self.poll)
        self._show_current()

    def poll(self) -> None:
        """Queue what was saved since the last look, and start a check if none runs."""
        changed = self.track.poll()
        for name in changed:
            self._refresh_row(name)
        self._start_check()

    def _start_check(self) -> None:
        name = self.track.start_next()
        if name is None:
            return
        self._refresh_row(name)
        if name == self.track.current:
            self._show_current()
        self.run_worker(partial(self._check, name), thread=True, group="exercise-check", exit_on_error=False)

    def _check(self, name: str) -> None:
        """In the worker thread: one check in its own process; killed if the screen goes away."""
        try:
            result = run_check(self.directory, name, self.limits, stop=get_current_worker().cancelled_event)
        except CheckStopped:
            return
        self.post_message(self.Checked(result))

    @on(Checked)
    def _take_result(self, message: Checked) -> None:
        result = message.result
        if self.track.finish(result):
            self.app.progress.record_exercise_result(result.exercise, result.ok)
        self._refresh_row(result.exercise)
        if result.exercise == self.track.current:
            self._show_current()
        self.checked.set()
        self._start_check()

    # ----- showing ----------------------------------------------------------------------------

    def _row(self, name: str) -> Content:
        state = self.track.state(name)
        words = "" if self.has_class("-compact") else f" {state}"
        return Content(f"{MARKS.get(state, ' ')} {position(name):>2} {name:<18}{words}")

    def on_resize(self, event: events.Resize) -> None:
        """Marks only below WIDE columns (✓ ✗ · ⋯ still say the state), the words above."""
        compact = event.size.width < WIDE
        if compact != self.has_class("-compact"):
            self.set_class(compact, "-compact")
            for item in EXERCISES:
                self._refresh_row(item.name)

    def _refresh_row(self, name: str) -> None:
        listing = self.query_one(OptionList)
        listing.replace_option_prompt(name, self._row(name))

    def _show_where(self) -> None:
        where = self.query_one("#exercises-where", Static)
        if is_workspace(self.directory):
            where.update(plain(f"Workspace: {self.directory.resolve()} · save a file to check it"))
        else:
            where.update(plain(f"No exercise workspace at {self.directory.resolve()} yet: press i to create it."))

    def _show_current(self) -> None:
        name = self.track.current
        item = exercise(name)
        self.query_one("#exercise-title", Static).update(
            plain(f"{position(name)}. {item.title}\n{item.signature} in {self.track.path(name)}")
        )
        result = self.track.results.get(name)
        state = self.track.state(name)
        self._show("#exercise-state", self._state_line(state, result))
        self.query_one("#exercise-headline", Static).set_classes(f"-{state.replace(' ', '-').rstrip('…')}")
        self._show("#exercise-headline", result.headline if result else "")
        self._show("#exercise-details", "\n".join(result.details) if result else "")
        output = self.query_one("#exercise-output", Static)
        output.update(_printed(result.output) if result and result.output else "")
        output.display = bool(result and result.output)
        self._show_task()
        self._show_hints()

    def _show(self, selector: str, text: str) -> None:
        """Update a Static with markup off; an empty one takes no room (nor its blank line)."""
        static = self.query_one(selector, Static)
        static.update(plain(text))
        static.display = bool(text)

    def _state_line(self, state: str, result: Result | None) -> str:
        if state == CHECKING:
            return f"{MARKS[CHECKING]} checking {exercise(self.track.current).filename}…"
        if result is None:
            return "Waiting for the first check." if is_workspace(self.directory) else ""
        counts = f": {result.passed} of {result.total} cases pass" if result.total else ""
        after = "  (n: next exercise)" if result.ok and self.track.next_exercise() else ""
        return f"{MARKS.get(result.status, '')} {result.status}{counts} · checked in {result.seconds:.2f} s{after}"

    def _show_task(self) -> None:
        """The task as the exercise's file states it: prose, and items (parameters, what to return)
        indented, each in its own Static so a wrapped item stays under itself."""
        task = self.query_one("#exercise-task", Vertical)
        if self._task_shown == self.track.current:
            return  # a check finished: the task is the same
        self._task_shown = self.track.current
        task.remove_children()
        task.mount_all(
            Static(
                plain(part.text),
                classes=" ".join(["task-item" if part.item else "task-prose"] + ["-gap"] * part.new_paragraph),
            )
            for part in task_lines(exercise(self.track.current))
        )

    def _show_hints(self) -> None:
        shown = self.track.hints()
        total = len(exercise(self.track.current).hints)
        lines = [f"Hints: {len(shown)} of {total} shown" + (" (h for the next)" if len(shown) < total else "")]
        lines += [f"{n}. {hint}" for n, hint in enumerate(shown, 1)]
        self.query_one("#exercise-hints", Static).update("\n".join(lines))

    @on(OptionList.OptionHighlighted, "#exercises-list")
    def _choose(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None and event.option.id != self.track.current:
            self.track.select(event.option.id)
            self._show_current()

    # ----- keys -------------------------------------------------------------------------------

    def action_hint(self) -> None:
        if not self.track.show_hint():
            self.notify("No more hints for this one.", title="Hints")
        self._show_hints()

    def action_next(self) -> None:
        following = self.track.next_exercise()
        if not self.track.passes():
            self.notify("Make this one pass first, or choose another with ↑/↓.", title="Next", markup=False)
        elif following is None:
            self.notify("That was the last exercise: the whole track is done.", title="Next")
        else:
            self.query_one(OptionList).highlighted = [item.name for item in EXERCISES].index(following)

    def action_check(self) -> None:
        self.track.queue(self.track.current)
        self._start_check()

    def action_reset(self) -> None:
        try:
            backup = self.track.reset_current()
        except WorkspaceError as exc:
            self.notify(line(str(exc)), title="Reset", severity="error", markup=False)
            return
        kept = f"; your version is kept as {backup.name}" if backup else ""
        self.notify(
            line(f"{exercise(self.track.current).filename} has its starting text again{kept}."),
            title="Reset",
            markup=False,
        )
        self.poll()

    def action_edit(self) -> None:
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        path = self.track.path(self.track.current)
        if not editor:
            self.notify(
                line(f"Set $EDITOR to edit from here, or open {path} in any editor."), title="Edit", markup=False
            )
            return
        try:
            with self.app.suspend():
                subprocess.run([*shlex.split(editor), str(path)], check=False)
        except SuspendNotSupported:
            self.notify(
                line(f"This terminal cannot hand over to an editor: open {path} yourself."), title="Edit", markup=False
            )
        except (OSError, ValueError) as exc:
            self.notify(line(f"Could not run {editor!r}: {exc}"), title="Edit", severity="error", markup=False)
        self.poll()

    def action_init(self) -> None:
        if is_workspace(self.directory):
            return
        try:
            init_workspace(self.directory)
        except WorkspaceError as exc:
            self.notify(line(str(exc)), title="Exercises", severity="error", markup=False)
            return
        self._start_watching()

    def action_back(self) -> None:
        self.app.back_to_home()


def _printed(output: str) -> str:
    """The start of what the code printed: a few lines here, the rest is in a terminal away."""
    lines = output.splitlines()
    more = f"\n… and {len(lines) - OUTPUT_LINES} more lines" if len(lines) > OUTPUT_LINES else ""
    return "It printed:\n" + "\n".join(lines[:OUTPUT_LINES]) + more
