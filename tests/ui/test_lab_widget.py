"""LabWidget: trains in a worker thread, then shows the curves, histograms and a true summary."""

from __future__ import annotations

import io

import msgspec
import numpy as np
import pytest
from rich.console import Console
from textual.app import App, ComposeResult
from textual.widgets import Static

from tutor import lab
from tutor.content.kinds import LabSection
from tutor.ui.widgets.lab import LabWidget
from tutor.ui.widgets.plot import FigurePlot

SIZE = (120, 40)


class Host(App):
    def __init__(self, widget: LabWidget) -> None:
        super().__init__()
        self.widget = widget
        self.finished: list[LabWidget.Finished] = []
        self.failed: list[LabWidget.Failed] = []

    def compose(self) -> ComposeResult:
        yield self.widget

    def on_lab_widget_finished(self, message: LabWidget.Finished) -> None:
        self.finished.append(message)

    def on_lab_widget_failed(self, message: LabWidget.Failed) -> None:
        self.failed.append(message)


def plain(renderable, width: int = 118) -> str:
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


SECTION = LabSection(n=80, seed=2, epochs=120, lr=1.0, w0=-3.0, b0=0.0)


async def test_lab_trains_in_a_worker_and_shows_what_the_lab_computes():
    w = LabWidget(SECTION)
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.finished) == 1 and not app.failed
        figs = app.finished[0].figures
        # Independently: the same runs with tutor.lab.
        x, y = lab.make_dataset(n=80, seed=2, separation=2.0, label_noise=0.0)
        rb = lab.train_logistic(x, y, "bce", lr=1.0, epochs=120, seed=2, w0=-3.0, b0=0.0)
        rm = lab.train_logistic(x, y, "mse", lr=1.0, epochs=120, seed=2, w0=-3.0, b0=0.0)
        np.testing.assert_array_equal(figs.losses.series[0].y, rb.losses / rb.losses[0])
        np.testing.assert_array_equal(figs.losses.series[1].y, rm.losses / rm.losses[0])
        plots = list(w.query(FigurePlot))
        assert [p.id for p in plots] == ["lab-losses", "lab-hist-bce", "lab-hist-mse"]
        summary = str(w.query_one(".summary", Static).content)
        for result in (rb, rm):
            extreme = np.mean((result.probs < 0.05) | (result.probs > 0.95))
            assert f"{extreme:.0%} of predictions are below 0.05 or above 0.95" in summary
            halved = int(np.flatnonzero(result.losses <= result.losses[0] / 2)[0])
            assert f"the loss fell to half its start after {halved} epochs" in summary
        assert f"Final mean BCE {rb.losses[-1]:.4f}" in summary
        assert "Trained with cross-entropy" in summary and "Trained with squared error" in summary


async def test_a_lab_shows_the_parts_its_section_lists_in_that_order():
    w = LabWidget(msgspec.structs.replace(SECTION, show=("histograms",)))
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [p.id for p in w.query(FigurePlot)] == ["lab-hist-bce", "lab-hist-mse"]
        summary = str(w.query_one(".summary", Static).content)
        assert "of predictions are below 0.05" in summary and "half its start" not in summary
    w = LabWidget(msgspec.structs.replace(SECTION, show=("histograms", "losses")))
    async with Host(w).run_test(size=SIZE) as pilot:
        await w.app.workers.wait_for_complete()
        await pilot.pause()
        assert [p.id for p in w.query(FigurePlot)] == ["lab-hist-bce", "lab-hist-mse", "lab-losses"]


async def test_the_lab_says_how_to_use_it_legibly():
    w = LabWidget(SECTION)
    async with Host(w).run_test(size=SIZE) as pilot:
        await w.app.workers.wait_for_complete()
        await pilot.pause()
        assert "Tab" in w.border_subtitle and "d" in w.border_subtitle
        assert "Tab to a plot" in str(w.query_one(".status", Static).content)
        assert w.styles.border_title_color.a > 0.9 and w.styles.border_subtitle_color.a > 0.9


async def test_lab_plots_have_text_alternatives():
    w = LabWidget(SECTION)
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        hist = w.query_one("#lab-hist-bce", FigurePlot)
        hist.focus()
        await pilot.press("d")
        await pilot.pause()
        assert hist.show_table
        text = plain(hist.render())
        assert "examples" in text and "Press d" in text
        losses = w.query_one("#lab-losses", FigurePlot)
        losses.focus()
        await pilot.press("d")
        await pilot.pause()
        assert "mean BCE" in plain(losses.render())


async def test_status_is_shown_while_training_and_keys_still_work():
    w = LabWidget(LabSection(n=400, epochs=3000))
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        status = w.query_one(".status", Static)
        assert "Training" in str(status.content)
        # The event loop is not blocked by the training thread: the app answers a key.
        await pilot.press("ctrl+p")  # opens the command palette
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.finished


async def test_a_failing_lab_says_why():
    w = LabWidget(LabSection(n=0))
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.failed and not app.finished
        assert "n must be at least 1" in str(w.query_one(".status", Static).content)


@pytest.mark.parametrize("size", [(60, 20), (40, 12)])
async def test_lab_survives_small_terminals(size):
    w = LabWidget(SECTION)
    app = Host(w)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.resize_terminal(*size)
        await pilot.pause()
        for plot in w.query(FigurePlot):
            plot.render()
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
