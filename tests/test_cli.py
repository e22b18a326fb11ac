"""The command line: listing, checking, and user mistakes as clear errors without tracebacks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tutor import __version__
from tutor.cli import main

MINI = Path(__file__).parent / "content" / "fixtures" / "mini"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """ce-tutor in a subprocess, as a user would run it (stdin closed)."""
    return subprocess.run(
        [sys.executable, "-m", "tutor", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        cwd=cwd,
        timeout=60,
    )


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"ce-tutor {__version__}"
    help_text = run("--help").stdout
    for command in ("list", "check", "lesson", "quiz", "practice", "--content"):
        assert command in help_text


def test_list_shows_lessons_with_minutes_and_question_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--content", str(MINI), "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["id", "min", "qs", "title"]
    assert lines[1].split() == ["basics", "3", "4", "Basics"]


def test_list_wraps_long_titles_to_the_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nine lessons stay readable in 60 columns: a long title wraps under the title column."""
    monkeypatch.setenv("COLUMNS", "60")
    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert all(len(line) <= 60 for line in lines)
    start = lines[0].index("title")
    wrapped = [line for line in lines[1:] if not line[:start].strip()]
    assert wrapped and all(line[start - 1] == " " and line[start] != " " for line in wrapped)
    ids = [line.split()[0] for line in lines[1:] if line[:start].strip()]
    assert ids[4:8] == ["many-classes", "entropy-and-kl", "in-code", "imbalance-and-multilabel"]


def test_check_passes_with_a_one_line_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(MINI)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("ok: 1 lessons, 4 questions, 6 stated numbers verified")


@pytest.mark.parametrize(
    ("mutation", "expected"),
    [
        (lambda d: (d / "lessons" / "basics.yaml").write_text(""), "the file is empty"),
        (lambda d: (d / "lessons" / "basics.yaml").write_text("id: [basics"), "malformed YAML"),
        (
            lambda d: (d / "lessons" / "basics.yaml").write_text(
                (MINI / "lessons" / "basics.yaml").read_text().replace("minutes: 3", "minutes: '3'")
            ),
            "minutes: expected a whole number, got text '3'",
        ),
        (
            lambda d: (d / "lessons" / "basics.yaml").write_text(
                (MINI / "lessons" / "basics.yaml").read_text().replace("kind: numeric", "kind: essay")
            ),
            "expected one of choice, numeric, truefalse, generated; got 'essay'",
        ),
        (
            lambda d: (d / "lessons" / "basics.yaml").write_text(
                (MINI / "lessons" / "basics.yaml").read_text().replace("≈ 4.6 }}", "≈ 4.9 }}", 1)
            ),
            "but the core computes 4.60517",
        ),
        (lambda d: shutil.rmtree(d), "not a directory"),
    ],
)
def test_check_reports_user_mistakes_without_traceback(tmp_path: Path, mutation, expected: str) -> None:
    course = tmp_path / "course"
    shutil.copytree(MINI, course)
    mutation(course)
    result = run("check", str(course))
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_unknown_lesson_id_is_an_error(tmp_path: Path) -> None:
    result = run("--content", str(MINI), "quiz", "nope")
    assert result.returncode == 1
    assert "no lesson 'nope'; lessons: basics" in result.stderr and "Traceback" not in result.stderr


def test_bundled_course_passes_check_from_any_directory(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 9 lessons")


def test_usage_errors_exit_2() -> None:
    result = run("frobnicate")
    assert result.returncode == 2 and "invalid choice" in result.stderr
