"""Figures as plain data: curves computed by ``tutor.core``, ready for any renderer.

Pure: numpy and the core only (no Textual, no plotext), so every plotted number can be
tested without a terminal.  ``tutor.plots.draw`` is the only code that turns a ``Figure``
into plotext calls; ``table`` is the text alternative the UI shows one key away.

All binary figures use the true label y = 1 unless their title says otherwise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from functools import cache, lru_cache
from typing import Literal, Protocol

import numpy as np
from numpy.typing import NDArray

from tutor import core
from tutor.plots.numbers import format_number

Array = NDArray[np.float64]

FIGURES = (
    *("ce-loss", "ce-vs-mse", "grad-p", "grad-z", "sigmoid"),
    *("entropy-kl", "softmax-twice", "float32-bce", "focal"),
)
"""Names ``figure()`` knows (the loader's whitelist of ``PlotSection.figure``)."""

#: Probability grid: ŷ = k/200 for k = 1..199, so every explorer position (a multiple
#: of 0.01) and the table's nice values 0.1, 0.2, … are points of the curve.
P_GRID: Array = np.arange(1, 200, dtype=np.float64) / 200.0
P_GRID.flags.writeable = False

#: Logit grid for the z-figures: −8..8 in steps of 0.125 (129 points, integers included).
Z_GRID: Array = np.arange(-64, 65, dtype=np.float64) / 8.0
Z_GRID.flags.writeable = False
Z_TICKS = (-8.0, -4.0, 0.0, 4.0, 8.0)


@dataclass(frozen=True, eq=False)
class Series:
    """One curve (or bar set): ``y[i]`` is plotted at ``x[i]``."""

    label: str
    x: Array
    y: Array
    kind: Literal["line", "bar"] = "line"

    def __post_init__(self) -> None:
        x = np.array(self.x, dtype=np.float64)
        y = np.array(self.y, dtype=np.float64)
        if x.shape != y.shape or x.ndim != 1:
            raise ValueError(f"series {self.label!r}: x and y must be 1-D of equal length; got {x.shape}, {y.shape}")
        x.flags.writeable = False
        y.flags.writeable = False
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "y", y)


@dataclass(frozen=True)
class Marker:
    """A highlighted point ("you are here") drawn on top of the curves."""

    x: float
    y: float
    label: str


@dataclass(frozen=True, eq=False)
class Figure:
    """What to draw: axis labels, series, optional y-limits and a plain-words description.

    ``ylim`` only limits what is drawn (points outside are not plotted); ``table`` still
    reports the true values.  ``on_top`` names the series drawn over the others.  ``xticks``/``yticks`` fix the tick positions (else the renderer
    chooses); with ``yscale="log"`` points with y ≤ 0 are not drawn.  ``description`` is the
    accessible summary of the picture.
    """

    title: str
    xlabel: str
    ylabel: str
    series: tuple[Series, ...]
    ylim: tuple[float, float] | None = None
    xlim: tuple[float, float] | None = None
    xticks: tuple[float, ...] | None = None
    yticks: tuple[float, ...] | None = None
    yscale: Literal["linear", "log"] = "linear"
    description: str = ""
    marker: Marker | None = field(default=None)
    on_top: int = 0
    """The series drawn last, over the others where they cross (by default the first)."""

    def with_marker(self, x: float | None, y: float = 0.0, label: str = "") -> Figure:
        """This figure with a highlighted point (the explorers' current position);
        ``with_marker(None)`` is the figure without one."""
        return replace(self, marker=None if x is None else Marker(float(x), float(y), label))

    def same_curves(self, other: Figure) -> bool:
        """True if ``other`` draws the same thing apart from the marker."""
        return all(
            getattr(self, f.name) is getattr(other, f.name) or getattr(self, f.name) == getattr(other, f.name)
            for f in fields(self)
            if f.name != "marker"
        )


# --- the named figures ----------------------------------------------------------------


