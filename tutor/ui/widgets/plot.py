"""``FigurePlot``: a named course figure in a textual-plotext plot, with a text alternative.

Press ``d`` on a focused plot to swap the drawing for a table of the plotted values (and
back): every plot has a text alternative one key away.  The plot redraws to fit on every
resize and follows the app's dark/light theme: plotext draws with its ``clear`` theme (no
colours of its own for canvas, axes and text), so the widget's CSS background and colour
(theme variables) show through and only the series carry colours.  That is also about
3× less ANSI to parse per frame than textual-plotext's ``theme="auto"``, which paints
every cell in RGB; ``theme="auto"`` still works if set.
"""

from __future__ import annotations

import math

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.app import RenderResult
from textual_plotext import PlotextPlot

from tutor.plots import draw
from tutor.plots.figures import Figure, columns, figure as named_figure, table

#: Smallest canvas plotext is asked to draw; below it the widget shows the legend and a hint.
MIN_PLOT_WIDTH, MIN_PLOT_HEIGHT = 16, 5


def format_number(v: float) -> str:
    """A number for a readout or table: 4 decimals, or 4 significant digits in e-notation
    when decimals would hide it (|v| < 0.001 or ≥ 100 000); infinities and nan spelled out."""
    if math.isinf(v):
        return "infinity" if v > 0 else "minus infinity"
    if math.isnan(v):
        return "undefined"
    if v == 0.0:
        return "0"
    if abs(v) < 1e-3 or abs(v) >= 1e5:
        return f"{v:.3e}"
    return f"{v:.4f}"


class FigurePlot(PlotextPlot, can_focus=True):
    """A ``tutor.plots`` figure, drawn with plotext; ``d`` toggles a table of its values.

    Args:
        figure: a figure name (``ce-loss``, ``ce-vs-mse``, ``grad-p``, ``grad-z``,
            ``sigmoid``) or a ``Figure``.
        rows: how many rows the text alternative shows.
        focusable: False when a parent widget owns the keys (the explorers do).
    """

    DEFAULT_CSS = """
    FigurePlot {
        width: 1fr;
        height: 1fr;
        min-height: 8;
        border: blank;
        background: $surface;
        color: $foreground;
    }
    FigurePlot:focus {
        border: tall $accent;
    }
    FigurePlot.-table {
        height: auto;
    }
    FigurePlot.-embedded {
        border: none;
    }
    """

    BINDINGS = [
        Binding("d", "toggle_table", "Data table", id="figure.toggle_table"),
    ]

    show_table: reactive[bool] = reactive(False, init=False)
    """True while the text alternative (a table of the plotted values) replaces the drawing."""

    class TableToggled(Message):
        """The text alternative was shown or hidden."""

        def __init__(self, plot: FigurePlot, shown: bool) -> None:
            super().__init__()
            self.plot = plot
            self.shown = shown

        @property
        def control(self) -> FigurePlot:
            return self.plot

    def __init__(
        self,
        figure: str | Figure,
        *,
        rows: int = 11,
        focusable: bool = True,
        name: str | None = None,
        id: str | None = None,  # noqa: A002 (Textual's name)
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._figure = named_figure(figure) if isinstance(figure, str) else figure
        self._rows = rows
        self.can_focus = focusable
        self.set_reactive(PlotextPlot.theme, "clear")
        # The last plotext drawing, keyed by (width, plot height, theme).  When only the
        # marker moves (the explorers), the curves are not redrawn: the marker is placed on
        # the cached drawing (draw.overlay_marker), which keeps a key press well under a frame.
        self._drawn: tuple[tuple[int, int, str], Text] | None = None
        if not focusable:
            self.add_class("-embedded")
        self._apply(self._figure)

    @property
    def figure(self) -> Figure:
        return self._figure

    def set_figure(self, figure: Figure) -> None:
        """Show ``figure`` instead (e.g. the same curves with the marker moved)."""
        previous, self._figure = self._figure, figure
        if not (draw.can_overlay(figure) and figure.same_curves(previous)):
            self._apply(figure)
        self.refresh(layout=self.show_table)

    def _apply(self, figure: Figure) -> None:
        """Hand the figure to plotext: without its marker when we place that ourselves."""
        self._drawn = None
        draw.apply(self.plt, figure.with_marker(None) if draw.can_overlay(figure) else figure)

    def action_toggle_table(self) -> None:
        self.show_table = not self.show_table

    def watch_show_table(self, shown: bool) -> None:
        self.set_class(shown, "-table")
        self.refresh(layout=True)
        self.post_message(self.TableToggled(self, shown))

    # --- rendering ---------------------------------------------------------------------

    def _plotext_theme(self) -> str:
        # As PlotextPlot does: "auto" follows the app theme via a generated plotext theme.
        return f"textual-auto-{self.app.theme}" if self.theme == "auto" else self.theme


    def render(self) -> RenderResult:
        if self.show_table:
            return self.table_renderable()
        fig = self._figure
        width, height = self.size.width, self.size.height
        legend = draw.legend(fig, max(width, 1))
        plot_height = height - len(legend)
        if width < MIN_PLOT_WIDTH or plot_height < MIN_PLOT_HEIGHT:
            hint = Text("Too small to draw: press d for the values.", style="italic")
            return Group(Text(fig.title, style="bold"), *legend, hint)
        key = (width, plot_height, self._plotext_theme())
        if self._drawn is None or self._drawn[0] != key:
            canvas = Text.from_ansi(draw.build(self.plt, *key))
            canvas.no_wrap = True
            self._drawn = (key, canvas)
        canvas = self._drawn[1]
        if draw.can_overlay(fig):
            canvas = draw.overlay_marker(canvas, fig)
        else:
            canvas = canvas.copy()
        for line in legend:
            canvas.append("\n")
            canvas.append_text(line)
        return canvas

    def table_renderable(self) -> Group:
        """The text alternative: title, description, a table of values, and the marker."""
        fig = self._figure
        parts: list = [Text(fig.title, style="bold")]
        if fig.description:
            parts.append(Text(fig.description))
        grid = Table(box=None, show_edge=False, pad_edge=False, header_style="bold", expand=False)
        for header in columns(fig):
            grid.add_column(header, justify="right", overflow="fold")
        rows = table(fig, self._rows)
        # Columns of whole numbers (histogram counts) are shown without decimals.
        whole = [all(math.isfinite(v) and v == int(v) for v in col) for col in zip(*rows)] if rows else []
        for row in rows:
            grid.add_row(*(f"{v:.0f}" if w else format_number(v) for v, w in zip(row, whole)))
        parts.append(grid)
        if fig.marker is not None:
            parts.append(Text(f"Marker (@): {fig.marker.label}"))
        parts.append(Text("Press d to show the drawing again.", style="italic"))
        return Group(*parts)
