"""Classic wrong solutions fail, and the known mistakes are named.

Judged in this process (``judge`` is what the check process runs, minus the process): each
row is a wrong implementation a learner might write, the mistake the report must name (None
when no known mistake fits, so none may be named), and words the first failing case must say.
"""

from __future__ import annotations

import textwrap
import warnings
from typing import Any

import numpy as np
import pytest

from tutor.exercises.catalog import EXERCISES
from tutor.exercises.checks import spec
from tutor.exercises.judge import judge

#: The start of a K-class body: each row's log-sum-exp, shape (N,).
LSE = (
    "m = logits.max(axis=-1, keepdims=True)\nlse = (m + np.log(np.exp(logits - m).sum(axis=-1, keepdims=True)))[:, 0]\n"
)

WRONG: list[tuple[str, str | None, str, str]] = [
    # surprise(q)
    ("surprise", "log base 2", "return -np.log2(q)", "surprise(0.5) returned 1.0; expected 0.6931471805599453"),
    ("surprise", "log base 10", "return -np.log10(q)", "surprise(0.5) returned"),
    ("surprise", "flipped sign", "return np.log(q)", "surprise(0.5) returned -0.69"),
    ("surprise", "1 − q", "return 1 - q", "surprise(0.5) returned 0.5"),
    ("surprise", "q clipped away from 0", "return -np.log(np.clip(q, 1e-7, 1.0))", "surprise(1e-10) returned 16.11"),
    # 1/q overflows for subnormal q: wrong, and no named mistake fits (it is no clip)
    (
        "surprise",
        None,
        "return np.log(1 / np.asarray(q, dtype=float))",
        "surprise(5e-324) returned inf; expected 744.44",
    ),
    # bce(p, y)
    (
        "bce",
        "0·ln 0 = nan",
        "return -(y * np.log(p) + (1 - y) * np.log(1 - p))",
        "bce(0.0, 0) returned nan; expected 0.0 (0·ln 0 counts as 0",
    ),
    (
        "bce",
        "p clipped away from 0 and 1",
        "p = np.clip(p, 1e-7, 1 - 1e-7)\nreturn np.where(y == 1, -np.log(p), -np.log(1 - p))[()]",
        "bce(0.0, 0) returned 1.0000000494736474e-07; expected 0.0",
    ),
    (
        "bce",
        "p clipped away from 0 and 1",  # torch's BCELoss: the log clamped at −100
        "return np.where(y == 1, -np.maximum(np.log(p), -100), -np.maximum(np.log1p(-p), -100))[()]",
        "bce(0.0, 1) returned 100.0; expected inf",
    ),
    ("bce", "squared error", "return (p - y) ** 2", "bce(0.9, 1) returned"),
    ("bce", "labels swapped", "return np.where(y == 0, -np.log(p), -np.log1p(-p))[()]", "bce(0.9, 1) returned 2.30"),
    ("bce", "log base 2", "return np.where(y == 1, -np.log2(p), -np.log2(1 - p))[()]", "bce(0.9, 1) returned"),
    ("bce", "log base 10", "return np.where(y == 1, -np.log10(p), -np.log10(1 - p))[()]", "bce(0.9, 1) returned"),
    ("bce", "flipped sign", "return np.where(y == 1, np.log(p), np.log1p(-p))[()]", "bce(0.9, 1) returned -0.10"),
    # softplus(z)
    (
        "softplus",
        "e^z overflowing",
        "return np.log(1 + np.exp(z))",
        "softplus(710.0) returned inf; expected 710.0 (e^710 overflows float64 past e^709.78)",
    ),
    (
        "softplus",
        "e^z overflowing",  # factored the other way: e^−z overflows for z far below 0
        "return z + np.log1p(np.exp(-z))",
        "softplus(-710.0) returned inf; expected 4.47628622567513e-309 (e^710 overflows float64 past e^709.78)",
    ),
    ("softplus", "max(z, 0)", "return np.maximum(z, 0.0)", "softplus(0.0) returned 0.0; expected 0.6931471805599453"),
    ("softplus", "log base 10", "return np.log10(1 + np.exp(z))", "softplus(0.0) returned 0.30"),
    (
        "softplus",
        "log base 2",
        "return np.maximum(z, 0) / np.log(2) + np.log2(1 + np.exp(-np.abs(z)))",
        "softplus(0.0)",
    ),
    # bce_with_logits(z, y)
    (
        "bce_with_logits",
        "ln σ(z) computed from σ(z)",
        "p = 1 / (1 + np.exp(-z))\nreturn -(y * np.log(p) + (1 - y) * np.log(1 - p))",
        "bce_with_logits(30.0, 0) returned 30.001",
    ),
    (
        "bce_with_logits",
        "e^|z| overflowing",
        "return np.log(1 + np.exp(z)) - y * z",
        "bce_with_logits(800.0, 0) returned inf; expected 800.0 (exp(800) overflows and σ(800) rounds to 1: "
        "rewrite with softplus)",
    ),
    (
        "bce_with_logits",
        "e^|z| overflowing",  # −ln σ(±z) with σ = 1/(1 + e^−z): e^800 overflows, σ(−800) = 0
        "return np.where(y == 1, -np.log(1 / (1 + np.exp(-z))), -np.log(1 / (1 + np.exp(z))))",
        "bce_with_logits(800.0, 0) returned inf",
    ),
    (
        "bce_with_logits",
        "the label ignored",
        "return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))",
        "bce_with_logits(0.5, 1) returned",
    ),
    (
        "bce_with_logits",
        "flipped sign",
        "return -(np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z))))",
        "returned -0.69",
    ),
    (
        "bce_with_logits",
        "labels swapped",
        "return np.maximum(z, 0) - (1 - y) * z + np.log1p(np.exp(-np.abs(z)))",
        "bce_with_logits(0.5, 0) returned",
    ),
    (
        "bce_with_logits",
        "the mean where one loss per element is asked",
        "return np.mean(np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z))))",
        "returned a single number",
    ),
    (
        "bce_with_logits",
        "log base 2",
        "return (np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z)))) / np.log(2)",
        "bce_with_logits(0.0, 0) returned 1.0",
    ),
    (
        "bce_with_logits",
        "log base 10",
        "return (np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z)))) / np.log(10)",
        "bce_with_logits(0.0, 0) returned 0.30",
    ),
    (
        "bce_with_logits",
        "squared error",
        "return (1 / (1 + np.exp(-z)) - y) ** 2",
        "bce_with_logits(0.0, 0) returned 0.25",
    ),
    # bce_grad_z(z, y)
    ("bce_grad_z", "flipped sign", "return y - 1 / (1 + np.exp(-z))", "bce_grad_z(0.0, 0) returned -0.5; expected 0.5"),
    (
        "bce_grad_z",
        "squared error's gradient",
        "p = 1 / (1 + np.exp(-z))\nreturn 2 * (p - y) * p * (1 - p)",
        "bce_grad_z(0.0, 0) returned 0.25",
    ),
    (
        "bce_grad_z",
        "∂L/∂p instead of ∂L/∂z",
        "p = 1 / (1 + np.exp(-z))\nreturn (p - y) / (p * (1 - p))",
        "bce_grad_z(0.0, 0) returned 2.0",
    ),
    (
        "bce_grad_z",
        "an extra σ′(z) factor",
        "p = 1 / (1 + np.exp(-z))\nreturn (p - y) * p * (1 - p)",
        "bce_grad_z(0.0, 0) returned 0.125",
    ),
    (
        "bce_grad_z",
        "the mean where one gradient per element is asked",
        "return np.mean(1 / (1 + np.exp(-z)) - y)",
        "returned a single number",
    ),
    (
        "bce_grad_z",
        "the label forgotten",
        "return 1 / (1 + np.exp(-z))",
        "bce_grad_z(0.0, 1) returned 0.5; expected -0.5",
    ),
    # log_sum_exp(logits)
    (
        "log_sum_exp",
        "no max-shift",
        "return np.log(np.sum(np.exp(logits), axis=-1))",
        "log_sum_exp([1000.0, 1000.0]) returned inf; expected 1000.6931471805599 (e^z overflows",
    ),
    ("log_sum_exp", "the maximum alone", "return np.max(logits, axis=-1)", "log_sum_exp([0.0, 0.0]) returned 0.0"),
    (
        "log_sum_exp",
        "the wrong axis",
        "m = np.max(logits, axis=0)\nreturn m + np.log(np.sum(np.exp(logits - m), axis=0))",
        "returned an array of shape (2,)",
    ),
    (
        "log_sum_exp",
        "one number for the whole batch",
        "m = np.max(logits)\nreturn m + np.log(np.sum(np.exp(logits - m)))",
        "expected an array of shape (3,)",
    ),
    (
        "log_sum_exp",
        "log base 2",
        "return np.log2(np.sum(np.exp(logits), axis=-1))",
        "log_sum_exp([0.0, 0.0]) returned 1.0",
    ),
    (
        "log_sum_exp",
        "log base 10",
        "m = np.max(logits, axis=-1, keepdims=True)\nreturn (m + np.log(np.sum(np.exp(logits - m), axis=-1, keepdims=True)))[..., 0] / np.log(10)",
        "log_sum_exp([0.0, 0.0]) returned 0.30",
    ),
    # softmax(logits)
    (
        "softmax",
        "no max-shift",
        "e = np.exp(logits)\nreturn e / e.sum(axis=-1, keepdims=True)",
        "softmax([1000.0, 1000.0]): at class 0 it returned nan; expected 0.5",
    ),
    (
        "softmax",
        "the wrong axis",
        "e = np.exp(logits - logits.max(axis=0))\nreturn e / e.sum(axis=0)",
        "in row 0, class 0 (logits [0.0, 1.0])",
    ),
    (
        "softmax",
        "σ of each logit",
        "return 1 / (1 + np.exp(-logits))",
        "softmax([1.0, 2.0, 3.0]): at class 0 it returned 0.73",
    ),
    (
        "softmax",
        "normalised over the whole batch",
        "e = np.exp(logits - logits.max())\nreturn e / e.sum()",
        "in row 0, class 0",
    ),
    (
        "softmax",
        "log-softmax",
        "z = logits - logits.max(axis=-1, keepdims=True)\nreturn z - np.log(np.exp(z).sum(axis=-1, keepdims=True))",
        "softmax([0.0, 0.0]): at class 0 it returned -0.69",
    ),
    # cross_entropy(logits, labels)
    (
        "cross_entropy",
        "no max-shift",
        "n = len(labels)\nreturn -np.log(np.exp(logits[np.arange(n), labels]) / np.exp(logits).sum(axis=-1))",
        "cross_entropy([[1000.0, 1000.0]], [1]): in row 0 (logits [1000.0, 1000.0], label 1) it returned nan",
    ),
    (
        "cross_entropy",
        "ln of the softmax",
        "e = np.exp(logits - logits.max(axis=-1, keepdims=True))\np = e / e.sum(axis=-1, keepdims=True)\n"
        "return -np.log(p[np.arange(len(labels)), labels])",
        "cross_entropy([[-700.0, 700.0]], [0]): in row 0 (logits [-700.0, 700.0], label 0) it returned inf; "
        "expected 1400.0 (the label's probability rounds to 0",
    ),
    (
        "cross_entropy",
        "the mean where one loss per example is asked",
        "m = logits.max(axis=-1, keepdims=True)\nlse = (m + np.log(np.exp(logits - m).sum(axis=-1, keepdims=True)))[:, 0]\n"
        "return np.mean(lse - logits[np.arange(len(labels)), labels])",
        "returned a single number",
    ),
    (
        "cross_entropy",
        "every label for every row",
        "m = logits.max(axis=-1, keepdims=True)\nlse = m + np.log(np.exp(logits - m).sum(axis=-1, keepdims=True))\n"
        "return (lse - logits)[:, labels]",
        "returned an array of shape (2, 2)",
    ),
    (
        "cross_entropy",
        "log base 2",
        "m = logits.max(axis=-1, keepdims=True)\nlse = (m + np.log(np.exp(logits - m).sum(axis=-1, keepdims=True)))[:, 0]\n"
        "return (lse - logits[np.arange(len(labels)), labels]) / np.log(2)",
        "in row 0",
    ),
    (
        "cross_entropy",
        "log base 10",
        LSE + "return (lse - logits[np.arange(len(labels)), labels]) / np.log(10)",
        "in row 0",
    ),
    ("cross_entropy", "flipped sign", LSE + "return logits[np.arange(len(labels)), labels] - lse", "in row 0"),
    (
        "cross_entropy",
        "the sum where one loss per example is asked",
        LSE + "return np.sum(lse - logits[np.arange(len(labels)), labels])",
        "returned a single number",
    ),
    # cross_entropy_grad(logits, labels)
    (
        "cross_entropy_grad",
        "no max-shift",
        "g = np.exp(logits) / np.exp(logits).sum(axis=-1, keepdims=True)\ng[np.arange(len(labels)), labels] -= 1\nreturn g",
        "it returned nan",
    ),
    (
        "cross_entropy_grad",
        "the one-hot forgotten",
        "e = np.exp(logits - logits.max(axis=-1, keepdims=True))\nreturn e / e.sum(axis=-1, keepdims=True)",
        "in row 0, class 0",
    ),
    (
        "cross_entropy_grad",
        "divided by N",
        "e = np.exp(logits - logits.max(axis=-1, keepdims=True))\ng = e / e.sum(axis=-1, keepdims=True)\n"
        "g[np.arange(len(labels)), labels] -= 1\nreturn g / len(labels)",
        "in row 0, class 0",
    ),
    (
        "cross_entropy_grad",
        "flipped sign",
        "e = np.exp(logits - logits.max(axis=-1, keepdims=True))\ng = e / e.sum(axis=-1, keepdims=True)\n"
        "g[np.arange(len(labels)), labels] -= 1\nreturn -g",
        "in row 0, class 0",
    ),
    (
        "cross_entropy_grad",
        "averaged over the examples",
        "e = np.exp(logits - logits.max(axis=-1, keepdims=True))\ng = e / e.sum(axis=-1, keepdims=True)\n"
        "g[np.arange(len(labels)), labels] -= 1\nreturn g.mean(axis=0)",
        "returned an array of shape (3,)",
    ),
    # train_logistic(x, y, lr, epochs)
    (
        "train_logistic",
        "steps uphill",
        "w = b = 0.0\nfor _ in range(epochs):\n    g = 1 / (1 + np.exp(-(w * x + b))) - y\n"
        "    w, b = w + lr * np.mean(g * x), b + lr * np.mean(g)\nreturn w, b",
        "returned (w, b) = (",
    ),
    (
        "train_logistic",
        "the gradient summed, not averaged",
        "w = b = 0.0\nfor _ in range(epochs):\n    g = 1 / (1 + np.exp(-(w * x + b))) - y\n"
        "    w, b = w - lr * np.sum(g * x), b - lr * np.sum(g)\nreturn w, b",
        "train_logistic([",
    ),
    (
        "train_logistic",
        "squared error's gradient",
        "w = b = 0.0\nfor _ in range(epochs):\n    p = 1 / (1 + np.exp(-(w * x + b)))\n    g = 2 * (p - y) * p * (1 - p)\n"
        "    w, b = w - lr * np.mean(g * x), b - lr * np.mean(g)\nreturn w, b",
        "returned (w, b) = (",
    ),
    (
        "train_logistic",
        "one epoch too many",
        "w = b = 0.0\nfor _ in range(epochs + 1):\n    g = 1 / (1 + np.exp(-(w * x + b))) - y\n"
        "    w, b = w - lr * np.mean(g * x), b - lr * np.mean(g)\nreturn w, b",
        "expected (",
    ),
    (
        "train_logistic",
        "one epoch too few",
        "w = b = 0.0\nfor _ in range(epochs - 1):\n    g = 1 / (1 + np.exp(-(w * x + b))) - y\n"
        "    w, b = w - lr * np.mean(g * x), b - lr * np.mean(g)\nreturn w, b",
        "expected (",
    ),
    (
        "train_logistic",
        None,  # b updated from the new w: a real bug, but not one of the named ones
        "w = b = 0.0\nfor _ in range(epochs):\n    w = w - lr * np.mean((1 / (1 + np.exp(-(w * x + b))) - y) * x)\n"
        "    b = b - lr * np.mean(1 / (1 + np.exp(-(w * x + b))) - y)\nreturn w, b",
        "Mean loss after training",
    ),
]


