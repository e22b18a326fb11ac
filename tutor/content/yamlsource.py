"""Read YAML safely into plain values that remember where they came from.

PyYAML's safe constructors lose line numbers and silently keep the last of two equal keys, and
its composer recurses once per nesting level. We read the parser's events (the C parser when
present) and build values with an explicit stack: every mapping and sequence keeps the line of
each entry, equal keys are errors, nesting is capped at ``MAX_DEPTH`` levels (no recursion, so no
RecursionError at any depth), aliases are refused, and any tag outside YAML's plain core schema
(``!!python/object`` and friends) is refused, never constructed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tutor.content.errors import SourceError
from tutor.content.files import CourseFiles
from tutor.content.limits import MAX_DEPTH
from tutor.content.located import LList, LMap
from tutor.safe_text import excerpt

try:  # the C parser is several times faster; both are safe because we never construct objects
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

__all__ = ["MAX_DEPTH", "Document", "LList", "LMap", "SourceError", "load_file", "load_text"]

_CORE = "tag:yaml.org,2002:"


@dataclass(frozen=True)
class Document:
    path: Path
    data: Any


def load_file(path: Path, files: CourseFiles) -> Document:
    """Parse one YAML file of a course; raises :class:`SourceError` for unsafe, unreadable, empty or malformed files."""
    raw = files.read(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(path, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return Document(path, load_text(text, path))


def load_text(text: str, path: Path | str = "<string>") -> Any:
    """Parse YAML text into located plain values (see module docstring)."""
    loader = _Loader(text)
    try:
        data = _Builder(path).build(loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "malformed YAML"
        raise SourceError(path, line, f"malformed YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise SourceError(path, None, f"malformed YAML: {exc}") from None
    finally:
        loader.dispose()
    if data is _NOTHING:
        raise SourceError(path, None, "the file is empty")
    return data


_NOTHING: Any = object()
_RESOLVER = yaml.resolver.Resolver()
_SAFE = yaml.constructor.SafeConstructor()
#: Scalar constructors called directly: ``construct_object`` would also remember every node it
#: built in the shared constructor, keeping each loaded file alive for the life of the process.
_SCALAR_BUILDERS = {
    f"{_CORE}int": _SAFE.construct_yaml_int,
    f"{_CORE}float": _SAFE.construct_yaml_float,
    f"{_CORE}bool": _SAFE.construct_yaml_bool,
    f"{_CORE}null": _SAFE.construct_yaml_null,
}


@dataclass
class _Open:
    """A mapping or sequence being filled; a mapping holds its next key until the value arrives."""

    value: LMap | LList
    key: str | None = None
    key_line: int = 0


class _Builder:
    """Turns the parser's events into located values, one event at a time (see module docstring)."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        self.stack: list[_Open] = []
        self.root: Any = _NOTHING
        self.documents = 0

    def build(self, loader: Any) -> Any:
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent):
                raise SourceError(self.path, line, "anchors and aliases (&name, *name) are not supported")
            if isinstance(event, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    raise SourceError(self.path, line, "expected one YAML document, found another (---)")
            elif isinstance(event, yaml.ScalarEvent):
                self._scalar(event, line)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                self._open(event, line)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                self.stack.pop()
        return self.root

    def _open(self, event: yaml.CollectionStartEvent, line: int) -> None:
        is_map = isinstance(event, yaml.MappingStartEvent)
        tag = self._tag(event, yaml.MappingNode if is_map else yaml.SequenceNode, None)
        if tag != f"{_CORE}{'map' if is_map else 'seq'}":
            raise SourceError(self.path, line, f"tag {tag!r} is not allowed (plain YAML only)")
        if self.stack and isinstance(self.stack[-1].value, LMap) and self.stack[-1].key is None:
            raise SourceError(self.path, line, "a key must be plain text, not a list or mapping")
        if len(self.stack) >= MAX_DEPTH:
            raise SourceError(self.path, line, f"nested more than {MAX_DEPTH} levels deep")
        value: LMap | LList
        if is_map:
            value = LMap()
            value.key_lines = {}
        else:
            value = LList()
            value.item_lines = []
        value.line = line
        self._add(value, line)
        self.stack.append(_Open(value))

    def _scalar(self, event: yaml.ScalarEvent, line: int) -> None:
        tag = self._tag(event, yaml.ScalarNode, event.value)
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.value, LMap) and top.key is None:
            if tag == f"{_CORE}merge":
                raise SourceError(self.path, line, "merge keys (<<) are not supported")
            key = self._value(event, tag, line)
            key = key if isinstance(key, str) else str(key)
            if key in top.value:
                raise SourceError(
                    self.path, line, f"duplicate key {excerpt(key)} (first at line {top.value.key_lines[key]})"
                )
            top.key, top.key_line = key, line
            return
        self._add(self._value(event, tag, line), line)

    def _value(self, event: yaml.ScalarEvent, tag: str, line: int) -> Any:
        if tag == f"{_CORE}str":
            return event.value
        if tag == f"{_CORE}timestamp":  # an unquoted date: keep the text the author wrote
            return event.value
        builder = _SCALAR_BUILDERS.get(tag)
        if builder is None:
            raise SourceError(self.path, line, f"tag {tag!r} is not allowed (plain YAML only)")
        try:
            return builder(yaml.ScalarNode(tag, event.value, None, None, event.style))
        except (yaml.YAMLError, ValueError) as exc:
            raise SourceError(self.path, line, f"bad value {excerpt(event.value)}: {exc}") from None

    def _add(self, value: Any, line: int) -> None:
        """Put a finished value (or a new, still empty collection) where it belongs."""
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if isinstance(top.value, LList):
            top.value.append(value)
            top.value.item_lines.append(line)
        else:
            assert top.key is not None
            top.value[top.key] = value
            top.value.key_lines[top.key] = top.key_line
            top.key = None

    @staticmethod
    def _tag(event: Any, kind: type[yaml.Node], value: str | None) -> str:
        """The event's explicit tag, else the one YAML's core schema resolves (as the composer does)."""
        if event.tag is None or event.tag == "!":
            implicit = getattr(event, "implicit", (True, False))
            return str(_RESOLVER.resolve(kind, value, implicit))  # type: ignore[no-untyped-call]
        return str(event.tag)
