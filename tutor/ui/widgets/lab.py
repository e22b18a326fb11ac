"""``LabWidget``: train one neuron with cross-entropy and with squared error, show what happened.

The training (``tutor.lab``) runs in a worker thread so the UI keeps answering keys; when it
is done the widget shows what its section's ``show`` asks for: the two runs' losses (each as a
share of its start, so two different losses can share an axis), a histogram of each run's
predicted probabilities, or both, and a text summary of those parts (how long each run took to
halve its loss; the share of predictions below 0.05 or above 0.95). Every number comes from
``tutor.lab`` and ``tutor.plots.figures``.

The lab says how to use it (Tab to a plot, ``d`` for its values) in its bottom border, legible
without focus, as the explorers do.
"""

from __future__ import annotations

import asyncio

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from tutor.content.kinds import LabSection
from tutor.plots.figures import LabFigures, lab_figures
from tutor.ui.widgets.layout import laid_out
from tutor.ui.widgets.plot import FigurePlot


class LabWidget(Widget):
    """A training run with each loss, started on mount in a worker thread.

    Args:
        section: the lab's settings (data set, training parameters, the parts to show).

    Posts ``LabWidget.Finished`` (with the figures) or ``LabWidget.Failed`` (with the error).
    Each plot is a focusable ``FigurePlot``: ``d`` shows its values as a table.
    """

    DEFAULT_CSS = """
    LabWidget {
        height: auto;
        border: round $primary;
        border-title-align: left;
        border-title-color: $foreground;
        border-title-style: bold;
        border-subtitle-color: $foreground;
        padding: 0 1;
    }
    LabWidget:focus-within {
        border: heavy $accent;
    }
    LabWidget > .status {
        height: auto;
        text-style: italic;
    }
    LabWidget > .summary {
        height: auto;
        margin-top: 1;
    }
    LabWidget > .losses {
        height: 58vh;
        max-height: 18;
    }
    LabWidget > .histograms {
        height: auto;
    }
    LabWidget > .histograms > FigurePlot {
        width: 1fr;
        height: 58vh;
        max-height: 16;
    }
    LabWidget FigurePlot.-table {
        height: auto;
        max-height: initial;
    }
    """

    TITLE = "Training lab: cross-entropy against squared error"
    KEYS = "Tab to a plot · d its values"

    class Finished(Message):
        """Training finished; ``figures`` holds the curves, histograms and summary numbers."""

        def __init__(self, lab: LabWidget, figures: LabFigures) -> None:
            super().__init__()
            self.lab = lab
            self.figures = figures

        @property
        def control(self) -> LabWidget:
            return self.lab

    class Failed(Message):
        """Training raised; ``error`` is the exception (its message is shown in the widget)."""

        def __init__(self, lab: LabWidget, error: BaseException) -> None:
            super().__init__()
            self.lab = lab
            self.error = error

        @property
        def control(self) -> LabWidget:
            return self.lab

    def __init__(
        self,
        section: LabSection,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.section = section
        self.figures: LabFigures | None = None
        self.border_title = self.TITLE
        self.border_subtitle = self.KEYS
        self._settled = asyncio.Event()

    async def settled(self) -> None:
        """Return once training has finished and its figures (or its error) are laid out."""
        await self._settled.wait()
        if self.children:  # none once the lab is being removed (the lesson closed meanwhile)
            await laid_out(self.children[-1])

    def compose(self) -> ComposeResult:
        s = self.section
        yield Static(
            f"Training a one-neuron classifier on {s.n} points for {s.epochs} epochs "
            f"(learning rate {s.lr:g}), once with each loss…",
            classes="status",
            markup=False,
        )

    def on_mount(self) -> None:
        self.train()

    @work(thread=True, exclusive=True, group="lab", exit_on_error=False, description="training lab")
    def train(self) -> LabFigures:
        """Run both trainings (in a thread) and build the figures."""
        from tutor import lab  # numpy-heavy; imported where it is used

        s = self.section
        x, y = lab.make_dataset(n=s.n, seed=s.seed, separation=s.separation, label_noise=s.label_noise)
        result_bce = lab.train_logistic(x, y, "bce", lr=s.lr, epochs=s.epochs, seed=s.seed, w0=s.w0, b0=s.b0)
        result_mse = lab.train_logistic(x, y, "mse", lr=s.lr, epochs=s.epochs, seed=s.seed, w0=s.w0, b0=s.b0)
        return lab_figures(result_bce, result_mse)

    def _parts(self, figs: LabFigures) -> list[Widget]:
        """The widgets of the parts the section shows, in its order, then the summary of those parts."""
        shown = self.section.show
        parts: list[Widget] = []
        for part in shown:
            if part == "losses":
                parts.append(FigurePlot(figs.losses, id="lab-losses", classes="losses"))
            elif part == "histograms":
                hists = (FigurePlot(figs.hist_bce, id="lab-hist-bce"), FigurePlot(figs.hist_mse, id="lab-hist-mse"))
                parts.append(Horizontal(*hists, classes="histograms"))
        parts.append(Static("\n".join(figs.summary(shown)), classes="summary", markup=False))
        return parts

    @on(Worker.StateChanged)
    async def _worker_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "lab":
            return
        event.stop()
        status = self.query_one(".status", Static)
        if event.state == WorkerState.SUCCESS:
            figs = event.worker.result
            assert isinstance(figs, LabFigures)
            self.figures = figs
            s = self.section
            status.update(
                f"Trained on {s.n} points for {s.epochs} epochs (learning rate {s.lr:g}). "
                "Tab to a plot and press d for its values."
            )
            await self.mount_all(self._parts(figs))
            self._settled.set()
            self.post_message(self.Finished(self, figs))
        elif event.state == WorkerState.ERROR:
            error = event.worker.error or RuntimeError("the training stopped")
            status.update(f"The lab could not run: {error}")
            self._settled.set()
            self.post_message(self.Failed(self, error))
