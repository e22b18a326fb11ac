"""Apply a ``Figure`` to a plotext plot object: the only place the plotext API is used.

``plt`` is the object a textual-plotext ``PlotextPlot`` exposes as ``.plt`` (a plotext
figure).  Series are told apart by marker shape as well as colour, so a plot still reads
with NO_COLOR or on a monochrome terminal.  The legend is not drawn by plotext (which puts
it over the top-left of the data) but returned by ``legend`` as text lines for the widget
to place under the plot, where it never hides a curve.
"""

from __future__ import annotations

import builtins
import math
from typing import Any

import numpy as np
from rich.text import Text

from tutor.plots.figures import Figure, Series, nice_ticks

#: (plotext marker, legend sample) per series, in order: distinct shapes, not only colours.
LINE_MARKERS = (("braille", "⠤⠤"), ("dot", "••"), ("x", "xx"))
BAR_MARKER = ("sd", "██")
#: Colours per series as 256-colour codes (plotext and Rich agree on these).
COLORS = (12, 208, 10)
POINT_MARKER = "@"
POINT_COLOR = 9
#: The marker's style where we place it: a red block behind a bold @; without colour (NO_COLOR)
#: the block is the foreground colour, so the marker stands out by its shape, not a grey on grey.
POINT_STYLE = f"bold reverse color({POINT_COLOR})"
POINT_STYLE_NO_COLOR = "bold reverse"


def _visible(fig: Figure, x: np.ndarray, y: np.ndarray) -> tuple[list[float], list[float]]:
    """Finite points inside ``ylim`` (and > 0 on a log scale): only what plotext can draw.

    On a log scale the y returned are log10(y): we draw log10 on a linear axis and label
    the ticks with the original values, because plotext's own log scale re-applies the
    logarithm to its stored data on every build (and a widget builds on every resize).
    """
    keep = np.isfinite(y)
    if fig.yscale == "log":
        keep &= y > 0
    ylim = fig.ylim
    if ylim is not None:
        keep &= (y >= ylim[0]) & (y <= ylim[1])
    ys = np.log10(y[keep]) if fig.yscale == "log" else y[keep]
    return x[keep].tolist(), ys.tolist()


def _log_ticks(fig: Figure) -> tuple[list[float], list[str]]:
    """Tick positions (log10) and labels (values) for a log-scale figure: 1, 2, 5 × 10ᵏ."""
    ys = np.concatenate([s.y[np.isfinite(s.y) & (s.y > 0)] for s in fig.series] or [np.ones(1)])
    if ys.size == 0:
        return [0.0], ["1"]
    lo, hi = float(np.log10(ys.min())), float(np.log10(ys.max()))
    decades = range(int(np.floor(lo)), int(np.ceil(hi)) + 1)
    span = hi - lo
    mantissas = (1, 2, 5) if span < 1.2 else (1, 3) if span < 3.2 else (1,)
    ticks = [(np.log10(m) + k, m * 10.0**k) for k in decades for m in mantissas]
    ticks = [(t, v) for t, v in ticks if lo - 1e-9 <= t <= hi + 1e-9] or [(lo, 10**lo)]
    return [t for t, _ in ticks], [_tick_label(v, ".3g") for _, v in ticks]


def _tick_label(v: float, spec: str = "g") -> str:
    """A tick's label, with a true minus sign (plotext's own labels have a hyphen)."""
    return format(v, spec).replace("-", "\u2212")


def _tick_labels(values: tuple[float, ...]) -> list[str]:
    """An axis's labels, all with as many decimals as the finest needs (0.00 0.25 0.50, never 0 0.25 0.5)."""
    decimals = max((len(f"{v:g}".partition(".")[2]) for v in values if "e" not in f"{v:g}"), default=0)
    return [_tick_label(v, f".{min(decimals, 3)}f") for v in values]


def draw_order(fig: Figure) -> list[tuple[int, Series]]:
    """(index, series) in the order they are drawn: last to first, then ``fig.on_top`` over them all
    (plotext draws a later series over an earlier one where they share a cell)."""
    top = fig.on_top if 0 <= fig.on_top < len(fig.series) else 0
    rest = [(i, s) for i, s in reversed(list(enumerate(fig.series))) if i != top]
    return [*rest, (top, fig.series[top])] if fig.series else []


