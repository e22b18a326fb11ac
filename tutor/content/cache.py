"""A cache of the validated course, so start-up does not re-parse and re-validate unchanged YAML.

Validation is the slow part of loading (a 15 KB lesson costs several ms, most of it in PyYAML's
node construction, which no loader option avoids). The cache key is a hash of ce-tutor's version
and every course file's path and bytes, so any edit, however small, revalidates. An entry is data
only: the model encoded with msgspec (MessagePack), decoded against the model's types, with the
key stored inside and compared on read, so a planted or mismatched file is refused, never run.
A missing, stale, unreadable or corrupt entry is ignored and rebuilt, and a cache that cannot be
written is skipped. ``ce-tutor check`` never uses it.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import msgspec

from tutor import __version__
from tutor.content.errors import SourceError
from tutor.content.files import read_regular_file
from tutor.content.limits import MAX_FILE_BYTES
from tutor.content.model import Course


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
    for path in [root / "course.yaml", *sorted((root / "lessons").glob("*.yaml"))]:
        digest.update(str(path.resolve()).encode())
        try:  # never a FIFO, a device or a link out of the course: the loader refuses those too
            digest.update(read_regular_file(path, inside, MAX_FILE_BYTES))
        except SourceError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()


def load_course_cached(root: Path | str, directory: Path | None = None) -> Course:
    """Like ``load_course``, but reuses the validated model when no file has changed."""
    root = Path(root)
    entry = None
    if root.is_dir():
        place = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:12]
        key = course_key(root)
        entry = (directory or cache_dir()) / f"course-{place}-{key}.msgpack"
        cached = _read(entry, key)
        if cached is not None:
            return cached
    from tutor.content.loader import load_course  # PyYAML and the validators: only on a miss

    course = load_course(root)
    if entry is not None:
        _write(entry, Entry(key, course))
    return course


def _read(entry: Path, key: str) -> Course | None:
    """The course in ``entry`` if it decodes as one and was built for ``key``; else None."""
    try:
        cached = _DECODER.decode(entry.read_bytes())
    except (OSError, msgspec.DecodeError):
        return None
    return cached.course if cached.key == key else None


def _write(entry: Path, data: Entry) -> None:
    """Write atomically (temp file + rename) so a crash never leaves a half-written entry."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        stale_prefix = entry.name.rsplit("-", 1)[0]
        for old in entry.parent.glob(f"{stale_prefix}-*.msgpack"):
            old.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile(dir=entry.parent, delete=False, suffix=".tmp") as handle:
            handle.write(msgspec.msgpack.encode(data))
        os.replace(handle.name, entry)
    except OSError:
        pass