def _ce_loss() -> Figure:
    p = P_GRID
    return Figure(
        title="Cross-entropy loss against the predicted probability",
        xlabel="predicted probability ŷ",
        ylabel="loss L",
        series=(
            Series("true label y = 1: L = −log ŷ", p, _values(core.bce(p, 1.0))),
            Series("true label y = 0: L = −log(1 − ŷ)", p, _values(core.bce(p, 0.0))),
        ),
        ylim=(0.0, 5.0),
        xlim=(0.0, 1.0),
        yticks=(0.0, 1.0, 2.0, 3.0, 4.0, 5.0),
        description=(
            "Two curves. For y = 1 the loss falls from about 5.3 at ŷ = 0.005 to almost 0 at ŷ = 0.995; "
            "for y = 0 it is the mirror image, rising toward the right. A confident wrong prediction "
            "costs far more than a hesitant one, without bound as ŷ approaches the wrong end. "
            "The drawing is cut at L = 5."
        ),
    )


def _ce_vs_mse() -> Figure:
    p = P_GRID
    return Figure(
        title="Cross-entropy and squared error, true label y = 1",
        xlabel="predicted probability ŷ",
        ylabel="loss L",
        series=(
            Series("cross-entropy −log ŷ", p, _values(core.bce(p, 1.0))),
            Series("squared error (1 − ŷ)²", p, _values(core.mse(p, 1.0))),
        ),
        ylim=(0.0, 5.0),
        xlim=(0.0, 1.0),
        yticks=(0.0, 1.0, 2.0, 3.0, 4.0, 5.0),
        description=(
            "Both losses are 0 at ŷ = 1. Squared error never exceeds 1, however wrong the prediction; "
            "cross-entropy keeps growing as ŷ approaches 0 (about 5.3 at ŷ = 0.005). "
            "The drawing is cut at L = 5."
        ),
    )


def _grad_p() -> Figure:
    p = P_GRID
    return Figure(
        title="Gradient with respect to ŷ, true label y = 1",
        xlabel="predicted probability ŷ",
        ylabel="∂L/∂ŷ",
        series=(
            Series("cross-entropy −1/ŷ", p, _values(core.bce_grad_p(p, 1.0))),
            Series("squared error 2(ŷ − 1)", p, _values(core.mse_grad_p(p, 1.0))),
        ),
        ylim=(-10.0, 0.0),
        xlim=(0.0, 1.0),
        yticks=(-10.0, -8.0, -6.0, -4.0, -2.0, 0.0),
        description=(
            "Both gradients are negative: raising ŷ lowers the loss. Squared error's gradient is a "
            "straight line from −2 to 0. Cross-entropy's is −1/ŷ: −1 near ŷ = 1 and heading to minus "
            "infinity as ŷ approaches 0 (−200 at ŷ = 0.005); the drawing is cut at −10."
        ),
    )


def _grad_z() -> Figure:
    z = Z_GRID
    return Figure(
        title="Gradient with respect to the logit z, true label y = 1",
        xlabel="logit z (ŷ = σ(z))",
        ylabel="∂L/∂z",
        series=(
            Series("cross-entropy σ(z) − 1", z, _values(core.bce_grad_z(z, 1.0))),
            Series("squared error 2(σ(z) − 1)·σ′(z)", z, _values(core.mse_grad_z(z, 1.0))),
        ),
        ylim=(-1.0, 0.0),
        xlim=(-8.0, 8.0),
        xticks=Z_TICKS,
        yticks=(-1.0, -0.75, -0.5, -0.25, 0.0),
        description=(
            "At large negative z the model is confidently wrong. Cross-entropy's gradient is close to −1 "
            "there, a strong push in the right direction; squared error's gradient is close to 0 "
            "(about −0.0007 at z = −8) because the factor σ′(z) vanishes: a saturated, wrong neuron "
            "trained with squared error barely learns. Both go to 0 as z grows and the prediction "
            "becomes right."
        ),
    )


def _sigmoid() -> Figure:
    z = Z_GRID
    return Figure(
        title="The sigmoid σ(z) and its slope σ′(z)",
        xlabel="logit z",
        ylabel="value",
        series=(
            Series("σ(z) = 1/(1 + e^(−z))", z, _values(core.sigmoid(z))),
            Series("σ′(z) = σ(z)(1 − σ(z))", z, _values(core.sigmoid_grad(z))),
        ),
        on_top=1,  # the slope is what the lesson is about: over σ where the two cross, never hidden
        ylim=(0.0, 1.0),
        yticks=(0.0, 0.25, 0.5, 0.75, 1.0),
        xlim=(-8.0, 8.0),
        xticks=Z_TICKS,
        description=(
            "σ(z) rises in an S from near 0 at z = −8 through 0.5 at z = 0 to near 1 at z = 8. "
            "Its slope σ′(z) is a bump with its peak of 0.25 at z = 0 and almost 0 at both ends: "
            "where the sigmoid saturates, it passes almost no gradient back."
        ),
    )


