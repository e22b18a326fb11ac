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


async def _focus_explorer(pilot) -> None:
    await _settle(pilot)
    for _ in range(4):
        await pilot.press("n")
    pilot.app.screen.query_one("ProbabilityExplorerWidget").focus()
    await pilot.press("right", "right", "right")
    await _settle(pilot)


def test_explorer(snap_compare, mini_course, ui):
    app = ui.make_app(mini_course, lesson="basics")
    assert snap_compare(app, terminal_size=WIDE, run_before=_focus_explorer)


def test_explorer_80x24(snap_compare, mini_course, ui):
    """The compact readout above the plot: the numbers and the marker on one screen."""
    app = ui.make_app(mini_course, lesson="basics")
    assert snap_compare(app, terminal_size=(80, 24), run_before=_focus_explorer)


def test_home_80x24(snap_compare, mini_course, ui):
    assert snap_compare(ui.make_app(mini_course), terminal_size=(80, 24), run_before=_settle)


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


def _fixed_clock():
    """A store clock that does not move: "next in 1 min" must not depend on how long the test takes."""
    from datetime import datetime, timezone

    return lambda: datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)


def test_home_with_the_review_schedule(snap_compare, mini_course, ui):
    from tutor.study import Progress

    async def quiz_then_home(pilot) -> None:
        await _settle(pilot)
        await pilot.press("t")
        await _answers(pilot, ui, [True, False, True, True])
        await pilot.press("escape")
        await _settle(pilot)

    app = ui.make_app(mini_course, progress=Progress.in_memory(mini_course, _fixed_clock()))
    assert snap_compare(app, terminal_size=(80, 24), run_before=quiz_then_home)


def test_leave_quiz_dialog(snap_compare, mini_course, ui):
    async def answer_then_escape(pilot) -> None:
        await _settle(pilot)
        await _answers(pilot, ui, [True])
        await pilot.press("escape")
        await _settle(pilot)

    assert snap_compare(ui.make_app(mini_course, quiz="basics"), terminal_size=(80, 24), run_before=answer_then_escape)


def test_results_small(snap_compare, mini_course, ui):
    async def finish(pilot) -> None:
        await _settle(pilot)
        await pilot.press("enter", "t")
        await _answers(pilot, ui, [True, False, True, False])
        await _settle(pilot)

    assert snap_compare(ui.make_app(mini_course), terminal_size=SMALL, run_before=finish)


def test_first_answer_counts_after_a_take_back(snap_compare, mini_course, ui):
    async def retake(pilot) -> None:
        await _settle(pilot)
        await ui.answer(pilot, right=False)
        await pilot.press("u")
        await ui.answer(pilot, right=True)
        await _settle(pilot)

    assert snap_compare(ui.make_app(mini_course, quiz="basics"), terminal_size=(80, 24), run_before=retake)


def test_review_results(snap_compare, mini_course, ui):
    """Two questions missed a while ago, reviewed: when each comes back."""
    from datetime import datetime, timedelta, timezone

    from tutor.study import Progress

    times = [datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)]
    progress = Progress.in_memory(mini_course, lambda: times[0])
    progress.store.record_answer("basics", "tf", "False", False)
    progress.store.record_answer("basics", "num", "0.3", False)
    times[0] += timedelta(minutes=2)

    async def review(pilot) -> None:
        await _settle(pilot)
        await _answers(pilot, ui, [True, False])
        await _settle(pilot)

    app = ui.make_app(mini_course, review=True, progress=progress)
    assert snap_compare(app, terminal_size=(80, 24), run_before=review)
