"""The maths of cross-entropy loss: pure numpy, float64, vectorised.

Every function accepts Python floats/ints, lists or ndarrays and broadcasts
like a numpy ufunc.  Scalar inputs give a ``numpy.float64`` (a subclass of
``float``), array inputs an ndarray.  Scalars take a plain-``math`` fast path
(about a microsecond, for course checks that call these thousands of times);
it computes the same formulas as the array path, to within an ulp or two.
Every float64 result is within 8 ulp of the exact value (tests/core checks
each function against 50-digit references; ``sigmoid_float32`` is float32 on
purpose and ``fit_temperature`` an argmin, to ~1e-12).  Nothing here imports
UI code.

Notation: p is a predicted probability, y ∈ {0, 1} a binary label,
z a logit (p = σ(z)), and for K classes ``logits`` has shape (N, K) or (K,)
with integer ``labels`` in 0..K−1.  Distributions (entropy, KL, soft targets)
lie along the last axis.

Edge cases (decided here, relied on by lessons and tests):

* p exactly 0 or 1 with the *wrong* label gives loss +inf — the true value of
  −log 0, not a silent clamp: a model that is certain and wrong is infinitely
  surprised.  No RuntimeWarning leaks out.  (``bce_clamped`` is PyTorch's
  clamp, for the lesson that shows it.)
* p exactly 0 or 1 with the *right* label gives loss 0 (+0.0), not nan: the
  term 0·log 0 is taken as its limit, 0.  The same holds in ``entropy``,
  ``cross_entropy_dist`` and ``kl_divergence`` wherever p = 0.
* ``bce_grad_p``: the textbook (p−y)/(p(1−p)) is 0/0 at p = y.  For
  y ∈ {0, 1} it simplifies to −1/p (y = 1) and 1/(1−p) (y = 0), which is what
  we evaluate, so p = y gives the true one-sided derivative (−1 at p = y = 1,
  +1 at p = y = 0: the loss is at its minimum on the boundary, but still
  sloped) and a certain, wrong prediction gives ∓inf.  Never nan.  For a
  subnormal p (below 5.6e-309) −1/p overflows: −inf is its rounded value.
* p outside [0, 1], y outside {0, 1}, class labels outside 0..K−1 or not
  integers, nan anywhere, and infinite logits raise ``ValueError`` naming
  the argument, e.g. "p must lie in [0, 1]; got 1.2".  So do a Python int
  too large for a float and a bool given as a label (``bce(0.5, True)``:
  a label is a number, and True is more likely a bug than a 1).  An infinite
  logit is a probability of exactly 0 or 1: use the probability-space
  functions for that.  ``logit`` maps 0 and 1 to −inf and +inf, which are
  therefore not accepted back as logits.
* Finite logits always give finite binary losses (a pos_weight can push one
  past 1.8e308, to +inf).  Only a K-class spread max(z) − z_y beyond ~1.8e308
  overflows to a cross-entropy of +inf.
* A distribution must be non-negative and sum to 1 along its last axis
  within ``SUM_TOLERANCE`` (1e-6); it is used as given, never renormalised.
  q = 0 where p > 0 gives a cross-entropy and a KL divergence of +inf.
* No argument can ask for unbounded work: K ≤ 100000 classes in
  ``label_smoothing_targets``, at most 10000 calibration bins.
* ``fit_temperature`` returns +inf when the logits carry no signal and
  raises ValueError when every label already has the highest logit.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import NamedTuple, SupportsFloat

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]
FloatOrArray = np.float64 | Array

__all__ = [
    "SUM_TOLERANCE",
    "ReliabilityTable",
    "bce",
    "bce_clamped",
    "bce_grad_p",
    "bce_grad_z",
    "bce_with_logits",
    "cross_entropy",
    "cross_entropy_dist",
    "cross_entropy_grad",
    "cross_entropy_soft",
    "entropy",
    "expected_calibration_error",
    "fit_temperature",
    "focal_loss",
    "kl_divergence",
    "label_smoothing_targets",
    "log_softmax",
    "logit",
    "mse",
    "mse_grad_p",
    "mse_grad_z",
    "reliability_table",
    "sigmoid",
    "sigmoid_float32",
    "sigmoid_float32_saturation",
    "sigmoid_grad",
    "smoothed_ce_optimum",
    "softmax",
    "softplus",
    "weighted_bce_optimum",
    "weighted_ce_optimum",
    "weighted_cross_entropy",
]

#: How far a distribution's sum may stray from 1: loose enough for rounded or float32
#: probabilities, tight enough to catch a missing entry.
SUM_TOLERANCE = 1e-6

_SCALAR = (float, int, np.floating, np.integer)
_MAX_CLASSES = 100_000  # label_smoothing_targets builds labels × K numbers
_MAX_BINS = 10_000
#: numpy.float64 itself, typed: numpy's stubs type its constructor as returning Any under Python 3.10.
_f64: Callable[[SupportsFloat], np.float64] = np.float64
_INF = math.inf


# --- validation: floats stay floats, everything else becomes a float64 array ---


def _invalid(name: str, rule: str, value: object) -> ValueError:
    return ValueError(f"{name} {rule}; got {value}")


def _too_large(name: str, rule: str) -> ValueError:
    return _invalid(name, rule, "an integer too large for a float")


def _first_bad(a: np.ndarray, ok: np.ndarray) -> object:
    bad = a[~ok].flat[0] if a.ndim else a[()]
    return bad.item()


def _array(x: ArrayLike, name: str, rule: str, *, label: bool = False) -> Array:
    """x as a float64 array; huge ints, non-numbers (and bools, for a label) raise ValueError."""
    raw = np.asarray(x)
    if label and raw.dtype.kind == "b":
        raise _invalid(name, rule + ", not a bool", _first_bad(raw, np.zeros(raw.shape, bool)))
    try:
        return np.asarray(raw, dtype=np.float64)
    except OverflowError:
        raise _too_large(name, rule) from None
    except (TypeError, ValueError):
        raise _invalid(name, "must be numbers", f"dtype {raw.dtype}") from None


def _probability(p: ArrayLike, name: str = "p") -> float | Array:
    rule = "must lie in [0, 1]"
    if isinstance(p, _SCALAR):
        try:
            v = float(p)
        except OverflowError:
            raise _too_large(name, rule) from None
        if 0.0 <= v <= 1.0:  # False for nan
            return v
        raise _invalid(name, rule, v)
    a = _array(p, name, rule)
    ok = (a >= 0.0) & (a <= 1.0)
    if not ok.all():
        raise _invalid(name, rule, _first_bad(a, ok))
    return a


def _binary(y: ArrayLike, name: str = "y") -> float | Array:
    rule = "must be 0 or 1"
    if isinstance(y, _SCALAR):
        try:
            v = float(y)
        except OverflowError:
            raise _too_large(name, rule) from None
        if (v == 0.0 or v == 1.0) and y.__class__ is not bool:
            return v
        raise _invalid(name, rule + (", not a bool" if y.__class__ is bool else ""), y if y.__class__ is bool else v)
    a = _array(y, name, rule, label=True)
    ok = (a == 0.0) | (a == 1.0)
    if not ok.all():
        raise _invalid(name, rule, _first_bad(a, ok))
    return a


def _finite(z: ArrayLike, name: str = "z") -> float | Array:
    rule = "must be finite"
    if isinstance(z, _SCALAR):
        try:
            v = float(z)
        except OverflowError:
            raise _too_large(name, rule) from None
        if math.isfinite(v):
            return v
        raise _invalid(name, rule, v)
    a = _array(z, name, rule)
    ok = np.isfinite(a)
    if not ok.all():
        raise _invalid(name, rule, _first_bad(a, ok))
    return a


def _nonnegative(x: ArrayLike, name: str) -> float | Array:
    """A finite weight or exponent ≥ 0."""
    v = _finite(x, name)
    if isinstance(v, float):
        if v >= 0.0:
            return v
        raise _invalid(name, "must be ≥ 0", v)
    ok = v >= 0.0
    if not ok.all():
        raise _invalid(name, "must be ≥ 0", _first_bad(v, ok))
    return v


def _count(n: object, name: str, low: int, high: int = 2**53) -> int:
    """A whole number in low..high (an int or an integral float, not a bool).

    The default high keeps counts exact as floats; sizes of arrays we build get a
    smaller one, so that no argument can ask for unbounded memory.
    """
    rule = f"must be a whole number in {low}..{high}"
    if isinstance(n, bool) or not isinstance(n, _SCALAR):
        raise _invalid(name, rule, repr(n))
    if isinstance(n, (float, np.floating)) and not float(n).is_integer():
        raise _invalid(name, rule, n)
    if not low <= n <= high:  # ints compare exactly, however large
        raise _invalid(name, rule, n if abs(n) < 1e30 else "a larger number")
    return int(n)


def _class_logits(logits: ArrayLike) -> Array:
    a = np.asarray(_finite(logits, "logits"))
    if a.ndim not in (1, 2) or a.shape[-1] == 0:
        raise ValueError(f"logits must have shape (N, K) or (K,) with K ≥ 1; got {a.shape}")
    return a


def _class_labels(labels: ArrayLike, shape: tuple[int, ...], k: int) -> NDArray[np.intp]:
    """Integer labels of the given shape, each in 0..k−1."""
    raw = np.asarray(labels)
    if raw.shape != shape:
        raise ValueError(f"labels must have shape {shape}; got {raw.shape}")
    if raw.dtype.kind == "b":
        raise _invalid("labels", "must be integers, not bools", _first_bad(raw, np.zeros(raw.shape, bool)))
    if raw.dtype.kind == "O":  # Python ints beyond int64 arrive as objects
        raw = _array(raw, "labels", f"must lie in 0..{k - 1}")
    if raw.dtype.kind == "f":
        ok = raw == np.round(raw)  # False for nan; inf fails the range check below
        if not ok.all():
            raise _invalid("labels", "must be integers", _first_bad(raw, ok))
    elif raw.dtype.kind not in "iu":
        raise _invalid("labels", "must be integers", f"dtype {raw.dtype}")
    ok = (raw >= 0) & (raw < k)
    if not ok.all():
        raise _invalid("labels", f"must lie in 0..{k - 1}", _first_bad(raw, ok))
    return raw.astype(np.intp, copy=False)


def _distribution(x: ArrayLike, name: str) -> Array:
    """A probability distribution along the last axis: ≥ 0, finite, summing to 1 within SUM_TOLERANCE."""
    a = _array(x, name, "must be a distribution")
    if a.ndim == 0 or a.shape[-1] == 0:
        raise ValueError(f"{name} must be a distribution along its last axis; got shape {a.shape}")
    ok = np.isfinite(a) & (a >= 0.0)
    if not ok.all():
        raise _invalid(name, "must be finite and ≥ 0", _first_bad(a, ok))
    total = a.sum(axis=-1)
    ok = np.abs(total - 1.0) <= SUM_TOLERANCE
    if not ok.all():
        rule = f"must sum to 1 along its last axis (within {SUM_TOLERANCE:.0e})"
        raise _invalid(name, rule, f"a sum of {_first_bad(total, ok)}")
    return a


def _distributions(p: ArrayLike, q: ArrayLike) -> tuple[Array, Array]:
    """Two distributions over the same outcomes, broadcast against each other."""
    a, b = _distribution(p, "p"), _distribution(q, "q")
    try:
        shape = np.broadcast_shapes(a.shape, b.shape)
    except ValueError:
        raise ValueError(f"p and q must be over the same outcomes; got shapes {a.shape} and {b.shape}") from None
    return np.broadcast_to(a, shape), np.broadcast_to(b, shape)


def _out(a: float | Array) -> FloatOrArray:
    """float or 0-d array → numpy.float64; other arrays unchanged."""
    if isinstance(a, float):
        return _f64(a)
    arr = np.asarray(a, dtype=np.float64)
    return _f64(arr) if arr.ndim == 0 else arr


def _select(t: float | Array, one: float | Array, zero: float | Array) -> float | Array:
    """``one`` where the label t is 1, ``zero`` where it is 0."""
    if isinstance(t, float) and isinstance(one, float) and isinstance(zero, float):
        return one if t == 1.0 else zero
    return np.where(t == 1.0, one, zero)


# --- sigmoid and friends ------------------------------------------------------


def _sigmoid_pair(z: float | Array) -> tuple[float | Array, float | Array]:
    """(σ(z), σ(−z)) from a single e^(−|z|), which never overflows.

    Both are accurate to an ulp or two, so 1 − σ(z) is never formed by
    subtraction (which would round to 0 for z ≳ 37).
    """
    if isinstance(z, float):
        e = math.exp(-abs(z))
        big = 1.0 / (1.0 + e)  # σ(|z|) ∈ [0.5, 1]
        return (big, e * big) if z >= 0.0 else (e * big, big)
    ez = np.exp(-np.abs(z))
    bigs = 1.0 / (1.0 + ez)
    smalls = ez * bigs  # σ(−|z|) ∈ (0, 0.5]
    pos = z >= 0.0
    return np.where(pos, bigs, smalls), np.where(pos, smalls, bigs)


def sigmoid(z: ArrayLike) -> FloatOrArray:
    """σ(z) = 1 / (1 + e^(−z)), the probability that logit z stands for.

    Computed as 1/(1+e^(−|z|)) or e^(−|z|)/(1+e^(−|z|)) by the sign of z, so
    no exp ever overflows.
    """
    s, _ = _sigmoid_pair(_finite(z))
    return _out(s)


def _sigmoid_grad(s: float | Array, s_neg: float | Array) -> float | Array:
    """σ′(z) from (σ(z), σ(−z))."""
    if isinstance(s, float) and isinstance(s_neg, float):
        return min(s * s_neg, 0.25)
    return np.minimum(s * s_neg, 0.25)


def sigmoid_grad(z: ArrayLike) -> FloatOrArray:
    """σ′(z) = σ(z)·(1 − σ(z)) = σ(z)·σ(−z) ≤ 1/4.

    Why it matters: this factor is what makes squared error on a sigmoid learn
    slowly once z saturates.  The min(…, 1/4) only removes a 1-ulp rounding
    overshoot near z = 0.
    """
    return _out(_sigmoid_grad(*_sigmoid_pair(_finite(z))))


def _softplus(z: float | Array) -> float | Array:
    if isinstance(z, float):
        return max(z, 0.0) + math.log1p(math.exp(-abs(z)))
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))


def softplus(z: ArrayLike) -> FloatOrArray:
    """softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^(−|z|)).

    The right-hand form never overflows and keeps full precision in both tails.
    """
    return _out(_softplus(_finite(z)))


def logit(p: ArrayLike) -> FloatOrArray:
    """logit(p) = log(p / (1 − p)), the inverse of σ; −inf at p = 0, +inf at p = 1.

    For p in [¼, ¾] it is 2·atanh(2p − 1): 2p − 1 is exact there, so nothing
    cancels (log p − log1p(−p) subtracts two numbers near −log 2 at p ≈ ½ and
    loses up to a million ulp).  Elsewhere log p − log1p(−p), which keeps
    precision for tiny p and has no cancellation.
    """
    a = _probability(p)
    if isinstance(a, float):
        if 0.25 <= a <= 0.75:
            return _f64(2.0 * math.atanh(2.0 * a - 1.0))
        return _f64(-_INF if a == 0.0 else _INF if a == 1.0 else math.log(a) - math.log1p(-a))
    with np.errstate(divide="ignore"):
        tails = np.log(a) - np.log1p(-a)
    middle = (a >= 0.25) & (a <= 0.75)
    return _out(np.where(middle, 2.0 * np.arctanh(np.where(middle, 2.0 * a - 1.0, 0.0)), tails))


# --- binary losses ------------------------------------------------------------


def bce(p: ArrayLike, y: ArrayLike) -> FloatOrArray:
    """Binary cross-entropy L = −[y·log p + (1−y)·log(1−p)].

    Why: it is the surprise −log(probability given to the true label), so a
    confident wrong answer costs without bound.  Only the term that y selects
    is evaluated, so 0·log 0 counts as 0; log1p keeps precision for tiny p
    when y = 0.  Results are 0 − log(…), never −0.0.
    """
    a, t = _probability(p), _binary(y)
    if isinstance(a, float) and isinstance(t, float):
        if t == 1.0:
            return _f64(_INF if a == 0.0 else 0.0 - math.log(a))
        return _f64(_INF if a == 1.0 else 0.0 - math.log1p(-a))
    with np.errstate(divide="ignore"):
        log_q = np.where(t == 1.0, np.log(a), np.log1p(-a))
    return _out(0.0 - log_q)


def bce_clamped(p: ArrayLike, y: ArrayLike, floor: float = -100.0) -> FloatOrArray:
    """PyTorch's ``BCELoss``: binary cross-entropy with each log clamped to ≥ ``floor``.

    PyTorch clamps log p and log(1 − p) at −100, so a certain, wrong prediction
    costs 100 instead of +inf (and its gradient stays finite).  Equals
    min(bce(p, y), −floor); computed in float64 (PyTorch computes in the
    tensor's dtype, which changes the loss, not the clamp).
    """
    cap = -float(_finite(floor, "floor"))
    if not cap >= 0.0:
        raise _invalid("floor", "must be ≤ 0", floor)
    loss = bce(p, y)
    return _out(min(loss, cap) if isinstance(loss, float) else np.minimum(loss, cap))


def bce_with_logits(z: ArrayLike, y: ArrayLike, pos_weight: ArrayLike | None = None) -> FloatOrArray:
    """Binary cross-entropy from the logit: L = softplus(z) − y·z.

    Why: it never forms σ(z), so it stays finite and exact where
    bce(σ(z), y) would round p to 0 or 1.  For y ∈ {0, 1} it equals
    softplus((1 − 2y)·z), which is what we evaluate: no cancellation between
    softplus(z) and y·z at large positive z.

    ``pos_weight`` (≥ 0, broadcast like y; PyTorch's ``BCEWithLogitsLoss``)
    multiplies the loss of the positive examples:
    L = pos_weight·y·softplus(−z) + (1 − y)·softplus(z).
    """
    s, t = _finite(z), _binary(y)
    if pos_weight is None:
        return _out(_softplus((1.0 - 2.0 * t) * s))
    return _out(_weighted_softplus((1.0 - 2.0 * t) * s, _select(t, _nonnegative(pos_weight, "pos_weight"), 1.0)))


def _weighted_softplus(x: float | Array, w: float | Array) -> float | Array:
    """w·softplus(x), to an ulp even where softplus(x) is subnormal (x < −708).

    Below x = −40, softplus(x) = eˣ to 2⁻⁵⁸, and w·eˣ = (w·e^(x/2))·e^(x/2) keeps the
    digits a subnormal eˣ has lost (e^(x/2) is normal down to x = −1416, beyond
    which w·eˣ underflows unless w > 1e290).
    """
    if isinstance(x, float) and isinstance(w, float):
        if x < -40.0:
            half = math.exp(0.5 * x)
            return (w * half) * half
        return w * (max(x, 0.0) + math.log1p(math.exp(-abs(x))))
    halves = np.exp(0.5 * np.minimum(x, 0.0))
    with np.errstate(over="ignore"):  # w·softplus(x) beyond 1.8e308 is +inf, its rounded value
        return np.where(x < -40.0, (w * halves) * halves, w * _softplus(x))


def focal_loss(z: ArrayLike, y: ArrayLike, gamma: ArrayLike, alpha: ArrayLike | None = None) -> FloatOrArray:
    """Binary focal loss from the logit (Lin et al. 2017): −α_t·(1 − p_t)^γ·log p_t.

    p_t = σ(z) for y = 1 and 1 − σ(z) for y = 0 is the probability given to
    the true label; (1 − p_t)^γ shrinks the loss of examples that are already
    right, so the rare hard ones dominate.  gamma = 0 (and no alpha) is exactly
    ``bce_with_logits``.  alpha ∈ [0, 1] weighs positives by α and negatives by
    1 − α (torchvision's ``sigmoid_focal_loss``); None means no weighting.
    Evaluated from the margin m = ±z of the true label as
    σ(−m)^γ·softplus(−m), finite and accurate for every finite z (see
    ``_focal_factor``).
    """
    s, t = _finite(z), _binary(y)
    g = np.asarray(_nonnegative(gamma, "gamma"))
    margin = np.asarray((2.0 * t - 1.0) * s)
    loss = _focal_factor(margin, g) * _softplus(-margin)
    if alpha is not None:
        a = _probability(alpha, "alpha")
        loss = loss * _select(t, a, 1.0 - a)
    return _out(loss)


_SPLITTER = 134217729.0  # 2²⁷ + 1, Dekker's


def _two_product(a: Array, b: Array) -> tuple[Array, Array]:
    """(a·b rounded, its rounding error), exactly (Dekker), for |a|, |b| below ~1e300."""
    product = a * b
    ca, cb = _SPLITTER * a, _SPLITTER * b
    a_hi, b_hi = ca - (ca - a), cb - (cb - b)
    a_lo, b_lo = a - a_hi, b - b_hi
    return product, ((a_hi * b_hi - product) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo


def _focal_factor(margin: Array, gamma: Array) -> Array:
    """(1 − p_t)^γ = σ(−m)^γ, to a few ulp for any γ.

    pow(σ(−m), γ) would multiply σ's rounding error by γ (11 ulp at γ = 5).
    Instead, with a = |m| and e = e^(−a): σ(−m)^γ = (1 + e)^(−γ) when m < 0,
    and e^(−γa)·(1 + e)^(−γ) when m ≥ 0.  1 + e is kept as an exact pair
    (Fast2Sum) and γa as an exact pair (Dekker), so each exp and pow sees an
    exact argument.
    """
    a = np.abs(margin)
    e = np.exp(-a)
    one_plus = 1.0 + e
    low = e - (one_plus - 1.0)  # 1 + e = one_plus + low exactly
    wrong_side = one_plus**-gamma * (1.0 - gamma * low / one_plus)
    with np.errstate(over="ignore", invalid="ignore"):  # γa beyond ~1e300: e^(−γa) is 0
        hi, lo = _two_product(gamma, a)
        lo = np.where(np.isfinite(lo), lo, 0.0)  # Dekker's split overflows for a ≳ 1e300
        right_side = np.where(hi < 800.0, np.exp(-hi) * (1.0 - lo), 0.0)
    factor: Array = np.where(margin >= 0.0, right_side * wrong_side, wrong_side)
    return factor


def mse(p: ArrayLike, y: ArrayLike) -> FloatOrArray:
    """Squared error L = (p − y)², bounded by 1 however wrong p is."""
    d = _probability(p) - _binary(y)
    return _out(d * d)


# --- gradients ----------------------------------------------------------------


def bce_grad_p(p: ArrayLike, y: ArrayLike) -> FloatOrArray:
    """∂L/∂p = (p − y) / (p(1 − p)) for binary cross-entropy.

    Evaluated as −1/p (y = 1) or 1/(1 − p) (y = 0): the same function with
    the removable 0/0 at p = y resolved (−1 at p = y = 1, +1 at p = y = 0),
    and ∓inf when a certain prediction is wrong.  For subnormal p with y = 1
    (p < 5.6e-309) the true −1/p lies beyond the float range: −inf.
    """
    a, t = _probability(p), _binary(y)
    if isinstance(a, float) and isinstance(t, float):
        if t == 1.0:
            return _f64(-_INF if a == 0.0 else -1.0 / a)
        return _f64(_INF if a == 1.0 else 1.0 / (1.0 - a))
    with np.errstate(divide="ignore", over="ignore"):  # −1/p overflows for subnormal p
        return _out(np.where(t == 1.0, -1.0 / a, 1.0 / (1.0 - a)))


def _residual(s: float | Array, s_neg: float | Array, t: float | Array) -> float | Array:
    """σ(z) − y from (σ(z), σ(−z)): −σ(−z) when y = 1, so nothing cancels."""
    if isinstance(s, float) and isinstance(s_neg, float) and isinstance(t, float):
        return -s_neg if t == 1.0 else s
    return np.where(t == 1.0, -s_neg, s)


def bce_grad_z(z: ArrayLike, y: ArrayLike) -> FloatOrArray:
    """∂L/∂z = σ(z) − y for binary cross-entropy.

    Why: the 1/(p(1−p)) of ∂L/∂p cancels σ′(z) exactly, so the gradient is the
    plain error — large whenever the prediction is wrong, however saturated.
    """
    return _out(_residual(*_sigmoid_pair(_finite(z)), _binary(y)))


def mse_grad_p(p: ArrayLike, y: ArrayLike) -> FloatOrArray:
    """∂L/∂p = 2(p − y) for squared error."""
    return _out(2.0 * (_probability(p) - _binary(y)))


def mse_grad_z(z: ArrayLike, y: ArrayLike) -> FloatOrArray:
    """∂L/∂z = 2(σ(z) − y)·σ(z)(1 − σ(z)) for squared error on a sigmoid.

    Why: the σ′(z) factor goes to 0 when z saturates, even if the prediction
    is completely wrong — squared error then barely learns.
    """
    pair, t = _sigmoid_pair(_finite(z)), _binary(y)
    return _out(2.0 * _residual(*pair, t) * _sigmoid_grad(*pair))


# --- K classes ----------------------------------------------------------------


def softmax(logits: ArrayLike, axis: int = -1) -> Array:
    """softmax(z)ₖ = e^(zₖ) / Σⱼ e^(zⱼ) along ``axis``.

    Computed after subtracting max(z), which leaves the result unchanged and
    keeps every exponent ≤ 0; the rounding error of that subtraction is kept
    and folded back in (see ``_shifted``).
    """
    return _softmax(np.asarray(_finite(logits, "logits")), axis)


def _shifted(z: Array, axis: int) -> tuple[Array, Array]:
    """(d, c): d = z − max(z) rounded (every entry ≤ 0) and c its exact rounding error.

    Why: e^(d) is off by |z − max|·2⁻⁵³ relative when d is rounded, which is
    hundreds of ulp for a logit 700 below the top.  TwoSum recovers the
    error exactly (z − m = d + c), and e^(d)·(1 + c) or d + c restores the
    lost digits.  A spread beyond ~1.8e308 overflows d to −inf, its true
    rounded value, with c = 0 and no RuntimeWarning.
    """
    m = z.max(axis=axis, keepdims=True)
    with np.errstate(over="ignore", invalid="ignore"):
        d = z - m
        back = d - z  # TwoSum(z, −m): c = (z − (d − back)) + (−m − back)
        c = z - (d - back)
        c -= m + back
    np.copyto(c, 0.0, where=np.isinf(d))
    return d, c


def _compensated_exp(d: Array, c: Array) -> Array:
    """e^(d + c) for |c| ≤ ulp(d)/2: e^d·(1 + c), to first order exact."""
    e = np.exp(d)
    e += e * c
    return e


def _softmax(z: Array, axis: int) -> Array:
    e = _compensated_exp(*_shifted(z, axis))
    p: Array = e / e.sum(axis=axis, keepdims=True)
    return p


def log_softmax(logits: ArrayLike, axis: int = -1) -> Array:
    """log softmax(z)ₖ = zₖ − log Σⱼ e^(zⱼ) (log-sum-exp) along ``axis``.

    With m = max(z): log Σⱼ e^(zⱼ) = m + log1p(Σ_{j≠argmax} e^(zⱼ−m)), so a
    confident row keeps full precision instead of rounding log(1 + tiny) to 0.
    """
    return _log_softmax(np.asarray(_finite(logits, "logits")), axis)


def _log_softmax(z: Array, axis: int) -> Array:
    d, c = _shifted(z, axis)
    below = d < 0.0
    # Σ_{j≠argmax} e^(zⱼ−m): every maximum contributes exactly 1, so count
    # all but one of them instead of rounding tiny terms against 1.
    rest = _compensated_exp(d, c).sum(axis=axis, keepdims=True, where=below)
    rest += (~below).sum(axis=axis, keepdims=True) - 1
    out: Array = (d - np.log1p(rest)) + c
    return out


def _one_hot(labels: ArrayLike, z: Array) -> NDArray[np.bool_]:
    """Boolean mask, shape of z, true at each row's label."""
    k = z.shape[-1]
    return np.asarray(np.arange(k) == _class_labels(labels, z.shape[:-1], k)[..., None])


def cross_entropy(logits: ArrayLike, labels: ArrayLike) -> FloatOrArray:
    """Per-example L = −log softmax(z)_y = log Σⱼ e^(zⱼ) − z_y.

    ``logits`` (N, K) with ``labels`` (N,) gives shape (N,); logits (K,) with a
    scalar label gives a scalar.  With K = 2, cross_entropy([z, 0], 0) equals
    bce_with_logits(z, 1): binary cross-entropy is the two-class case.
    """
    z = _class_logits(logits)
    hot = _one_hot(labels, z)
    return _out(0.0 - _log_softmax(z, -1).sum(axis=-1, where=hot))


def cross_entropy_grad(logits: ArrayLike, labels: ArrayLike) -> Array:
    """∂L/∂zₖ = softmax(z)ₖ − 𝟙[k = y] (softmax minus one-hot), shape of logits.

    The label entry p_y − 1 is computed as −Σ_{j≠y} pⱼ, which keeps full
    precision when p_y ≈ 1 (where p_y − 1 would round to 0).
    """
    z = _class_logits(logits)
    hot = _one_hot(labels, z)
    p = _softmax(z, -1)
    return np.where(hot, -p.sum(axis=-1, keepdims=True, where=~hot), p)


_REDUCTIONS = ("none", "mean", "sum")


def weighted_cross_entropy(
    logits: ArrayLike, labels: ArrayLike, weights: ArrayLike, reduction: str = "mean"
) -> FloatOrArray:
    """Class-weighted cross-entropy, as PyTorch's ``CrossEntropyLoss(weight=w)``.

    Each example's loss is scaled by the weight of its label, w_y·L.
    ``reduction``: "none" gives those per-example losses (shape of labels),
    "sum" their sum, and "mean" (PyTorch's default, ours too) Σ w_y·L / Σ w_y:
    a weighted average, so a constant weight changes nothing.  ``weights`` has
    shape (K,), each finite and ≥ 0; a mean over labels whose weights are all 0
    is undefined and raises ValueError (PyTorch returns nan).
    """
    if reduction not in _REDUCTIONS:
        raise _invalid("reduction", "must be one of none, mean, sum", repr(reduction))
    z = _class_logits(logits)
    w = np.asarray(_nonnegative(weights, "weights"))
    if w.shape != z.shape[-1:]:
        raise ValueError(f"weights must have shape {z.shape[-1:]}; got {w.shape}")
    label_weight = w[_class_labels(labels, z.shape[:-1], z.shape[-1])]
    losses = label_weight * np.asarray(cross_entropy(z, labels))
    if reduction == "none":
        return _out(losses)
    if reduction == "sum":
        return _f64(losses.sum())
    total = label_weight.sum()
    if total == 0.0:
        raise ValueError("weights of the labels present sum to 0; the weighted mean is undefined")
    return _f64(losses.sum() / total)


def label_smoothing_targets(labels: ArrayLike, k: int, eps: float) -> Array:
    """Smoothed targets (1 − ε)·one-hot(y) + ε/K, shape labels.shape + (K,).

    PyTorch's ``CrossEntropyLoss(label_smoothing=ε)`` is
    ``cross_entropy_soft(logits, label_smoothing_targets(labels, K, ε))``.
    ε ∈ [0, 1]: 0 gives the one-hot labels, 1 the uniform distribution.
    """
    classes = _count(k, "k", 1, _MAX_CLASSES)
    e = _probability(eps, "eps")
    if not isinstance(e, float):
        raise _invalid("eps", "must be a single number", f"shape {np.shape(e)}")
    raw = np.asarray(labels)
    hot = np.arange(classes) == _class_labels(raw, raw.shape, classes)[..., None]
    base = e / classes
    return np.where(hot, (1.0 - e) + base, base)


# --- distributions ------------------------------------------------------------


def _p_log_q(p: Array, q: Array) -> Array:
    """p·log q elementwise, 0 where p = 0 (even if q = 0), −inf where q = 0 < p."""
    positive = p > 0.0
    with np.errstate(divide="ignore"):
        log_q = np.log(q, out=np.zeros(np.broadcast(p, q).shape), where=positive)
    return p * log_q


def entropy(p: ArrayLike) -> FloatOrArray:
    """H(p) = −Σₖ pₖ log pₖ in nats along the last axis, with 0·log 0 = 0.

    The average surprise of outcomes drawn from p itself: 0 for a certain
    outcome, log K for the uniform distribution over K.  Divide by log 2 for
    bits.  Every term is ≥ 0, so nothing cancels.
    """
    a = _distribution(p, "p")
    return _out(0.0 - _p_log_q(a, a).sum(axis=-1))


def cross_entropy_dist(p: ArrayLike, q: ArrayLike) -> FloatOrArray:
    """H(p, q) = −Σₖ pₖ log qₖ along the last axis: the surprise of q at outcomes drawn from p.

    For one-hot p it is −log q_y, the usual loss; for soft labels its floor
    (at q = p) is H(p) > 0.  +inf where some pₖ > 0 has qₖ = 0; terms with
    pₖ = 0 count 0 whatever qₖ is.  p and q broadcast against each other.
    """
    return _out(0.0 - _p_log_q(*_distributions(p, q)).sum(axis=-1))


#: h(x) = Σ_{j≥1} x^(j−1)/(2j+1) = 1/3 + x/5 + x²/7 + …, enough terms for x = s² ≤ 0.36.
_KL_SERIES = np.array([1.0 / (2 * j + 1) for j in range(1, 36)])
_KL_SERIES_LIMIT = 0.6


def _kl_terms(p: Array, q: Array) -> Array:
    """pₖ log(pₖ/qₖ) − pₖ + qₖ, each ≥ 0, without cancellation.

    With s = (p − q)/(p + q) the term is (p − q)·s·(1 + s(1 + s)·h(s²)) — a
    series for |s| ≤ 0.6 (p/q between ¼ and 4), where the direct form loses
    digits to cancellation; beyond, the direct form, which no longer cancels
    much.  p − q is exact where p and q are within a factor 2.
    """
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        d = p - q
        s = d / (p + q)
        series = d * s * (1.0 + s * (1.0 + s) * np.polynomial.polynomial.polyval(s * s, _KL_SERIES))
        ratio = p / q
        log_ratio = np.where(np.isinf(ratio), np.log(p) - np.log(q), np.log(ratio))
        direct = p * log_ratio - d
    terms = np.where(np.abs(s) <= _KL_SERIES_LIMIT, series, direct)
    return np.where(p == 0.0, q, terms)


def kl_divergence(p: ArrayLike, q: ArrayLike) -> FloatOrArray:
    """KL(p‖q) = Σₖ pₖ log(pₖ/qₖ) along the last axis: ≥ 0, and 0 only at q = p.

    The extra surprise of using q where outcomes follow p, so
    H(p, q) = H(p) + KL(p‖q).  Not computed as that difference (which cancels
    when q ≈ p) but as Σₖ [pₖ log(pₖ/qₖ) − pₖ + qₖ]: the added −pₖ + qₖ sum to
    1 − 1 = 0 for distributions, and make every term ≥ 0 and computable
    without cancellation, so the result is ≥ 0 even for inputs whose float
    sums are 1 only to rounding (and 0 exactly when p = q, barring underflow).
    +inf where some pₖ > 0 has qₖ = 0.  p and q broadcast against each other.
    """
    return _out(_kl_terms(*_distributions(p, q)).sum(axis=-1))


def cross_entropy_soft(logits: ArrayLike, targets: ArrayLike) -> FloatOrArray:
    """Cross-entropy of softmax(logits) against probability targets: −Σₖ tₖ log softmax(z)ₖ.

    PyTorch's ``CrossEntropyLoss`` with probability targets (label smoothing,
    a teacher's probabilities), from the logits, so it is stable however large
    they are.  ``targets`` has the shape of ``logits`` and is a distribution
    along its last axis; the result has shape logits.shape[:-1].  One-hot
    targets give ``cross_entropy``; the minimum over logits is H(targets).
    """
    z = _class_logits(logits)
    t = _distribution(targets, "targets")
    if t.shape != z.shape:
        raise ValueError(f"targets must have the shape of logits, {z.shape}; got {t.shape}")
    positive = t > 0.0
    log_p = np.where(positive, _log_softmax(z, -1), 0.0)
    return _out(0.0 - (t * log_p).sum(axis=-1))


# --- the best constant prediction ------------------------------------------------


def weighted_bce_optimum(k: int, n: int, pos_weight: float) -> np.float64:
    """The constant p minimising pos_weight-weighted BCE over n examples, k of them positive.

    Minimises −[w·k·log p + (n − k)·log(1 − p)]: p* = w·k / (w·k + n − k).
    With w = 1 it is the base rate k/n; a weight w > 1 pushes it up, as if
    each positive counted w times.  0 ≤ k ≤ n, n ≥ 1, pos_weight > 0.
    """
    total = _count(n, "n", 1)
    pos = _count(k, "k", 0)
    if pos > total:
        raise _invalid("k", f"must be ≤ n = {total}", pos)
    w = _nonnegative(pos_weight, "pos_weight")
    if not isinstance(w, float) or w == 0.0:
        raise _invalid("pos_weight", "must be a single number > 0", pos_weight)
    weighted = w * pos
    return _f64(weighted / (weighted + (total - pos)))


def _counts(counts: ArrayLike) -> Array:
    c = np.asarray(_nonnegative(counts, "counts"))
    if c.ndim != 1 or c.size == 0 or not (c == np.round(c)).all() or c.sum() == 0:
        raise ValueError(f"counts must be a non-empty list of whole numbers ≥ 0, not all 0; got {counts!r}")
    return c


def weighted_ce_optimum(counts: ArrayLike, weights: ArrayLike) -> Array:
    """The constant distribution minimising class-weighted cross-entropy: q_c ∝ w_c·n_c.

    ``counts[c]`` examples carry label c; with weights w (PyTorch's ``weight``,
    either reduction) the best constant prediction moves from n_c/n to
    w_c·n_c / Σⱼ wⱼ·nⱼ.
    """
    n = _counts(counts)
    w = np.asarray(_nonnegative(weights, "weights"))
    if w.shape != n.shape:
        raise ValueError(f"weights must have shape {n.shape}; got {w.shape}")
    mass = w * n
    total = mass.sum()
    if total == 0.0:
        raise ValueError("weights·counts sum to 0: every example has weight 0")
    return np.asarray(mass / total)


def smoothed_ce_optimum(counts: ArrayLike, eps: float) -> Array:
    """The constant distribution minimising cross-entropy with label smoothing ε: (1 − ε)·n_c/n + ε/K.

    The best constant prediction is the average target, so smoothing pulls it
    from the class frequencies toward uniform by ε.
    """
    n = _counts(counts)
    e = _probability(eps, "eps")
    if not isinstance(e, float):
        raise _invalid("eps", "must be a single number", f"shape {np.shape(e)}")
    return np.asarray((1.0 - e) * (n / n.sum()) + e / n.size)


# --- calibration ----------------------------------------------------------------


class ReliabilityTable(NamedTuple):
    """Per-bin figures of a reliability diagram (see ``reliability_table``)."""

    edges: Array  #: bins + 1 edges, b/bins
    counts: NDArray[np.intp]  #: predictions in each bin
    mean_predicted: Array  #: mean predicted probability per bin, nan if empty
    frequency: Array  #: fraction of positive labels per bin, nan if empty


def _binned(probs: ArrayLike, labels: ArrayLike, bins: int) -> tuple[int, Array, list[Array], list[Array]]:
    """(bins, edges, probabilities per bin, labels per bin)."""
    b = _count(bins, "bins", 1, _MAX_BINS)
    p = np.ravel(np.asarray(_probability(probs, "probs")))
    y = np.ravel(np.asarray(_binary(labels, "labels")))
    if p.shape != y.shape or p.size == 0:
        raise ValueError(f"probs and labels must be non-empty and of one shape; got {p.shape} and {y.shape}")
    edges = np.arange(b + 1) / b
    which = np.searchsorted(edges[1:-1], p, side="left")  # edges below p: bin (e_b, e_b+1]
    order = np.argsort(which, kind="stable")
    splits = np.searchsorted(which[order], np.arange(1, b))
    return b, edges, np.split(p[order], splits), np.split(y[order], splits)


def reliability_table(probs: ArrayLike, labels: ArrayLike, bins: int = 10) -> ReliabilityTable:
    """Counts, mean predictions and positive frequencies in ``bins`` equal-width bins.

    Binary: ``probs`` are predicted probabilities of class 1, ``labels`` 0 or 1.
    Bin b holds the p with b/B < p ≤ (b+1)/B, the first bin also p = 0 (the
    convention of Guo et al. 2017); the edges are b/B rounded to float64.
    A calibrated model has mean prediction ≈ frequency in every bin.
    """
    _, edges, ps, ys = _binned(probs, labels, bins)
    counts = np.array([len(p) for p in ps], dtype=np.intp)
    with np.errstate(invalid="ignore"):
        mean = np.array([math.fsum(p) / len(p) if len(p) else math.nan for p in ps])
        freq = np.array([math.fsum(y) / len(y) if len(y) else math.nan for y in ys])
    return ReliabilityTable(edges, counts, mean, freq)


def expected_calibration_error(probs: ArrayLike, labels: ArrayLike, bins: int = 10) -> np.float64:
    """ECE = Σ_b (n_b/N)·|mean prediction_b − frequency_b| over the bins of ``reliability_table``.

    The average gap between confidence and outcome, weighted by how many
    predictions fall in each bin; 0 for a calibrated model (at this binning).
    Computed as Σ_b |Σ_{i∈b} pᵢ − Σ_{i∈b} yᵢ| / N with exactly rounded sums,
    since a bin's mean and frequency may agree to many digits.
    """
    _, _, ps, ys = _binned(probs, labels, bins)
    gaps = [abs(math.fsum([*p, *(-y)])) for p, y in zip(ps, ys, strict=True)]
    return _f64(math.fsum(gaps) / sum(len(p) for p in ps))


def fit_temperature(logits: ArrayLike, labels: ArrayLike) -> np.float64:
    """The temperature T > 0 minimising the mean NLL of softmax(logits / T) (temperature scaling).

    ``logits`` (N, K) with class labels (N,), or binary logits (N,) with labels
    0/1 (treated as the two-class logits [z, 0]).  The NLL is convex in
    β = 1/T, so its derivative Σₖ pₖ(zₖ − z_y) (mean over examples) rises
    with β: we bracket its root by doubling and bisect on log β for 60 steps,
    a relative tolerance of about 1e-15 in T — or as close as rounding of the
    derivative allows (tests check 1e-9).  Deterministic.  Returns +inf when
    the logits carry no signal (the NLL is least at β = 0, the uniform
    prediction); raises ValueError when every label already has the highest
    logit (the NLL falls forever as T → 0).
    """
    z = _class_logits(logits)
    if z.ndim == 1:
        y = np.asarray(_binary(labels, "labels"))
        if y.shape != z.shape:
            raise ValueError(f"labels must have shape {z.shape}; got {y.shape}")
        z = np.stack([z, np.zeros_like(z)], axis=-1)
        picked = (1.0 - y).astype(np.intp)  # class 0 is the positive one: softmax([z, 0])₀ = σ(z)
    else:
        picked = _class_labels(labels, z.shape[:-1], z.shape[-1])
    gaps = z - np.take_along_axis(z, picked[:, None], axis=-1)  # zₖ − z_y

    def slope(beta: float) -> float:
        return float((_softmax(beta * z, -1) * gaps).sum(axis=-1).mean())

    if gaps.mean(axis=-1).mean() >= 0.0:  # slope at β = 0
        return _f64(_INF)
    if (gaps.max(axis=-1) <= 0.0).all():  # slope as β → ∞
        raise ValueError("every label already has the highest logit: the NLL keeps falling as T → 0")
    reach = 1e300 / max(float(np.abs(z).max()), 1e-300)  # β·z stays finite below this
    low = high = 1.0
    while slope(high) < 0.0:
        if high > reach:  # only if rounding hides the slope's rise
            raise ValueError("the NLL keeps falling as T → 0 as far as float64 can tell")
        low, high = high, 2.0 * high
    while slope(low) >= 0.0 and low > 1e-300:
        low, high = low / 2.0, low
    for _ in range(60):
        mid = math.sqrt(low * high)
        if slope(mid) < 0.0:
            low = mid
        else:
            high = mid
    return _f64(1.0 / math.sqrt(low * high))


# --- float32, as frameworks compute ----------------------------------------------


def sigmoid_float32(z: ArrayLike) -> FloatOrArray:
    """σ(z) computed in float32 the way PyTorch's CPU kernel does: 1 / (1 + exp(−z)).

    z is rounded to float32 first and every step rounds to float32; the
    float32 result is returned as float64 (exactly).  It rounds to exactly 1
    from z ≈ 16.64 (``sigmoid_float32_saturation``), where float64 σ is
    still 1 − 6e-8, and to 0 below z ≈ −88.7, where exp(−z) overflows.
    numpy's float32 exp errs by up to about 2 ulp (PyTorch's by 1), so the
    last float32 digit may differ from PyTorch's; the facts above do not.
    """
    s = _finite(z)
    with np.errstate(over="ignore"):
        x = np.asarray(s, dtype=np.float32)
        one = np.float32(1.0)
        out = one / (one + np.exp(-x))
    return _out(np.asarray(out, dtype=np.float64))


@functools.cache
def sigmoid_float32_saturation() -> np.float64:
    """The smallest z whose float32 σ(z) (``sigmoid_float32``) is exactly 1.

    Found by bisection over the float32 numbers between 0 and 100 (ordered
    like their bit patterns): 16.635532, where exp(−z) falls to 2⁻²⁴, half an
    ulp of 1 in float32, and 1 + exp(−z) rounds to 1.  e^(−z) is within an
    ulp of that boundary there, so an exp rounded differently may move the
    threshold by one float32 step (2e-6).
    """
    bits = np.array([0.0, 100.0], dtype=np.float32).view(np.int32)
    low, high = int(bits[0]), int(bits[1])  # σ(low) < 1 = σ(high)
    while high - low > 1:
        mid = (low + high) // 2
        if sigmoid_float32(float(np.array(mid, dtype=np.int32).view(np.float32))) == 1.0:
            high = mid
        else:
            low = mid
    return _f64(np.array(high, dtype=np.int32).view(np.float32))
