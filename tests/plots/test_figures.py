"""The figures plot exactly what the core computes; tables report exactly what is plotted."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tutor import core
from tutor.plots.draw import LINE_MARKERS
from tutor.plots.figures import (
    FIGURES,
    HIGH,
    LOW,
    P_GRID,
    Figure,
    Series,
    columns,
    figure,
    lab_figures,
    nice_ticks,
    probability_figure,
    softmax_figure,
    table,
)


def series(fig: Figure, i: int) -> tuple[np.ndarray, np.ndarray]:
    return fig.series[i].x, fig.series[i].y


def test_every_named_figure_exists_and_matches_the_plot_kind_whitelist():
    from tutor.content.kinds import plot

    assert FIGURES == plot.FIGURES
    for name in FIGURES:
        fig = figure(name)
        assert fig.title and fig.xlabel and fig.ylabel and fig.description
        assert 2 <= len(fig.series) <= len(LINE_MARKERS)  # each series has its own marker shape
        for s in fig.series:
            assert s.label and s.x.shape == s.y.shape and s.x.size > 50


def test_unknown_figure_names_the_known_ones():
    with pytest.raises(KeyError, match="ce-loss"):
        figure("nope")


def test_probability_grid_is_open_and_holds_the_explorer_positions():
    assert P_GRID[0] > 0 and P_GRID[-1] < 1
    for k in (1, 10, 30, 50, 99):
        assert k / 100 in P_GRID


def test_ce_loss_is_the_cores_bce_for_both_labels():
    fig = figure("ce-loss")
    x, y1 = series(fig, 0)
    _, y0 = series(fig, 1)
    np.testing.assert_array_equal(y1, core.bce(x, 1.0))
    np.testing.assert_array_equal(y0, core.bce(x, 0.0))
    assert np.all(np.diff(y1) < 0) and np.all(np.diff(y0) > 0)


def test_ce_vs_mse_uses_bce_and_mse_with_label_one():
    fig = figure("ce-vs-mse")
    x, ce = series(fig, 0)
    _, sq = series(fig, 1)
    np.testing.assert_array_equal(ce, core.bce(x, 1.0))
    np.testing.assert_array_equal(sq, core.mse(x, 1.0))
    assert sq.max() <= 1.0 < ce.max()


def test_grad_p_values_are_true_and_only_the_drawing_is_clipped():
    fig = figure("grad-p")
    x, ce = series(fig, 0)
    _, sq = series(fig, 1)
    np.testing.assert_array_equal(ce, core.bce_grad_p(x, 1.0))
    np.testing.assert_array_equal(sq, core.mse_grad_p(x, 1.0))
    lo, hi = fig.ylim
    assert ce.min() < lo  # CE heads to −∞: the axis is cut, the data are not
    assert np.all((sq >= lo) & (sq <= hi))
    first = table(fig)[0]
    assert first[1] == pytest.approx(-1 / x[0])  # the table tells the truth beyond the cut


def test_grad_z_shows_the_vanishing_mse_gradient():
    fig = figure("grad-z")
    z, ce = series(fig, 0)
    _, sq = series(fig, 1)
    np.testing.assert_array_equal(ce, core.bce_grad_z(z, 1.0))
    np.testing.assert_array_equal(sq, core.mse_grad_z(z, 1.0))
    left = z.argmin()  # saturated and wrong: z = −8, ŷ ≈ 0.0003 with y = 1
    assert ce[left] < -0.99
    assert abs(sq[left]) < 1e-3


def test_sigmoid_figure_is_sigma_and_its_slope():
    fig = figure("sigmoid")
    z, s = series(fig, 0)
    _, ds = series(fig, 1)
    np.testing.assert_array_equal(s, core.sigmoid(z))
    np.testing.assert_array_equal(ds, core.sigmoid_grad(z))
    assert ds.max() == pytest.approx(0.25)


def test_figures_are_frozen_and_cached():
    fig = figure("ce-loss")
    assert figure("ce-loss") is fig
    with pytest.raises(ValueError):
        fig.series[0].y[0] = 0.0  # read-only arrays: nobody edits a shared figure


@pytest.mark.parametrize("name", FIGURES)
def test_table_rows_are_points_of_the_curves(name):
    fig = figure(name)
    rows = table(fig)
    assert 2 <= len(rows) <= 11
    x = fig.series[0].x
    assert rows[0][0] == x.min() and rows[-1][0] == x.max()
    for row in rows:
        i = int(np.flatnonzero(x == row[0])[0])
        assert row[1:] == tuple(float(s.y[i]) for s in fig.series)
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)
    assert len(columns(fig)) == len(rows[0])


def test_table_picks_round_values():
    assert [r[0] for r in table(figure("ce-loss"))] == [0.005, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.995]
    assert [r[0] for r in table(figure("sigmoid"))] == [-8.0, -6.0, -4.0, -2.0, 0.0, 2.0, 4.0, 6.0, 8.0]
    assert [r[0] for r in table(probability_figure(1))] == [0.01, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99]
    assert [r[0] for r in table(softmax_figure())] == [float(d) for d in range(-10, 11, 2)]


@settings(max_examples=40, deadline=None)
@given(rows=st.integers(min_value=1, max_value=400), name=st.sampled_from(FIGURES))
def test_table_never_invents_values(rows, name):
    fig = figure(name)
    got = table(fig, rows)
    assert 1 <= len(got) <= max(rows, 1)
    ys = {float(v) for v in fig.series[0].y}
    assert all(r[1] in ys for r in got)


def test_table_refuses_series_on_different_x():
    fig = Figure("t", "x", "y", (Series("a", [0, 1], [0, 1]), Series("b", [0, 2], [0, 1])))
    with pytest.raises(ValueError, match="same x"):
        table(fig)


def test_series_rejects_mismatched_arrays():
    with pytest.raises(ValueError, match="equal length"):
        Series("a", [0, 1, 2], [0, 1])


@pytest.mark.parametrize("y", [0, 1])
def test_probability_figure_is_the_core_loss_for_the_label(y):
    fig = probability_figure(y)
    x, ce = series(fig, 0)
    _, sq = series(fig, 1)
    np.testing.assert_array_equal(x, np.arange(1, 100) / 100)
    np.testing.assert_array_equal(ce, core.bce(x, y))
    np.testing.assert_array_equal(sq, core.mse(x, y))
    marked = fig.with_marker(0.3, float(core.bce(0.3, y)), "here")
    assert marked.marker.x == 0.3 and marked.series is fig.series and fig.marker is None


def test_softmax_figure_is_the_sigmoid_of_the_gap():
    fig = softmax_figure()
    d, s = series(fig, 0)
    np.testing.assert_array_equal(s, core.sigmoid(d))
    probs = core.softmax(np.stack([d, np.zeros_like(d)], axis=1))[:, 0]
    np.testing.assert_allclose(s, probs, rtol=1e-12, atol=1e-15)


def test_nice_ticks():
    assert nice_ticks(0, 299) == (0.0, 100.0, 200.0)
    assert nice_ticks(0, 1) == (0.0, 0.25, 0.5, 0.75, 1.0)
    assert nice_ticks(0, 49) == (0.0, 10.0, 20.0, 30.0, 40.0)
    assert nice_ticks(3, 3) == (3,)


def _lab_runs(**kw):
    from tutor import lab

    x, y = lab.make_dataset(n=80, seed=3)
    args = dict(lr=1.0, epochs=60, seed=3, **kw)
    return lab.train_logistic(x, y, "bce", **args), lab.train_logistic(x, y, "mse", **args)


def test_lab_figures_plot_the_runs_and_summarise_them_truthfully():
    rb, rm = _lab_runs()
    figs = lab_figures(rb, rm)
    # Each run's own loss as a share of its start: two losses on one axis cannot be misread by height.
    np.testing.assert_array_equal(figs.losses.series[0].y, rb.losses / rb.losses[0])
    np.testing.assert_array_equal(figs.losses.series[1].y, rm.losses / rm.losses[0])
    assert figs.losses.series[0].y[0] == figs.losses.series[1].y[0] == 1.0
    assert "÷" in figs.losses.ylabel and all("÷ its start" in s.label for s in figs.losses.series)
    np.testing.assert_array_equal(figs.losses.series[0].x, np.arange(60))
    assert figs.losses.yscale == "log"
    for run, result in ((figs.bce, rb), (figs.mse, rm)):
        halved = np.flatnonzero(result.losses <= result.losses[0] / 2)
        assert run.halved_at == (int(halved[0]) if halved.size else None)
    for hist, result, summary in ((figs.hist_bce, rb, figs.bce), (figs.hist_mse, rm, figs.mse)):
        counts = hist.series[0].y
        assert hist.series[0].kind == "bar"
        assert counts.sum() == result.probs.size
        np.testing.assert_array_equal(counts, np.histogram(result.probs, bins=counts.size, range=(0, 1))[0])
        probs = np.asarray(result.probs)
        assert summary.low_fraction == np.mean(probs < LOW)
        assert summary.high_fraction == np.mean(probs > HIGH)
        assert summary.extreme_fraction == pytest.approx(np.mean((probs < LOW) | (probs > HIGH)))
        assert summary.final_loss == result.losses[-1]
        assert counts[0] == np.sum(probs < LOW)  # the outer bins are the "extreme" predictions
        assert len(table(hist)) == counts.size  # a histogram's text alternative lists every bar


def test_lab_summary_says_what_the_parts_show():
    rb, rm = _lab_runs(w0=-5.0, b0=0.0)  # the saturated, wrong start of lesson why-not-mse
    figs = lab_figures(rb, rm)
    losses = figs.summary(("losses",))
    assert f"Trained with cross-entropy: the loss fell to half its start after {figs.bce.halved_at} epochs." in losses
    assert figs.mse.halved_at is None  # 60 epochs are all plateau for squared error from here
    assert "Trained with squared error: the loss did not fall to half its start in 60 epochs." in losses
    assert not any("predictions are below" in line for line in losses)
    extremes = figs.summary(("histograms",))
    assert len(extremes) == 2 and all("of predictions are below 0.05 or above 0.95" in line for line in extremes)
    assert figs.summary() == losses + extremes


def test_lab_figures_need_equal_epochs():
    from types import SimpleNamespace as NS

    a = NS(losses=np.ones(3), probs=np.full(4, 0.5))
    b = NS(losses=np.ones(4), probs=np.full(4, 0.5))
    with pytest.raises(ValueError, match="same number of epochs"):
        lab_figures(a, b)


def test_pure_modules_import_neither_textual_nor_plotext():
    code = (
        "import sys, tutor.plots.figures, tutor.explorers\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'plotext', 'textual_plotext', 'rich'))\n"
        "assert not bad, bad\n"
        "assert 'tutor.plots.draw' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_figure_values_are_finite_where_drawn():
    for name in FIGURES:
        fig = figure(name)
        for s in fig.series:
            assert np.all(np.isfinite(s.y)), (name, s.label)
            assert not any(math.isnan(v) for row in table(fig) for v in row)


def test_entropy_kl_figure_is_the_cores_cross_entropy_and_kl():
    fig = figure("entropy-kl")
    q = P_GRID
    p = np.array([0.8, 1 - 0.8])  # as the figure builds it
    assert np.array_equal(fig.series[0].x, q)
    for i in (0, 50, 159, 198):
        assert fig.series[0].y[i] == pytest.approx(core.cross_entropy_dist(p, [q[i], 1 - q[i]]), rel=1e-15)
        assert fig.series[1].y[i] == pytest.approx(core.kl_divergence(p, [q[i], 1 - q[i]]), rel=1e-15, abs=1e-300)
    assert "0.500" in fig.description and f"{core.entropy(p):.3f}" == "0.500"


def test_softmax_twice_figure_feeds_the_probabilities_to_the_loss():
    fig = figure("softmax-twice")
    p = fig.series[0].x
    for i in (0, 66, 150, 198):
        probs = [p[i], (1 - p[i]) / 2, (1 - p[i]) / 2]
        assert fig.series[0].y[i] == core.bce(p[i], 1)
        assert fig.series[1].y[i] == pytest.approx(core.cross_entropy(probs, 0), rel=1e-14)


def test_float32_bce_figure_is_the_exact_loss_and_the_clamped_float32_one():
    from tutor.plots.figures import F32_GRID

    fig = figure("float32-bce")
    assert np.array_equal(fig.series[0].x, F32_GRID)
    assert np.array_equal(fig.series[0].y, core.bce_with_logits(F32_GRID, 0))
    assert np.array_equal(fig.series[1].y, core.bce_clamped(core.sigmoid_float32(F32_GRID), 0))
    assert "16.64" in fig.description


def test_focal_figure_is_the_cores_focal_loss():
    from tutor.plots.figures import FOCAL_GAMMAS

    fig = figure("focal")
    p = fig.series[0].x
    for series, gamma in zip(fig.series, FOCAL_GAMMAS, strict=True):
        for i in (0, 99, 180):
            assert series.y[i] == pytest.approx(core.focal_loss(core.logit(p[i]), 1, gamma), rel=1e-14)
    assert np.allclose(fig.series[0].y, core.bce(p, 1), rtol=1e-12)  # γ = 0 is cross-entropy
