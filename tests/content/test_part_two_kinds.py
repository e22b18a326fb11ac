"""The kinds and files the course's part two added: code snippets, lesson summaries, the notation sheet.

Each is read from YAML with located errors (``file:line path: message``), bounded in size, and
checked like any other course text; broken copies of the mini course must say what is wrong.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tutor.content import CourseError, load_course
from tutor.content.cache import course_key
from tutor.content.checks import check_course
from tutor.content.kinds import CodeSection, SummarySection
from tutor.content.kinds.code import MAX_COLUMNS, MAX_LINES
from tutor.content.kinds.summary import MAX_FACTS, MAX_FORMULA_WIDTH

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture
def course_dir(tmp_path: Path) -> Path:
    target = tmp_path / "course"
    shutil.copytree(MINI, target)
    return target


def edit(course_dir: Path, old: str, new: str, name: str = "lessons/basics.yaml") -> Path:
    path = course_dir / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture lacks {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def problems(course_dir: Path) -> list[str]:
    with pytest.raises(CourseError) as info:
        load_course(course_dir)
    return info.value.lines


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


# ----- code -------------------------------------------------------------------------------


def test_the_mini_snippet_loads_as_written() -> None:
    (code,) = [s for s in load_course(MINI).lessons[0].sections if isinstance(s, CodeSection)]
    assert code.language == "python" and code.label == "Python"
    assert code.code == "loss = nn.CrossEntropyLoss()\nprint(loss(logits, labels))"
    assert code.lesson_caption() == "The loss takes logits, not probabilities."


def test_an_unknown_language_is_a_located_error(course_dir: Path) -> None:
    path = edit(course_dir, "language: python", "language: cobol")
    (line,) = problems(course_dir)
    assert line.startswith(f"{path}:{line_of(path, 'language: cobol')} sections[7].language: expected one of python")


@pytest.mark.parametrize(
    ("snippet", "message"),
    [
        ("\n".join(f"x{i} = {i}" for i in range(MAX_LINES + 1)), f"a snippet has at most {MAX_LINES}"),
        ("x = '" + "a" * MAX_COLUMNS + "'", f"line 1 of the snippet is wider than {MAX_COLUMNS} columns"),
        ("if True:\n\tpass", "a tab in the snippet"),
    ],
)
def test_snippets_are_bounded(course_dir: Path, snippet: str, message: str) -> None:
    block = "\n".join(f"      {line}" for line in snippet.split("\n"))
    edit(course_dir, "      loss = nn.CrossEntropyLoss()\n      print(loss(logits, labels))", block)
    (line,) = problems(course_dir)
    assert "sections[7].code:" in line and message in line


def test_a_snippet_is_not_checked_for_numbers_but_its_caption_is(course_dir: Path) -> None:
    edit(course_dir, "print(loss(logits, labels))", "print(loss(logits, labels))  # ≈ 0.42")
    load_course(course_dir)  # code is code: an "≈ 0.42" in it is not a claim of the course
    edit(course_dir, "The loss takes logits, not probabilities.", "The loss is ≈ 0.42 here.")
    (line,) = problems(course_dir)
    assert "sections[7].caption: the number '≈ 0.42' is not checked" in line


# ----- summary ----------------------------------------------------------------------------


def test_the_mini_summary_loads_and_its_numbers_are_checked(course_dir: Path) -> None:
    (summary,) = [s for s in load_course(MINI).lessons[0].sections if isinstance(s, SummarySection)]
    assert summary.title == "Summary" and summary.formulas == ("L = −log ŷ          (y = 1)",)
    assert summary.facts == ("A coin flip costs log 2 {{ log(2) ≈ 0.693 }}.",)
    edit(course_dir, "{{ log(2) ≈ 0.693 }}.", "{{ log(2) ≈ 0.8 }}.")
    (problem,) = check_course(load_course(course_dir))
    assert "sections[8].facts[0]: states log(2) ≈ 0.8" in problem


def test_summary_problems_are_located_per_entry(course_dir: Path) -> None:
    path = edit(course_dir, "      - A coin flip costs", "      - 3\n      - A coin flip costs ≈ 0.69 and")
    lines = problems(course_dir)
    assert f"{path}:{line_of(path, '      - 3')} sections[8].facts[0]: expected text, got a number 3" in lines
    assert any(line.startswith(f"{path}:{line_of(path, 'costs ≈ 0.69')} sections[8].facts[1]:") for line in lines)
    assert len(lines) == 2


def test_a_summary_fits_one_screen(course_dir: Path) -> None:
    facts = "\n".join(f"      - Fact {i}." for i in range(MAX_FACTS + 1))
    edit(course_dir, "      - A coin flip costs log 2 {{ log(2) ≈ 0.693 }}.", facts)
    edit(course_dir, '      - "L = −log ŷ          (y = 1)"', f'      - "{"L" * (MAX_FORMULA_WIDTH + 1)}"')
    lines = problems(course_dir)
    assert any(f"sections[8].facts: {MAX_FACTS + 1} entries; a summary holds at most {MAX_FACTS}" in x for x in lines)
    assert any("sections[8].formulas[0]:" in x and f"at most {MAX_FORMULA_WIDTH}" in x for x in lines)


# ----- notation ---------------------------------------------------------------------------


def test_the_notation_sheet_loads_in_groups() -> None:
    notation = load_course(MINI).notation
    assert [group.title for group in notation] == ["Probabilities and labels", "Logs"]
    assert notation[0].symbols[0] == ("ŷ", "the predicted probability of class 1")


def test_a_course_without_a_sheet_loads(course_dir: Path) -> None:
    (course_dir / "notation.yaml").unlink()
    assert load_course(course_dir).notation == ()


def test_notation_problems_are_located(course_dir: Path) -> None:
    path = edit(course_dir, "meaning: the true label, 0 or 1", "meening: the true label", "notation.yaml")
    edit(course_dir, "      - symbol: log\n", "      - symbol: ŷ\n", "notation.yaml")
    lines = problems(course_dir)
    where = line_of(path, "meening")
    assert f"{path}:{where} groups[0].symbols[1].meening: unknown key 'meening' (did you mean 'meaning'?)" in lines
    assert any("groups[0].symbols[1]: missing required key 'meaning'" in line for line in lines)
    assert any("groups: symbol 'ŷ' is listed twice" in line for line in lines)


def test_notation_numbers_are_checked(course_dir: Path) -> None:
    edit(course_dir, "{{ log(2) ≈ 0.693 }}", "{{ log(2) ≈ 0.8 }}", "notation.yaml")
    (problem,) = check_course(load_course(course_dir))
    assert "notation.yaml" in problem and "groups[1].symbols[0].meaning: states log(2) ≈ 0.8" in problem


def test_an_edit_to_the_sheet_changes_the_cache_key(course_dir: Path) -> None:
    before = course_key(course_dir)
    edit(course_dir, "the natural log", "the natural logarithm", "notation.yaml")
    assert course_key(course_dir) != before
