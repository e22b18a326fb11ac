"""bce_with_logits(z, y) for |z| up to 1000: σ(z) rounds to 1 past z ≈ 36.7, e^|z| overflows past 709.78."""

from __future__ import annotations

import math

import numpy as np

from tutor import core
from tutor.exercises.checks.softplus import EXP_MAX
from tutor.exercises.judge import Case, Mistake, Spec, all_of, breaks_on, case, like, passes, scaled, wrong_on

MODERATE = (0.0, 0.5, -0.5, 2.0, -2.0, 5.0, -5.0)
#: Where 1 − σ(z) already cancels: at z = 30 only 3 of its 16 digits are right.
CANCEL = (15.0, -15.0, 30.0, -30.0)
#: 710, just past e^709.78, last: the first failure naive code meets is then the round 800.
LARGE = (37.0, 40.0, 100.0, 700.0, 800.0, 1000.0, 710.0)
#: Past this, σ(z) rounds to exactly 1 in float64 (and below −745 to exactly 0).
SIGMA_ONE, SIGMA_ZERO = 36.74, -745.2


def note(z: float) -> str:
    """Why naive formulas break at z, or "" where they do not."""
    reasons = []
    if abs(z) > EXP_MAX:
        reasons.append(f"exp({abs(z):g}) overflows")
    if z > SIGMA_ONE:
        reasons.append(f"σ({z:g}) rounds to 1")
    elif z < SIGMA_ZERO:
        reasons.append(f"σ({z:g}) rounds to 0")
    return f"{' and '.join(reasons)}: rewrite with softplus" if reasons else ""


def _tags(z: float) -> str:
    if abs(z) > EXP_MAX:
        return "overflow"
    return "rounds" if z > SIGMA_ONE else "large"


def _cases() -> list[Case]:
    items = [case(z, y, expected=core.bce_with_logits(z, y)) for z in MODERATE for y in (0, 1)]
    items += [case(z, y, expected=core.bce_with_logits(z, y), tags="cancel") for z in CANCEL for y in (0, 1)]
    zs, ys = np.array([-3.0, -0.2, 0.4, 6.0]), np.array([1, 0, 1, 0])
    items.append(case(zs, ys, expected=core.bce_with_logits(zs, ys), tags="moderate batch"))
    for magnitude in LARGE:
        for big in (magnitude, -magnitude):
            items += [
                case(big, y, expected=core.bce_with_logits(big, y), tags=_tags(big), note=note(big)) for y in (0, 1)
            ]
    zs = np.array([-800.0, 0.0, 800.0])
    items.append(case(zs, 1, expected=core.bce_with_logits(zs, 1), tags="overflow", note=note(800.0)))
    rng = np.random.default_rng(4)
    z = rng.choice([-1.0, 1.0], 64) * 10.0 ** rng.uniform(-3, 3, 64)
    y = rng.integers(0, 2, 64)
    items.append(
        case(
            z,
            y,
            expected=core.bce_with_logits(z, y),
            tags="overflow",
            note="σ(z) rounds to 0 or 1 and exp(|z|) overflows for large |z|: rewrite with softplus",
            label="64 logits, |z| from 0.001 to 1000, and random labels",
        )
    )
    return items


def _floats(item: Case) -> tuple[np.ndarray, np.ndarray]:
    return np.asarray(item.args[0], dtype=np.float64), np.asarray(item.args[1], dtype=np.float64)


def _no_label(item: Case) -> np.ndarray:
    z, _ = _floats(item)
    return np.asarray(core.softplus(z))


def _swapped(item: Case) -> np.ndarray:
    z, y = _floats(item)
    return np.asarray(core.bce_with_logits(z, 1 - y))


def _squared(item: Case) -> np.ndarray:
    z, y = _floats(item)
    return np.asarray((np.asarray(core.sigmoid(z)) - y) ** 2)


def _mean(item: Case) -> np.ndarray:
    return np.asarray(item.expected.mean())


SPEC = Spec(
    "bce_with_logits",
    ("z", "y"),
    "elementwise",
    _cases,
    (
        Mistake(
            "ln σ(z) computed from σ(z)",
            "1 − σ(z) loses digits as z grows (at z = 30 only 3 of 16 are right), σ(z) rounds to exactly 1 "
            "for z above about 37 (and to 0 below −745), and ln(1 − 1) = −inf. Never form σ(z): "
            "ln σ(z) = −softplus(−z) and ln(1 − σ(z)) = −softplus(z).",
            all_of(passes("moderate"), lambda outcomes: wrong_on("cancel")(outcomes) or breaks_on("rounds")(outcomes)),
        ),
        Mistake(
            "e^|z| overflowing",
            "e^z is inf for z above 709.78 (and e^−z below −709.78), so ln(1 + e^z), or σ built from it, "
            "gives inf or nan there. Use a softplus that never overflows (exercise 3).",
            all_of(passes("cancel"), passes("rounds"), breaks_on("overflow")),
        ),
        Mistake("log base 2", "cross-entropy uses the natural log, ln.", like(scaled(1 / math.log(2)))),
        Mistake("log base 10", "cross-entropy uses the natural log, ln.", like(scaled(1 / math.log(10)))),
        Mistake(
            "flipped sign", "the loss is minus the log-probability of the label, so it is ≥ 0.", like(scaled(-1.0))
        ),
        Mistake(
            "the label ignored",
            "that is the loss for y = 0 whatever the label: with y = 1 the loss must fall as z grows.",
            like(_no_label),
        ),
        Mistake(
            "labels swapped",
            "for y = 1 the loss is −ln σ(z), small when z is large; for y = 0 it is −ln(1 − σ(z)).",
            like(_swapped),
        ),
        Mistake("squared error", "that is (σ(z) − y)², the squared error, not cross-entropy.", like(_squared)),
        Mistake(
            "the mean where one loss per element is asked",
            "return an array of losses, one per element, as the inputs broadcast.",
            like(_mean, among="batch"),
        ),
    ),
)
