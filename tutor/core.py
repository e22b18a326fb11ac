"""The maths of cross-entropy loss: pure numpy, float64, vectorised.

Every function accepts Python floats/ints, lists or ndarrays and broadcasts
like a numpy ufunc.  Scalar inputs give a ``numpy.float64`` (a subclass of
``float``), array inputs an ndarray.  Scalars take a plain-``math`` fast path
(about a microsecond, for course checks that call these thousands of times);
it computes the same formulas as the array path, to within an ulp or two.
Nothing here imports UI code.

Notation: p is a predicted probability, y ∈ {0, 1} a binary label,
z a logit (p = σ(z)), and for K classes ``logits`` has shape (N, K) or (K,)
with integer ``labels`` in 0..K−1.

Edge cases (decided here, relied on by lessons and tests):

* p exactly 0 or 1 with the *wrong* label gives loss +inf — the true value of
  −log 0, not a silent clamp: a model that is certain and wrong is infinitely
  surprised.  No RuntimeWarning leaks out.
* p exactly 0 or 1 with the *right* label gives loss 0 (+0.0), not nan: the
  term 0·log 0 is taken as its limit, 0.
* ``bce_grad_p``: the textbook (p−y)/(p(1−p)) is 0/0 at p = y.  For
  y ∈ {0, 1} it simplifies to −1/p (y = 1) and 1/(1−p) (y = 0), which is what
  we evaluate, so p = y gives the true one-sided derivative (−1 at p = y = 1,
  +1 at p = y = 0: the loss is at its minimum on the boundary, but still
  sloped) and a certain, wrong prediction gives ∓inf.  Never nan.
* p outside [0, 1], y outside {0, 1}, class labels outside 0..K−1 or not
  integers, nan anywhere, and infinite logits raise ``ValueError`` naming
  the argument, e.g. "p must lie in [0, 1]; got 1.2".  An infinite logit is
  a probability of exactly 0 or 1: use the probability-space functions for
  that.  ``logit`` maps 0 and 1 to −inf and +inf, which are therefore not
  accepted back as logits.
* Finite logits always give finite binary losses.  Only a K-class spread
  max(z) − z_y beyond ~1.8e308 overflows to a cross-entropy of +inf.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]
FloatOrArray = np.float64 | Array

__all__ = [
    "bce",
    "bce_grad_p",
    "bce_grad_z",
    "bce_with_logits",
    "cross_entropy",
    "cross_entropy_grad",
    "log_softmax",
    "logit",
    "mse",
    "mse_grad_p",
    "mse_grad_z",
    "sigmoid",
    "sigmoid_grad",
    "softmax",
    "softplus",
]

_SCALAR = (float, int, np.floating, np.integer)
_INF = math.inf


# --- validation: floats stay floats, everything else becomes a float64 array ---


def _invalid(name: str, rule: str, value: object) -> ValueError:
    return ValueError(f"{name} {rule}; got {value}")


def _first_bad(a: np.ndarray, ok: np.ndarray) -> object:
    bad = a[~ok].flat[0] if a.ndim else a[()]
    return bad.item()


def _probability(p: ArrayLike, name: str = "p") -> float | Array:
    rule = "must lie in [0, 1]"
    if isinstance(p, _SCALAR):
        v = float(p)
        if 0.0 <= v <= 1.0:  # False for nan
            return v
        raise _invalid(name, rule, v)
    a = np.asarray(p, dtype=np.float64)
    ok = (a >= 0.0) & (a <= 1.0)
    if not ok.all():
        raise _invalid(name, rule, _first_bad(a, ok))
    return a


def _binary(y: ArrayLike, name: str = "y") -> float | Array:
    rule = "must be 0 or 1"
    if isinstance(y, _SCALAR):
        v = float(y)
        if v == 0.0 or v == 1.0:
            return v
        raise _invalid(name, rule, v)
    a = np.asarray(y, dtype=np.float64)
    ok = (a == 0.0) | (a == 1.0)
    if not ok.all():
        raise _invalid(name, rule, _first_bad(a, ok))
    return a


def _finite(z: ArrayLike, name: str = "z") -> float | Array:
    rule = "must be finite"
    if isinstance(z, _SCALAR):
        v = float(z)
        if math.isfinite(v):
            return v
        raise _invalid(name, rule, v)
    a = np.asarray(z, dtype=np.float64)
    ok = np.isfinite(a)
    if not ok.all():
        raise _invalid(name, rule, _first_bad(a, ok))
    return a


def _class_logits(logits: ArrayLike) -> Array:
    a = np.asarray(_finite(logits, "logits"))
    if a.ndim not in (1, 2) or a.shape[-1] == 0:
        raise ValueError(f"logits must have shape (N, K) or (K,) with K ≥ 1; got {a.shape}")
    return a


def _class_labels(labels: ArrayLike, logits: Array) -> NDArray[np.intp]:
    """Integer labels of shape logits.shape[:-1], each in 0..K−1."""
    raw = np.asarray(labels)
    if raw.shape != logits.shape[:-1]:
        raise ValueError(f"labels must have shape {logits.shape[:-1]}; got {raw.shape}")
    if raw.dtype.kind == "f":
        ok = raw == np.round(raw)  # False for nan; inf fails the range check below
        if not ok.all():
            raise _invalid("labels", "must be integers", _first_bad(raw, ok))
    elif raw.dtype.kind not in "iu":
        raise _invalid("labels", "must be integers", f"dtype {raw.dtype}")
    k = logits.shape[-1]
    ok = (raw >= 0) & (raw < k)
    if not ok.all():
        raise _invalid("labels", f"must lie in 0..{k - 1}", _first_bad(raw, ok))
    return raw.astype(np.intp, copy=False)


def _out(a: float | np.ndarray) -> FloatOrArray:
    """float or 0-d array → numpy.float64; other arrays unchanged."""
    return np.float64(a) if isinstance(a, float) else np.asarray(a)[()]


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
    e = np.exp(-np.abs(z))
    big = 1.0 / (1.0 + e)
    small = e * big  # σ(−|z|) ∈ (0, 0.5]
    pos = z >= 0.0
    return np.where(pos, big, small), np.where(pos, small, big)


def sigmoid(z: ArrayLike) -> FloatOrArray:
    """σ(z) = 1 / (1 + e^(−z)), the probability that logit z stands for.

    Computed as 1/(1+e^(−|z|)) or e^(−|z|)/(1+e^(−|z|)) by the sign of z, so
    no exp ever overflows.
    """
    s, _ = _sigmoid_pair(_finite(z))
    return _out(s)


def _sigmoid_grad(s: float | Array, s_neg: float | Array) -> float | Array:
    """σ′(z) from (σ(z), σ(−z))."""
    return np.minimum(s * s_neg, 0.25) if isinstance(s, np.ndarray) else min(s * s_neg, 0.25)


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

    Computed as log p − log1p(−p), which keeps precision for tiny p.
    """
    a = _probability(p)
    if isinstance(a, float):
        return np.float64(-_INF if a == 0.0 else _INF if a == 1.0 else math.log(a) - math.log1p(-a))
    with np.errstate(divide="ignore"):
        return _out(np.log(a) - np.log1p(-a))


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
            return np.float64(_INF if a == 0.0 else 0.0 - math.log(a))
        return np.float64(_INF if a == 1.0 else 0.0 - math.log1p(-a))
    with np.errstate(divide="ignore"):
        log_q = np.where(t == 1.0, np.log(a), np.log1p(-a))
    return _out(0.0 - log_q)