#: Other correct ways to write each function, textbook forms first: none may be failed.
RIGHT: list[tuple[str, str]] = [
    ("surprise", "return -np.log(q)"),
    ("surprise", "with np.errstate(divide='ignore'):\n    return -np.log(q)"),
    ("bce", "return np.where(y == 1, -np.log(p), -np.log(1 - p))[()]"),
    (
        "bce",
        "p, y = np.broadcast_arrays(p, y)\nout = np.empty(p.shape)\nout[y == 1] = -np.log(p[y == 1])\nout[y == 0] = -np.log1p(-p[y == 0])\nreturn out[()]",
    ),
    ("softplus", "return np.logaddexp(0, z)"),
    ("softplus", "return np.where(z > 0, z + np.log1p(np.exp(-z)), np.log1p(np.exp(z)))"),
    ("bce_with_logits", "return np.maximum(z, 0) - z * y + np.log(1 + np.exp(-np.abs(z)))"),  # TensorFlow's form
    ("bce_with_logits", "return np.logaddexp(0, z) - y * z"),
    ("bce_with_logits", "return np.logaddexp(0, np.where(y == 1, -z, z))"),
    ("bce_grad_z", "return 1 / (1 + np.exp(-z)) - y"),
    ("bce_grad_z", "return 0.5 * (1 + np.tanh(np.asarray(z) / 2)) - y"),
    ("bce_grad_z", "return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z))) - y"),
    ("log_sum_exp", "return np.logaddexp.reduce(logits, axis=-1)"),
    (
        "log_sum_exp",
        "m = np.max(logits, axis=-1)\nreturn m + np.log(np.sum(np.exp(logits - m[..., None]), axis=-1))",
    ),
    (
        "softmax",
        "z = logits - logits.max(axis=-1, keepdims=True)\nreturn np.exp(z - np.log(np.exp(z).sum(axis=-1, keepdims=True)))",
    ),
    ("cross_entropy", LSE + "return lse - logits[np.arange(len(labels)), labels]"),
    (
        "cross_entropy",
        "return np.logaddexp.reduce(logits, axis=-1) - np.take_along_axis(logits, labels[:, None], 1)[:, 0]",
    ),
    (
        "cross_entropy",
        "z = logits - logits.max(axis=-1, keepdims=True)\nlog_p = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))\n"
        "return -log_p[np.arange(len(labels)), labels]",
    ),
    (
        "cross_entropy_grad",
        "e = np.exp(logits - logits.max(axis=-1, keepdims=True))\np = e / e.sum(axis=-1, keepdims=True)\n"
        "return p - np.eye(logits.shape[1])[labels]",
    ),
    (
        "train_logistic",
        "w = b = 0.0\nfor _ in range(epochs):\n    p = 1 / (1 + np.exp(-(w * x + b)))\n"
        "    gw, gb = (p - y) @ x / len(x), np.mean(p - y)\n    w -= lr * gw\n    b -= lr * gb\nreturn w, b",
    ),
    (
        "train_logistic",
        "w = b = 0.0\nfor _ in range(epochs):\n    gw = gb = 0.0\n    for xi, yi in zip(x, y):\n"
        "        g = 1 / (1 + np.exp(-(w * xi + b))) - yi\n        gw += g * xi\n        gb += g\n"
        "    w, b = w - lr * gw / len(x), b - lr * gb / len(x)\nreturn float(w), float(b)",
    ),
]