def _values(y: core.FloatOrArray) -> Array:
    """A curve's values as a float64 array (the core types scalar and array results together)."""
    return np.asarray(y, dtype=np.float64)


#: The soft label of the entropy figure: the target gives the first outcome this probability.
SOFT_LABEL = 0.8


def _entropy_kl() -> Figure:
    q = P_GRID
    target = np.array([SOFT_LABEL, 1.0 - SOFT_LABEL])
    predicted = np.stack([q, 1.0 - q], axis=-1)
    floor = float(core.entropy(target))
    return Figure(
        title=f"H(p, q) and KL(p‖q) for the soft label p = ({SOFT_LABEL:g}, {1 - SOFT_LABEL:g})",
        xlabel="predicted probability q of the first outcome",
        ylabel="nats",
        series=(
            Series("cross-entropy H(p, q)", q, _values(core.cross_entropy_dist(target, predicted))),
            Series("KL divergence KL(p‖q)", q, _values(core.kl_divergence(target, predicted))),
        ),
        ylim=(0.0, 3.0),
        xlim=(0.0, 1.0),
        yticks=(0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0),
        description=(
            f"Both curves are lowest at q = {SOFT_LABEL:g}, where the prediction equals the label. There the KL "
            f"divergence is 0 and the cross-entropy is H(p) = {floor:.3f}, not 0: the gap between the two curves "
            "is H(p) at every q. Both rise toward the ends; the drawing is cut at 3."
        ),
    )


#: Classes in the softmax-twice figure; the probability the true class does not get is split evenly.
TWICE_CLASSES = 3


def _softmax_twice() -> Figure:
    p = P_GRID
    k = TWICE_CLASSES
    probs = np.column_stack([p, *([(1.0 - p) / (k - 1)] * (k - 1))])
    buggy = np.asarray(core.cross_entropy(probs, np.zeros(p.size, dtype=np.intp)))
    return Figure(
        title=f"Softmax applied twice ({k} classes)",
        xlabel="probability p the model gives the true class",
        ylabel="loss L",
        series=(
            Series("correct: −log p (logits to the loss)", p, _values(core.bce(p, 1.0))),
            Series("bug: probabilities to the loss", p, buggy),
        ),
        ylim=(0.0, 3.0),
        xlim=(0.0, 1.0),
        yticks=(0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0),
        description=(
            "The correct loss falls to 0 as p approaches 1. When the probabilities are fed to a loss that "
            "applies its own softmax, the loss flattens out: even at p = 0.995 it is "
            f"{buggy[-1]:.3f}, close to its floor −log(e/(e + {k - 1})) = {-math.log(math.e / (math.e + k - 1)):.3f}. "
            "The drawing is cut at 3."
        ),
    )


#: Logits for the float32 figure: 0..30 in steps of 1/8 (the saturation point 16.64 lies between two).
F32_GRID: Array = np.arange(0, 241, dtype=np.float64) / 8.0
F32_GRID.flags.writeable = False


def _float32_bce() -> Figure:
    z = F32_GRID
    start = float(core.sigmoid_float32_saturation())
    return Figure(
        title="Loss of a negative example (y = 0) with logit z",
        xlabel="logit z",
        ylabel="loss L",
        series=(
            Series("from the logit (BCEWithLogitsLoss)", z, _values(core.bce_with_logits(z, 0.0))),
            Series("σ in float32, then BCELoss", z, _values(core.bce_clamped(core.sigmoid_float32(z), 0.0))),
        ),
        ylim=(0.0, 32.0),
        xlim=(0.0, 30.0),
        yticks=(0.0, 8.0, 16.0, 24.0, 32.0),
        xticks=(0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0),
        description=(
            "The true loss grows like z. Computed from σ(z) rounded to float32 it climbs in steps, "
            "since 1 − σ(z) can only take a few float32 values near 1, and from "
            f"z ≈ {start:.2f}, where σ(z) rounds to exactly 1, BCELoss reports its clamp, 100: "
            "off the top of this drawing, which is cut at 32."
        ),
    )


