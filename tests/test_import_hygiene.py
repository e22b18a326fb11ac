"""What importing pulls in, checked in fresh interpreters.

* The logic below the UI (core, content, quiz, plots, explorers, progress, lab, worked tables,
  the exercise track) never imports Textual: it must stay usable and testable without a terminal.
* The app and its first screen (the course map) never import numpy or plotext: start-up
  stays fast, and the heavy modules load when a lesson or quiz is opened.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "content" / "fixtures" / "mini"

PURE = [
    "tutor.core",
    "tutor.content",
    "tutor.quiz",
    "tutor.plots",
    "tutor.plots.figures",
    "tutor.explorers",
    "tutor.progress",
    "tutor.study",
    "tutor.lab",
    "tutor.exercises.catalog",
    "tutor.exercises.commands",
    "tutor.exercises.runner",
    "tutor.exercises.track",
    "tutor.exercises.child",
    "tutor.safe_text",
    "tutor.cli_output",
    "tutor.cli_progress",
]
HEAVY = ("numpy", "plotext", "textual_plotext")


def _modules_after(code: str) -> set[str]:
    """The top-level package names in sys.modules after running ``code`` in a new interpreter."""
    script = (
        textwrap.dedent(code)
        + "\nimport sys, json\nprint(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("module", PURE)
def test_logic_does_not_import_textual(module):
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} does not exist yet")
    loaded = _modules_after(f"import {module}")
    assert "textual" not in loaded


def test_app_import_is_light():
    loaded = _modules_after("import tutor.ui.app")
    assert "textual" in loaded
    assert not loaded & set(HEAVY)


def test_home_screen_is_built_without_numpy_or_plotext(tmp_path):
    loaded = _modules_after(
        f"""
        import asyncio, os
        os.environ["CE_TUTOR_HOME"] = {str(tmp_path)!r}
        from tutor.content import load_course
        from tutor.ui.app import TutorApp

        async def main():
            app = TutorApp(load_course({str(MINI)!r}), cursor_blink=False)
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                assert type(app.screen).__name__ == "HomeScreen", app.screen
                assert app.screen.query_one("LessonTable").row_count == 1
                await pilot.press("question_mark")  # the help panel is light too
                await pilot.pause()
                assert type(app.screen).__name__ == "HelpScreen"

        asyncio.run(main())
        """
    )
    assert "textual" in loaded
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


def test_lesson_screen_does_load_the_heavy_parts_when_opened(tmp_path):
    """The counterpart: opening a lesson with plots is what imports numpy (lazily, at push time)."""
    loaded = _modules_after(
        f"""
        import asyncio, os
        os.environ["CE_TUTOR_HOME"] = {str(tmp_path)!r}
        from tutor.content import load_course
        from tutor.ui.app import TutorApp
        from tutor.ui.start import OpenLesson

        async def main():
            app = TutorApp(load_course({str(MINI)!r}), start=OpenLesson("basics"), cursor_blink=False)
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                assert type(app.screen).__name__ == "LessonScreen"

        asyncio.run(main())
        """
    )
    assert "numpy" in loaded


# ----- the layer rule, read from the source (every module, including ones imported lazily) -------

#: Everything outside tutor/ui: pure logic, never importing Textual or the UI.
PURE_SOURCES = sorted(p for p in (ROOT / "tutor").rglob("*.py") if "ui" not in p.relative_to(ROOT / "tutor").parts)
#: The one place allowed to start the UI from outside it: the command line opens the app.
UI_STARTERS = {"tutor/cli.py", "tutor/exercises/commands.py"}


def _imported(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import in ``path``, at any depth (function-level imports too)."""
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.lineno, node.module))
    return found


@pytest.mark.parametrize("path", PURE_SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_pure_code_never_imports_textual_or_the_ui(path: Path) -> None:
    where = str(path.relative_to(ROOT))
    for line, module in _imported(path):
        assert module.split(".")[0] not in ("textual", "textual_plotext"), f"{where}:{line} imports {module}"
        if where not in UI_STARTERS:
            assert not module.startswith("tutor.ui"), f"{where}:{line} imports {module}"


def test_the_core_imports_nothing_of_ours() -> None:
    for line, module in _imported(ROOT / "tutor" / "core.py"):
        assert not module.startswith("tutor"), f"tutor/core.py:{line} imports {module}"
