"""The ``?`` panel: every key the screen underneath answers to, with what it does."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tutor.ui.text import plain


def key_lines(screen: Screen) -> list[tuple[str, str]]:
    """(keys, description) for each action bound on ``screen`` right now, keys with one description merged.

    The screen's own keys come first, then those of the widgets around the focused one
    (outermost first: an answer widget's keys before its option list's), then general ones
    (focus movement, copy, the app's keys).
    """
    app = screen.app
    merged: dict[tuple[int, str], tuple[list[str], str]] = {}
    own = {b.action for b in type(screen).BINDINGS if isinstance(b, Binding)}

    def rank(item: tuple[str, ActiveBinding]) -> tuple[int, int]:
        node, action = item[1].node, item[1].binding.action
        if node is screen:
            return (0, 0) if action in own else (2, 0)
        return (2, 0) if node is app else (1, len(node.ancestors))

    actives = sorted(screen.active_bindings.items(), key=rank)
    for key, active in actives:
        binding = active.binding
        description = binding.description or binding.tooltip
        if not description:
            continue
        slot = (id(active.node), description)
        keys, _ = merged.setdefault(slot, ([], description))
        shown = app.get_key_display(Binding(key, binding.action, key_display=binding.key_display))
        if shown not in keys:
            keys.append(shown)
    return [(" / ".join(keys), description) for keys, description in merged.values()]


class HelpScreen(ModalScreen[None]):
    """A modal listing the keys; Esc, ? or q closes it."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="close"),
        Binding("q", "dismiss", "Close", show=False),
    ]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.lines = key_lines(under)
        self._note = getattr(under, "HELP_NOTE", "")
        self._where = under.title or "ce-tutor"

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 2, 0, 0))
        table.add_column(justify="right", style="bold", no_wrap=True)
        table.add_column()
        for keys, what in self.lines:
            table.add_row(keys, what)
        with VerticalScroll(id="help-panel") as panel:
            panel.border_title = plain(f"Keys — {self._where}")  # a border title is markup otherwise
            panel.border_subtitle = "Esc closes"
            if self._note:
                yield Static(self._note, id="help-note", markup=False)
            yield Static(table, id="help-keys")
