"""bce_grad_z(z, y) = σ(z) − y for |z| up to 1000."""

from __future__ import annotations

import numpy as np

from tutor import core
from tutor.exercises.checks.bce_with_logits import CANCEL, LARGE
from tutor.exercises.checks.bce_with_logits import MODERATE as SMALL
from tutor.exercises.judge import Case, Mistake, Spec, case, like, scaled

MODERATE = SMALL + CANCEL


def _cases() -> list[Case]:
    items = [case(z, y, expected=core.bce_grad_z(z, y)) for z in MODERATE for y in (0, 1)]
    z, y = np.array([-3.0, -0.2, 0.4, 6.0]), np.array([1, 0, 1, 0])
    items.append(case(z, y, expected=core.bce_grad_z(z, y), tags="moderate batch"))
    items += [
        case(z, y, expected=core.bce_grad_z(z, y), tags="large")
        for magnitude in LARGE
        for z in (magnitude, -magnitude)
        for y in (0, 1)
    ]
    rng = np.random.default_rng(5)
    z = rng.choice([-1.0, 1.0], 64) * 10.0 ** rng.uniform(-3, 3, 64)
    y = rng.integers(0, 2, 64)
    items.append(
        case(
            z,
            y,
            expected=core.bce_grad_z(z, y),
            tags="large",
            label="64 logits, |z| from 0.001 to 1000, and random labels",
        )
    )
    return items


def _parts(item: Case) -> tuple[np.ndarray, np.ndarray]:
    z, y = np.asarray(item.args[0], dtype=np.float64), np.asarray(item.args[1], dtype=np.float64)
    return np.asarray(core.sigmoid(z)), y


def _grad_p(item: Case) -> np.ndarray:
    p, y = _parts(item)
    return np.asarray((p - y) / (p * (1 - p)))


def _with_sigma_prime(item: Case) -> np.ndarray:
    p, y = _parts(item)
    return np.asarray((p - y) * p * (1 - p))


def _squared_error(item: Case) -> np.ndarray:
    return 2 * _with_sigma_prime(item)


def _sigma(item: Case) -> np.ndarray:
    return _parts(item)[0]


SPEC = Spec(
    "bce_grad_z",
    ("z", "y"),
    "elementwise",
    _cases,
    (
        Mistake(
            "flipped sign",
            "that is y − σ(z); the gradient is the prediction minus the label, σ(z) − y.",
            like(scaled(-1.0)),
        ),
        Mistake(
            "∂L/∂p instead of ∂L/∂z",
            "(p − y) / (p(1 − p)) is the gradient with respect to the probability p; with respect to the "
            "logit, σ′(z) = p(1 − p) cancels it.",
            like(_grad_p),
        ),
        Mistake(
            "squared error's gradient",
            "2(σ(z) − y)·σ(z)(1 − σ(z)) is the gradient of (σ(z) − y)², not of cross-entropy.",
            like(_squared_error),
        ),
        Mistake(
            "an extra σ′(z) factor",
            "for cross-entropy σ′(z) cancels: ∂L/∂z is just σ(z) − y.",
            like(_with_sigma_prime),
        ),
        Mistake("the label forgotten", "that is σ(z) alone: subtract the label.", like(_sigma)),
        Mistake(
            "the mean where one gradient per element is asked",
            "return an array, one gradient per element, as the inputs broadcast.",
            like(lambda item: np.asarray(item.expected.mean()), among="batch"),
        ),
    ),
)
