"""Explorer widgets: keys move the state, the readout shows the core's numbers, the marker follows."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Button

from tutor import core
from tutor.explorers import ProbabilityExplorer, SoftmaxExplorer
from tutor.ui.widgets.explorer import ProbabilityExplorerWidget, SoftmaxExplorerWidget
from tutor.ui.widgets.plot import FigurePlot

SIZE = (120, 40)


class Host(App):
    """A tiny app holding one explorer (and a button, to check focus can leave it)."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.widget = widget
        self.changes: list = []

    def compose(self) -> ComposeResult:
        yield self.widget
        yield Button("after")

    def on_mount(self) -> None:
        self.widget.focus()

    def on_probability_explorer_widget_changed(self, message: ProbabilityExplorerWidget.Changed) -> None:
        self.changes.append(message)

    def on_softmax_explorer_widget_changed(self, message: SoftmaxExplorerWidget.Changed) -> None:
        self.changes.append(message)


def four(v: float) -> str:
    """How a mid-range number reads in the readout (4 decimals, a true minus sign), formatted
    independently here."""
    return f"{v:.4f}".replace("-", "\u2212")


def marker_cell(plot: FigurePlot) -> tuple[int, int]:
    """Row and column of the @ marker in the drawn plot (legend lines excluded)."""
    lines = plot.render().plain.split("\n")
    legend_rows = len([ln for ln in lines if ln.startswith("@ ") or "you are here" in ln or "softmax(x)₁ =" in ln])
    for row, line in enumerate(lines[: len(lines) - legend_rows]):
        if "@" in line:
            return row, line.index("@")
    raise AssertionError("no marker drawn")


async def test_probability_keys_move_p_and_readout_shows_core_values():
    w = ProbabilityExplorerWidget()
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.focused is w
        text = w.readout_text()
        assert "0.30" in text and four(core.bce(0.3, 1)) in text and four(core.mse(0.3, 1)) in text
        await pilot.press("right")
        await pilot.pause()
        assert w.state == ProbabilityExplorer(31, 1)
        p, y = 0.31, 1
        z = core.logit(p)
        text = w.readout_text()
        for value in (
            z,
            core.bce(p, y),
            core.bce_grad_p(p, y),
            core.bce_grad_z(z, y),
            core.mse(p, y),
            core.mse_grad_p(p, y),
            core.mse_grad_z(z, y),
        ):
            assert four(value) in text, (value, text)
        assert "0.31" in text
        assert "raise ŷ" in text  # the direction in words, not only a sign or a colour
        assert app.changes and app.changes[-1].readout.ce == core.bce(0.31, 1)


async def test_probability_step_sizes_and_jumps():
    w = ProbabilityExplorerWidget()
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        steps = [
            ("left", 29),
            ("shift+right", 39),
            ("shift+left", 29),
            ("pageup", 39),
            ("pagedown", 29),
            ("end", 99),
            ("right", 99),  # clamped
            ("home", 1),
            ("left", 1),
        ]
        for key, hundredths in steps:
            await pilot.press(key)
            await pilot.pause()
            assert w.state.hundredths == hundredths, key
        assert "0.01" in w.readout_text()
        assert four(core.bce(0.01, 1)) in w.readout_text()


async def test_label_toggle_changes_curve_and_readout():
    w = ProbabilityExplorerWidget(ProbabilityExplorer(80, 1))
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert w.state.y == 0
        text = w.readout_text()
        assert four(core.bce(0.8, 0)) in text
        assert "lower ŷ" in text
        plot = w.query_one(FigurePlot)
        assert "y = 0" in plot.figure.title
        assert plot.figure.marker.y == core.bce(0.8, 0)


async def test_marker_moves_along_the_ce_curve():
    w = ProbabilityExplorerWidget()
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        plot = w.query_one(FigurePlot)
        before = marker_cell(plot)
        assert (plot.figure.marker.x, plot.figure.marker.y) == (0.3, core.bce(0.3, 1))
        await pilot.press("shift+right", "shift+right")
        await pilot.pause()
        assert (plot.figure.marker.x, plot.figure.marker.y) == (0.5, core.bce(0.5, 1))
        after = marker_cell(plot)
        assert after[1] > before[1]  # further right
        assert after[0] > before[0]  # lower: the loss fell


async def test_d_toggles_the_text_alternative_of_the_plot():
    w = ProbabilityExplorerWidget()
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        plot = w.query_one(FigurePlot)
        await pilot.press("d")
        await pilot.pause()
        assert plot.show_table
        shown = plot.render()
        from rich.console import Console

        with open("/dev/null", "w") as devnull:
            console = Console(width=80, record=True, file=devnull)
            console.print(shown)
        text = console.export_text()
        assert four(core.bce(0.5, 1)) in text and "Marker (@)" in text
        await pilot.press("d")
        await pilot.pause()
        assert not plot.show_table


async def test_tab_leaves_the_explorer():
    w = ProbabilityExplorerWidget()
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert isinstance(app.focused, Button)


