"""Entropy, cross-entropy and KL between distributions, soft targets and label smoothing.

Accuracy against 50-digit references is in test_core_accuracy.py; here are the identities the
entropy-and-KL lesson states, the edges, and the errors.
"""

import math
import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from tutor import core

pytestmark = pytest.mark.filterwarnings("error")


@st.composite
def distributions(draw, k: int | None = None) -> np.ndarray:
    """A distribution over k outcomes, some of them possibly 0."""
    size = k if k is not None else draw(st.integers(1, 8))
    weights = draw(hnp.arrays(np.float64, (size,), elements=st.floats(0.0, 1.0)))
    if weights.sum() == 0.0:
        weights[draw(st.integers(0, size - 1))] = 1.0
    return weights / weights.sum()


@st.composite
def pairs(draw) -> tuple[np.ndarray, np.ndarray]:
    k = draw(st.integers(1, 8))
    return draw(distributions(k)), draw(distributions(k))


# --- entropy --------------------------------------------------------------------


def test_entropy_hand_values() -> None:
    assert core.entropy([0.5, 0.5]) == pytest.approx(math.log(2), rel=1e-15)
    assert core.entropy(np.full(10, 0.1)) == pytest.approx(math.log(10), rel=1e-15)  # log K, the uniform
    assert core.entropy([0.5, 0.25, 0.25]) / math.log(2) == pytest.approx(1.5, rel=1e-15)  # in bits
    np.testing.assert_allclose(core.entropy([[1.0, 0.0], [0.5, 0.5]]), [0.0, math.log(2)], rtol=1e-15)


def test_a_certain_outcome_has_entropy_plus_zero() -> None:
    for p in ([1.0], [0.0, 1.0, 0.0]):
        h = core.entropy(p)
        assert h == 0.0 and not math.copysign(1.0, h) < 0


@given(distributions())
def test_entropy_lies_between_0_and_log_k(p: np.ndarray) -> None:
    assert 0.0 <= core.entropy(p) <= math.log(len(p)) * (1 + 1e-15)


# --- cross-entropy and KL ----------------------------------------------------------


def test_one_hot_cross_entropy_is_the_negative_log_likelihood() -> None:
    q = np.array([0.7, 0.2, 0.1])
    assert core.cross_entropy_dist([0.0, 1.0, 0.0], q) == pytest.approx(-math.log(0.2), rel=1e-15)
    # and equals the logits form when q = softmax(z)
    z = np.array([2.0, 1.0, 0.1])
    assert core.cross_entropy_dist([1.0, 0.0, 0.0], core.softmax(z)) == pytest.approx(
        core.cross_entropy(z, 0), rel=1e-14
    )


@given(pairs())
def test_cross_entropy_is_entropy_plus_kl(pq: tuple[np.ndarray, np.ndarray]) -> None:
    p, q = pq
    h, kl, ce = core.entropy(p), core.kl_divergence(p, q), core.cross_entropy_dist(p, q)
    if math.isinf(ce):
        assert math.isinf(kl)
    else:  # the float sums of p and q are 1 to ~1e-16, which the identity sees
        assert ce == pytest.approx(h + kl, rel=1e-12, abs=1e-14)


@given(pairs())
def test_kl_is_non_negative_and_zero_only_at_equality(pq: tuple[np.ndarray, np.ndarray]) -> None:
    p, q = pq
    kl = core.kl_divergence(p, q)
    assert kl >= 0.0
    assert core.kl_divergence(p, p) == 0.0
    if not np.array_equal(p, q) and not ((p > 0) & (q > 0) & (np.abs(p - q) < 1e-150)).any():
        assert kl > 0.0


def test_kl_keeps_its_digits_when_q_is_close_to_p() -> None:
    # KL(p‖q) ≈ ½ Σ (p − q)²/p: 1e-20 here, which H(p, q) − H(p) would lose entirely.
    p = np.array([0.25, 0.75])
    q = np.array([0.25 + 1e-10 * 2**-3, 0.75 - 1e-10 * 2**-3])
    expected = 0.5 * ((p - q) ** 2 / p).sum()
    assert core.kl_divergence(p, q) == pytest.approx(expected, rel=1e-8)
    difference = core.cross_entropy_dist(p, q) - core.entropy(p)  # rounding noise of ~1e-17
    assert abs(difference - expected) > 0.5 * expected  # 0 here: every digit lost


