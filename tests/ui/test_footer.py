"""KeysFooter shows what Textual's Footer shows, rebuilding only when that changes."""

from __future__ import annotations

import itertools

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


class Many(App):
    """A screen with more keys than a narrow footer holds, the ? key last (as the app binds it)."""

    BINDINGS = [
        *(
            Binding(key, f"noop('{key}')", description)
            for key, description in zip(
                "abcdef", ["Open", "Quiz", "Practice", "Review", "Quit", "Exercises"], strict=True
            )
        ),
        Binding("question_mark", "noop('?')", "Keys", key_display="?"),
    ]

    def compose(self) -> ComposeResult:
        yield Static("plain")
        yield KeysFooter(compact=True)

    def action_noop(self, key: str) -> None:
        pass


def _shown_keys(app) -> list[str]:
    return [key.key for key in app.screen.query_one(KeysFooter).query("FooterKey")]


def _footer_cells(app) -> int:
    """Cells the footer's keys take, as laid out (the last key's margin may fall off the edge)."""
    keys = list(app.screen.query_one(KeysFooter).query("FooterKey"))
    return max(key.region.right for key in keys) - min(key.region.x for key in keys)


async def test_keys_that_do_not_fit_are_left_to_the_help_key():
    app = Many()
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        assert _shown_keys(app) == [*"abcdef", "question_mark", "ctrl+p"]  # all of them, and the palette
        await pilot.resize_terminal(60, 10)
        await pilot.pause()
        await pilot.pause()
        shown = _shown_keys(app)
        assert "ctrl+p" not in shown  # the palette key goes first
        assert shown == [*"abcdef"[: len(shown) - 1], "question_mark"]  # the first keys, in order
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        await pilot.pause()
        shown = _shown_keys(app)
        assert shown == [*"abcdef"[: len(shown) - 1], "question_mark"]
        assert len(shown) < 7
        footer = app.screen.query_one(KeysFooter)
        keys = list(footer.query("FooterKey"))
        assert all(key.region.right <= footer.region.right for key in keys)  # nothing overflows or overlaps
        assert all(a.region.right <= b.region.x for a, b in itertools.pairwise(keys))
        await pilot.resize_terminal(100, 10)
        await pilot.pause()
        await pilot.pause()
        assert _shown_keys(app) == [*"abcdef", "question_mark", "ctrl+p"]  # back, when there is room


def test_fit_keys_keeps_the_help_key_and_drops_from_the_end():
    from textual.widgets._footer import FooterKey  # a test may look inside; the footer never does

    from tutor.ui.widgets.footer import fit_keys, key_cells

    keys = [
        FooterKey(k, shown, d, "noop")
        for k, shown, d in (("a", "a", "Open"), ("b", "b", "Quiz"), ("question_mark", "?", "Keys"))
    ]
    assert [key_cells(k, compact=True) for k in keys] == [7, 7, 7]  # "a Open" and a margin
    assert [k.key for k in fit_keys(keys, 20, compact=True)] == ["a", "b", "question_mark"]  # the last margin may go
    assert [k.key for k in fit_keys(keys, 19, compact=True)] == ["a", "question_mark"]
    assert [k.key for k in fit_keys(keys, 5, compact=True)] == ["question_mark"]  # never dropped
