"""cross_entropy_grad(logits, labels) = softmax − one-hot, per example, on cross_entropy's cases."""

from __future__ import annotations

import numpy as np

from tutor import core
from tutor.exercises.checks.cross_entropy import OVERFLOW, UNDERFLOW, label, rows
from tutor.exercises.judge import Case, Mistake, Spec, breaks_on, case, like, scaled


def _cases() -> list[Case]:
    items = []
    for z, y, tags, note in rows():
        if note not in (OVERFLOW, UNDERFLOW):
            note = OVERFLOW if tags == "extreme" else ""  # ln 0 never happens in the gradient
        items.append(case(z, y, expected=core.cross_entropy_grad(z, y), tags=tags, note=note, label=label(z)))
    return items


def _logits(item: Case) -> np.ndarray:
    return np.asarray(item.args[0], dtype=np.float64)


SPEC = Spec(
    "cross_entropy_grad",
    ("logits", "labels"),
    "rows",
    _cases,
    (
        Mistake(
            "no max-shift",
            "e^z of the raw logits overflows (inf / inf = nan) or underflows (0 / 0 = nan). Use a softmax "
            "that subtracts each row's largest logit first.",
            breaks_on("unshifted"),
        ),
        Mistake("flipped sign", "that is one-hot − softmax; the gradient is softmax(z) − one-hot.", like(scaled(-1.0))),
        Mistake(
            "the one-hot forgotten",
            "that is softmax(z) alone: subtract 1 at each row's label.",
            like(lambda item: core.softmax(_logits(item))),
        ),
        Mistake(
            "divided by N",
            "that is the gradient of the mean loss over the batch; each row's own gradient is asked.",
            like(lambda item: item.expected / _logits(item).shape[0]),
        ),
        Mistake(
            "averaged over the examples",
            "that is one row, the mean over the batch; return one gradient row per example, shape (N, K).",
            like(lambda item: item.expected.mean(axis=0)),
        ),
    ),
)
