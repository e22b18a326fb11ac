"""A tiny, safe expression language for numbers the course asks the core for.

Course files never type a number the core can compute: they write an expression such as
``bce(0.01, 1)`` or ``-log(0.5)``. Expressions are parsed with :mod:`ast` and walked against
a whitelist, a :class:`Grammar` (numbers, + − * / ** ^, unary minus, parentheses, and calls of
its functions; course files also have lists, ``x[i]`` and comparisons); nothing is ever passed
to ``eval``. What a learner may type as an answer is the smaller :data:`LEARNER` grammar. Parsing
needs no numpy, so the course index loads fast; :func:`evaluate` imports the core only when a
number is needed.
"""

from __future__ import annotations

import ast
import functools
import math
from collections.abc import Callable, Mapping
from typing import Any, cast

import msgspec

MAX_LENGTH = 300

#: name -> (min args, max args). Kept here, not derived from the core, so parsing stays numpy-free.
FUNCTIONS: dict[str, tuple[int, int]] = {
    "log": (1, 1),
    "log2": (1, 1),
    "log10": (1, 1),
    "exp": (1, 1),
    "sqrt": (1, 1),
    "abs": (1, 1),
    "sigmoid": (1, 1),
    "sigmoid_grad": (1, 1),
    "logit": (1, 1),
    "softplus": (1, 1),
    "bce": (2, 2),
    "bce_with_logits": (2, 3),
    "mse": (2, 2),
    "bce_grad_p": (2, 2),
    "bce_grad_z": (2, 2),
    "mse_grad_p": (2, 2),
    "mse_grad_z": (2, 2),
    "softmax": (1, 1),
    "log_softmax": (1, 1),
    "cross_entropy": (2, 2),
    "cross_entropy_grad": (2, 2),
    "cross_entropy_soft": (2, 2),
    "weighted_cross_entropy": (3, 3),
    "label_smoothing_targets": (3, 3),
    "entropy": (1, 1),
    "cross_entropy_dist": (2, 2),
    "kl_divergence": (2, 2),
    "focal_loss": (3, 4),
    "weighted_bce_optimum": (3, 3),
    "weighted_ce_optimum": (2, 2),
    "smoothed_ce_optimum": (2, 2),
    "expected_calibration_error": (2, 3),
    "fit_temperature": (2, 2),
    "sigmoid_float32": (1, 1),
    "sigmoid_float32_saturation": (0, 0),
    "bce_clamped": (2, 3),
    "mean": (1, 1),
    "sum": (1, 1),
}

CONSTANTS: dict[str, float] = {"e": math.e, "pi": math.pi}

_BINOPS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)
_COMPARISONS = (ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq)
#: Course text writes maths the way people do; Python's grammar needs these spellings.
_SPELLINGS = {"\u2212": "-", "·": "*", "×": "*", "÷": "/", "^": "**"}


class Grammar(msgspec.Struct, frozen=True):
    """What an expression may contain, and how long and deep it may be (every cost is bounded)."""

    #: function name -> (min args, max args)
    functions: Mapping[str, tuple[int, int]]
    #: lists, ``x[i]`` and comparisons (``a != b``), which course files use and learners need not
    structures: bool
    max_length: int
    max_depth: int


#: Course files: every function of the core, lists and comparisons.
COURSE = Grammar(FUNCTIONS, structures=True, max_length=MAX_LENGTH, max_depth=40)
#: What a learner may type as an answer: a calculator. None of the course's losses and
#: gradients (typing ``bce(0.27, 0)`` would give the answer away), no lists, no variables.
LEARNER = Grammar(
    dict.fromkeys(("log", "ln", "log2", "log10", "exp", "sqrt"), (1, 1)),
    structures=False,
    max_length=100,
    max_depth=20,
)


class ExprError(ValueError):
    """An expression that is not in the grammar, or that the core rejects."""


class Expr(msgspec.Struct, frozen=True, dict=True):
    """A checked expression: its source text and the free variables and functions it uses.

    The syntax tree is rebuilt on first use and is not part of the data: the course cache
    holds only the text, which is faster to load than trees and carries nothing executable.
    """

    source: str
    variables: frozenset[str] = frozenset()
    calls: frozenset[str] = frozenset()

    @functools.cached_property
    def tree(self) -> ast.expr:
        return ast.parse(_normalise(self.source), mode="eval").body

    def __str__(self) -> str:
        return self.source


