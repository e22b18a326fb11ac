"""The exercise track in a real terminal: a failing file, its first failing case on screen, the
learner's editor opened with e (the app suspended and back), and the passing check after it saves.

The editor is a script that writes a correct solution, so the test drives exactly what a learner's
$EDITOR would do to the file, through ``App.suspend``.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tutor.exercises.catalog import EXERCISES, position
from tutor.exercises.workspace import init_workspace

pytestmark = pytest.mark.e2e

NAIVE = "import numpy as np\n\n\ndef bce_with_logits(z, y):\n    return np.log(1 + np.exp(z)) - y * z\n"
STABLE = (
    "import numpy as np\n\n\ndef bce_with_logits(z, y):\n"
    "    return np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z)))\n"
)
FAILING_CASE = "bce_with_logits(800.0, 0) returned inf; expected 800.0"


def editor_that_writes(tmp_path: Path, code: str) -> Path:
    """An $EDITOR that saves ``code`` into the file it is given, by rename, as many editors do."""
    solution = tmp_path / "solution.py"
    solution.write_text(code, encoding="utf-8")
    script = tmp_path / "editor.sh"
    script.write_text(f'#!/bin/sh\ncp "{solution}" "$1.new" && mv "$1.new" "$1"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_a_failing_exercise_then_the_editor_then_done(terminal, tmp_path, monkeypatch):
    workspace = tmp_path / "ex"
    init_workspace(workspace)
    (workspace / "bce_with_logits.py").write_text(NAIVE, encoding="utf-8")
    monkeypatch.setenv("EDITOR", str(editor_that_writes(tmp_path, STABLE)))
    monkeypatch.delenv("VISUAL", raising=False)

    term = terminal(100, 30)
    term.start("--data-dir", str(tmp_path / "data"), "exercises", "--dir", str(workspace))
    term.wait_for(
        lambda s: "bce_with_logits    failing" in s and "train_logistic     not started" in s, "every check done"
    )
    for item in EXERCISES[1:4]:  # one key at a time, each seen to land
        term.press("Down")
        term.wait_for(f"{position(item.name)}. {item.title}", f"{item.name} chosen")
    screen = term.wait_for(FAILING_CASE, "the first failing case")
    assert "✗ failing: " in screen and "Mistake recognised, e^|z| overflowing" in screen

    term.press("e")
    screen = term.wait_for("✓ done: 53 of 53 cases pass", "the check after the editor saved")
    assert FAILING_CASE not in screen
    assert (workspace / "bce_with_logits.py").read_text(encoding="utf-8") == STABLE

    term.press("q")
    term.assert_exited_cleanly(("Exercises",))
