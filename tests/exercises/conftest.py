"""Fixtures for the exercise track: a fresh workspace, the reference solutions, and
``save`` (test modules do not import conftest: they take these as fixtures)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tutor.exercises.workspace import init_workspace

#: Reference solutions: here in tests/, never shipped with the starting files.
SOLUTIONS = Path(__file__).parent / "solutions"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A workspace just as ``ce-tutor exercises init`` writes it."""
    directory = tmp_path / "ex"
    init_workspace(directory)
    return directory


@pytest.fixture
def solved(workspace: Path) -> Path:
    """The workspace with every reference solution dropped in."""
    for path in SOLUTIONS.glob("*.py"):
        shutil.copyfile(path, workspace / path.name)
    return workspace


def save_as_editors_do(directory: Path, name: str, code: str) -> Path:
    """Write ``name``.py as many editors do: a new file renamed over the old one."""
    target = directory / f"{name}.py"
    temporary = directory / f".{name}.py.swp"
    temporary.write_text(code, encoding="utf-8")
    os.replace(temporary, target)
    return target


@pytest.fixture
def save() -> Callable[[Path, str, str], Path]:
    return save_as_editors_do


@pytest.fixture
def solutions() -> Path:
    return SOLUTIONS
