"""``KeysFooter``: Textual's Footer, without the work it repeats while a screen starts.

Textual's Footer rebuilds all its keys whenever the screen's bindings signal fires (the screen
mounting, focus moving into a table, a screen resuming), even when the keys it shows are the
same; and in compact style each new key then restyles itself once more as it mounts (its
``compact`` watcher adds the ``-compact`` class). On the course map at start-up that was about a
tenth of the time to the first screen. This footer rebuilds only when what it shows changes,
and gives its keys the ``-compact`` class before they mount.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen


class KeysFooter(Footer):
    """A Footer (same look, same keys) that recomposes only when its keys change."""

    _shown: tuple | None = None

    def _keys_shown(self, screen: Screen) -> tuple:
        """What the footer would show for ``screen`` now: the keys in it and their state."""
        palette = self.app.COMMAND_PALETTE_BINDING
        return tuple(
            (binding.key, binding.key_display, binding.action, binding.description, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
            if binding.show or key == palette
        )

    def compose(self) -> ComposeResult:
        shown = self._keys_shown(self.screen) if self.is_attached else None
        composed = False
        for widget in super().compose():
            composed = True
            # A key (the only part with a ``compact`` reactive; Textual does not export its
            # class) gets the class its compact watcher would add on mount, restyling it: in a
            # compact footer every key, else the palette key (not bound to the footer's style).
            if getattr(type(widget), "compact", None) is not None and (
                self.compact or widget.has_class("-command-palette")
            ):
                widget.add_class("-compact", update=False)
            yield widget
        self._shown = shown if composed else None  # nothing shown yet: the next signal composes

    def bindings_changed(self, screen: Screen) -> None:
        unchanged = self._shown is not None and self.is_attached and screen is self.screen
        if unchanged and self._keys_shown(screen) == self._shown:
            return
        super().bindings_changed(screen)