def parse(source: str, variables: frozenset[str] | set[str] = frozenset(), *, grammar: Grammar = COURSE) -> Expr:
    """Parse ``source``; names must be functions or constants of ``grammar``, or one of ``variables``."""
    text = source.strip()
    if not text:
        raise ExprError("empty expression")
    if len(text) > grammar.max_length:
        raise ExprError(f"expression longer than {grammar.max_length} characters")
    try:
        tree = ast.parse(_normalise(text), mode="eval").body
    except (SyntaxError, ValueError) as exc:  # ValueError: a NUL byte
        raise ExprError(f"cannot parse {source!r}: {getattr(exc, 'msg', exc)}") from None
    checker = _Checker(grammar, frozenset(variables))
    checker.check(tree, 0)
    expr = Expr(source=text, variables=frozenset(checker.used), calls=frozenset(checker.calls))
    expr.__dict__["tree"] = tree  # already parsed: spare the first evaluation a second parse
    return expr


def _normalise(text: str) -> str:
    """Map − · × ÷ ^ to Python's spelling (``^`` is power here, with power's precedence)."""
    for written, python in _SPELLINGS.items():
        text = text.replace(written, python)
    return text


class _Checker:
    """Walks a tree and rejects anything outside the grammar; collects the names it uses."""

    def __init__(self, grammar: Grammar, variables: frozenset[str]) -> None:
        self.grammar, self.variables = grammar, variables
        self.used: set[str] = set()
        self.calls: set[str] = set()

    def check(self, node: ast.AST, depth: int) -> None:
        if depth > self.grammar.max_depth:
            raise ExprError(f"nested more than {self.grammar.max_depth} levels deep")
        structures = self.grammar.structures
        if isinstance(node, ast.Constant):
            if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
                raise ExprError(f"only numbers are allowed, not {node.value!r}")
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            self.check(node.operand, depth + 1)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, _BINOPS):
            self.check(node.left, depth + 1)
            self.check(node.right, depth + 1)
        elif structures and isinstance(node, ast.Compare) and all(isinstance(op, _COMPARISONS) for op in node.ops):
            for part in (node.left, *node.comparators):
                self.check(part, depth + 1)
        elif structures and isinstance(node, ast.List):
            for item in node.elts:
                self.check(item, depth + 1)
        elif structures and isinstance(node, ast.Subscript):
            self.check(node.value, depth + 1)
            self.check(node.slice, depth + 1)
        elif isinstance(node, ast.Name):
            self._name(node.id)
        elif isinstance(node, ast.Call):
            self._call(node, depth)
        else:
            raise ExprError(f"{type(node).__name__} is not allowed in an expression")

    def _name(self, name: str) -> None:
        if name in self.variables:
            self.used.add(name)
        elif name not in CONSTANTS:
            known = ", ".join(sorted(self.variables)) or "none"
            raise ExprError(f"unknown name {name!r} (variables here: {known})")

    def _call(self, node: ast.Call, depth: int) -> None:
        functions = self.grammar.functions
        if not isinstance(node.func, ast.Name) or node.func.id not in functions:
            name = getattr(node.func, "id", "?")
            raise ExprError(f"unknown function {name!r}; known: {', '.join(sorted(functions))}")
        if node.keywords:
            raise ExprError(f"{node.func.id}() takes positional arguments only")
        low, high = functions[node.func.id]
        if not low <= len(node.args) <= high:
            raise ExprError(f"{node.func.id}() takes {low} argument(s), got {len(node.args)}")
        self.calls.add(node.func.id)
        for arg in node.args:
            self.check(arg, depth + 1)


def evaluate(expr: Expr, env: Mapping[str, float] | None = None) -> float:
    """The value of ``expr`` as a float64, computed by :mod:`tutor.core`."""
    env = env or {}
    missing = expr.variables - set(env)
    if missing:
        raise ExprError(f"no value for {', '.join(sorted(missing))} in {expr.source!r}")
    import numpy as np

    try:
        with np.errstate(all="ignore"):
            value = _eval(expr.tree, env, _functions())
        arr = np.asarray(value, dtype=np.float64)
    except ExprError:
        raise
    except (ValueError, TypeError, IndexError, ZeroDivisionError, OverflowError) as exc:
        raise ExprError(f"{expr.source!r}: {exc}") from None
    if arr.size != 1:
        raise ExprError(f"{expr.source!r} gives {arr.size} numbers, expected one")
    return float(arr.reshape(()))


