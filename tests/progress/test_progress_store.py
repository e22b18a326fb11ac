"""What the store remembers, and how it reads back: positions, answers, scores, stats, export."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from tutor.progress import LessonState, open_store, resolve_data_dir
from tutor.progress.schema import APPLICATION_ID, LATEST


def test_a_fresh_store_is_a_wal_sqlite_file_marked_as_ours(tmp_path: Path) -> None:
    with open_store(tmp_path / "home") as store:
        assert store.status.kind == "ok" and store.status.saving and store.status.message == ""
        assert store.status.path == tmp_path / "home" / "progress.db"
    db = sqlite3.connect(tmp_path / "home" / "progress.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_the_data_dir_argument_beats_the_environment_which_beats_platformdirs(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CE_TUTOR_HOME", str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "arg") == tmp_path / "arg"
    assert resolve_data_dir() == tmp_path / "env"
    monkeypatch.delenv("CE_TUTOR_HOME")
    assert resolve_data_dir().name == "ce-tutor"


def test_the_last_position_is_the_latest_recorded_and_survives_a_reopen(tmp_path: Path, clock) -> None:
    with open_store(tmp_path, clock=clock) as store:
        assert store.last_position() is None
        store.record_position("intro", 0)
        store.record_position("bce", 3)
        store.record_position("intro", 2)  # same moment: the later call still wins
    with open_store(tmp_path, clock=clock) as store:
        assert store.last_position() == ("intro", 2)
        assert store.last_position("bce") == ("bce", 3)  # where to resume each lesson
        assert store.last_position("unseen") is None


def test_answers_are_kept_with_utc_timestamps(tmp_path: Path, clock) -> None:
    with open_store(tmp_path, clock=clock) as store:
        store.record_answer("intro", "q1", "True", True)
        store.record_answer("intro", "q2", "", False, skipped=True)
    with open_store(tmp_path, clock=clock) as store:
        answers = store.export()["answers"]
    assert [(a["question_id"], a["given"], a["correct"], a["skipped"]) for a in answers] == [
        ("q1", "True", True, False),
        ("q2", "", False, True),
    ]
    assert datetime.fromisoformat(answers[0]["at"]) == clock.now
    assert answers[0]["at"].endswith("+00:00")


def test_lesson_states_go_from_new_to_in_progress_to_done_with_the_best_score(tmp_path: Path, course, clock) -> None:
    with open_store(tmp_path, clock=clock) as store:
        assert store.lesson_states(course) == {"intro": LessonState("new"), "bce": LessonState("new")}
        store.record_position("intro", 1)
        store.record_answer("bce", "q1", "False", False)
        assert {k: v.state for k, v in store.lesson_states(course).items()} == {
            "intro": "in progress",
            "bce": "in progress",
        }
        store.record_score("bce", 2, 3)
        store.record_score("bce", 3, 3)
        store.record_score("bce", 1, 3)
        assert store.lesson_states(course)["bce"] == LessonState("done", 3, 3)


def test_an_impossible_score_is_a_programming_error(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        for score, total in ((4, 3), (-1, 3), (0, 0)):
            with pytest.raises(ValueError):
                store.record_score("intro", score, total)


def test_stats_count_attempts_and_accuracy_per_lesson_and_per_day(tmp_path: Path, course, clock) -> None:
    with open_store(tmp_path, clock=clock) as store:
        store.record_answer("intro", "q1", "True", True)
        store.record_answer("intro", "q2", "False", False)
        store.record_answer("gone", "q9", "1", True)  # a lesson the course no longer has
        clock.advance(days=1)
        store.record_answer("bce", "q1", "True", True)
        store.record_answer("bce", "q2", "", False, skipped=True)
        store.record_answer("bce", "q3", "True", True)
        store.record_score("bce", 2, 3)
        clock.advance(days=1)
        stats = store.stats(course)
    intro, bce = stats.lessons
    assert (intro.lesson_id, intro.attempts, intro.correct, intro.accuracy) == ("intro", 2, 1, 0.5)
    assert (bce.attempts, bce.correct, bce.best_score, bce.best_total) == (3, 2, 2, 3)
    assert (stats.attempts, stats.correct) == (5, 3)
    assert [(d.date, d.attempts, d.correct) for d in stats.days] == [("2025-03-01", 2, 1), ("2025-03-02", 3, 2)]
    assert stats.due == 5  # every answer schedules its question; two days on, all five are due


def test_stats_of_an_empty_store(tmp_path: Path, course) -> None:
    with open_store(tmp_path) as store:
        stats = store.stats(course)
    assert stats.attempts == 0 and stats.accuracy is None and stats.days == () and stats.due == 0
    assert all(lesson.accuracy is None for lesson in stats.lessons)


def test_export_is_json_and_holds_everything(tmp_path: Path, clock) -> None:
    with open_store(tmp_path, clock=clock) as store:
        store.record_position("intro", 1)
        store.record_answer("intro", "q1", "0.7 ± ≈", False)
        store.record_score("intro", 1, 2)
        data = json.loads(json.dumps(store.export()))
    assert data["schema"] == LATEST
    assert data["positions"] == [{"lesson_id": "intro", "section": 1, "at": "2025-03-01T09:00:00.000+00:00"}]
    assert data["answers"][0]["given"] == "0.7 ± ≈"
    assert data["scores"][0]["score"] == 1
    assert data["reviews"][0]["question_id"] == "q1" and data["reviews"][0]["card"]["state"] == 1


def test_reset_deletes_all_progress_but_keeps_a_working_file(tmp_path: Path, course) -> None:
    with open_store(tmp_path) as store:
        store.record_position("intro", 1)
        store.record_answer("intro", "q1", "x", False)
        store.record_score("intro", 1, 2)
        store.reset()
        assert store.last_position() is None
        assert store.export()["answers"] == [] and store.export()["reviews"] == []
        assert store.lesson_states(course)["intro"] == LessonState("new")
    with open_store(tmp_path) as store:
        assert store.status.kind == "ok" and store.export()["scores"] == []


def test_a_failing_write_is_reported_in_status_not_raised(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    saboteur = sqlite3.connect(tmp_path / "progress.db")
    saboteur.execute("CREATE TRIGGER full BEFORE INSERT ON answers BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    saboteur.commit()
    store.record_answer("intro", "q1", "x", False)
    assert not store.status.saving and "disk full" in store.status.message
    assert store.export()["answers"] == [] and store.export()["reviews"] == []  # all or nothing
    saboteur.execute("DROP TRIGGER full")
    saboteur.commit()
    store.record_answer("intro", "q1", "x", False)
    assert store.status.kind == "ok" and len(store.export()["answers"]) == 2  # the kept one, then the new one
    saboteur.close()
    store.close()
