"""Judging a learner's function: run the cases, compare with the core, name the first failing
input and any known mistake.

Runs only inside the check process (it calls the learner's code); the app never imports it.
A report is plain JSON-able data; ``runner`` turns it into a ``Result``.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from tutor.exercises.catalog import ATOL, RTOL

Layout = Literal["elementwise", "rows", "whole"]
Floats = NDArray[np.float64]
Report = dict[str, Any]
#: Arrays with at most this many elements are written out in full in messages.
INLINE = 12
#: Exceptions that end the whole check rather than fail one case.
FATAL = (SystemExit, KeyboardInterrupt, MemoryError, NotImplementedError)
TOLERANCE = f"rtol {RTOL:.0e}, atol {ATOL:.0e}".replace("e-0", "e-")


@dataclass(frozen=True)
class Case:
    """One call: its arguments, the core's answer, and tags that mistakes look for.

    ``note`` is said after the expected value when the function's value is not finite (why naive
    code overflows there); ``label`` names inputs too large to print.
    """

    args: tuple[Any, ...]
    expected: Floats
    tags: frozenset[str]
    note: str = ""
    label: str = ""


def case(*args: Any, expected: Any, tags: str = "moderate", note: str = "", label: str = "") -> Case:
    """A case; ``tags`` is space-separated ("moderate" for ordinary inputs that any sound formula gets right)."""
    return Case(args, np.asarray(expected, dtype=np.float64), frozenset(tags.split()), note, label)


@dataclass(frozen=True)
class Outcome:
    """What one case gave: ``problem`` is None when it passed; ``broke`` when the value was inf or
    nan where the core's is finite, or an overflow was raised (what naive formulas do)."""

    case: Case
    got: Floats | None
    problem: str | None
    broke: bool = False
    raised: bool = False

    @property
    def ok(self) -> bool:
        return self.problem is None


Test = Callable[[Sequence[Outcome]], bool]


@dataclass(frozen=True)
class Mistake:
    """A known wrong implementation: ``test`` recognises its pattern in the outcomes."""

    name: str
    message: str
    test: Test


@dataclass(frozen=True)
class Spec:
    """The checks of one exercise. ``returns`` names a result that is one tuple (e.g. "(w, b)");
    ``explain`` may add a line about a wrong value (say, the loss it reaches)."""

    function: str
    params: tuple[str, ...]
    layout: Layout
    cases: Callable[[], list[Case]]
    mistakes: tuple[Mistake, ...] = ()
    returns: str = ""
    explain: Callable[[Case, Floats], str | None] | None = None


class Fatal(Exception):
    """The function ended the whole check while running ``call`` (exit, out of memory, TODO…)."""

    def __init__(self, error: BaseException, call: str) -> None:
        super().__init__(call)
        self.error = error
        self.call = call


# ----- running ----------------------------------------------------------------------------


def judge(
    spec: Spec,
    function: Callable[..., Any],
    cases: Sequence[Case],
    on_call: Callable[[str], None],
    locate: Callable[[BaseException], str],
) -> Report:
    """Run every case and report; raises Fatal for what ends the check (see FATAL).

    ``on_call`` hears each call before it is made (so a timeout can say which one hung);
    ``locate`` turns an exception into "file.py:line" within the workspace, or "".
    """
    outcomes = []
    for item in cases:
        call = describe_call(spec, item)
        on_call(call)
        outcomes.append(_run(spec, function, item, call, locate))
    return report(spec, outcomes)


def _run(
    spec: Spec, function: Callable[..., Any], item: Case, call: str, locate: Callable[[BaseException], str]
) -> Outcome:
    args = tuple(np.array(arg) if isinstance(arg, np.ndarray) else arg for arg in item.args)  # copies
    try:
        value = function(*args)
    except FATAL as exc:
        raise Fatal(exc, call) from exc
    except OSError as exc:
        if exc.errno == errno.EFBIG:  # the output limit
            raise Fatal(exc, call) from exc
        return Outcome(item, None, _raised(call, exc, locate), raised=True)
    except Exception as exc:
        overflow = isinstance(exc, (OverflowError, FloatingPointError))
        return Outcome(item, None, _raised(call, exc, locate), broke=overflow, raised=True)
    return _compare(spec, item, call, value)


