"""Loader speed: ms per lesson for the bundled course and generated courses of 50 and 500 lessons.

Baseline, measured in the same run: PyYAML's C safe loader reading the same files into plain
dicts (no locations, no validation). The ratio is what our located, validated load costs on top.
Target: linear in lessons, at most 1 ms per lesson.

    python benchmarks/loader.py
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from tutor.content import bundled_course_dir, load_course


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


def measure(root: Path, lessons: int) -> tuple[float, float]:
    repeats = 9 if lessons <= 50 else 3
    ours = best_of(lambda: load_course(root), repeats) * 1000 / lessons
    bare = best_of(lambda: bare_yaml(root), repeats) * 1000 / lessons
    return ours, bare


def main() -> None:
    rows = []
    bundled = bundled_course_dir()
    count = len(load_course(bundled).lessons)
    rows.append((f"bundled ({count})", count, *measure(bundled, count)))
    with tempfile.TemporaryDirectory() as tmp:
        for size in (50, 500):
            root = make_course(size, Path(tmp) / str(size))
            rows.append((f"generated ({size})", size, *measure(root, size)))
            shutil.rmtree(root)
    print(f"{'course':<18} {'ms/lesson':>10} {'bare YAML':>10} {'ratio':>6}")
    for name, _, ours, bare in rows:
        print(f"{name:<18} {ours:>10.3f} {bare:>10.3f} {ours / bare:>5.2f}x")
    print(f"linearity: ms/lesson at 500 ÷ at 50 = {rows[2][2] / rows[1][2]:.2f} (1.00 = linear)")


if __name__ == "__main__":
    main()
