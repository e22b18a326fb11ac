"""The check process: learner code that loops, allocates, exits, crashes, floods or cannot be
imported gives one clear verdict each, and never touches the caller's process."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tutor.exercises.result import Result
from tutor.exercises.runner import CheckStopped, Limits, run_check

Check = Callable[..., Result]
Save = Callable[[Path, str, str], Path]
HEADER = "import numpy as np\n\n\n"
#: One CPU second, 512 MiB of address space, 64 KiB of output: runaway code is stopped quickly.
QUICK = Limits(cpu_seconds=1, wall_seconds=60.0, memory_bytes=512 << 20, output_bytes=64 << 10)


@pytest.fixture
def check(save: Save) -> Check:
    """``check(folder, code, name="surprise", limits=QUICK)``: save the file, then check it."""

    def run(directory: Path, code: str, name: str = "surprise", limits: Limits = QUICK) -> Result:
        save(directory, name, code)
        return run_check(directory, name, limits)

    return run


def test_busy_loop_in_the_function_hits_the_cpu_limit(workspace: Path, check: Check) -> None:
    result = check(workspace, HEADER + "def surprise(q):\n    while True:\n        pass\n")
    assert result.kind == "timeout" and result.status == "failing"
    assert result.headline == ("still running after 1 s of CPU time while calling surprise(0.5): an infinite loop?")


def test_busy_loop_at_import_hits_the_cpu_limit(workspace: Path, check: Check) -> None:
    result = check(workspace, "while True:\n    pass\n")
    assert result.kind == "timeout"
    assert "while importing surprise.py" in result.headline


def test_sleeping_code_hits_the_wall_clock_limit(workspace: Path, check: Check) -> None:
    limits = Limits(cpu_seconds=30, wall_seconds=2.0)
    result = check(workspace, "import time\n\n\ndef surprise(q):\n    time.sleep(600)\n", limits=limits)
    assert result.kind == "timeout"
    assert result.headline.startswith("no answer within 2 s while calling surprise(0.5)")


def test_a_10_gb_allocation_is_refused_by_the_memory_limit(workspace: Path, check: Check) -> None:
    result = check(workspace, HEADER + "def surprise(q):\n    big = np.ones(10 * 2**30 // 8)\n    return big[0]\n")
    assert result.kind == "memory"
    assert result.headline.startswith("surprise.py:5: out of memory while calling surprise(0.5) (MemoryError")


def test_os_exit_is_an_exit_verdict_with_its_code(workspace: Path, check: Check) -> None:
    result = check(workspace, "import os\n\n\ndef surprise(q):\n    os._exit(3)\n")
    assert result.kind == "exit"
    assert result.headline == (
        "the check process ended (exit code 3) while calling surprise(0.5), before reporting: os._exit?"
    )


def test_sys_exit_is_an_exit_verdict(workspace: Path, check: Check) -> None:
    result = check(workspace, "import sys\n\n\ndef surprise(q):\n    sys.exit(2)\n")
    assert result.kind == "exit"
    assert result.headline == (
        "surprise.py:5: sys.exit(2) while calling surprise(0.5): the check needs the function to return"
    )


def test_a_syntax_error_is_located(workspace: Path, check: Check) -> None:
    result = check(workspace, "def surprise(q):\n    return -np.log(q\n\n")
    assert result.kind == "syntax"
    assert result.headline.startswith("surprise.py:2:")
    assert "SyntaxError" in result.headline


def test_huge_output_stops_at_the_output_limit_and_is_shown_bounded(workspace: Path, check: Check) -> None:
    result = check(workspace, "def surprise(q):\n    while True:\n        print('x' * 1000)\n")
    assert result.kind == "output"
    assert result.headline == (
        "more than 64 KiB of output while calling surprise(0.5): is something printed in a loop?"
    )
    assert len(result.output) < 10_000 and result.output.endswith("(64 KiB in all)")


def test_printed_output_is_returned_with_the_result(solved: Path, check: Check, solutions: Path) -> None:
    code = (solutions / "surprise.py").read_text() + "\nprint('hello from the learner')\n"
    result = check(solved, code)
    assert result.ok and result.output == "hello from the learner"


def test_a_missing_module_is_named(workspace: Path, check: Check) -> None:
    result = check(workspace, "from scipy.special import logsumexp\n")
    assert result.kind == "import"
    assert result.headline == (
        "surprise.py:1: ModuleNotFoundError: No module named 'scipy' "
        "(the exercises have Python's standard library and numpy)"
    )


def test_ce_tutor_itself_cannot_be_imported(workspace: Path, check: Check) -> None:
    result = check(workspace, "from tutor.core import bce\n\n\ndef surprise(q):\n    return bce(q, 1)\n")
    assert result.kind == "import"
    assert "may not import ce-tutor's own 'tutor'" in result.headline


def test_a_missing_function_is_named(workspace: Path, check: Check) -> None:
    result = check(workspace, "def surprize(q):\n    return q\n")
    assert result.kind == "missing-function"
    assert result.headline == "surprise.py defines no function surprise(q)"


def test_a_missing_file_is_reported_without_running_anything(workspace: Path) -> None:
    (workspace / "surprise.py").unlink()
    result = run_check(workspace, "surprise", QUICK)
    assert result.kind == "missing-file" and result.headline.startswith("surprise.py is missing from")


def test_an_exception_is_located_in_the_learners_file(workspace: Path, check: Check) -> None:
    result = check(workspace, "def surprise(q):\n    return 1 / 0\n")
    assert result.kind == "exception"
    assert result.headline == "surprise.py:2: surprise(0.5) raised ZeroDivisionError: division by zero"


def test_the_todo_of_another_file_is_not_this_files_todo(workspace: Path, check: Check) -> None:
    """bce_with_logits calling the unwritten softplus is failing, not "not started"."""
    result = check(
        workspace,
        "from softplus import softplus\n\n\ndef bce_with_logits(z, y):\n    return softplus(z) - y * z\n",
        name="bce_with_logits",
    )
    assert result.kind == "exception"
    assert result.headline.startswith(
        "softplus.py:21: NotImplementedError: softplus(z) is not written yet while calling"
    )


def test_a_signal_is_a_crash_verdict(workspace: Path, check: Check) -> None:
    result = check(
        workspace, "import os\nimport signal\n\n\ndef surprise(q):\n    os.kill(os.getpid(), signal.SIGSEGV)\n"
    )
    assert result.kind == "crash"
    assert result.headline == "the check process was killed by SIGSEGV while calling surprise(0.5)"


def test_control_characters_from_the_learner_never_come_back(workspace: Path, check: Check) -> None:
    code = "import sys\n\n\ndef surprise(q):\n    print('\\x1b]52;c;cHduZWQ=\\x07\\x1b[2J\\x9b31m')\n    raise ValueError('\\x1b[31mred\\x1b[0m')\n"
    result = check(workspace, code)
    for text in (result.headline, result.output, *result.details):
        assert not any(ch in text for ch in "\x1b\x07\x9b"), repr(text)
    assert "ValueError: \\x1b[31mred" in result.headline


def test_no_bytecode_is_written_into_the_workspace(solved: Path) -> None:
    assert run_check(solved, "bce_with_logits").ok
    assert not (solved / "__pycache__").exists()


def test_stopping_kills_the_check_at_once(workspace: Path, save: Save) -> None:
    save(workspace, "surprise", "import time\n\n\ndef surprise(q):\n    time.sleep(600)\n")
    stop = threading.Event()
    timer = threading.Timer(0.5, stop.set)
    timer.start()
    with pytest.raises(CheckStopped):
        run_check(workspace, "surprise", Limits(wall_seconds=600.0), stop=stop)
    timer.cancel()


def test_a_check_reports_its_duration(solved: Path) -> None:
    before = time.monotonic()
    result = run_check(solved, "surprise")
    assert 0.0 < result.seconds <= time.monotonic() - before


def test_a_check_that_cannot_start_says_so(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr("tutor.exercises.runner.subprocess.Popen", refuse)
    result = run_check(workspace, "surprise")
    assert result.kind == "crash" and result.status == "failing"
    assert result.headline == "the check could not start: Resource temporarily unavailable"
