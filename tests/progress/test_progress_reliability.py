"""The store survives kill -9, damaged or foreign files, newer versions, two writers, unwritable dirs."""

from __future__ import annotations

import itertools
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tutor.progress import open_store
from tutor.progress.schema import APPLICATION_ID, LATEST

# Records ``count`` answers from ``first``, printing each id only after its commit returned.
# Several writers can share a start line (a file to wait for). A writer given the lesson of
# another (``other``) never gets more than ``LEAD`` answers ahead of it: at every LEAD-th answer
# it waits until the other has caught up to within LEAD, so the two are sure to take turns
# however the machine schedules them (a writer in a tight loop would otherwise retake the lock
# before a waiting one's busy handler wakes, and under load one could finish before the other
# started).
WRITER = """
import sqlite3
import sys
import time
from pathlib import Path
from tutor.progress import open_store

data_dir, first, count, lesson, other, lead, start = sys.argv[1:8]
store = open_store(Path(data_dir))
if store.status.kind != "ok":
    sys.exit(f"bad status: {store.status}")
if start:
    print("ready", flush=True)
while start and not Path(start).exists():
    time.sleep(0.001)
reader = sqlite3.connect(Path(data_dir) / "progress.db")
lead = int(lead)

def answers(lesson_id):
    return reader.execute("SELECT COUNT(*) FROM answers WHERE lesson_id = ?", (lesson_id,)).fetchone()[0]

for done, i in enumerate(range(int(first), int(first) + int(count))):
    if other and done and done % lead == 0:
        while answers(other) < min(done - lead, int(count) - lead):
            time.sleep(0.001)
    store.record_answer(lesson, f"q{i % 7}", str(i), i % 3 == 0)
    if i % 5 == 0:
        store.record_position(lesson, i)
    if not store.status.saving:
        sys.exit(f"lost answer {i}: {store.status.message}")
    print(i, flush=True)
"""
LEAD = 15


def _writer(
    data_dir: Path, first: int, count: int, lesson: str = "kill", other: str = "", start: Path | str = ""
) -> subprocess.Popen:
    args = [str(data_dir), str(first), str(count), lesson, other, str(LEAD), str(start)]
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _given(data_dir: Path) -> list[int]:
    db = sqlite3.connect(data_dir / "progress.db")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    values = [int(row[0]) for row in db.execute("SELECT given FROM answers")]
    db.close()
    return values


# ----- kill -9 ----------------------------------------------------------------------------


def test_kill_9_at_random_moments_loses_at_most_the_answer_in_flight(tmp_path: Path) -> None:
    """Each round kills a writer after a random number of answers it reported saved (0: as soon
    as it starts, maybe before the store opened), a random moment into the next: counted in
    answers, not seconds, so a slow machine changes nothing."""
    rng = random.Random(20250301)
    committed: set[int] = set()
    for round_, after in enumerate([0, *(rng.randrange(1, 60) for _ in range(5))]):
        child = _writer(tmp_path, round_ * 1_000_000, 10**6)
        printed = set()
        for _ in range(after):
            line = child.stdout.readline()
            assert line, f"the writer stopped early: {child.stderr.read()}"
            printed.add(int(line))
        time.sleep(rng.uniform(0.0, 0.002))  # somewhere in the next answer's write
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        printed |= {int(line) for line in out.split()}
        with open_store(tmp_path) as store:  # also completes a store the kill caught opening
            assert store.status.kind == "ok", store.status
        stored = set(_given(tmp_path))
        assert committed | printed <= stored, "an answer reported as saved is missing"
        assert len(stored - committed - printed) <= 1, "more than the answer in flight appeared"
        assert len(printed) >= after
        committed = stored


# ----- damaged or foreign files -------------------------------------------------------------