@pytest.mark.parametrize("size", [(60, 20), (40, 12)])
async def test_explorers_survive_small_terminals(size):
    for w in (ProbabilityExplorerWidget(), SoftmaxExplorerWidget()):
        app = Host(w)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert w.has_class("-narrow")
            await pilot.press("right", "d", "right", "d")
            await pilot.pause()
            await pilot.resize_terminal(*SIZE)
            await pilot.pause()
            assert not w.has_class("-narrow")
            w.query_one(FigurePlot).render()


async def test_softmax_keys_and_readout():
    w = SoftmaxExplorerWidget()
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()
        assert (w.state.x1, w.state.x2) == (1.1, -0.5)
        await pilot.press("x", "shift+left")
        await pilot.pause()
        assert (w.state.x1, w.state.x2, w.state.selected) == (1.1, -1.5, 2)
        await pilot.press("up", "shift+right", "down", "left")
        await pilot.pause()
        assert (w.state.x1, w.state.x2, w.state.selected) == (2.1, -1.6, 2)
        x1, x2 = 2.1, -1.6
        text = w.readout_text()
        p = core.softmax([x1, x2])
        assert four(p[0]) in text and four(p[1]) in text
        assert text.count(four(core.sigmoid(3.7))) >= 2  # softmax(x)₁ and σ(x₁ − x₂) side by side
        assert four(core.cross_entropy([x1, x2], 0)) in text
        assert "3.7" in text and "selected" in text
        await pilot.press("y")
        await pilot.pause()
        assert w.state.label == 2
        assert four(core.cross_entropy([x1, x2], 1)) in w.readout_text()
        plot = w.query_one(FigurePlot)
        assert plot.figure.marker.x == 3.7 and plot.figure.marker.y == p[0]
        assert len(app.changes) == 8  # one per key press (each changed something)


async def test_softmax_raising_both_logits_returns_to_the_start():
    w = SoftmaxExplorerWidget()
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = w.readout_text().split("x₁ − x₂")[1]
        await pilot.press("shift+right", "x", "shift+right")
        await pilot.pause()
        assert (w.state.x1, w.state.x2) == (2.0, 0.5)
        assert w.readout_text().split("x₁ − x₂")[1].replace("▶", " ") == start.replace("▶", " ")


async def test_set_state_and_initial_state():
    w = SoftmaxExplorerWidget(SoftmaxExplorer(0, 0, 2, 2))
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "0.5000" in w.readout_text()
        w.set_state(SoftmaxExplorer(20, 0))
        await pilot.pause()
        assert four(core.sigmoid(2.0)) in w.readout_text()


def screen_lines(explorer) -> list[str]:
    """What the explorer's readout and plot show now, through Textual's line cache (what the
    compositor paints), not by rendering afresh."""
    lines = []
    for child in (explorer.query_one(".readout"), explorer.query_one(FigurePlot)):
        lines += [strip.text for strip in child.render_lines(child.region.reset_offset)]
    return lines


@pytest.mark.parametrize(
    ("make", "keys", "final"),
    [
        (
            ProbabilityExplorerWidget,
            ["right", "right", "shift+right", "end", "left", "y", "pagedown"],
            ProbabilityExplorer(88, 0),
        ),
        (
            SoftmaxExplorerWidget,
            ["right", "shift+right", "x", "left", "y", "up", "shift+left"],
            SoftmaxExplorer(11, -6, 1, 2),
        ),
    ],
)
async def test_screen_after_moves_equals_a_fresh_explorer_in_that_state(make, keys, final):
    """Only changed rows are repainted on a move: what is on screen must still be exactly right."""
    moved = make()
    async with Host(moved).run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        assert moved.state == final
        after_moves = screen_lines(moved)
    fresh = make(final)
    async with Host(fresh).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert screen_lines(fresh) == after_moves
    plot_rows = [line for line in after_moves if "@" in line]
    assert sum(line.count("@") for line in plot_rows) == 2  # the marker, and its legend entry


async def test_softmax_footer_shows_the_big_steps_and_the_readout_the_range():
    """The lesson's caption sends the learner to shift+←/→ and says the logits stop at ±5."""
    w = SoftmaxExplorerWidget()
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = {key: b.binding.description for key, b in app.screen.active_bindings.items() if b.binding.show}
        assert shown.get("shift+right") == "logit +1" and shown.get("shift+left") == "logit −1"
        assert "shift+←/→ ±1" in w.border_subtitle
        assert "Each logit stays within [−5, 5]." in w.readout_text()
        for _ in range(6):
            await pilot.press("shift+right")
        await pilot.pause()
        assert w.state.x1 == 5.0


async def test_probability_readout_states_the_ratio_and_its_shape():
    w = ProbabilityExplorerWidget(ProbabilityExplorer(10, 1))
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = " ".join(w.readout_text().split())
        assert f"{1 / (2 * 0.1 * 0.9):.3g}" in text  # 1/(2ŷ(1 − ŷ)) at ŷ = 0.1
        assert "least, 2, at ŷ = 0.5" in text and "without bound toward ŷ = 0 and ŷ = 1" in text
        assert "as hard" not in text