def test_kl_is_not_symmetric() -> None:
    p, q = [0.9, 0.1], [0.5, 0.5]
    assert core.kl_divergence(p, q) != pytest.approx(core.kl_divergence(q, p), rel=1e-3)


def test_zero_probability_where_p_has_mass_is_infinitely_surprising() -> None:
    assert core.cross_entropy_dist([0.5, 0.5], [1.0, 0.0]) == math.inf
    assert core.kl_divergence([0.5, 0.5], [1.0, 0.0]) == math.inf
    # …but outcomes p never produces cost nothing, whatever q says of them
    assert core.cross_entropy_dist([1.0, 0.0], [1.0, 0.0]) == 0.0
    assert core.kl_divergence([1.0, 0.0], [1.0, 0.0]) == 0.0
    assert core.kl_divergence([1.0, 0.0], [0.5, 0.5]) == pytest.approx(math.log(2), rel=1e-15)


def test_distributions_lie_along_the_last_axis_and_broadcast() -> None:
    p = np.array([0.5, 0.5])
    q = np.array([[0.5, 0.5], [0.9, 0.1], [0.1, 0.9]])
    kl = core.kl_divergence(p, q)
    assert kl.shape == (3,) and kl[0] == 0.0 and kl[1] == pytest.approx(kl[2], rel=1e-15)
    assert core.cross_entropy_dist(p, q).shape == (3,)
    assert core.entropy(q).shape == (3,)
    assert type(core.entropy(p)) is np.float64


# --- soft targets -------------------------------------------------------------------


def test_one_hot_targets_give_the_usual_cross_entropy() -> None:
    z = np.array([[2.0, 1.0, 0.1], [-3.0, 700.0, 0.0]])
    targets = np.eye(3)[[0, 2]]
    np.testing.assert_allclose(core.cross_entropy_soft(z, targets), core.cross_entropy(z, [0, 2]), rtol=1e-15)


def test_soft_cross_entropy_is_least_where_softmax_matches_the_targets() -> None:
    t = np.array([0.7, 0.2, 0.1])
    floor = core.cross_entropy_soft(np.log(t), t)
    assert floor == pytest.approx(core.entropy(t), rel=1e-14)  # the floor is H(t) > 0, not 0
    for other in ([2.0, 1.0, 0.1], [0.0, 0.0, 0.0], np.log(t) + np.array([0.01, 0.0, 0.0])):
        assert core.cross_entropy_soft(other, t) > floor


def test_soft_cross_entropy_is_stable_for_huge_logits() -> None:
    assert core.cross_entropy_soft([1e308, -1e308], [1.0, 0.0]) == 0.0
    assert core.cross_entropy_soft([1e308, -1e308], [0.5, 0.5]) == math.inf
    assert core.cross_entropy_soft([800.0, 0.0], [0.5, 0.5]) == pytest.approx(400.0, rel=1e-15)


@pytest.mark.parametrize("eps", [0.0, 0.1, 0.25, 1.0])
def test_label_smoothing_is_pytorchs(eps: float) -> None:
    z = np.array([[2.0, 1.0, 0.1], [0.0, -5.0, 30.0]])
    labels = np.array([0, 1])
    targets = core.label_smoothing_targets(labels, 3, eps)
    np.testing.assert_allclose(targets.sum(axis=-1), 1.0, rtol=1e-15)
    # PyTorch: (1 − ε)·nll + ε·mean over classes of −log softmax
    log_p = core.log_softmax(z)
    torch_formula = (1 - eps) * core.cross_entropy(z, labels) - eps * log_p.mean(axis=-1)
    np.testing.assert_allclose(core.cross_entropy_soft(z, targets), torch_formula, rtol=1e-14)


