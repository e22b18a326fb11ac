"""Typed reading of one YAML mapping, collecting located problems instead of stopping at the first.

A :class:`Fields` reader hands out the keys a model class knows; whatever is left when
:meth:`Fields.finish` runs is an unknown key (usually a typo) and is reported with a suggestion.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeVar

import msgspec

from tutor.content.errors import Location
from tutor.content.expr import Expr, ExprError, parse
from tutor.content.limits import MAX_MARKERS, MAX_MARKERS_PER_TEXT, MAX_PROBLEMS, is_slug
from tutor.content.located import LList, LMap
from tutor.content.prose import StatedNumber, find_markers, parse_marker, unchecked_numbers
from tutor.safe_text import excerpt, printable, shorten

T = TypeVar("T")
_MISSING = object()
_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}
#: A message longer than this is cut: whatever a reader quotes, a problem stays one short line.
MAX_MESSAGE = 300


class Problems(msgspec.Struct):
    """Every problem found in a course, each with its location (and the stated numbers met)."""

    items: list[tuple[Location, str]] = msgspec.field(default_factory=list)
    #: every well-formed number marker met while reading, for ``checks.py``
    stated: list[StatedNumber] = msgspec.field(default_factory=list)
    #: markers met so far, well-formed or not (their number is capped: each costs a parse)
    markers: int = 0
    #: problems found beyond ``MAX_PROBLEMS``, counted but not kept
    unlisted: int = 0

    def add(self, location: Location, message: str) -> None:
        if len(self.items) >= MAX_PROBLEMS:
            self.unlisted += 1
            return
        if len(message) > MAX_MESSAGE:
            message = message[:MAX_MESSAGE] + "…"
        self.items.append((location, message))

    def lines(self) -> list[str]:
        """One line per problem, control and bidi characters escaped (paths can hold them too)."""
        lines = [printable(f"{location}: {message}", one_line=True) for location, message in self.items]
        return lines + ([f"… and {self.unlisted} more problem(s)"] if self.unlisted else [])

    def __bool__(self) -> bool:
        return bool(self.items)


class Fields:
    """Reads the keys of one mapping at ``path`` in ``file``; see the module docstring."""

    def __init__(self, data: Any, file: str, path: str, problems: Problems, line: int | None = None) -> None:
        self.file, self.path, self.problems = file, path, problems
        self.line = getattr(data, "line", line)
        self.ok = isinstance(data, dict)
        self.data: dict[str, Any] = data if self.ok else {}
        self.used: set[str] = set()
        if not self.ok:
            self.error(f"expected a mapping (key: value), got {describe(data)}")

    # -- locations ---------------------------------------------------------------------
    def where(self, key: str | None = None) -> Location:
        line = self.data.key_lines.get(key, self.line) if isinstance(self.data, LMap) and key else self.line
        return Location(self.file, line, join(self.path, key) if key else self.path)

    def error(self, message: str, key: str | None = None) -> None:
        self.problems.add(self.where(key), message)

    def child(self, key: str, value: Any) -> Fields:
        return Fields(value, self.file, join(self.path, key), self.problems, self.where(key).line)

    # -- typed getters -------------------------------------------------------------------
    def get(self, key: str, kind: type[T], default: Any = _MISSING) -> T | Any:
        """The value at ``key`` if it has the right type; else report and return ``default``."""
        self.used.add(key)
        if key not in self.data:
            if default is _MISSING:
                self.error(f"missing required key {key!r}")
                return None
            return default
        value = self.data[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        self.error(f"expected {_TYPE_NAMES.get(kind, kind.__name__)}, got {describe(value)}", key)
        return None if default is _MISSING else default

    def text(self, key: str, default: Any = _MISSING, *, prose: bool = True) -> str:
        """A string; prose is checked for number markers and unchecked decimals."""
        value = self.get(key, str, default)
        if isinstance(value, str):
            if not value.strip() and default is _MISSING:
                self.error("must not be empty", key)
            if prose:
                self.check_prose(value, key)
        return value if isinstance(value, str) else ""

    def number(
        self, key: str, default: Any = _MISSING, *, low: float | None = None, high: float | None = None
    ) -> float:
        """A finite number, within ``low`` and ``high`` when given."""
        value = self.get(key, float, default)
        if isinstance(value, float) and not within(value, low, high):
            self.error(f"must be {bounds(low, high)}, got {value}", key)
        return value

    def numbers(
        self, key: str, default: tuple[float, ...] = (), *, low: float | None = None, high: float | None = None
    ) -> tuple[float, ...]:
        """A list of finite numbers within ``low`` and ``high``; ``default`` when absent or wrong."""
        if key not in self.data:
            self.used.add(key)
            return default
        values: list[Any] = [value for value, _, _ in self.items(key)]
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and within(v, low, high) for v in values):
            self.error(f"expected a list of numbers, each {bounds(low, high)}", key)
            return default
        return tuple(float(v) for v in values)

    def slug(self, key: str) -> str:
        """An id that names a file: lowercase letters, digits and hyphens; "" after reporting."""
        value = self.text(key, prose=False)
        if value and not is_slug(value):
            self.error(f"expected an id of a-z, 0-9 and '-' (it names a file), got {excerpt(value)}", key)
            return ""
        return value

    def whole(self, key: str, default: Any = _MISSING, *, low: int | None = None, high: int | None = None) -> int:
        value = self.get(key, int, default)
        if isinstance(value, int) and not within(value, low, high):
            self.error(f"must be {bounds(low, high)}, got {value}", key)
        return value

    def choice(self, key: str, choices: tuple[str, ...], default: Any = _MISSING) -> str:
        value = self.get(key, str, default)
        if isinstance(value, str) and value not in choices:
            self.error(f"expected one of {', '.join(choices)}; got {excerpt(value)}", key)
        return value

    def expr(self, key: str, variables: frozenset[str] = frozenset(), default: Any = _MISSING) -> Expr | None:
        """An expression for the core; a bare number is refused: the core computes answers."""
        self.used.add(key)
        if key not in self.data:
            if default is _MISSING:
                self.error(f"missing required key {key!r}")
            return None
        value = self.data[key]
        if not isinstance(value, str):
            self.error(f"expected an expression in quotes, e.g. 'bce(0.27, 0)'; got {describe(value)}", key)
            return None
        try:
            return parse(value, variables)
        except ExprError as exc:
            self.error(str(exc), key)
            return None

    def items(self, key: str, default: Any = _MISSING) -> list[tuple[Fields | Any, str, int | None]]:
        """The entries of a list at ``key`` as (value, path, line) triples."""
        value = self.get(key, list, default)
        if not isinstance(value, list):
            return []
        lines = value.item_lines if isinstance(value, LList) else [None] * len(value)
        base = join(self.path, key)
        return [(item, f"{base}[{i}]", line) for i, (item, line) in enumerate(zip(value, lines, strict=False))]

    def check_prose(self, text: str, key: str) -> None:
        """Parse every number marker (the checker verifies them) and refuse decimals outside markers."""
        for count, body in enumerate(find_markers(text), 1):
            if count > MAX_MARKERS_PER_TEXT:
                self.error(f"more than {MAX_MARKERS_PER_TEXT} number markers in one text; split it", key)
                break
            self.problems.markers += 1
            if self.problems.markers > MAX_MARKERS:
                if self.problems.markers == MAX_MARKERS + 1:  # said once, where the limit was passed
                    self.error(f"more than {MAX_MARKERS} number markers in the course; the rest are not read", key)
                break
            try:
                marker = parse_marker(body)
            except ExprError as exc:
                self.error(str(exc), key)
            else:
                self.problems.stated.append(StatedNumber(marker.expr, marker.relation, marker.stated, self.where(key)))
        for number in unchecked_numbers(text):
            self.error(
                f"the number {excerpt(number)} is not checked by the core: write it as "
                f"{{{{ EXPR {shorten(number)} }}}}",
                key,
            )

    def check(self, problem: str | None, key: str | None = None) -> None:
        """Report ``problem`` (from a check in ``limits``) at ``key``, if there is one."""
        if problem:
            self.error(problem, key)

    def finish(self) -> None:
        """Report keys nobody asked for: they are typos or unsupported settings."""
        for key in self.data:
            if key not in self.used:
                import difflib

                close = difflib.get_close_matches(str(key), sorted(self.used), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else f" (known: {', '.join(sorted(self.used))})"
                self.error(f"unknown key {excerpt(str(key))}{hint}", key)


def within(value: float, low: float | None, high: float | None) -> bool:
    return math.isfinite(value) and (low is None or value >= low) and (high is None or value <= high)


def bounds(low: float | None, high: float | None) -> str:
    if low is None and high is None:
        return "a finite number"
    if high is None:
        return f"a finite number, at least {low}"
    return f"at most {high}" if low is None else f"between {low} and {high}"


def join(path: str, key: str) -> str:
    key = shorten(key)
    return f"{path}.{key}" if path else key


def describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"text {excerpt(value)}"
    kind = "a number" if isinstance(value, (int, float)) else type(value).__name__
    return f"{kind} {shorten(repr(value))}"


def read_list(fields: Fields, key: str, read: Callable[[Fields], T | None], default: Any = _MISSING) -> tuple[T, ...]:
    """Read each mapping in the list at ``key`` with ``read``; drop the ones that failed."""
    out = []
    for item, path, line in fields.items(key, default):
        entry = Fields(item, fields.file, path, fields.problems, line)
        result = read(entry) if entry.ok else None
        entry.finish()
        if result is not None:
            out.append(result)
    return tuple(out)
