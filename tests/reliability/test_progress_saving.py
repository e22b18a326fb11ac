"""Saving failures stay visible until the same data is saved, and nothing accepted is dropped.

A failure is simulated as a disk that refuses writes to one table (a trigger raising "database
or disk is full"). Today's store once forgot a failed write as soon as a later, different write
succeeded: on a full disk 4 of 11 answers were saved with no warning at all.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tutor.progress import Store, StoreStatus, open_store


class Disk:
    """Makes one table of the progress file refuse writes, as a full disk would, and lets it recover."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path)

    def fill(self, table: str = "answers") -> None:
        self.db.execute(
            f"CREATE TRIGGER full_{table} BEFORE INSERT ON {table} "
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
        )
        self.db.commit()

    def free(self, table: str = "answers") -> None:
        self.db.execute(f"DROP TRIGGER full_{table}")
        self.db.commit()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path) as store:
        yield store


@pytest.fixture
def disk(store: Store) -> Iterator[Disk]:
    assert store.status.path is not None
    disk = Disk(store.status.path)
    yield disk
    disk.db.close()


def test_a_failed_write_is_not_forgotten_when_a_different_write_succeeds(store: Store, disk: Disk) -> None:
    disk.fill("answers")
    store.record_answer("intro", "q1", "0.5", False)
    assert not store.status.saving and "database or disk is full" in store.status.message
    store.record_position("intro", 2)  # positions could be written: the kept answer still cannot
    assert not store.status.saving and store.unsaved == 2
    assert store.last_position() is None  # kept in order, behind the answer
    disk.free("answers")
    store.record_position("intro", 3)
    assert store.status.kind == "ok" and store.unsaved == 0
    assert [a["given"] for a in store.export()["answers"]] == ["0.5"]
    assert store.last_position() == ("intro", 3)


def test_on_a_full_disk_every_answer_is_kept_and_saved_once_there_is_room(store: Store, disk: Disk) -> None:
    for i in range(4):
        store.record_answer("intro", f"q{i}", str(i), True)
    disk.fill("answers")
    for i in range(4, 11):
        store.record_answer("intro", f"q{i}", str(i), True)
        assert not store.status.saving  # from the first failure on, every time
    assert store.unsaved == 7 and len(store.export()["answers"]) == 4
    disk.free("answers")
    store.record_score("intro", 11, 11)
    assert store.status.kind == "ok"
    assert [a["given"] for a in store.export()["answers"]] == [str(i) for i in range(11)]


def test_the_ui_is_told_when_saving_stops_and_when_it_works_again(store: Store, disk: Disk) -> None:
    told: list[StoreStatus] = []
    store.on_status = told.append
    store.record_answer("intro", "q1", "x", True)
    assert told == []  # no change, nothing to say
    disk.fill("answers")
    store.record_answer("intro", "q2", "y", True)
    store.record_answer("intro", "q3", "z", True)
    assert [status.kind for status in told] == ["not-saving"]  # once, not at every failed write
    assert "(2 change(s) kept until saving works again)" in store.status.message
    disk.free("answers")
    store.record_position("intro", 1)
    assert [status.kind for status in told] == ["not-saving", "ok"]


def test_a_damaged_review_card_is_reset_with_a_one_line_note(store: Store) -> None:
    store.record_answer("intro", "q1", "x", False)  # a miss: the question gets a card
    store._db.execute("UPDATE reviews SET card = 'garbage{'")  # as another program might leave it
    notes: list[str] = []
    store.on_note = notes.append
    store.record_answer("intro", "q1", "y", True)
    assert store.status.kind == "ok" and len(notes) == 1 and "\n" not in notes[0]
    assert notes[0].startswith("The review schedule of question 'q1' in lesson 'intro' was damaged")
    card = store.export()["reviews"][0]["card"]
    assert isinstance(card, dict) and card["card_id"] > 0  # a fresh card, saved


@pytest.mark.parametrize("damage", ["garbage{", "[]", "{}", '{"card_id": "x"}', "null"])
def test_export_survives_a_damaged_card(store: Store, damage: str) -> None:
    store.record_answer("intro", "q1", "x", False)
    store._db.execute("UPDATE reviews SET card = ?", (damage,))
    data = store.export()
    assert data["reviews"][0]["card"] is None and len(store.notes) == 1
    assert "is damaged: exported as null" in store.notes[0]
