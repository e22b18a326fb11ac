"""The learner's progress in one SQLite file: positions, every answer, scores and review cards.

Opening never raises and never destroys anything. A damaged or foreign file is renamed aside
and a fresh one started; a file from a newer ce-tutor, or a directory that cannot be written,
gives an in-memory store so the tutor still runs. ``Store.status`` carries the one line to show.

Every write is its own ``BEGIN IMMEDIATE`` transaction in WAL mode with ``synchronous=FULL``:
a killed process loses at most the write in flight, and two instances queue on the write lock
(busy timeout) instead of failing. Times are UTC ISO-8601 strings, so they sort as text.

A write that fails (a full disk, a locked or damaged file) is kept in memory, in order, and
retried before the next write: nothing accepted is dropped, and ``status`` says "not saving"
until every kept write has been saved. ``on_status`` and ``on_note`` tell the UI at once.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import msgspec

from tutor.progress import schema
from tutor.progress.schema import NewerSchema

if TYPE_CHECKING:
    from tutor.content.model import Course

FILENAME = "progress.db"
BUSY_TIMEOUT_S = 10.0
_MAGIC = b"SQLite format 3\x00"
_SIDE_FILES = ("-wal", "-shm", "-journal")

Clock = Callable[[], datetime]
Work = Callable[[sqlite3.Connection], object]


class StoreStatus(msgspec.Struct, frozen=True):
    """How the store came up: ``message`` is one line for the learner, or "" when all is well."""

    kind: Literal["ok", "moved-aside", "not-saving"]
    path: Path | None
    message: str = ""

    @property
    def saving(self) -> bool:
        return self.kind != "not-saving"


class LessonState(msgspec.Struct, frozen=True):
    """``done`` once the lesson's quiz was finished; ``in progress`` once opened or answered."""

    state: Literal["new", "in progress", "done"]
    best_score: int | None = None
    best_total: int | None = None


class LessonStats(msgspec.Struct, frozen=True):
    lesson_id: str
    title: str
    attempts: int
    correct: int
    accuracy: float | None
    best_score: int | None
    best_total: int | None


class Day(msgspec.Struct, frozen=True):
    """Answers given on one UTC day."""

    date: str
    attempts: int
    correct: int
    accuracy: float | None


class Stats(msgspec.Struct, frozen=True):
    """Attempts and accuracy per lesson and per day (skips count as misses), and reviews due now."""

    lessons: tuple[LessonStats, ...]
    days: tuple[Day, ...]
    attempts: int
    correct: int
    accuracy: float | None
    due: int


