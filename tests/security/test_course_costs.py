"""Every cost a course file can cause is bounded: nesting, number formats, draw ranges, table sizes, markers.

Each of these once froze or crashed ``ce-tutor check`` or the app: YAML nested 330+ levels deep
(RecursionError), ``format: "2000000000f"`` (a 2 GB allocation), a draw range of ±1e308
(OverflowError in the quiz), 20 KB of ``{{`` in prose (12 s; 1 MB would take hours).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import assert_refused, edit, run_bounded

from tutor.content import CourseError, load_course
from tutor.content.limits import MAX_DEPTH, MAX_MARKERS, MAX_MARKERS_PER_TEXT, MAX_PROBLEMS
from tutor.content.yamlsource import SourceError, load_text


def problems(course: Path) -> list[str]:
    with pytest.raises(CourseError) as info:
        load_course(course)
    return info.value.lines


# ----- nesting ----------------------------------------------------------------------------

NESTINGS = {
    "flow": lambda depth: "[" * depth + "]" * depth,
    "block": lambda depth: "".join("  " * i + "-\n" for i in range(depth - 1)) + "  " * (depth - 1) + "- x\n",
    "compact": lambda depth: "- " * depth + "x\n",
    "mappings": lambda depth: "".join(" " * i + "a:\n" for i in range(depth)) + " " * depth + "b\n",
}


@pytest.mark.parametrize("shape", NESTINGS)
def test_nesting_up_to_the_limit_loads_and_one_more_level_is_refused(shape: str) -> None:
    make = NESTINGS[shape]
    load_text(make(MAX_DEPTH))
    with pytest.raises(SourceError, match=f"nested more than {MAX_DEPTH} levels deep"):
        load_text(make(MAX_DEPTH + 1))


@pytest.mark.parametrize("shape", ["flow", "compact"])
@pytest.mark.parametrize("depth", [400, 5_000, 200_000])
def test_deep_nesting_is_a_located_error_never_a_recursion_error(course: Path, shape: str, depth: int) -> None:
    lesson = course / "lessons" / "basics.yaml"
    lesson.write_text("id: basics\nnotes:\n  " + NESTINGS[shape](depth))
    (line,) = problems(course)
    assert line.startswith(f"{lesson}:") and ("nested more than 64 levels deep" in line or "nesting depth" in line)


# ----- worked-table formats ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("200000f", "format '200000f' is too wide: width at most 40, precision at most 17"),
        ("2000000000f", "format '2000000000f' is too wide"),
        (".2000000000f", "format '.2000000000f' is too wide"),
        ("99999999999999999999999999f", "is too wide"),
        ("9" * 5000 + "f", "is too wide"),
        ("{0}", "not a number format: '{0}'"),
        ("d", "not a number format: 'd'"),
        ("n", "not a number format: 'n'"),
        (",_f", "not a number format: ',_f'"),
        ("x" * 500, "not a number format: 'xxxxxxxxxx"),
    ],
)
def test_a_format_spec_beyond_the_limits_is_refused_at_load(course: Path, spec: str, message: str) -> None:
    path = edit(course, 'format: ".2f"', f'format: "{spec}"')
    (line,) = problems(course)
    assert line.startswith(f"{path}:20 sections[2].columns[0].format: ") and message in line and len(line) < 300


@pytest.mark.parametrize("spec", [".3f", "8.3f", ">12.4e", "+.1%", "0=10,.2f", ".17g", "*^40.0f", "#.3g"])
def test_ordinary_format_specs_load(course: Path, spec: str) -> None:
    edit(course, 'format: ".2f"', f'format: "{spec}"')
    assert load_course(course).lessons[0].sections[2].columns[0].format == spec


def test_a_huge_format_spec_does_not_allocate(course: Path) -> None:
    """Run where a 2 GB allocation fails: the spec must be refused before ``format`` ever sees it."""
    edit(course, 'format: ".2f"', 'format: "2000000000f"')
    assert_refused(run_bounded("check", str(course)), "is too wide")


# ----- generated questions ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("draw", "message"),
    [
        ("{name: p, low: -1.0e+308, high: 1.0e+308, decimals: 2}", "low: must be between -1000000.0 and 1000000.0"),
        ("{name: p, low: 0.0, high: .inf, decimals: 2}", "high: must be between -1000000.0 and 1000000.0, got inf"),
        ("{name: p, low: .nan, high: 1.0, decimals: 2}", "low: must be between"),
        ("{name: p, low: 0.0, high: 2.0e+6, decimals: 2}", "high: must be between"),
        ("{name: p, low: 0.1, high: 0.9, decimals: 400}", "decimals: must be between 0 and 6"),
        ("{name: p, choices: [1, 1.0e+300]}", "choices: expected a list of numbers, each between"),
        ("{name: p, choices: [1, true]}", "choices: expected a list of numbers"),
    ],
)
def test_draw_ranges_must_be_finite_and_bounded(course: Path, draw: str, message: str) -> None:
    edit(course, "{name: p, low: 0.1, high: 0.9, decimals: 2}", draw)
    lines = problems(course)
    assert any(f"quiz.questions[3].draw[0].{message}" in line for line in lines), lines


def test_the_draws_to_check_are_bounded(course: Path) -> None:
    """``check`` grades the answer at every possible draw: 81**30 would never end."""
    draws = "".join(f"\n        - {{name: v{i}, low: 0.1, high: 0.9}}" for i in range(30))
    edit(course, "      answer: bce(p, y)", "      answer: bce(p, y) + " + " + ".join(f"v{i}" for i in range(30)))
    edit(course, "        - {name: y, choices: [0, 1]}", "        - {name: y, choices: [0, 1]}" + draws)
    lines = problems(course)
    assert any("quiz.questions[3].draw: " in x and "possible draws, more than the 20000" in x for x in lines)


def test_a_huge_draw_range_is_refused_without_listing_it(course: Path) -> None:
    """±1e6 at 6 decimals is 2e12 + 1 values: counted, never built."""
    edit(course, "{name: p, low: 0.1, high: 0.9, decimals: 2}", "{name: p, low: -1000000, high: 1000000, decimals: 6}")
    lines = problems(course)
    assert any("quiz.questions[3].draw: 4000000000002 possible draws" in x for x in lines), lines  # (2e12 + 1) p × 2 y


def test_worked_tables_are_bounded_in_cells(course: Path) -> None:
    rows = "".join(f"\n      - {{p: 0.5, y: {i % 2}}}" for i in range(600))
    edit(course, "      - {p: 0.5, y: 1}", "      - {p: 0.5, y: 1}" + rows)
    (line,) = problems(course)
    assert "sections[2].rows: 602 rows × 2 columns is 1204 cells; a worked table has at most 1000" in line


def test_number_markers_are_bounded_per_text(course: Path) -> None:
    markers = " ".join(["{{ 1 = 1 }}"] * (MAX_MARKERS_PER_TEXT + 1))
    edit(course, "summary: Every section and question kind, once.", f'summary: "{markers}"')
    (line,) = problems(course)
    assert f"summary: more than {MAX_MARKERS_PER_TEXT} number markers in one text; split it" in line


def test_number_markers_are_bounded_per_course(course: Path) -> None:
    texts = MAX_MARKERS // MAX_MARKERS_PER_TEXT + 1
    markers = " ".join(["{{ 1 = 1 }}"] * MAX_MARKERS_PER_TEXT)
    sections = "".join(f'\n  - kind: text\n    markdown: "{markers}"' for _ in range(texts))
    edit(course, "sections:", "sections:" + sections)
    (line,) = problems(course)
    assert f"markdown: more than {MAX_MARKERS} number markers in the course; the rest are not read" in line


def test_problems_are_bounded_in_number(course: Path) -> None:
    """One problem per line of a hostile file: kept up to a limit, the rest counted."""
    (course / "lessons" / "basics.yaml").write_text("".join(f"k{i}: ≈ 0.5\n" for i in range(3000)))
    lines = problems(course)
    assert len(lines) == MAX_PROBLEMS + 1 and lines[-1].startswith("… and ") and lines[-1].endswith("more problem(s)")


# ----- prose scanning ---------------------------------------------------------------------

HOSTILE_PROSE = {
    "unclosed markers": "{{" * 450_000,
    "long marker body": "{{ a" + " " * 900_000 + "b = 1 }}",
    "relations in a marker": "{{ " + "=1 " * 300_000 + "}}",
    "approximations": "≈" * 300_000,
    "digits after ≈": "≈ " + "1" * 900_000,
}


@pytest.mark.parametrize("text", HOSTILE_PROSE.values(), ids=HOSTILE_PROSE.keys())
def test_a_megabyte_of_hostile_prose_is_checked_in_bounded_time(course: Path, text: str) -> None:
    """Linear scanning: ~0.1 s of work here, capped at 30 CPU seconds (the old regexes needed hours)."""
    (course / "lessons" / "basics.yaml").write_text(
        (course / "lessons" / "basics.yaml")
        .read_text()
        .replace("summary: Every section and question kind, once.", "summary: |\n  " + text)
    )
    result = run_bounded("check", str(course))
    assert "Traceback" not in result.stderr and result.returncode in (0, 1), result.stderr[-500:]
