"""Suite-wide isolation: no test reads or writes the real user's data or cache directory."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("ce-tutor-home")
    monkeypatch.setenv("CE_TUTOR_HOME", str(home))
    return home
