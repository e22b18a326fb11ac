"""softmax(logits) over the last axis, for logits of 1000, −1000 and spread by 1e4."""

from __future__ import annotations

import numpy as np

from tutor import core
from tutor.exercises.checks.log_sum_exp import _label, extreme_logits, moderate_logits
from tutor.exercises.judge import Case, Mistake, Spec, breaks_on, case, like

NAN = "inf / inf or 0 / 0 is nan: subtract the row's largest logit first"


def _cases() -> list[Case]:
    items = [case(z, expected=core.softmax(z), label=_label(z)) for z in moderate_logits()]
    items += [
        case(z, expected=core.softmax(z), tags=tags, note=NAN, label=_label(z)) for z, tags, _ in extreme_logits()
    ]
    return items


def _logits(item: Case) -> np.ndarray:
    return np.asarray(item.args[0], dtype=np.float64)


def _over_everything(item: Case) -> np.ndarray:
    z = _logits(item)
    e = np.exp(z - z.max())
    return np.asarray(e / e.sum())


SPEC = Spec(
    "softmax",
    ("logits",),
    "rows",
    _cases,
    (
        Mistake(
            "no max-shift",
            "e^z of the raw logits overflows (inf / inf = nan) or underflows (0 / 0 = nan). Subtract each "
            "row's largest logit first: the result is the same, and every e^(…) is at most 1.",
            lambda outcomes: breaks_on("overflow")(outcomes) or breaks_on("underflow")(outcomes),
        ),
        Mistake(
            "the wrong axis",
            "that normalises over axis 0, the examples; the classes are the last axis (axis=-1).",
            like(lambda item: core.softmax(_logits(item), axis=0)),
        ),
        Mistake(
            "normalised over the whole batch",
            "that divides by the sum over every row; each row must sum to 1 on its own (axis=-1, keepdims=True).",
            like(_over_everything),
        ),
        Mistake(
            "σ of each logit",
            "a sigmoid per logit does not make the row sum to 1; softmax divides by the row's sum.",
            like(lambda item: core.sigmoid(_logits(item))),
        ),
        Mistake(
            "log-softmax",
            "that is ln softmax(z); return the probabilities themselves.",
            like(lambda item: core.log_softmax(_logits(item))),
        ),
    ),
)
