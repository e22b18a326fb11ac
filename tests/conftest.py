"""Suite-wide settings: isolation from the real user's folders, and reproducible random tests.

Hypothesis runs derandomized (a fixed sequence of examples, no example database) under CI, so a
run of CI is reproducible; locally it explores with fresh examples each run and remembers failures.
Choose explicitly with ``HYPOTHESIS_PROFILE=ci`` or ``=dev``.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Progress and cache under a temporary CE_TUTOR_HOME, and a temporary working directory: what
    the app writes relative to it (an exercise workspace made with x then i) never lands in the checkout."""
    home = tmp_path_factory.mktemp("ce-tutor-home")
    monkeypatch.setenv("CE_TUTOR_HOME", str(home))
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
    return home


class Clock:
    """The store's notion of now, moved by the test: "later" is a clock step, never a wait."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, step: timedelta = timedelta(), **delta: float) -> datetime:
        """Move on by ``step`` and/or ``timedelta(**delta)``."""
        self.now += step + timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


#: Tests that take tens of seconds each, the key fuzzer most of all, in the order to start them:
#: first, so that under pytest-xdist the other workers share out the rest while they run,
#: instead of one worker starting the longest test near the end.
SLOW_FIRST = ("tests/fuzz/test_fuzz_keys.py", "tests/fuzz/", "tests/e2e/")


def _start_rank(item: pytest.Item) -> int:
    return next((rank for rank, prefix in enumerate(SLOW_FIRST) if item.nodeid.startswith(prefix)), len(SLOW_FIRST))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=_start_rank)
