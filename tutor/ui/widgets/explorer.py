"""Interactive explorers: keys move a state model (``tutor.explorers``), the widget shows it.

The widgets do no maths: every number they show comes from the state's ``readout()``, which
asks ``tutor.core``.  Each explorer is one focusable widget holding a readout (numbers with
their names in words), a plot whose marker (@) sits at the current position, and notes.

An explorer says how to use it before it has focus ("Tab to move ŷ", in its title) and lists its
keys on its bottom border; both are drawn in the foreground colour, legible without focus (and
with NO_COLOR, where the marker is still the glyph @ and focus the heavy border and the title's
words). Wide, the readout sits beside the plot; narrow (below ``NARROW`` columns) a compact
readout sits directly above it and the notes go below, the readout and the plot sized from the
terminal's height (``vh``), so at 80×24 the numbers and the marker stay on screen together.

Tab is left alone (it moves focus, so the explorer never traps the keyboard); the softmax
explorer switches logits with ``x`` or ↑/↓.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from rich.console import Console
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from tutor.content.kinds import ExplorerSection
from tutor.content.kinds.worked import format_value
from tutor.explorers import (
    LOGIT_MAX,
    LOGIT_MIN,
    ProbabilityExplorer,
    ProbabilityReadout,
    SoftmaxExplorer,
    SoftmaxReadout,
)
from tutor.plots.figures import Figure, probability_figure, softmax_figure
from tutor.plots.numbers import format_column
from tutor.plots.numbers import format_number as f
from tutor.ui.widgets.plot import FigurePlot

if TYPE_CHECKING:
    from typing_extensions import Self

#: Below this width the readout goes above the plot instead of beside it.
NARROW = 90

# The readouts are plain padded text, not Rich tables: they are rebuilt on every key press
# and a Text costs a fraction of a Table to lay out.


def fixed(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` decimals and a true minus sign (a position on the explorer's grid)."""
    return format_value(value, f".{decimals}f")


def _pairs(*rows: tuple[str, str]) -> Text:
    """Label–value lines, values aligned in one column."""
    width = max(len(label) for label, _ in rows) + 2
    return Text("\n".join(f"{label:<{width}}{value}" for label, value in rows))


def _columns(header: tuple[str, ...], *rows: tuple[str, ...]) -> Text:
    """A header line (bold) and rows; the first column left-aligned, numbers right-aligned."""
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]

    def line(row: tuple[str, ...]) -> str:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(w) for cell, w in zip(row[1:], widths[1:], strict=False)]
        return "  ".join(cells).rstrip()

    out = Text()
    out.append(line(header), style="bold")
    for row in rows:
        out.append("\n" + line(row))
    return out


def _number_columns(labels: tuple[str, ...], *columns: tuple[float, ...]) -> list[tuple[str, ...]]:
    """Rows of a readout table: each label with its value from each column, every column written
    in one style (``tutor.plots.numbers``)."""
    written = [format_column(column) for column in columns]
    return [(label, *(cells[i] for cells in written)) for i, label in enumerate(labels)]


def _lines(*parts: Text | str) -> Text:
    return Text("\n").join(Text(p) if isinstance(p, str) else p for p in parts)


#: What the gradient ratio means, whatever the losses' scale (the claim tests check it).
RATIO_NOTE = (
    "That is 1/(2ŷ(1 − ŷ)): least, 2, at ŷ = 0.5, and without bound toward ŷ = 0 and ŷ = 1, "
    "right or wrong. A constant factor in either loss rescales the ratio, not that shape."
)

#: Where the logits stop (from the state model's grid), said under the logit table.
LOGIT_RANGE_NOTE = f"Each logit stays within [{fixed(LOGIT_MIN / 10, 0)}, {fixed(LOGIT_MAX / 10, 0)}]."


class _State(Protocol):
    """What an explorer widget needs of its state model (``tutor.explorers``)."""

    def readout(self) -> Any: ...
    def nudge(self, delta: float) -> Any: ...
    def toggle_label(self) -> Any: ...


StateT = TypeVar("StateT", bound=_State)
ReadoutT = TypeVar("ReadoutT")


