"""The K-class explorer widget: keys move the state, the readout shows the core's numbers as bars."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Button

from tutor import core
from tutor.explorers import KClassExplorer
from tutor.ui.widgets.kclass import GRADIENT_NOTE, KClassExplorerWidget, bar
from tutor.ui.widgets.plot import FigurePlot

SIZE = (120, 40)


class Host(App):
    def __init__(self, widget: KClassExplorerWidget) -> None:
        super().__init__()
        self.widget = widget
        self.changes: list = []

    def compose(self) -> ComposeResult:
        yield self.widget
        yield Button("after")

    def on_mount(self) -> None:
        self.widget.focus()

    def on_kclass_explorer_widget_changed(self, message: KClassExplorerWidget.Changed) -> None:
        self.changes.append(message)


def test_bars_are_text_and_proportional():
    assert bar(0.0) == "··········" and bar(1.0) == "██████████"
    assert bar(0.5) == "█████·····" and bar(0.05) == "▌·········" and bar(0.0625) == "▋·········"
    assert all(len(bar(p / 100)) == 10 for p in range(101))


async def test_keys_move_logits_classes_and_the_true_class():
    w = KClassExplorerWidget()
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right", "down", "shift+left", "3", "left")
        await pilot.pause()
        assert w.state == KClassExplorer((21, 0, 0), 2, 0)
        await pilot.press("y", "y", "plus", "4", "shift+right")
        await pilot.pause()
        assert w.state == KClassExplorer((21, 0, 0, 10), 3, 2)
        await pilot.press("minus", "0")
        await pilot.pause()
        assert w.state == KClassExplorer((0, 0, 0), 2, 2)
        assert len(app.changes) == 12  # every key changed something
        await pilot.press("minus", "9")  # at three classes already; there is no class 9
        await pilot.pause()
        assert len(app.changes) == 12


async def test_readout_shows_the_cores_probabilities_loss_and_gradients():
    w = KClassExplorerWidget(KClassExplorer((20, 10, 1), 1, 1))
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = w.readout_text(width=80)
        z = [2.0, 1.0, 0.1]
        for p in core.softmax(z):
            assert f"{bar(p)} {p:.3f}" in text
        grads = core.cross_entropy_grad(z, 1)
        assert f"{grads[0]:.3f}" in text and f"−{-grads[1]:.3f}" in text
        assert f"{core.cross_entropy(z, 1):.4f}" in text and "Loss L = −log p₂" in text
        assert "2 true" in text and "▶ 2" in text and "Predicted class           1 (wrong)" in text
        assert " ".join(GRADIENT_NOTE.split()) in " ".join(text.split())
        await pilot.press("0")
        await pilot.pause()
        text = w.readout_text(width=80)
        assert text.count("███▍······ 0.333") == 3 and "log 3       1.0986" in text
        assert "none: the highest logits tie" in text


async def test_the_marker_sits_on_the_loss_curve_of_the_selected_logit():
    w = KClassExplorerWidget()
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "right", "right")
        await pilot.pause()
        figure = w.query_one(FigurePlot).figure
        assert figure.marker is not None and figure.marker.x == 1.2
        assert figure.marker.y == core.cross_entropy([2.0, 1.2, 0.1], 0)
        assert "z₂" in figure.title and "@" in w.query_one(FigurePlot).render().plain


@pytest.mark.parametrize("size", [(60, 20), (40, 12)])
async def test_survives_small_terminals(size):
    w = KClassExplorerWidget()
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(*size)
        await pilot.pause()
        assert w.has_class("-narrow")
        await pilot.press("right", "d", "plus", "d")
        await pilot.pause()
        w.query_one(FigurePlot).render()
        assert w.state.k == 4


async def test_tab_leaves_the_explorer():
    w = KClassExplorerWidget()
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert isinstance(app.focused, Button)


async def test_a_class_added_or_removed_resizes_the_compact_readout():
    """The compact readout has a row per class: adding one must lay it out again, not clip it."""
    w = KClassExplorerWidget()
    app = Host(w)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        readout = w.query_one(".readout")
        assert w.narrow and readout.region.height == 5
        await pilot.press("plus", "plus")
        await pilot.pause()
        assert readout.region.height == len(w._numbers(compact=True).plain.split("\n")) == 7
        await pilot.press("minus")
        await pilot.pause()
        assert readout.region.height == 6
