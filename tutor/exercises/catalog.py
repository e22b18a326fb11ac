"""The exercise track: which exercises exist, in what order, and the hints for each.

Light on purpose (no numpy): the Exercises screen lists the track before any check runs. The
task itself is stated once, in each starting file's docstring (``starters/<name>.py``); the
checks live in ``checks/<name>.py``. Each exercise's file is ``<name>.py`` and defines the
function ``<name>``, so other tools can rely on ``bce_with_logits.py``/``bce_with_logits(z, y)``
and ``cross_entropy.py``/``cross_entropy(logits, labels)``.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Every check compares with the core as |yours − expected| ≤ ATOL + RTOL·|expected|.
RTOL, ATOL = 1e-9, 1e-12


@dataclass(frozen=True)
class Exercise:
    """One exercise: the file ``<name>.py`` that must define the function ``<name>``."""

    name: str
    params: tuple[str, ...]
    title: str
    hints: tuple[str, ...]

    @property
    def filename(self) -> str:
        return f"{self.name}.py"

    @property
    def signature(self) -> str:
        return f"{self.name}({', '.join(self.params)})"


EXERCISES: tuple[Exercise, ...] = (
    Exercise(
        "surprise",
        ("q",),
        "Surprise: the loss of one prediction",
        (
            "The loss is the surprise of what actually happened: −ln q, where q is the probability the model gave it.",
            "numpy's np.log is the natural log, ln; np.log2 and np.log10 are other bases.",
            "q = 0 should give inf (numpy does so with a warning) and q = 1 gives 0.",
        ),
    ),
    Exercise(
        "bce",
        ("p", "y"),
        "Binary cross-entropy from a probability",
        (
            "The label picks one term: −ln p when y = 1, −ln(1 − p) when y = 0.",
            "y·ln p + (1 − y)·ln(1 − p) evaluates both logs: at p = 0 with y = 0 that is 0·(−inf) = nan. "
            "Evaluate only the term the label selects (np.where, or an if for single numbers).",
            "Do not clip p: the exact −ln p is asked for even at p = 1e-300 (about 690.8).",
        ),
    ),
    Exercise(
        "softplus",
        ("z",),
        "Softplus without overflow",
        (
            "softplus(z) = ln(1 + e^z). For z above about 709.78, e^z is beyond float64 and becomes inf.",
            "For z > 0 factor e^z out: ln(1 + e^z) = z + ln(1 + e^(−z)). Then exp only ever sees −|z|.",
            "np.log1p(x) is ln(1 + x), accurate for tiny x; np.maximum and np.abs keep it vectorised.",
        ),
    ),
    Exercise(
        "bce_with_logits",
        ("z", "y"),
        "Binary cross-entropy from the logit",
        (
            "L = −[y·ln σ(z) + (1 − y)·ln(1 − σ(z))], but never form σ(z): in float64 it rounds to "
            "exactly 1 for z above about 37, and ln(1 − 1) is −inf.",
            "ln σ(z) = −softplus(−z) and ln(1 − σ(z)) = −softplus(z).",
            "So L = softplus(z) − y·z. Reuse yours: `from softplus import softplus` works in this folder.",
        ),
    ),
    Exercise(
        "bce_grad_z",
        ("z", "y"),
        "The gradient of the loss with respect to the logit",
        (
            "Differentiate L = softplus(z) − y·z: the derivative of softplus is σ.",
            "So ∂L/∂z = σ(z) − y: the prediction minus the label.",
            "math.exp(1000) raises OverflowError; numpy gives inf with a warning. "
            "Check yourself with (L(z + h) − L(z − h)) / 2h for h = 1e-6.",
        ),
    ),
    Exercise(
        "log_sum_exp",
        ("logits",),
        "Log-sum-exp along the classes",
        (
            "ln Σₖ e^(zₖ) overflows when a logit is above 709.78, and is ln 0 = −inf when every logit is below −745.",
            "For any number m, ln Σₖ e^(zₖ) = m + ln Σₖ e^(zₖ − m).",
            "Take m = the row's maximum (np.max with axis=-1, keepdims=True): every exponent is then ≤ 0 "
            "and one of them is exactly 0.",
        ),
    ),
    Exercise(
        "softmax",
        ("logits",),
        "Softmax that never overflows",
        (
            "softmax(z)ₖ = e^(zₖ) / Σⱼ e^(zⱼ), over the last axis (the classes).",
            "Subtracting the row's maximum from every logit leaves the result unchanged and keeps every e^(…) ≤ 1.",
            "axis=-1 with keepdims=True makes the division broadcast over the classes.",
        ),
    ),
    Exercise(
        "cross_entropy",
        ("logits", "labels"),
        "Softmax cross-entropy for K classes",
        (
            "Lᵢ = −ln softmax(zᵢ)[yᵢ]: minus the log-probability of each row's label.",
            "ln softmax(z)ₖ = zₖ − log_sum_exp(z): stay in log space, since the softmax of a far-behind "
            "label rounds to 0 and ln 0 = −inf.",
            "z[np.arange(N), labels] picks each row's label entry. Return one loss per row, shape (N,), "
            "not their mean.",
        ),
    ),
    Exercise(
        "cross_entropy_grad",
        ("logits", "labels"),
        "The gradient of softmax cross-entropy",
        (
            "∂Lᵢ/∂zᵢₖ = softmax(zᵢ)ₖ − 1[k = yᵢ]: the probabilities minus the one-hot label.",
            "Start from your stable softmax, then subtract 1 at each row's label.",
            "One gradient row per example: do not divide by N (that is the gradient of the mean loss).",
        ),
    ),
    Exercise(
        "train_logistic",
        ("x", "y", "lr", "epochs"),
        "Train one neuron by gradient descent",
        (
            "Start from w = 0 and b = 0. Each epoch: z = w·x + b and g = σ(z) − y, one per example.",
            "The gradient of the mean loss is mean(g·x) for w and mean(g) for b; step against it: "
            "w ← w − lr·mean(g·x), b ← b − lr·mean(g).",
            "Compute both gradients from the same z before changing either weight; return (w, b).",
        ),
    ),
)

_BY_NAME = {exercise.name: exercise for exercise in EXERCISES}


def exercise(name: str) -> Exercise:
    """The exercise called ``name``; KeyError names the ones that exist."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"no exercise {name!r}; exercises: {', '.join(_BY_NAME)}") from None


def position(name: str) -> int:
    """1-based place of the exercise in the track."""
    return list(_BY_NAME).index(name) + 1
