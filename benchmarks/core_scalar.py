"""Scalar fast path of the math core: time per call of each function taking plain floats.

Also one 3-class example through the K-class functions (numpy on a short list).

    python benchmarks/core_scalar.py [--module tutor.core] [--other path/to/old_core.py]

Baseline, measured in the same run: a Python function computing softplus with ``math``
(``max(z, 0) + log1p(exp(-|z|))``), the least a scalar loss can cost. Ratios are per function,
so a change to the core shows as a change of ratio. ``--other`` times a second copy of the core
(e.g. ``git show main:tutor/core.py > /tmp/old_core.py``) interleaved with this one, so both see
the same machine load. Figures are the fastest of repeated runs of 5 000 calls (as ``timeit``
advises: on a shared machine, slower runs measure the neighbours, not the code).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import math
import time
from collections.abc import Callable
from types import ModuleType
from typing import Any

CALLS = 5_000
ARGS: dict[str, tuple[Any, ...]] = {
    "sigmoid": (0.7,),
    "sigmoid_grad": (0.7,),
    "softplus": (0.7,),
    "logit": (0.3,),
    "logit (tail)": (0.9,),
    "bce": (0.3, 1),
    "bce_with_logits": (0.7, 1),
    "mse": (0.3, 1),
    "bce_grad_p": (0.3, 1),
    "bce_grad_z": (0.7, 0),
    "mse_grad_p": (0.3, 1),
    "mse_grad_z": (0.7, 0),
    # Not scalar paths, but the K-class functions the course calls most: one 3-class example.
    "softmax": ([2.0, 1.0, 0.1],),
    "log_softmax": ([2.0, 1.0, 0.1],),
    "cross_entropy": ([2.0, 1.0, 0.1], 0),
    "cross_entropy_grad": ([2.0, 1.0, 0.1], 0),
}


def baseline(z: float) -> float:
    return max(z, 0.0) + math.log1p(math.exp(-abs(z)))


def per_call(f: Callable[..., Any], args: tuple[Any, ...]) -> float:
    start = time.perf_counter()
    for _ in range(CALLS):
        f(*args)
    return (time.perf_counter() - start) / CALLS


def load(spec: str) -> ModuleType:
    if not spec.endswith(".py"):
        return importlib.import_module(spec)
    found = importlib.util.spec_from_file_location("other_core", spec)
    assert found is not None and found.loader is not None
    module = importlib.util.module_from_spec(found)
    found.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", default="tutor.core")
    parser.add_argument("--other", help="a second core module (path to a .py file) timed in the same run")
    parser.add_argument("--repeats", type=int, default=40)
    args = parser.parse_args()
    cores = {"this": load(args.module)}
    if args.other:
        cores["other"] = load(args.other)

    samples: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.repeats):
        samples.setdefault(("baseline", ""), []).append(per_call(baseline, (0.7,)))
        for name, call_args in ARGS.items():
            for label, core in cores.items():
                f = getattr(core, name.split()[0])
                samples.setdefault((name, label), []).append(per_call(f, call_args))

    base = min(samples[("baseline", "")])
    print(f"baseline (math softplus): {base * 1e9:.0f} ns per call")
    header = f"{'function':18s}" + "".join(f"{label + ' ns':>12s}{label + ' ratio':>14s}" for label in cores)
    print(header + ("   this/other" if len(cores) > 1 else ""))
    for name in ARGS:
        medians = {label: min(samples[(name, label)]) for label in cores}
        row = f"{name:18s}" + "".join(f"{m * 1e9:12.0f}{m / base:14.2f}" for m in medians.values())
        if len(cores) > 1:
            row += f"{medians['this'] / medians['other']:13.2f}"
        print(row)


if __name__ == "__main__":
    main()
