"""Generated questions drawn (``instantiate``) and practice sets: drawn numbers within bounds,
answers equal to the core's."""

from __future__ import annotations

import itertools
import math
import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tutor import core
from tutor.content import bundled_course_dir, load_course
from tutor.content.expr import ExprError, evaluate, parse
from tutor.content.kinds import Draw, GeneratedQuestion, NumberAsked, NumericQuestion, Precision, Slip
from tutor.content.kinds.generated import draw_value, instantiate
from tutor.quiz.practice import mix, practice_set

#: Generated templates every lesson needs so that practice can mix them.
MIN_TEMPLATES = 3
PROMPT = re.compile(r"ŷ = (?P<p>\S+), y = (?P<y>\S+): compute L\.")


def template(
    prompt: str, draws: tuple[Draw, ...], answer: str, slips: tuple[Slip, ...] = (), explain: str = ""
) -> GeneratedQuestion:
    names = {d.name for d in draws}
    return GeneratedQuestion(
        id="g",
        prompt=prompt,
        draws=draws,
        answer=parse(answer, names),
        precision=Precision(decimals=2),
        explain=explain,
        slips=slips,
    )


@pytest.mark.parametrize("seed", range(40))
def test_answer_is_the_cores_value_for_the_drawn_numbers(mini_questions, seed: int) -> None:
    gen = mini_questions["gen"]
    question = instantiate(gen, random.Random(seed))
    match = PROMPT.fullmatch(question.prompt)
    assert match, question.prompt
    p, y = float(match["p"]), float(match["y"])
    assert 0.1 <= p <= 0.9 and p != 0.5 and round(p, 2) == p
    assert y in (0.0, 1.0) and match["y"] in ("0", "1")
    assert evaluate(question.answer) == pytest.approx(float(core.bce(p, y)), rel=1e-12)
    log10_slip = question.slips[0]
    assert evaluate(log10_slip.answer) == pytest.approx(float(core.bce(p, y)) / math.log(10), rel=1e-12)
    assert NumberAsked(question).grade(repr(float(core.bce(p, y)))).correct


def test_result_is_self_contained(mini_questions) -> None:
    gen = mini_questions["gen"]
    question = instantiate(gen, random.Random(3))
    assert isinstance(question, NumericQuestion)
    assert question.id == gen.id and question.precision == gen.precision and question.explain == gen.explain
    assert question.answer.variables == frozenset()
    assert [s.message for s in question.slips] == [s.message for s in gen.slips]
    assert all(s.answer.variables == frozenset() for s in question.slips)


def test_same_seed_same_numbers(mini_questions) -> None:
    gen = mini_questions["gen"]
    first, second = (instantiate(gen, random.Random(11)) for _ in range(2))
    assert first == second
    prompts = {instantiate(gen, random.Random(seed)).prompt for seed in range(10)}
    assert len(prompts) > 1


@pytest.mark.parametrize(
    "draw",
    [
        Draw("x", 0.05, 0.95, 2),
        Draw("x", -3, 3, 0),
        Draw("x", 0.101, 0.139, 2),
        Draw("x", 1e-4, 2e-4, 5),
        Draw("x", 2, 2, 1),
    ],
)
def test_drawn_values_stay_on_the_grid_within_bounds(draw: Draw) -> None:
    rng = random.Random(0)
    values = [draw_value(draw, rng) for _ in range(300)]
    assert all(draw.low <= v <= draw.high for v in values)
    assert all(round(v, draw.decimals) == v for v in values)


def test_draws_cover_the_range() -> None:
    rng = random.Random(1)
    assert {draw_value(Draw("x", 1, 4, 0), rng) for _ in range(200)} == {1.0, 2.0, 3.0, 4.0}
    assert {draw_value(Draw("x", choices=(0.25, 7.0)), rng) for _ in range(50)} == {0.25, 7.0}


