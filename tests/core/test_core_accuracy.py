"""Every public function of tutor.core within 8 ulp of a 50-digit mpmath reference.

The points (tests/core/core_references.py) cover |z| up to 745 and far beyond, p within 1e-3 of
0, ½ and 1, subnormals, logit gaps of 60 and ~700, K from 2 to 1000, and distributions whose q
is within 1e-15 of p. Scalar functions are checked on both paths: plain floats and arrays.
"""

import numpy as np
import pytest
from core_references import ULP_BAR, checks, max_error, sigmoid_float32, ulp_error

from tutor import core

pytestmark = pytest.mark.filterwarnings("error")

#: Public names checked by other means than an ulp distance, each in its own test below.
CHECKED_ELSEWHERE = {
    "SUM_TOLERANCE": "a constant",
    "ReliabilityTable": "a result type, filled by reliability_table (checked here)",
    "fit_temperature": "an argmin: test_core_calibration.py checks it against a 50-digit root",
    "sigmoid_float32": "float32 on purpose: checked against float32 rounding below",
    "sigmoid_float32_saturation": "an exact float32 threshold: checked below",
}


def test_every_public_name_is_checked() -> None:
    assert set(core.__all__) == set(checks()) | set(CHECKED_ELSEWHERE)


@pytest.mark.parametrize("name", sorted(checks()))
def test_within_8_ulp_of_a_50_digit_reference(name: str) -> None:
    assert max_error(core, name) <= ULP_BAR


def test_the_ulp_distance_counts_ulps() -> None:
    assert ulp_error(1.0, 1) == 0.0
    assert ulp_error(np.nextafter(1.0, 2.0), 1) == 1.0
    assert ulp_error(5e-324, 0) == 1.0
    assert ulp_error(float("inf"), 2 * 1.8e308) == 0.0  # an overflowing reference is matched by inf
    assert ulp_error(1.7e308, 2 * 1.8e308) == float("inf")


def test_the_fixed_points_of_issue_11() -> None:
    # logit near ½ lost a million ulp; a logit 60 above the rest cost softmax 32–41 ulp.
    for p in (0.4999998, 0.501):
        assert ulp_error(core.logit(p), checks()["logit"][0].references[_index_of(p)]) <= 1.0
    assert max_error(core, "softmax") <= 3.0
    assert max_error(core, "cross_entropy") <= 3.0


def _index_of(p: float) -> int:
    from core_references import probability_points

    return int(np.flatnonzero(probability_points() == p)[0])


def test_sigmoid_float32_rounds_like_float32() -> None:
    # Each step rounded to float32; the reference rounds each correctly, numpy's float32 exp is
    # within about 2 ulp, so the chain ends within 3 float32 ulp of the reference.
    zs = np.concatenate([np.linspace(-90.0, 90.0, 721), np.linspace(16.5, 16.8, 301), [0.0, 1e-30, -1e30, 1e300]])
    got = core.sigmoid_float32(zs)
    expected = np.array([sigmoid_float32(float(z)) for z in zs])
    assert got.dtype == np.float64 and (got == got.astype(np.float32)).all()  # float32 values
    float32_ulps = np.abs(got - expected) / np.spacing(expected.astype(np.float32)).astype(np.float64)
    assert float32_ulps.max() <= 3.0
    assert [float(core.sigmoid_float32(float(z))) for z in zs] == list(got)  # scalar and array agree


def test_sigmoid_float32_saturates_at_the_bisected_threshold() -> None:
    t = core.sigmoid_float32_saturation()
    below = float(np.nextafter(np.float32(t), np.float32(0.0)))
    assert float(np.float32(t)) == t and abs(t - 24 * np.log(2)) < 4e-6  # e^(−z) = 2⁻²⁴, half an ulp of 1
    assert core.sigmoid_float32(t) == 1.0 and core.sigmoid_float32(below) < 1.0
    assert (core.sigmoid_float32(np.linspace(t, 100.0, 1000)) == 1.0).all()
    assert core.sigmoid(t) < 1.0  # float64 is nowhere near saturating
    # With a correctly rounded exp the threshold is the same float32 number or, since e^(−t) lies
    # within an ulp of the rounding boundary, its neighbour: an exp that errs by an ulp moves it.
    exact = _bisect_float32(lambda z: sigmoid_float32(z) == 1.0, 0.0, 100.0)
    assert exact in (t, float(np.nextafter(np.float32(t), np.float32(100.0))), below)


def _bisect_float32(saturated, low: float, high: float) -> float:
    """The smallest float32 in (low, high] where ``saturated`` holds (it must be monotone)."""
    lo, hi = (int(np.array(v, dtype=np.float32).view(np.int32)) for v in (low, high))
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if saturated(float(np.array(mid, dtype=np.int32).view(np.float32))):
            hi = mid
        else:
            lo = mid
    return float(np.array(hi, dtype=np.int32).view(np.float32))
