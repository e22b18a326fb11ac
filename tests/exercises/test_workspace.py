"""The workspace: created once and never overwritten; a reset keeps the learner's version."""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

import pytest

from tutor.exercises.catalog import ATOL, EXERCISES, RTOL
from tutor.exercises.workspace import (
    TaskLine,
    WorkspaceError,
    init_workspace,
    is_workspace,
    reset,
    signature,
    starter_text,
    task_lines,
)

NAMES = [item.name for item in EXERCISES]


def test_init_writes_a_readme_and_one_starting_file_per_exercise(tmp_path: Path) -> None:
    directory = tmp_path / "deep" / "ex"
    written = init_workspace(directory)
    assert sorted(path.name for path in written) == sorted(["README.md", *(f"{name}.py" for name in NAMES)])
    assert is_workspace(directory)
    for item in EXERCISES:
        assert (directory / item.filename).read_text(encoding="utf-8") == starter_text(item)
    readme = (directory / "README.md").read_text(encoding="utf-8")
    assert f"ce-tutor exercises --dir {directory}" in readme
    assert all(f"`{name}.py`" in readme for name in NAMES)


def test_init_accepts_an_empty_folder(tmp_path: Path) -> None:
    init_workspace(tmp_path)
    assert is_workspace(tmp_path)


@pytest.mark.parametrize("existing", ["notes.txt", "bce.py"])
def test_init_refuses_a_folder_that_is_not_empty_and_changes_nothing(tmp_path: Path, existing: str) -> None:
    (tmp_path / existing).write_text("mine", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="already exists and is not empty; nothing was written"):
        init_workspace(tmp_path)
    assert [path.name for path in tmp_path.iterdir()] == [existing]
    assert (tmp_path / existing).read_text(encoding="utf-8") == "mine"


def test_init_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "ex").write_text("", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="is not a folder"):
        init_workspace(tmp_path / "ex")


def test_reset_keeps_every_version_as_a_backup(workspace: Path) -> None:
    item = EXERCISES[1]
    path = workspace / item.filename
    path.write_text("first try", encoding="utf-8")
    assert reset(workspace, item) == workspace / "bce.py.bak"
    assert path.read_text(encoding="utf-8") == starter_text(item)
    path.write_text("second try", encoding="utf-8")
    assert reset(workspace, item) == workspace / "bce.py.bak2"
    assert (workspace / "bce.py.bak").read_text(encoding="utf-8") == "first try"
    assert (workspace / "bce.py.bak2").read_text(encoding="utf-8") == "second try"


def test_reset_of_a_deleted_file_writes_it_again(workspace: Path) -> None:
    item = EXERCISES[0]
    (workspace / item.filename).unlink()
    assert reset(workspace, item) is None
    assert (workspace / item.filename).read_text(encoding="utf-8") == starter_text(item)


def test_signature_changes_on_a_save_by_rename_even_with_the_same_size_and_time(workspace: Path) -> None:
    import os

    path = workspace / "bce.py"
    before = signature(path)
    assert before is not None
    other = workspace / "other"
    other.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    os.utime(other, ns=(before[0], before[0]))
    os.replace(other, path)
    assert signature(path) != before
    path.unlink()
    assert signature(path) is None


# ----- the starting files --------------------------------------------------------------------


def _function(item_name: str) -> tuple[ast.Module, ast.FunctionDef]:
    tree = ast.parse(starter_text(next(item for item in EXERCISES if item.name == item_name)))
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert len(functions) == 1
    return tree, functions[0]


@pytest.mark.parametrize("name", NAMES)
def test_starting_file_states_the_task_signature_tolerance_and_a_todo(name: str) -> None:
    item = next(item for item in EXERCISES if item.name == name)
    text = starter_text(item)
    tree, function = _function(name)
    docstring = ast.get_docstring(tree)
    assert docstring and f"Exercise {NAMES.index(name) + 1} of {len(NAMES)}" in docstring
    assert f"Task: write {item.signature}." in docstring
    assert f"rtol {RTOL:.0e}".replace("e-0", "e-") in docstring and f"atol {ATOL:.0e}".replace("e-0", "e-") in docstring
    assert f"ce-tutor exercises check {name}" in docstring
    assert function.name == name and [arg.arg for arg in function.args.args] == list(item.params)
    assert "# TODO" in text


@pytest.mark.parametrize("name", NAMES)
def test_starting_file_gives_nothing_away(name: str) -> None:
    """The body is one `raise NotImplementedError(...)`: no formula, no partial answer."""
    _, function = _function(name)
    (statement,) = function.body
    assert isinstance(statement, ast.Raise) and isinstance(statement.exc, ast.Call)
    assert getattr(statement.exc.func, "id", None) == "NotImplementedError"


def test_the_two_fixed_exercises_are_where_other_tools_expect_them() -> None:
    fixed = {item.filename: item.signature for item in EXERCISES}
    assert fixed["bce_with_logits.py"] == "bce_with_logits(z, y)"
    assert fixed["cross_entropy.py"] == "cross_entropy(logits, labels)"


@pytest.mark.parametrize("item", EXERCISES, ids=NAMES)
def test_the_task_on_screen_is_the_files_docstring_unwrapped(item) -> None:
    """Every word of the docstring (but its title line) is kept, in order; the task line names the
    function; items are the indented lines, and no prose line was left hard-wrapped mid-sentence."""
    lines = task_lines(item)
    docstring = ast.get_docstring(ast.parse(starter_text(item))) or ""
    assert " ".join(part.text for part in lines).split() == docstring.partition("\n")[2].split()
    assert TaskLine(f"Task: write {item.signature}.", item=False, new_paragraph=True) in lines
    assert any(part.item for part in lines)
    for before, after in itertools.pairwise(lines):
        if not after.new_paragraph and not after.item and not before.item:
            assert before.text.endswith(":"), (before.text, after.text)
