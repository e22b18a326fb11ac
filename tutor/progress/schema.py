"""The progress database's schema, one migration per version.

``PRAGMA user_version`` holds the version reached; ``PRAGMA application_id`` marks the file as
ours, so a SQLite file of another program is recognised rather than written into. To add a version,
write ``_vN(db)`` and append it to ``MIGRATIONS``: ``migrate`` runs whatever is missing, all in
the caller's transaction, so an interrupted upgrade leaves the old version intact.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

#: "CETU" in ASCII: written into the SQLite header of every progress file this program creates.
APPLICATION_ID = 0x43455455


def _v1(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE positions ( lesson_id TEXT PRIMARY KEY, section INTEGER NOT NULL, at TEXT NOT NULL)")
    db.execute(
        "CREATE TABLE answers ("
        " id INTEGER PRIMARY KEY,"
        " lesson_id TEXT NOT NULL,"
        " question_id TEXT NOT NULL,"
        " given TEXT NOT NULL,"
        " correct INTEGER NOT NULL CHECK (correct IN (0, 1)),"
        " skipped INTEGER NOT NULL CHECK (skipped IN (0, 1)),"
        " at TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX answers_by_lesson ON answers (lesson_id, at)")
    db.execute(
        "CREATE TABLE scores ("
        " id INTEGER PRIMARY KEY,"
        " lesson_id TEXT NOT NULL,"
        " score INTEGER NOT NULL CHECK (score >= 0),"
        " total INTEGER NOT NULL CHECK (total >= score AND total > 0),"
        " at TEXT NOT NULL)"
    )
    db.execute(
        "CREATE TABLE reviews ("
        " lesson_id TEXT NOT NULL,"
        " question_id TEXT NOT NULL,"
        " card TEXT NOT NULL,"
        " due TEXT NOT NULL,"
        " PRIMARY KEY (lesson_id, question_id))"
    )
    db.execute("CREATE INDEX reviews_by_due ON reviews (due)")


def _v2(db: sqlite3.Connection) -> None:
    """Exercise checks: one row per check result the learner caused (a save, ``exercises check``)."""
    db.execute(
        "CREATE TABLE exercise_results ("
        " id INTEGER PRIMARY KEY,"
        " exercise TEXT NOT NULL,"
        " passed INTEGER NOT NULL CHECK (passed IN (0, 1)),"
        " at TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX exercise_results_by_exercise ON exercise_results (exercise, id)")


def _v3(db: sqlite3.Connection) -> None:
    """Durable quizzes: each answer keeps the question as it was asked (a review of a generated
    question then draws other numbers), and a lesson quiz left unfinished keeps its state to resume."""
    db.execute("ALTER TABLE answers ADD COLUMN prompt TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE INDEX answers_by_question ON answers (lesson_id, question_id, id)")
    db.execute("CREATE TABLE open_quizzes ( lesson_id TEXT PRIMARY KEY, state TEXT NOT NULL, at TEXT NOT NULL)")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3]
LATEST = len(MIGRATIONS)


class NewerSchema(Exception):
    """The file was written by a newer ce-tutor; this one must not touch it."""

    def __init__(self, version: int) -> None:
        super().__init__(f"schema v{version}; this one knows up to v{LATEST}")
        self.version = version


def migrate(db: sqlite3.Connection) -> None:
    """Bring the schema to ``LATEST``; the caller holds a write transaction."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > LATEST:
        raise NewerSchema(version)
    if version == LATEST:
        return
    for step in MIGRATIONS[version:]:
        step(db)
    db.execute(f"PRAGMA user_version = {LATEST}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
