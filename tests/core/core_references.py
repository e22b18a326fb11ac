"""50-digit references for tutor.core, the points they are checked on, and the ulp distance.

Each reference is the function's definition evaluated in mpmath at 50 significant digits (80 for
KL, whose terms cancel) on the exact float64 inputs. Where the textbook form would cancel
catastrophically even then (1 − σ(z) for z = 700 needs 300 digits), an exact identity is used
instead (1 − σ(z) = σ(−z)), never a numerical trick from the core. The points are fixed or drawn
from seeded generators, so every run checks the same values.

``checks()`` pairs each public function with calls into a core module and their references;
``max_error(core, name)`` is the worst ulp distance over them. ``python tests/core/core_references.py
[module]`` prints that table for the installed core or another copy of it.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import mpmath
import numpy as np

mp = mpmath.MPContext()
mp.dps = 50
MPF = Any  # mpmath numbers are untyped
INF = mpmath.mpf("inf")

ULP_BAR = 8.0
TINY = 5e-324


def ulp_error(got: float, reference: MPF) -> float:
    """|got − reference| in units of the last place of the reference rounded to float64.

    An overflowing reference must be matched by the same infinity (distance 0); a correctly
    rounded result is at most 0.5.
    """
    nearest = float(reference)
    got = float(got)
    if math.isinf(nearest) or math.isinf(got) or math.isnan(got):
        return 0.0 if got == nearest else math.inf
    return float(abs(mp.mpf(got) - reference) / math.ulp(nearest))


def worst(got: Sequence[float] | np.ndarray, references: Sequence[MPF]) -> float:
    values = np.ravel(np.asarray(got, dtype=np.float64))
    assert len(values) == len(references), (len(values), len(references))
    return max((ulp_error(g, r) for g, r in zip(values, references, strict=True)), default=0.0)


# --- points -------------------------------------------------------------------


def _both_signs(values: np.ndarray) -> np.ndarray:
    return np.concatenate([values, -values])


@functools.cache
def logit_points() -> np.ndarray:
    """Logits z: around 0, the tails, and past the float64 edges of exp (±709, ±745)."""
    rng = np.random.default_rng(11)
    around_edges = np.concatenate([np.linspace(c - 2, c + 2, 41) for c in (16.6, 36.7, 709.8, 745.1)])
    magnitudes = np.concatenate(
        [
            [0.0, TINY, 1e-310, 2.0**-1022, 1e-300, 1e-17, 1e-8, 1e-3, 0.5, 1.0, 2.0],
            [745.2, 746.0, 800.0, 1e3, 1e4, 1e10, 1e100, 1e300, 1.7e308],
            around_edges,
            np.linspace(0.0, 40.0, 161),
            rng.uniform(0.0, 800.0, 150),
            10.0 ** rng.uniform(-320.0, 308.0, 60),
        ]
    )
    return np.unique(_both_signs(magnitudes))


@functools.cache
def probability_points() -> np.ndarray:
    """Probabilities p: exact 0, ½ and 1, subnormals, and within 1e-3 of 0, ½ and 1."""
    rng = np.random.default_rng(12)
    offsets = np.concatenate([10.0 ** rng.uniform(-17.0, -3.0, 150), [2.0**-53, 2.0**-52, 1e-3, 2e-7, 1e-3]])
    near_zero = np.concatenate([[TINY, 1e-320, 1e-310, 2.0**-1022, 1e-300], 10.0 ** rng.uniform(-300.0, -3.0, 150)])
    half = np.concatenate([[np.nextafter(0.5, 0.0), np.nextafter(0.5, 1.0)], 0.5 - offsets, 0.5 + offsets])
    one = np.concatenate([[np.nextafter(1.0, 0.0)], 1.0 - offsets])
    anywhere = rng.uniform(0.0, 1.0, 200)
    edges = [0.0, 0.5, 1.0, 0.25, 0.75, np.nextafter(0.25, 0.0), np.nextafter(0.75, 1.0), 0.4999998, 0.501]
    return np.unique(np.concatenate([edges, near_zero, half, one, anywhere]))


@functools.cache
def class_rows() -> tuple[np.ndarray, ...]:
    """Logit vectors for K classes: K from 2 to 1000, gaps of 60 and ~700, spreads of ±1000, ties."""
    rng = np.random.default_rng(13)
    rows = [
        np.array([60.0, 0.0]),
        np.array([60.0, 0.3, -0.7, 1.1]),
        np.array([0.0, 700.0]),
        np.array([-700.0, 0.0, -3.0]),
        np.array([745.5, 0.0, 1.0]),
        np.array([1.0, 1.0, 1.0]),
        np.array([5.0, 5.0, -5.0, 1e-9]),
        np.array([1e300, -1e300, 0.0]),
        np.array([1e-300, 0.0]),
    ]
    for k in (2, 3, 5, 10, 100, 1000):
        rows.append(rng.normal(0.0, 3.0, k))
        rows.append(rng.uniform(-1000.0, 1000.0, k))
        rows.append(np.concatenate([[60.0 + rng.uniform(-1.0, 1.0)], rng.normal(0.0, 1.0, k - 1)]))
        rows.append(np.concatenate([[rng.uniform(690.0, 710.0)], rng.normal(0.0, 2.0, k - 1)]))
        rows.append(rng.uniform(-1000.0, 1000.0, k) + 1e6)
    return tuple(rows)


def row_labels(row: np.ndarray) -> list[int]:
    """Each row's argmax, argmin and the middle class: confident right, wrong and in between."""
    return sorted({int(np.argmax(row)), int(np.argmin(row)), len(row) // 2})


def _normalised(x: np.ndarray) -> np.ndarray:
    return x / x.sum()


@functools.cache
def distribution_pairs() -> tuple[tuple[np.ndarray, np.ndarray], ...]:
    """(p, q) pairs: K from 1 to 1000, q within 1e-15…0.3 of p, ratios near ¼, ½, 2 and 4, zeros, tiny entries."""
    rng = np.random.default_rng(14)
    pairs = [
        (np.array([1.0]), np.array([1.0])),
        (np.array([0.5, 0.5]), np.array([0.5, 0.5])),
        (np.array([1.0, 0.0, 0.0]), np.array([0.7, 0.2, 0.1])),
        (np.array([0.0, 0.3, 0.7]), np.array([0.0, 0.5, 0.5])),
        (np.array([0.3, 0.7]), np.array([0.0, 1.0])),
        (np.array([1 - 1e-300, 1e-300]), np.array([0.5, 0.5])),
        (np.array([1.0 - TINY, TINY]), np.array([1 - 1e-300, 1e-300])),
        (np.array([0.5, 0.5]), np.array([1.0 - TINY, TINY])),
        (np.array([0.25, 0.25, 0.5]), np.array([0.25, 0.25, 0.5])),
    ]
    for k in (2, 3, 10, 100, 1000):
        for alpha in (0.1, 1.0, 10.0):
            p = rng.dirichlet(np.full(k, alpha))
            pairs.append((p, rng.dirichlet(np.full(k, alpha))))
            for delta in (1e-15, 1e-12, 1e-8, 1e-4, 1e-2, 0.3):
                pairs.append((p, _normalised(p * (1.0 + delta * rng.uniform(-1.0, 1.0, k)))))
    for ratio in (0.25, 0.5, 2.0, 4.0):  # the ends of the series in kl_divergence, and around them
        for a in np.linspace(0.02, 0.2, 10):
            b = a / (ratio * (1.0 + rng.uniform(-0.05, 0.05)))
            pairs.append((np.array([a, 1.0 - a]), np.array([b, 1.0 - b])))
    return tuple(pairs)


# --- references: logits and probabilities ------------------------------------


def sigmoid(z: float) -> MPF:
    return 1 / (1 + mp.exp(-mp.mpf(z)))


def sigmoid_grad(z: float) -> MPF:
    return sigmoid(z) * sigmoid(-z)


def softplus(z: float) -> MPF:
    return mp.log1p(mp.exp(mp.mpf(z)))


def logit(p: float) -> MPF:
    if p in (0.0, 1.0):
        return -INF if p == 0.0 else INF
    return mp.log(mp.mpf(p) / (1 - mp.mpf(p)))


def bce(p: float, y: int) -> MPF:
    """−log p or −log(1 − p); log1p, since 1 − p rounds to 1 at 50 digits for p < 1e-50."""
    if p == 1 - y:
        return INF
    return -mp.log(mp.mpf(p)) if y == 1 else -mp.log1p(-mp.mpf(p))


def bce_with_logits(z: float, y: int) -> MPF:
    """−log σ(z) for y = 1, −log(1 − σ(z)) = −log σ(−z) for y = 0: log(1 + e^(∓z))."""
    return softplus(-z if y == 1 else z)


def mse(p: float, y: int) -> MPF:
    return (mp.mpf(p) - y) ** 2


def mse_grad_p(p: float, y: int) -> MPF:
    return 2 * (mp.mpf(p) - y)


def bce_grad_p(p: float, y: int) -> MPF:
    """(p − y)/(p(1 − p)), its one-sided limits at p = y, and ∓inf for a certain wrong p."""
    if p == y:
        return mp.mpf(-1 if y == 1 else 1)
    if p in (0.0, 1.0):
        return -INF if y == 1 else INF
    return (mp.mpf(p) - y) / (mp.mpf(p) * (1 - mp.mpf(p)))


def residual(z: float, y: int) -> MPF:
    """σ(z) − y, with σ(z) − 1 = −σ(−z)."""
    return -sigmoid(-z) if y == 1 else sigmoid(z)


def mse_grad_z(z: float, y: int) -> MPF:
    return 2 * residual(z, y) * sigmoid_grad(z)


def weighted_bce_with_logits(z: float, y: int, w: float) -> MPF:
    return w * bce_with_logits(z, y) if y == 1 else bce_with_logits(z, y)


def focal_loss(z: float, y: int, gamma: float, alpha: float | None) -> MPF:
    """−α_t (1 − p_t)^γ log p_t with p_t = σ(±z); 1 − p_t = σ(∓z)."""
    margin = z if y == 1 else -z
    weight = 1 if alpha is None else (mp.mpf(alpha) if y == 1 else 1 - mp.mpf(alpha))
    return weight * sigmoid(-margin) ** gamma * softplus(-margin)


def bce_clamped(p: float, y: int) -> MPF:
    return min(bce(p, y), mp.mpf(100))


# --- references: K classes ----------------------------------------------------


def _row(z: Iterable[float]) -> list[MPF]:
    return [mp.mpf(float(v)) for v in z]


def log_softmax(z: np.ndarray) -> list[MPF]:
    """zₖ − m − log Σ e^(zⱼ − m); the sum is 1 + (the rest), so log1p keeps the rest."""
    row = _row(z)
    top = int(np.argmax(z))
    m = row[top]
    rest = mp.fsum(mp.exp(v - m) for j, v in enumerate(row) if j != top)
    lse = mp.log1p(rest)
    return [v - m - lse for v in row]


def softmax(z: np.ndarray) -> list[MPF]:
    row = _row(z)
    m = max(row)
    e = [mp.exp(v - m) for v in row]
    total = mp.fsum(e)
    return [v / total for v in e]


def cross_entropy(z: np.ndarray, label: int) -> MPF:
    """log Σⱼ e^(zⱼ − z_y) = log1p(Σ_{j≠y} e^(zⱼ − z_y))."""
    row = _row(z)
    return mp.log1p(mp.fsum(mp.exp(v - row[label]) for j, v in enumerate(row) if j != label))


def cross_entropy_grad(z: np.ndarray, label: int) -> list[MPF]:
    """softmax − one-hot; the label's entry p_y − 1 = −Σ_{j≠y} pⱼ."""
    p = softmax(z)
    p[label] = -mp.fsum(v for j, v in enumerate(p) if j != label)
    return p


def cross_entropy_soft(z: np.ndarray, targets: np.ndarray) -> MPF:
    return -mp.fsum(mp.mpf(float(t)) * v for t, v in zip(targets, log_softmax(z), strict=True) if t > 0)


def smoothing_targets(label: int, k: int, eps: float) -> list[MPF]:
    e = mp.mpf(eps)
    return [(1 - e) * (j == label) + e / k for j in range(k)]


# --- references: distributions --------------------------------------------------


def entropy(p: np.ndarray) -> MPF:
    return -mp.fsum(mp.mpf(float(v)) * mp.log(mp.mpf(float(v))) for v in p if v > 0)


def cross_entropy_dist(p: np.ndarray, q: np.ndarray) -> MPF:
    if any(a > 0 and b == 0 for a, b in zip(p, q, strict=True)):
        return INF
    return -mp.fsum(mp.mpf(float(a)) * mp.log(mp.mpf(float(b))) for a, b in zip(p, q, strict=True) if a > 0)


def kl_divergence(p: np.ndarray, q: np.ndarray) -> MPF:
    """Σ p log(p/q) − p + q: KL for distributions, where the −p + q sum to 0; 80 digits."""
    if any(a > 0 and b == 0 for a, b in zip(p, q, strict=True)):
        return INF
    with mp.workdps(80):
        terms = [
            (mp.mpf(float(a)) * mp.log(mp.mpf(float(a)) / mp.mpf(float(b))) if a > 0 else 0)
            - mp.mpf(float(a))
            + mp.mpf(float(b))
            for a, b in zip(p, q, strict=True)
        ]
        return +mp.fsum(terms)


# --- references: calibration and optima -------------------------------------------


def bin_of(p: float, bins: int) -> int:
    """Guo et al.'s bins: (b/B, (b+1)/B], the first also holding 0; edges as float64 b/B."""
    return next(b for b in range(bins) if p <= (b + 1) / bins)


def expected_calibration_error(probs: np.ndarray, labels: np.ndarray, bins: int) -> MPF:
    gaps = [mp.mpf(0)] * bins
    for p, y in zip(probs, labels, strict=True):
        b = bin_of(float(p), bins)
        gaps[b] += mp.mpf(float(p)) - int(y)
    return mp.fsum(abs(g) for g in gaps) / len(probs)


def weighted_bce_optimum(k: int, n: int, w: float) -> MPF:
    return w * mp.mpf(k) / (w * mp.mpf(k) + n - k)


def fit_temperature(z: np.ndarray, labels: np.ndarray) -> MPF:
    """The root in β = 1/T of the NLL's derivative mean Σₖ pₖ(zₖ − z_y), found at 50 digits."""
    rows = [_row(r) for r in z]

    def slope(beta: MPF) -> MPF:
        total = mp.mpf(0)
        for row, y in zip(rows, labels, strict=True):
            e = [mp.exp(beta * (v - max(row))) for v in row]
            total += mp.fsum(a * (v - row[y]) for a, v in zip(e, row, strict=True)) / mp.fsum(e)
        return total / len(rows)

    low, high = mp.mpf(1), mp.mpf(1)
    while slope(high) < 0:
        low, high = high, 2 * high
    while slope(low) > 0:
        low, high = low / 2, low
    return 1 / mp.findroot(slope, (low, high), solver="illinois")


def round_float32(x: MPF) -> float:
    """x rounded once to the nearest float32 (ties to even), subnormals and overflow included."""
    if abs(x) >= 2**128 - 2**103:  # float32's largest finite number plus half its ulp
        return math.copysign(math.inf, x)
    if abs(x) < 2**-126:
        return float(mp.nint(x * 2**149)) * 2.0**-149
    with mp.workprec(24):
        return float(+x)


def sigmoid_float32(z: float) -> float:
    """1/(1 + exp(−z)) with z and each step rounded to float32, each step correctly rounded."""
    x = round_float32(mp.mpf(z))
    if math.isinf(x):
        return 1.0 if x > 0 else 0.0
    e = round_float32(mp.exp(-mp.mpf(x)))
    if math.isinf(e):
        return 0.0
    return round_float32(1 / mp.mpf(round_float32(1 + mp.mpf(e))))


# --- checks: core calls against references ---------------------------------------


@dataclass(frozen=True)
class Check:
    """``call(core)`` gives numbers (any shape) to hold against ``references``, in order."""

    call: Callable[[Any], Any]
    references: list[MPF]


def _scalar_and_array(name: str, xs: np.ndarray, refs: list[MPF], *extra: Any, **keywords: Any) -> list[Check]:
    """The function on each point as a Python float (the fast path) and on the whole array."""
    return [
        Check(lambda core: [float(getattr(core, name)(float(x), *extra, **keywords)) for x in xs], refs),
        Check(lambda core: getattr(core, name)(xs, *extra, **keywords), refs),
    ]


def _binary_checks() -> dict[str, list[Check]]:
    zs, ps = logit_points(), probability_points()
    out: dict[str, list[Check]] = {}
    for name, ref in [("sigmoid", sigmoid), ("sigmoid_grad", sigmoid_grad), ("softplus", softplus)]:
        out[name] = _scalar_and_array(name, zs, [ref(z) for z in zs])
    out["logit"] = _scalar_and_array("logit", ps, [logit(p) for p in ps])
    for y in (0, 1):
        for name, ref in [("bce_with_logits", bce_with_logits), ("bce_grad_z", residual), ("mse_grad_z", mse_grad_z)]:
            out.setdefault(name, []).extend(_scalar_and_array(name, zs, [ref(z, y) for z in zs], y))
        for w in (0.0, 0.5, 3.0, 100.0):
            refs = [weighted_bce_with_logits(z, y, w) for z in zs]
            out["bce_with_logits"].extend(_scalar_and_array("bce_with_logits", zs, refs, y, pos_weight=w))
        for name, ref in [("bce", bce), ("bce_grad_p", bce_grad_p), ("mse", mse), ("mse_grad_p", mse_grad_p)]:
            out.setdefault(name, []).extend(_scalar_and_array(name, ps, [ref(p, y) for p in ps], y))
        out.setdefault("bce_clamped", []).extend(
            _scalar_and_array("bce_clamped", ps, [bce_clamped(p, y) for p in ps], y)
        )
        for gamma in (0.0, 0.5, 1.0, 2.0, 5.0):
            for alpha in (None, 0.25):
                refs = [focal_loss(z, y, gamma, alpha) for z in zs[::3]]
                out.setdefault("focal_loss", []).extend(_scalar_and_array("focal_loss", zs[::3], refs, y, gamma, alpha))
    return out


def _class_checks() -> dict[str, list[Check]]:
    rng = np.random.default_rng(15)
    out: dict[str, list[Check]] = {}
    for z in class_rows():
        out.setdefault("softmax", []).append(Check(lambda core, z=z: core.softmax(z), softmax(z)))
        out.setdefault("log_softmax", []).append(Check(lambda core, z=z: core.log_softmax(z), log_softmax(z)))
        for label in row_labels(z):
            out.setdefault("cross_entropy", []).append(
                Check(lambda core, z=z, y=label: core.cross_entropy(z, y), [cross_entropy(z, label)])
            )
            out.setdefault("cross_entropy_grad", []).append(
                Check(lambda core, z=z, y=label: core.cross_entropy_grad(z, y), cross_entropy_grad(z, label))
            )
        k = len(z)
        for targets in (rng.dirichlet(np.ones(k)), np.eye(k)[int(np.argmin(z))]):
            out.setdefault("cross_entropy_soft", []).append(
                Check(lambda core, z=z, t=targets: core.cross_entropy_soft(z, t), [cross_entropy_soft(z, targets)])
            )
    for k in (1, 2, 3, 10, 1000):
        for eps in (0.0, 1e-3, 0.1, 0.3, 1 / 3, 0.5, 1.0):
            label = k // 2
            out.setdefault("label_smoothing_targets", []).append(
                Check(
                    lambda core, k=k, e=eps, y=label: core.label_smoothing_targets(y, k, e),
                    smoothing_targets(label, k, eps),
                )
            )
    for scale in (1.0, 30.0, 700.0):
        z = rng.normal(0.0, scale, (40, 5))
        labels = rng.integers(0, 5, 40)
        weights = rng.uniform(0.0, 10.0, 5)
        losses = [mp.mpf(float(weights[y])) * cross_entropy(row, int(y)) for row, y in zip(z, labels, strict=True)]
        mean = mp.fsum(losses) / mp.fsum(mp.mpf(float(weights[y])) for y in labels)
        checks = out.setdefault("weighted_cross_entropy", [])
        checks.append(
            Check(lambda core, z=z, y=labels, w=weights: core.weighted_cross_entropy(z, y, w, "none"), losses)
        )
        checks.append(Check(lambda core, z=z, y=labels, w=weights: core.weighted_cross_entropy(z, y, w), [mean]))
        checks.append(
            Check(lambda core, z=z, y=labels, w=weights: core.weighted_cross_entropy(z, y, w, "sum"), [mp.fsum(losses)])
        )
    return out


def _distribution_checks() -> dict[str, list[Check]]:
    out: dict[str, list[Check]] = {"entropy": [], "cross_entropy_dist": [], "kl_divergence": []}
    for p, q in distribution_pairs():
        out["entropy"].append(Check(lambda core, p=p: core.entropy(p), [entropy(p)]))
        out["cross_entropy_dist"].append(
            Check(lambda core, p=p, q=q: core.cross_entropy_dist(p, q), [cross_entropy_dist(p, q)])
        )
        out["kl_divergence"].append(Check(lambda core, p=p, q=q: core.kl_divergence(p, q), [kl_divergence(p, q)]))
    batch = [pair for pair in distribution_pairs() if len(pair[0]) == 10][:8]  # (N, K) arrays, along the last axis
    ps, qs = np.array([p for p, _ in batch]), np.array([q for _, q in batch])
    out["entropy"].append(Check(lambda core: core.entropy(ps), [entropy(p) for p in ps]))
    out["kl_divergence"].append(Check(lambda core: core.kl_divergence(ps, qs), [kl_divergence(p, q) for p, q in batch]))
    return out


def _calibration_checks() -> dict[str, list[Check]]:
    rng = np.random.default_rng(16)
    out: dict[str, list[Check]] = {}
    on_edges = np.array([0.0, 0.1, 0.2, 0.3, 0.7, 1.0, np.nextafter(0.3, 1.0), np.nextafter(0.1, 0.0)])
    for n, bins in ((50, 10), (1000, 10), (1000, 15), (5000, 7)):
        probs = np.concatenate([on_edges, rng.uniform(0.0, 1.0, n)])
        labels = (rng.uniform(0.0, 1.0, len(probs)) < probs**1.2).astype(int)
        ref = expected_calibration_error(probs, labels, bins)
        out.setdefault("expected_calibration_error", []).append(
            Check(lambda core, p=probs, y=labels, b=bins: core.expected_calibration_error(p, y, b), [ref])
        )
        members = [
            [(float(p), int(y)) for p, y in zip(probs, labels, strict=True) if bin_of(float(p), bins) == b]
            for b in range(bins)
        ]
        means = [mp.fsum(p for p, _ in m) / len(m) for m in members if m]
        freqs = [mp.mpf(sum(y for _, y in m)) / len(m) for m in members if m]
        out.setdefault("reliability_table", []).append(
            Check(lambda core, p=probs, y=labels, b=bins: _filled(core.reliability_table(p, y, b)), means + freqs)
        )
    for k, n, w in ((0, 10, 3.0), (10, 10, 0.1), (1, 1000, 9.0), (37, 100, 1.0), (3, 7, 2.5), (999, 1000, 1e-3)):
        out.setdefault("weighted_bce_optimum", []).append(
            Check(lambda core, k=k, n=n, w=w: core.weighted_bce_optimum(k, n, w), [weighted_bce_optimum(k, n, w)])
        )
    for counts, weights in (
        ([10, 20, 70], [1.0, 1.0, 0.2]),
        ([1, 999], [999.0, 1.0]),
        ([5, 0, 3, 2], [0.3, 7.0, 1.0, 1.0]),
    ):
        mass = [mp.mpf(c) * mp.mpf(w) for c, w in zip(counts, weights, strict=True)]
        out.setdefault("weighted_ce_optimum", []).append(
            Check(lambda core, c=counts, w=weights: core.weighted_ce_optimum(c, w), [m / mp.fsum(mass) for m in mass])
        )
        for eps in (0.0, 0.1, 1 / 3):
            e = mp.mpf(eps)
            refs = [(1 - e) * mp.mpf(c) / sum(counts) + e / len(counts) for c in counts]
            out.setdefault("smoothed_ce_optimum", []).append(
                Check(lambda core, c=counts, e=eps: core.smoothed_ce_optimum(c, e), refs)
            )
    return out


def _filled(table: Any) -> np.ndarray:
    """A reliability table's means then frequencies, empty bins left out."""
    full = table.counts > 0
    return np.concatenate([table.mean_predicted[full], table.frequency[full]])


@functools.cache
def checks() -> dict[str, list[Check]]:
    return {**_binary_checks(), **_class_checks(), **_distribution_checks(), **_calibration_checks()}


def max_error(core: Any, name: str) -> float:
    return max(
        worst(np.ravel(np.asarray(check.call(core), dtype=np.float64)), check.references) for check in checks()[name]
    )


if __name__ == "__main__":
    import importlib
    import sys

    module = importlib.import_module(sys.argv[1] if len(sys.argv) > 1 else "tutor.core")
    for name in checks():
        try:
            print(f"{name:28s} {max_error(module, name):10.3g}")
        except (AttributeError, TypeError):  # an older core, without the function or an argument
            print(f"{name:28s} {'(absent)':>10s}")
