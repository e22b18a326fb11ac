"""The mini course, copied for each test to spoil (helpers: ``hostile.py``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hostile import MINI


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A copy of the mini course to spoil."""
    target = tmp_path / "course"
    shutil.copytree(MINI, target)
    return target
