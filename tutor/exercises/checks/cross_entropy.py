"""cross_entropy(logits, labels) per example, for logits of 1000, −1000 and spread by 1e4.

Tags: "unshifted" cases break every formula without the max-shift (and nothing else);
"logprob" cases break ln(softmax(z)) (the label's probability rounds to 0) and nothing else.
"""

from __future__ import annotations

import math

import numpy as np

from tutor import core
from tutor.exercises.judge import Case, Mistake, Spec, all_of, breaks_on, case, like, passes, scaled

OVERFLOW = "e^z overflows past z = 709.78: subtract the row's largest logit first"
UNDERFLOW = "every e^z underflows to 0: subtract the row's largest logit first"
LOG_ZERO = "the label's probability rounds to 0 and ln 0 = −inf: stay in log space"


def rows() -> list[tuple[np.ndarray, np.ndarray, str, str]]:
    """(logits, labels, tags, note) for both K-class exercises."""
    rng = np.random.default_rng(8)
    ints = np.array
    return [
        (np.array([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0]]), ints([0, 1]), "moderate", ""),
        (np.array([[0.0, 0.0]]), ints([1]), "moderate", ""),
        (np.array([[3.0], [-2.0]]), ints([0, 0]), "moderate", ""),
        (rng.normal(0.0, 3.0, (6, 5)), rng.integers(0, 5, 6), "moderate", ""),
        (rng.normal(0.0, 3.0, (4, 10)), rng.integers(0, 10, 4), "moderate", ""),
        (np.array([[1000.0, 1000.0]]), ints([1]), "unshifted", OVERFLOW),
        (np.array([[800.0, 0.0, -5.0]]), ints([0]), "unshifted", OVERFLOW),
        (np.array([[710.0, 700.0], [0.0, 705.0]]), ints([1, 0]), "unshifted", OVERFLOW),
        (np.array([[-1000.0, -1000.0, -1000.0]]), ints([2]), "unshifted", UNDERFLOW),
        (np.array([[-700.0, 700.0]]), ints([0]), "logprob", LOG_ZERO),
        (np.array([[0.0, 1e4, -1e4]]), ints([0]), "extreme", f"{OVERFLOW}, and stay in log space"),
        (rng.normal(0.0, 300.0, (16, 10)), rng.integers(0, 10, 16), "extreme", f"{OVERFLOW}, and stay in log space"),
    ]


def label(logits: np.ndarray) -> str:
    n, k = logits.shape
    return (
        f"{n} rows of {k} random logits (spread up to {np.ptp(logits, axis=-1).max():.3g})" if logits.size > 12 else ""
    )


def _cases() -> list[Case]:
    return [
        case(z, y, expected=core.cross_entropy(z, y), tags=tags, note=note, label=label(z))
        for z, y, tags, note in rows()
    ]


def _args(item: Case) -> tuple[np.ndarray, np.ndarray]:
    return np.asarray(item.args[0], dtype=np.float64), np.asarray(item.args[1])


def _every_label(item: Case) -> np.ndarray:
    z, y = _args(item)
    return -core.log_softmax(z)[:, y]


SPEC = Spec(
    "cross_entropy",
    ("logits", "labels"),
    "rows",
    _cases,
    (
        Mistake(
            "no max-shift",
            "e^z of the raw logits overflows above 709.78 (inf / inf = nan) and underflows to 0 below −745. "
            "Subtract each row's largest logit before exp: log-sum-exp.",
            breaks_on("unshifted"),
        ),
        Mistake(
            "ln of the softmax",
            "when the label's logit is far below the others its probability rounds to 0, and ln 0 = −inf. "
            "Work in log space: ln softmax(z)[y] = z[y] − log_sum_exp(z).",
            all_of(passes("unshifted"), breaks_on("logprob")),
        ),
        Mistake(
            "the mean where one loss per example is asked",
            "that is the batch's mean loss (what the libraries return by default); return the loss of each "
            "row, shape (N,).",
            like(lambda item: item.expected.mean()),
        ),
        Mistake(
            "the sum where one loss per example is asked",
            "that is the batch's total loss; return the loss of each row, shape (N,).",
            like(lambda item: item.expected.sum()),
        ),
        Mistake(
            "every label for every row",
            "z[:, labels] picks all N labels in each row (an N × N table); z[np.arange(N), labels] picks one per row.",
            like(_every_label),
        ),
        Mistake("log base 2", "cross-entropy uses the natural log, ln.", like(scaled(1 / math.log(2)))),
        Mistake("log base 10", "cross-entropy uses the natural log, ln.", like(scaled(1 / math.log(10)))),
        Mistake(
            "flipped sign", "the loss is minus the log-probability of the label, so it is ≥ 0.", like(scaled(-1.0))
        ),
    ),
)
