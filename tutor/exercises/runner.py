"""Run one exercise's check in a separate, limited Python process and return a ``Result``.

The learner's code never runs in the caller's process. Each check is
``python -I -B`` (isolated, no bytecode written into the workspace) in its own session, with
CPU, memory and file-size limits it sets on itself (``child``), a wall-clock limit enforced here,
and its output sent to a file whose size the file-size limit bounds. It reports as JSON in a file;
what it could not report (killed by a limit, ``os._exit``, a signal) is read from how it ended.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, cast, get_args

from tutor.exercises.catalog import exercise
from tutor.exercises.result import Kind, Result
from tutor.safe_text import printable, shorten

#: Puts the folder holding ``tutor`` on sys.path (isolated mode ignores PYTHONPATH) and runs the child.
BOOT = (
    "import sys; sys.path.insert(0, sys.argv[1]); from tutor.exercises.child import main; sys.exit(main(sys.argv[1:]))"
)
ROOT = str(Path(__file__).resolve().parents[2])
#: Read at most this much of the report and of the output: the child's code decides their contents.
REPORT_BYTES, OUTPUT_SHOWN_BYTES, OUTPUT_LINES = 256 * 1024, 8 * 1024, 20
#: One thread for BLAS and friends: checks are small, and the machine is shared.
THREADS = dict.fromkeys(("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"), "1")
_CHILD_KINDS = frozenset(get_args(Kind)) - {"missing-file", "timeout", "crash"}


@dataclass(frozen=True)
class Limits:
    """What one check may use. ``cpu_seconds`` catches busy loops whatever the machine's load;
    ``wall_seconds`` also catches code that sleeps or waits."""

    cpu_seconds: int = 10
    wall_seconds: float = 60.0
    memory_bytes: int = 1 << 30
    output_bytes: int = 1 << 20


class CheckStopped(Exception):
    """The caller asked the check to stop (``stop`` was set); the process was killed."""


def run_check(workspace: Path, name: str, limits: Limits | None = None, stop: threading.Event | None = None) -> Result:
    """Check ``workspace/<name>.py``; never raises for anything the learner's file does.

    ``stop``, when set from another thread, kills the check and raises CheckStopped.
    """
    limits = limits or Limits()
    path = workspace / exercise(name).filename
    if not path.is_file():
        return Result(
            name, "missing-file", f"{path.name} is missing from {workspace}: r in the Exercises screen writes it again"
        )
    started = time.monotonic()
    try:
        result = _check_in_scratch(path, workspace, name, limits, stop)
    except OSError as exc:  # no process or scratch folder could be made (out of processes, disk, …)
        result = Result(name, "crash", f"the check could not start: {exc.strerror or exc}")
    return _with(result, seconds=time.monotonic() - started)


def _check_in_scratch(path: Path, workspace: Path, name: str, limits: Limits, stop: threading.Event | None) -> Result:
    """Run the check process with its report, progress and output files in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="ce-tutor-check-") as scratch:
        files = {key: Path(scratch) / key for key in ("result", "progress", "output")}
        request = {
            "exercise": name,
            "file": str(path.resolve()),
            "workspace": str(workspace.resolve()),
            "result": str(files["result"]),
            "progress": str(files["progress"]),
            "limits": asdict(limits),
        }
        command = [sys.executable, "-I", "-B", "-c", BOOT, ROOT, json.dumps(request)]
        ended = _run(command, workspace, files["output"], limits, stop)
        return _interpret(name, ended, files, limits)