def test_text_shows_values_as_drawn() -> None:
    q = template(
        "a={a} b={b} c={c} keep {d} and {{ bce(0.5, 1) ≈ 0.69 }}",
        (Draw("a", choices=(3.0,)), Draw("b", choices=(-0.5,)), Draw("c", choices=(1e-5,))),
        "a + b + c",
        explain="with a = {a}",
    )
    question = instantiate(q, random.Random(0))
    assert question.prompt == "a=3 b=−0.5 c=0.00001 keep {d} and {{ bce(0.5, 1) ≈ 0.69 }}"
    assert question.explain == "with a = 3"
    assert evaluate(question.answer) == pytest.approx(2.50001)


@pytest.mark.parametrize(
    "answer", ["x ** 2", "-x ** 2", "2 ** x", "x ^ 2", "1 - x ^ 2", "x ** 2 - x ^ 2 + x**2", "abs(x) * x"]
)
def test_substitution_keeps_the_meaning(answer: str) -> None:
    q = template("{x}", (Draw("x", choices=(-2.0,)),), answer)
    assert evaluate(instantiate(q, random.Random(0)).answer) == evaluate(q.answer, {"x": -2.0})


def test_degenerate_draws_are_redrawn() -> None:
    slip = Slip(parse("log(1 - p)", {"p"}), "complement")
    q = template("{p}", (Draw("p", choices=(0.0, 0.5, 1.0)),), "-log(p)", slips=(slip,))
    for seed in range(20):
        assert evaluate(instantiate(q, random.Random(seed)).answer) == pytest.approx(math.log(2))


def test_a_template_with_no_finite_draw_is_an_error() -> None:
    q = template("{p}", (Draw("p", choices=(0.0,)),), "-log(p)")
    with pytest.raises(ExprError, match="no draw"):
        instantiate(q, random.Random(0))


def test_practice_set(mini_questions) -> None:
    other = template("ŷ = {p}, y = 1: compute L.", (Draw("p", 0.1, 0.9, 1),), "bce(p, 1)")
    questions = [*mini_questions.values(), other]
    drawn = practice_set(questions, seed=4, count=7)
    assert len(drawn) == 7 and all(isinstance(q, GeneratedQuestion) for q in drawn)
    ids = [q.id for q in drawn]
    assert sorted(ids) == ["g"] * 3 + ["gen"] * 4 or sorted(ids) == ["g"] * 4 + ["gen"] * 3
    assert practice_set(questions, seed=4, count=7) == drawn
    assert any(practice_set(questions, seed=seed, count=7) != drawn for seed in range(5, 15))
    assert practice_set([mini_questions["num"]], seed=0, count=3) == []
    assert practice_set(questions, seed=0, count=0) == []


@given(
    templates=st.integers(min_value=2, max_value=6),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
    count=st.integers(min_value=0, max_value=40),
)
def test_a_mix_never_asks_the_same_template_twice_in_a_row_and_covers_them_evenly(
    templates: int, seed: int, count: int
) -> None:
    picked = mix(list(range(templates)), random.Random(seed), count)
    assert len(picked) == count
    assert all(a != b for a, b in itertools.pairwise(picked)), picked
    counts = [picked.count(t) for t in range(templates)]
    assert max(counts) - min(counts) <= 1  # rounds: each template once before any twice


def test_one_template_is_all_a_mix_can_repeat() -> None:
    assert mix(["only"], random.Random(0), 3) == ["only"] * 3
    assert mix([], random.Random(0), 3) == []


def test_every_bundled_lesson_has_at_least_three_practice_templates() -> None:
    """So that practice mixes (issue 15): a lesson with fewer repeats a template every other question."""
    course = load_course(bundled_course_dir())
    short = {
        lesson.id: sum(q.PRACTICE for q in lesson.questions)
        for lesson in course.lessons
        if sum(q.PRACTICE for q in lesson.questions) < MIN_TEMPLATES
    }
    assert not short, f"lessons with fewer than {MIN_TEMPLATES} generated templates: {short}"


def test_a_negative_drawn_value_after_an_operator_is_parenthesised() -> None:
    q = template("σ({a} − {b}) and {b} alone", (Draw("a", choices=(-2.5,)), Draw("b", choices=(-2.6,))), "a - b")
    assert instantiate(q, random.Random(0)).prompt == "σ(−2.5 − (−2.6)) and −2.6 alone"
