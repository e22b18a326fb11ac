"""The Exercises screen as a learner uses it: every file checked on opening, a save rechecked by
itself, hints one at a time, reset with a backup, next once passing, the app responsive meanwhile.

No fixed sleeps: tests wait on ``screen.checked``, an event the screen sets after each result.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import OptionList

from tutor.exercises import DEFAULT_DIR
from tutor.exercises.catalog import EXERCISES
from tutor.exercises.runner import Limits
from tutor.exercises.workspace import init_workspace, starter_text, task_lines
from tutor.ui.screens.commands import CourseCommands
from tutor.ui.screens.exercises import ExercisesScreen

SOLUTIONS = Path(__file__).resolve().parents[1] / "exercises" / "solutions"
NAMES = [item.name for item in EXERCISES]
NAIVE = "import numpy as np\n\n\ndef bce_with_logits(z, y):\n    return np.log(1 + np.exp(z)) - y * z\n"
#: The longest any one wait may take: a safety net, never a timing the test relies on.
PATIENCE = 120.0


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    directory = tmp_path / "ex"
    init_workspace(directory)
    return directory


def save(directory: Path, name: str, code: str) -> None:
    """As many editors save: a new file renamed over the old one."""
    temporary = directory / f".{name}.swp"
    temporary.write_text(code, encoding="utf-8")
    os.replace(temporary, directory / f"{name}.py")


async def until(screen: ExercisesScreen, condition: Callable[[], bool]) -> None:
    """Wait for results until ``condition`` holds."""
    while not condition():
        screen.checked.clear()
        await asyncio.wait_for(screen.checked.wait(), PATIENCE)


async def all_checked(screen: ExercisesScreen) -> None:
    await until(screen, lambda: len(screen.track.results) == len(NAMES) and screen.track.running is None)


def kind(screen: ExercisesScreen, name: str) -> str | None:
    result = screen.track.results.get(name)
    return result.kind if result else None


def text(screen: ExercisesScreen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def row(screen: ExercisesScreen, name: str) -> str:
    listing = screen.query_one(OptionList)
    return str(listing.get_option(name).prompt)


async def test_x_on_the_course_map_opens_the_default_workspace(quiz_course, ui, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    init_workspace(tmp_path / DEFAULT_DIR)
    app = ui.make_app(quiz_course)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.press("x")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExercisesScreen) and screen.directory == DEFAULT_DIR
        await all_checked(screen)
        await pilot.pause()
        assert all("not started" in row(screen, name) for name in NAMES)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_the_command_palette_offers_the_exercises(quiz_course, ui):
    app = ui.make_app(quiz_course)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        provider = CourseCommands(app.screen)
        await provider.startup()
        assert ("Exercises", app.open_exercises) in [(name, command) for name, command, _ in provider._listed]


async def test_a_save_reruns_the_check_and_the_status_follows(quiz_course, ui, workspace):
    app = ui.make_app(quiz_course, exercises=workspace)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExercisesScreen)
        await all_checked(screen)
        for _ in range(NAMES.index("bce_with_logits")):
            await pilot.press("down")
        await pilot.pause()
        assert screen.track.current == "bce_with_logits"

        save(workspace, "bce_with_logits", NAIVE)
        await until(screen, lambda: kind(screen, "bce_with_logits") == "wrong")
        await pilot.pause()
        assert "failing" in row(screen, "bce_with_logits")
        assert text(screen, "#exercise-headline").startswith("bce_with_logits(800.0, 0) returned inf; expected 800.0")
        assert "Mistake recognised, e^|z| overflowing" in text(screen, "#exercise-details")
        assert "RuntimeWarning: overflow encountered in exp" in text(screen, "#exercise-output")

        shutil.copyfile(SOLUTIONS / "softplus.py", workspace / "softplus.py")
        save(workspace, "bce_with_logits", (SOLUTIONS / "bce_with_logits.py").read_text(encoding="utf-8"))
        await until(
            screen, lambda: kind(screen, "bce_with_logits") == "passed" and kind(screen, "softplus") == "passed"
        )
        await pilot.pause()
        assert "done" in row(screen, "bce_with_logits") and "done" in row(screen, "softplus")
        assert text(screen, "#exercise-state").startswith("✓ done: 53 of 53 cases pass")
        # Progress: the untouched files of the opening scan are not recorded, the learner's checks are.
        assert app.progress.exercise_results() == {"bce_with_logits": True, "softplus": True}


async def test_checking_shows_and_the_app_answers_keys_meanwhile(quiz_course, ui, workspace):
    app = ui.make_app(quiz_course)
    async with app.run_test(size=ui.size) as pilot:
        screen = ExercisesScreen(workspace, Limits(wall_seconds=PATIENCE))
        await app.push_screen(screen)
        await all_checked(screen)
        save(workspace, "surprise", "import time\n\n\ndef surprise(q):\n    time.sleep(600)\n")
        screen.poll()  # what the timer does; called here so nothing can run in between
        assert screen.track.running == "surprise"
        assert text(screen, "#exercise-state") == "⋯ checking surprise.py…"
        assert "checking…" in row(screen, "surprise")
        await pilot.press("h")
        await pilot.pause()
        assert "1. The loss is the surprise" in text(screen, "#exercise-hints")
        assert screen.track.running == "surprise"  # still sleeping: the key was answered meanwhile
        await pilot.press("escape")  # leaving stops the check (its worker is cancelled)
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_the_task_is_on_the_screen_and_follows_the_choice(quiz_course, ui, workspace):
    app = ui.make_app(quiz_course, exercises=workspace)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExercisesScreen)
        assert "Task: write surprise(q)." in ui.text_of(app, "#exercise-task")
        await pilot.press("down")
        await all_checked(screen)
        await pilot.pause()
        task = ui.text_of(app, "#exercise-task")
        assert "Task: write bce(p, y)." in task and "surprise(q)" not in task
        assert len(screen.query("#exercise-task Static")) == len(task_lines(EXERCISES[1]))


async def test_hints_unfold_one_at_a_time(quiz_course, ui, workspace):
    app = ui.make_app(quiz_course, exercises=workspace)
    notices: list[str] = []
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        app.notify = lambda message, **_: notices.append(message)
        screen = app.screen
        hints = EXERCISES[0].hints
        assert text(screen, "#exercise-hints") == f"Hints: 0 of {len(hints)} shown (h for the next)"
        for shown in range(1, len(hints) + 1):
            await pilot.press("h")
            await pilot.pause()
            assert f"{shown}. {hints[shown - 1]}" in text(screen, "#exercise-hints")
        assert notices == []
        await pilot.press("h")
        await pilot.pause()
        assert notices == ["No more hints for this one."]
        await all_checked(screen)


async def test_next_only_once_the_exercise_passes(quiz_course, ui, workspace):
    app = ui.make_app(quiz_course, exercises=workspace)
    notices: list[str] = []
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        app.notify = lambda message, **_: notices.append(message)
        screen = app.screen
        await all_checked(screen)
        await pilot.press("n")
        await pilot.pause()
        assert screen.track.current == "surprise" and notices == [
            "Make this one pass first, or choose another with ↑/↓."
        ]
        save(workspace, "surprise", (SOLUTIONS / "surprise.py").read_text(encoding="utf-8"))
        await until(screen, lambda: kind(screen, "surprise") == "passed")
        await pilot.press("n")
        await pilot.pause()
        assert screen.track.current == "bce"
        assert text(screen, "#exercise-title").startswith("2. Binary cross-entropy from a probability")


async def test_reset_keeps_a_backup_and_the_file_is_checked_again(quiz_course, ui, workspace):
    app = ui.make_app(quiz_course, exercises=workspace)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        screen = app.screen
        await all_checked(screen)
        save(workspace, "surprise", "def surprise(q):\n    return 1 / 0\n")
        await until(screen, lambda: kind(screen, "surprise") == "exception")
        await pilot.press("r")
        await until(screen, lambda: kind(screen, "surprise") == "not-started")
        assert (workspace / "surprise.py.bak").read_text(encoding="utf-8") == "def surprise(q):\n    return 1 / 0\n"
        assert (workspace / "surprise.py").read_text(encoding="utf-8") == starter_text(EXERCISES[0])


async def test_edit_without_an_editor_says_where_the_file_is(quiz_course, ui, workspace, monkeypatch):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    app = ui.make_app(quiz_course, exercises=workspace)
    notices: list[str] = []
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        app.notify = lambda message, **_: notices.append(message)
        await pilot.press("e")
        await pilot.pause()
        assert notices == [f"Set $EDITOR to edit from here, or open {workspace / 'surprise.py'} in any editor."]
        await all_checked(app.screen)


async def test_a_missing_workspace_can_be_created_on_the_spot(quiz_course, ui, tmp_path):
    directory = tmp_path / "new"
    app = ui.make_app(quiz_course, exercises=directory)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert text(screen, "#exercises-where").startswith("No exercise workspace at")
        assert screen.track.results == {}
        await pilot.press("i")
        await pilot.pause()
        assert (directory / "bce.py").is_file()
        await all_checked(screen)
        assert text(screen, "#exercises-where").startswith(f"Workspace: {directory.resolve()}")


async def test_what_the_learners_code_says_is_shown_as_text_not_markup(quiz_course, ui, workspace):
    app = ui.make_app(quiz_course, exercises=workspace)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        screen = app.screen
        await all_checked(screen)
        save(
            workspace,
            "surprise",
            "def surprise(q):\n    print('[b]loud[/b]')\n    raise ValueError('[@click=app.quit]x[/] [red]')\n",
        )
        await until(screen, lambda: kind(screen, "surprise") == "exception")
        await pilot.pause()
        assert "ValueError: [@click=app.quit]x[/] [red]" in text(screen, "#exercise-headline")
        assert "[b]loud[/b]" in text(screen, "#exercise-output")