#: The focusing parameters the focal-loss figure compares (γ = 0 is cross-entropy).
FOCAL_GAMMAS = (0.0, 2.0, 5.0)


def _focal() -> Figure:
    p = P_GRID
    z = core.logit(p)  # the logit that gives the true class probability p (label 1)
    return Figure(
        title="Focal loss −(1 − pₜ)^γ·log pₜ",
        xlabel="probability pₜ given to the true label",
        ylabel="loss",
        series=tuple(
            Series("γ = 0: cross-entropy" if g == 0 else f"γ = {g:g}", p, _values(core.focal_loss(z, 1.0, g)))
            for g in FOCAL_GAMMAS
        ),
        ylim=(0.0, 3.0),
        xlim=(0.0, 1.0),
        yticks=(0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0),
        description=(
            "All three curves fall to 0 as pₜ approaches 1. The larger γ, the faster the loss of "
            "well-classified examples (pₜ above about 0.5) vanishes, while badly classified ones "
            "(pₜ near 0) keep nearly their full cross-entropy. The drawing is cut at 3."
        ),
    )


_BUILDERS = {
    "ce-loss": _ce_loss,
    "ce-vs-mse": _ce_vs_mse,
    "grad-p": _grad_p,
    "grad-z": _grad_z,
    "sigmoid": _sigmoid,
    "entropy-kl": _entropy_kl,
    "softmax-twice": _softmax_twice,
    "float32-bce": _float32_bce,
    "focal": _focal,
}
assert tuple(_BUILDERS) == FIGURES


@cache
def figure(name: str) -> Figure:
    """The named figure (one of ``FIGURES``); KeyError names the ones that exist."""
    try:
        build = _BUILDERS[name]
    except KeyError:
        raise KeyError(f"no figure {name!r}; figures: {', '.join(FIGURES)}") from None
    return build()


# --- explorer figures -----------------------------------------------------------------


@lru_cache(maxsize=2)
def probability_figure(y: int) -> Figure:
    """The probability explorer's picture: CE and squared-error loss for true label ``y``."""
    if y not in (0, 1):
        raise ValueError(f"y must be 0 or 1; got {y}")
    p = P_GRID[1::2]  # the explorer's own 0.01 grid: half the points, a faster redraw
    wrong = "0" if y == 1 else "1"
    return Figure(
        title=f"Loss for true label y = {y}",
        xlabel="predicted probability ŷ",
        ylabel="loss L",
        series=(
            Series("cross-entropy", p, _values(core.bce(p, float(y)))),
            Series("squared error", p, _values(core.mse(p, float(y)))),
        ),
        ylim=(0.0, 5.0),
        xlim=(0.0, 1.0),
        yticks=(0.0, 1.0, 2.0, 3.0, 4.0, 5.0),
        description=(
            f"Cross-entropy grows without bound as ŷ approaches {wrong}, the wrong end; "
            "squared error never exceeds 1. The marker shows the current ŷ on the cross-entropy curve."
        ),
    )


#: Logit differences x₁ − x₂ for the softmax explorer's curve (−10..10, step 0.2).
D_GRID: Array = np.arange(-50, 51, dtype=np.float64) / 5.0
D_GRID.flags.writeable = False


@lru_cache(maxsize=1)
def softmax_figure() -> Figure:
    """The softmax explorer's picture: σ(x₁ − x₂), which is softmax(x)₁ for two classes."""
    d = D_GRID
    return Figure(
        title="Two-class softmax is a sigmoid of the logit difference",
        xlabel="logit difference x₁ − x₂",
        ylabel="P(class 1)",
        series=(Series("σ(x₁ − x₂)", d, _values(core.sigmoid(d))),),
        ylim=(0.0, 1.0),
        yticks=(0.0, 0.25, 0.5, 0.75, 1.0),
        xlim=(-10.0, 10.0),
        description=(
            "An S-shaped curve from 0 to 1 crossing 0.5 where the logits are equal. "
            "The marker is softmax(x)₁ for the current logits; it always lies on the curve."
        ),
    )


