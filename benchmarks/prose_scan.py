"""Prose scanning on hostile text: time per megabyte, and how it grows from 10 KB to 1 MB.

Course prose is untrusted; ``Fields.check_prose`` must be linear in the text. For each hostile
shape, the time for 10 KB and for 1 MB of it is measured (best of a few, CPU time); the ratio is
about 100 for a linear scan (the old marker regex: about 10 000, 20 KB of ``{{`` took 12 s).
Baseline, measured in the same run: ``str.count`` over the same 1 MB (one C pass).

    python benchmarks/prose_scan.py
"""

from __future__ import annotations

import time
from collections.abc import Callable

from tutor.content.fields import Fields, Problems

SHAPES: dict[str, Callable[[int], str]] = {
    "unclosed {{": lambda n: "{{" * (n // 2),
    "long marker body": lambda n: "{{ a" + " " * (n - 12) + "b = 1 }}",
    "relations in a marker": lambda n: "{{ " + "=1 " * (n // 3) + "}}",
    "≈ everywhere": lambda n: "≈" * n,
    "digits after ≈": lambda n: "≈ " + "1" * (n - 2),
    "ordinary prose": lambda n: ("The loss is {{ bce(0.5, 1) ≈ 0.693 }} here. " * (n // 44))[:n],
}


def cpu_time(work: Callable[[], object], repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def check(text: str) -> None:
    Fields({"markdown": text}, "bench.yaml", "", Problems()).check_prose(text, "markdown")


def main() -> None:
    small, large = 10_000, 1_000_000
    baseline = cpu_time(lambda: ("{{" * (large // 2)).count("}}"))
    print(f"baseline (str.count over 1 MB): {baseline * 1000:.2f} ms")
    print(f"{'shape':<24} {'10 KB ms':>9} {'1 MB ms':>9} {'ratio':>7}  (linear ≈ 100)")
    for name, make in SHAPES.items():
        short, long = make(small), make(large)
        t_small, t_large = cpu_time(lambda s=short: check(s)), cpu_time(lambda s=long: check(s))
        ratio = t_large / t_small if t_small > 0 else float("nan")
        print(f"{name:<24} {t_small * 1000:>9.2f} {t_large * 1000:>9.1f} {ratio:>7.0f}")


if __name__ == "__main__":
    main()
