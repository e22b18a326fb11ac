"""No string the command line prints can drive the terminal: every one goes through the sanitizer.

``ce-tutor list`` once printed a course title's ``ESC ] 52`` sequence raw (it wrote the clipboard
in tmux), and ``stats``, ``progress`` and ``check`` did the same. The loader now refuses such a
course; these tests feed hostile strings past it (a model from elsewhere, a folder name, a
progress row) to show that the printing itself is safe too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import msgspec
import pytest

from tutor.cli import main
from tutor.content import load_course
from tutor.content.model import Course
from tutor.progress import open_store
from tutor.safe_text import UNSAFE, printable

MINI = Path(__file__).resolve().parents[1] / "content" / "fixtures" / "mini"
HOSTILE = "\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b[2J\u202e\x9b"


def hostile_course() -> Course:
    """The mini course with escapes in every string the CLI prints: as a bad cache entry could carry it."""
    course = load_course(MINI)
    lesson = msgspec.structs.replace(course.lessons[0], id=f"basics{HOSTILE}", title=f"Basics{HOSTILE}")
    return msgspec.structs.replace(course, title=f"Mini{HOSTILE}", lessons=(lesson,))


def assert_clean(text: str) -> None:
    assert UNSAFE.search(text) is None, repr(text[:300])


@pytest.fixture
def hostile(monkeypatch: pytest.MonkeyPatch) -> Course:
    course = hostile_course()
    monkeypatch.setattr("tutor.content.cache.load_course_cached", lambda root: course)
    return course


@pytest.mark.parametrize("command", [["list"], ["stats"], ["stats", "--json"], ["progress"]], ids=" ".join)
def test_course_strings_are_printed_escaped(hostile: Course, tmp_path: Path, capsys, command: list[str]) -> None:
    with open_store(tmp_path) as store:
        store.record_answer(hostile.lessons[0].id, "pick", HOSTILE, False)
        store.record_score(hostile.lessons[0].id, 1, 4)
    assert main(["--data-dir", str(tmp_path), *command]) == 0
    out = capsys.readouterr()
    assert_clean(out.out + out.err)
    if command != ["stats", "--json"]:  # JSON escapes on its own
        assert "basics\\x1b]52;c;ZWNobyBwd25lZA==\\x07\\x1b[2J\\u202e\\x9b" in out.out


def test_a_data_dir_with_escapes_in_its_name_is_printed_escaped(tmp_path: Path, capsys) -> None:
    data_dir = tmp_path / f"data{HOSTILE}"
    assert main(["--content", str(MINI), "--data-dir", str(data_dir), "stats"]) == 0
    out = capsys.readouterr().out
    assert_clean(out)
    assert printable(str(data_dir)) in out


@pytest.mark.parametrize("exists", [True, False])
def test_a_course_folder_with_escapes_in_its_name_is_printed_escaped(tmp_path: Path, capsys, exists: bool) -> None:
    folder = tmp_path / f"course{HOSTILE}"
    if exists:
        shutil.copytree(MINI, folder)
    assert main(["check", str(folder)]) == (0 if exists else 1)
    out = capsys.readouterr()
    assert_clean(out.out + out.err)
    assert printable(str(folder)) in out.out + out.err


def test_usage_errors_quote_what_was_typed_escaped(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([f"frob{HOSTILE}"])
    assert exit_.value.code == 2
    assert_clean(capsys.readouterr().err)


def test_a_refused_course_lists_its_problems_escaped_and_bounded(tmp_path: Path, capsys) -> None:
    course = tmp_path / "course"
    shutil.copytree(MINI, course)
    lesson = course / "lessons" / "basics.yaml"
    lesson.write_text(lesson.read_text() + "".join(f'"k{i}\\e[2J": x\n' for i in range(500)))
    assert main(["check", str(course)]) == 1
    err = capsys.readouterr().err
    assert_clean(err)
    lines = err.splitlines()
    total = int(lines[-1].split()[4])  # each key is both unsafe and unknown
    assert total >= 500 and len(lines) == 52 and lines[-2] == f"… and {total - 50} more"
    assert lines[-1] == f"ce-tutor: the course has {total} problem(s); nothing was opened"
