"""The loader: a valid course loads; every kind of author mistake is reported, located, at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tutor.content import CourseError, load_course
from tutor.content.checks import check_course
from tutor.content.kinds import ChoiceQuestion, GeneratedQuestion, NumericQuestion, TrueFalseQuestion, WorkedSection

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture
def course_dir(tmp_path: Path) -> Path:
    target = tmp_path / "course"
    shutil.copytree(MINI, target)
    return target


def edit(course_dir: Path, old: str, new: str, name: str = "lessons/basics.yaml") -> Path:
    path = course_dir / name
    text = path.read_text()
    assert old in text, f"fixture lacks {old!r}"
    path.write_text(text.replace(old, new, 1))
    return path


def line_of(text: str) -> int:
    """The line of the mini lesson where ``text`` first appears (the fixture grows with new kinds)."""
    lines = (MINI / "lessons" / "basics.yaml").read_text().splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


#: Where each question of the mini lesson starts.
QUESTION_LINES = [line_of(f"- id: {qid}") for qid in ("pick", "tf", "num", "gen")]


def _line(number: int) -> str:
    return (MINI / "lessons" / "basics.yaml").read_text().splitlines()[number - 1]


def problems(course_dir: Path) -> list[str]:
    with pytest.raises(CourseError) as info:
        load_course(course_dir)
    return info.value.lines


def test_mini_course_loads_every_kind() -> None:
    course = load_course(MINI)
    lesson = course.lesson("basics")
    assert [s.kind for s in lesson.sections] == [
        *("text", "formula", "worked", "plot", "explorer", "lab", "explorer", "code", "summary")
    ]
    assert [type(q) for q in lesson.questions] == [
        ChoiceQuestion,
        TrueFalseQuestion,
        NumericQuestion,
        GeneratedQuestion,
    ]
    worked = lesson.sections[2]
    assert isinstance(worked, WorkedSection) and worked.rows[0] == {"p": 0.99, "y": 1.0}
    assert len(lesson.questions[3].slips) == 4
    assert check_course(course) == []


def test_stated_numbers_are_located_to_the_line() -> None:
    stated = load_course(MINI).stated_numbers[0]
    assert (stated.stated, stated.relation) == ("4.6", "≈")
    assert stated.location.line == 7 and stated.location.path == "sections[0].markdown"


def test_problems_are_all_reported_with_file_line_and_path(course_dir: Path) -> None:
    path = edit(course_dir, "minutes: 3", "minutes: three")
    edit(course_dir, "      answer: true", "      answer: yes please")
    edit(course_dir, "    figure: ce-loss", "    figure: ce-los")
    lines = problems(course_dir)
    answer_line = path.read_text(encoding="utf-8").splitlines().index("      answer: yes please") + 1
    assert f"{path}:3 minutes: expected a whole number, got text 'three'" in lines
    assert any(
        line.startswith(f"{path}:{answer_line} quiz.questions[1].answer: expected true or false") for line in lines
    )
    assert any("sections[3].figure: expected one of ce-loss" in line and "got 'ce-los'" in line for line in lines)
    assert len(lines) == 3


def test_unknown_keys_suggest_the_known_one(course_dir: Path) -> None:
    edit(course_dir, "          explain: It is {{ -log(0.01)", "          explian: It is {{ -log(0.01)")
    lines = problems(course_dir)
    assert any(
        "quiz.questions[0].options[0].explian: unknown key 'explian' (did you mean 'explain'?)" in line
        for line in lines
    )
    assert any("options[0]: missing required key 'explain'" in line for line in lines)


def test_unknown_question_kind(course_dir: Path) -> None:
    edit(course_dir, "kind: truefalse", "kind: essay")
    assert any(
        "quiz.questions[1].kind: expected one of choice, numeric, truefalse, generated; got 'essay'" in line
        for line in problems(course_dir)
    )


def test_duplicate_question_ids(course_dir: Path) -> None:
    edit(course_dir, "id: tf", "id: pick")
    assert any("duplicate question id 'pick'" in line for line in problems(course_dir))


def test_choice_needs_exactly_one_correct_option(course_dir: Path) -> None:
    edit(course_dir, "          correct: true\n", "")
    assert any("exactly one option must have correct: true, found 0" in line for line in problems(course_dir))


@pytest.mark.parametrize(
    "payload",
    [
        "!!python/object/apply:os.system ['echo pwned']",
        "!!python/name:os.system",
        "!!binary aGk=",
    ],
)
def test_constructor_tags_are_refused_not_run(course_dir: Path, payload: str) -> None:
    path = edit(course_dir, "summary: Every section and question kind, once.", f"summary: {payload}")
    lines = problems(course_dir)
    assert len(lines) == 1 and lines[0].startswith(f"{path}:4: tag ") and "not allowed" in lines[0]


def test_malformed_yaml_gives_a_line(course_dir: Path) -> None:
    path = edit(course_dir, "title: Basics", "title: [Basics")
    (line,) = problems(course_dir)
    assert line.startswith(f"{path}:") and "malformed YAML" in line


def test_empty_and_missing_files(course_dir: Path) -> None:
    (course_dir / "lessons" / "basics.yaml").write_text("")
    assert problems(course_dir) == [f"{course_dir / 'lessons' / 'basics.yaml'}: the file is empty"]
    (course_dir / "lessons" / "basics.yaml").unlink()
    assert problems(course_dir) == [f"{course_dir / 'lessons' / 'basics.yaml'}: file not found"]


def test_unlisted_lesson_file_is_reported(course_dir: Path) -> None:
    shutil.copy(course_dir / "lessons" / "basics.yaml", course_dir / "lessons" / "extra.yaml")
    assert any("extra.yaml: lesson file not listed" in line for line in problems(course_dir))


def test_lesson_id_must_match_its_file(course_dir: Path) -> None:
    edit(course_dir, "id: basics", "id: other")
    assert any("does not match the file name" in line for line in problems(course_dir))


def test_duplicate_yaml_keys_are_errors(course_dir: Path) -> None:
    path = edit(course_dir, "minutes: 3", "minutes: 3\nminutes: 4")
    assert problems(course_dir) == [f"{path}:4: duplicate key 'minutes' (first at line 3)"]


def test_numeric_answers_must_be_computed_not_typed(course_dir: Path) -> None:
    edit(course_dir, "answer: bce(0.5, 1)", "answer: 0.693")
    assert any("quiz.questions[2].answer: expected an expression in quotes" in line for line in problems(course_dir))


@pytest.mark.parametrize(
    ("expr", "message"),
    [
        ("__import__('os').system('true')", "unknown function"),
        ("bce(0.5, 1).real", "Attribute is not allowed"),
        ("open('x')", "unknown function"),
        ("bce(p=0.5, y=1)", "positional arguments only"),
        ("bce(0.5)", "takes 2 argument(s)"),
        ("lambda: 1", "Lambda is not allowed"),
    ],
)
def test_expressions_outside_the_grammar_are_refused(course_dir: Path, expr: str, message: str) -> None:
    edit(course_dir, "answer: bce(0.5, 1)", f'answer: "{expr}"')
    assert any("quiz.questions[2].answer" in line and message in line for line in problems(course_dir))


def test_unchecked_decimal_in_prose_is_refused(course_dir: Path) -> None:
    edit(course_dir, "explain: e⁰ = 1.", "explain: log 0.5 ≈ -0.693.")
    assert any(
        "quiz.questions[1].explain: the number '≈ -0.693' is not checked" in line for line in problems(course_dir)
    )


def test_a_wrong_stated_number_fails_the_check(course_dir: Path) -> None:
    edit(course_dir, "{{ bce(0.01, 1) ≈ 4.6 }}", "{{ bce(0.01, 1) ≈ 4.7 }}")
    (line,) = check_course(load_course(course_dir))
    assert "sections[0].markdown: states bce(0.01, 1) ≈ 4.7, but the core computes 4.60517" in line
    assert ":7 " in line


def test_stated_precision_is_honoured(course_dir: Path) -> None:
    edit(course_dir, "{{ bce(0.5, 1) ≈ 0.693 }}", "{{ bce(0.5, 1) ≈ 0.694 }}")
    assert len(check_course(load_course(course_dir))) == 1


def test_not_a_directory(tmp_path: Path) -> None:
    with pytest.raises(CourseError, match="not a directory"):
        load_course(tmp_path / "nope")


def test_builtin_slip_that_cannot_apply_is_an_error(course_dir: Path) -> None:
    edit(course_dir, "slips: [log2, log10, sign]", "slips: [log2, complement]")
    assert any(
        "slip 'complement' does not apply to 'bce(0.5, 1)' (it needs a variable p)" in line
        for line in problems(course_dir)
    )


def test_slip_accepted_as_the_answer_fails_the_check(course_dir: Path) -> None:
    edit(course_dir, "slips: [log2, log10, sign]", "slips: [{answer: 'bce(0.5, 1) + 0.001', message: same}]")
    (line,) = check_course(load_course(course_dir))
    assert line.startswith(f"{course_dir / 'lessons' / 'basics.yaml'}:{QUESTION_LINES[2]} quiz.questions[2]: num: ")
    assert (
        "slip 'bce(0.5, 1) + 0.001' gives 0.694147 (0.69 to 2 decimals), which is accepted as the answer 0.693147"
        in line
    )


def test_tolerance_is_refused_with_a_pointer_to_precision(course_dir: Path) -> None:
    edit(course_dir, "precision: {decimals: 2}", "tolerance: {abs: 0.01}")
    (line,) = problems(course_dir)
    num_precision = next(n for n in range(QUESTION_LINES[2], QUESTION_LINES[3]) if "precision:" in _line(n))
    assert f"basics.yaml:{num_precision} quiz.questions[2].tolerance: 'tolerance' is replaced by 'precision'" in line
    assert "precision: {decimals: N} or {significant: N}" in line


@pytest.mark.parametrize(
    ("precision", "message"),
    [
        ("{}", "give either decimals or significant"),
        ("{decimals: 2, significant: 3}", "give either decimals or significant"),
        ("{decimals: -1}", "decimals: must be between 0 and 12, got -1"),
        ("{significant: 0}", "significant: must be between 1 and 12, got 0"),
        ("{places: 2}", "unknown key 'places'"),
        ("2", "expected a mapping"),
    ],
)
def test_precision_must_be_decimals_or_significant(course_dir: Path, precision: str, message: str) -> None:
    edit(course_dir, "precision: {decimals: 2}", f"precision: {precision}")
    assert any(message in line for line in problems(course_dir)), problems(course_dir)


def test_precision_is_required(course_dir: Path) -> None:
    edit(course_dir, "      precision: {decimals: 2}\n", "")
    assert any("missing required key 'precision'" in line for line in problems(course_dir))


def test_significant_figures_load(course_dir: Path) -> None:
    edit(course_dir, "precision: {decimals: 2}", "precision: {significant: 3}")
    question = load_course(course_dir).lesson("basics").questions[2]
    assert isinstance(question, NumericQuestion) and question.precision.describe() == "to 3 significant figures"


def test_questions_know_their_line() -> None:
    assert [q.line for q in load_course(MINI).lesson("basics").questions] == QUESTION_LINES


def test_require_drops_draws_and_is_checked(course_dir: Path) -> None:
    gen = load_course(course_dir).lesson("basics").questions[3]
    assert isinstance(gen, GeneratedQuestion)
    assert len(gen.all_draws()) == 2 * 80  # p in 0.10 … 0.90 except 0.5, y in {0, 1}
    edit(course_dir, 'require: ["p != 0.5"]', 'require: ["p < 0"]')
    (line,) = check_course(load_course(course_dir))
    assert f"basics.yaml:{QUESTION_LINES[3]} quiz.questions[3]: gen: no draw meets every condition of require" in line


@pytest.mark.parametrize(
    ("require", "message"), [("[1]", "expected a condition in quotes"), ('["q > 0"]', "unknown name 'q'")]
)
def test_require_must_be_conditions_on_the_drawn_variables(course_dir: Path, require: str, message: str) -> None:
    edit(course_dir, 'require: ["p != 0.5"]', f"require: {require}")
    assert any(message in line for line in problems(course_dir))


def test_every_draw_is_checked_and_the_failing_draw_is_named(course_dir: Path) -> None:
    edit(course_dir, '      require: ["p != 0.5"]\n', "")
    lines = check_course(load_course(course_dir))
    assert lines == [
        f"{course_dir / 'lessons' / 'basics.yaml'}:{QUESTION_LINES[3]} quiz.questions[3]: gen, draw p = 0.5, y = {y}: "
        "slip 'bce(1 - p, y)' gives 0.693147 (0.69 to 2 decimals), which is accepted as the answer 0.693147; "
        "choose numbers (or a precision) that tell them apart"
        for y in (0, 1)
    ]


def test_too_many_draws_are_refused(course_dir: Path) -> None:
    edit(course_dir, "{name: p, low: 0.1, high: 0.9, decimals: 2}", "{name: p, low: 0.1, high: 0.9, decimals: 5}")
    (line,) = problems(course_dir)
    assert "quiz.questions[3].draw: 160002 possible draws, more than the 20000 ce-tutor check verifies" in line


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("w0", ".nan", "w0: must be a finite number, got nan"),
        ("w0", ".inf", "w0: must be a finite number, got inf"),
        ("label_noise", "-1", "label_noise: must be between 0.0 and 0.5, got -1.0"),
    ],
)
def test_lab_numbers_must_be_finite_and_in_range(course_dir: Path, key: str, value: str, message: str) -> None:
    edit(course_dir, "    epochs: 50", f"    epochs: 50\n    {key}: {value}")
    assert any(message in line for line in problems(course_dir))


def test_a_lab_shows_the_parts_it_lists_in_their_order(course_dir: Path) -> None:
    from tutor.content.kinds import LabSection

    def lab_of(course) -> LabSection:
        return next(s for s in course.lessons[0].sections if isinstance(s, LabSection))

    assert lab_of(load_course(course_dir)).show == ("losses", "histograms")  # the default: both
    edit(course_dir, "    epochs: 50", "    epochs: 50\n    show: [histograms, losses]")
    assert lab_of(load_course(course_dir)).show == ("histograms", "losses")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[loss]", "show[0]: expected one of losses, histograms; got 'loss'"),
        ("[losses, losses]", "show[1]: losses is listed twice"),
        ("[]", "show: list at least one of losses, histograms"),
        ("losses", "show: expected list, got text"),
        ("[{a: 1}]", "show[0]: expected one of losses, histograms; got a mapping"),
    ],
)
def test_a_labs_show_is_checked(course_dir: Path, value: str, message: str) -> None:
    edit(course_dir, "    epochs: 50", f"    epochs: 50\n    show: {value}")
    lines = problems(course_dir)
    assert any(message in line and "basics.yaml:" in line for line in lines), lines


def test_loader_checks_column_formats_with_format_problem(course_dir: Path) -> None:
    edit(course_dir, 'format: ".2f"', 'format: "auto3"')
    load_course(course_dir)  # accepted
    edit(course_dir, 'format: "auto3"', 'format: "%.2f"')
    (line,) = problems(course_dir)
    assert "basics.yaml:" in line and "format" in line and "not a number format" in line


def test_text_outside_the_markdown_subset_is_refused_with_its_line(course_dir: Path) -> None:
    edit(course_dir, "The penalty for", "See [the notes](https://example.com). The penalty for")
    (line,) = problems(course_dir)
    assert "basics.yaml:7 sections[0].markdown: a link, which ce-tutor does not show; write plain paragraphs" in line
