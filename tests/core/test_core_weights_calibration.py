"""Class weights, pos_weight, focal loss, the best constant predictions, calibration and float32.

The closed-form optima are checked against a numeric minimisation of the loss they claim to
minimise; the temperature against a 50-digit root of the NLL's derivative.
"""

import itertools
import math
import warnings
from collections.abc import Callable

import numpy as np
import pytest
from core_references import fit_temperature as fit_temperature_reference
from hypothesis import given
from hypothesis import strategies as st

from tutor import core

pytestmark = pytest.mark.filterwarnings("error")

GOLDEN = (math.sqrt(5) - 1) / 2


def golden_section(f: Callable[[float], float], low: float, high: float, steps: int = 80) -> float:
    """The minimiser of a unimodal f on [low, high], to (high − low)·0.618^steps."""
    a, b = low, high
    c, d = b - GOLDEN * (b - a), a + GOLDEN * (b - a)
    fc, fd = f(c), f(d)
    for _ in range(steps):
        if fc < fd:
            b, d, fd = d, c, fc
            c = b - GOLDEN * (b - a)
            fc = f(c)
        else:
            a, c, fc = c, d, fd
            d = a + GOLDEN * (b - a)
            fd = f(d)
    return (a + b) / 2


def minimise_over_distributions(loss: Callable[[np.ndarray], float], k: int, sweeps: int = 60) -> np.ndarray:
    """The distribution softmax(u) minimising a convex loss(u) of logits: golden section per coordinate."""
    u = np.zeros(k)
    for _ in range(sweeps):
        for i in range(k - 1):  # the last logit stays 0: softmax is shift-invariant
            u[i] = golden_section(lambda v, i=i: loss(np.where(np.arange(k) == i, v, u)), u[i] - 8.0, u[i] + 8.0, 60)
    return core.softmax(u)


# --- weighted cross-entropy ---------------------------------------------------------

Z = np.array([[2.0, 1.0, 0.1], [0.0, 1.0, 2.0], [-1.0, 3.0, 0.5], [0.3, 0.3, 0.3]])
Y = np.array([0, 1, 1, 2])
W = np.array([1.0, 2.0, 5.0])


def test_weighted_cross_entropy_reductions_are_pytorchs() -> None:
    plain = core.cross_entropy(Z, Y)
    per_example = core.weighted_cross_entropy(Z, Y, W, "none")
    np.testing.assert_allclose(per_example, W[Y] * plain, rtol=1e-15)
    assert core.weighted_cross_entropy(Z, Y, W, "sum") == pytest.approx(per_example.sum(), rel=1e-15)
    # "mean" divides by the weights of the labels present, not by N
    assert core.weighted_cross_entropy(Z, Y, W) == pytest.approx(per_example.sum() / W[Y].sum(), rel=1e-15)
    assert core.weighted_cross_entropy(Z, Y, W) != pytest.approx(per_example.mean(), rel=1e-3)


def test_equal_weights_change_nothing_in_the_mean() -> None:
    mean = core.cross_entropy(Z, Y).mean()
    for w in ([1.0, 1.0, 1.0], [7.0, 7.0, 7.0]):
        assert core.weighted_cross_entropy(Z, Y, w) == pytest.approx(mean, rel=1e-15)
    assert core.weighted_cross_entropy(Z, Y, 3 * W) == pytest.approx(core.weighted_cross_entropy(Z, Y, W), rel=1e-15)


def test_one_example_weighted_mean_is_its_loss() -> None:
    assert core.weighted_cross_entropy([2.0, 1.0, 0.1], 2, W) == pytest.approx(core.cross_entropy([2.0, 1.0, 0.1], 2))
    assert type(core.weighted_cross_entropy([2.0, 1.0, 0.1], 2, W, "none")) is np.float64


# --- pos_weight -------------------------------------------------------------------------


def test_pos_weight_scales_the_positive_examples_only() -> None:
    z = np.array([-3.0, 0.5, 4.0, 40.0, -800.0])
    for y in (0, 1):
        plain = core.bce_with_logits(z, y)
        np.testing.assert_array_equal(core.bce_with_logits(z, y, 1.0), plain)
        expected = 3.0 * plain if y == 1 else plain
        np.testing.assert_allclose(core.bce_with_logits(z, y, 3.0), expected, rtol=1e-15)
        assert core.bce_with_logits(0.5, y, 3.0) == pytest.approx(expected[1], rel=1e-15)


def test_pos_weight_per_label_broadcasts_for_multi_label() -> None:
    z = np.array([[1.0, -2.0, 0.5], [-1.0, 3.0, 0.0]])
    y = np.array([[1, 0, 1], [1, 1, 0]])
    w = np.array([1.0, 4.0, 10.0])
    expected = np.where(y == 1, w, 1.0) * core.bce_with_logits(z, y)
    np.testing.assert_allclose(core.bce_with_logits(z, y, w), expected, rtol=1e-15)