#: Values of one logit for the K-class explorer's curve: −5..5 in tenths, the explorer's own grid.
K_LOGIT_GRID: Array = np.arange(-50, 51, dtype=np.float64) / 10.0
K_LOGIT_GRID.flags.writeable = False


def kclass_figure(tenths: tuple[int, ...], selected: int, label: int) -> Figure:
    """The K-class explorer's picture: the loss as the selected logit sweeps −5..5, the others fixed.

    ``tenths`` are the logits in tenths (as the explorer stores them), ``selected`` and ``label``
    0-based classes.  The slope of the curve at the current logit is ∂L/∂z_selected.  The curve
    does not depend on the selected logit's own value, so moving it returns the same figure (the
    plot then only moves its marker).
    """
    others = tuple(0 if k == selected else t for k, t in enumerate(tenths))
    return _kclass_figure(others, selected, label)


@lru_cache(maxsize=64)
def _kclass_figure(tenths: tuple[int, ...], selected: int, label: int) -> Figure:
    k = len(tenths)
    if not 0 <= selected < k or not 0 <= label < k:
        raise ValueError(f"selected and label must be classes 0..{k - 1}; got {selected}, {label}")
    sweep = np.tile(np.asarray(tenths, dtype=np.float64) / 10.0, (K_LOGIT_GRID.size, 1))
    sweep[:, selected] = K_LOGIT_GRID
    losses = np.asarray(core.cross_entropy(sweep, np.full(K_LOGIT_GRID.size, label)))
    top = 2.0 * math.ceil(float(losses.max()) / 2.0)  # the curve's own height, in steps of 2
    name = f"z{_SUBSCRIPTS[selected + 1]}"
    role = "the true class's logit" if selected == label else "a wrong class's logit"
    trend = "falls" if selected == label else "rises"
    return Figure(
        title=f"Loss as {name} moves, the other logits fixed",
        xlabel=f"logit {name} (class {selected + 1})",
        ylabel="loss L",
        series=(Series(f"L = −log p{_SUBSCRIPTS[label + 1]} (true class {label + 1})", K_LOGIT_GRID, losses),),
        ylim=(0.0, top),
        xlim=(-5.0, 5.0),
        yticks=nice_ticks(0.0, top),
        description=(
            f"{name} is {role}: as it grows the loss {trend}, from {losses[0]:.3f} at {name} = −5 to "
            f"{losses[-1]:.3f} at {name} = 5. The slope at the marker is ∂L/∂{name}."
        ),
    )


_SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉"


# --- text alternative ----------------------------------------------------------------


def _nice_targets(lo: float, hi: float, rows: int) -> Array:
    """At most ``rows`` values: ``lo``, the multiples of a round step (1, 2, 2.5 or 5 × 10ᵏ)
    strictly between, and ``hi`` — e.g. 0.01, 0.1, 0.2, …, 0.9, 0.99."""
    if rows < 2 or hi <= lo:
        return np.array([lo])
    raw = (hi - lo) / (rows - 1)
    power = 10.0 ** math.floor(math.log10(raw))
    for step in (m * power for m in (1, 2, 2.5, 5, 10, 20, 25, 50, 100)):
        if step < raw * (1 - 1e-9):
            continue
        inner = np.arange(math.floor(lo / step) + 1, math.ceil(hi / step)) * step
        inner = inner[(inner > lo + step * 1e-6) & (inner < hi - step * 1e-6)]
        if inner.size + 2 <= rows:
            break
    else:  # e.g. two rows for −8..8: 0 is a multiple of every step; just the ends
        inner = np.array([])
    return np.concatenate(([lo], np.round(inner, 12), [hi]))


def columns(fig: Figure) -> tuple[str, ...]:
    """Column headers for ``table(fig)``: the x label, then each series' label."""
    return (fig.xlabel, *(s.label for s in fig.series))


