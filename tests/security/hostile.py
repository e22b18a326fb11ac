"""Helpers for hostile-input tests: spoil a copy of the mini course, run ce-tutor on it with bounds.

``run_bounded`` runs ``ce-tutor`` in a child process capped in CPU time and memory, with a wall
timeout far above what the work needs, so that a regression (a hang, a runaway allocation) fails
the test instead of taking the machine down. The caps are generous: the commands take about a
second; nothing here depends on how fast the machine is.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

MINI = Path(__file__).resolve().parents[1] / "content" / "fixtures" / "mini"
CPU_SECONDS = 30
#: numpy's BLAS reserves memory per thread: one thread keeps the cap independent of the core count.
MEMORY_BYTES = 3 << 29
SINGLE_THREADED = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
WALL_SECONDS = 120


def edit(course: Path, old: str, new: str, name: str = "lessons/basics.yaml") -> Path:
    """Replace the first ``old`` with ``new`` in a file of ``course`` (the fixture must hold ``old``)."""
    path = course / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture lacks {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _limits() -> None:  # pragma: no cover - runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def run_bounded(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``ce-tutor ARGS`` in a child capped in CPU time and memory (stdin closed, output captured)."""
    if sys.platform == "win32":  # pragma: no cover
        pytest.skip("resource limits need a POSIX system")
    try:
        return subprocess.run(
            [sys.executable, "-m", "tutor", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            stdin=subprocess.DEVNULL,
            timeout=WALL_SECONDS,
            preexec_fn=_limits,
            env={**os.environ, **SINGLE_THREADED, **(env or {})},
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"ce-tutor {' '.join(args)} did not finish in {WALL_SECONDS} s")


def assert_refused(result: subprocess.CompletedProcess[str], *expected: str) -> list[str]:
    """Exit 1, no traceback, short one-line problems, each ``expected`` text in one of them."""
    lines = result.stderr.splitlines()
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr, result.stderr[-2000:]
    assert all(len(line) < 500 for line in lines), max(lines, key=len)[:200]
    for text in expected:
        assert any(text in line for line in lines), (text, lines)
    return lines
