"""Writing the cache is best effort and leaves nothing behind; it never takes a disk's last bytes.

A failed cache write once left a partial temporary file on every launch, which on a small volume
filled the disk and then stopped progress from being saved. The failures here are real where a
test can cause them (a file size limit, a folder where the entry should go); free space is faked
through ``_free_bytes``, since no test can fill a disk.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import msgspec
import pytest

from tutor.content import cache as cache_module
from tutor.content import load_course
from tutor.content.cache import Entry, course_key, load_course_cached

MINI = Path(__file__).resolve().parents[1] / "content" / "fixtures" / "mini"


@pytest.fixture
def course(tmp_path: Path) -> Path:
    shutil.copytree(MINI, tmp_path / "course")
    return tmp_path / "course"


def entry_size(course: Path) -> int:
    return len(msgspec.msgpack.encode(Entry(course_key(course), load_course(course))))


def test_a_write_that_fails_midway_leaves_no_file(course: Path, tmp_path: Path) -> None:
    """A real failure: the child may write files of at most 1000 bytes (EFBIG after that)."""
    if sys.platform == "win32":  # pragma: no cover
        pytest.skip("file size limits need a POSIX system")
    directory = tmp_path / "cache"
    code = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))\n"
        "from tutor.content.cache import load_course_cached\n"
        "print(load_course_cached(Path(sys.argv[1]), Path(sys.argv[2])).title)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(course), str(directory)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == load_course(course).title
    assert entry_size(course) > 1000, "the entry must be larger than the limit for this test to mean anything"
    assert list(directory.iterdir()) == []


def test_a_write_that_cannot_be_renamed_into_place_leaves_no_file(course: Path, tmp_path: Path) -> None:
    """A folder sits where the entry should go: the rename fails, and the temporary file goes."""
    directory = tmp_path / "cache"
    load_course_cached(course, directory)
    (entry,) = directory.iterdir()
    entry.unlink()
    (entry / "blocker").mkdir(parents=True)
    assert load_course_cached(course, directory) == load_course(course)
    assert list(directory.iterdir()) == [entry]


def test_nothing_is_written_when_the_disk_is_nearly_full(
    course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = tmp_path / "cache"
    monkeypatch.setattr(cache_module, "_free_bytes", lambda _: cache_module.MIN_FREE_BYTES - 1)
    assert load_course_cached(course, directory) == load_course(course)
    assert list(directory.iterdir()) == []
    monkeypatch.setattr(cache_module, "_free_bytes", lambda _: cache_module.MIN_FREE_BYTES)
    load_course_cached(course, directory)
    assert len(list(directory.iterdir())) == 1


def test_a_large_entry_needs_four_times_its_size_free(
    course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = tmp_path / "cache"
    size = entry_size(course)
    monkeypatch.setattr(cache_module, "MIN_FREE_BYTES", 0)
    monkeypatch.setattr(cache_module, "_free_bytes", lambda _: 4 * size - 1)
    load_course_cached(course, directory)
    assert list(directory.iterdir()) == []
    monkeypatch.setattr(cache_module, "_free_bytes", lambda _: 4 * size)
    load_course_cached(course, directory)
    assert len(list(directory.iterdir())) == 1


def test_free_space_is_measured_on_the_real_disk(tmp_path: Path) -> None:
    info = os.statvfs(tmp_path)
    assert cache_module._free_bytes(tmp_path) == info.f_bavail * info.f_frsize


def test_temporary_files_a_killed_write_left_are_removed_by_the_next_write(course: Path, tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    directory.mkdir(mode=0o700)
    abandoned, recent = directory / ".course-abandoned.tmp", directory / ".course-recent.tmp"
    for path in (abandoned, recent):
        path.write_bytes(b"half an entry")
    hours_ago = time.time() - 2 * cache_module.ABANDONED_AFTER_SECONDS
    os.utime(abandoned, (hours_ago, hours_ago))
    load_course_cached(course, directory)
    assert not abandoned.exists(), "left by a write killed long ago"
    assert recent.exists(), "may belong to a write still running"


def test_a_stale_entry_that_cannot_be_removed_does_not_stop_the_new_one(course: Path, tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    load_course_cached(course, directory)
    (entry,) = directory.iterdir()
    stale = directory / f"{entry.name.rsplit('-', 1)[0]}-{'0' * 64}.msgpack"
    (stale / "blocker").mkdir(parents=True)  # a folder: unlink fails
    entry.unlink()
    load_course_cached(course, directory)
    assert entry.exists()