def _raised(call: str, exc: BaseException, locate: Callable[[BaseException], str]) -> str:
    where = locate(exc)
    text = f"{call} raised {describe_exception(exc)}"
    return f"{where}: {text}" if where else text


def describe_exception(exc: BaseException) -> str:
    message = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {message[0]}" if message else type(exc).__name__


def _compare(spec: Spec, item: Case, call: str, value: Any) -> Outcome:
    want = item.expected
    try:
        raw = np.asarray(value)
    except Exception:  # ragged lists and the like
        raw = np.asarray(None)
    if raw.dtype.kind not in "biuf":
        return Outcome(item, None, f"{call} returned {_kind_of(value)}; expected {_shape_words(want.shape)}")
    if raw.dtype.kind == "f" and raw.dtype.itemsize < 8:
        return Outcome(item, None, f"{call} returned {raw.dtype} values: compute in float64 (numpy's default)")
    got = raw.astype(np.float64)
    if got.shape != want.shape:
        shown = f" {fmt(got)}" if got.size <= INLINE else ""
        problem = f"{call} returned {_shape_words(got.shape)}{shown}; expected {_shape_words(want.shape)}"
        return Outcome(item, got, problem)
    close = np.isclose(got, want, rtol=RTOL, atol=ATOL)
    if close.all():
        return Outcome(item, got, None)
    index = tuple(int(i) for i in np.argwhere(~close)[0])
    broke = bool((~np.isfinite(got) & np.isfinite(want)).any())
    return Outcome(item, got, _headline(spec, item, call, got, index), broke)


def _headline(spec: Spec, item: Case, call: str, got: Floats, index: tuple[int, ...]) -> str:
    want = item.expected
    note = f" ({item.note})" if item.note and not np.isfinite(got[index]) else ""
    if want.ndim == 0:
        return f"{call} returned {fmt(got)}; expected {fmt(want)}{note}"
    if spec.layout == "whole":
        name = f"{spec.returns} = " if spec.returns else ""
        return f"{call} returned {name}{_tuple(got)}; expected {_tuple(want)}{note}"
    return f"{call}: {_where(spec, item, index)} it returned {fmt(got[index])}; expected {fmt(want[index])}{note}"


def _where(spec: Spec, item: Case, index: tuple[int, ...]) -> str:
    """Which element failed, with the inputs that produced it."""
    if spec.layout == "elementwise":
        parts = np.broadcast_arrays(*(np.asarray(arg) for arg in item.args))
        inputs = ", ".join(f"{name} = {fmt(part[index])}" for name, part in zip(spec.params, parts, strict=True))
        return f"at index {_index(index)} ({inputs})"
    logits = np.asarray(item.args[0])
    if logits.ndim == 1:
        return f"at class {index[0]}"
    row = index[0]
    shown = [f"logits {fmt(logits[row])}" if logits.shape[1] <= INLINE else f"{logits.shape[1]} logits"]
    if len(item.args) > 1:
        shown.append(f"label {fmt(np.asarray(item.args[1])[row])}")
    place = f"in row {row}" if len(index) == 1 else f"in row {row}, class {index[1]}"
    return f"{place} ({', '.join(shown)})"


# ----- the report -------------------------------------------------------------------------


def report(spec: Spec, outcomes: Sequence[Outcome]) -> Report:
    """The JSON-able verdict: all passed, or the first failing case and any mistake recognised."""
    total = len(outcomes)
    failed = [outcome for outcome in outcomes if not outcome.ok]
    passed = total - len(failed)
    if not failed:
        return {
            "kind": "passed",
            "headline": f"all {total} cases pass",
            "details": [f"Every value matches ce-tutor's math core ({TOLERANCE})."],
            "passed": total,
            "total": total,
        }
    first = failed[0]
    details = []
    mistake = next((m for m in spec.mistakes if _recognises(m, outcomes)), None)
    if mistake is not None:
        details.append(f"Mistake recognised, {mistake.name}: {mistake.message}")
    if spec.explain is not None and first.got is not None:
        extra = spec.explain(first.case, first.got)
        if extra:
            details.append(extra)
    details.append(f"{passed} of {total} cases pass (tolerance: {TOLERANCE}).")
    return {
        "kind": "exception" if first.raised else "wrong",
        "headline": first.problem,
        "details": details,
        "mistake": mistake.name if mistake else None,
        "passed": passed,
        "total": total,
    }


