"""``code``: a short snippet shown with syntax highlighting; it is text to read, never executed.

The course shows what library calls look like and where the classic bugs sit. A snippet is
data like any other course text: the UI highlights it (Rich's ``Syntax``) and nothing runs it.
Its language must be one the highlighter is asked for by name, and its size is bounded so that
a snippet fits a screen and a 60-column terminal.
"""

from __future__ import annotations

from tutor.content.fields import Fields
from tutor.content.kinds.base import SectionBase

#: Languages a snippet may name, and how the UI labels them.
LANGUAGES = {"python": "Python", "pycon": "Python session", "text": "Text"}
#: At most this many lines and this many columns per line.
MAX_LINES = 24
MAX_COLUMNS = 72


class CodeSection(SectionBase, frozen=True, tag="code"):
    """A snippet in a named language, highlighted and never run, with an optional caption."""

    WIDGET = "tutor.ui.widgets.code:CodeView"

    language: str
    code: str
    caption: str = ""

    @classmethod
    def read(cls, f: Fields) -> CodeSection:
        language = f.choice("language", tuple(LANGUAGES))
        code = f.text("code", prose=False).rstrip("\n")
        for problem in code_problems(code):
            f.error(problem, "code")
        return cls(language=language, code=code, caption=f.text("caption", ""))

    @property
    def label(self) -> str:
        """The language as the learner reads it."""
        return LANGUAGES.get(self.language, self.language)

    def lesson_caption(self) -> str:
        return self.caption


def code_problems(code: str) -> list[str]:
    """Why ``code`` cannot be shown as a snippet ([] when it can)."""
    lines = code.split("\n")
    problems = []
    if len(lines) > MAX_LINES:
        problems.append(f"{len(lines)} lines; a snippet has at most {MAX_LINES}")
    wide = [i + 1 for i, line in enumerate(lines) if len(line) > MAX_COLUMNS]
    if wide:
        problems.append(f"line {wide[0]} of the snippet is wider than {MAX_COLUMNS} columns")
    if "\t" in code:
        problems.append("a tab in the snippet: indent with spaces (a tab's width depends on the terminal)")
    return problems
