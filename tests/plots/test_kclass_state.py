"""The K-class explorer's state model and its figure: grid-exact logits, numbers from the core."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tutor import core
from tutor.explorers import K_LOGIT_MAX, K_LOGIT_MIN, K_MAX, K_MIN, KClassExplorer
from tutor.plots.figures import K_LOGIT_GRID, kclass_figure


def test_defaults_and_validation():
    e = KClassExplorer()
    assert (e.logits, e.selected, e.label, e.k) == ((2.0, 1.0, 0.1), 0, 0, 3)
    for bad in (
        {"tenths": (1, 2)},
        {"tenths": (0,) * (K_MAX + 1)},
        {"tenths": (0, 0, K_LOGIT_MAX + 1)},
        {"tenths": (0, 0, 0.5)},
        {"tenths": [0, 0, 0]},
        {"selected": 3},
        {"label": -1},
        {"label": True},
    ):
        with pytest.raises(ValueError):
            KClassExplorer(**bad)  # type: ignore[arg-type]


def test_moves_clamp_wrap_and_stay_in_range():
    e = KClassExplorer()
    assert e.nudge(0.1).logits == (2.1, 1.0, 0.1)
    assert e.nudge(10.0).logits[0] == K_LOGIT_MAX / 10 and e.nudge(-10.0).logits[0] == K_LOGIT_MIN / 10
    assert e.select(2).nudge(-1.0).logits == (2.0, 1.0, -0.9)
    assert e.select(7) == e  # no class 8: nothing changes
    assert e.select_step(-1).selected == 2 and e.select_step(1).select_step(1).select_step(1).selected == 0
    assert [e.toggle_label().label, e.toggle_label().toggle_label().toggle_label().label] == [1, 0]
    five = e.add_class().add_class()
    assert five.k == K_MAX and five.add_class() == five and five.logits[3:] == (0.0, 0.0)
    dropped = five.select(4).toggle_label().toggle_label().toggle_label().toggle_label().remove_class()
    assert (dropped.k, dropped.selected, dropped.label) == (4, 3, 3)
    assert e.remove_class() == e and e.k == K_MIN
    assert e.equal_logits().logits == (0.0, 0.0, 0.0)


@given(st.lists(st.sampled_from(["+", "-", "<", ">", "<<", ">>", "^", "v", "y", "0"]), max_size=200))
def test_any_key_sequence_stays_on_the_grid(keys):
    moves = {
        "+": KClassExplorer.add_class,
        "-": KClassExplorer.remove_class,
        "<": lambda s: s.nudge(-0.1),
        ">": lambda s: s.nudge(0.1),
        "<<": lambda s: s.nudge(-1.0),
        ">>": lambda s: s.nudge(1.0),
        "^": lambda s: s.select_step(-1),
        "v": lambda s: s.select_step(1),
        "y": KClassExplorer.toggle_label,
        "0": KClassExplorer.equal_logits,
    }
    e = KClassExplorer()
    for key in keys:
        e = moves[key](e)  # __post_init__ validates every state
    assert all(repr(z) == f"{z:.1f}" for z in e.logits)  # tenths exactly: no 0.30000000000000004


@pytest.mark.parametrize(
    "state",
    [KClassExplorer(), KClassExplorer((20, 10, 1), 1, 1), KClassExplorer((-50, 50, 0, 3, 3), 4, 0)],
)
def test_readout_is_the_core(state):
    r = state.readout()
    z = state.logits
    assert r.probs == tuple(core.softmax(z))
    assert r.grads == tuple(core.cross_entropy_grad(z, state.label))
    assert r.loss == core.cross_entropy(z, state.label) == pytest.approx(-math.log(r.probs[state.label]))
    assert r.uniform_loss == pytest.approx(math.log(state.k))
    assert r.predicted == (int(np.argmax(z)) if sorted(z)[-1] != sorted(z)[-2] else None)
    assert r.prob_sum == pytest.approx(1.0) and abs(r.grad_sum) < 1e-15
    for k, (p, g) in enumerate(zip(r.probs, r.grads, strict=True)):
        assert g == pytest.approx(p - (k == state.label), abs=1e-15)


def test_every_probability_stays_visible():
    """The worst corner (one logit at 5, four at −5): the smallest probability is still about 1e-5."""
    r = KClassExplorer((50, -50, -50, -50, -50)).readout()
    assert min(r.probs) > 1e-5 and r.loss < 1e-3


@pytest.mark.parametrize(("selected", "label"), [(0, 0), (1, 0), (2, 1)])
def test_figure_is_the_loss_along_the_selected_logit(selected, label):
    tenths = (20, 10, 1)
    fig = kclass_figure(tenths, selected, label)
    (series,) = fig.series
    assert np.array_equal(series.x, K_LOGIT_GRID)
    for x, y in zip(series.x[::10], series.y[::10], strict=True):
        z = [t / 10 for t in tenths]
        z[selected] = x
        assert y == core.cross_entropy(z, label)
    rising = np.all(np.diff(series.y) > 0)
    falling = np.all(np.diff(series.y) < 0)
    assert falling if selected == label else rising  # the true logit lowers the loss; any other raises it
    assert fig.ylim is not None and fig.ylim[0] == 0 and series.y.max() <= fig.ylim[1] < series.y.max() + 2
    assert kclass_figure(tenths, selected, label) is fig  # cached


def test_the_slope_at_the_marker_is_the_gradient():
    state = KClassExplorer((20, 10, 1), 1, 0)
    y = kclass_figure(state.tenths, 1, 0).series[0].y
    i = int(np.argmin(np.abs(K_LOGIT_GRID - 1.0)))
    slope = (y[i + 1] - y[i - 1]) / 0.2
    assert slope == pytest.approx(state.readout().grads[1], abs=1e-3)


def test_figure_refuses_classes_that_do_not_exist():
    with pytest.raises(ValueError):
        kclass_figure((0, 0, 0), 3, 0)


def test_a_tie_predicts_no_class():
    assert KClassExplorer((0, 0, 0)).readout().predicted is None
    assert KClassExplorer((10, 10, -5)).readout().predicted is None
    assert KClassExplorer((10, 11, 10)).readout().predicted == 1
