"""Opening a lesson: time from pushing its screen to the first frame that shows its first section,
to the first frame after every section is mounted, and how fast a key (``n``) is answered meanwhile.

    /work/venv/bin/python -m compileall -q tutor    # as an installed package would be
    /work/venv/bin/python benchmarks/lesson_open.py [--runs 9] [--cold 5] [--size 100x30]

Warm (in one process, the lesson's modules already imported): the app runs headless on the course
map; each sample pushes a screen, as Enter on the course map does, and watches the frames Textual
hands to the terminal (``App._display``, a Textual internal: benchmark only):

- first: the first frame in which section 1 is laid out with its content (height > 0);
- key:   ``n`` is sent as the terminal driver would, right after that frame; the time until a frame
         shows "section 2 of" in the indicator (the baseline's ``n`` changes its one label);
- all:   the first frame after every section and everything inside it is mounted;
- stall: the longest the event loop was busy without a break from the push to "all" (a key
         pressed meanwhile waits up to that long, plus a frame).

The baseline, in the same run and alternating with the lessons so machine load affects both, is a
screen with a single Static. Medians are printed with their ratio to the baseline.

Cold (``--cold N``): the same in a fresh interpreter per sample, started on the course map, so the
first open also pays for importing the lesson's modules (numpy, plotext), as a learner's first
lesson of a session does.

Prints figures; asserts nothing (timings depend on the machine and its load: the load average is
printed with them).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import subprocess
import sys
import time

import isolated  # noqa: F401  # first: CE_TUTOR_HOME is a temporary folder, never the learner's
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

SIZE = (100, 30)
BASELINE = "baseline"


class Baseline(Screen):
    """A screen with a single Static; ``n`` changes its text."""

    BINDINGS = [Binding("n", "bump", "Bump")]

    def compose(self) -> ComposeResult:
        yield Static("section 1 of 1", id="probe")

    def action_bump(self) -> None:
        self.query_one("#probe", Static).update("section 2 of 1")


def _first_visible(screen: Screen) -> bool:
    """Section 1 (the probe for the baseline) is laid out with its content."""
    boxes = screen.query("#section-1") or screen.query("#probe")
    if not boxes:
        return False
    box = boxes.first()
    return box.region.height > 0 and all(w.region.height > 0 for w in box.children)


def _key_answered(screen: Screen) -> bool:
    shown = screen.query("#lesson-position") or screen.query("#probe")
    return bool(shown) and "section 2 of" in str(shown.first().content)


def _all_mounted(screen: Screen) -> bool:
    lesson = getattr(screen, "lesson", None)
    if lesson is None:
        return True
    boxes = screen.query(".section")
    if len(boxes) != len(lesson.sections):
        return False
    for box in boxes:
        for widget in box.walk_children(with_self=True):
            if not widget.is_mounted:
                return False
    return True


async def sample(app, kind: str) -> dict[str, float]:
    """Push one screen (a lesson or the baseline); milliseconds to each milestone."""
    got: dict[str, float] = {}
    frame = asyncio.Event()
    original = app._display

    def display(screen, update):
        result = original(screen, update)
        now = time.perf_counter()
        if screen is app.screen and screen is pushed[0]:
            if "first" not in got and _first_visible(screen):
                got["first"] = now
            if "sent" in got and "key" not in got and _key_answered(screen):
                got["key"] = now
            if "all" not in got and "first" in got and _all_mounted(screen):
                got["all"] = now
            frame.set()
        return result

    pushed: list[Screen | None] = [None]
    stall = [0.0]

    async def watch_stalls() -> None:
        """The longest the event loop was held up (a key pressed then waits that long)."""
        while True:
            before = time.perf_counter()
            await asyncio.sleep(0.001)
            stall[0] = max(stall[0], time.perf_counter() - before - 0.001)

    app._display = display  # type: ignore[method-assign]
    watcher = asyncio.create_task(watch_stalls())
    try:
        start = time.perf_counter()
        if kind == BASELINE:
            pushed[0] = Baseline()
            app.push_screen(pushed[0])
        else:
            app.progress.save_position(kind, 0)  # start at section 1, not where the last sample left it
            app.open_lesson(kind)
            pushed[0] = app.screen
        deadline = start + 30
        while time.perf_counter() < deadline and not {"first", "key", "all"} <= got.keys():
            if "first" in got and "sent" not in got:
                got["sent"] = time.perf_counter()
                app._driver.send_message(events.Key("n", "n"))  # as the terminal driver does
            frame.clear()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(frame.wait(), timeout=0.05)
    finally:
        watcher.cancel()
        app._display = original  # type: ignore[method-assign]
    missing = {"first", "key", "all"} - got.keys()
    if missing:
        raise RuntimeError(f"{kind}: no frame for {', '.join(sorted(missing))} within 30 s")
    out = {"first": (got["first"] - start) * 1e3, "all": (got["all"] - start) * 1e3}
    out["key"] = (got["key"] - got["sent"]) * 1e3
    out["stall"] = stall[0] * 1e3
    return out


async def _home(app, pilot) -> None:
    while len(app.screen_stack) > 1:
        app.pop_screen()
        await pilot.pause()
    await asyncio.sleep(0.05)
    await pilot.pause()


async def measure(kinds: list[str], runs: int, size: tuple[int, int], warm: bool = True):
    from tutor.content import bundled_course_dir
    from tutor.content.cache import load_course_cached
    from tutor.ui.app import TutorApp

    course = load_course_cached(bundled_course_dir())
    app = TutorApp(course, cursor_blink=False)
    results: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if warm:  # imports and caches, as for the second lesson opened in a session
            for kind in kinds:
                await sample(app, kind)
                await _home(app, pilot)
        for _ in range(runs):
            for kind in kinds:
                results[kind].append(await sample(app, kind))
                await _home(app, pilot)
    return results


def _cold(kinds: list[str], runs: int, size: tuple[int, int]) -> dict[str, list[dict[str, float]]]:
    results: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
    for _ in range(runs):
        for kind in kinds:
            out = subprocess.run(
                [sys.executable, __file__, "--child", kind, "--size", f"{size[0]}x{size[1]}"],
                capture_output=True,
                text=True,
                timeout=120,
                check=True,
            )
            results[kind].append(json.loads(out.stdout.strip().splitlines()[-1]))
    return results


def report(title: str, results: dict[str, list[dict[str, float]]]) -> None:
    base = results[BASELINE]
    print(title)
    print(
        f"  {'screen':<20} {'first frame':>11} {'× base':>6} {'n → frame':>11} {'× base':>6} "
        f"{'all mounted':>11} {'× base':>6} {'longest stall':>14}"
    )
    for kind, samples in results.items():
        cells = []
        for key in ("first", "key", "all"):
            med = statistics.median(s[key] for s in samples)
            ratio = statistics.median(s[key] / b[key] for s, b in zip(samples, base, strict=False))
            cells.append(f"{med:8.0f} ms {ratio:5.1f}x")
        stall = statistics.median(s["stall"] for s in samples)
        print(f"  {kind:<20} {cells[0]:>18} {cells[1]:>18} {cells[2]:>18} {stall:11.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="warm samples per screen")
    parser.add_argument("--cold", type=int, default=0, help="cold samples per screen (fresh processes)")
    parser.add_argument("--size", default=f"{SIZE[0]}x{SIZE[1]}")
    parser.add_argument("--lessons", nargs="*", help="lesson ids (default: every bundled lesson)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    size = tuple(int(n) for n in args.size.split("x"))
    if args.child:
        results = asyncio.run(measure([args.child], 1, size, warm=False))
        print(json.dumps(results[args.child][0]))
        return

    from tutor.content import bundled_course_dir
    from tutor.content.cache import load_course_cached

    lessons = args.lessons or [lesson.id for lesson in load_course_cached(bundled_course_dir()).lessons]
    kinds = [BASELINE, *lessons]
    if hasattr(os, "getloadavg"):
        print("load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f} on {} CPUs".format(*os.getloadavg(), os.cpu_count()))
    if args.runs:
        report(
            f"warm, {args.runs} runs at {size[0]}x{size[1]} (medians; ratios: median of paired samples)",
            asyncio.run(measure(kinds, args.runs, size)),
        )
    if args.cold:
        report(f"cold (first lesson of a process), {args.cold} runs", _cold(kinds, args.cold, size))


if __name__ == "__main__":
    main()
