"""Snapshots of each screen (pytest-textual-snapshot). Sync tests: snap_compare runs the app itself.

Regenerate on purpose, after looking at the screens: ``pytest tests/ui/test_snapshots.py --snapshot-update``.
A fixed seed fixes option order and drawn numbers; the Input cursor does not blink.
"""

from __future__ import annotations

import asyncio

WIDE = (100, 30)
SMALL = (60, 20)


async def _settle(pilot) -> None:
    for body in pilot.app.screen.query("LessonBody"):  # a lesson's sections fill in, then say Ready
        await asyncio.wait_for(body.ready.wait(), 30)
    await pilot.app.workers.wait_for_complete()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def _answers(pilot, ui, pattern) -> None:
    """Answer the open quiz per ``pattern`` (True right, False wrong), moving on after each."""
    for right in pattern:
        await ui.answer(pilot, right=right)
        await ui.next_question(pilot)


def test_home(snap_compare, mini_course, ui):
    assert snap_compare(ui.make_app(mini_course), terminal_size=WIDE, run_before=_settle)


def test_home_small(snap_compare, mini_course, ui):
    assert snap_compare(ui.make_app(mini_course), terminal_size=SMALL, run_before=_settle)


def test_lesson(snap_compare, mini_course, ui):
    assert snap_compare(ui.make_app(mini_course, lesson="basics"), terminal_size=WIDE, run_before=_settle)


def test_lesson_worked_table(snap_compare, mini_course, ui):
    app = ui.make_app(mini_course, lesson="basics")
    assert snap_compare(app, terminal_size=WIDE, press=["n", "n"], run_before=_settle)


def test_explorer(snap_compare, mini_course, ui):
    async def focus_explorer(pilot) -> None:
        await _settle(pilot)
        for _ in range(4):
            await pilot.press("n")
        pilot.app.screen.query_one("ProbabilityExplorerWidget").focus()
        await pilot.press("right", "right", "right")
        await _settle(pilot)

    app = ui.make_app(mini_course, lesson="basics")
    assert snap_compare(app, terminal_size=WIDE, run_before=focus_explorer)


def test_quiz_question(snap_compare, mini_course, ui):
    assert snap_compare(ui.make_app(mini_course, quiz="basics"), terminal_size=WIDE, run_before=_settle)


def test_quiz_question_small(snap_compare, mini_course, ui):
    assert snap_compare(ui.make_app(mini_course, quiz="basics"), terminal_size=SMALL, run_before=_settle)


def test_answer_feedback_with_slip(snap_compare, mini_course, ui):
    async def slip(pilot) -> None:
        await _settle(pilot)
        await _answers(pilot, ui, [True, True])
        await pilot.press(*"0.30", "enter")  # the log-base-10 slip
        await _settle(pilot)

    assert snap_compare(ui.make_app(mini_course, quiz="basics"), terminal_size=WIDE, run_before=slip)


def test_numeric_question_refused_input(snap_compare, mini_course, ui):
    async def refused(pilot) -> None:
        await _settle(pilot)
        await _answers(pilot, ui, [True, True])
        await pilot.press(*"1..5", "enter")
        await _settle(pilot)

    assert snap_compare(ui.make_app(mini_course, quiz="basics"), terminal_size=WIDE, run_before=refused)


def test_results(snap_compare, mini_course, ui):
    async def finish(pilot) -> None:
        await _settle(pilot)
        await _answers(pilot, ui, [True, False, True, False])
        await _settle(pilot)

    assert snap_compare(ui.make_app(mini_course, quiz="basics"), terminal_size=WIDE, run_before=finish)


def test_help(snap_compare, mini_course, ui):
    app = ui.make_app(mini_course, quiz="basics")
    assert snap_compare(app, terminal_size=WIDE, press=["question_mark"], run_before=_settle)


def test_too_small(snap_compare, mini_course, ui):
    assert snap_compare(ui.make_app(mini_course), terminal_size=(30, 10), run_before=_settle)