def bce_with_logits(z: ArrayLike, y: ArrayLike) -> FloatOrArray:
    """Binary cross-entropy from the logit: L = softplus(z) − y·z.

    Why: it never forms σ(z), so it stays finite and exact where
    bce(σ(z), y) would round p to 0 or 1.  For y ∈ {0, 1} it equals
    softplus((1 − 2y)·z), which is what we evaluate: no cancellation between
    softplus(z) and y·z at large positive z.
    """
    s, t = _finite(z), _binary(y)
    return _out(_softplus((1.0 - 2.0 * t) * s))


def mse(p: ArrayLike, y: ArrayLike) -> FloatOrArray:
    """Squared error L = (p − y)², bounded by 1 however wrong p is."""
    d = _probability(p) - _binary(y)
    return _out(d * d)


# --- gradients ----------------------------------------------------------------


def bce_grad_p(p: ArrayLike, y: ArrayLike) -> FloatOrArray:
    """∂L/∂p = (p − y) / (p(1 − p)) for binary cross-entropy.

    Evaluated as −1/p (y = 1) or 1/(1 − p) (y = 0): the same function with
    the removable 0/0 at p = y resolved (−1 at p = y = 1, +1 at p = y = 0),
    and ∓inf when a certain prediction is wrong.
    """
    a, t = _probability(p), _binary(y)
    if isinstance(a, float) and isinstance(t, float):
        if t == 1.0:
            return np.float64(-_INF if a == 0.0 else -1.0 / a)
        return np.float64(_INF if a == 1.0 else 1.0 / (1.0 - a))
    with np.errstate(divide="ignore", over="ignore"):  # −1/p overflows for subnormal p
        return _out(np.where(t == 1.0, -1.0 / a, 1.0 / (1.0 - a)))


def _residual(s: float | Array, s_neg: float | Array, t: float | Array) -> float | Array:
    """σ(z) − y from (σ(z), σ(−z)): −σ(−z) when y = 1, so nothing cancels."""
    if isinstance(s, float) and isinstance(t, float):
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
    keeps every exponent ≤ 0.
    """
    return _softmax(np.asarray(_finite(logits, "logits")), axis)


def _shifted(z: Array, axis: int) -> Array:
    """z − max(z), every entry ≤ 0.

    A spread of logits beyond ~1.8e308 overflows to −inf, its true rounded
    value, without a RuntimeWarning.
    """
    with np.errstate(over="ignore"):
        return z - z.max(axis=axis, keepdims=True)


def _softmax(z: Array, axis: int) -> Array:
    e = np.exp(_shifted(z, axis))
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(logits: ArrayLike, axis: int = -1) -> Array:
    """log softmax(z)ₖ = zₖ − log Σⱼ e^(zⱼ) (log-sum-exp) along ``axis``.

    With m = max(z): log Σⱼ e^(zⱼ) = m + log1p(Σ_{j≠argmax} e^(zⱼ−m)), so a
    confident row keeps full precision instead of rounding log(1 + tiny) to 0.
    """
    return _log_softmax(np.asarray(_finite(logits, "logits")), axis)


def _log_softmax(z: Array, axis: int) -> Array:
    shifted = _shifted(z, axis)
    below = shifted < 0.0
    # Σ_{j≠argmax} e^(zⱼ−m): every maximum contributes exactly 1, so count
    # all but one of them instead of rounding tiny terms against 1.
    rest = np.exp(shifted).sum(axis=axis, keepdims=True, where=below)
    rest += (~below).sum(axis=axis, keepdims=True) - 1
    return shifted - np.log1p(rest)


def _one_hot(labels: ArrayLike, z: Array) -> NDArray[np.bool_]:
    """Boolean mask, shape of z, true at each row's label."""
    return np.arange(z.shape[-1]) == _class_labels(labels, z)[..., None]


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
