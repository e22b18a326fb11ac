"""KeysFooter shows what Textual's Footer shows, rebuilding only when that changes."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static

from tutor.ui.widgets.footer import KeysFooter


class Knob(Static, can_focus=True):
    BINDINGS = [Binding("left", "noop", "Turn left"), Binding("x", "noop", "Hidden", show=False)]

    def action_noop(self) -> None:
        pass


class Host(App):
    BINDINGS = [Binding("n", "noop", "Next"), Binding("p", "noop", "Previous")]

    def __init__(self, footer: type[Footer], compact: bool) -> None:
        super().__init__()
        self.footer_type, self.compact = footer, compact

    def compose(self) -> ComposeResult:
        yield Static("plain", id="plain")
        yield Knob("knob", id="knob")
        yield self.footer_type(compact=self.compact)

    def action_noop(self) -> None:
        pass


def _shown(app) -> list[tuple[str, str, bool]]:
    keys = app.screen.query_one(Footer).query("FooterKey")
    return [(key.key, key.description, key.has_class("-compact")) for key in keys]


async def _caught_up(pilot) -> list[tuple[str, str, bool]]:
    """The keys the footer shows, once it shows those the screen's bindings call for: a footer
    rebuilds a refresh or two after focus moves, sooner or later depending on the machine."""
    screen = pilot.app.screen
    for _ in range(200):
        await pilot.pause()
        first_per_action: dict[str, str] = {}  # a footer shows one key per action
        for key, (_node, binding, _enabled, _tooltip) in screen.active_bindings.items():
            if binding.show:
                first_per_action.setdefault(binding.action, key)
            elif key == pilot.app.COMMAND_PALETTE_BINDING:
                first_per_action["palette"] = key
        if sorted(key for key, _, _ in _shown(pilot.app)) == sorted(first_per_action.values()):
            return _shown(pilot.app)
    raise AssertionError(f"the footer never showed the screen's keys: {_shown(pilot.app)}")


async def _walk(footer: type[Footer], compact: bool) -> list:
    app = Host(footer, compact)
    seen = []
    async with app.run_test(size=(80, 10)) as pilot:
        seen.append(await _caught_up(pilot))
        app.screen.set_focus(None)
        seen.append(await _caught_up(pilot))
        app.screen.query_one("#knob").focus()
        seen.append(await _caught_up(pilot))
        app.screen.set_focus(None)
        seen.append(await _caught_up(pilot))
    return seen


async def test_same_keys_as_textuals_footer_as_focus_moves():
    for compact in (True, False):
        ours, theirs = await _walk(KeysFooter, compact), await _walk(Footer, compact)
        assert ours == theirs
        assert not any(description == "Turn left" for _, description, _ in ours[1])
        assert any(description == "Turn left" for _, description, _ in ours[2])
        assert not any(description == "Turn left" for _, description, _ in ours[3])


async def test_rebuilds_only_when_the_keys_change():
    app = Host(KeysFooter, True)
    async with app.run_test(size=(80, 10)) as pilot:
        app.screen.set_focus(None)
        await pilot.pause()
        footer = app.screen.query_one(KeysFooter)
        first = list(footer.query("FooterKey"))
        app.screen.refresh_bindings()  # the signal fires; the keys shown are the same
        await pilot.pause()
        assert list(footer.query("FooterKey")) == first
        app.screen.query_one("#knob").focus()
        await pilot.pause()
        assert list(footer.query("FooterKey")) != first
