"""Benchmarks never touch the learner's data: progress and the course cache go to a temporary folder.

Importing this module points ``CE_TUTOR_HOME`` at a fresh temporary folder (removed at exit), for
this process and every process it starts; every benchmark imports it before anything from ``tutor``.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

#: The folder this process uses as ``CE_TUTOR_HOME`` (a child started by a benchmark inherits it).
HOME = os.environ.get("CE_TUTOR_BENCH_HOME") or tempfile.mkdtemp(prefix="ce-tutor-bench-")
if "CE_TUTOR_BENCH_HOME" not in os.environ:
    os.environ["CE_TUTOR_BENCH_HOME"] = HOME
    atexit.register(shutil.rmtree, HOME, ignore_errors=True)
os.environ["CE_TUTOR_HOME"] = HOME