def table(fig: Figure, rows: int = 11) -> list[tuple[float, ...]]:
    """The plotted values at about ``rows`` evenly spaced x, for a text alternative.

    Each row is (x, y of series 1, y of series 2, …), exactly the plotted numbers
    (points of the curves, not interpolations).  The x are snapped to the curve's own
    points near evenly spaced round values; rows whose x coincide are merged.  Values
    outside ``ylim`` are reported as they are (a table is not cut off like a drawing).
    All series must share the first series' x.
    """
    if not fig.series:
        return []
    x = fig.series[0].x
    for s in fig.series[1:]:
        if s.x.shape != x.shape or not np.array_equal(s.x, x):
            raise ValueError(f"table needs series on the same x; {s.label!r} differs")
    if rows >= x.size or any(s.kind == "bar" for s in fig.series):
        idx = np.arange(x.size)
    else:
        targets = _nice_targets(float(x.min()), float(x.max()), rows)
        idx = np.unique(np.abs(x[None, :] - targets[:, None]).argmin(axis=1))
    return [(float(x[i]), *(float(s.y[i]) for s in fig.series)) for i in idx]


def nice_ticks(lo: float, hi: float, count: int = 5) -> tuple[float, ...]:
    """About ``count`` round tick positions (multiples of 1, 2 or 5 × 10ᵏ) within [lo, hi]."""
    if not hi > lo:
        return (lo,)
    raw = (hi - lo) / max(count - 1, 1)
    power = 10.0 ** math.floor(math.log10(raw))
    step = min((m * power for m in (1, 2, 2.5, 5, 10)), key=lambda c: abs(math.log(c / raw)))
    first = math.ceil(lo / step - 1e-9) * step
    ticks = np.arange(first, hi + step * 1e-9, step)
    return tuple(float(round(t, 10)) for t in ticks)


# --- training lab --------------------------------------------------------------------


@dataclass(frozen=True)
class RunSummary:
    """What the lab's text summary says about one training run."""

    loss_name: str
    final_loss: float
    extreme_fraction: float
    """Fraction of training predictions below ``LOW`` or above ``HIGH``."""
    low_fraction: float
    high_fraction: float
    halved_at: int | None = None
    """The first epoch whose loss is at most half the loss at epoch 0 (None: never, in this run)."""


#: What a lab can show (the ``show`` of a lab section): its loss curves, its histograms, or both.
LAB_PARTS = ("losses", "histograms")


@dataclass(frozen=True, eq=False)
class LabFigures:
    """The lab's pictures: loss curves, one histogram per run, and the summary numbers."""

    losses: Figure
    hist_bce: Figure
    hist_mse: Figure
    bce: RunSummary
    mse: RunSummary
    epochs: int = 0

    def summary(self, parts: tuple[str, ...] = LAB_PARTS) -> list[str]:
        """The lab's findings in words for the parts shown, in their order (also the text alternative)."""
        lines = []
        for part in parts:
            if part == "losses":
                lines += [_halving(run, self.epochs) for run in (self.bce, self.mse)]
                lines.append(
                    f"Final mean BCE {format_number(self.bce.final_loss)}, final mean squared error "
                    f"{format_number(self.mse.final_loss)}: two different losses, so each curve is drawn "
                    "as a share of its own start."
                )
            elif part == "histograms":
                lines += [_extremes(run) for run in (self.bce, self.mse)]
        return lines


LOW, HIGH = 0.05, 0.95
HIST_BINS = 20
"""Bins of width 0.05: the first and last hold exactly the predictions the summary calls extreme."""


def _percent(fraction: float) -> str:
    return f"{fraction:.0%}"


def _halving(run: RunSummary, epochs: int) -> str:
    if run.halved_at is None:
        return f"Trained with {run.loss_name}: the loss did not fall to half its start in {epochs} epochs."
    return f"Trained with {run.loss_name}: the loss fell to half its start after {run.halved_at} epochs."


def _extremes(run: RunSummary) -> str:
    return (
        f"Trained with {run.loss_name}: {_percent(run.extreme_fraction)} of predictions are below {LOW} or above "
        f"{HIGH} ({_percent(run.low_fraction)} below, {_percent(run.high_fraction)} above)."
    )


def _halved_at(losses: Array) -> int | None:
    if not len(losses):
        return None
    below = np.flatnonzero(losses <= losses[0] / 2.0)
    return int(below[0]) if below.size else None