@pytest.mark.parametrize(("k", "n", "w"), [(10, 100, 9.0), (10, 100, 1.0), (3, 7, 0.25), (1, 1000, 50.0)])
def test_weighted_bce_optimum_minimises_the_weighted_loss(k: int, n: int, w: float) -> None:
    def total(u: float) -> float:  # the loss of predicting σ(u) for every example
        return float(w * k * core.bce_with_logits(u, 1) + (n - k) * core.bce_with_logits(u, 0))

    numeric = core.sigmoid(golden_section(total, -30.0, 30.0))
    assert core.weighted_bce_optimum(k, n, w) == pytest.approx(numeric, rel=1e-7)


def test_weighted_bce_optimum_hand_values() -> None:
    assert core.weighted_bce_optimum(10, 100, 1) == 0.1  # the base rate
    assert core.weighted_bce_optimum(10, 100, 9) == 0.5  # 9·10 positives weigh as much as 90 negatives
    assert core.weighted_bce_optimum(0, 5, 3) == 0.0 and core.weighted_bce_optimum(5, 5, 3) == 1.0


def test_weighted_ce_optimum_minimises_the_weighted_loss() -> None:
    counts, weights = np.array([10.0, 20.0, 70.0]), np.array([1.0, 1.0, 0.2])

    def total(u: np.ndarray) -> float:
        return float((counts * weights * core.cross_entropy(np.tile(u, (3, 1)), [0, 1, 2])).sum())

    optimum = core.weighted_ce_optimum(counts, weights)
    np.testing.assert_allclose(optimum, [10 / 44, 20 / 44, 14 / 44], rtol=1e-15)
    np.testing.assert_allclose(minimise_over_distributions(total, 3), optimum, atol=1e-7)


def test_smoothed_ce_optimum_minimises_the_smoothed_loss() -> None:
    counts, eps = np.array([10, 20, 70]), 0.1
    targets = [core.label_smoothing_targets(c, 3, eps) for c in range(3)]

    def total(u: np.ndarray) -> float:
        return float(sum(n * core.cross_entropy_soft(u, t) for n, t in zip(counts, targets, strict=True)))

    optimum = core.smoothed_ce_optimum(counts, eps)
    np.testing.assert_allclose(optimum, 0.9 * counts / 100 + 0.1 / 3, rtol=1e-15)
    np.testing.assert_allclose(minimise_over_distributions(total, 3), optimum, atol=1e-7)


# --- focal loss ------------------------------------------------------------------------------


def test_focal_loss_with_gamma_0_is_bce() -> None:
    z = np.array([-800.0, -30.0, -1.0, 0.0, 0.7, 25.0, 800.0])
    for y in (0, 1):
        np.testing.assert_array_equal(core.focal_loss(z, y, 0.0), core.bce_with_logits(z, y))
        assert [core.focal_loss(float(v), y, 0) for v in z] == list(core.bce_with_logits(z, y))


@given(st.floats(-50.0, 50.0), st.sampled_from([0, 1]))
def test_focal_loss_shrinks_as_gamma_grows(z: float, y: int) -> None:
    losses = [core.focal_loss(z, y, g) for g in (0.0, 0.5, 1.0, 2.0, 5.0)]
    assert all(a >= b for a, b in itertools.pairwise(losses))


def test_focal_loss_hand_values() -> None:
    # z = 0: p_t = ½, so (1 − p_t)^2 = ¼ of log 2; α = 0.25 weighs positives, 0.75 negatives.
    assert core.focal_loss(0.0, 1, 2.0) == pytest.approx(0.25 * math.log(2), rel=1e-15)
    assert core.focal_loss(0.0, 1, 2.0, 0.25) == pytest.approx(0.0625 * math.log(2), rel=1e-15)
    assert core.focal_loss(0.0, 0, 2.0, 0.25) == pytest.approx(0.1875 * math.log(2), rel=1e-15)
    # an easy positive at p = 0.9 loses 99% of its loss, a hard one at p = 0.1 only 19%
    easy, hard = core.logit(0.9), core.logit(0.1)
    assert core.focal_loss(easy, 1, 2.0) / core.bce_with_logits(easy, 1) == pytest.approx(0.01, rel=1e-12)
    assert core.focal_loss(hard, 1, 2.0) / core.bce_with_logits(hard, 1) == pytest.approx(0.81, rel=1e-12)


# --- calibration -------------------------------------------------------------------------------