class _Unusable(Exception):
    """The file is not a progress database this program can use; ``reason`` says what it is."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def resolve_data_dir(explicit: Path | None = None) -> Path:
    """Where progress lives: ``explicit`` (``--data-dir``), else ``$CE_TUTOR_HOME``, else the user data dir."""
    if explicit is not None:
        return Path(explicit).expanduser()
    if os.environ.get("CE_TUTOR_HOME"):
        return Path(os.environ["CE_TUTOR_HOME"]).expanduser()
    from platformdirs import user_data_dir  # not at import: ~7 ms, and often not needed

    return Path(user_data_dir("ce-tutor", appauthor=False))


def open_store(data_dir: Path | None = None, *, clock: Clock | None = None) -> Store:
    """Open the learner's progress under ``resolve_data_dir(data_dir)``; never raises (see ``status``).

    ``clock`` returns the current aware datetime; tests pass one to move time.
    """
    clock = clock or _utc_now
    directory = resolve_data_dir(data_dir)
    path = directory / FILENAME
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _in_memory(path, clock, f"Progress will not be saved: cannot create {directory} ({_why(exc)}).")
    try:
        return Store(_connect(path), StoreStatus("ok", path), clock)
    except NewerSchema as exc:
        return _in_memory(
            path,
            clock,
            f"Your progress file {path} is from a newer ce-tutor ({exc}): "
            "it was left untouched and progress will not be saved.",
        )
    except _Unusable as exc:
        return _replace(path, exc.reason, clock)
    except (OSError, sqlite3.Error) as exc:
        return _in_memory(path, clock, f"Progress will not be saved: cannot use {path} ({_why(exc)}).")


class Store:
    """Reads and writes progress; writes never raise for database trouble, they update ``status``."""

    def __init__(self, db: sqlite3.Connection, status: StoreStatus, clock: Clock) -> None:
        self._db = db
        self._db.row_factory = sqlite3.Row
        self._opened = status
        self._clock = clock
        self._status = status
        #: Writes that failed, oldest first: retried before each new write, never dropped.
        self._unsaved: list[Work] = []
        #: One-line notes for the learner made since opening (a damaged review card was reset, …).
        self.notes: list[str] = []
        #: Called with the new status whenever it changes, and with each new note: the UI shows them.
        self.on_status: Callable[[StoreStatus], None] | None = None
        self.on_note: Callable[[str], None] | None = None
        #: Writes collected by ``together()``, written as one transaction when it ends.
        self._batch: list[Work] | None = None

    @property
    def status(self) -> StoreStatus:
        """How saving goes: "not-saving" while any accepted write is still unsaved."""
        return self._status

    @property
    def unsaved(self) -> int:
        """How many accepted writes are kept in memory, waiting to be saved."""
        return len(self._unsaved)

    # ----- writes -------------------------------------------------------------------------

    def record_position(self, lesson_id: str, section: int) -> None:
        """Remember the section (index in ``Lesson.sections``) the learner is reading."""
        at = self._now()
        self._write(
            lambda db: db.execute(
                "INSERT OR REPLACE INTO positions (lesson_id, section, at) VALUES (?, ?, ?)",
                (lesson_id, section, _iso(at)),
            )
        )

    def record_answer(
        self, lesson_id: str, question_id: str, given: str, correct: bool, skipped: bool = False, *, prompt: str = ""
    ) -> None:
        """Log one graded answer (quiz, practice or review) and reschedule the question.

        Every answer rates the question's review card, creating it: a miss (or skip) Again, a
        correct answer Good. ``prompt`` is the question as asked (with its drawn numbers), so a
        review can ask it with other numbers.
        """
        at = self._now()
        recalled = correct and not skipped

        def work(db: sqlite3.Connection) -> None:
            db.execute(
                "INSERT INTO answers (lesson_id, question_id, given, correct, skipped, at, prompt)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (lesson_id, question_id, given, int(correct), int(skipped), _iso(at), prompt),
            )
            row = db.execute(
                "SELECT card FROM reviews WHERE lesson_id = ? AND question_id = ?", (lesson_id, question_id)
            ).fetchone()
            card, due = self._review(lesson_id, question_id, row["card"] if row else None, recalled, at)
            db.execute(
                "INSERT OR REPLACE INTO reviews (lesson_id, question_id, card, due) VALUES (?, ?, ?, ?)",
                (lesson_id, question_id, card, _iso(due)),
            )

        self._write(work)

    def record_score(self, lesson_id: str, score: int, total: int) -> None:
        """Record a finished quiz: ``score`` right out of ``total``."""
        if not 0 <= score <= total or total < 1:
            raise ValueError(f"a score must satisfy 0 <= score <= total, total >= 1; got {score}/{total}")
        at = self._now()
        self._write(
            lambda db: db.execute(
                "INSERT INTO scores (lesson_id, score, total, at) VALUES (?, ?, ?, ?)",
                (lesson_id, score, total, _iso(at)),
            )
        )

    def reset(self) -> None:
        """Delete all progress (the file stays, empty)."""

        def work(db: sqlite3.Connection) -> None:
            for table in ("positions", "answers", "scores", "reviews", "open_quizzes"):
                db.execute(f"DELETE FROM {table}")

        self._write(work)

    # ----- reads --------------------------------------------------------------------------

    def last_position(self, lesson_id: str | None = None) -> tuple[str, int] | None:
        """The lesson and section seen last, or None before any; with ``lesson_id``, within that lesson."""
        row = self._db.execute(
            "SELECT lesson_id, section FROM positions WHERE ? IS NULL OR lesson_id = ?"
            " ORDER BY at DESC, rowid DESC LIMIT 1",
            (lesson_id, lesson_id),
        ).fetchone()
        return (row["lesson_id"], row["section"]) if row else None

    def lesson_states(self, course: Course) -> dict[str, LessonState]:
        """Each course lesson's state and best score, for the course map."""
        best = self._best_scores()
        started = {
            row[0] for row in self._db.execute("SELECT lesson_id FROM positions UNION SELECT lesson_id FROM answers")
        }
        states: dict[str, LessonState] = {}
        for lesson in course.lessons:
            if lesson.id in best:
                states[lesson.id] = LessonState("done", *best[lesson.id])
            else:
                states[lesson.id] = LessonState("in progress" if lesson.id in started else "new")
        return states

    def due_reviews(self, now: datetime | None = None, course: Course | None = None) -> list[tuple[str, str]]:
        """(lesson id, question id) of the questions due by ``now``, most overdue first.

        With ``course``, questions it no longer has are left out.
        """
        rows = self._db.execute(
            "SELECT lesson_id, question_id FROM reviews WHERE due <= ? ORDER BY due, lesson_id, question_id",
            (_iso(now or self._now()),),
        )
        due = [(row[0], row[1]) for row in rows]
        if course is None:
            return due
        known = {(lesson.id, question.id) for lesson in course.lessons for question in lesson.questions}
        return [item for item in due if item in known]

    def stats(self, course: Course, now: datetime | None = None) -> Stats:
        """Attempts and accuracy per course lesson and per UTC day, and the reviews due.

        Answers to lessons the course no longer has are left out.
        """
        ids = {lesson.id for lesson in course.lessons}
        per_lesson: dict[str, tuple[int, int]] = {}
        per_day: dict[str, tuple[int, int]] = {}
        for row in self._db.execute(
            "SELECT lesson_id, substr(at, 1, 10) AS day, COUNT(*) AS n, SUM(correct) AS k"
            " FROM answers GROUP BY lesson_id, day ORDER BY day"
        ):
            if row["lesson_id"] in ids:
                per_lesson[row["lesson_id"]] = _add(per_lesson.get(row["lesson_id"]), row["n"], row["k"])
                per_day[row["day"]] = _add(per_day.get(row["day"]), row["n"], row["k"])
        best = self._best_scores()
        lessons = tuple(
            LessonStats(
                lesson.id, lesson.title, *_counts(per_lesson.get(lesson.id, (0, 0))), *best.get(lesson.id, (None, None))
            )
            for lesson in course.lessons
        )
        days = tuple(Day(day, *_counts(counts)) for day, counts in per_day.items())
        attempts, correct = sum(item.attempts for item in lessons), sum(item.correct for item in lessons)
        return Stats(lessons, days, *_counts((attempts, correct)), len(self.due_reviews(now, course)))

    def export(self) -> dict[str, object]:
        """Everything stored, as JSON-able data; a damaged review card is exported as null, with a note."""
        rows = self._rows
        answers = rows("SELECT lesson_id, question_id, prompt, given, correct, skipped, at FROM answers ORDER BY id")
        for answer in answers:
            answer["correct"], answer["skipped"] = bool(answer["correct"]), bool(answer["skipped"])
        reviews = rows("SELECT lesson_id, question_id, due, card FROM reviews ORDER BY due")
        for item in reviews:
            item["card"] = _card_data(str(item["card"]))
            if item["card"] is None:
                self._note(
                    f"The review card of question {item['question_id']!r} in lesson {item['lesson_id']!r} is "
                    "damaged: exported as null (it is started afresh the next time the question is answered)."
                )
        return {
            "format": "ce-tutor progress",
            "schema": schema.LATEST,
            "exported_at": _iso(self._now()),
            "positions": rows("SELECT lesson_id, section, at FROM positions ORDER BY at"),
            "answers": answers,
            "scores": rows("SELECT lesson_id, score, total, at FROM scores ORDER BY id"),
            "reviews": reviews,
            "open_quizzes": rows("SELECT lesson_id, state, at FROM open_quizzes ORDER BY at"),
        }

    # ----- exercises (the exercise track's check results) ---------------------------------

    def record_exercise_result(self, exercise: str, passed: bool) -> None:
        """Log one check of an exercise file: passed or not."""
        at = self._now()
        self._write(
            lambda db: db.execute(
                "INSERT INTO exercise_results (exercise, passed, at) VALUES (?, ?, ?)",
                (exercise, int(passed), _iso(at)),
            )
        )

    def exercise_results(self) -> dict[str, bool]:
        """Whether the latest check of each exercise checked so far passed."""
        rows = self._db.execute("SELECT exercise, passed FROM exercise_results ORDER BY id")
        return {row[0]: bool(row[1]) for row in rows}

    # ----- quizzes in progress, review schedule, one transaction for several writes --------

    @contextmanager
    def together(self) -> Iterator[None]:
        """The writes made inside go to the database as one transaction, all or none: an answer
        and the quiz state it changes cannot be torn apart by a kill. Nothing is written if the
        block raises."""
        if self._batch is not None:  # already inside: the outer block writes
            yield
            return
        self._batch = []
        try:
            yield
            batch = self._batch
        finally:
            self._batch = None
        if batch:
            self._write(lambda db: [work(db) for work in batch])

    def save_quiz(self, lesson_id: str, state: str) -> None:
        """Keep the state of the lesson's unfinished quiz (``state`` is the study layer's text)."""
        at = self._now()
        self._write(
            lambda db: db.execute(
                "INSERT OR REPLACE INTO open_quizzes (lesson_id, state, at) VALUES (?, ?, ?)",
                (lesson_id, state, _iso(at)),
            )
        )

    def drop_quiz(self, lesson_id: str) -> None:
        """Forget the lesson's unfinished quiz (finished, or no longer resumable)."""
        self._write(lambda db: db.execute("DELETE FROM open_quizzes WHERE lesson_id = ?", (lesson_id,)))

    def open_quizzes(self) -> dict[str, tuple[str, datetime]]:
        """Each lesson's unfinished quiz: its saved state and when it was last answered."""
        rows = self._db.execute("SELECT lesson_id, state, at FROM open_quizzes")
        return {row[0]: (row[1], _parse(row[2])) for row in rows}

    def last_prompt(self, lesson_id: str, question_id: str) -> str:
        """The question as it was asked last (drawn numbers written in), or "" if never or not known."""
        row = self._db.execute(
            "SELECT prompt FROM answers WHERE lesson_id = ? AND question_id = ? ORDER BY id DESC LIMIT 1",
            (lesson_id, question_id),
        ).fetchone()
        return str(row[0]) if row else ""

    def review_dues(self, course: Course | None = None) -> list[tuple[str, str, datetime]]:
        """Every scheduled question and when it is due, soonest first; with ``course``, only its questions."""
        rows = self._db.execute("SELECT lesson_id, question_id, due FROM reviews ORDER BY due, lesson_id, question_id")
        dues = [(row[0], row[1], _parse(row[2])) for row in rows]
        if course is None:
            return dues
        known = {(lesson.id, question.id) for lesson in course.lessons for question in lesson.questions}
        return [item for item in dues if item[:2] in known]

    def last_position_at(self) -> datetime | None:
        """When a lesson position was recorded last, or None before any."""
        row = self._db.execute("SELECT MAX(at) FROM positions").fetchone()
        return _parse(row[0]) if row and row[0] else None

    def now(self) -> datetime:
        """The store's clock (UTC): tests move it, the screens read the time from it."""
        return self._now()

    # ----- lifetime -----------------------------------------------------------------------

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----- helpers ------------------------------------------------------------------------

    def _now(self) -> datetime:
        return self._clock().astimezone(timezone.utc)

    def _rows(self, sql: str) -> list[dict[str, object]]:
        return [dict(row) for row in self._db.execute(sql)]

    def _best_scores(self) -> dict[str, tuple[int, int]]:
        """Best score per lesson by ratio; among equal ratios the latest wins (rows come worst first)."""
        rows = self._db.execute(
            "SELECT lesson_id, score, total FROM scores ORDER BY CAST(score AS REAL) / total, at, id"
        )
        return {row[0]: (row[1], row[2]) for row in rows}

    def _write(self, work: Work) -> None:
        """Keep ``work``, then save every kept write in order, each in its own transaction.

        A database failure stops the round and goes to ``status`` (never up); the writes not yet
        saved stay kept, so the status turns back only once *they* are saved, not merely a later one.
        """
        if self._batch is not None:
            self._batch.append(work)
            return
        self._unsaved.append(work)
        while self._unsaved:
            try:
                _transaction(self._db, self._unsaved[0])
            except sqlite3.Error as exc:
                waiting = len(self._unsaved)
                self._set_status(
                    StoreStatus(
                        "not-saving",
                        self._opened.path,
                        f"Progress is not being saved: {_why(exc)} ({waiting} change(s) kept until saving works again).",
                    )
                )
                return
            self._unsaved.pop(0)
        self._set_status(self._opened)

    def _set_status(self, status: StoreStatus) -> None:
        """Keep the new status; tell ``on_status`` when saving stops or starts again (not on every failed write)."""
        changed = status.kind != self._status.kind
        self._status = status
        if changed and self.on_status is not None:
            self.on_status(status)

    def _note(self, note: str) -> None:
        self.notes.append(note)
        if self.on_note is not None:
            self.on_note(note)

    def _review(
        self, lesson_id: str, question_id: str, card: str | None, recalled: bool, at: datetime
    ) -> tuple[str, datetime]:
        """Rate the question's card; a damaged card is started afresh from this answer, with a note."""
        from tutor.progress.review import DamagedCard, review

        try:
            return review(card, recalled, at)
        except DamagedCard:
            self._note(
                f"The review schedule of question {question_id!r} in lesson {lesson_id!r} was damaged; "
                "it was started afresh."
            )
            return review(None, recalled, at)


