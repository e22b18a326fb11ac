"""Loader speed: ms per lesson for the bundled course and generated courses of 50 and 500 lessons.

Baseline, measured in the same run: PyYAML's C safe loader reading the same files into plain
dicts (no locations, no validation). The ratio is what our located, validated load costs on top.
"cold" validates from YAML (as ``ce-tutor check`` does); "warm" is a start-up that finds the
validated course in the cache (``tutor/content/cache.py``). Target: linear, at most 1 ms per lesson.

    python benchmarks/loader.py
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

import isolated  # noqa: F401  # first: CE_TUTOR_HOME is a temporary folder, never the learner's
import yaml

from tutor.content import bundled_course_dir, load_course
from tutor.content.cache import load_course_cached


def make_course(size: int, into: Path) -> Path:
    """A course of ``size`` lessons: the bundled lessons repeated under new ids."""
    source = bundled_course_dir()
    lessons = sorted((source / "lessons").glob("*.yaml"))
    (into / "lessons").mkdir(parents=True)
    ids = []
    for i in range(size):
        template = lessons[i % len(lessons)]
        new_id = f"{template.stem}-{i}"
        text = template.read_text(encoding="utf-8").replace(f"id: {template.stem}", f"id: {new_id}", 1)
        (into / "lessons" / f"{new_id}.yaml").write_text(text, encoding="utf-8")
        ids.append(new_id)
    (into / "course.yaml").write_text("title: Generated\nlessons:\n" + "".join(f"  - {i}\n" for i in ids))
    return into


def best_of(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) if repeats < 5 else statistics.median(times)


def bare_yaml(root: Path) -> None:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in [root / "course.yaml", *sorted((root / "lessons").glob("*.yaml"))]:
        yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def measure(root: Path, lessons: int, cache: Path) -> tuple[float, float, float]:
    repeats = 9 if lessons <= 50 else 3
    cold = best_of(lambda: load_course(root), repeats) * 1000 / lessons
    load_course_cached(root, cache)
    warm = best_of(lambda: load_course_cached(root, cache), repeats) * 1000 / lessons
    bare = best_of(lambda: bare_yaml(root), repeats) * 1000 / lessons
    return cold, warm, bare


def measure_all() -> list[tuple[str, float, float, float]]:
    """(course, cold ms/lesson, warm ms/lesson, bare YAML ms/lesson) for 5, 50 and 500 lessons."""
    results = []
    bundled = bundled_course_dir()
    count = len(load_course(bundled).lessons)
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        results.append((f"bundled ({count})", *measure(bundled, count, cache)))
        for size in (50, 500):
            root = make_course(size, Path(tmp) / str(size))
            results.append((f"generated ({size})", *measure(root, size, cache)))
            shutil.rmtree(root)
    return results


def main() -> None:
    results = measure_all()
    print(f"{'course':<16} {'cold ms/lesson':>14} {'warm ms/lesson':>14} {'bare YAML':>10} {'cold/bare':>9}")
    for name, cold, warm, bare in results:
        print(f"{name:<16} {cold:>14.3f} {warm:>14.3f} {bare:>10.3f} {cold / bare:>8.2f}x")
    print(f"linearity (cold ms/lesson at 500 / at 50): {results[2][1] / results[1][1]:.2f}; 1.00 = linear")


if __name__ == "__main__":
    main()
