"""Random mutations of the bundled course: the loader answers with located errors, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tutor.content import CourseError, bundled_course_dir, load_course
from tutor.content.checks import check_course

LESSONS = sorted((bundled_course_dir() / "lessons").glob("*.yaml"))
JUNK = [
    "",
    ":",
    "- ",
    "{",
    "]",
    "!!python/object:os.system {}",
    "&a x",
    "*a",
    "'",
    '"',
    "\t",
    "~",
    "null",
    "1e999",
    "-",
    "kind: essay",
    "[1, 2]",
    "{a: 1}",
    "\u2212",
    "{{ bce(2, 1) ≈ 1.0 }}",
    "≈ 0.5",
    "\x00",
    "yes",
]


@st.composite
def mutated_text(draw: st.DrawFn) -> tuple[str, str]:
    """A lesson file with a few lines deleted, duplicated, truncated or replaced by junk."""
    path = draw(st.sampled_from(LESSONS))
    lines = path.read_text(encoding="utf-8").splitlines()
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "truncate", "junk", "indent", "value"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "truncate":
            lines[i] = lines[i][: draw(st.integers(0, max(len(lines[i]) - 1, 0)))]
        elif action == "junk":
            lines[i] = draw(st.sampled_from(JUNK))
        elif action == "indent":
            lines[i] = " " * draw(st.integers(1, 3)) + lines[i]
        elif ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: {draw(st.sampled_from(JUNK))}"
    return path.name, "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("fuzz") / "course"
    shutil.copytree(bundled_course_dir(), target)
    return target


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutation=mutated_text())
def test_mutated_course_loads_or_reports_located_errors(workdir: Path, mutation: tuple[str, str]) -> None:
    name, text = mutation
    target = workdir / "lessons" / name
    original = (bundled_course_dir() / "lessons" / name).read_text(encoding="utf-8")
    target.write_text(text, encoding="utf-8")
    try:
        course = load_course(workdir)
    except CourseError as exc:
        assert exc.lines, "a CourseError lists its problems"
        for line in exc.lines:
            assert line.startswith(str(workdir)), f"unlocated problem: {line}"
    else:
        # Only the mutated lesson can have new problems: check it (every draw of it) and every stated number.
        mutated = msgspec.structs.replace(course, lessons=tuple(x for x in course.lessons if x.id == target.stem))
        for line in check_course(mutated):
            assert line.startswith(str(workdir)), f"unlocated check problem: {line}"
    finally:
        target.write_text(original, encoding="utf-8")
