"""A cache of the validated course, so start-up does not re-parse and re-validate unchanged YAML.

Validation is the slow part of loading (a 15 KB lesson costs several ms, most of it in PyYAML's
node construction, which no loader option avoids). The cache key is a hash of ce-tutor's version
and every course file's path and bytes, so any edit, however small, revalidates. ``ce-tutor
check`` never uses it.

A cache entry is untrusted data, like the course itself:

* It holds data only: the model encoded with msgspec (MessagePack), decoded against the model's
  types, with the key stored inside and compared on read, so a planted or mismatched file is
  refused, never run. Its strings are checked for control and bidi characters as the loader
  checks the course (:func:`unsafe_text`), so an entry cannot carry what ``check`` refuses.
* The directory is created private (0700) and is used only when it is the user's own and
  nobody else can write to it; otherwise the cache is neither read nor written.
* An entry is read only when it is a regular file of at most ``MAX_ENTRY_BYTES`` (a FIFO or a
  device planted there cannot hang start-up).

A missing, stale, unreadable or refused entry is ignored and rebuilt. Writing is best effort and
leaves nothing behind: an entry is written to a private temporary file that is removed on every
failure, then renamed into place. The cache never competes with the progress store for the last
bytes of a disk: an entry is written only while the disk keeps at least
``max(MIN_FREE_BYTES, FREE_FACTOR × entry size)`` free (64 MB, or four entries' worth), so the
progress store (a few KB per session) still has room after the cache has taken its share.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path

import msgspec

from tutor import __version__
from tutor.content.errors import SourceError
from tutor.content.files import read_regular_file
from tutor.content.limits import MAX_COURSE_BYTES, MAX_FILE_BYTES
from tutor.content.model import NOTATION_FILE, Course
from tutor.safe_text import UNSAFE

#: An entry is about the size of the course's YAML (1.1× for the bundled course); larger is not ours.
MAX_ENTRY_BYTES = 4 * MAX_COURSE_BYTES
#: Free space an entry must leave on its disk: the larger of these two (see the module docstring).
MIN_FREE_BYTES = 64 << 20
FREE_FACTOR = 4
#: A temporary file this old belongs to a write that was killed; the next write removes it.
ABANDONED_AFTER_SECONDS = 3600
_TEMP_PREFIX, _TEMP_SUFFIX = ".course-", ".tmp"
#: Control characters as msgspec's JSON encoder writes them inside a string: C0 controls as
#: escapes (``\b``, ``\f``, ``\r``, ``\u001b``; ``\t`` and ``\n`` are allowed). A match is an escape
#: only after an even number of backslashes (``\\frac`` is a backslash and ``frac``): see
#: :func:`_escapes_control`. DEL, C1 and bidi controls are written as themselves (``safe_text.UNSAFE``).
_ESCAPED_CONTROL = re.compile(r"\\(?:[bfr]|u00[01][0-9a-f])")


class Entry(msgspec.Struct, frozen=True):
    """One cached course: the key it was built for, and the validated model."""

    key: str
    course: Course


_DECODER = msgspec.msgpack.Decoder(Entry)


def cache_dir() -> Path:
    """``$CE_TUTOR_HOME/cache`` when set, else the platform's user cache directory."""
    home = os.environ.get("CE_TUTOR_HOME")
    if home:
        return Path(home) / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("ce-tutor", appauthor=False))


def course_key(root: Path) -> str:
    """A digest of the version and every file of the course (paths and contents)."""
    digest = hashlib.sha256(__version__.encode())
    inside = root.resolve()
    for path in [root / "course.yaml", root / NOTATION_FILE, *sorted((root / "lessons").glob("*.yaml"))]:
        digest.update(str(path.resolve()).encode())
        try:  # never a FIFO, a device or a link out of the course: the loader refuses those too
            digest.update(read_regular_file(path, inside, MAX_FILE_BYTES))
        except SourceError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()


