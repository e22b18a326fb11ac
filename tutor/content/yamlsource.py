"""Read YAML safely into plain values that remember where they came from.

PyYAML's safe constructors lose line numbers and silently keep the last of two equal keys.
We compose the node tree with the safe (C when present) loader and build values ourselves:
every mapping and sequence keeps the line of each entry, equal keys are errors, and any tag
outside YAML's plain core schema (``!!python/object`` and friends) is refused, never constructed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tutor.content.located import LList, LMap

try:  # the C composer is several times faster; both are safe because we never construct
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_CORE = "tag:yaml.org,2002:"


class SourceError(Exception):
    """A file that cannot be read as YAML at all; carries ``file:line: message``."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = str(path), line, message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Document:
    path: Path
    data: Any


def load_file(path: Path) -> Document:
    """Parse one YAML file; raises :class:`SourceError` for unreadable, empty or malformed files."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourceError(path, None, "file not found") from None
    except UnicodeDecodeError as exc:
        raise SourceError(path, None, f"not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise SourceError(path, None, exc.strerror or str(exc)) from None
    return Document(path, load_text(text, path))


def load_text(text: str, path: Path | str = "<string>") -> Any:
    """Parse YAML text into located plain values (see module docstring)."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "malformed YAML"
        raise SourceError(path, line, f"malformed YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise SourceError(path, None, f"malformed YAML: {exc}") from None
    if node is None:
        raise SourceError(path, None, "the file is empty")
    return _build(node, path)


_SAFE = yaml.constructor.SafeConstructor()
#: Scalar constructors called directly: ``construct_object`` would also remember every node it
#: built in the shared constructor, keeping each loaded file alive for the life of the process.
_SCALAR_BUILDERS = {
    f"{_CORE}int": _SAFE.construct_yaml_int,
    f"{_CORE}float": _SAFE.construct_yaml_float,
    f"{_CORE}bool": _SAFE.construct_yaml_bool,
    f"{_CORE}null": _SAFE.construct_yaml_null,
}


def _build(node: yaml.Node, path: Path | str, seen: set[int] | None = None) -> Any:
    """Build a located value; ``seen`` guards against aliases (and so against alias bombs)."""
    seen = set() if seen is None else seen
    line = node.start_mark.line + 1
    if isinstance(node, yaml.CollectionNode):
        if id(node) in seen:
            raise SourceError(path, line, "anchors and aliases (&name, *name) are not supported")
        seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        return _build_map(node, path, line, seen)
    if isinstance(node, yaml.SequenceNode):
        _require_tag(node, f"{_CORE}seq", path, line)
        out = LList(_build(item, path, seen) for item in node.value)
        out.line, out.item_lines = line, [item.start_mark.line + 1 for item in node.value]
        return out
    if node.tag == f"{_CORE}timestamp":  # an unquoted date: keep the text the author wrote
        return node.value
    if node.tag not in _SCALAR_BUILDERS and node.tag != f"{_CORE}str":
        raise SourceError(path, line, f"tag {node.tag!r} is not allowed (plain YAML only)")
    if node.tag == f"{_CORE}str":
        return node.value
    try:
        return _SCALAR_BUILDERS[node.tag](node)
    except (yaml.YAMLError, ValueError) as exc:
        raise SourceError(path, line, f"bad value {node.value!r}: {exc}") from None


def _require_tag(node: yaml.Node, tag: str, path: Path | str, line: int) -> None:
    if node.tag != tag:
        raise SourceError(path, line, f"tag {node.tag!r} is not allowed (plain YAML only)")


def _build_map(node: yaml.MappingNode, path: Path | str, line: int, seen: set[int]) -> LMap:
    _require_tag(node, f"{_CORE}map", path, line)
    out = LMap()
    out.line, out.key_lines = line, {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if key_node.tag == f"{_CORE}merge":
            raise SourceError(path, key_line, "merge keys (<<) are not supported")
        key = _build(key_node, path, seen)
        if not isinstance(key, str):
            key = str(key)
        if key in out:
            raise SourceError(path, key_line, f"duplicate key {key!r} (first at line {out.key_lines[key]})")
        out[key] = _build(value_node, path, seen)
        out.key_lines[key] = key_line
    return out
