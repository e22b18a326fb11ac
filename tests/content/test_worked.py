"""Worked-table cells: the column formats, including ``autoN`` for columns with small values."""

from __future__ import annotations

import pytest

from tutor import core
from tutor.content.kinds.worked import MAX_EXTRA_DECIMALS, format_auto, format_problem, format_value


@pytest.mark.parametrize(
    ("value", "decimals", "shown"),
    [
        (float(core.sigmoid(-10)), 4, "4.5e-5"),  # not 0.0000: σ never reaches 0
        (-9.08e-5, 4, "-9.1e-5"),
        (float(core.mse(core.sigmoid(-10), 1)), 3, "0.9999"),  # not 1.000: the ceiling is never reached
        (-0.9999546, 3, "-0.99995"),
        (0.0067, 3, "0.0067"),  # two significant digits, not 0.007
        (0.01420, 3, "0.014"),
        (0.5, 4, "0.5000"),  # a value that needs nothing keeps its decimals
        (0.987, 3, "0.987"),
        (2.0, 3, "2.000"),  # whole numbers stay whole
        (0.0, 3, "0.000"),
        (0.001, 3, "0.0010"),  # 10⁻³ itself is not small
        (0.00099, 3, "9.9e-4"),
    ],
)
def test_auto_format(value: float, decimals: int, shown: str) -> None:
    assert format_auto(value, decimals) == shown


def test_auto_format_stops_adding_decimals() -> None:
    text = format_auto(1 - 1e-13, 3)
    assert len(text.split(".")[1]) == 3 + MAX_EXTRA_DECIMALS


def test_format_value_writes_true_minus_signs_in_every_format() -> None:
    assert format_value(-4.5e-5, "auto3") == "\u22124.5e\u22125"
    assert format_value(-0.0004, ".3f") == "0.000"  # no −0.000
    assert format_value(float("inf"), "auto3") == "∞"
    assert format_value(float("nan"), "auto3") == "undefined"


@pytest.mark.parametrize("spec", [".3f", ".2e", "g", "", "auto0", "auto3", "auto9"])
def test_formats_accepted(spec: str) -> None:
    assert format_problem(spec) is None


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("d", "not a number format"),
        ("auto", "not a number format"),
        ("auto10", "not a number format"),
        (".1000000f", "is too wide"),
        ("41f", "is too wide"),
        ("{}", "not a number format"),
    ],
)
def test_formats_refused(spec: str, message: str) -> None:
    problem = format_problem(spec)
    assert problem is not None and message in problem
