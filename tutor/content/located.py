"""Plain YAML values that remember where they were written (built by ``yamlsource``).

Kept apart from the parser so that code reading these values never imports PyYAML.
"""

from __future__ import annotations

from typing import Any


class LMap(dict[str, Any]):
    """A mapping that knows the line of itself and of each key."""

    line: int
    key_lines: dict[str, int]


class LList(list[Any]):
    """A sequence that knows the line of itself and of each item."""

    line: int
    item_lines: list[int]
