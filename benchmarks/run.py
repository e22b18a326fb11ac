"""Every benchmark in one table, with the machine it ran on.

    python benchmarks/run.py [--runs 15] [--presses 200]

Figures are medians; each is set against a baseline measured in the same run, because these
machines are shared and noisy. The load average is printed so a slow run can be recognised.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import explorer_latency
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

    runs = {
        "baseline (one-line label)": (explorer_latency.Counter, explorer_latency.Counter),
        "probability explorer": (ProbabilityExplorerWidget, ProbabilityExplorerWidget),
        "softmax explorer": (SoftmaxExplorerWidget, SoftmaxExplorerWidget),
    }
    figures = {}
    for name, (make, watched) in runs.items():
        samples = await explorer_latency.measure(make, watched, presses)
        figures[name] = explorer_latency._stats(samples["frame"])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="start-up runs of each app")
    parser.add_argument("--presses", type=int, default=200, help="explorer key presses")
    args = parser.parse_args()

    start = startup.measure(args.runs)
    keys = asyncio.run(explorer_figures(args.presses))
    loads = loader.measure_all()

    rows = [
        (
            "start-up to course map",
            f"{start['tutor_ms']:.0f} ms",
            f"bare Textual app {start['bare_ms']:.0f} ms",
            f"{start['ratio']:.2f}x",
            "≤ 1.3x",
        ),
        ("resident memory, idle on course map", f"{start['rss_mib']:.1f} MiB", "", "", ""),
    ]
    base_med, _ = keys.pop("baseline (one-line label)")
    for name, (med, p95) in keys.items():
        rows.append(
            (
                f"{name}: key → frame (120×40)",
                f"median {med * 1e3:.1f} ms, p95 {p95 * 1e3:.1f} ms",
                f"label {base_med * 1e3:.1f} ms",
                f"{med / base_med:.2f}x",
                "median ≤ 16 ms",
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
