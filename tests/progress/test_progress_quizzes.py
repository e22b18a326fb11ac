"""Schema v3: answers keep the question as asked, unfinished quizzes are kept; writes made together
are saved together; the same store runs in memory."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from tutor.progress import open_memory_store, open_store
from tutor.progress.schema import APPLICATION_ID, LATEST, MIGRATIONS
from tutor.progress.store import FILENAME


def _v2_file(path: Path) -> None:
    """A progress file as ce-tutor wrote it before v3, with one answer in it."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    for step in MIGRATIONS[:2]:
        step(db)
    db.execute(
        "INSERT INTO answers (lesson_id, question_id, given, correct, skipped, at)"
        " VALUES ('bce', 'q1', '0.69', 1, 0, '2025-03-01T09:00:00.000+00:00')"
    )
    db.execute("PRAGMA user_version = 2")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.close()


def test_a_v2_file_is_upgraded_in_place_and_keeps_its_answers(tmp_path: Path) -> None:
    _v2_file(tmp_path / FILENAME)
    with open_store(tmp_path) as store:
        assert store.status.kind == "ok", store.status
        assert [(a["given"], a["prompt"]) for a in store.export()["answers"]] == [("0.69", "")]
        assert store.last_prompt("bce", "q1") == "" and store.open_quizzes() == {}
        store.record_answer("bce", "q1", "0.7", True, prompt="−log 0.5?")
        store.save_quiz("bce", "{}")
        assert store.last_prompt("bce", "q1") == "−log 0.5?"
    db = sqlite3.connect(tmp_path / FILENAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST == 3
    db.close()


def test_unfinished_quizzes_are_kept_replaced_and_dropped(clock) -> None:
    with open_memory_store(clock) as store:
        store.save_quiz("bce", "one")
        clock.advance(minutes=1)
        store.save_quiz("bce", "two")
        store.save_quiz("intro", "three")
        assert store.open_quizzes() == {"bce": ("two", clock.now), "intro": ("three", clock.now)}
        store.drop_quiz("bce")
        assert set(store.open_quizzes()) == {"intro"}
        assert store.export()["open_quizzes"] == [
            {"lesson_id": "intro", "state": "three", "at": clock.now.isoformat(timespec="milliseconds")}
        ]
        store.reset()
        assert store.open_quizzes() == {}


def test_writes_made_together_are_saved_as_one(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    saboteur = sqlite3.connect(tmp_path / FILENAME)
    saboteur.execute("CREATE TRIGGER full BEFORE INSERT ON open_quizzes BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    saboteur.commit()
    with store.together():
        store.record_answer("intro", "q1", "x", False)
        store.save_quiz("intro", "state")
        assert store.export()["answers"] == []  # nothing written before the block ends
    assert not store.status.saving
    assert store.export()["answers"] == [] and store.open_quizzes() == {}  # all or nothing
    saboteur.execute("DROP TRIGGER full")
    saboteur.commit()
    saboteur.close()

    def buggy() -> None:
        with store.together():
            store.record_answer("intro", "q1", "x", False)
            raise RuntimeError("a bug mid-way")

    with pytest.raises(RuntimeError):
        buggy()
    assert store.export()["answers"] == []  # a block that raises writes nothing
    with store.together(), store.together():  # nested: the outer block writes
        store.record_answer("intro", "q1", "x", False)
    # the block that could not be saved was kept whole and is saved first, now that saving works
    answers = store.export()["answers"]
    assert len(answers) == 2 and store.status.saving and store.open_quizzes()["intro"][0] == "state"
    store.close()


def test_the_review_schedule_lists_every_card_soonest_first(course, clock) -> None:
    with open_memory_store(clock) as store:
        store.record_answer("bce", "q1", "x", True)  # Good: 10 minutes
        store.record_answer("intro", "q2", "x", False)  # Again: 1 minute
        store.record_answer("gone", "q1", "x", False)
        assert store.review_dues(course) == [
            ("intro", "q2", clock.now + timedelta(minutes=1)),
            ("bce", "q1", clock.now + timedelta(minutes=10)),
        ]
        assert len(store.review_dues()) == 3
        assert store.now() == clock.now


def test_a_memory_store_saves_for_its_lifetime_and_says_all_is_well() -> None:
    with open_memory_store() as store:
        assert store.status.kind == "ok" and store.status.message == "" and store.status.path is None
        store.record_position("intro", 2)
        assert store.last_position() == ("intro", 2) and store.last_position_at() is not None
