"""Missed questions come back on an FSRS schedule; importing the store stays light."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from tutor.progress import open_store


def test_a_missed_question_comes_back_within_minutes(tmp_path: Path, clock) -> None:
    with open_store(tmp_path, clock=clock) as store:
        store.record_answer("bce", "q1", "0.5", False)
        assert store.due_reviews() == []
        assert store.due_reviews(clock.now + timedelta(minutes=2)) == [("bce", "q1")]


def test_a_question_answered_right_comes_back_later_than_a_miss(tmp_path: Path, clock) -> None:
    """Every answered question gets a card (issue 15): right is Good (10 minutes, then days), wrong Again."""
    with open_store(tmp_path, clock=clock) as store:
        store.record_answer("bce", "q1", "True", True)
        store.record_answer("bce", "q2", "False", False)
        assert store.due_reviews(clock.now + timedelta(minutes=2)) == [("bce", "q2")]
        assert store.due_reviews(clock.now + timedelta(minutes=10)) == [("bce", "q2"), ("bce", "q1")]


def test_a_skip_is_a_miss(tmp_path: Path, clock) -> None:
    with open_store(tmp_path, clock=clock) as store:
        store.record_answer("bce", "q1", "", False, skipped=True)
        assert store.due_reviews(clock.now + timedelta(minutes=2)) == [("bce", "q1")]


def _next_due(store, clock) -> timedelta:
    """How long until the one card is due (searching forward in minutes, then days)."""
    for step in [timedelta(minutes=m) for m in range(1, 60)] + [timedelta(days=d) for d in range(1, 400)]:
        if store.due_reviews(clock.now + step):
            return step
    raise AssertionError("never due")


def test_right_answers_space_reviews_out_and_a_lapse_brings_the_question_back(tmp_path: Path, clock) -> None:
    with open_store(tmp_path, clock=clock) as store:
        store.record_answer("bce", "q1", "0.5", False)
        gaps = []
        for _ in range(5):
            gap = _next_due(store, clock)
            gaps.append(gap)
            clock.advance(seconds=gap.total_seconds())
            store.record_answer("bce", "q1", "0.69", True)
        assert gaps == sorted(gaps) and gaps[-1] >= timedelta(days=7), gaps
        store.record_answer("bce", "q1", "0.5", False)
        assert _next_due(store, clock) <= timedelta(minutes=10)


def test_due_reviews_come_most_overdue_first_and_skip_questions_the_course_lost(tmp_path: Path, clock, course) -> None:
    with open_store(tmp_path, clock=clock) as store:
        store.record_answer("bce", "q2", "x", False)
        clock.advance(seconds=5)
        store.record_answer("intro", "q1", "x", False)
        store.record_answer("gone", "q1", "x", False)
        later = clock.now + timedelta(hours=1)
        assert store.due_reviews(later) == [("bce", "q2"), ("gone", "q1"), ("intro", "q1")]
        assert store.due_reviews(later, course) == [("bce", "q2"), ("intro", "q1")]


def test_importing_the_store_loads_no_heavy_or_ui_modules() -> None:
    code = (
        "import sys, tutor.progress, tutor.cli_progress; "
        "print(sorted(m for m in ('fsrs', 'platformdirs', 'plotext', 'numpy', 'textual') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
