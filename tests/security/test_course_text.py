"""No string of a course file may hold control characters or bidirectional controls.

A title such as ``"Basics\\e]52;c;…\\a\\e[2J"`` once passed ``check`` and reached the terminal as
escape sequences (it wrote the clipboard); bidirectional overrides make text read differently from
what it is. Both are refused wherever they appear, keys included, with ``file:line path``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import assert_refused, edit, run_bounded

from tutor.content import CourseError, load_course
from tutor.safe_text import BIDI_CONTROLS


def problems(course: Path) -> list[str]:
    with pytest.raises(CourseError) as info:
        load_course(course)
    return info.value.lines


ESCAPES = {
    "ESC (clipboard, clear screen)": r"\e]52;c;ZWNobyBwd25lZA==\a\e[2J",
    "NUL": r"\0",
    "carriage return": r"\r",
    "DEL": r"\x7f",
    "C1 CSI": r"\x9b2J",
    "C1 NEL": r"\N",
    **{f"bidi U+{ord(c):04X}": f"\\u{ord(c):04x}" for c in BIDI_CONTROLS},
}


@pytest.mark.parametrize("escape", ESCAPES.values(), ids=ESCAPES.keys())
def test_control_and_bidi_characters_in_a_title_are_refused(course: Path, escape: str) -> None:
    path = edit(course, "title: Basics", f'title: "Basics{escape} x"')
    (line,) = problems(course)
    assert line.startswith(f"{path}:2 title: contains U+")
    assert "at character 7" in line and line.isprintable()


@pytest.mark.parametrize(
    ("name", "old", "new", "where"),
    [
        (
            "lessons/basics.yaml",
            "prompt: Which is larger?",
            r'prompt: "Which\e[31m is larger?"',
            "quiz.questions[0].prompt: contains",
        ),
        ("lessons/basics.yaml", "- header: ŷ", r'- header: "ŷ\u202e"', "sections[2].columns[0].header: contains"),
        ("lessons/basics.yaml", "- text: −log 0.01", r'- text: "\e[2J"', "quiz.questions[0].options[0].text: contains"),
        (
            "lessons/basics.yaml",
            "figure: ce-loss",
            'figure: ce-loss\n    "cap\\etion": x',
            "sections[3]: a key contains U+001B",
        ),
        (
            "lessons/basics.yaml",
            "summary: Every section and question kind, once.",
            r'summary: "\u2066Every section and question kind, once."',
            "summary: contains U+2066",
        ),
        ("course.yaml", "  - basics", r'  - "basics\e"', "lessons[0]: contains U+001B"),
    ],
)
def test_in_any_string_or_key_with_file_line_and_path(course: Path, name: str, old: str, new: str, where: str) -> None:
    text = (course / name).read_text(encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1 + ("\n" in new)
    path = edit(course, old, new, name)
    lines = problems(course)
    assert any(line_.startswith(f"{path}:{line} {where}") for line_ in lines), lines
    assert all(line_.isprintable() for line_ in lines)


def test_tab_newline_and_ordinary_unicode_are_fine(course: Path) -> None:
    edit(
        course, "summary: Every section and question kind, once.", 'summary: "Tab\\there,\\nnew line, ŷ − σ ≈ 0 ✓ 你好"'
    )
    assert load_course(course).lessons[0].summary == "Tab\there,\nnew line, ŷ − σ ≈ 0 ✓ 你好"


def test_check_and_list_print_the_refusal_escaped(course: Path) -> None:
    edit(course, "title: Basics", 'title: "Basics\\e]52;c;ZWNobyBwd25lZA==\\a\\e[2J"')
    for args in (("check", str(course)), ("--content", str(course), "list")):
        result = run_bounded(*args)
        lines = assert_refused(result, "title: contains U+001B (ESC) at character 7: 'Basics\\x1b]52;c;")
        assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stderr
        assert len(lines) == 2
