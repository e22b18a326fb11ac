"""parse_number: what a learner may type, and that nothing else gets through."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tutor.content.typed import NumberError, is_plain_number, parse_number


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
        ".",
        "-",
        "1 2",
        "١٢",
        "4.6%",
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
    assert str(not_number.value).startswith("‘abc’ is not a number; a calculation may use")
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


# ----- calculations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1/0.09", 1 / 0.09),
        ("1/3", 1 / 3),
        ("-log(0.9)", -math.log(0.9)),
        ("\u2212log(0.9)", -math.log(0.9)),
        ("exp(-1)", math.exp(-1)),
        ("ln(2)", math.log(2)),
        ("log2(8)", 3.0),
        ("log10(1000)", 3.0),
        ("sqrt(2)/2", math.sqrt(2) / 2),
        ("2^-3", 0.125),
        ("2**3", 8.0),
        ("e", math.e),
        ("pi/4", math.pi / 4),
        ("3 × 0.5", 1.5),
        ("3·0.5", 1.5),
        ("1 ÷ 4", 0.25),
        ("(1)", 1.0),
        ("1/2,5", 0.4),
        ("--1", 1.0),
        ("2·(1 − 0.4)", 1.2),
    ],
)
def test_accepts_calculations(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value, rel=1e-15)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("bce(0.27, 0)", "‘bce’ cannot be used"),
        ("sigmoid(2)", "‘sigmoid’ cannot be used"),
        ("softmax(2)", "‘softmax’ cannot be used"),
        ("x + 1", "‘x’ cannot be used"),
        ("__import__('os')", "‘_’ cannot be read"),
        ("1 < 2", "‘<’ cannot be read"),
        ("[1][0]", "‘[’ cannot be read"),
        ("log(2, 3)", "cannot be read as a calculation"),
        ("1/", "cannot be read as a calculation"),
        ("log(-1)", "not a real number"),
        ("1/0", "too large (or divides by zero)"),
        ("exp(1000)", "too large"),
        ("9^9^9^9", "too large"),
        ("10^400", "too large"),
        ("-" * 40 + "1", "nested too deeply"),
        ("(-" * 30 + "1" + ")" * 30, "nested too deeply"),
        ("1 + " * 30 + "1", "longer than 100 characters"),
        ("1\u00a0+ 2", "the character U+00A0 cannot be read"),
        ("1\n+2", "the character U+000A cannot be read"),
    ],
)
def test_refuses_calculations_it_cannot_read_and_says_why(text: str, message: str) -> None:
    with pytest.raises(NumberError, match=re.escape(message)):
        parse_number(text)


def test_a_calculation_never_runs_python() -> None:
    """Reading is ast against a whitelist: names that Python would resolve are refused."""
    for text in ("abs(-1)", "min(1, 2)", "eval('1')", "open", "True", "None", "0x10", "0b1", "0o7", "1j", "1_000"):
        with pytest.raises(NumberError):
            parse_number(text)


@pytest.mark.parametrize(
    ("text", "plain"), [("4.6", True), ("4,6", True), ("−0.1", True), ("1/3", False), ("e", False)]
)
def test_plain_numbers_are_told_from_calculations(text: str, plain: bool) -> None:
    assert is_plain_number(text) is plain


@given(st.text(alphabet="0123456789.,+-*/^() elognxpsqrt\u2212×", max_size=60))
def test_any_calculation_like_text_gives_a_finite_float_or_number_error(text: str) -> None:
    try:
        value = parse_number(text)
    except NumberError as exc:
        assert len(str(exc)) < 200
        return
    assert math.isfinite(value)


def test_messages_never_echo_control_characters() -> None:
    with pytest.raises(NumberError) as info:
        parse_number("\x1b[31m1")
    assert "\x1b" not in str(info.value) and "U+001B" in str(info.value)
