"""Exercise results in the progress store: a v2 migration that keeps every v1 row, and the latest
result per exercise."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tutor.progress import open_store
from tutor.progress.schema import APPLICATION_ID, LATEST, MIGRATIONS
from tutor.progress.store import FILENAME


def _v1_file(path: Path) -> None:
    """A progress file as ce-tutor wrote it before exercises existed, with one answer in it."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    MIGRATIONS[0](db)
    db.execute(
        "INSERT INTO answers (lesson_id, question_id, given, correct, skipped, at)"
        " VALUES ('bce', 'q1', '0.69', 1, 0, '2025-03-01T09:00:00.000+00:00')"
    )
    db.execute("PRAGMA user_version = 1")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.close()


def test_a_v1_file_is_upgraded_in_place_and_keeps_its_answers(tmp_path: Path) -> None:
    _v1_file(tmp_path / FILENAME)
    with open_store(tmp_path) as store:
        assert store.status.kind == "ok", store.status
        assert [answer["given"] for answer in store.export()["answers"]] == ["0.69"]
        assert store.exercise_results() == {}
        store.record_exercise_result("bce", True)
    db = sqlite3.connect(tmp_path / FILENAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST >= 2
    assert db.execute("SELECT exercise, passed FROM exercise_results").fetchall() == [("bce", 1)]
    db.close()


def test_the_latest_result_of_each_exercise_counts(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.record_exercise_result("bce", False)
        store.record_exercise_result("softmax", True)
        store.record_exercise_result("bce", True)
        store.record_exercise_result("softmax", False)
    with open_store(tmp_path) as store:
        assert store.exercise_results() == {"bce": True, "softmax": False}
