"""Property-based tests of tutor.core: identities, precision and gradients."""

import math
from decimal import Context, Decimal, localcontext

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from tutor import core

pytestmark = pytest.mark.filterwarnings("error")

finite = st.floats(allow_nan=False, allow_infinity=False)
labels = st.sampled_from([0, 1])
unit = st.floats(0.0, 1.0)


def both_paths(f, *args: float) -> list[float]:
    """f on plain scalars (math fast path) and on 1-element arrays (numpy path)."""
    return [float(f(*args)), float(f(*(np.array([a]) for a in args))[0])]


def precise(z: float):
    """A decimal context precise enough that 1 + e^(±z) keeps every digit of e^(−|z|)."""
    return localcontext(Context(prec=60 + int(abs(z) / 2.3)))


def softplus_reference(z: float) -> float:
    """log(1 + e^z) in decimal arithmetic."""
    with precise(z):
        return float((Decimal(z).exp() + 1).ln())


def ulps_apart(a: float, b: float) -> float:
    return abs(a - b) / math.ulp(b)


# --- binary cross-entropy from logits ------------------------------------


@given(st.floats(-700.0, 700.0), labels)
@settings(deadline=None)
def test_bce_with_logits_is_exact_to_a_few_ulp(z: float, y: int) -> None:
    # L(z, 1) = softplus(−z), L(z, 0) = softplus(z), computed independently in Decimal.
    reference = softplus_reference(-z if y == 1 else z)
    for got in both_paths(core.bce_with_logits, z, y):
        assert ulps_apart(got, reference) <= 4


@given(finite, labels)
def test_bce_with_logits_is_finite_and_at_least_the_hinge(z: float, y: int) -> None:
    for got in both_paths(core.bce_with_logits, z, y):
        assert math.isfinite(got)
        assert got >= max(0.0, -z if y == 1 else z)


@given(st.floats(-700.0, 700.0), labels)
@settings(deadline=None)
def test_sigmoid_and_logit_gradients_are_exact_to_a_few_ulp(z: float, y: int) -> None:
    with precise(z):
        s = 1 / (1 + (-Decimal(z)).exp())
        s_neg = 1 / (1 + Decimal(z).exp())  # 1 − σ(z), without cancellation
        residual = s - y
        expected = [
            (core.sigmoid, (z,), s, 4),
            (core.sigmoid_grad, (z,), s * s_neg, 4),
            (core.bce_grad_z, (z, y), residual, 4),
            (core.mse_grad_z, (z, y), 2 * residual * s * s_neg, 8),
        ]
    for f, args, reference, tolerance in expected:
        for got in both_paths(f, *args):
            assert ulps_apart(got, float(reference)) <= tolerance, f.__name__


# Above z ≈ 13, σ(z) is so close to 1 that rounding p alone costs bce(σ(z), y)
# more than 1e-9 relative accuracy: exactly why bce_with_logits exists.
@given(st.floats(-700.0, 13.0), labels)
def test_bce_with_logits_matches_bce_of_sigmoid(z: float, y: int) -> None:
    p = core.sigmoid(z)
    assume(0.0 < p < 1.0)
    assert core.bce_with_logits(z, y) == pytest.approx(core.bce(p, y), rel=1e-9)


@given(st.one_of(st.floats(-750.0, 750.0), st.floats(-1e300, 1e300)), labels)
def test_two_class_cross_entropy_is_binary_cross_entropy(z: float, y: int) -> None:
    # Logits [z, 0]: class 0 has probability σ(z), so label 0 ⇔ y = 1.
    loss = core.cross_entropy([[z, 0.0]], [1 - y])[0]
    assert loss == pytest.approx(core.bce_with_logits(z, y), rel=1e-12, abs=1e-300)
    grad = core.cross_entropy_grad([[z, 0.0]], [1 - y])[0]
    assert grad[0] == pytest.approx(core.bce_grad_z(z, y), rel=1e-12, abs=1e-300)
    assert grad[1] == -grad[0]


# --- scalar fast path ------------------------------------------------------


@given(finite)
def test_scalar_and_array_paths_agree_on_logits(z: float) -> None:
    for f in (core.sigmoid, core.sigmoid_grad, core.softplus):
        scalar, array = both_paths(f, z)
        assert scalar == pytest.approx(array, rel=1e-14, abs=1e-300)


@given(finite, labels)
def test_scalar_and_array_paths_agree_on_logit_losses(z: float, y: int) -> None:
    for f in (core.bce_with_logits, core.bce_grad_z, core.mse_grad_z):
        scalar, array = both_paths(f, z, y)
        assert scalar == pytest.approx(array, rel=1e-14, abs=1e-300)


@given(unit, labels)
def test_scalar_and_array_paths_agree_on_probabilities(p: float, y: int) -> None:
    for f in (core.bce, core.bce_grad_p, core.mse, core.mse_grad_p):
        scalar, array = both_paths(f, p, y)
        assert scalar == pytest.approx(array, rel=1e-14, abs=1e-300)
    scalar, array = both_paths(core.logit, p)
    assert scalar == pytest.approx(array, rel=1e-14, abs=1e-300)


# --- gradients against central finite differences --------------------------


def central_difference(f, x: float, h: float) -> float:
    return (float(f(x + h)) - float(f(x - h))) / (2 * h)


@given(st.floats(0.01, 0.99), labels)
def test_bce_grad_p_matches_finite_difference(p: float, y: int) -> None:
    numeric = central_difference(lambda q: core.bce(q, y), p, 1e-6)
    assert core.bce_grad_p(p, y) == pytest.approx(numeric, rel=1e-5)