def apply(plt: Any, fig: Figure, *, title: bool = True) -> None:
    """Replace whatever ``plt`` shows with ``fig`` (data, axis labels, limits, marker).

    The caller refreshes the widget afterwards; ``build`` sizes the canvas at render time.
    """
    plt.clear_figure()
    for i, s in draw_order(fig):
        color = COLORS[i % len(COLORS)]
        if s.kind == "bar":
            plt.bar(s.x.tolist(), s.y.tolist(), color=color, marker=BAR_MARKER[0], width=0.8, reset_ticks=False)
        else:
            xs, ys = _visible(fig, s.x, s.y)
            plt.plot(xs, ys, marker=LINE_MARKERS[i % len(LINE_MARKERS)][0], color=color)
    if fig.marker is not None:
        m = fig.marker
        if np.isfinite(m.y) and (fig.ylim is None or fig.ylim[0] <= m.y <= fig.ylim[1]):
            plt.scatter([m.x], [m.y], marker=POINT_MARKER, color=POINT_COLOR)
    if title:
        plt.title(fig.title)
    plt.xlabel(fig.xlabel)
    plt.ylabel(fig.ylabel)
    if fig.ylim is not None:
        plt.ylim(*fig.ylim)
    if fig.xlim is not None:
        plt.xlim(*fig.xlim)
    # Ticks are always ours, so every label has a true minus sign: the figure's, else round ones.
    xticks = fig.xticks if fig.xticks is not None else nice_ticks(*fig.xlim) if fig.xlim is not None else None
    if xticks is not None:
        plt.xticks(list(xticks), _tick_labels(xticks))
    if (marks := y_marks(fig)) is not None:
        plt.yticks(*marks)


Marks = tuple[list[float], list[str]]


def y_marks(fig: Figure, rows: int | None = None, width: int = 0) -> Marks | None:
    """Positions and labels of the y ticks: 1, 2, 5 × 10ᵏ on a log scale, else the figure's or
    round ones within ``ylim``, fitted to ``rows`` rows when given (``fitted_yticks``); labels
    right-aligned to at least ``width`` characters. None: plotext chooses."""
    if fig.yscale == "log":
        positions, labels = _log_ticks(fig)
    else:
        ticks = _yticks(fig) if rows is None else fitted_yticks(fig, rows)
        if ticks is None:
            return None
        positions, labels = list(ticks), _tick_labels(ticks)
    return positions, [label.rjust(width) for label in labels]


def _yticks(fig: Figure) -> tuple[float, ...] | None:
    """The y ticks ``apply`` sets on a linear axis: the figure's, else round ones within ``ylim``."""
    if fig.yticks is None and fig.ylim is not None and fig.yscale == "linear":
        return nice_ticks(*fig.ylim)
    return fig.yticks


def fitted_yticks(fig: Figure, rows: int) -> tuple[float, ...] | None:
    """Ticks for a linear y axis with fixed limits drawn on ``rows`` rows: the figure's own when
    each falls on a row of its own, else the most round ticks that do (without fixed limits,
    the figure's own).

    Where two ticks share a row plotext prints only one of them, so a short plot read
    3.0, 2.0, 0.5, 0.0 on rows for 3, 2, 1 and 0: evenly spaced rows labelled unevenly.
    """
    ticks = _yticks(fig)
    if ticks is None or fig.ylim is None or fig.yscale != "linear" or rows < 2:
        return ticks
    lo, hi = fig.ylim

    def distinct(candidate: tuple[float, ...]) -> bool:
        cells = [_cell(t, lo, hi, rows) for t in candidate]
        return len(set(cells)) == len(cells)

    if distinct(ticks):
        return ticks
    for count in range(min(len(ticks), rows) - 1, 1, -1):
        if distinct(candidate := nice_ticks(lo, hi, count)):
            return candidate
    return (lo, hi)


def _frame(lines: list[str]) -> tuple[int, int] | None:
    """The rows of the frame plotext draws around the data (┌ above, └ below), if any."""
    top = next((i for i, line in enumerate(lines) if "┌" in line), None)
    bottom = next((i for i, line in enumerate(lines) if "└" in line), None)
    return (top, bottom) if top is not None and bottom is not None and bottom > top else None


def _plot_rows(canvas: str) -> int:
    """How many rows of data the frame of a built plot holds (0 when there is no frame)."""
    frame = _frame(Text.from_ansi(canvas).plain.split("\n"))
    return frame[1] - frame[0] - 1 if frame else 0


def build(plt: Any, width: int, height: int, theme: str, fig: Figure | None = None) -> str:
    """The plot as ANSI text, exactly ``width`` × ``height`` cells, in plotext theme ``theme``.

    Given the ``fig`` last applied, its y ticks are fitted to the rows this size leaves
    (``fitted_yticks``), and its x label kept: plotext drops an x label that would run into the
    y label, which a short tick column (``2``, not ``0.5``) brings about in a narrow plot.
    """
    plt.plotsize(width, height)
    # plotsize() caps the size at the terminal's; textual-plotext sets the size directly
    # as well (plotext <6 internals, pinned in pyproject), and so do we.
    plt._set_size(width, height)
    plt.theme(theme)
    marks = y_marks(fig) if fig is not None else None
    if marks is not None:
        plt.yticks(*marks)  # in full: an earlier, smaller size may have left fewer
    canvas: str = plt.build()
    if fig is not None and marks is not None:
        fitted = y_marks(fig, _plot_rows(canvas))
        if fitted is not None and fitted != marks:
            plt.yticks(*fitted)
            canvas, marks = plt.build(), fitted
        if fig.xlabel and not _shows(canvas, fig.xlabel):
            # Widen the tick column past the y label, so the centred x label cannot reach it.
            plt.yticks(marks[0], [label.rjust(len(fig.ylabel) + 1) for label in marks[1]])
            widened = plt.build()
            if _shows(widened, fig.xlabel):
                canvas = widened
            else:  # too narrow for the x label at all: keep the wider plot
                plt.yticks(*marks)
                canvas = plt.build()
    return canvas[:-1] if canvas.endswith("\n") else canvas  # no blank line under the axes