def _summary(name: str, losses: Array, probs: Array) -> RunSummary:
    probs = np.asarray(probs, dtype=np.float64)
    low = float(np.mean(probs < LOW)) if probs.size else 0.0
    high = float(np.mean(probs > HIGH)) if probs.size else 0.0
    final = float(losses[-1]) if len(losses) else math.nan
    return RunSummary(name, final, low + high, low, high, _halved_at(losses))


def _histogram(title: str, probs: Array) -> Figure:
    counts, edges = np.histogram(np.asarray(probs, dtype=np.float64), bins=HIST_BINS, range=(0.0, 1.0))
    centres = (edges[:-1] + edges[1:]) / 2.0
    return Figure(
        title=title,
        xlabel="predicted probability ŷ",
        ylabel="",  # the legend says what the bars count; a y label here leaves no room for the x label
        series=(Series("examples per bin of width 0.05", centres, counts.astype(np.float64), kind="bar"),),
        xlim=(0.0, 1.0),
        xticks=(0.0, 0.25, 0.5, 0.75, 1.0),
        yticks=nice_ticks(0.0, float(max(counts.max(), 1))),
        description=(
            f"Histogram of the {int(counts.sum())} training predictions in {HIST_BINS} bins of width "
            f"{1 / HIST_BINS:g}; {int(counts[0])} fall below {LOW} and {int(counts[-1])} at or above {HIGH}."
        ),
    )


def _relative(losses: Array) -> Array:
    """``losses`` as a share of the first (unchanged when the first is 0: nothing to divide by)."""
    return losses / losses[0] if len(losses) and losses[0] > 0 else losses


class _Run(Protocol):
    """What the lab figures need of a training run (``tutor.lab.LabResult``)."""

    @property
    def losses(self) -> Array: ...
    @property
    def probs(self) -> Array: ...


def lab_figures(result_bce: _Run, result_mse: _Run) -> LabFigures:
    """Figures and summary for a lab run with each loss (two ``tutor.lab.LabResult``s).

    The runs minimise different losses (mean BCE, mean squared error), so their curves cannot
    share an axis in their own units ("squared error ends lower" would compare two scales): each
    is drawn as a share of its value at epoch 0, on a log axis. Both start at 1; how fast each
    falls, and a plateau, read the same whatever the loss. The description and the summary give
    the final losses in their own units.
    """
    lb = np.asarray(result_bce.losses, dtype=np.float64)
    lm = np.asarray(result_mse.losses, dtype=np.float64)
    if lb.size != lm.size:
        raise ValueError(f"both runs need the same number of epochs; got {lb.size} and {lm.size}")
    n = lb.size
    epochs = np.arange(n, dtype=np.float64)
    bce_s = _summary("cross-entropy", lb, result_bce.probs)
    mse_s = _summary("squared error", lm, result_mse.probs)
    losses = Figure(
        title="Each run's loss as a share of its start",
        xlabel="epoch",
        ylabel="loss ÷ loss at epoch 0",
        series=(
            Series("cross-entropy run: mean BCE ÷ its start", epochs, _relative(lb)),
            Series("squared-error run: mean MSE ÷ its start", epochs, _relative(lm)),
        ),
        # To n, not n − 1: the axis ends at the number of epochs the lab says it trained for.
        xlim=(0.0, float(max(n, 1))),
        xticks=nice_ticks(0.0, float(max(n, 1))),
        yscale="log",
        description=(
            f"Over {n} epochs each run's own loss, divided by its value at epoch 0 (log scale): both curves "
            "start at 1 and show how fast each run learns, not which loss is lower, since they measure "
            f"different losses. In its own units the cross-entropy run's mean BCE ends at {format_number(bce_s.final_loss)} "
            f"and the squared-error run's mean squared error at {format_number(mse_s.final_loss)}."
        ),
    )
    return LabFigures(
        losses=losses,
        hist_bce=_histogram("Predictions after training with cross-entropy", result_bce.probs),
        hist_mse=_histogram("Predictions after training with squared error", result_mse.probs),
        bce=bce_s,
        mse=mse_s,
        epochs=n,
    )