class ExplorerWidget(Widget, Generic[StateT, ReadoutT], can_focus=True):
    """One explorer: a state model moved by keys, its readout, a plot with a marker, and notes.

    A subclass names its bindings, title, hint and key lines, and draws ``_figure()``,
    ``_numbers(compact)`` and ``_notes()`` from ``self.readout``; every move goes through ``_set``,
    which redraws and posts the subclass's ``Changed``.
    """

    DEFAULT_CSS = """
    ExplorerWidget {
        height: auto;
        border: round $primary;
        border-title-align: left;
        border-title-color: $foreground;
        border-title-style: bold;
        border-subtitle-color: $foreground;
        padding: 0 1;
    }
    ExplorerWidget:focus {
        border: heavy $accent;
    }
    ExplorerWidget > .view {
        layout: horizontal;
        height: 78vh;
        max-height: 22;
    }
    ExplorerWidget > .view > .readout {
        width: 46;
        height: auto;
        margin-right: 1;
    }
    ExplorerWidget > .view > FigurePlot {
        width: 1fr;
        height: 1fr;
        min-height: 6;
    }
    ExplorerWidget > .notes {
        display: none;
        height: auto;
    }
    ExplorerWidget.-narrow > .view {
        layout: vertical;
        height: 71vh;
        max-height: 24;
        min-height: 12;
    }
    ExplorerWidget.-narrow > .view > .readout {
        width: 1fr;
        margin-right: 0;
    }
    ExplorerWidget.-narrow > .notes {
        display: block;
        margin-top: 1;
    }
    ExplorerWidget.-table > .view {
        height: auto;
        max-height: initial;
    }
    ExplorerWidget > .view > FigurePlot.-table {
        height: auto;
    }
    """

    TITLE = ""
    HINT = ""
    """What Tab lets the learner do here ("move ŷ"): the title says it while the explorer has no focus."""
    KEYS = ""
    """The key line shown in the bottom border."""
    SHORT_KEYS = ""
    """The key line when the explorer is narrow (the ? panel lists every key)."""

    class Changed(Message):
        """The explorer moved; ``readout`` holds the numbers it now shows."""

        def __init__(self, explorer: ExplorerWidget[Any, Any], state: Any, readout: Any) -> None:
            super().__init__()
            self.explorer = explorer
            self.state = state
            self.readout = readout

        @property
        def control(self) -> ExplorerWidget[Any, Any]:
            return self.explorer

    @classmethod
    def from_section(cls, section: ExplorerSection) -> Self:
        """The explorer a lesson's ``explorer`` section names, in its starting state."""
        return cls()  # type: ignore[call-arg]  # every concrete explorer has a default state

    def __init__(
        self,
        state: StateT,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.state: StateT = state
        self.readout: ReadoutT = state.readout()
        self._shown_shape = self._shape()
        self._show_labels()

    def compose(self) -> ComposeResult:
        with Container(classes="view"):
            yield Static(self._readout_renderable(), classes="readout")
            yield FigurePlot(self._figure(), focusable=False)
        yield Static(self._notes(compact=True), classes="notes")

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    def title_text(self, focused: bool) -> str:
        """The title: what Tab lets the learner do, or (focused) that Tab moves on."""
        return f"{self.TITLE} · {'Tab moves on' if focused else f'Tab to {self.HINT}'}"

    def _show_labels(self, focused: bool | None = None) -> None:
        self.border_title = self.title_text(self.has_focus if focused is None else focused)
        self.border_subtitle = self.SHORT_KEYS if self.narrow and self.SHORT_KEYS else self.KEYS

    def on_focus(self) -> None:
        self._show_labels(focused=True)  # called before Textual's own handler sets has_focus

    def on_blur(self) -> None:
        self._show_labels(focused=False)

    # --- moves -------------------------------------------------------------------------

    def action_nudge(self, delta: float) -> None:
        self._set(self.state.nudge(delta))

    def action_toggle_label(self) -> None:
        self._set(self.state.toggle_label())

    def set_state(self, state: StateT) -> None:
        """Move the explorer (as a key press would)."""
        self._set(state)

    def _set(self, state: StateT) -> None:
        if state == self.state:
            return
        self.state = state
        self.readout = state.readout()
        self._show()
        self.post_message(self.Changed(self, state, self.readout))

    # --- display -----------------------------------------------------------------------

    def _figure(self) -> Figure:
        """The curves with the marker at the current position."""
        raise NotImplementedError

    def _numbers(self, compact: bool) -> Text:
        """The numbers, with their names in words (``compact``: in as few lines as they fit)."""
        raise NotImplementedError

    def _notes(self, compact: bool) -> Text:
        """What the numbers mean: under the numbers when wide, under the plot when narrow (``compact``:
        with whatever the compact numbers leave out)."""
        raise NotImplementedError

    def _readout_renderable(self) -> Text:
        """What the readout shows now: the numbers and the notes, or (narrow) the compact numbers."""
        if self.narrow:
            return self._numbers(compact=True)
        return _lines(self._numbers(compact=False), "", self._notes(compact=False))

    def _shape(self) -> object:
        """What decides how many rows the readout and notes take (a subclass whose readout grows
        says so): a move that keeps it needs no new layout, only a repaint (a key press is faster)."""
        return None

    def _show(self) -> None:
        if not self.is_mounted:
            return
        shape = self._shape()
        layout, self._shown_shape = shape != self._shown_shape, shape
        self.query_one(".readout", Static).update(self._readout_renderable(), layout=layout)
        if self.narrow:
            self.query_one(".notes", Static).update(self._notes(compact=True), layout=layout)
        self.query_one(FigurePlot).set_figure(self._figure())

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW
        if narrow != self.narrow:
            self.set_class(narrow, "-narrow")
            self._show_labels()
            self.query_one(".readout", Static).update(self._readout_renderable())
            self.query_one(".notes", Static).update(self._notes(compact=True))

    def action_toggle_table(self) -> None:
        self.query_one(FigurePlot).action_toggle_table()

    def on_figure_plot_table_toggled(self, event: FigurePlot.TableToggled) -> None:
        self.set_class(event.shown, "-table")  # grow to fit the table of values

    @property
    def plot(self) -> FigurePlot:
        return self.query_one(FigurePlot)

    def readout_text(self, width: int = 60) -> str:
        """Everything the readout says, numbers and notes, as plain text (what a screen reader or a
        test reads), whatever the layout."""
        console = Console(width=width, no_color=True, record=True, file=io.StringIO())
        console.print(_lines(self._numbers(compact=False), "", self._notes(compact=False)), soft_wrap=True)
        return console.export_text()


class ProbabilityExplorerWidget(ExplorerWidget[ProbabilityExplorer, ProbabilityReadout]):
    """Move ŷ along the loss curves and read the losses and gradients.

    Args:
        state: where to start (default ŷ = 0.30, true label y = 1).

    Posts ``ProbabilityExplorerWidget.Changed`` after every move.
    """

    TITLE = "Probability explorer"
    HINT = "move ŷ"
    KEYS = "←/→ ŷ ±0.01 · shift or PgUp/PgDn ±0.1 · Home/End · y label · d table"
    SHORT_KEYS = "←/→ ŷ · shift ±0.1 · y label · d table"

    BINDINGS = [
        Binding("left", "nudge(-0.01)", "ŷ −0.01", id="explorer.p_down"),
        Binding("right", "nudge(0.01)", "ŷ +0.01", id="explorer.p_up"),
        Binding("shift+left,pagedown", "nudge(-0.1)", "ŷ −0.1", show=False, id="explorer.p_down_big"),
        Binding("shift+right,pageup", "nudge(0.1)", "ŷ +0.1", show=False, id="explorer.p_up_big"),
        Binding("home", "jump_low", "ŷ = 0.01", show=False, id="explorer.p_min"),
        Binding("end", "jump_high", "ŷ = 0.99", show=False, id="explorer.p_max"),
        Binding("y", "toggle_label", "Flip true label", id="explorer.toggle_label"),
        Binding("d", "toggle_table", "Data table", id="explorer.toggle_table"),
    ]

    class Changed(ExplorerWidget.Changed):
        """The explorer moved; ``readout`` holds the numbers it now shows."""

        state: ProbabilityExplorer
        readout: ProbabilityReadout

    def __init__(
        self,
        state: ProbabilityExplorer | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(state or ProbabilityExplorer(), name=name, id=id, classes=classes)

    def action_jump_low(self) -> None:
        self._set(self.state.jump_low())

    def action_jump_high(self) -> None:
        self._set(self.state.jump_high())

    def _figure(self) -> Figure:
        r = self.readout
        return probability_figure(r.y).with_marker(r.p, r.ce, f"you are here: ŷ {r.p:.2f}, L {f(r.ce)}")

    def _numbers(self, compact: bool) -> Text:
        r = self.readout
        direction = "raise" if r.ce_grad_z < 0 else "lower"
        table = _columns(
            ("", "cross-entropy", "squared error"),
            *_number_columns(
                ("loss L", "∂L/∂ŷ", "∂L/∂z"),
                (r.ce, r.ce_grad_p, r.ce_grad_z),
                (r.mse, r.mse_grad_p, r.mse_grad_z),
            ),
        )
        ratio = f"{r.grad_ratio:.3g}"
        if compact:  # lines of at most 48 cells: a 60-column terminal
            return _lines(
                f"ŷ {r.p:.2f}   y {r.y} (y flips it)   z = logit(ŷ) {f(r.z)}",
                table,
                f"A step {direction}s ŷ · ∂L/∂z, CE ÷ squared error {ratio}",
            )
        return _lines(
            _pairs(
                ("Predicted probability ŷ", f"{r.p:.2f}"),
                ("True label y", f"{r.y}  (y flips it)"),
                ("Logit z = log(ŷ/(1 − ŷ))", f(r.z)),
            ),
            "",
            table,
            "",
            f"A gradient step would {direction} ŷ.",
            _pairs(("∂L/∂z ratio, CE ÷ squared error", ratio)),
        )

    def _notes(self, compact: bool) -> Text:
        return Text(RATIO_NOTE)


class SoftmaxExplorerWidget(ExplorerWidget[SoftmaxExplorer, SoftmaxReadout]):
    """Change two logits and watch softmax(x)₁ agree with σ(x₁ − x₂).

    Args:
        state: where to start (default x₁ = 1.0, x₂ = −0.5, x₁ selected, true class 1).

    Posts ``SoftmaxExplorerWidget.Changed`` after every change.
    """

    TITLE = "Softmax explorer"
    HINT = "change the logits"
    KEYS = "←/→ logit ±0.1 · shift+←/→ ±1 · x or ↑/↓ other logit · y class · d table"
    SHORT_KEYS = "←/→ logit · shift ±1 · x other · y class · d table"

    BINDINGS = [
        Binding("left", "nudge(-0.1)", "logit −0.1", id="explorer.logit_down"),
        Binding("right", "nudge(0.1)", "logit +0.1", id="explorer.logit_up"),
        Binding("shift+left", "nudge(-1.0)", "logit −1", id="explorer.logit_down_big"),
        Binding("shift+right", "nudge(1.0)", "logit +1", id="explorer.logit_up_big"),
        Binding("x", "switch", "Other logit", id="explorer.switch_logit"),
        Binding("up", "select(1)", "Select x₁", show=False, id="explorer.select_x1"),
        Binding("down", "select(2)", "Select x₂", show=False, id="explorer.select_x2"),
        Binding("y", "toggle_label", "Flip true class", id="explorer.toggle_class"),
        Binding("d", "toggle_table", "Data table", id="explorer.toggle_table"),
    ]

    class Changed(ExplorerWidget.Changed):
        """The explorer changed; ``readout`` holds the numbers it now shows."""

        state: SoftmaxExplorer
        readout: SoftmaxReadout

    def __init__(
        self,
        state: SoftmaxExplorer | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(state or SoftmaxExplorer(), name=name, id=id, classes=classes)

    def action_switch(self) -> None:
        self._set(self.state.switch())

    def action_select(self, which: int) -> None:
        self._set(self.state.select(which))

    def _figure(self) -> Figure:
        r = self.readout
        return softmax_figure().with_marker(
            r.diff, r.softmax1, f"softmax(x)₁ = {f(r.softmax1)} at x₁ − x₂ = {fixed(r.diff, 1)}"
        )

    def _numbers(self, compact: bool) -> Text:
        r = self.readout
        rows = [("", "logit", "softmax", "")]
        probabilities = format_column((r.softmax1, r.softmax2))
        for i, (x, p) in enumerate(((r.x1, probabilities[0]), (r.x2, probabilities[1])), start=1):
            chosen = r.selected == i
            tags = ", ".join(tag for tag, on in (("selected", chosen), ("true", compact and r.label == i)) if on)
            rows.append((f"{'▶' if chosen else ' '} class {i}: x{'₁₂'[i - 1]}", fixed(x, 1), p, tags))
        loss = f"Loss −log softmax(x){'₁₂'[r.label - 1]}"
        if compact:  # lines of at most 48 cells: a 60-column terminal
            return _lines(
                _columns(*rows),
                f"σ(x₁ − x₂) = σ({fixed(r.diff, 1)}) = {f(r.sigmoid_diff)} = softmax(x)₁",
                f"{loss} {f(r.ce)} = BCE(x₁ − x₂)",
            )
        return _lines(
            _columns(*rows),
            "",
            _pairs(
                ("x₁ − x₂", fixed(r.diff, 1)),
                ("softmax(x)₁", f(r.softmax1)),
                ("σ(x₁ − x₂)", f(r.sigmoid_diff)),
                ("difference", f(r.gap)),
                ("True class", f"{r.label}  (y flips it)"),
                (loss, f(r.ce)),
                ("Binary CE of x₁ − x₂", f(r.bce)),
            ),
        )

    def _notes(self, compact: bool) -> Text:
        agree = "softmax(x)₁ and σ(x₁ − x₂) agree: two-class softmax is a sigmoid."
        if compact:
            r = self.readout
            return _lines(
                f"softmax(x)₁ − σ(x₁ − x₂) = {f(r.gap)}: {agree}",
                f"The true class is {r.label} (y flips it). {LOGIT_RANGE_NOTE}",
            )
        return _lines(LOGIT_RANGE_NOTE, "", agree)
