"""Hand-computed values, return types and the documented edge cases of tutor.core."""

import math
import warnings

import numpy as np
import pytest

from tutor import core

pytestmark = pytest.mark.filterwarnings("error")


@pytest.mark.parametrize(
    ("p", "expected"),
    [(0.01, 4.605170), (0.5, 0.693147), (0.99, 0.010050)],
)
def test_bce_is_minus_log_of_probability_on_true_label(p: float, expected: float) -> None:
    assert core.bce(p, 1) == pytest.approx(expected, abs=1e-6)
    assert core.bce(1 - p, 0) == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize(("p", "y", "expected"), [(0.9, 1, -0.1), (0.8, 0, 0.8)])
def test_bce_grad_z_is_prediction_minus_label(p: float, y: int, expected: float) -> None:
    assert core.bce_grad_z(core.logit(p), y) == pytest.approx(expected, abs=1e-12)


def test_mse_hand_values() -> None:
    assert core.mse(0.9, 1) == pytest.approx(0.01)
    assert core.mse_grad_p(0.8, 0) == pytest.approx(1.6)
    # 2·(0.8 − 0)·0.8·0.2: the σ′ factor shrinks the squared-error gradient.
    assert core.mse_grad_z(core.logit(0.8), 0) == pytest.approx(0.256)
    assert core.bce_grad_p(0.8, 0) == pytest.approx(5.0)


def test_sigmoid_family_hand_values() -> None:
    assert core.sigmoid(0) == 0.5
    assert core.sigmoid_grad(0) == 0.25
    assert core.softplus(0) == pytest.approx(math.log(2))
    assert core.logit(0.5) == 0.0
    assert core.sigmoid(math.log(3)) == pytest.approx(0.75)
    assert core.bce_with_logits(0, 1) == pytest.approx(math.log(2))


def test_cross_entropy_hand_values() -> None:
    assert core.cross_entropy([0.0, 0.0, 0.0, 0.0], 2) == pytest.approx(math.log(4))
    # softmax([2, 1, 0.1]) ≈ [0.659, 0.242, 0.099]
    assert core.cross_entropy([2.0, 1.0, 0.1], 0) == pytest.approx(0.41703, abs=1e-5)
    np.testing.assert_allclose(
        core.cross_entropy_grad([[2.0, 1.0, 0.1]], [0]),
        [[0.65900 - 1, 0.24243, 0.09856]],
        atol=1e-5,
    )


def test_scalar_in_scalar_out_array_in_array_out() -> None:
    for value in (core.sigmoid(0.3), core.bce(0.3, 1), core.cross_entropy([1.0, 2.0], 1)):
        assert type(value) is np.float64
    assert type(core.sigmoid(np.float64(0.3))) is np.float64
    assert type(core.sigmoid(np.asarray(0.3))) is np.float64
    out = core.bce([0.2, 0.4, 0.6], [1, 0, 1])
    assert isinstance(out, np.ndarray) and out.shape == (3,)
    assert core.bce(0.3, [[0, 1]]).shape == (1, 2)  # broadcasts like a ufunc
    assert core.cross_entropy([[1.0, 2.0], [3.0, 4.0]], [0, 1]).shape == (2,)
    assert core.softmax([[1.0, 2.0, 3.0]]).shape == (1, 3)


def test_certain_and_wrong_costs_infinity() -> None:
    assert core.bce(0, 1) == math.inf
    assert core.bce(1, 0) == math.inf
    np.testing.assert_array_equal(core.bce([0.0, 1.0], [1, 0]), [math.inf, math.inf])


def test_certain_and_right_costs_exactly_plus_zero() -> None:
    for p, y in [(1, 1), (0, 0), (1.0, 1.0)]:
        loss = core.bce(p, y)
        assert loss == 0.0 and not math.copysign(1.0, loss) < 0
    losses = core.bce([1.0, 0.0], [1, 0])
    np.testing.assert_array_equal(losses, [0.0, 0.0])
    assert not np.signbit(losses).any()


def test_bce_grad_p_at_the_boundary_is_the_one_sided_derivative() -> None:
    cases = {(1, 1): -1.0, (0, 0): 1.0, (0, 1): -math.inf, (1, 0): math.inf}
    for (p, y), expected in cases.items():
        assert core.bce_grad_p(p, y) == expected
    ps, ys = zip(*cases, strict=False)
    np.testing.assert_array_equal(core.bce_grad_p(list(ps), list(ys)), list(cases.values()))


