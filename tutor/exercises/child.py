"""The check process: limit itself, load the learner's file by path, judge it, write a JSON report.

``runner`` starts it as ``python -I -B -c BOOT ROOT REQUEST`` (BOOT puts ROOT, the folder holding
``tutor``, on sys.path, since isolated mode ignores PYTHONPATH); the app never imports it. The
limits are set here, before any learner code runs, rather than in ``preexec_fn`` (unsafe in a
threaded parent); only ce-tutor's own imports (numpy, through the checks) come before them.
Every way the learner's code can end the check early becomes a report of its own kind; what this
process cannot report (killed by a limit, ``os._exit``) the runner works out from how it ended.
"""

from __future__ import annotations

import errno
import importlib.abc
import importlib.util
import json
import sys
import traceback
from collections.abc import Callable, Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import Any

from tutor.exercises.checks import spec as load_spec
from tutor.exercises.judge import Fatal, describe_exception, judge

#: Python's own text of a module that is missing, kept for the learner.
ONLY = "(the exercises have Python's standard library and numpy)"


def main(argv: Sequence[str]) -> int:
    """``argv``: ROOT and the request (JSON: exercise, file, workspace, result, progress, limits)."""
    root, request = argv[0], json.loads(argv[1])
    _limit(request["limits"])
    report = _check(request, root)
    Path(request["result"]).write_text(json.dumps(report, ensure_ascii=True), encoding="ascii")
    return 0


def _limit(limits: dict[str, int]) -> None:
    """CPU seconds, address space and file size (which bounds printed output), and no core files."""
    try:
        import resource
    except ImportError:  # not POSIX: only the runner's wall-clock limit applies
        return
    wanted = (
        (resource.RLIMIT_CPU, limits["cpu_seconds"], limits["cpu_seconds"] + 1),
        (resource.RLIMIT_AS, limits["memory_bytes"], limits["memory_bytes"]),
        (resource.RLIMIT_FSIZE, limits["output_bytes"], limits["output_bytes"]),
        (resource.RLIMIT_CORE, 0, 0),
    )
    for which, soft, hard in wanted:
        _, allowed = resource.getrlimit(which)
        if allowed != resource.RLIM_INFINITY:
            soft, hard = min(soft, allowed), min(hard, allowed)
        resource.setrlimit(which, (soft, hard))


class _Progress:
    """Writes what the check is doing to a file, so a process killed mid-call can still be placed."""

    def __init__(self, path: str) -> None:
        self.path = Path(path)

    def __call__(self, doing: str) -> None:
        self.path.write_text(doing[:500], encoding="utf-8")


def _check(request: dict[str, Any], root: str) -> dict[str, Any]:
    name, path, workspace = request["exercise"], Path(request["file"]), Path(request["workspace"])
    progress = _Progress(request["progress"])
    spec = load_spec(name)
    cases = spec.cases()  # from the core, before the learner's code can touch anything
    _hide_ce_tutor(root)
    locate = _locator(workspace)
    progress(f"importing {path.name}")
    try:
        module = _import(path, workspace)
        function = getattr(module, name, None)
        if not callable(function):
            return _verdict("missing-function", f"{path.name} defines no function {name}({', '.join(spec.params)})")
        return judge(spec, function, cases, lambda call: progress(f"calling {call}"), locate)
    except Fatal as fatal:
        return _fatal(fatal.error, f"calling {fatal.call}", path, locate)
    except SyntaxError as exc:
        where = f"{_relative(exc.filename, workspace) or path.name}:{exc.lineno or 0}:{exc.offset or 0}"
        return _verdict("syntax", f"{where}: SyntaxError: {exc.msg}")
    except ImportError as exc:
        return _verdict("import", f"{_where(exc, locate, path)}: {describe_exception(exc)} {ONLY}")
    except BaseException as exc:  # anything at import time: exit, memory, output, an error
        return _fatal(exc, f"importing {path.name}", path, locate)


def _fatal(exc: BaseException, during: str, path: Path, locate: Callable[[BaseException], str]) -> dict[str, Any]:
    where = _where(exc, locate, path)
    if isinstance(exc, NotImplementedError) and where.split(":")[0] == path.name:
        return _verdict("not-started", f"not done: {path.name} still raises NotImplementedError (the TODO)")
    if isinstance(exc, SystemExit):
        return _verdict(
            "exit", f"{where}: sys.exit({exc.code!r}) while {during}: the check needs the function to return"
        )
    if isinstance(exc, KeyboardInterrupt):
        return _verdict("exit", f"{where}: KeyboardInterrupt while {during}")
    if isinstance(exc, MemoryError):
        return _verdict("memory", f"{where}: out of memory while {during} ({describe_exception(exc)})")
    if isinstance(exc, OSError) and exc.errno == errno.EFBIG:
        return _verdict("output", f"too much output while {during}: printing stops at the output limit")
    return _verdict("exception", f"{where}: {describe_exception(exc)} while {during}")


def _verdict(kind: str, headline: str) -> dict[str, Any]:
    return {"kind": kind, "headline": headline, "details": [], "passed": 0, "total": 0}


def _where(exc: BaseException, locate: Callable[[BaseException], str], path: Path) -> str:
    return locate(exc) or path.name


def _locator(workspace: Path) -> Callable[[BaseException], str]:
    """ "file.py:line" of the innermost frame of an exception that lies in the workspace, or ""."""
    root = workspace.resolve()

    def locate(exc: BaseException) -> str:
        where = ""
        for frame in traceback.extract_tb(exc.__traceback__):
            relative = _relative(frame.filename, root)
            if relative:
                where = f"{relative}:{frame.lineno}"
        return where

    return locate


def _relative(filename: str | None, root: Path) -> str:
    if not filename:
        return ""
    try:
        return Path(filename).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return ""


class _NoCeTutor(importlib.abc.MetaPathFinder):
    """Exercise files may not import ce-tutor itself: its core is the answer key."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname == "tutor" or fullname.startswith("tutor."):
            raise ModuleNotFoundError(
                f"exercises may not import ce-tutor's own {fullname!r}: write it yourself", name=fullname
            )
        return None


def _hide_ce_tutor(root: str) -> None:
    """Forget the modules the checks loaded (they keep their own references) and refuse new imports."""
    for name in [name for name in sys.modules if name == "tutor" or name.startswith("tutor.")]:
        del sys.modules[name]
    sys.meta_path.insert(0, _NoCeTutor())
    sys.path[:] = [entry for entry in sys.path if entry != root]


def _import(path: Path, workspace: Path) -> ModuleType:
    """The learner's file as a module, by path; its folder is searched last, for `from softplus import …`."""
    sys.path.append(str(workspace))
    spec = importlib.util.spec_from_file_location(f"ce_tutor_exercise_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path.name}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
