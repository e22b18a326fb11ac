"""log_sum_exp(logits) over the last axis, for logits of 1000, −1000 and spread by 1e4."""

from __future__ import annotations

import math

import numpy as np

from tutor import core
from tutor.exercises.judge import Case, Mistake, Spec, breaks_on, case, like, scaled

OVERFLOW = "e^z overflows past z = 709.78: subtract the row's largest logit first"
UNDERFLOW = "every e^z underflows to 0, and ln 0 = −inf: subtract the row's largest logit first"


def lse(logits: object) -> np.ndarray:
    """ln Σₖ e^(zₖ) over the last axis, from the core: max(z) − log_softmax(z) at the max."""
    z = np.asarray(logits, dtype=np.float64)
    top = z.argmax(axis=-1)[..., None]
    return (np.take_along_axis(z, top, -1) - np.take_along_axis(core.log_softmax(z), top, -1))[..., 0]


def moderate_logits() -> list[np.ndarray]:
    rng = np.random.default_rng(6)
    return [
        np.array([0.0, 0.0]),
        np.array([1.0, 2.0, 3.0]),
        np.array([-1.0, 0.5, 2.0, 0.0]),
        np.array([5.0]),
        np.array([[0.0, 1.0], [2.0, 3.0], [4.0, -5.0]]),
        rng.normal(0.0, 3.0, (6, 5)),
    ]


def extreme_logits() -> list[tuple[np.ndarray, str, str]]:
    """(logits, tags, note) that break formulas without the max-shift."""
    rng = np.random.default_rng(7)
    return [
        (np.array([1000.0, 1000.0]), "overflow", OVERFLOW),
        (np.array([800.0, 0.0]), "overflow", OVERFLOW),
        (np.array([[710.0, 709.0], [0.0, 1.0]]), "overflow", OVERFLOW),
        (np.array([-1000.0, -1000.0, -1000.0]), "underflow", UNDERFLOW),
        (np.array([-800.0, -900.0]), "underflow", UNDERFLOW),
        (np.array([0.0, 1e4, -1e4]), "overflow spread", OVERFLOW),
        (rng.normal(0.0, 1000.0, (8, 4)), "overflow", OVERFLOW),
    ]


def _label(z: np.ndarray) -> str:
    return (
        f"{z.shape[0]} rows of {z.shape[1]} random logits (spread {np.ptp(z, axis=-1).max():.3g})"
        if z.size > 12
        else ""
    )


def _cases() -> list[Case]:
    items = [case(z, expected=lse(z), tags="moderate", label=_label(z)) for z in moderate_logits()]
    items += [case(z, expected=lse(z), tags=tags, note=note, label=_label(z)) for z, tags, note in extreme_logits()]
    return items


def _logits(item: Case) -> np.ndarray:
    return np.asarray(item.args[0], dtype=np.float64)


SPEC = Spec(
    "log_sum_exp",
    ("logits",),
    "rows",
    _cases,
    (
        Mistake(
            "no max-shift",
            "e^z of the raw logits overflows above 709.78 and underflows to 0 below −745. Subtract each row's "
            "largest logit before exp and add it back after the log.",
            lambda outcomes: breaks_on("overflow")(outcomes) or breaks_on("underflow")(outcomes),
        ),
        Mistake(
            "the maximum alone",
            "max(z) is the limit when one logit dominates; the others still add ln Σₖ e^(zₖ − max).",
            like(lambda item: _logits(item).max(axis=-1)),
        ),
        Mistake(
            "the wrong axis",
            "that reduces over axis 0, the examples; the classes are the last axis (axis=-1).",
            like(lambda item: lse(np.moveaxis(_logits(item), 0, -1))),
        ),
        Mistake(
            "one number for the whole batch",
            "that is log-sum-exp over every logit of every row; one value per row is asked.",
            like(lambda item: lse(_logits(item).ravel())),
        ),
        Mistake("log base 2", "log-sum-exp uses the natural log, ln.", like(scaled(1 / math.log(2)))),
        Mistake("log base 10", "log-sum-exp uses the natural log, ln.", like(scaled(1 / math.log(10)))),
    ),
)