def _eval(node: ast.AST, env: Mapping[str, float], fns: Mapping[str, Callable[..., Any]]) -> Any:
    import numpy as np

    if isinstance(node, ast.Constant):
        return np.float64(cast("float", node.value))  # a number: the grammar allows no other constant
    if isinstance(node, ast.UnaryOp):
        operand = _eval(node.operand, env, fns)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp):
        left, right = _eval(node.left, env, fns), _eval(node.right, env, fns)
        return _binop(node.op, left, right)
    if isinstance(node, ast.Compare):
        return np.float64(_compare(node, env, fns))
    if isinstance(node, ast.List):
        return np.array([_eval(item, env, fns) for item in node.elts], dtype=np.float64)
    if isinstance(node, ast.Subscript):
        index = float(_eval(node.slice, env, fns))
        if not index.is_integer():
            raise ExprError(f"index must be a whole number, got {index}")
        return np.asarray(_eval(node.value, env, fns))[int(index)]
    if isinstance(node, ast.Name):
        return np.float64(env[node.id]) if node.id in env else np.float64(CONSTANTS[node.id])
    assert isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    return fns[node.func.id](*(_eval(arg, env, fns) for arg in node.args))


def _compare(node: ast.Compare, env: Mapping[str, float], fns: Mapping[str, Callable[..., Any]]) -> bool:
    """A (chained) comparison, as Python reads it: ``a < b <= c`` is ``a < b and b <= c``."""
    import operator

    ops = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge}
    ops |= {ast.Eq: operator.eq, ast.NotEq: operator.ne}
    left = _eval(node.left, env, fns)
    for op, comparator in zip(node.ops, node.comparators, strict=True):
        right = _eval(comparator, env, fns)
        if not bool(ops[type(op)](left, right)):
            return False
        left = right
    return True


def _binop(op: ast.operator, left: Any, right: Any) -> Any:
    if isinstance(op, ast.Add):
        return left + right
    if isinstance(op, ast.Sub):
        return left - right
    if isinstance(op, ast.Mult):
        return left * right
    if isinstance(op, ast.Div):
        return left / right
    return left**right


@functools.cache
def _functions() -> dict[str, Callable[..., Any]]:
    """The callable behind each name in :data:`FUNCTIONS` (imported lazily: numpy is heavy)."""
    import numpy as np

    from tutor import core

    table: dict[str, Callable[..., Any]] = {
        "log": np.log,
        "ln": np.log,
        "log2": np.log2,
        "log10": np.log10,
        "exp": np.exp,
        "sqrt": np.sqrt,
        "abs": np.abs,
        "mean": np.mean,
        "sum": np.sum,
        "cross_entropy": lambda logits, labels: core.cross_entropy(logits, np.asarray(labels).astype(np.int64)),
        "cross_entropy_grad": lambda logits, labels: core.cross_entropy_grad(
            logits, np.asarray(labels).astype(np.int64)
        ),
    }
    for name in FUNCTIONS.keys() - table.keys():  # the rest are the core's, by the same name
        table[name] = getattr(core, name)
    return table


def substitute(expr: Expr, replacements: Mapping[str, str]) -> Expr:
    """A copy of ``expr`` with variables or function names swapped (used to model learners' slips)."""
    tree = _Rename(replacements).visit(ast.parse(_normalise(expr.source), mode="eval"))
    source = ast.unparse(tree)
    return parse(source, expr.variables | {v for v in replacements.values() if v.isidentifier()})


class _Rename(ast.NodeTransformer):
    def __init__(self, replacements: Mapping[str, str]) -> None:
        self.replacements = {k: ast.parse(v, mode="eval").body for k, v in replacements.items()}

    def visit_Name(self, node: ast.Name) -> ast.AST:
        new = self.replacements.get(node.id)
        return ast.copy_location(new, node) if new is not None else node