def test_ece_hand_value() -> None:
    # bins (0, ½] and (½, 1]: means 0.3 and 0.7 against frequencies ½ and 1, each half the data
    assert core.expected_calibration_error([0.2, 0.4, 0.6, 0.8], [0, 1, 1, 1], bins=2) == pytest.approx(0.25, rel=1e-15)
    assert core.expected_calibration_error([0.2, 0.4, 0.6, 0.8], [0, 1, 1, 1], bins=1) == pytest.approx(0.25, rel=1e-15)


def test_calibrated_predictions_have_ece_zero() -> None:
    probs = [0.25] * 4 + [0.75] * 4
    labels = [1, 0, 0, 0, 1, 1, 1, 0]
    assert core.expected_calibration_error(probs, labels) == 0.0


def test_bins_are_closed_on_the_right_and_the_first_holds_zero() -> None:
    table = core.reliability_table([0.0, 0.1, 0.1000001, 0.5, 0.9, 1.0], [0, 0, 1, 1, 1, 1], bins=10)
    np.testing.assert_array_equal(table.edges, np.arange(11) / 10)
    np.testing.assert_array_equal(table.counts, [2, 1, 0, 0, 1, 0, 0, 0, 1, 1])
    assert np.isnan(table.mean_predicted[2]) and np.isnan(table.frequency[2])  # an empty bin has no mean
    assert table.mean_predicted[0] == 0.05 and table.frequency[0] == 0.0
    assert table.frequency[1] == 1.0 and table.frequency[9] == 1.0


def test_ece_is_the_count_weighted_gap_of_the_table() -> None:
    rng = np.random.default_rng(7)
    probs = rng.uniform(0.0, 1.0, 500)
    labels = (rng.uniform(0.0, 1.0, 500) < probs**2).astype(int)
    table = core.reliability_table(probs, labels, bins=8)
    full = table.counts > 0
    gaps = np.abs(table.mean_predicted[full] - table.frequency[full])
    expected = (table.counts[full] * gaps).sum() / 500
    assert core.expected_calibration_error(probs, labels, 8) == pytest.approx(expected, rel=1e-12)
    assert table.counts.sum() == 500


# --- temperature scaling ------------------------------------------------------------------------


