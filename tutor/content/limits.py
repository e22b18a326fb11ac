"""What a course may contain and what it may cost: course files are untrusted data.

A course can come from anyone (``--content DIR``), so every cost it can cause is bounded here,
and every value that reaches a terminal or ``format()`` is checked first. The limits are far
above what a real course needs (the bundled lessons are 5–20 KB, nested 8 levels deep, with
formats like ``.3f``) and far below what would hurt.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any, TypeAlias

from tutor.safe_text import describe_char, excerpt, first_unsafe, shorten

#: One course file (course.yaml or a lesson), and the whole course.
MAX_FILE_BYTES = 1 << 20
MAX_COURSE_BYTES = 20 << 20
#: Nested mappings and lists in one file. The builder is iterative, so this is a policy, not a
#: guard against Python's recursion limit (the old recursive builder failed at about 330 levels).
MAX_DEPTH = 64
#: A worked-table column's number format (``kinds.worked.format_problem``): ``format()`` allocates
#: width and precision up front.
MAX_FORMAT_WIDTH = 40
MAX_FORMAT_PRECISION = 17
#: A generated question draws numbers in [-MAX_DRAW, MAX_DRAW]; ``check`` grades its answer at
#: every draw the learner can be asked, so their number is capped (the bundled course has at most
#: a few thousand per question).
MAX_DRAW = 1e6
MAX_DRAWS = 20_000
#: Cells of one worked table (rows × columns): each is computed by the core, then drawn.
MAX_WORKED_CELLS = 1000
#: Number markers in one text and in the whole course: each is parsed, then computed by ``check``
#: (the bundled lessons have at most 5 per text and 22 per lesson; a 500-lesson course must load).
MAX_MARKERS_PER_TEXT = 1000
MAX_MARKERS = 50_000
#: Problems kept for one course: a hostile file can make one per line; the rest are counted.
MAX_PROBLEMS = 1000

SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


def is_slug(text: str) -> bool:
    """Lesson ids name files: lowercase letters, digits and hyphens, never a path."""
    return SLUG.fullmatch(text) is not None


#: A path in a document as a chain of (parent, key or index) links.
_Path: TypeAlias = "tuple[_Path, str | int] | None"


def draws_problem(values_per_draw: list[int]) -> str | None:
    """Too many draws to check (``values_per_draw``: how many values each variable can take)?"""
    draws = math.prod(values_per_draw)
    if draws > MAX_DRAWS:
        return (
            f"{draws} possible draws, more than the {MAX_DRAWS} ce-tutor check verifies: "
            "use fewer decimals, a narrower range or fewer choices"
        )
    return None


def worked_cells_problem(rows: int, columns: int) -> str | None:
    if rows * columns > MAX_WORKED_CELLS:
        return (
            f"{rows} rows × {columns} columns is {rows * columns} cells; a worked table has at most {MAX_WORKED_CELLS}"
        )
    return None


def unsafe_strings(data: Any) -> Iterator[tuple[int | None, str, str]]:
    """(line, path, message) for each key or string value holding a control or bidi character.

    Walks the located values of ``yamlsource`` with an explicit stack (no recursion, whatever the
    depth); a path is spelled out only for a problem, so long keys are never copied per value.
    """
    stack: list[tuple[Any, _Path, int | None]] = [(data, None, getattr(data, "line", None))]
    while stack:
        value, path, line = stack.pop()
        if isinstance(value, str):
            problem = _unsafe(value)
            if problem:
                yield line, _spell(path), problem
        elif isinstance(value, dict):
            key_lines = getattr(value, "key_lines", {})
            for key, item in value.items():
                problem = _unsafe(key) if isinstance(key, str) else None
                if problem:
                    yield key_lines.get(key, line), _spell(path), f"a key {problem}"
                else:
                    stack.append((item, (path, str(key)), key_lines.get(key, line)))
        elif isinstance(value, list):
            item_lines = getattr(value, "item_lines", [line] * len(value))
            stack.extend((item, (path, i), item_lines[i]) for i, item in enumerate(value))


def _spell(path: Any) -> str:
    """``quiz.questions[0].prompt`` from a chain of links (long keys shortened)."""
    parts: list[str] = []
    while path is not None:
        path, step = path
        if isinstance(step, int):
            parts.append(f"[{step}]")
        else:
            parts.append(("." if path is not None else "") + shorten(step))
    return "".join(reversed(parts))


def _unsafe(text: str) -> str | None:
    at = first_unsafe(text)
    if at is None:
        return None
    return f"contains {describe_char(text[at])} at character {at + 1}: {excerpt(text[max(0, at - 10) :])}"
