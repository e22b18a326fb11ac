"""Numbers on screen: a true minus sign, and one style per column (never 0.5 beside 5.000e-01)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from tutor import lab
from tutor.plots.figures import FIGURES, figure, lab_figures, probability_figure, softmax_figure, table
from tutor.plots.numbers import column_spec, format_column, format_number

#: A written number: optional minus, digits, optional decimals, optional exponent.
NUMBER = re.compile(r"^−?\d+(?:\.(\d+))?(?:e[−+]\d+)?$")


def style(cell: str) -> tuple[bool, int]:
    """(scientific?, decimals) of a written number."""
    match = NUMBER.match(cell)
    assert match, cell
    return "e" in cell, len(match.group(1) or "")


def test_single_numbers() -> None:
    assert format_number(1.2039728) == "1.2040"
    assert format_number(-200.0) == "−200"  # a whole number, written whole
    assert format_number(-200.5) == "−200.5000"
    assert format_number(0.00067026) == "0.00067"  # two significant digits, not 6.703e-04
    assert format_number(2.5e-7) == "2.500e−07"
    assert format_number(0.0) == "0.0000" and format_number(-0.0) == "0.0000"
    assert format_number(float("inf")) == "∞" and format_number(float("-inf")) == "−∞"
    assert format_number(float("nan")) == "undefined"


def test_a_column_keeps_one_style() -> None:
    assert format_column([0.5, 0.00012]) == ["0.50000", "0.00012"]
    assert format_column([0.5, 1e-7]) == ["5.000e−01", "1.000e−07"]
    assert format_column([3.0, 20.0, 0.0]) == ["3", "20", "0"]
    assert column_spec([]) == ".4f"


def _figures():
    x, y = lab.make_dataset(n=60, seed=3)
    labs = lab_figures(lab.train_logistic(x, y, "bce", epochs=40), lab.train_logistic(x, y, "mse", epochs=40))
    return [figure(name) for name in FIGURES] + [
        probability_figure(1),
        probability_figure(0),
        softmax_figure(),
        *(f for f in (labs.losses, labs.hist_bce, labs.hist_mse)),
    ]


@pytest.mark.parametrize("fig", _figures(), ids=lambda fig: fig.title[:40])
def test_every_data_view_column_has_one_style_and_true_minus_signs(fig) -> None:
    rows = table(fig, 40)
    for column in zip(*rows, strict=True):
        cells = format_column(column)
        assert len({style(cell) for cell in cells}) == 1, cells
        assert not any("-" in cell for cell in cells), cells
        shown = [float(cell.replace("−", "-")) for cell in cells]
        assert np.allclose(shown, column, rtol=1e-3, atol=10.0 ** -style(cells[0])[1]), (cells, column)
