"""A course folder is untrusted: lesson ids stay in lessons/, and only regular files inside the course are read.

Each of these once escaped the folder, hung ``ce-tutor check`` (a FIFO) or exhausted memory
(a link to /dev/zero); they are now refused before anything blocks, with a located message.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hostile import assert_refused, edit, run_bounded

from tutor.content import CourseError, load_course


def problems(course: Path) -> list[str]:
    with pytest.raises(CourseError) as info:
        load_course(course)
    return info.value.lines


@pytest.mark.parametrize("lesson_id", ["../up", "sub/x", "/tmp/abs", "Basics", "-x", "a b", "a.yaml", ""])
def test_lesson_ids_that_are_not_slugs_are_refused_in_course_yaml(course: Path, lesson_id: str) -> None:
    (course / "lessons" / "sub").mkdir()
    (course / "up.yaml").write_text((course / "lessons" / "basics.yaml").read_text())
    edit(course, "  - basics", f"  - basics\n  - {lesson_id!r}", "course.yaml")
    (line,) = problems(course)  # the file it names is never looked for
    assert line.startswith(f"{course / 'course.yaml'}:4 lessons[1]: expected a lesson id (a-z, 0-9 and '-'")


def test_a_lesson_whose_own_id_is_not_a_slug_is_refused(course: Path) -> None:
    path = edit(course, "id: basics", "id: ../basics")
    assert f"{path}:1 id: expected an id of a-z, 0-9 and '-' (it names a file), got '../basics'" in problems(course)


def test_a_lesson_linked_from_outside_the_course_is_refused(course: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text((course / "lessons" / "basics.yaml").read_text())
    (course / "lessons" / "basics.yaml").unlink()
    (course / "lessons" / "basics.yaml").symlink_to(outside)
    (line,) = problems(course)
    assert line == f"{course / 'lessons' / 'basics.yaml'}: leaves the course folder (it is a link to {outside})"


def test_a_lessons_folder_linked_from_outside_is_refused(course: Path, tmp_path: Path) -> None:
    (course / "lessons").rename(tmp_path / "outside")
    (course / "lessons").symlink_to(tmp_path / "outside")
    assert any("leaves the course folder" in line for line in problems(course))


def test_a_link_inside_the_course_is_fine(course: Path) -> None:
    (course / "lessons" / "basics.yaml").rename(course / "shared.yaml")
    (course / "lessons" / "basics.yaml").symlink_to(Path("..") / "shared.yaml")
    assert [lesson.id for lesson in load_course(course).lessons] == ["basics"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_lesson_is_refused_without_blocking(course: Path) -> None:
    (course / "lessons" / "basics.yaml").unlink()
    os.mkfifo(course / "lessons" / "basics.yaml")
    assert_refused(run_bounded("check", str(course)), "basics.yaml: not a regular file (a FIFO)")
    assert_refused(run_bounded("--content", str(course), "list"), "basics.yaml: not a regular file (a FIFO)")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_lesson_linked_to_dev_zero_is_refused_without_reading_it(course: Path) -> None:
    (course / "lessons" / "basics.yaml").unlink()
    (course / "lessons" / "basics.yaml").symlink_to("/dev/zero")
    assert_refused(run_bounded("check", str(course)), "leaves the course folder (it is a link to /dev/zero)")
    assert_refused(run_bounded("--content", str(course), "list"), "leaves the course folder")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_not_opened() -> None:
    """Making a device node needs root: check the guard directly, on /dev/zero in a course at /."""
    from tutor.content.errors import SourceError
    from tutor.content.files import read_regular_file

    with pytest.raises(SourceError, match=r"not a regular file \(a device or socket\)"):
        read_regular_file(Path("/dev/zero"), Path("/"), 100)


def test_a_file_over_the_size_limit_is_refused_after_reading_at_most_the_limit(course: Path) -> None:
    from tutor.content import files

    lesson = course / "lessons" / "basics.yaml"
    lesson.write_text(lesson.read_text() + "#" * files.MAX_FILE_BYTES)
    reads: list[int] = []
    real_read = os.read

    def counting_read(fd: int, n: int) -> bytes:
        data = real_read(fd, n)
        reads.append(len(data))
        return data

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(files.os, "read", counting_read)
        lines = problems(course)
    assert lines == [f"{lesson}: larger than 1 MB, the limit for one course file"]
    others = sum(path.stat().st_size for path in course.glob("*.yaml"))  # course.yaml, notation.yaml
    assert sum(reads) <= files.MAX_FILE_BYTES + 1 + others


def test_a_course_over_the_total_limit_is_refused(course: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tutor.content import files

    monkeypatch.setattr(files, "MAX_COURSE_BYTES", 4096)  # a 20 MB course would make a slow test
    text = (course / "lessons" / "basics.yaml").read_text()
    ids = [f"copy-{i}" for i in range(4)]
    for lesson_id in ids:
        (course / "lessons" / f"{lesson_id}.yaml").write_text(text.replace("id: basics", f"id: {lesson_id}"))
    edit(course, "  - basics", "  - basics\n" + "".join(f"  - {i}\n" for i in ids), "course.yaml")
    lines = problems(course)
    assert any("not read: the course is larger than 4096 bytes in all" in line for line in lines), lines


def test_a_large_text_file_as_a_lesson_is_quoted_short(course: Path) -> None:
    """A wrong-type error once echoed the whole value: a lesson that is 500 KB of text printed it all."""
    (course / "lessons" / "basics.yaml").write_text("x" * 500_000)
    (line,) = problems(course)
    assert "expected a mapping (key: value), got text 'xxxx" in line and "(500000 characters)" in line
    assert len(line) < 300