def _recognises(mistake: Mistake, outcomes: Sequence[Outcome]) -> bool:
    try:
        return mistake.test(outcomes)
    except Exception:  # a mistaken formula that cannot even be evaluated there: not this mistake
        return False


# ----- recognising mistakes -----------------------------------------------------------------


def like(transform: Callable[[Case], Any], among: str = "moderate") -> Test:
    """On every case tagged ``among`` the function returned ``transform(case)``, which differs
    from the core's answer on at least one of them."""

    def test(outcomes: Sequence[Outcome]) -> bool:
        chosen = [outcome for outcome in outcomes if among in outcome.case.tags]
        differs = False
        for outcome in chosen:
            mistaken = np.asarray(transform(outcome.case), dtype=np.float64)
            if outcome.got is None or not _same(outcome.got, mistaken):
                return False
            differs = differs or not _same(mistaken, outcome.case.expected)
        return differs

    return test


def breaks_on(tag: str) -> Test:
    """Every moderate case passes, and some case tagged ``tag`` gave inf or nan (or overflowed)."""

    def test(outcomes: Sequence[Outcome]) -> bool:
        return passes("moderate")(outcomes) and any(o.broke for o in outcomes if tag in o.case.tags)

    return test


def short_on(tag: str) -> Test:
    """Some case tagged ``tag`` returned a finite number below the core's (what a clip or clamp does)."""

    def test(outcomes: Sequence[Outcome]) -> bool:
        return any(
            not o.ok
            and o.got is not None
            and o.got.shape == o.case.expected.shape
            and bool(np.any(np.isfinite(o.got) & (o.got < o.case.expected)))
            for o in outcomes
            if tag in o.case.tags
        )

    return test


def wrong_on(tag: str) -> Test:
    """Some case tagged ``tag`` returned a number, but the wrong one."""
    return lambda outcomes: any(o.got is not None and not o.ok for o in outcomes if tag in o.case.tags)


def passes(tag: str) -> Test:
    """Every case tagged ``tag`` passes."""
    return lambda outcomes: all(o.ok for o in outcomes if tag in o.case.tags)


def all_of(*tests: Test) -> Test:
    return lambda outcomes: all(test(outcomes) for test in tests)


def scaled(factor: float) -> Callable[[Case], Floats]:
    """The core's answer times ``factor`` (log₂ is ln / ln 2, a flipped sign is −1)."""
    return lambda item: item.expected * factor


def _same(a: Floats, b: Floats) -> bool:
    return a.shape == b.shape and bool(np.isclose(a, b, rtol=RTOL, atol=ATOL, equal_nan=True).all())


# ----- words ------------------------------------------------------------------------------


def describe_call(spec: Spec, item: Case) -> str:
    """``bce(0.5, 1)``; arrays too large to print appear by name, with the case's label after."""
    shown = [
        fmt(arg) if np.asarray(arg).size <= INLINE else name for name, arg in zip(spec.params, item.args, strict=True)
    ]
    call = f"{spec.function}({', '.join(shown)})"
    return f"{call} with {item.label}" if item.label else call


def fmt(value: Any) -> str:
    """A number as Python writes it (800.0, 1e-300, inf, 3), arrays as nested lists."""
    a = np.asarray(value)
    if a.ndim == 0:
        item = a.item()
        return repr(item) if isinstance(item, float) else str(item)
    if a.size > INLINE:
        return f"<an array of shape {a.shape}>"
    return "[" + ", ".join(fmt(row) for row in a) + "]"


def _tuple(values: Floats) -> str:
    return "(" + ", ".join(fmt(v) for v in values.ravel()) + ")"


def _index(index: tuple[int, ...]) -> str:
    return str(index[0]) if len(index) == 1 else str(index)


def _shape_words(shape: tuple[int, ...]) -> str:
    return "a single number" if shape == () else f"an array of shape {shape}"


def _kind_of(value: Any) -> str:
    return "None" if value is None else f"a {type(value).__name__}"
