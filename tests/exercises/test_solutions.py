"""The reference solutions pass every check, through the real runner; the starting files are "not done"."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.exercises.catalog import EXERCISES
from tutor.exercises.runner import run_check

NAMES = [item.name for item in EXERCISES]


@pytest.mark.parametrize("name", NAMES)
def test_reference_solution_passes(solved: Path, name: str) -> None:
    result = run_check(solved, name)
    assert result.kind == "passed", (result.headline, result.details, result.output)
    assert result.status == "done" and result.passed == result.total > 0


@pytest.mark.parametrize("name", NAMES)
def test_starting_file_is_not_started(workspace: Path, name: str) -> None:
    result = run_check(workspace, name)
    assert result.kind == "not-started", result.headline
    assert result.status == "not started"
    assert result.headline == f"not done: {name}.py still raises NotImplementedError (the TODO)"
