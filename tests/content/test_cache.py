"""The validated-course cache: reused when nothing changed, never trusted when anything did."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tutor.content import CourseError, load_course
from tutor.content.cache import load_course_cached

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture
def course_dir(tmp_path: Path) -> Path:
    shutil.copytree(MINI, tmp_path / "course")
    return tmp_path / "course"


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("course-*.msgpack"))


def test_second_load_comes_from_the_cache(course_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = load_course_cached(course_dir, cache)
    assert first == load_course(course_dir) and len(entries(cache)) == 1
    (course_dir / "course.yaml").chmod(0o644)
    assert load_course_cached(course_dir, cache) == first


def test_any_edit_revalidates(course_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_course_cached(course_dir, cache)
    lesson = course_dir / "lessons" / "basics.yaml"
    lesson.write_text(lesson.read_text().replace("minutes: 3", "minutes: x"))
    with pytest.raises(CourseError, match="minutes: expected a whole number"):
        load_course_cached(course_dir, cache)
    lesson.write_text(lesson.read_text().replace("minutes: x", "minutes: 4"))
    assert load_course_cached(course_dir, cache).lessons[0].minutes == 4
    assert len(entries(cache)) == 1, "stale entries of the same course are removed"


def test_corrupt_entry_is_ignored_and_rebuilt(course_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_course_cached(course_dir, cache)
    (entry,) = entries(cache)
    entry.write_bytes(b"not a cache entry")
    assert load_course_cached(course_dir, cache) == load_course(course_dir)


def test_unwritable_cache_is_skipped(course_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    assert load_course_cached(course_dir, blocker / "cache") == load_course(course_dir)
