"""State models for the interactive explorers: pure, immutable, no Textual.

A widget keeps one of these, replaces it on every key press (``nudge`` and friends return a
new state) and shows its ``readout()``.  Every number comes from ``tutor.core``.

Positions live on integer grids (ŷ in hundredths, logits in tenths), so a hundred presses
of → land exactly on 0.01·k, never on 0.30000000000000004.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from tutor import core

# --- probability explorer -------------------------------------------------------------

P_MIN, P_MAX = 1, 99
"""ŷ stays in [0.01, 0.99] (hundredths): the loss is finite everywhere the learner can go."""


def _clamp(v: int, lo: int, hi: int) -> int:
    return max(lo, min(hi, v))


@dataclass(frozen=True)
class ProbabilityReadout:
    """Everything the probability explorer shows for one position (floats from the core)."""

    p: float
    """ŷ, the predicted probability of class 1."""
    y: int
    """The true label, 0 or 1."""
    z: float
    """The logit z = logit(ŷ), so ŷ = σ(z)."""
    ce: float
    """Cross-entropy loss L = −[y·log ŷ + (1−y)·log(1−ŷ)]."""
    ce_grad_p: float
    ce_grad_z: float
    mse: float
    """Squared error (ŷ − y)²."""
    mse_grad_p: float
    mse_grad_z: float
    grad_ratio: float
    """|∂L_CE/∂z| / |∂L_MSE/∂z| = 1/(2ŷ(1 − ŷ)): least (2) at ŷ = 0.5, unbounded toward 0 and 1.

    Only its shape means something: a constant factor in either loss rescales it."""


@dataclass(frozen=True)
class ProbabilityExplorer:
    """ŷ (stored in hundredths, 1..99) and the true label y."""

    hundredths: int = 30
    y: int = 1

    def __post_init__(self) -> None:
        if not isinstance(self.hundredths, int) or not P_MIN <= self.hundredths <= P_MAX:
            raise ValueError(f"hundredths must be an integer in {P_MIN}..{P_MAX}; got {self.hundredths!r}")
        if self.y not in (0, 1):
            raise ValueError(f"y must be 0 or 1; got {self.y!r}")

    @classmethod
    def at(cls, p: float, y: int = 1) -> ProbabilityExplorer:
        """The explorer at ŷ ≈ ``p`` (rounded to the 0.01 grid and clamped to [0.01, 0.99])."""
        return cls(_clamp(round(p * 100), P_MIN, P_MAX), y)

    @property
    def p(self) -> float:
        return self.hundredths / 100

    def nudge(self, delta: float) -> ProbabilityExplorer:
        """Move ŷ by ``delta`` (rounded to hundredths), clamped to [0.01, 0.99]."""
        return replace(self, hundredths=_clamp(self.hundredths + round(delta * 100), P_MIN, P_MAX))

    def jump_low(self) -> ProbabilityExplorer:
        return replace(self, hundredths=P_MIN)

    def jump_high(self) -> ProbabilityExplorer:
        return replace(self, hundredths=P_MAX)

    def toggle_label(self) -> ProbabilityExplorer:
        return replace(self, y=1 - self.y)

    def readout(self) -> ProbabilityReadout:
        p, y = self.p, self.y
        z = float(core.logit(p))
        ce_grad_z = float(core.bce_grad_z(z, y))
        mse_grad_z = float(core.mse_grad_z(z, y))
        return ProbabilityReadout(
            p=p,
            y=y,
            z=z,
            ce=float(core.bce(p, y)),
            ce_grad_p=float(core.bce_grad_p(p, y)),
            ce_grad_z=ce_grad_z,
            mse=float(core.mse(p, y)),
            mse_grad_p=float(core.mse_grad_p(p, y)),
            mse_grad_z=mse_grad_z,
            grad_ratio=abs(ce_grad_z) / abs(mse_grad_z),  # ŷ in [0.01, 0.99]: MSE's is never 0
        )


# --- softmax explorer -----------------------------------------------------------------

LOGIT_MIN, LOGIT_MAX = -50, 50
"""Each logit stays in [−5, 5] (tenths), so x₁ − x₂ stays in [−10, 10], the plotted range."""


@dataclass(frozen=True)
class SoftmaxReadout:
    """Two-class softmax next to the sigmoid of the logit difference, and the loss."""

    x1: float
    x2: float
    selected: int
    """Which logit the arrow keys change: 1 or 2."""
    label: int
    """The true class: 1 or 2."""
    softmax1: float
    """softmax(x₁, x₂)₁, the probability of class 1."""
    softmax2: float
    diff: float
    """x₁ − x₂."""
    sigmoid_diff: float
    """σ(x₁ − x₂): the same number as softmax1, computed another way."""
    gap: float
    """softmax1 − sigmoid_diff, zero up to rounding."""
    ce: float
    """Cross-entropy −log softmax(x)_label."""
    bce: float
    """Binary cross-entropy on the logit x₁ − x₂ (y = 1 when the label is class 1): equals ce."""


@dataclass(frozen=True)
class SoftmaxExplorer:
    """Two logits (stored in tenths, −50..50), the selected one (1 or 2) and the true class (1 or 2)."""

    x1_tenths: int = 10
    x2_tenths: int = -5
    selected: int = 1
    label: int = 1

    def __post_init__(self) -> None:
        for name in ("x1_tenths", "x2_tenths"):
            v = getattr(self, name)
            if not isinstance(v, int) or not LOGIT_MIN <= v <= LOGIT_MAX:
                raise ValueError(f"{name} must be an integer in {LOGIT_MIN}..{LOGIT_MAX}; got {v!r}")
        if self.selected not in (1, 2):
            raise ValueError(f"selected must be 1 or 2; got {self.selected!r}")
        if self.label not in (1, 2):
            raise ValueError(f"label must be 1 or 2; got {self.label!r}")

    @property
    def x1(self) -> float:
        return self.x1_tenths / 10

    @property
    def x2(self) -> float:
        return self.x2_tenths / 10

    def nudge(self, delta: float) -> SoftmaxExplorer:
        """Change the selected logit by ``delta`` (rounded to tenths), clamped to [−5, 5]."""
        step = round(delta * 10)
        if self.selected == 1:
            return replace(self, x1_tenths=_clamp(self.x1_tenths + step, LOGIT_MIN, LOGIT_MAX))
        return replace(self, x2_tenths=_clamp(self.x2_tenths + step, LOGIT_MIN, LOGIT_MAX))

    def switch(self) -> SoftmaxExplorer:
        """Select the other logit."""
        return replace(self, selected=3 - self.selected)

    def select(self, which: int) -> SoftmaxExplorer:
        return replace(self, selected=which)

    def toggle_label(self) -> SoftmaxExplorer:
        return replace(self, label=3 - self.label)

    def readout(self) -> SoftmaxReadout:
        x1, x2 = self.x1, self.x2
        probs = core.softmax([x1, x2])
        diff = (self.x1_tenths - self.x2_tenths) / 10  # exact on the grid, unlike x1 − x2
        sig = float(core.sigmoid(diff))
        return SoftmaxReadout(
            x1=x1,
            x2=x2,
            selected=self.selected,
            label=self.label,
            softmax1=float(probs[0]),
            softmax2=float(probs[1]),
            diff=diff,
            sigmoid_diff=sig,
            gap=float(probs[0]) - sig,
            ce=float(core.cross_entropy([x1, x2], self.label - 1)),
            bce=float(core.bce_with_logits(diff, 1.0 if self.label == 1 else 0.0)),
        )
