"""The wheel carries the course and the stylesheet, so ce-tutor works outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    (path,) = out.glob("ce_tutor-*.whl")
    return path


def test_wheel_contains_course_and_stylesheet(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "tutor/_course/course.yaml" in names
    lessons = {n for n in names if n.startswith("tutor/_course/lessons/") and n.endswith(".yaml")}
    assert len(lessons) == len(list((ROOT / "content" / "lessons").glob("*.yaml"))) >= 5
    assert "tutor/ui/tutor.tcss" in names
    starters = {n.removeprefix("tutor/exercises/starters/") for n in names if n.startswith("tutor/exercises/starters/")}
    assert starters == {"README.md", *(path.name for path in (ROOT / "tutor" / "exercises" / "starters").glob("*.py"))}
    assert not any(n.startswith("tests/") or "/solutions/" in n for n in names)  # the answers stay out
    assert any(n.endswith("entry_points.txt") for n in names)


def test_unpacked_wheel_runs_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-m", "tutor", "check"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert str(site / "tutor" / "_course") in result.stdout


def test_unpacked_wheel_writes_and_checks_an_exercise_workspace(wheel: Path, tmp_path: Path) -> None:
    """From a fresh install: init, then check says every exercise is "not done" and exits 1."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site), "CE_TUTOR_HOME": str(tmp_path / "home")}

    def ce_tutor(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tutor", *args],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            stdin=subprocess.DEVNULL,
            timeout=300,
        )

    assert ce_tutor("exercises", "init", "ex").returncode == 0
    checked = ce_tutor("exercises", "check", "--dir", "ex")
    assert checked.returncode == 1, checked.stderr
    lines = checked.stdout.splitlines()
    assert len(lines) >= 9 and all("not done: " in line for line in lines[:-1]), checked.stdout
