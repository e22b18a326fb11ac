"""``FigurePlot``: a named course figure in a textual-plotext plot, with a text alternative.

Press ``d`` on a focused plot to swap the drawing for a table of the plotted values (and
back): every plot has a text alternative one key away. A plot of its own is as tall as 58% of
the terminal at most (at 80×24 it fits one screen with its caption) and has its title in its top
border; a plot inside an explorer draws its title only when it has room.  The plot redraws to fit on every
resize and follows the app's dark/light theme: plotext draws with its ``clear`` theme (no
colours of its own for canvas, axes and text), so the widget's CSS background and colour
(theme variables) show through and only the series carry colours.  That is also about
3× less ANSI to parse per frame than textual-plotext's ``theme="auto"``, which paints
every cell in RGB; ``theme="auto"`` still works if set.

Drawing is fast enough for the explorers (a key press moves a marker): plotext redraws the
curves only when they, the size or the theme change; the marker is placed on the cached
drawing (``draw.overlay_marker_lines``, the same cell plotext would use), and the widget
uses Textual's line API so only the rows that changed are converted and repainted.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import RenderResult
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual, visualize
from textual_plotext import PlotextPlot

from tutor.content.kinds import PlotSection
from tutor.plots import draw
from tutor.plots.figures import Figure, columns, table
from tutor.plots.figures import figure as named_figure
from tutor.plots.numbers import format_column

#: Smallest canvas plotext is asked to draw; below it the widget shows the legend and a hint.
MIN_PLOT_WIDTH, MIN_PLOT_HEIGHT = 16, 5
#: An embedded plot (an explorer's) draws its title inside from this many rows up; a plot of its
#: own always has its title in its top border, a row plotext would otherwise take.
TITLED_HEIGHT = 14


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
        /* Not 1fr: in a scrolling lesson that would shrink to min-height. With its caption on one
           screen: 13 rows at 80×24, 22 from 38 rows up (a max-height in vh would leave its
           section as tall as the height before the maximum). */
        height: 58vh;
        max-height: 22;
        min-height: 8;
        border: blank;
        border-title-align: center;
        border-title-color: $foreground;
        border-title-style: bold;
        background: $surface;
        color: $foreground;
    }
    FigurePlot:focus {
        border: tall $accent;
    }
    FigurePlot.-table {
        height: auto;
        max-height: initial;
    }
    FigurePlot.-embedded {
        border: none;
        max-height: 100%;
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

    @classmethod
    def from_section(cls, section: PlotSection) -> FigurePlot:
        """The plot a lesson's ``plot`` section names."""
        return cls(section.figure)

    def __init__(
        self,
        figure: str | Figure,
        *,
        rows: int = 11,
        focusable: bool = True,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._figure = named_figure(figure) if isinstance(figure, str) else figure
        self._rows = rows
        self.can_focus = focusable
        self.set_reactive(PlotextPlot.theme, "clear")
        # Drawing is cached at three levels, so that moving an explorer's marker costs a
        # fraction of a frame: the plotext drawing (rebuilt only when the curves, size or
        # theme change), the rows shown (drawing + marker + legend) and one Strip per row.
        # When only the marker moves, only the rows that changed are refreshed.
        self._drawn: tuple[tuple[int, int, str], list[Text]] | None = None
        self._shown: tuple[tuple, list[Text]] | None = None
        self._strips: dict[int, tuple[Text, VisualStyle, int, Strip]] = {}
        self._version = 0  # bumped by set_figure(): part of the rows' cache key
        #: Whether plotext draws the title (embedded plots with room); else it is the border title.
        self._titled = False
        if not focusable:
            self.add_class("-embedded")
        self._apply(self._figure)

    @property
    def figure(self) -> Figure:
        return self._figure

    def set_figure(self, figure: Figure) -> None:
        """Show ``figure`` instead (e.g. the same curves with the marker moved)."""
        previous, self._figure = self._figure, figure
        self._version += 1
        marker_only = draw.can_overlay(figure) and figure.same_curves(previous)
        if not marker_only:
            self._apply(figure)
        old = self._shown[1] if self._shown is not None else None
        new = self._plot_rows() if marker_only and not self.show_table else None
        if old is None or new is None or len(old) != len(new):
            self.refresh(layout=self.show_table)
            return
        width = self.size.width
        changed = [
            Region(0, y, width, 1) for y, (a, b) in enumerate(zip(old, new, strict=False)) if a is not b and a != b
        ]
        if changed:
            self.refresh(*changed)  # only the marker's old and new rows and the legend

    def _apply(self, figure: Figure) -> None:
        """Hand the figure to plotext: without its marker when we place that ourselves."""
        self._drawn = None
        if not self.has_class("-embedded"):
            self.border_title = Content(figure.title)
        draw.apply(self.plt, figure.with_marker(None) if draw.can_overlay(figure) else figure, title=self._titled)

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

    def _plot_rows(self) -> list[Text] | None:
        """The rows of the drawing as shown (curves, marker, legend); None when the widget
        shows something else (the table, or a hint when it is too small to draw)."""
        if self.show_table:
            return None
        fig = self._figure
        width, height = self.size.width, self.size.height
        theme = self._plotext_theme()
        key = (width, height, theme, self._version)
        if self._shown is not None and self._shown[0] == key:
            return self._shown[1]
        point = draw.POINT_STYLE_NO_COLOR if self.app.no_color else draw.POINT_STYLE
        legend = draw.legend(fig, max(width, 1), point_style=point)
        plot_height = height - len(legend)
        if width < MIN_PLOT_WIDTH or plot_height < MIN_PLOT_HEIGHT:
            return None
        titled = self.has_class("-embedded") and plot_height >= TITLED_HEIGHT
        if titled != self._titled:
            self._titled = titled
            self._apply(fig)
        drawn_key = (width, plot_height, theme)
        if self._drawn is None or self._drawn[0] != drawn_key:
            canvas = Text.from_ansi(draw.build(self.plt, *drawn_key, fig))
            self._drawn = (drawn_key, canvas.split("\n", allow_blank=True)[:plot_height])
        lines = self._drawn[1]
        if draw.can_overlay(fig):
            lines = draw.overlay_marker_lines(lines, fig, point)
        rows = [*lines, *legend]
        self._shown = (key, rows)
        return rows

    def render_line(self, y: int) -> Strip:
        """One row of the drawing (Textual's line API): rows are converted to strips once
        and reused until they change, so a moved marker re-renders two or three rows."""
        rows = self._plot_rows()
        if rows is None:
            return super().render_line(y)  # render(): the table or the too-small hint
        style, width = self.visual_style, self.size.width
        if y >= len(rows):
            return Strip.blank(width, style.rich_style)
        row = rows[y]
        cached = self._strips.get(y)
        if cached is not None and cached[1:3] == (style, width) and (cached[0] is row or cached[0] == row):
            return cached[3]
        strip = Visual.to_strips(self, visualize(self, row), width, 1, style, pad=True)[0]
        self._strips[y] = (row, style, width, strip)
        return strip

    def render(self) -> RenderResult:
        """The whole widget as one renderable (the table, the hint, or the drawing's rows)."""
        if self.show_table:
            return self.table_renderable()
        rows = self._plot_rows()
        if rows is None:
            hint = Text("Too small to draw: press d for the values.", style="italic")
            return Group(
                Text(self._figure.title, style="bold"), *draw.legend(self._figure, max(self.size.width, 1)), hint
            )
        out = Text("\n").join(rows)
        out.no_wrap = True
        return out

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
        # One format per column (tutor.plots.numbers); whole numbers (histogram counts) without decimals.
        written = [format_column(column) for column in zip(*rows, strict=True)] if rows else []
        for cells in zip(*written, strict=True):
            grid.add_row(*cells)
        parts.append(grid)
        if fig.marker is not None:
            parts.append(Text(f"Marker (@): {fig.marker.label}"))
        parts.append(Text("Press d to show the drawing again.", style="italic"))
        return Group(*parts)