def test_logit_maps_certainty_to_infinity() -> None:
    assert core.logit(0) == -math.inf
    assert core.logit(1) == math.inf
    np.testing.assert_array_equal(core.logit([0.0, 1.0]), [-math.inf, math.inf])


def test_logits_stay_finite_where_probabilities_round_to_zero() -> None:
    assert core.sigmoid(-800.0) == 0.0
    assert core.bce(core.sigmoid(-800.0), 1) == math.inf
    assert core.bce_with_logits(-800.0, 1) == 800.0
    assert core.cross_entropy([[-800.0, 0.0]], [0]) == pytest.approx([800.0])


NAN = float("nan")
INF = float("inf")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: core.bce(1.2, 1), r"^p must lie in \[0, 1\]; got 1\.2$"),
        (lambda: core.bce(-0.1, 1), r"^p must lie in \[0, 1\]; got -0\.1$"),
        (lambda: core.bce(NAN, 1), r"^p must lie in \[0, 1\]; got nan$"),
        (lambda: core.bce([0.5, 1.2], [1, 1]), r"^p must lie in \[0, 1\]; got 1\.2$"),
        (lambda: core.bce(np.array([0.5, NAN]), 1), r"^p .* got nan$"),
        (lambda: core.bce(0.5, 0.5), r"^y must be 0 or 1; got 0\.5$"),
        (lambda: core.bce(0.5, [1, 2]), r"^y must be 0 or 1; got 2\.0$"),
        (lambda: core.bce_with_logits(0.0, NAN), r"^y must be 0 or 1; got nan$"),
        (lambda: core.mse(1.5, 0), r"^p must lie"),
        (lambda: core.mse_grad_p(0.5, -1), r"^y must be 0 or 1"),
        (lambda: core.bce_grad_p(2, 1), r"^p must lie"),
        (lambda: core.logit(1.1), r"^p must lie"),
        (lambda: core.sigmoid(INF), r"^z must be finite; got inf$"),
        (lambda: core.sigmoid([0.0, -INF]), r"^z must be finite; got -inf$"),
        (lambda: core.bce_with_logits(NAN, 1), r"^z must be finite; got nan$"),
        (lambda: core.bce_grad_z(INF, 1), r"^z must be finite"),
        (lambda: core.mse_grad_z(-INF, 0), r"^z must be finite"),
        (lambda: core.softplus(NAN), r"^z must be finite"),
        (lambda: core.sigmoid_grad(INF), r"^z must be finite"),
        (lambda: core.softmax([1.0, NAN]), r"^logits must be finite; got nan$"),
        (lambda: core.log_softmax([1.0, INF]), r"^logits must be finite"),
        (lambda: core.cross_entropy([[1.0, 2.0]], [3]), r"^labels must lie in 0\.\.1; got 3$"),
        (lambda: core.cross_entropy([1.0, 2.0], -1), r"^labels must lie in 0\.\.1; got -1$"),
        (lambda: core.cross_entropy([[1.0, 2.0]], [0.5]), r"^labels must be integers; got 0\.5$"),
        (lambda: core.cross_entropy([[1.0, 2.0]], [NAN]), r"^labels must be integers; got nan$"),
        (lambda: core.cross_entropy([[1.0, 2.0]], ["a"]), r"^labels must be integers"),
        (lambda: core.cross_entropy([[1.0, 2.0]], [0, 1]), r"^labels must have shape \(1,\)"),
        (lambda: core.cross_entropy([[1.0, INF]], [0]), r"^logits must be finite"),
        (lambda: core.cross_entropy_grad([[1.0, 2.0]], [2]), r"^labels must lie"),
        (lambda: core.cross_entropy(np.zeros((2, 2, 2)), [[0, 0], [0, 0]]), r"^logits must have"),
        # A Python int beyond float64 is refused like any value out of range, not with OverflowError.
        (lambda: core.sigmoid(10**400), r"^z must be finite; got an integer too large for a float$"),
        (lambda: core.sigmoid([1, 10**400]), r"^z must be finite; got an integer too large for a float$"),
        (lambda: core.bce(10**400, 1), r"^p must lie in \[0, 1\]; got an integer too large"),
        (lambda: core.bce(0.5, -(10**400)), r"^y must be 0 or 1; got an integer too large"),
        (lambda: core.softmax([0, 10**400]), r"^logits must be finite; got an integer too large"),
        (lambda: core.cross_entropy([1.0, 2.0], 10**30), r"^labels must lie in 0\.\.1; got 1e\+30$"),
        (lambda: core.cross_entropy([1.0, 2.0], 10**400), r"^labels must lie in 0\.\.1; got an integer too large"),
        # A bool is not a label, even where it equals one (bce(0.5, True) is more likely a bug).
        (lambda: core.bce(0.5, True), r"^y must be 0 or 1, not a bool; got True$"),
        (lambda: core.bce_with_logits(0.0, False), r"^y must be 0 or 1, not a bool; got False$"),
        (lambda: core.bce(0.5, np.True_), r"^y must be 0 or 1, not a bool; got True$"),
        (lambda: core.bce([0.5, 0.5], [True, False]), r"^y must be 0 or 1, not a bool; got True$"),
        (lambda: core.mse_grad_z(0.0, np.array([False])), r"^y must be 0 or 1, not a bool"),
        (lambda: core.cross_entropy([1.0, 2.0], True), r"^labels must be integers, not bools; got True$"),
        (lambda: core.cross_entropy_grad([[1.0, 2.0]], [False]), r"^labels must be integers, not bools"),
        (lambda: core.bce("a", 1), r"^p must be numbers; got dtype <U1$"),
    ],
)
def test_invalid_arguments_raise_value_error_naming_them(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()


def test_integral_float_labels_are_accepted() -> None:
    assert core.cross_entropy([[1.0, 2.0]], [1.0]) == core.cross_entropy([[1.0, 2.0]], [1])


def test_numpy_integer_and_float_labels_are_accepted() -> None:
    assert core.bce(0.5, np.int64(1)) == core.bce(0.5, 1.0) == core.bce(0.5, np.float32(1))


def test_bce_grad_p_overflows_to_minus_infinity_for_subnormal_p() -> None:
    # −1/p is below −1.8e308 for p < 5.6e-309: −inf is its rounded value, as documented.
    assert core.bce_grad_p(5e-324, 1) == -math.inf
    assert core.bce_grad_p(1e-308, 1) == -1e308
    np.testing.assert_array_equal(core.bce_grad_p([5e-324, 1e-308], 1), [-math.inf, -1e308])


EDGE_CALLS = [
    lambda: core.bce([0.0, 1.0, 0.0, 1.0], [0, 0, 1, 1]),
    lambda: [core.bce(p, y) for p in (0, 1) for y in (0, 1)],
    lambda: core.bce_grad_p([0.0, 1.0, 0.0, 1.0], [0, 0, 1, 1]),
    lambda: core.bce_grad_p([5e-324, 5e-324], [1, 0]),  # −1/p overflows to −inf
    lambda: [core.bce_grad_p(p, y) for p in (0, 1) for y in (0, 1)],
    lambda: (core.logit([0.0, 1.0]), core.logit(0), core.logit(1)),
    lambda: [f(z) for f in (core.sigmoid, core.sigmoid_grad, core.softplus) for z in (1e308, -1e308)],
    lambda: [f([1e308, -1e308]) for f in (core.sigmoid, core.sigmoid_grad, core.softplus)],
    lambda: [
        f(z, y)
        for f in (core.bce_with_logits, core.bce_grad_z, core.mse_grad_z)
        for z in (1e308, -1e308, [1e308, -1e308])
        for y in (0, 1)
    ],
    lambda: core.cross_entropy([[1e308, -1e308], [-1e308, 1e308]], [1, 0]),
    lambda: core.cross_entropy_grad([[1e308, -1e308]], [1]),
    lambda: (core.softmax([1e308, -1e308]), core.log_softmax([1e308, -1e308])),
    lambda: [core.logit(p) for p in (0.25, 0.5, 0.75, 5e-324, 1.0)],
    lambda: core.logit([0.0, 0.25, 0.5, 0.75, 1.0]),
]


@pytest.mark.parametrize("call", EDGE_CALLS)
def test_no_runtime_warning_escapes_at_the_edges(call) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        results = call()
    assert not np.isnan(_flatten(results)).any()


def _flatten(results: object) -> np.ndarray:
    if isinstance(results, (list, tuple)):
        return np.concatenate([_flatten(r) for r in results])
    return np.ravel(np.asarray(results, dtype=np.float64))