def overconfident_logits(seed: int, n: int = 30, k: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """Logits three times too large for their accuracy, and labels drawn from the calibrated model."""
    rng = np.random.default_rng(seed)
    z = rng.normal(0.0, 1.5, (n, k))
    labels = np.array([rng.choice(k, p=core.softmax(row)) for row in z])
    return 3.0 * z, labels


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_fit_temperature_finds_the_50_digit_optimum(seed: int) -> None:
    z, labels = overconfident_logits(seed)
    t = core.fit_temperature(z, labels)
    assert t > 1.5  # the logits were made three times too confident
    assert t == pytest.approx(float(fit_temperature_reference(z, labels)), rel=1e-9)
    nll = lambda temperature: core.cross_entropy(z / temperature, labels).mean()  # noqa: E731
    assert nll(t) < nll(t * 1.001) and nll(t) < nll(t / 1.001)


def test_fit_temperature_scales_with_the_logits_and_ignores_order() -> None:
    z, labels = overconfident_logits(5)
    t = core.fit_temperature(z, labels)
    assert core.fit_temperature(4.0 * z, labels) == pytest.approx(4.0 * t, rel=1e-12)
    order = np.random.default_rng(0).permutation(len(labels))
    assert core.fit_temperature(z[order], labels[order]) == pytest.approx(t, rel=1e-12)
    assert core.fit_temperature(z, labels) == t  # deterministic


def test_binary_temperature_is_the_two_class_one() -> None:
    rng = np.random.default_rng(3)
    z = rng.normal(0.0, 4.0, 40)
    y = (rng.uniform(0.0, 1.0, 40) < core.sigmoid(z / 3.0)).astype(int)
    two_class = core.fit_temperature(np.stack([z, np.zeros(40)], axis=-1), 1 - y)
    assert core.fit_temperature(z, y) == pytest.approx(two_class, rel=1e-12)


def test_fit_temperature_at_the_ends() -> None:
    # No signal (the labels' logits are below average): the best T is infinite, the uniform guess.
    assert core.fit_temperature([[0.0, 1.0], [1.0, 0.0]], [0, 1]) == math.inf
    # Every label already on top: the NLL falls forever as T → 0.
    with pytest.raises(ValueError, match="highest logit"):
        core.fit_temperature([[2.0, 1.0], [0.0, 3.0]], [0, 1])


# --- float32 and PyTorch's clamp ---------------------------------------------------------------


def test_bce_clamped_caps_the_loss_at_100() -> None:
    assert core.bce_clamped(1.0, 0) == 100.0 and core.bce_clamped(0.0, 1) == 100.0
    assert core.bce_clamped(0.3, 1) == core.bce(0.3, 1)
    assert core.bce_clamped(1e-50, 1) == 100.0  # −log 1e-50 = 115 is past the clamp
    np.testing.assert_array_equal(core.bce_clamped([1.0, 0.5], [0, 1], floor=-0.5), [0.5, 0.5])


def test_float32_sigmoid_then_clamped_bce_is_the_frameworks_100() -> None:
    # A confident wrong logit of 20: float32 σ rounds to 1, BCELoss then reports 100; from the
    # logit the loss is 20.000000002.
    assert core.sigmoid_float32(20.0) == 1.0
    assert core.bce_clamped(core.sigmoid_float32(20.0), 0) == 100.0
    assert core.bce_with_logits(20.0, 0) == pytest.approx(20.000000002, abs=1e-9)


# --- errors and warnings -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: core.weighted_cross_entropy(Z, Y, W, "avg"), r"^reduction must be one of none, mean, sum; got 'avg'$"),
        (lambda: core.weighted_cross_entropy(Z, Y, [1.0, 2.0]), r"^weights must have shape \(3,\); got \(2,\)$"),
        (lambda: core.weighted_cross_entropy(Z, Y, [1.0, -2.0, 1.0]), r"^weights must be ≥ 0; got -2\.0$"),
        (lambda: core.weighted_cross_entropy(Z, Y, [0.0, 0.0, 0.0]), r"weighted mean is undefined"),
        (lambda: core.bce_with_logits(0.0, 1, -1.0), r"^pos_weight must be ≥ 0; got -1\.0$"),
        (lambda: core.bce_with_logits(0.0, 1, math.nan), r"^pos_weight must be finite"),
        (lambda: core.weighted_bce_optimum(5, 3, 1.0), r"^k must be ≤ n = 3; got 5$"),
        (lambda: core.weighted_bce_optimum(1, 0, 1.0), r"^n must be a whole number"),
        (lambda: core.weighted_bce_optimum(1.5, 3, 1.0), r"^k must be a whole number"),
        (lambda: core.weighted_bce_optimum(1, 3, 0.0), r"^pos_weight must be a single number > 0"),
        (lambda: core.weighted_ce_optimum([1, 2], [1.0]), r"^weights must have shape \(2,\)"),
        (lambda: core.weighted_ce_optimum([1.5, 2], [1.0, 1.0]), r"^counts must be"),
        (lambda: core.weighted_ce_optimum([0, 0], [1.0, 1.0]), r"^counts must be"),
        (lambda: core.smoothed_ce_optimum([1, 2], 2.0), r"^eps must lie in \[0, 1\]"),
        (lambda: core.focal_loss(0.0, 1, -1.0), r"^gamma must be ≥ 0; got -1\.0$"),
        (lambda: core.focal_loss(0.0, 1, 2.0, 1.5), r"^alpha must lie in \[0, 1\]; got 1\.5$"),
        (lambda: core.focal_loss(0.0, True, 2.0), r"^y must be 0 or 1, not a bool"),
        (lambda: core.expected_calibration_error([0.5], [1], 0), r"^bins must be a whole number in 1\.\.10000"),
        (
            lambda: core.expected_calibration_error([0.5, 0.2], [1], 10),
            r"^probs and labels must be non-empty and of one shape",
        ),
        (lambda: core.expected_calibration_error([], [], 10), r"^probs and labels must be non-empty"),
        (lambda: core.reliability_table([1.5], [1]), r"^probs must lie in \[0, 1\]"),
        (lambda: core.reliability_table([0.5], [2]), r"^labels must be 0 or 1"),
        (lambda: core.fit_temperature([[1.0, 2.0]], [2]), r"^labels must lie in 0\.\.1"),
        (lambda: core.fit_temperature([1.0, 2.0], [1]), r"^labels must have shape \(2,\)"),
        (lambda: core.bce_clamped(0.5, 1, floor=1.0), r"^floor must be ≤ 0; got 1\.0$"),
        (lambda: core.sigmoid_float32(math.inf), r"^z must be finite"),
    ],
)
def test_invalid_arguments_raise_value_error_naming_them(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()


def test_no_runtime_warning_at_the_edges() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = [
            core.focal_loss([-1.7e308, -800.0, 800.0, 1.7e308], 1, 0.0),
            core.focal_loss([-1.7e308, -800.0, 800.0, 1.7e308], 0, 2.0, 0.25),
            core.bce_with_logits([-1.7e308, 1.7e308, -800.0], 1, 1e300),
            core.bce_clamped([0.0, 1.0], [0, 0]),
            core.sigmoid_float32([-1e300, -100.0, 100.0, 1e300]),
            core.expected_calibration_error([0.0, 1.0], [1, 0]),
            core.reliability_table([0.5], [1], bins=3).mean_predicted,
        ]
    assert not any(np.isnan(v).any() for v in values[:-1])
