"""Built-in slips and classic mistakes: the wrong numbers learners typically get.

A built-in slip turns the answer expression into the value a learner would get after one known
mistake, so feedback can say *which* mistake instead of just "incorrect". Classic mistakes
(0, a flipped sign, log₂ or log₁₀ for ln, 1 − q for −log q, a missing factor 2) apply to every
question where they make sense: ``ce-tutor check`` makes sure none is ever accepted as right.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable
from typing import NamedTuple

from tutor.content.expr import Expr, parse, substitute
from tutor.content.kinds.parts import Slip

_SWAP_TO_MSE = {"bce": "mse", "bce_grad_p": "mse_grad_p", "bce_grad_z": "mse_grad_z"}


def builtin_slip(name: str, answer: Expr) -> Slip | None:
    """The slip called ``name`` for ``answer``, or None when it cannot apply to this expression."""
    source = f"({answer.source})"
    if name == "log2":
        return Slip(
            parse(f"{source} / log(2)", answer.variables),
            "That is the value with log base 2; cross-entropy uses the natural log (ln).",
        )
    if name == "log10":
        return Slip(
            parse(f"{source} / log(10)", answer.variables),
            "That is the value with log base 10; cross-entropy uses the natural log (ln).",
        )
    if name == "sign":
        return Slip(
            parse(f"-{source}", answer.variables),
            "The sign is flipped: check the minus in front of the log, or the order ŷ − y.",
        )
    if name == "complement" and "p" in answer.variables:
        return Slip(
            substitute(answer, {"p": "(1 - p)"}),
            "You used ŷ where 1 − ŷ belongs (or the reverse): which case of the formula does y select?",
        )
    if name == "mse" and answer.calls & set(_SWAP_TO_MSE):
        return Slip(substitute(answer, _SWAP_TO_MSE), "That is the squared-error (MSE) value, not cross-entropy.")
    return None


# ----- classic mistakes: never accepted as right (checked on every draw by ``ce-tutor check``) ------


class Mistake(NamedTuple):
    """A mistake learners make whatever the question, named, with the number it turns the answer into."""

    name: str
    value: Callable[[float], float]


#: Functions whose value is a natural log (or built from one): a log base slip changes them.
NATURAL_LOG = frozenset(
    {
        "log",
        "logit",
        "softplus",
        "log_softmax",
        "bce",
        "bce_with_logits",
        "bce_clamped",
        "cross_entropy",
        "cross_entropy_soft",
        "cross_entropy_dist",
        "weighted_cross_entropy",
        "entropy",
        "kl_divergence",
        "focal_loss",
    }
)
#: Losses of the form −log q: mistaking the penalty for 1 − q is a classic slip.
PENALTIES = frozenset({"bce", "bce_with_logits", "bce_clamped", "cross_entropy"})
#: Squared error and its gradients: the factor 2 of the derivative is easy to drop.
SQUARED = frozenset({"mse", "mse_grad_p", "mse_grad_z"})

_ZERO = Mistake("0", lambda x: 0.0)
_SIGN = Mistake("the flipped sign", lambda x: -x)
_LOG2 = Mistake("log₂ for ln", lambda x: x / math.log(2))
_LOG10 = Mistake("log₁₀ for ln", lambda x: x / math.log(10))
_COMPLEMENT = Mistake("1 − q for −log q", lambda x: -math.expm1(-x) if x > -700 else -math.inf)
_HALF = Mistake("a missing factor 2", lambda x: x / 2)


def classic_mistakes(answer: Expr) -> tuple[Mistake, ...]:
    """The classic mistakes that make sense for ``answer``: 0 and a flipped sign always; log₂ or
    log₁₀ for ln where a natural log is taken; 1 − q where the answer is a penalty −log q; a
    missing factor 2 where squared error is differentiated or computed."""
    mistakes = [_ZERO, _SIGN]
    if answer.calls & NATURAL_LOG:
        mistakes += [_LOG2, _LOG10]
    if _is_penalty(answer.tree):
        mistakes.append(_COMPLEMENT)
    if answer.calls & SQUARED:
        mistakes.append(_HALF)
    return tuple(mistakes)


def _is_penalty(tree: ast.expr) -> bool:
    """``-log(…)`` or a call of a −log q loss, as the whole answer."""
    if isinstance(tree, ast.UnaryOp) and isinstance(tree.op, ast.USub):
        tree = tree.operand
        return isinstance(tree, ast.Call) and isinstance(tree.func, ast.Name) and tree.func.id == "log"
    return isinstance(tree, ast.Call) and isinstance(tree.func, ast.Name) and tree.func.id in PENALTIES
