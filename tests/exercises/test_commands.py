"""``ce-tutor exercises init`` and ``check``: the issue's "done when", exit codes, progress saved."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.exercises.catalog import EXERCISES
from tutor.progress import open_store

Save = Callable[[Path, str, str], Path]
NAMES = [item.name for item in EXERCISES]


def ce_tutor(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tutor", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


def test_init_then_check_is_not_done_then_the_solutions_make_it_pass(tmp_path: Path, solutions: Path) -> None:
    init = ce_tutor("exercises", "init", "ex", cwd=tmp_path)
    assert init.returncode == 0, init.stderr
    fresh = ce_tutor("exercises", "check", "--dir", "ex", cwd=tmp_path)
    assert fresh.returncode == 1, fresh.stderr
    lines = fresh.stdout.splitlines()
    assert len(lines) == len(NAMES) + 1
    for name, line in zip(NAMES, lines, strict=False):
        assert f"{name} " in line and "not done" in line, line
    assert lines[-1] == f"0 of {len(NAMES)} done"
    for path in solutions.glob("*.py"):
        shutil.copyfile(path, tmp_path / "ex" / path.name)
    solved = ce_tutor("exercises", "check", "--dir", "ex", cwd=tmp_path)
    assert solved.returncode == 0, solved.stdout + solved.stderr
    assert solved.stdout.splitlines()[-1] == f"{len(NAMES)} of {len(NAMES)} done"


def test_init_without_a_folder_uses_the_default_and_refuses_to_overwrite(tmp_path: Path) -> None:
    assert ce_tutor("exercises", "init", cwd=tmp_path).returncode == 0
    assert (tmp_path / "ce-tutor-exercises" / "bce_with_logits.py").is_file()
    again = ce_tutor("exercises", "init", cwd=tmp_path)
    assert again.returncode == 1
    assert again.stderr.strip() == (
        "ce-tutor: ce-tutor-exercises already exists and is not empty; nothing was written (choose a new folder)"
    )


def test_check_one_exercise_prints_its_failing_case_and_mistake(
    workspace: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, save: Save
) -> None:
    save(
        workspace,
        "bce_with_logits",
        "import numpy as np\n\n\ndef bce_with_logits(z, y):\n    return np.log(1 + np.exp(z)) - y * z\n",
    )
    code = main(
        ["--data-dir", str(tmp_path / "data"), "exercises", "check", "bce_with_logits", "--dir", str(workspace)]
    )
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out[0] == (
        "✗  4. bce_with_logits     failing: bce_with_logits(800.0, 0) returned inf; expected 800.0 "
        "(exp(800) overflows and σ(800) rounds to 1: rewrite with softplus)"
    )
    assert out[1].strip().startswith("Mistake recognised, e^|z| overflowing:")
    assert "      It printed:" in out and any("RuntimeWarning: overflow encountered in exp" in line for line in out)
    assert out[-1] == "0 of 1 done"


def test_check_records_results_in_the_progress_store(solved: Path, tmp_path: Path, save: Save) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "exercises", "check", "softmax", "--dir", str(solved)]) == 0
    save(solved, "softmax", "def softmax(logits):\n    return logits\n")
    assert main(["--data-dir", str(data), "exercises", "--dir", str(solved), "check", "softmax"]) == 1
    with open_store(data) as store:
        assert store.exercise_results() == {"softmax": False}


def test_unknown_exercise_is_a_usage_error(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["exercises", "check", "sigmoid", "--dir", str(workspace)]) == 2
    assert capsys.readouterr().err.startswith("ce-tutor: no exercise 'sigmoid'; exercises: surprise, bce,")


@pytest.mark.parametrize("action", [["check"], []])
def test_a_missing_workspace_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], action: list[str]
) -> None:
    assert main(["exercises", *action, "--dir", str(tmp_path / "nope")]) == 1
    err = capsys.readouterr().err
    assert (
        err
        == f"ce-tutor: no exercise workspace at {tmp_path / 'nope'}: create one with 'ce-tutor exercises init {tmp_path / 'nope'}'\n"
    )
