"""``KeysFooter``: Textual's Footer, showing only the keys that fit, without the work it repeats.

Keys that do not fit the width are left out, from the last one back, so the footer never
overflows or garbles (Textual's scrolls them out of sight, under the command palette key docked
over them); ``?`` always shows, and its panel lists every key. The palette key (``ctrl+p``) goes
first, before any of the screen's own keys.

Textual's Footer rebuilds all its keys whenever the screen's bindings signal fires (the screen
mounting, focus moving into a table, a screen resuming), even when the keys it shows are the
same; and in compact style each new key then restyles itself once more as it mounts (its
``compact`` watcher adds the ``-compact`` class). On the course map at start-up that was about a
tenth of the time to the first screen. This footer rebuilds only when what it shows changes,
once however often the signal fires before it does, and gives its keys the ``-compact`` class
before they mount.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen
    from textual.widget import Widget

#: The key that is always shown: its panel lists the keys left out.
HELP_KEY = "question_mark"


def key_cells(widget: Widget, compact: bool) -> int:
    """Cells a footer key takes, margin included, as Textual's Footer styles it (0 for anything
    else: binding groups, which ce-tutor does not use, are kept and not measured)."""
    key = getattr(widget, "key_display", None)
    if key is None:
        return 0
    description = getattr(widget, "description", "")
    if compact:  # "k Description", then a margin of 1
        cells = cell_len(key) + (1 + cell_len(description) if description else 0) + 1
    else:  # " k Description "
        cells = cell_len(key) + 2 + (cell_len(description) + 1 if description else 0)
    if widget.has_class("-command-palette"):
        cells += 1 if compact else 2  # its left border (and, not compact, its right padding)
    return cells


def fit_keys(widgets: list[Widget], width: int, compact: bool) -> list[Widget]:
    """The footer keys that fit in ``width`` cells: the palette key is dropped first, then the
    others from the last one back; the ``?`` key is always kept."""
    kept = list(widgets)

    def overflows() -> bool:  # the last key's margin may fall off the edge
        return sum(key_cells(w, compact) for w in kept) - (1 if compact else 0) > width

    palette = [w for w in kept if w.has_class("-command-palette")]
    others = [w for w in kept if getattr(w, "key", None) not in (None, HELP_KEY) and w not in palette]
    for widget in [*palette, *reversed(others)]:
        if not overflows():
            break
        kept.remove(widget)
    return kept


class KeysFooter(Footer):
    """A Footer (same look, same keys) that shows the keys that fit and recomposes only when they change."""

    _shown: tuple | None = None
    _fitted: tuple[str, ...] | None = None
    _pending = False
    """A rebuild is scheduled (Textual's Footer schedules one per signal, after the next refresh)."""

    def _keys_shown(self, screen: Screen) -> tuple:
        """What the footer would show for ``screen`` now: the keys in it and their state."""
        palette = self.app.COMMAND_PALETTE_BINDING
        return tuple(
            (binding.key, binding.key_display, binding.action, binding.description, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
            if binding.show or key == palette
        )

    def _width(self) -> int:
        return self.size.width or self.app.size.width  # docked across the screen

    def compose(self) -> ComposeResult:
        shown = self._keys_shown(self.screen) if self.is_attached else None
        widgets = list(super().compose())
        for widget in widgets:
            # A key (the only part with a ``compact`` reactive; Textual does not export its
            # class) gets the class its compact watcher would add on mount, restyling it: in a
            # compact footer every key, else the palette key (not bound to the footer's style).
            if getattr(type(widget), "compact", None) is not None and (
                self.compact or widget.has_class("-command-palette")
            ):
                widget.add_class("-compact", update=False)
        self._pending = False
        kept = fit_keys(widgets, self._width(), self.compact)
        self._fitted = tuple(getattr(w, "key", "") for w in kept)
        yield from kept
        self._shown = shown if widgets else None  # nothing shown yet: the next signal composes

    def bindings_changed(self, screen: Screen) -> None:
        here = self.is_attached and screen is self.screen
        if here and (self._pending or (self._shown is not None and self._keys_shown(screen) == self._shown)):
            return
        # Textual's Footer notes that the keys are ready, and schedules a rebuild when the app has focus.
        self._pending = here and screen.app.app_focus
        super().bindings_changed(screen)

    def on_resize(self) -> None:
        """Compose again when the width lets more keys in, or fewer."""
        if self._pending or self._shown is None or not self.is_attached:
            return  # a rebuild is coming anyway, or there is nothing shown yet
        widgets = list(super().compose())
        if tuple(getattr(w, "key", "") for w in fit_keys(widgets, self._width(), self.compact)) != self._fitted:
            self._pending = True
            self.call_after_refresh(self.recompose)