@given(st.floats(0.0, 1.0), labels)
def test_mse_grad_p_matches_finite_difference(p: float, y: int) -> None:
    numeric = central_difference(lambda q: (q - y) ** 2, p, 1e-6)  # mse rejects p ∉ [0, 1]
    assert core.mse_grad_p(p, y) == pytest.approx(numeric, rel=1e-6, abs=1e-9)


@given(st.floats(-30.0, 30.0), labels)
def test_bce_grad_z_matches_finite_difference(z: float, y: int) -> None:
    numeric = central_difference(lambda s: core.bce_with_logits(s, y), z, 1e-5)
    assert core.bce_grad_z(z, y) == pytest.approx(numeric, rel=1e-5, abs=1e-9)


@given(st.floats(-30.0, 30.0), labels)
def test_mse_grad_z_matches_finite_difference(z: float, y: int) -> None:
    numeric = central_difference(lambda s: core.mse(core.sigmoid(s), y), z, 1e-5)
    assert core.mse_grad_z(z, y) == pytest.approx(numeric, rel=1e-5, abs=1e-10)


@given(st.floats(-30.0, 30.0))
def test_sigmoid_grad_matches_finite_difference(z: float) -> None:
    numeric = central_difference(core.sigmoid, z, 1e-5)
    assert core.sigmoid_grad(z) == pytest.approx(numeric, rel=1e-5, abs=1e-10)


@st.composite
def logits_and_labels(draw, max_abs: float = 30.0) -> tuple[np.ndarray, np.ndarray]:
    n = draw(st.integers(1, 4))
    k = draw(st.integers(2, 5))
    z = draw(hnp.arrays(np.float64, (n, k), elements=st.floats(-max_abs, max_abs)))
    y = draw(hnp.arrays(np.intp, (n,), elements=st.integers(0, k - 1)))
    return z, y


@given(logits_and_labels())
def test_cross_entropy_grad_matches_finite_difference(case: tuple[np.ndarray, np.ndarray]) -> None:
    z, y = case
    h = 1e-5
    numeric = np.empty_like(z)
    total = lambda s: core.cross_entropy(z + s, y).sum()  # noqa: E731
    for index in np.ndindex(z.shape):
        step = np.zeros_like(z)
        step[index] = h
        numeric[index] = (total(step) - total(-step)) / (2 * h)
    # The difference quotient is only as good as the rounding of the total: a few ulp of it over 2h.
    noise = 8 * np.spacing(max(abs(total(0.0)), 1.0)) / (2 * h)
    np.testing.assert_allclose(core.cross_entropy_grad(z, y), numeric, rtol=1e-5, atol=max(1e-9, noise))


# --- softmax and cross-entropy identities ---------------------------------


@given(logits_and_labels(max_abs=100.0), st.floats(-100.0, 100.0))
def test_cross_entropy_unchanged_by_a_constant_shift(case: tuple[np.ndarray, np.ndarray], c: float) -> None:
    z, y = case
    shifted, original = core.cross_entropy(z + c, y), core.cross_entropy(z, y)
    np.testing.assert_allclose(shifted, original, rtol=1e-9, atol=1e-12)


@given(logits_and_labels(max_abs=1e3))
def test_cross_entropy_is_minus_log_softmax_of_label(case: tuple[np.ndarray, np.ndarray]) -> None:
    z, y = case
    picked = core.softmax(z)[np.arange(len(y)), y]
    assume((picked > 1e-300).all())
    expected = -np.log(picked)
    np.testing.assert_allclose(core.cross_entropy(z, y), expected, rtol=1e-9, atol=1e-15)
    np.testing.assert_allclose(-core.log_softmax(z)[np.arange(len(y)), y], core.cross_entropy(z, y))


@given(st.floats(-1e3, 1e3), st.floats(-1e3, 1e3))
def test_two_class_softmax_is_sigmoid_of_difference(x1: float, x2: float) -> None:
    assert core.softmax([x1, x2])[0] == pytest.approx(core.sigmoid(x1 - x2), rel=1e-12, abs=1e-300)


matrices = hnp.arrays(np.float64, hnp.array_shapes(min_dims=2, max_dims=2, max_side=6), elements=st.floats(-1e3, 1e3))


@given(matrices, st.sampled_from([0, 1, -1]))
def test_softmax_is_a_distribution_along_its_axis(z: np.ndarray, axis: int) -> None:
    p = core.softmax(z, axis=axis)
    assert ((p >= 0.0) & (p <= 1.0)).all()
    np.testing.assert_allclose(p.sum(axis=axis), 1.0, rtol=0, atol=1e-12)
    np.testing.assert_allclose(np.exp(core.log_softmax(z, axis=axis)), p, rtol=1e-9, atol=1e-300)


# --- sigmoid ------------------------------------------------------------------


@given(finite)
def test_sigmoid_grad_never_exceeds_a_quarter(z: float) -> None:
    assert 0.0 <= core.sigmoid_grad(z) <= 0.25


def test_sigmoid_grad_never_exceeds_a_quarter_near_zero() -> None:
    # Rounding in σ(z)·σ(−z) overshoots 0.25 by an ulp for some |z| < 1e-7.
    z = np.linspace(-1e-7, 1e-7, 200_001)
    assert core.sigmoid_grad(z).max() == 0.25
    assert max(core.sigmoid_grad(float(v)) for v in z[::50]) == 0.25


@given(finite)
def test_sigmoid_is_a_probability_and_symmetric(z: float) -> None:
    p = core.sigmoid(z)
    assert 0.0 <= p <= 1.0
    assert p + core.sigmoid(-z) == pytest.approx(1.0, rel=1e-15)


@given(st.floats(0.0, 1.0, exclude_min=True, exclude_max=True))
def test_logit_inverts_sigmoid(p: float) -> None:
    assert core.sigmoid(core.logit(p)) == pytest.approx(p, rel=1e-12, abs=1e-300)
