"""The plotext adapter: every figure draws at any size, the legend fits, clipping is honest."""

from __future__ import annotations

import numpy as np
import pytest
from textual_plotext.plot import Plot

from tutor.plots import draw
from tutor.plots.figures import FIGURES, figure, probability_figure


@pytest.mark.parametrize("name", FIGURES)
@pytest.mark.parametrize("size", [(100, 30), (40, 8), (20, 5)])
def test_every_figure_builds_at_every_size(name, size):
    plt = Plot()
    draw.apply(plt, figure(name))
    canvas = draw.build(plt, *size, "clear")
    lines = canvas.split("\n")
    assert len(lines) == size[1]  # no blank line under the axes
    assert not canvas.endswith("\n")


def test_marker_and_title_are_drawn():
    plt = Plot()
    draw.apply(plt, probability_figure(1).with_marker(0.3, 1.2, "here"))
    canvas = draw.build(plt, 80, 20, "clear")
    assert draw.POINT_MARKER in canvas
    assert "Loss for true label y = 1" in canvas


def test_points_outside_the_limits_are_not_sent_to_plotext():
    fig = figure("grad-p")
    _xs, ys = draw._visible(fig, fig.series[0].x, fig.series[0].y)
    assert min(ys) >= fig.ylim[0] and len(ys) < fig.series[0].y.size


@pytest.mark.parametrize("width", [12, 30, 60, 120])
def test_legend_lines_fit_the_width_and_name_every_series(width):
    fig = figure("grad-z").with_marker(0.0, -0.5, "you are here")
    lines = draw.legend(fig, width)
    assert all(line.cell_len <= width for line in lines)
    text = " ".join(line.plain for line in lines)
    if width >= 60:
        for s in fig.series:
            assert s.label in text
        assert "you are here" in text


def test_series_differ_by_shape_not_only_colour():
    samples = [sample for _, sample in draw.LINE_MARKERS]
    assert len(set(samples)) == len(samples)
    entries = draw.legend_entries(figure("ce-loss"))
    assert entries[0].plain[:2] != entries[1].plain[:2]


def test_log_scale_is_drawn_as_log10_and_survives_rebuilds():
    from tutor.plots.figures import Figure, Series

    fig = Figure("t", "x", "y", (Series("s", [0, 1, 2, 3], [1.0, 0.0, 0.5, 0.0001]),), yscale="log")
    xs, ys = draw._visible(fig, fig.series[0].x, fig.series[0].y)
    assert xs == [0.0, 2.0, 3.0]
    assert ys == pytest.approx([0.0, np.log10(0.5), -4.0])  # non-positive points dropped
    ticks, labels = draw._log_ticks(fig)
    assert labels == ["0.0001", "0.001", "0.01", "0.1", "1"] and ticks == pytest.approx([-4, -3, -2, -1, 0])
    narrow = Figure("t", "x", "y", (Series("s", [0, 1], [0.002, 0.5]),), yscale="log")
    assert draw._log_ticks(narrow)[1] == ["0.003", "0.01", "0.03", "0.1", "0.3"]
    plt = Plot()
    draw.apply(plt, fig)
    # plotext's own log scale re-logs its data on each build; ours must not change.
    assert draw.build(plt, 40, 12, "clear") == draw.build(plt, 40, 12, "clear")


def _plotext_marker_cell(fig, width, height):
    """Where plotext itself draws the marker (full redraw with the marker as a scatter point)."""
    from rich.text import Text

    plt = Plot()
    draw.apply(plt, fig)
    lines = Text.from_ansi(draw.build(plt, width, height, "clear")).plain.split("\n")
    return [(row, line.index("@")) for row, line in enumerate(lines) if "@" in line]


def _overlay_marker_cell(fig, width, height):
    from rich.text import Text

    plt = Plot()
    draw.apply(plt, fig.with_marker(None))
    base = Text.from_ansi(draw.build(plt, width, height, "clear"))
    assert "@" not in base.plain
    lines = draw.overlay_marker(base, fig).plain.split("\n")
    return [(row, line.index("@")) for row, line in enumerate(lines) if "@" in line]


@pytest.mark.parametrize("size", [(69, 18), (100, 30), (40, 10), (57, 13)])
def test_overlaid_marker_lands_exactly_where_plotext_puts_it(size):
    from tutor import core
    from tutor.plots.figures import softmax_figure

    cases = []
    for y in (0, 1):
        for k in range(1, 100, 2):
            p = k / 100
            cases.append(probability_figure(y).with_marker(p, float(core.bce(p, y)), "m"))
    for d in range(-100, 101, 7):
        cases.append(softmax_figure().with_marker(d / 10, float(core.sigmoid(d / 10)), "m"))
    checked = 0
    for fig in cases:
        expected = _plotext_marker_cell(fig, *size)
        assert _overlay_marker_cell(fig, *size) == expected, (fig.marker, size)
        checked += bool(expected)
    assert checked > len(cases) * 0.8  # most markers are inside the limits and drawn


def test_marker_outside_the_limits_is_not_overlaid():
    fig = probability_figure(1).with_marker(0.005, 5.3, "off the top")
    assert draw.marker_cell(fig, ["┌──┐", "│  │", "│  │", "└──┘"]) is None
    assert draw.can_overlay(fig) and not draw.can_overlay(fig.with_marker(None))