def _foreign_db(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE cookies (host TEXT, value TEXT)")
    db.execute("INSERT INTO cookies VALUES ('example.org', 'x')")
    db.commit()
    db.close()


def _foreign_application(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("PRAGMA application_id = 1234")
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()


def _damaged_progress(path: Path) -> None:
    """A real progress file whose pages after the header are overwritten with garbage."""
    with open_store(path.parent) as store:
        for i in range(300):
            store.record_answer("intro", f"q{i}", "x" * 100, False)
    data = bytearray(path.read_bytes())
    data[4096:] = random.Random(1).randbytes(len(data) - 4096)
    path.write_bytes(bytes(data))


WRECKS = {
    "random bytes": lambda path: path.write_bytes(random.Random(7).randbytes(8192)),
    "text file": lambda path: path.write_text("these are my notes, not a database\n" * 50),
    "short file": lambda path: path.write_bytes(b"SQLite format 3\x00"),
    "another app's database": _foreign_db,
    "another app id": _foreign_application,
    "damaged progress": _damaged_progress,
}


@pytest.mark.parametrize("wreck", WRECKS.values(), ids=WRECKS.keys())
def test_an_unusable_file_is_moved_aside_kept_and_replaced(tmp_path: Path, wreck) -> None:
    path = tmp_path / "progress.db"
    wreck(path)
    original = path.read_bytes()
    with open_store(tmp_path) as store:
        assert store.status.kind == "moved-aside" and store.status.saving
        kept = list(tmp_path.glob("progress.db.unreadable-*"))
        assert len(kept) == 1 and kept[0].read_bytes() == original
        assert str(kept[0]) in store.status.message and "\n" not in store.status.message
        store.record_answer("intro", "q1", "1", True)
    with open_store(tmp_path) as store:
        assert store.status.kind == "ok" and len(store.export()["answers"]) == 1


def test_side_files_move_with_the_file_so_they_never_meet_the_new_one(tmp_path: Path) -> None:
    (tmp_path / "progress.db").write_text("not a database " * 100)
    for suffix in ("-wal", "-shm", "-journal"):
        (tmp_path / f"progress.db{suffix}").write_bytes(b"stale " + suffix.encode())
    with open_store(tmp_path) as store:
        assert store.status.kind == "moved-aside"
        store.record_answer("intro", "q1", "1", True)
    kept = next(p for p in tmp_path.glob("progress.db.unreadable-*") if p.name.endswith("Z"))
    for suffix in ("-wal", "-shm", "-journal"):
        assert Path(f"{kept}{suffix}").read_bytes() == b"stale " + suffix.encode()
    with open_store(tmp_path) as store:
        assert store.status.kind == "ok" and len(store.export()["answers"]) == 1


def test_moving_aside_twice_in_one_second_keeps_both_files(tmp_path: Path, clock) -> None:
    for text in ("first", "second"):
        (tmp_path / "progress.db").write_text(text * 100)
        open_store(tmp_path, clock=clock).close()
    kept = sorted(p.read_text() for p in tmp_path.glob("progress.db.unreadable-*"))
    assert kept == ["first" * 100, "second" * 100]


# ----- a newer schema -----------------------------------------------------------------------


def test_a_file_from_a_newer_version_is_refused_and_left_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE future (x)")
    db.execute(f"PRAGMA user_version = {LATEST + 1}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.commit()
    db.close()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    store = open_store(tmp_path)
    assert store.status.kind == "not-saving" and not store.status.saving
    assert "newer ce-tutor" in store.status.message and "not be saved" in store.status.message
    store.record_answer("intro", "q1", "1", False)  # the session still works, in memory
    store.record_position("intro", 2)
    assert store.last_position() == ("intro", 2)
    store.close()
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


# ----- two instances --------------------------------------------------------------------------


def test_two_instances_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    n, start = 150, tmp_path / "go"
    lessons = ("lesson1", "lesson2")
    children = [
        _writer(tmp_path, k * 10_000, n, lessons[k - 1], lessons[2 - k], start)  # each keeps within LEAD of the other
        for k in (1, 2)
    ]
    for child in children:
        assert child.stdout.readline() == "ready\n"  # store open, waiting at the start line
    start.touch()
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert len(out.split()) == n
    given = _given(tmp_path)
    assert sorted(given) == list(range(10_000, 10_000 + n)) + list(range(20_000, 20_000 + n))
    turns = sum(1 for a, b in itertools.pairwise(given) if a // 10_000 != b // 10_000)
    assert turns >= n // (2 * LEAD), "the two writers did not take turns; the test did not test concurrency"


# Opens a fresh store in each of ``rounds`` data dirs, each time when the parent draws a start line.
OPENER = """
import sys
import time
from pathlib import Path
from tutor.progress import open_store

root, rounds = Path(sys.argv[1]), int(sys.argv[2])
print("ready", flush=True)
for round_ in range(rounds):
    while not (root / f"go{round_}").exists():
        time.sleep(0.0005)
    store = open_store(root / f"home{round_}")
    store.close()
    print(store.status.kind, store.status.message, flush=True)
"""


def test_instances_starting_together_on_no_file_all_get_the_same_fresh_store(tmp_path: Path) -> None:
    rounds = 12
    openers = [
        subprocess.Popen(
            [sys.executable, "-c", OPENER, str(tmp_path), str(rounds)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(5)
    ]
    try:
        for opener in openers:
            assert opener.stdout.readline() == "ready\n"
        for round_ in range(rounds):
            (tmp_path / f"go{round_}").touch()
            for opener in openers:
                assert opener.stdout.readline() == "ok \n", f"round {round_}"
            names = {p.name for p in (tmp_path / f"home{round_}").iterdir()}
            assert names - {"progress.db-wal", "progress.db-shm"} == {"progress.db"}  # nothing moved or left over
    finally:
        for opener in openers:
            opener.kill()
            opener.communicate()


def test_without_hard_links_the_fresh_file_is_renamed_into_place(tmp_path: Path, monkeypatch) -> None:
    def no_links(*args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    with open_store(tmp_path) as store:
        assert store.status.kind == "ok"
        store.record_answer("intro", "q1", "x", True)
    assert [p.name for p in tmp_path.iterdir()] == ["progress.db"]


# ----- nowhere to write ------------------------------------------------------------------------


def test_an_uncreatable_data_dir_gives_a_store_that_works_without_saving(tmp_path: Path, course) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    store = open_store(blocker / "ce-tutor")
    assert store.status.kind == "not-saving"
    assert store.status.message.startswith("Progress will not be saved") and str(blocker) in store.status.message
    store.record_answer("intro", "q1", "x", False)
    store.record_score("intro", 1, 2)
    assert store.lesson_states(course)["intro"].state == "done"
    store.close()
    assert blocker.read_text() == "not a directory"


def test_a_read_only_data_dir_gives_a_store_that_works_without_saving(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o500)
    try:
        probe = home / "probe"
        try:
            probe.touch()
        except PermissionError:
            pass
        else:
            probe.unlink()
            pytest.skip(
                "permissions do not stop writes here (root or CAP_DAC_OVERRIDE); "
                "the uncreatable-dir test covers this path"
            )
        store = open_store(home)
        assert store.status.kind == "not-saving" and "not be saved" in store.status.message
        store.record_answer("intro", "q1", "x", False)
        store.close()
        assert list(home.iterdir()) == []
    finally:
        home.chmod(0o700)
