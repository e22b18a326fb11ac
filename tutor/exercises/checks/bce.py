"""bce(p, y) from probabilities: ordinary values, 0·ln 0 at certain right answers, inf at certain
wrong ones, and p = 1e-300."""

from __future__ import annotations

import math

import numpy as np

from tutor import core
from tutor.exercises.judge import Case, Mistake, Spec, all_of, breaks_on, case, like, passes, scaled, short_on

MODERATE = ((0.9, 1), (0.9, 0), (0.5, 1), (0.5, 0), (0.2, 1), (0.7, 0), (0.01, 1), (0.99, 0), (0.3, 1))
ZERO_LOG = "0·ln 0 counts as 0, its limit: evaluate only the term the label selects"


def _cases() -> list[Case]:
    items = [case(p, y, expected=core.bce(p, y)) for p, y in MODERATE]
    p, y = np.array([0.1, 0.4, 0.6, 0.95]), np.array([1, 0, 1, 0])
    items.append(case(p, y, expected=core.bce(p, y)))
    items += [case(p, y, expected=0.0, tags="zero-log", note=ZERO_LOG) for p, y in ((0.0, 0), (1.0, 1))]
    items += [case(p, y, expected=math.inf, tags="certain-wrong") for p, y in ((0.0, 1), (1.0, 0))]
    items += [case(p, y, expected=core.bce(p, y), tags="tiny") for p, y in ((1e-300, 1), (1e-300, 0), (1 - 2**-53, 0))]
    p, y = np.array([0.0, 1.0, 1e-300, 0.5, 1.0]), np.array([0, 1, 1, 0, 0])
    items.append(case(p, y, expected=core.bce(p, y), tags="zero-log tiny", note=ZERO_LOG))
    return items


def _args(item: Case) -> tuple[np.ndarray, np.ndarray]:
    return np.asarray(item.args[0], dtype=np.float64), np.asarray(item.args[1], dtype=np.float64)


def _swapped(item: Case) -> np.ndarray:
    p, y = _args(item)
    return np.asarray(core.bce(p, 1 - y))


def _squared(item: Case) -> np.ndarray:
    p, y = _args(item)
    return np.asarray((p - y) ** 2)


SPEC = Spec(
    "bce",
    ("p", "y"),
    "elementwise",
    _cases,
    (
        Mistake(
            "0·ln 0 = nan",
            "y·ln p + (1 − y)·ln(1 − p) evaluates both logs, so a certain and right prediction gives "
            "0·(−inf) = nan. Evaluate only the term the label selects (np.where, or an if).",
            breaks_on("zero-log"),
        ),
        Mistake(
            "p clipped away from 0 and 1",
            "an epsilon (Keras uses 1e-7) or a clamp (torch's BCELoss stops the log at −100) changes the "
            "loss of confident predictions: at p = 1e-300 the exact loss is about 690.8, and a certain "
            "wrong prediction costs inf.",
            all_of(passes("moderate"), lambda o: short_on("tiny")(o) or short_on("certain-wrong")(o)),
        ),
        Mistake(
            "log base 2",
            "that is the loss in bits; cross-entropy uses the natural log, ln (np.log).",
            like(scaled(1 / math.log(2))),
        ),
        Mistake(
            "log base 10", "cross-entropy uses the natural log, ln (np.log), not log₁₀.", like(scaled(1 / math.log(10)))
        ),
        Mistake(
            "flipped sign", "the loss is minus the log-probability of the label, so it is ≥ 0.", like(scaled(-1.0))
        ),
        Mistake(
            "labels swapped",
            "for y = 1 the loss is −ln p (small when p is near 1); for y = 0 it is −ln(1 − p).",
            like(_swapped),
        ),
        Mistake("squared error", "that is (p − y)², the squared error, not cross-entropy.", like(_squared)),
    ),
)