@pytest.mark.parametrize(("name", "body"), RIGHT, ids=[f"{name}-{n}" for n, (name, _) in enumerate(RIGHT)])
def test_other_correct_solutions_pass(name: str, body: str) -> None:
    report = judged(name, body)
    assert report["kind"] == "passed", report


def judged(name: str, body: str) -> dict[str, Any]:
    """The check process's report on a function ``name`` with this body (numpy as np in scope)."""
    checks = spec(name)
    code = f"import numpy as np\n\ndef {name}({', '.join(checks.params)}):\n{textwrap.indent(body, '    ')}\n"
    namespace: dict[str, Any] = {}
    exec(compile(code, f"{name}.py", "exec"), namespace)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return judge(checks, namespace[name], checks.cases(), lambda call: None, lambda exc: "")


@pytest.mark.parametrize(("name", "mistake", "body", "says"), WRONG, ids=[f"{w[0]}-{w[1]}" for w in WRONG])
def test_wrong_solution_fails_and_names_its_mistake(name: str, mistake: str | None, body: str, says: str) -> None:
    report = judged(name, body)
    assert report["kind"] == "wrong", report
    assert report["passed"] < report["total"]
    assert report["mistake"] == mistake, report
    shown = "\n".join([report["headline"], *report["details"]])
    assert says in shown, shown
    if mistake is not None:
        assert report["details"][0].startswith(f"Mistake recognised, {mistake}: ")


def test_every_exercise_has_a_classic_wrong_solution_with_a_named_mistake() -> None:
    named = {name for name, mistake, _, _ in WRONG if mistake}
    assert named == {item.name for item in EXERCISES}


def test_every_named_mistake_is_exercised_by_a_wrong_solution() -> None:
    """No dead mistake patterns: each one is recognised in at least one row above."""
    listed = {(name, mistake.name) for item in EXERCISES for name in [item.name] for mistake in spec(name).mistakes}
    tested = {(name, mistake) for name, mistake, _, _ in WRONG if mistake}
    assert listed - tested == set()


def test_the_issue_example_reads_as_promised() -> None:
    report = judged("bce_with_logits", "return np.log(1 + np.exp(z)) - y * z")
    assert report["headline"].startswith("bce_with_logits(800.0, 0) returned inf; expected 800.0 (exp(800) overflows")
