"""The expression language: maths spellings, precedence, and nothing outside the whitelist."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tutor import core
from tutor.content.expr import LEARNER, ExprError, evaluate, parse, substitute


@pytest.mark.parametrize(
    ("source", "env", "expected"),
    [
        ("-log(0.5)", {}, math.log(2)),
        ("1 - p^2", {"p": 0.5}, 0.75),
        ("2·p − 1", {"p": 0.25}, -0.5),
        ("3 × 2 ** 2", {}, 12.0),
        ("softmax([2, 1])[0]", {}, float(core.sigmoid(1.0))),
        ("cross_entropy([[1.5, 0]], [0])", {}, float(core.bce_with_logits(1.5, 1))),
        ("bce_grad_z(logit(0.9), 1)", {}, -0.1),
        ("mean([bce(0.9, 1), bce(0.2, 0)])", {}, (math.log(1 / 0.9) + math.log(1 / 0.8)) / 2),
    ],
)
def test_values(source: str, env: dict[str, float], expected: float) -> None:
    assert evaluate(parse(source, set(env)), env) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    "source",
    [
        "",
        "x",
        "a.b",
        "f(1)",
        "[1][0](2)",
        "'text'",
        "True",
        "1 if 1 else 0",
        "(lambda: 1)()",
        "__import__('os')",
        "bce(*[0.5, 1])",
        "{1: 2}",
    ],
)
def test_refused(source: str) -> None:
    with pytest.raises(ExprError):
        parse(source)


def test_core_errors_become_expr_errors() -> None:
    with pytest.raises(ExprError, match="p must lie in"):
        evaluate(parse("bce(1.5, 1)"))
    with pytest.raises(ExprError, match="gives 2 numbers"):
        evaluate(parse("softmax([1, 2])"))


def test_substitute_renames_variables_and_functions() -> None:
    expr = parse("bce(p, y) · 2", {"p", "y"})
    swapped = substitute(expr, {"p": "(1 - p)", "bce": "mse"})
    assert evaluate(swapped, {"p": 0.3, "y": 1}) == pytest.approx(2 * float(core.mse(0.7, 1)))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789.+-*/^()[],· pyelogbcsmxqrt_", max_size=40))
def test_any_text_parses_or_raises_expr_error(text: str) -> None:
    try:
        expr = parse(text, {"p", "y"})
    except ExprError:
        return
    try:
        value = evaluate(expr, {"p": 0.3, "y": 1.0})
    except ExprError:
        return
    assert isinstance(value, float)


@pytest.mark.parametrize(
    ("source", "env", "expected"),
    [("a != b", {"a": 1.0, "b": 1.0}, 0.0), ("a != b", {"a": 1.0, "b": 2.0}, 1.0), ("0 < p <= 0.9", {"p": 0.9}, 1.0)],
)
def test_course_conditions_compare(source: str, env: dict[str, float], expected: float) -> None:
    assert evaluate(parse(source, set(env)), env) == expected


@pytest.mark.parametrize("source", ["bce(0.5, 1)", "sigmoid(1)", "[1, 2][0]", "1 < 2", "p", "abs(-1)", "log(1, 2)"])
def test_the_learner_grammar_is_a_calculator(source: str) -> None:
    """No loss functions (they would give answers away), lists, comparisons or variables."""
    with pytest.raises(ExprError):
        parse(source, grammar=LEARNER)


def test_the_learner_grammar_bounds_length_and_depth() -> None:
    assert evaluate(parse("ln(2) + log2(4) · sqrt(e) ^ 2 / pi", grammar=LEARNER)) > 0
    with pytest.raises(ExprError, match="longer than 100"):
        parse("1+" * 50 + "1", grammar=LEARNER)
    with pytest.raises(ExprError, match="nested more than 20"):
        parse("-" * 21 + "1", grammar=LEARNER)
