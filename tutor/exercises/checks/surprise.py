"""surprise(q) = −ln q, from 1 down to 1e-300, 5e-324 and 0."""

from __future__ import annotations

import math

import numpy as np

from tutor import core
from tutor.exercises.judge import Case, Mistake, Spec, all_of, case, like, passes, scaled, short_on

MODERATE = (0.5, 0.9, 0.1, 0.25, 0.99, 0.7, 0.01, 1.0)
TINY = (1e-10, 1e-300, 5e-324, 0.0)


def _cases() -> list[Case]:
    items = [case(q, expected=core.bce(q, 1)) for q in MODERATE]
    rng = np.random.default_rng(1)
    qs = rng.uniform(0.01, 1.0, 8)
    items.append(case(qs, expected=core.bce(qs, 1)))
    items += [case(q, expected=core.bce(q, 1), tags="tiny") for q in TINY]
    mixed = np.array([0.5, 1e-300, 1.0, 0.0])
    items.append(case(mixed, expected=core.bce(mixed, 1), tags="tiny"))
    return items


SPEC = Spec(
    "surprise",
    ("q",),
    "elementwise",
    _cases,
    (
        Mistake(
            "log base 2",
            "that is −log₂ q, in bits; the loss uses the natural log, ln (np.log).",
            like(scaled(1 / math.log(2))),
        ),
        Mistake(
            "log base 10",
            "that is −log₁₀ q; the loss uses the natural log, ln (np.log).",
            like(scaled(1 / math.log(10))),
        ),
        Mistake("flipped sign", "that is ln q, which is ≤ 0; the surprise is −ln q, ≥ 0.", like(scaled(-1.0))),
        Mistake(
            "1 − q",
            "that is the distance from certainty, 1 − q; the surprise −ln q grows without bound as q → 0.",
            like(lambda item: 1.0 - np.asarray(item.args[0])),
        ),
        Mistake(
            "q clipped away from 0",
            "the moderate values are right but the tiny ones are not: do not clip q; −ln(1e-300) is about 690.8.",
            all_of(passes("moderate"), short_on("tiny")),
        ),
    ),
)