def _shows(canvas: str, text: str) -> bool:
    return text in Text.from_ansi(canvas).plain


def can_overlay(fig: Figure) -> bool:
    """Whether ``overlay_marker`` can place this figure's marker (fixed linear limits)."""
    return fig.marker is not None and fig.xlim is not None and fig.ylim is not None and fig.yscale == "linear"


def _cell(value: float, lo: float, hi: float, cells: int) -> int:
    """plotext's own mapping from data to a character cell (plotext._utility.get_matrix_data):
    0.5 + (cells − 1)·(v − lo)/(hi − lo), pre-rounded to 8 decimals, then floored."""
    return math.floor(builtins.round(0.5 + (cells - 1) * (value - lo) / (hi - lo), 8))


def marker_cell(fig: Figure, lines: list[str]) -> tuple[int, int] | None:
    """(row, column) where plotext would draw ``fig.marker`` on a canvas whose plain text
    lines are ``lines``; None if the marker lies outside the limits or there is no frame.

    The plot area is found from the frame plotext draws (┌ ┐ above, └ below); the mapping
    is plotext's own, checked cell for cell against plotext in tests/plots/test_draw.py.
    """
    m = fig.marker
    if m is None or fig.xlim is None or fig.ylim is None or not can_overlay(fig) or not np.isfinite(m.y):
        return None
    (x0, x1), (y0, y1) = fig.xlim, fig.ylim
    if not (x0 <= m.x <= x1 and y0 <= m.y <= y1):
        return None
    frame = _frame(lines)
    if frame is None or frame[1] - frame[0] < 2 or "┐" not in lines[frame[0]]:
        return None
    top, bottom = frame
    left, right = lines[top].index("┌") + 1, lines[top].index("┐") - 1
    rows, cols = bottom - top - 1, right - left + 1
    if rows < 1 or cols < 1:
        return None
    return bottom - 1 - _cell(m.y, y0, y1, rows), left + _cell(m.x, x0, x1, cols)


def overlay_marker_lines(lines: list[Text], fig: Figure, style: str = POINT_STYLE) -> list[Text]:
    """``lines`` (a drawing of ``fig`` without its marker, one Text per row) with the marker
    on it, exactly where plotext would have drawn it; only the marker's row is a new Text,
    the others are the same objects, so a caller can tell which rows changed."""
    cell = marker_cell(fig, [line.plain for line in lines])
    if cell is None:
        return list(lines)
    row, col = cell
    line = lines[row]
    if col >= len(line.plain):
        return list(lines)
    marked = line[:col]
    marked.append(POINT_MARKER, style=style)
    marked.append_text(line[col + 1 :])
    return [*lines[:row], marked, *lines[row + 1 :]]


def overlay_marker(canvas: Text, fig: Figure) -> Text:
    """A copy of ``canvas`` (a drawing of ``fig`` without its marker) with the marker on it."""
    out = Text("\n").join(overlay_marker_lines(list(canvas.split("\n", allow_blank=True)), fig))
    out.no_wrap = canvas.no_wrap
    return out


def legend_entries(fig: Figure, point_style: str = POINT_STYLE) -> list[Text]:
    """One styled entry per series (marker sample and label), then the marker point."""
    entries = []
    for i, s in enumerate(fig.series):
        sample = BAR_MARKER[1] if s.kind == "bar" else LINE_MARKERS[i % len(LINE_MARKERS)][1]
        entry = Text()
        entry.append(sample, style=f"color({COLORS[i % len(COLORS)]})")
        entry.append(f" {s.label}")
        entries.append(entry)
    if fig.marker is not None:
        entry = Text()
        entry.append(POINT_MARKER, style=point_style)
        entry.append(f" {fig.marker.label}")
        entries.append(entry)
    return entries


def legend(fig: Figure, width: int, gap: int = 2, point_style: str = POINT_STYLE) -> list[Text]:
    """Legend lines at most ``width`` cells wide: entries packed left to right, long ones cropped."""
    lines: list[Text] = []
    line = Text()
    for entry in legend_entries(fig, point_style):
        entry.truncate(max(width, 1), overflow="ellipsis")
        if line.cell_len and line.cell_len + gap + entry.cell_len > width:
            lines.append(line)
            line = Text()
        if line.cell_len:
            line.append(" " * gap)
        line.append_text(entry)
    if line.cell_len:
        lines.append(line)
    return lines