def test_label_smoothing_targets_hand_values() -> None:
    np.testing.assert_allclose(core.label_smoothing_targets(1, 4, 0.2), [0.05, 0.85, 0.05, 0.05], rtol=1e-15)
    np.testing.assert_array_equal(core.label_smoothing_targets([2, 0], 3, 0.0), [[0, 0, 1], [1, 0, 0]])
    np.testing.assert_allclose(core.label_smoothing_targets(0, 4, 1.0), [0.25] * 4, rtol=1e-15)
    assert core.label_smoothing_targets(np.array([[0, 1]]), 2, 0.1).shape == (1, 2, 2)


# --- errors and warnings ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: core.entropy([0.5, 0.4]),
            r"^p must sum to 1 along its last axis \(within 1e-06\); got a sum of 0\.9$",
        ),
        (lambda: core.entropy([1.5, -0.5]), r"^p must be finite and ≥ 0; got -0\.5$"),
        (lambda: core.entropy([math.nan, 1.0]), r"^p must be finite and ≥ 0; got nan$"),
        (lambda: core.entropy(1.0), r"^p must be a distribution along its last axis; got shape \(\)$"),
        (lambda: core.entropy([]), r"^p must be a distribution along its last axis; got shape \(0,\)$"),
        (lambda: core.entropy(["a"]), r"^p must be numbers"),
        (lambda: core.kl_divergence([0.5, 0.5], [0.5, 0.6]), r"^q must sum to 1"),
        (lambda: core.kl_divergence([0.5, 0.5], [1.0, 0.0, 0.0]), r"^p and q must be over the same outcomes"),
        (lambda: core.cross_entropy_dist([0.5, 0.5], [math.inf, 0.0]), r"^q must be finite"),
        (lambda: core.cross_entropy_soft([1.0, 2.0], [0.5, 0.6]), r"^targets must sum to 1"),
        (lambda: core.cross_entropy_soft([1.0, 2.0], [1.0, 0.0, 0.0]), r"^targets must have the shape of logits"),
        (lambda: core.cross_entropy_soft([1.0, math.inf], [1.0, 0.0]), r"^logits must be finite"),
        (lambda: core.label_smoothing_targets(3, 3, 0.1), r"^labels must lie in 0\.\.2; got 3$"),
        (lambda: core.label_smoothing_targets(0, 3, 1.5), r"^eps must lie in \[0, 1\]; got 1\.5$"),
        (lambda: core.label_smoothing_targets(0, 3, [0.1, 0.2]), r"^eps must be a single number"),
        (lambda: core.label_smoothing_targets(0, 0, 0.1), r"^k must be a whole number in 1\.\.100000; got 0$"),
        (lambda: core.label_smoothing_targets(0, 10**9, 0.1), r"^k must be a whole number in 1\.\.100000"),
        (lambda: core.label_smoothing_targets(0, True, 0.1), r"^k must be a whole number"),
        (lambda: core.label_smoothing_targets(True, 2, 0.1), r"^labels must be integers, not bools"),
    ],
)
def test_invalid_arguments_raise_value_error_naming_them(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()


def test_a_sum_within_the_tolerance_is_used_as_given() -> None:
    p = [0.3333333, 0.3333333, 0.3333333]  # sums to 0.9999999
    assert core.entropy(p) == pytest.approx(-3 * 0.3333333 * math.log(0.3333333), rel=1e-15)


def test_no_runtime_warning_at_the_edges() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = [
            core.entropy([[1.0, 0.0], [0.0, 1.0]]),
            core.cross_entropy_dist([[0.0, 1.0], [1.0, 0.0]], [1.0, 0.0]),
            core.kl_divergence([[0.0, 1.0], [1.0, 0.0], [5e-324, 1 - 5e-324]], [1.0 - 5e-324, 5e-324]),
            core.cross_entropy_soft([[1e308, -1e308], [-1e308, 1e308]], [[1.0, 0.0], [0.0, 1.0]]),
        ]
    assert not any(np.isnan(v).any() for v in values)
