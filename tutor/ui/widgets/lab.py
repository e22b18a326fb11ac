"""``LabWidget``: train one neuron with cross-entropy and with squared error, show what happened.

The training (``tutor.lab``) runs in a worker thread so the UI keeps answering keys; when it
is done the widget shows both training-loss curves, a histogram of each run's predicted
probabilities and a text summary (final losses, share of predictions below 0.05 or above
0.95).  Every number comes from ``tutor.lab`` and ``tutor.plots.figures``.
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
from tutor.plots.figures import HIGH, LOW, LabFigures, RunSummary, lab_figures
from tutor.ui.widgets.layout import laid_out
from tutor.ui.widgets.plot import FigurePlot, format_number


def _percent(fraction: float) -> str:
    return f"{fraction:.0%}"


def summary_text(figs: LabFigures) -> str:
    """The lab's findings in words (also the text alternative for the histograms)."""

    def run(s: RunSummary, loss_unit: str) -> str:
        return (
            f"Trained with {s.loss_name}: final mean {loss_unit} {format_number(s.final_loss)}; "
            f"{_percent(s.extreme_fraction)} of predictions are below {LOW} or above {HIGH} "
            f"({_percent(s.low_fraction)} below, {_percent(s.high_fraction)} above)."
        )

    return "\n".join((run(figs.bce, "cross-entropy"), run(figs.mse, "squared error")))


class LabWidget(Widget):
    """A training run with each loss, started on mount in a worker thread.

    Args:
        section: the lab's settings (data set and training parameters).

    Posts ``LabWidget.Finished`` (with the figures) or ``LabWidget.Failed`` (with the error).
    Each plot is a focusable ``FigurePlot``: ``d`` shows its values as a table.
    """

    DEFAULT_CSS = """
    LabWidget {
        height: auto;
        border: round $panel;
        border-title-align: left;
        padding: 0 1;
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
        height: 18;
    }
    LabWidget > .histograms {
        height: auto;
    }
    LabWidget > .histograms > FigurePlot {
        width: 1fr;
        height: 16;
    }
    LabWidget FigurePlot.-table {
        height: auto;
    }
    """

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
        self.border_title = "Training lab: cross-entropy against squared error"
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
        result_bce, result_mse = (
            lab.train_logistic(x, y, loss=loss, lr=s.lr, epochs=s.epochs, seed=s.seed, w0=s.w0, b0=s.b0)
            for loss in ("bce", "mse")
        )
        return lab_figures(result_bce, result_mse)

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
                "Focus a plot and press d for its values."
            )
            await self.mount_all(
                [
                    FigurePlot(figs.losses, id="lab-losses", classes="losses"),
                    Horizontal(
                        FigurePlot(figs.hist_bce, id="lab-hist-bce"),
                        FigurePlot(figs.hist_mse, id="lab-hist-mse"),
                        classes="histograms",
                    ),
                    Static(summary_text(figs), classes="summary", markup=False),
                ]
            )
            self._settled.set()
            self.post_message(self.Finished(self, figs))
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            assert error is not None
            status.update(f"The lab could not run: {error}")
            self._settled.set()
            self.post_message(self.Failed(self, error))
