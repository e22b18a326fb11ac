"""A cache of the validated course, so start-up does not re-parse and re-validate unchanged YAML.

Validation is the slow part of loading (a 15 KB lesson costs several ms, most of it in PyYAML's
node construction, which no loader option avoids). The cache key is a hash of ce-tutor's version
and every course file's path and bytes, so any edit, however small, revalidates. The cache lives
in the user's own cache directory (as trusted as Python's ``__pycache__``); a missing, stale,
unreadable or corrupt entry is ignored and rebuilt, and a cache that cannot be written is skipped.
``ce-tutor check`` never uses it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from tutor import __version__
from tutor.content.model import Course


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
    for path in [root / "course.yaml", *sorted((root / "lessons").glob("*.yaml"))]:
        digest.update(str(path.resolve()).encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()


def load_course_cached(root: Path | str, directory: Path | None = None) -> Course:
    """Like ``load_course``, but reuses the validated model when no file has changed."""
    root = Path(root)
    entry = None
    if root.is_dir():
        place = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:12]
        entry = (directory or cache_dir()) / f"course-{place}-{course_key(root)}.pickle"
        cached = _read(entry)
        if cached is not None:
            return cached
    from tutor.content.loader import load_course  # PyYAML and the validators: only on a miss

    course = load_course(root)
    if entry is not None:
        _write(entry, course)
    return course


def _read(entry: Path) -> Course | None:
    try:
        with entry.open("rb") as handle:
            course = pickle.load(handle)
    except Exception:
        return None
    return course if isinstance(course, Course) else None


def _write(entry: Path, course: Course) -> None:
    """Write atomically (temp file + rename) so a crash never leaves a half-written entry."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        stale_prefix = entry.name.rsplit("-", 1)[0]
        for old in entry.parent.glob(f"{stale_prefix}-*.pickle"):
            old.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile(dir=entry.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(course, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, entry)
    except OSError:
        pass