def _run(command: list[str], cwd: Path, output: Path, limits: Limits, stop: threading.Event | None) -> int | str:
    """The exit code (negative: killed by that signal), or "timeout"; raises CheckStopped."""
    env = {**os.environ, **THREADS}
    with output.open("wb") as sink:
        process = subprocess.Popen(
            command,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    deadline = time.monotonic() + limits.wall_seconds
    try:
        while True:
            try:
                return process.wait(timeout=min(0.05, max(deadline - time.monotonic(), 0.0)))
            except subprocess.TimeoutExpired:
                if stop is not None and stop.is_set():
                    raise CheckStopped() from None
                if time.monotonic() >= deadline:
                    return "timeout"
    finally:
        _kill_group(process)


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill the check and anything it started (its own session), then reap it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _interpret(name: str, ended: int | str, files: dict[str, Path], limits: Limits) -> Result:
    output, output_size = _read_output(files["output"])
    doing = _read_text(files["progress"], 600) or "starting"
    report = _read_report(files["result"])
    if ended == "timeout":
        result = Result(
            name,
            "timeout",
            f"no answer within {limits.wall_seconds:g} s while {doing}: an infinite loop, or waiting for something?",
        )
    elif output_size >= limits.output_bytes:
        result = Result(
            name,
            "output",
            f"more than {_size(limits.output_bytes)} of output while {doing}: is something printed in a loop?",
        )
    elif report is not None:
        result = _from_report(name, report)
    elif isinstance(ended, int) and ended < 0:
        result = _signalled(name, -ended, doing, limits)
    else:
        result = Result(
            name, "exit", f"the check process ended (exit code {ended}) while {doing}, before reporting: os._exit?"
        )
    return _with(result, output=output)


def _signalled(name: str, number: int, doing: str, limits: Limits) -> Result:
    if number in (signal.SIGXCPU, signal.SIGKILL):  # the CPU limit: SIGXCPU, then SIGKILL at the hard limit
        return Result(
            name, "timeout", f"still running after {limits.cpu_seconds} s of CPU time while {doing}: an infinite loop?"
        )
    try:
        what = signal.Signals(number).name
    except ValueError:
        what = f"signal {number}"
    return Result(name, "crash", f"the check process was killed by {what} while {doing}")


def _from_report(name: str, report: dict[str, Any]) -> Result:
    """A Result from the child's JSON, trusting nothing: a wrong shape is a crash, strings are made visible."""
    kind = report.get("kind")
    headline = report.get("headline")
    details = report.get("details", [])
    counts = [report.get("passed", 0), report.get("total", 0)]
    mistake = report.get("mistake")
    if (
        kind not in _CHILD_KINDS
        or not isinstance(headline, str)
        or not (isinstance(details, list) and all(isinstance(line, str) for line in details))
        or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in counts)
        or not (mistake is None or isinstance(mistake, str))
    ):
        return Result(name, "crash", "the check reported something unreadable")
    return Result(
        name,
        cast(Kind, kind),
        _visible(headline, 600),
        tuple(_visible(line, 600) for line in details[:10]),
        None if mistake is None else _visible(mistake, 200),
        *counts,
    )


def _visible(text: str, limit: int) -> str:
    """What the learner's code wrote, safe to show: controls escaped (``\\x1b``), then cut to ``limit``."""
    return shorten(printable(text), limit)


def _read_report(path: Path) -> dict[str, Any] | None:
    text = _read_text(path, REPORT_BYTES)
    try:
        report = json.loads(text) if text else None
    except ValueError:
        return None
    return report if isinstance(report, dict) else None


def _read_output(path: Path) -> tuple[str, int]:
    """The start of what the code printed (visible characters, at most OUTPUT_LINES lines) and its full size."""
    try:
        size = path.stat().st_size
    except OSError:
        return "", 0
    text = _visible(_read_text(path, OUTPUT_SHOWN_BYTES), OUTPUT_SHOWN_BYTES)
    lines = text.splitlines()
    shown = "\n".join(lines[:OUTPUT_LINES])
    if len(lines) > OUTPUT_LINES or size > OUTPUT_SHOWN_BYTES:
        shown += f"\n… ({_size(size)} in all)"
    return shown, size


def _read_text(path: Path, limit: int) -> str:
    try:
        with path.open("rb") as file:
            return file.read(limit).decode("utf-8", errors="replace")
    except OSError:
        return ""


def _size(n: int) -> str:
    return f"{n / (1 << 20):g} MiB" if n >= 1 << 20 else f"{n / 1024:g} KiB" if n >= 1024 else f"{n} bytes"


def _with(result: Result, **changes: Any) -> Result:
    from dataclasses import replace

    return replace(result, **changes)
