"""``CodeView``: a course snippet, syntax-highlighted by Rich's ``Syntax``; shown, never run.

The snippet is handed to Rich as plain text (never markup) with the lexer its section names;
the colours follow the app's dark or light theme and carry no meaning of their own, so the code
reads the same with NO_COLOR. The border names the language.
"""

from __future__ import annotations

from rich.syntax import Syntax
from textual.widgets import Static

from tutor.content.kinds import CodeSection

#: Pygments themes for dark and light app themes (both ship with Pygments).
DARK_THEME, LIGHT_THEME = "monokai", "default"


class CodeView(Static):
    """One snippet: highlighted, wrapped only if the terminal is narrower than the code."""

    DEFAULT_CSS = """
    CodeView {
        height: auto;
        margin: 1 0 0 0;
        padding: 0 1;
        border: round $panel;
        border-title-align: left;
        border-title-color: $text-muted;
    }
    """

    def __init__(self, section: CodeSection) -> None:
        super().__init__(classes="code-section")
        self.section = section
        self.border_title = f"{section.label} · shown, not run"

    def syntax(self) -> Syntax:
        """The snippet as Rich draws it, in the theme's colours."""
        dark = self.app.current_theme.dark if self.is_attached else True
        return Syntax(
            self.section.code,
            self.section.language,
            theme=DARK_THEME if dark else LIGHT_THEME,
            background_color="default",
            word_wrap=True,
            tab_size=4,
        )

    def on_mount(self) -> None:
        self.update(self.syntax())
        self.watch(self.app, "theme", lambda _: self.update(self.syntax()), init=False)

    @property
    def code(self) -> str:
        """The snippet as written (what a screen reader or a test reads)."""
        return self.section.code
