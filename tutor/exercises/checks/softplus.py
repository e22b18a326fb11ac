"""softplus(z) = ln(1 + e^z) for |z| up to 1000, where e^z overflows past 709.78."""

from __future__ import annotations

import math

import numpy as np

from tutor import core
from tutor.exercises.judge import Case, Mistake, Spec, breaks_on, case, like, scaled

MODERATE = (0.0, 0.5, -0.5, 1.0, -1.0, 3.0, -3.0, 10.0, -10.0, 30.0, -30.0)
LARGE = (37.0, 100.0, 709.0, 710.0, 800.0, 1000.0)
#: e^z is finite up to ln(float max).
EXP_MAX = math.log(np.finfo(np.float64).max)


def overflow_note(z: float) -> str:
    return f"e^{abs(z):g} overflows float64 past e^709.78" if abs(z) > EXP_MAX else ""


def _cases() -> list[Case]:
    items = [case(z, expected=core.softplus(z)) for z in MODERATE]
    few = np.array([-2.0, -0.1, 0.1, 2.0])
    items.append(case(few, expected=core.softplus(few)))
    for big in LARGE:
        items.append(
            case(
                big, expected=core.softplus(big), tags="overflow" if big > EXP_MAX else "large", note=overflow_note(big)
            )
        )
        items.append(
            case(
                -big,
                expected=core.softplus(-big),
                tags="overflow" if big > EXP_MAX else "large",
                note=overflow_note(big),
            )
        )
    rng = np.random.default_rng(3)
    z = rng.choice([-1.0, 1.0], 64) * 10.0 ** rng.uniform(-3, 3, 64)
    items.append(
        case(
            z,
            expected=core.softplus(z),
            tags="overflow",
            note="e^z overflows past e^709.78",
            label="64 values of z, |z| from 0.001 to 1000",
        )
    )
    return items


SPEC = Spec(
    "softplus",
    ("z",),
    "elementwise",
    _cases,
    (
        Mistake(
            "e^z overflowing",
            "e^z is inf for z above 709.78 (and e^−z below −709.78), and ln(inf) is inf. Rewrite it so that "
            "exp only ever sees −|z|.",
            breaks_on("overflow"),
        ),
        Mistake(
            "max(z, 0)",
            "that is softplus's limit for large |z|; near 0 the two differ (softplus(0) = ln 2).",
            like(lambda item: np.maximum(np.asarray(item.args[0], dtype=np.float64), 0.0)),
        ),
        Mistake("log base 2", "softplus uses the natural log, ln (np.log or np.log1p).", like(scaled(1 / math.log(2)))),
        Mistake(
            "log base 10", "softplus uses the natural log, ln (np.log or np.log1p).", like(scaled(1 / math.log(10)))
        ),
    ),
)
