"""The core functions the expression language offers: each reachable, each giving the core's value."""

from __future__ import annotations

import numpy as np
import pytest

from tutor import core
from tutor.content.expr import FUNCTIONS, ExprError, evaluate, parse

NUMPY_FUNCTIONS = {"log", "log2", "log10", "exp", "sqrt", "abs", "mean", "sum"}


def test_every_listed_function_other_than_numpys_is_a_public_core_function() -> None:
    assert set(FUNCTIONS) - NUMPY_FUNCTIONS <= set(core.__all__)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("entropy([0.5, 0.25, 0.25])", lambda: core.entropy([0.5, 0.25, 0.25])),
        ("cross_entropy_dist([1, 0], [0.8, 0.2])", lambda: core.cross_entropy_dist([1, 0], [0.8, 0.2])),
        ("kl_divergence([0.2, 0.8], [0.5, 0.5])", lambda: core.kl_divergence([0.2, 0.8], [0.5, 0.5])),
        (
            "cross_entropy_soft([2, 1, 0.1], label_smoothing_targets(0, 3, 0.1))",
            lambda: core.cross_entropy_soft([2, 1, 0.1], core.label_smoothing_targets(0, 3, 0.1)),
        ),
        ("label_smoothing_targets(2, 4, 0.2)[2]", lambda: 0.85),
        (
            "weighted_cross_entropy([[2, 1, 0.1], [0, 1, 2]], [0, 1], [1, 2, 3])",
            lambda: core.weighted_cross_entropy([[2, 1, 0.1], [0, 1, 2]], [0, 1], [1, 2, 3]),
        ),
        ("bce_with_logits(0.5, 1, 3)", lambda: 3 * core.bce_with_logits(0.5, 1)),
        ("focal_loss(2, 1, 2)", lambda: core.focal_loss(2.0, 1, 2.0)),
        ("focal_loss(2, 0, 2, 0.25)", lambda: core.focal_loss(2.0, 0, 2.0, 0.25)),
        ("weighted_bce_optimum(10, 100, 9)", lambda: 0.5),
        ("weighted_ce_optimum([10, 20, 70], [1, 1, 0.2])[2]", lambda: 14 / 44),
        ("smoothed_ce_optimum([10, 20, 70], 0.1)[0]", lambda: 0.9 * 0.1 + 0.1 / 3),
        ("expected_calibration_error([0.2, 0.4, 0.6, 0.8], [0, 1, 1, 1], 2)", lambda: 0.25),
        ("expected_calibration_error([0.25, 0.25, 0.75, 0.75], [0, 1, 1, 1])", lambda: 2 / 4 * 0.25 + 2 / 4 * 0.25),
        (
            "fit_temperature([[3, 0], [0, 2], [1, 0], [0, 4]], [0, 0, 0, 1])",
            lambda: core.fit_temperature([[3, 0], [0, 2], [1, 0], [0, 4]], [0, 0, 0, 1]),
        ),
        ("fit_temperature([3, -2, 1, -4], [1, 1, 0, 0])", lambda: core.fit_temperature([3, -2, 1, -4], [1, 1, 0, 0])),
        ("sigmoid_float32(20)", lambda: 1.0),
        ("sigmoid_float32_saturation()", lambda: core.sigmoid_float32_saturation()),
        ("bce_clamped(sigmoid_float32(20), 0)", lambda: 100.0),
        ("bce_clamped(0.001, 1, -5)", lambda: 5.0),
    ],
)
def test_new_core_functions_evaluate_to_the_cores_value(source: str, expected) -> None:
    assert evaluate(parse(source)) == pytest.approx(float(np.asarray(expected())), rel=1e-15)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("entropy([0.5, 0.4])", "p must sum to 1"),
        ("weighted_cross_entropy([[1, 2]], [0.5], [1, 1])", "labels must be integers"),
        ("label_smoothing_targets(0, 2.5, 0.1)[0]", "k must be a whole number"),
        ("expected_calibration_error([0.5], [1], 0)", "bins must be a whole number"),
        ("focal_loss(1, 1, -2)", "gamma must be ≥ 0"),
    ],
)
def test_core_errors_in_new_functions_become_expr_errors(source: str, message: str) -> None:
    with pytest.raises(ExprError, match=message):
        evaluate(parse(source))
