"""Every benchmark in one table, with the machine it ran on.

    python -m compileall -q tutor        # as an installed package would be
    python benchmarks/run.py [--runs 15] [--presses 200] [--lesson-runs 5]

Figures are medians; each is set against a baseline measured in the same run, because these
machines are shared and noisy. The load average is printed so a slow run can be recognised.
Progress and the course cache go to a temporary folder (``isolated.py``), never the learner's.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
from pathlib import Path

import isolated  # noqa: F401  # first: CE_TUTOR_HOME is a temporary folder, never the learner's

sys.path.insert(0, str(Path(__file__).parent))

import explorer_latency
import lesson_open
import loader
import startup


def machine() -> str:
    with open("/proc/meminfo") as meminfo:
        mem_kib = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal"))
    load = "{:.1f} {:.1f} {:.1f}".format(*os.getloadavg())
    return (
        f"{os.cpu_count()} cores, {mem_kib / 2**20:.0f} GiB memory, Python {platform.python_version()}, "
        f"load average {load}"
    )


async def explorer_figures(presses: int) -> dict[str, tuple[float, float]]:
    from tutor.ui.widgets.explorer import ProbabilityExplorerWidget, SoftmaxExplorerWidget
    from tutor.ui.widgets.kclass import KClassExplorerWidget

    runs = {
        "baseline (one-line label)": (explorer_latency.Counter, explorer_latency.Counter),
        "probability explorer": (ProbabilityExplorerWidget, ProbabilityExplorerWidget),
        "softmax explorer": (SoftmaxExplorerWidget, SoftmaxExplorerWidget),
        "K-class explorer": (KClassExplorerWidget, KClassExplorerWidget),
    }
    figures = {}
    for name, (make, watched) in runs.items():
        samples = await explorer_latency.measure(make, watched, presses)
        figures[name] = explorer_latency._stats(samples["frame"])
    return figures


#: Where lessons are opened for the "lesson open" row (the issue's size).
LESSON_SIZE = (120, 40)


def lesson_figures(runs: int) -> tuple[float, float, float, float]:
    """Opening every bundled lesson (warm, as ``lesson_open.py`` measures it): medians over all
    lessons of the first frame and of everything mounted, the baseline screen's first frame, and
    the median ratio of paired first frames."""
    from tutor.content import bundled_course_dir
    from tutor.content.cache import load_course_cached

    lessons = [lesson.id for lesson in load_course_cached(bundled_course_dir()).lessons]
    results = asyncio.run(lesson_open.measure([lesson_open.BASELINE, *lessons], runs, LESSON_SIZE))
    base = results.pop(lesson_open.BASELINE)
    first = [s["first"] for samples in results.values() for s in samples]
    every = [s["all"] for samples in results.values() for s in samples]
    ratios = [s["first"] / b["first"] for samples in results.values() for s, b in zip(samples, base, strict=False)]
    median = statistics.median
    return median(first), median(every), median(b["first"] for b in base), median(ratios)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="start-up runs of each app")
    parser.add_argument("--presses", type=int, default=200, help="explorer key presses")
    parser.add_argument("--lesson-runs", type=int, default=5, help="openings of each lesson")
    args = parser.parse_args()

    start = startup.measure(args.runs)
    keys = asyncio.run(explorer_figures(args.presses))
    lesson_first, lesson_all, lesson_base, lesson_ratio = lesson_figures(args.lesson_runs)
    loads = loader.measure_all()

    rows = [
        (
            "start-up to course map",
            f"{start['tutor_ms']:.0f} ms",
            f"bare Textual app {start['bare_ms']:.0f} ms",
            f"{start['ratio']:.2f}x",
            "≤ 1.15x",
        ),
        (
            "  the same, to the screen ready (no exit)",
            f"{start['tutor_ready_ms']:.0f} ms",
            f"bare Textual app {start['bare_ready_ms']:.0f} ms",
            f"{start['ready_ratio']:.2f}x",
            "",
        ),
        ("resident memory, idle on course map", f"{start['rss_mib']:.1f} MiB", "", "", "≤ 45 MiB"),
        (
            f"lesson open ({LESSON_SIZE[0]}×{LESSON_SIZE[1]}, warm, all lessons)",
            f"first frame {lesson_first:.0f} ms, all {lesson_all:.0f} ms",
            f"one-Static screen {lesson_base:.0f} ms",
            f"{lesson_ratio:.1f}x",
            "median ≤ 100 ms",
        ),
    ]
    base_med, _ = keys.pop("baseline (one-line label)")
    for name, (med, p95) in keys.items():
        rows.append(
            (
                f"{name}: key → frame (120×40)",
                f"median {med * 1e3:.1f} ms, p95 {p95 * 1e3:.1f} ms",
                f"label {base_med * 1e3:.1f} ms",
                f"{med / base_med:.2f}x",
                "median ≤ 8 ms",
            )
        )
    for name, cold, warm, bare in loads:
        rows.append(
            (
                f"load course, {name}",
                f"{cold:.2f} ms/lesson cold, {warm:.2f} warm",
                f"bare YAML {bare:.2f} ms/lesson",
                f"{cold / bare:.2f}x",
                "≤ 1 ms/lesson",
            )
        )

    print(f"ce-tutor benchmarks — {machine()}")
    header = ("what", "measured", "baseline (same run)", "ratio", "target")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print(" | ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=False)).rstrip())


if __name__ == "__main__":
    main()
