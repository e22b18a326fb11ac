"""The explorers' pure state models: grid-exact positions, readouts straight from the core."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tutor import core
from tutor.explorers import ProbabilityExplorer, SoftmaxExplorer


def test_probability_defaults_and_validation():
    e = ProbabilityExplorer()
    assert (e.p, e.y) == (0.30, 1)
    with pytest.raises(ValueError):
        ProbabilityExplorer(0)
    with pytest.raises(ValueError):
        ProbabilityExplorer(100)
    with pytest.raises(ValueError):
        ProbabilityExplorer(50, 2)
    assert ProbabilityExplorer.at(0.337).hundredths == 34
    assert ProbabilityExplorer.at(5.0).hundredths == 99


def test_nudges_clamp_and_jumps():
    e = ProbabilityExplorer(98)
    assert e.nudge(0.01).p == 0.99
    assert e.nudge(0.01).nudge(0.01).p == 0.99
    assert e.nudge(-0.1).p == 0.88
    assert ProbabilityExplorer(5).nudge(-0.1).p == 0.01
    assert e.jump_low().p == 0.01 and e.jump_high().p == 0.99
    assert e.toggle_label().y == 0 and e.toggle_label().toggle_label().y == 1


@given(st.lists(st.sampled_from([0.01, -0.01, 0.1, -0.1]), max_size=300))
def test_positions_never_drift_off_the_grid(moves):
    e = ProbabilityExplorer()
    for m in moves:
        e = e.nudge(m)
    assert 1 <= e.hundredths <= 99
    assert e.p == e.hundredths / 100
    assert repr(e.p) == f"{e.p:.2f}".rstrip("0").rstrip(".")  # shortest repr: no 0.30000000000000004


def test_hundred_presses_land_exactly():
    e = ProbabilityExplorer(1)
    for _ in range(29):
        e = e.nudge(0.01)
    assert e.p == 0.3  # not 0.30000000000000004


@pytest.mark.parametrize("k", [1, 7, 30, 50, 93, 99])
@pytest.mark.parametrize("y", [0, 1])
def test_probability_readout_is_the_core(k, y):
    r = ProbabilityExplorer(k, y).readout()
    p = k / 100
    z = core.logit(p)
    assert r.p == p and r.y == y
    assert r.z == z
    assert r.ce == core.bce(p, y)
    assert r.ce_grad_p == core.bce_grad_p(p, y)
    assert r.ce_grad_z == core.bce_grad_z(z, y)
    assert r.mse == core.mse(p, y)
    assert r.mse_grad_p == core.mse_grad_p(p, y)
    assert r.mse_grad_z == core.mse_grad_z(z, y)
    assert r.ce_grad_z == pytest.approx(p - y)  # the plain error
    assert r.grad_ratio == pytest.approx(abs(r.ce_grad_z / r.mse_grad_z))
    assert r.grad_ratio == pytest.approx(1 / (2 * p * (1 - p)))


def test_softmax_defaults_validation_and_moves():
    e = SoftmaxExplorer()
    assert (e.x1, e.x2, e.selected, e.label) == (1.0, -0.5, 1, 1)
    with pytest.raises(ValueError):
        SoftmaxExplorer(51)
    with pytest.raises(ValueError):
        SoftmaxExplorer(selected=3)
    e = e.nudge(0.1)
    assert e.x1 == 1.1 and e.x2 == -0.5
    e = e.switch().nudge(-1.0)
    assert e.selected == 2 and e.x2 == -1.5
    assert SoftmaxExplorer(49).nudge(1.0).x1 == 5.0
    assert SoftmaxExplorer(x2_tenths=-49, selected=2).nudge(-1.0).x2 == -5.0
    assert e.select(1).selected == 1 and e.toggle_label().label == 2


@given(st.integers(-50, 50), st.integers(-50, 50), st.sampled_from([1, 2]))
def test_softmax_readout_agrees_with_the_sigmoid_and_bce(a, b, label):
    r = SoftmaxExplorer(a, b, 1, label).readout()
    x1, x2 = a / 10, b / 10
    probs = core.softmax([x1, x2])
    assert r.softmax1 == probs[0] and r.softmax2 == probs[1]
    assert r.diff == (a - b) / 10
    assert r.sigmoid_diff == core.sigmoid((a - b) / 10)
    assert abs(r.gap) < 1e-12
    assert r.ce == core.cross_entropy([x1, x2], label - 1)
    assert math.isclose(r.ce, r.bce, rel_tol=1e-9, abs_tol=1e-12)


def test_raising_both_logits_changes_nothing():
    before = SoftmaxExplorer().readout()
    after = SoftmaxExplorer().nudge(1.0).switch().nudge(1.0).readout()
    assert after.softmax1 == pytest.approx(before.softmax1, abs=1e-12)
    assert after.ce == pytest.approx(before.ce, abs=1e-12)
