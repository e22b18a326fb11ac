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


def _cells(fig, size=(100, 30)) -> list[str]:
    """The plain-text rows plotext draws for ``fig`` (no title, the theme that adds no colour codes)."""
    from rich.text import Text

    plt = Plot()
    draw.apply(plt, fig, title=False)
    return Text.from_ansi(draw.build(plt, *size, "clear")).plain.split("\n")


def test_sigma_prime_is_drawn_over_sigma():
    """σ′ is what the lesson is about: it is drawn last, and wherever the two curves share a cell
    the drawing shows σ′'s marker (•), not σ's braille."""
    from dataclasses import replace

    fig = figure("sigmoid")
    sigma, slope = fig.series
    assert [s for _, s in draw.draw_order(fig)][-1] is slope
    both = _cells(fig)
    hidden = np.full(sigma.y.shape, np.nan)  # not drawn: each curve alone, with the marker it has in the figure
    only_sigma = _cells(replace(fig, series=(sigma, replace(slope, y=hidden))))
    only_slope = _cells(replace(fig, series=(replace(sigma, y=hidden), slope)))

    def curve(char: str) -> bool:  # a braille dot pattern or plotext's "dot" marker
        return "\u2800" <= char <= "\u28ff" or char == "•"

    shared = [
        (row, col)
        for row, (a, b) in enumerate(zip(only_sigma, only_slope, strict=True))
        for col, (ca, cb) in enumerate(zip(a, b, strict=False))
        if curve(ca) and curve(cb)
    ]
    assert shared, "the curves share no cell at this size: the test proves nothing"
    assert all(both[row][col] == "•" for row, col in shared)


def test_without_on_top_the_first_series_is_drawn_last():
    fig = figure("ce-loss")
    assert [i for i, _ in draw.draw_order(fig)] == [1, 0]


@pytest.mark.parametrize("name", [*FIGURES, "probability", "softmax"])
def test_every_tick_label_has_a_true_minus_sign(name):
    from tutor.plots.figures import softmax_figure

    fig = probability_figure(1) if name == "probability" else softmax_figure() if name == "softmax" else figure(name)
    text = "\n".join(_cells(fig))
    assert "-" not in text.replace("─", "")  # plotext's own labels would say -8; ours say −8


def test_histograms_have_an_x_label_and_evenly_spaced_ticks():
    from tutor import lab
    from tutor.plots.figures import lab_figures

    x, y = lab.make_dataset(n=60, seed=1)
    figs = lab_figures(lab.train_logistic(x, y, "bce", epochs=30), lab.train_logistic(x, y, "mse", epochs=30))
    for hist in (figs.hist_bce, figs.hist_mse):
        assert hist.xlabel and hist.xticks is not None
        gaps = np.diff(hist.xticks)
        assert np.allclose(gaps, gaps[0])
        for width in (36, 50, 100):  # two histograms side by side at 80 columns, and wide
            rows = _cells(hist, (width, 16))
            assert any(hist.xlabel in row for row in rows), (width, rows[-3:])
            labels = rows[-2].split() if hist.xlabel not in rows[-2] else rows[-3].split()
            assert labels == ["0.00", "0.25", "0.50", "0.75", "1.00"], (width, rows[-3:])


def _y_labels(rows: list[str]) -> list[tuple[int, float]]:
    """(data row counted from the bottom, value) of every y tick label plotext printed."""
    frame = draw._frame(rows)
    assert frame is not None
    top, bottom = frame
    labels = []
    for i in range(top + 1, bottom):
        left = rows[i].split("┤")[0] if "┤" in rows[i] else ""
        if left.strip():
            labels.append((bottom - 1 - i, float(left.strip().replace("−", "-"))))
    return labels


def _labels_honest(fig, height: int, *, fit: bool) -> tuple[bool, list[tuple[int, float]]]:
    """Whether every y label sits on the row where plotext draws its value and the labels step
    evenly, for ``fig`` drawn 60 wide and ``height`` tall (with or without fitting the ticks)."""
    from rich.text import Text

    lo, hi = fig.ylim
    plt = Plot()
    draw.apply(plt, fig, title=False)
    canvas = draw.build(plt, 60, height, "clear", fig if fit else None)
    labels = _y_labels(Text.from_ansi(canvas).plain.split("\n"))
    rows = draw._plot_rows(canvas)
    on_rows = all(row == draw._cell(value, lo, hi, rows) for row, value in labels)
    steps = np.diff([value for _, value in labels])
    return on_rows and len(labels) >= 2 and bool(np.allclose(steps, steps[0])), labels


LINEAR_WITH_LIMITS = [n for n in FIGURES if figure(n).ylim is not None and figure(n).yscale == "linear"]


@pytest.mark.parametrize("name", LINEAR_WITH_LIMITS)
def test_y_labels_are_evenly_spaced_and_each_on_its_own_value_row(name):
    """At every height, each label sits on the row where plotext draws that value, and the labels
    step evenly: never 3.0, 2.0, 0.5, 0.0 on rows for 3, 2, 1, 0 (seen at 60×20)."""
    for height in range(8, 41):
        honest, labels = _labels_honest(figure(name), height, fit=True)
        assert honest, (height, labels)
    assert draw.fitted_yticks(figure(name), 200) == draw._yticks(figure(name))  # with room: all of them


def test_without_fitting_short_plots_label_unevenly():
    """The fault the fitting repairs is real: plotext alone mislabels some short plots."""
    faults = [
        (n, h) for n in LINEAR_WITH_LIMITS for h in range(8, 16) if not _labels_honest(figure(n), h, fit=False)[0]
    ]
    assert faults


@pytest.mark.parametrize("name", FIGURES)
def test_the_x_label_is_kept_wherever_it_fits_beside_the_y_label(name):
    """plotext drops an x label that would run into the y label (short tick labels in a narrow
    plot did that at 60×20); the plot makes room instead, at every width with room for both."""
    from rich.text import Text

    fig = figure(name)
    dropped = []
    narrowest = len(fig.xlabel) + len(fig.ylabel) + 3
    # Every width near the narrowest (where plotext drops it), then a sample up to 120 columns.
    for width in [*range(narrowest, narrowest + 16), *range(narrowest + 16, 121, 9)]:
        for height in (9, 24):
            plt = Plot()
            draw.apply(plt, fig)
            if fig.xlabel not in Text.from_ansi(draw.build(plt, width, height, "clear", fig)).plain:
                dropped.append((width, height))
    assert not dropped
