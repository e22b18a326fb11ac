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


# --- K-class explorer -----------------------------------------------------------------

K_MIN, K_MAX = 3, 5
"""How many classes the K-class explorer shows."""
K_LOGIT_MIN, K_LOGIT_MAX = -50, 50
"""Each logit stays in [−5, 5] (tenths): the spread is at most 10, every probability above 1e-5."""


@dataclass(frozen=True)
class KClassReadout:
    """K-class softmax cross-entropy at one position (every number from the core)."""

    logits: tuple[float, ...]
    probs: tuple[float, ...]
    """softmax(z), one probability per class."""
    grads: tuple[float, ...]
    """∂L/∂zₖ = pₖ − 𝟙[k = true class]."""
    selected: int
    """The class (0-based) whose logit the arrow keys move."""
    label: int
    """The true class, 0-based."""
    loss: float
    """L = −log p_label."""
    uniform_loss: float
    """The loss with all logits equal: log K."""
    predicted: int | None
    """The class with the highest probability, 0-based; None when two or more share it (a tie)."""
    prob_sum: float
    grad_sum: float
    """Σₖ ∂L/∂zₖ: 0 up to rounding, since Σ pₖ = 1."""


@dataclass(frozen=True)
class KClassExplorer:
    """K logits (tenths, −50..50), the selected class and the true class (both 0-based)."""

    tenths: tuple[int, ...] = (20, 10, 1)
    selected: int = 0
    label: int = 0

    def __post_init__(self) -> None:
        if not isinstance(self.tenths, tuple) or not K_MIN <= len(self.tenths) <= K_MAX:
            raise ValueError(f"tenths must be a tuple of {K_MIN} to {K_MAX} logits; got {self.tenths!r}")
        for v in self.tenths:
            if not isinstance(v, int) or isinstance(v, bool) or not K_LOGIT_MIN <= v <= K_LOGIT_MAX:
                raise ValueError(f"each logit must be an integer in {K_LOGIT_MIN}..{K_LOGIT_MAX} tenths; got {v!r}")
        for name in ("selected", "label"):
            v = getattr(self, name)
            if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v < len(self.tenths):
                raise ValueError(f"{name} must be a class index in 0..{len(self.tenths) - 1}; got {v!r}")

    @property
    def k(self) -> int:
        return len(self.tenths)

    @property
    def logits(self) -> tuple[float, ...]:
        return tuple(t / 10 for t in self.tenths)

    def nudge(self, delta: float) -> KClassExplorer:
        """Change the selected logit by ``delta`` (rounded to tenths), clamped to [−5, 5]."""
        moved = _clamp(self.tenths[self.selected] + round(delta * 10), K_LOGIT_MIN, K_LOGIT_MAX)
        return replace(self, tenths=(*self.tenths[: self.selected], moved, *self.tenths[self.selected + 1 :]))

    def select(self, which: int) -> KClassExplorer:
        """Select class ``which`` (0-based); a class that does not exist leaves the state as it is."""
        return replace(self, selected=which) if 0 <= which < self.k else self

    def select_step(self, step: int) -> KClassExplorer:
        """Select the next (+1) or previous (−1) class, wrapping around."""
        return replace(self, selected=(self.selected + step) % self.k)

    def toggle_label(self) -> KClassExplorer:
        """Make the next class the true one (wrapping around)."""
        return replace(self, label=(self.label + 1) % self.k)

    def add_class(self) -> KClassExplorer:
        """One more class (logit 0), up to ``K_MAX``."""
        return replace(self, tenths=(*self.tenths, 0)) if self.k < K_MAX else self

    def remove_class(self) -> KClassExplorer:
        """Drop the last class, down to ``K_MIN``; the selection and the true class stay in range."""
        if self.k <= K_MIN:
            return self
        last = self.k - 2
        return replace(self, tenths=self.tenths[:-1], selected=min(self.selected, last), label=min(self.label, last))

    def equal_logits(self) -> KClassExplorer:
        """Every logit 0: the prediction of an untrained model, loss log K."""
        return replace(self, tenths=(0,) * self.k)

    def readout(self) -> KClassReadout:
        z = self.logits
        probs = core.softmax(z)
        grads = core.cross_entropy_grad(z, self.label)
        return KClassReadout(
            logits=z,
            probs=tuple(float(p) for p in probs),
            grads=tuple(float(g) for g in grads),
            selected=self.selected,
            label=self.label,
            loss=float(core.cross_entropy(z, self.label)),
            uniform_loss=float(core.cross_entropy([0.0] * self.k, 0)),
            predicted=self.tenths.index(top) if self.tenths.count(top := max(self.tenths)) == 1 else None,
            prob_sum=float(probs.sum()),
            grad_sum=float(grads.sum()),
        )