# ----- opening ----------------------------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    """A connection to a usable, migrated progress file; raises _Unusable or NewerSchema first."""
    _check_header(path)
    if not path.exists():
        _create(path)
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    try:
        _check_contents(db)
        db.execute("PRAGMA journal_mode = WAL")  # already so, unless the file was empty
        db.execute("PRAGMA synchronous = FULL")
        _transaction(db, schema.migrate)
    except sqlite3.DatabaseError as exc:
        db.close()
        # NOTADB and CORRUPT arrive as DatabaseError itself; I/O, locking, read-only as subclasses.
        if type(exc) is sqlite3.DatabaseError:
            raise _Unusable("damaged") from exc
        raise
    except BaseException:
        db.close()
        raise
    return db


def _create(path: Path) -> None:
    """Build a complete WAL database beside ``path`` and hard-link it into place.

    Another instance starting at the same moment then sees no file or a finished one, never a
    half-made one (which it could take for a foreign file, or lock while switching it to WAL);
    if it linked first, its file is used. A kill meanwhile leaves only the temporary file.
    """
    temporary = path.with_name(f"{path.name}.new-{os.getpid()}")
    temporary.unlink(missing_ok=True)
    try:
        db = sqlite3.connect(temporary, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode = WAL")
            _transaction(db, schema.migrate)
        finally:
            db.close()
        try:
            os.link(temporary, path)  # atomic, and never replaces another instance's file
        except FileExistsError:
            pass
        except OSError:  # no hard links on this file system (some network or FAT drives)
            if not path.exists():
                temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def _check_header(path: Path) -> None:
    """Judge the file by its first 100 bytes, before SQLite opens (and so changes) anything."""
    try:
        with path.open("rb") as file:
            head = file.read(100)
    except FileNotFoundError:
        return
    if not head:
        return  # an empty file is an empty database
    if len(head) < 100 or not head.startswith(_MAGIC):
        raise _Unusable("not a SQLite database")
    version = int.from_bytes(head[60:64], "big", signed=True)
    application = int.from_bytes(head[68:72], "big")
    if application not in (0, schema.APPLICATION_ID):
        raise _Unusable("the database of another program")
    if application == schema.APPLICATION_ID and version > schema.LATEST:
        raise NewerSchema(version)


def _check_contents(db: sqlite3.Connection) -> None:
    """The authoritative check (it sees the WAL too) in one snapshot, before anything is written."""
    db.execute("BEGIN")
    try:
        application = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        healthy = db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        db.rollback()
    if application != schema.APPLICATION_ID and (application or tables):
        raise _Unusable(f"the database of another program (tables: {', '.join(tables) or 'none'})")
    if version > schema.LATEST:
        raise NewerSchema(version)
    if not healthy:
        raise _Unusable("damaged")


def _replace(path: Path, reason: str, clock: Clock) -> Store:
    """Move the unusable file aside (kept, never deleted) and start a fresh one."""
    try:
        kept = _move_aside(path, clock())
        notice = f"Your progress file was {reason}; it was kept as {kept} and a new one started."
        return Store(_connect(path), StoreStatus("moved-aside", path, notice), clock)
    except (OSError, sqlite3.Error, _Unusable, NewerSchema) as exc:
        return _in_memory(
            path, clock, f"Progress will not be saved: {path} is {reason} and could not be replaced ({_why(exc)})."
        )


def _move_aside(path: Path, now: datetime) -> Path:
    """Rename ``path`` (and SQLite's side files, which must not meet the new file) with a time suffix."""
    stem = f"{path.name}.unreadable-{now.astimezone(timezone.utc):%Y%m%dT%H%M%SZ}"
    target, n = path.with_name(stem), 1
    while target.exists():
        n += 1
        target = path.with_name(f"{stem}-{n}")
    path.rename(target)
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target


def open_memory_store(clock: Clock | None = None) -> Store:
    """A working store in memory, forgotten on exit: the same code as the file, for tests and
    for an app started without one."""
    return Store(_memory_db(), StoreStatus("ok", None), clock or _utc_now)


def _in_memory(path: Path, clock: Clock, message: str) -> Store:
    """A working store that forgets everything on exit: the tutor runs, the learner is told."""
    return Store(_memory_db(), StoreStatus("not-saving", path, message), clock)


def _memory_db() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:", isolation_level=None)
    _transaction(db, schema.migrate)
    return db


# ----- small helpers ----------------------------------------------------------------------


def _transaction(db: sqlite3.Connection, work: Callable[[sqlite3.Connection], object]) -> None:
    """``work`` inside BEGIN IMMEDIATE … COMMIT: taking the write lock first lets the busy
    timeout queue two writers, where a deferred transaction could fail on upgrade."""
    db.execute("BEGIN IMMEDIATE")
    try:
        work(db)
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.rollback()
        raise


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _card_data(card: str) -> object:
    """A stored card as JSON data, or None when it is not a card (a damaged row)."""
    from tutor.progress.review import DamagedCard, read_card

    try:
        read_card(card)
    except DamagedCard:
        return None
    return json.loads(card)


def _why(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _add(pair: tuple[int, int] | None, n: int, k: int) -> tuple[int, int]:
    return (n, k) if pair is None else (pair[0] + n, pair[1] + k)


def _counts(pair: tuple[int, int]) -> tuple[int, int, float | None]:
    """(attempts, correct) with the accuracy appended; None when there were no attempts."""
    attempts, correct = pair
    return attempts, correct, (correct / attempts if attempts else None)
