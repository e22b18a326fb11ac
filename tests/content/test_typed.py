"""parse_number: what a learner may type, and that nothing else gets through."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tutor.content.typed import NumberError, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4.6", 4.6),
        ("-0.1", -0.1),
        ("\u22120.1", -0.1),
        ("+2", 2.0),
        ("1e-3", 0.001),
        ("1E-3", 0.001),
        ("2.5e+2", 250.0),
        (".5", 0.5),
        ("-.5", -0.5),
        ("4,6", 4.6),
        ("\u22124,6", -4.6),
        ("  4.6 \t", 4.6),
        ("0", 0.0),
        ("007", 7.0),
        ("1e-999", 0.0),
    ],
)
def test_accepts(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "infinity",
        "1,000.5",
        "1,2,3",
        "1.2.3",
        "0x10",
        "1_000",
        "4.6x",
        "e5",
        "1e",
        "1e5.5",
        "--1",
        "+-1",
        ".",
        "-",
        "1 2",
        "١٢",
        "4.6%",
        "(1)",
        "1/2",
        "2**3",
    ],
)
def test_rejects(text: str) -> None:
    with pytest.raises(NumberError):
        parse_number(text)


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_blank_asks_for_a_number(text: str) -> None:
    with pytest.raises(NumberError, match="type a number first"):
        parse_number(text)


def test_messages_are_for_the_learner() -> None:
    with pytest.raises(NumberError) as not_number:
        parse_number("abc")
    assert str(not_number.value) == "‘abc’ is not a number"
    with pytest.raises(NumberError, match="too large"):
        parse_number("1e999")
    with pytest.raises(NumberError) as long_text:
        parse_number("x" * 500)
    assert len(str(long_text.value)) < 60


def test_number_error_is_a_value_error() -> None:
    assert issubclass(NumberError, ValueError)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_float_repr_round_trips(x: float) -> None:
    assert parse_number(repr(x)) == x
    assert parse_number(f" {x!r} ".replace("-", "\u2212")) == x


@given(st.text())
def test_any_text_gives_a_finite_float_or_number_error(text: str) -> None:
    try:
        value = parse_number(text)
    except NumberError:
        return
    assert math.isfinite(value)


@given(st.from_regex(r"[0-9eE.,+\-\u2212 ]{0,12}", fullmatch=True))
def test_number_like_text_gives_a_finite_float_or_number_error(text: str) -> None:
    try:
        value = parse_number(text)
    except NumberError:
        return
    assert math.isfinite(value)
