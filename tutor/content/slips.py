"""Built-in slips: the wrong numbers learners typically get, derived from the right expression.

Each turns the answer expression into the value a learner would get after one known mistake,
so feedback can say *which* mistake instead of just "incorrect".
"""

from __future__ import annotations

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
