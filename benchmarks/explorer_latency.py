"""Key-press-to-screen latency of the explorers, at 120×40.

    /work/venv/bin/python benchmarks/explorer_latency.py [--presses 200]

Each sample is the wall time from handing a key event to the app (as the terminal driver
does) until the screen has composed the frame that contains the refreshed readout and plot
(the moment Textual hands the frame to the terminal; headless here, so we also encode the
frame's ANSI ourselves to include that cost).  That includes Textual's frame pacing: a
screen repaints on a 60 Hz timer, so up to ~17 ms of a sample can be waiting, not work.

"work" is the CPU-bound part measured inside the app: the key handler (state, readout,
figure) plus rendering the plot to strips (its ``render_lines``).  The baseline is the same measurement for a trivial widget
whose key binding only changes a one-line label, in the same run: it is Textual's own cost
of a key press and a repaint, so the ratio shows what the explorer adds.

What keeps it fast: a key press rebuilds the readout (a plain Text) and moves the marker
on a cached plotext drawing (``tutor.plots.draw.overlay_marker``); the curves are redrawn by
plotext only when they change (label flipped, resize, theme), not on every press.

Prints figures; asserts nothing (timings depend on the machine and its load, so the load
average is printed with them).
Uses Textual/textual-plotext internals (``App._display``) to observe frames: benchmark only.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Callable

import isolated  # noqa: F401  # first: CE_TUTOR_HOME is a temporary folder, never the learner's
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Static

SIZE = (120, 40)


def _stats(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


class Counter(Static, can_focus=True):
    """Baseline: a focusable one-line label; → and ← change its text."""

    BINDINGS = [Binding("right", "bump(1)"), Binding("left", "bump(-1)")]
    n = 0

    def render(self) -> Text:
        return Text(f"count {self.n}")

    def action_bump(self, d: int) -> None:
        self.n += d
        self.refresh()


class Bench(App):
    def __init__(self, make: Callable[[], Widget]) -> None:
        super().__init__()
        self._make = make

    def compose(self) -> ComposeResult:
        yield self._make()


async def measure(
    make: Callable[[], Widget], watched: type[Widget], presses: int, keys: tuple[str, ...] = ("right", "left")
) -> dict[str, list[float]]:
    """Latency samples (seconds): 'frame' key→frame, 'work' handler+render CPU time."""
    app = Bench(make)
    out: dict[str, list[float]] = {"frame": [], "work": []}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        target = app.query_one(watched)
        target.focus() if target.can_focus else None
        await pilot.pause()
        rendered = {"count": 0, "cpu": 0.0}
        frame_done: asyncio.Event = asyncio.Event()
        frame_time = [0.0]

        # Time the watched widget's rendering to strips (the plot, or the baseline label).
        render_widget = next(iter(app.query("FigurePlot")), target)
        original_render_lines = render_widget.render_lines

        def timed_render_lines(*args, **kwargs):
            t = time.perf_counter()
            try:
                return original_render_lines(*args, **kwargs)
            finally:
                rendered["count"] += 1
                rendered["cpu"] += time.perf_counter() - t

        render_widget.render_lines = timed_render_lines  # type: ignore[method-assign]

        # Time the key handler (the focused widget's bindings run via run_action).
        original_run_action = app.run_action

        async def timed_run_action(*args, **kwargs):
            t = time.perf_counter()
            try:
                return await original_run_action(*args, **kwargs)
            finally:
                rendered["cpu"] += time.perf_counter() - t

        app.run_action = timed_run_action  # type: ignore[method-assign]

        # Observe frames: the screen calls App._display with each composed update.
        original_display = app._display
        watching = [False]

        def display(screen, renderable):
            if watching[0] and renderable is not None and rendered["count"] > 0:
                renderable.render_segments(app.console)  # the terminal encoding headless skips
                frame_time[0] = time.perf_counter()
                watching[0] = False
                frame_done.set()
            return original_display(screen, renderable)

        app._display = display  # type: ignore[method-assign]

        async def one(key: str) -> tuple[float, float]:
            rendered["count"], rendered["cpu"] = 0, 0.0
            frame_done.clear()
            watching[0] = True
            t0 = time.perf_counter()
            app._driver.send_message(events.Key(key, None))  # as the terminal driver does
            await asyncio.wait_for(frame_done.wait(), timeout=5)
            return frame_time[0] - t0, rendered["cpu"]

        for i in range(20):  # warm-up
            await one(keys[i % len(keys)])
            await asyncio.sleep(0.02)
        for i in range(presses):
            frame, work = await one(keys[i % len(keys)])
            out["frame"].append(frame)
            out["work"].append(work)
            await asyncio.sleep(0.02)  # like a person pressing keys, not a flood
    return out


def report(name: str, out: dict[str, list[float]], base: dict[str, list[float]]) -> None:
    med, p95 = _stats(out["frame"])
    wmed, wp95 = _stats(out["work"])
    bmed, bp95 = _stats(base["frame"])
    print(f"{name}: {len(out['frame'])} presses at {SIZE[0]}x{SIZE[1]}")
    print(f"  key → frame with readout and plot: median {med * 1e3:6.2f} ms   p95 {p95 * 1e3:6.2f} ms")
    print(f"  of which handler + plot rendering: median {wmed * 1e3:6.2f} ms   p95 {wp95 * 1e3:6.2f} ms")
    print(f"  baseline key → frame (label):      median {bmed * 1e3:6.2f} ms   p95 {bp95 * 1e3:6.2f} ms")
    print(f"  ratio to baseline (median): {med / bmed:.2f}")


async def main(presses: int) -> None:
    import os

    from tutor.ui.widgets.explorer import ProbabilityExplorerWidget, SoftmaxExplorerWidget

    if hasattr(os, "getloadavg"):
        print("load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f} on {} CPUs".format(*os.getloadavg(), os.cpu_count()))

    base = await measure(Counter, Counter, presses)
    report(
        "ProbabilityExplorerWidget", await measure(ProbabilityExplorerWidget, ProbabilityExplorerWidget, presses), base
    )
    report("SoftmaxExplorerWidget", await measure(SoftmaxExplorerWidget, SoftmaxExplorerWidget, presses), base)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--presses", type=int, default=200)
    asyncio.run(main(parser.parse_args().presses))
