"""The registry of kinds: one module per kind, looked up by name, and nobody else switching on kinds."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tutor.content import kinds
from tutor.content.kinds import QUESTIONS, SECTIONS, QuestionBase, SectionBase

ROOT = Path(__file__).resolve().parents[2]
KIND_CLASSES = {cls.__name__ for cls in (*SECTIONS.values(), *QUESTIONS.values())}
KIND_NAMES = set(SECTIONS) | set(QUESTIONS)


def test_every_kind_is_registered_under_its_own_name() -> None:
    assert set(SECTIONS) == {"text", "formula", "worked", "plot", "explorer", "lab"} | (set(SECTIONS) - {"text"})
    for name, cls in SECTIONS.items():
        assert issubclass(cls, SectionBase) and cls.__struct_config__.tag == name
        assert cls.__module__ == f"tutor.content.kinds.{name}", "a kind lives in a module named for it"
    for name, cls in QUESTIONS.items():
        assert issubclass(cls, QuestionBase) and cls.__struct_config__.tag == name
        assert cls.__module__ == f"tutor.content.kinds.{name}"


def test_the_unions_and_the_tables_list_the_same_kinds() -> None:
    assert set(kinds.Section.__args__) == set(SECTIONS.values())
    assert set(kinds.Question.__args__) == set(QUESTIONS.values())


def test_every_section_kind_names_a_widget_module_in_the_ui() -> None:
    for cls in SECTIONS.values():
        if cls.__struct_config__.tag == "explorer":
            from tutor.content.kinds.explorer import EXPLORERS

            names = list(EXPLORERS.values())
        else:
            names = [cls.WIDGET]
        for name in names:
            module, _, attribute = name.partition(":")
            assert module.startswith("tutor.ui.widgets.") and attribute, name


def _switches_on_kinds(path: Path) -> list[str]:
    """Places in ``path`` that test for a kind class or compare ``.kind`` with a kind's name."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "isinstance" and len(node.args) == 2:
            names = {n.id for n in ast.walk(node.args[1]) if isinstance(n, ast.Name)}
            names |= {n.attr for n in ast.walk(node.args[1]) if isinstance(n, ast.Attribute)}
            if names & KIND_CLASSES:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} isinstance(…, {', '.join(sorted(names))})")
        if isinstance(node, ast.Compare) and isinstance(node.left, ast.Attribute) and node.left.attr == "kind":
            named = {c.value for c in ast.walk(node) if isinstance(c, ast.Constant) and isinstance(c.value, str)}
            if named & KIND_NAMES:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} compares .kind with {sorted(named)}")
    return found


@pytest.mark.parametrize("package", ["tutor"])
def test_nobody_outside_the_kinds_switches_on_kinds(package: str) -> None:
    """An unknown kind must be an error, never a default: kinds are looked up, not tested for."""
    kinds_dir = ROOT / "tutor" / "content" / "kinds"
    offenders = []
    for path in sorted((ROOT / package).rglob("*.py")):
        if kinds_dir not in path.parents:
            offenders += _switches_on_kinds(path)
    assert offenders == []
