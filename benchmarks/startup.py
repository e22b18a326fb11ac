"""Start-up: process start to first screen ready, ce-tutor against a bare Textual app.

    python benchmarks/startup.py [--runs 15]

Both apps run headless in a fresh interpreter, as ``ce-tutor`` would start (the CLI loads the
course through its cache, opens the progress store, builds the app and shows the course map). Each child exits on the first
refresh after Textual's Ready event, then reports its resident memory and when that was. The
first figures are from spawning to the child's exit; the "ready" ones stop at that moment (the
same monotonic clock in both processes), leaving out shutting the app and Python down. The baseline — Header,
Static and Footer — is measured in the same run, alternating with ce-tutor, so machine load
affects both alike. Target: median ratio ≤ 1.15.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import isolated  # noqa: F401  # first: CE_TUTOR_HOME is a temporary folder, never the learner's

CHILD = r"""
import json, sys, time
kind = sys.argv[1]
from textual.app import App
if kind == "bare":
    from textual.widgets import Footer, Header, Static
    class Base(App):
        def compose(self):
            yield Header(); yield Static("Hello"); yield Footer()
else:
    from pathlib import Path
    import tutor.ui.app
    from tutor.cli import _load
    from tutor.progress import open_store
    from tutor.ui.app import TutorApp as Base
    from tutor.study import Progress
    from tutor.ui.screens.home import HomeScreen

class Probe(Base):
    if kind != "bare":  # a relative CSS_PATH would be resolved against this probe, which has no file
        CSS_PATH = str(Path(tutor.ui.app.__file__).with_name("tutor.tcss"))
    def on_ready(self):
        self.call_after_refresh(self.finish)
    def finish(self):
        if kind != "bare" and not isinstance(self.screen, HomeScreen):
            self.call_after_refresh(self.finish)
            return
        rss = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS"))
        self.ready_at = time.monotonic()  # the system-wide clock the parent started from
        self.exit(rss)

if kind == "bare":
    app = Probe()
else:  # what run_app does: the course (through its cache) and the learner's progress store
    course = _load(None, cached=True)
    app = Probe(course, progress=Progress(open_store(), course))
app.run(headless=True, size=(120, 40))
mods = sorted(m for m in sys.modules if m.split(".")[0] in {"numpy", "plotext", "textual_plotext"})
print(json.dumps({"rss_kib": app.return_value, "heavy_modules": mods[:3], "ready_at": app.ready_at}))
"""


def run_once(kind: str, env: dict[str, str]) -> tuple[float, dict]:
    """Milliseconds from spawning the child to its exit, and what it reports; ``ready_ms`` in
    it is from spawning to the course map ready (without shutting the app and Python down)."""
    start, started = time.perf_counter(), time.monotonic()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, kind], capture_output=True, text=True, env=env, timeout=60, check=True
    )
    elapsed = (time.perf_counter() - start) * 1000
    info = json.loads(out.stdout.strip().splitlines()[-1])
    info["ready_ms"] = (info["ready_at"] - started) * 1000
    return elapsed, info


def measure(runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "CE_TUTOR_HOME": home}
        run_once("tutor", env)  # warm the course cache and the OS file cache, as a second launch would
        run_once("bare", env)
        bare, tutor, info = [], [], {}
        bare_ready, tutor_ready = [], []
        for _ in range(runs):
            elapsed, info = run_once("bare", env)
            bare.append(elapsed)
            bare_ready.append(info["ready_ms"])
            elapsed, info = run_once("tutor", env)
            tutor.append(elapsed)
            tutor_ready.append(info["ready_ms"])
    return {
        "bare_ms": statistics.median(bare),
        "tutor_ms": statistics.median(tutor),
        "ratio": statistics.median(t / b for t, b in zip(tutor, bare, strict=False)),
        "bare_ready_ms": statistics.median(bare_ready),
        "tutor_ready_ms": statistics.median(tutor_ready),
        "ready_ratio": statistics.median(t / b for t, b in zip(tutor_ready, bare_ready, strict=False)),
        "rss_mib": info["rss_kib"] / 1024,
        "heavy": ", ".join(info["heavy_modules"]) or "none",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    figures = measure(parser.parse_args().runs)
    print(f"bare Textual app (Header, Static, Footer): {figures['bare_ms']:.0f} ms median")
    print(f"ce-tutor to course map ready:             {figures['tutor_ms']:.0f} ms median")
    print(f"ratio (median of paired runs):            {figures['ratio']:.2f}x  (target ≤ 1.15)")
    print(
        f"the same up to the screen being ready, without the app's and Python's shutdown: "
        f"{figures['bare_ready_ms']:.0f} ms, {figures['tutor_ready_ms']:.0f} ms, {figures['ready_ratio']:.2f}x"
    )
    print(f"resident memory at idle on the course map: {figures['rss_mib']:.1f} MiB")
    print(f"numpy/plotext loaded at first screen:     {figures['heavy']}")


if __name__ == "__main__":
    main()