def load_course_cached(root: Path | str, directory: Path | None = None) -> Course:
    """Like ``load_course``, but reuses the validated model when no file has changed."""
    root = Path(root)
    directory = directory or cache_dir()
    entry = None
    if root.is_dir() and private_dir(directory):
        place = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:12]
        key = course_key(root)
        entry = directory / f"course-{place}-{key}.msgpack"
        cached = _read(entry, key)
        if cached is not None:
            return cached
    from tutor.content.loader import load_course  # PyYAML and the validators: only on a miss

    course = load_course(root)
    if entry is not None:
        _write(entry, Entry(key, course))
    return course


def private_dir(directory: Path) -> bool:
    """Is ``directory`` fit to hold cache entries? Created (0700) when missing; an existing one
    must be a directory owned by this user that neither group nor others can write to."""
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.stat(directory)
    except OSError:
        return False
    user = _user_id()
    owned = user is None or info.st_uid == user
    return stat.S_ISDIR(info.st_mode) and owned and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _user_id() -> int | None:
    """The effective user id (None where there is none: Windows); tests replace it to fake another owner."""
    geteuid = getattr(os, "geteuid", None)
    return geteuid() if geteuid is not None else None


def unsafe_text(course: Course) -> bool:
    """Does any string in ``course`` hold a character the loader refuses (control or bidi)?

    Encoding the model as JSON gathers every string (keys too) into one text that two regexes
    scan in C (about 0.2 ms per lesson), rather than walking the model in Python.
    """
    try:
        text = msgspec.json.encode(course).decode("utf-8")
    except msgspec.EncodeError:  # nothing the loader builds; refuse rather than guess
        return True
    return UNSAFE.search(text) is not None or _escapes_control(text)


def _escapes_control(json_text: str) -> bool:
    """Does ``json_text`` hold an escaped control character? Each candidate's backslash run is
    counted once (a regex with a look-behind was 50 times slower: it cannot skip ahead)."""
    for match in _ESCAPED_CONTROL.finditer(json_text):
        start = at = match.start()
        while at > 0 and json_text[at - 1] == "\\":
            at -= 1
        if (start - at) % 2 == 0:
            return True
    return False


def _read(entry: Path, key: str) -> Course | None:
    """The course in ``entry`` if it decodes as one, was built for ``key`` and holds only safe text; else None."""
    try:
        data = read_regular_file(entry, entry.parent.resolve(), MAX_ENTRY_BYTES)
        cached = _DECODER.decode(data) if len(data) <= MAX_ENTRY_BYTES else None
    except (SourceError, msgspec.DecodeError):
        return None
    if cached is None or cached.key != key or unsafe_text(cached.course):
        return None
    return cached.course


def _write(entry: Path, data: Entry) -> None:
    """Replace this course's entries with ``data``, atomically, leaving nothing behind on failure."""
    try:
        encoded = msgspec.msgpack.encode(data)
        _remove_stale(entry)
        if len(encoded) >= MAX_ENTRY_BYTES or not _room_for(entry.parent, len(encoded)):
            return
        _write_atomically(entry, encoded)
    except (OSError, msgspec.EncodeError):
        pass


def _remove_stale(entry: Path) -> None:
    """Entries of the same course built for other keys (never read again), and temporary files
    that a killed process left behind (old enough that no running write still owns them)."""
    stale_prefix = entry.name.rsplit("-", 1)[0]
    for old in entry.parent.glob(f"{stale_prefix}-*.msgpack"):
        with contextlib.suppress(OSError):  # one that cannot go must not stop the new entry
            old.unlink()
    for temporary in entry.parent.glob(f"{_TEMP_PREFIX}*{_TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            if time.time() - temporary.stat().st_mtime > ABANDONED_AFTER_SECONDS:
                temporary.unlink()


def _room_for(directory: Path, size: int) -> bool:
    return _free_bytes(directory) >= max(MIN_FREE_BYTES, FREE_FACTOR * size)


def _free_bytes(directory: Path) -> int:
    """Bytes an unprivileged writer may still use on ``directory``'s disk."""
    info = os.statvfs(directory)
    return info.f_bavail * info.f_frsize


def _write_atomically(entry: Path, data: bytes) -> None:
    """Write a private temporary file beside ``entry``, then rename it; on any failure remove it."""
    fd, name = tempfile.mkstemp(dir=entry.parent, prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(name, entry)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
