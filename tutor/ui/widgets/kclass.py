"""The K-class explorer: 3 to 5 logits moved with the keys, softmax probabilities drawn as bars.

The widget does no maths: the probabilities, the loss and the gradient per class come from
the state's ``readout()`` (``tutor.explorers.KClassExplorer``, which asks ``tutor.core``). The
bars are text (█ and eighths of it), so they read the same with NO_COLOR; the plot beside them
is the loss as the selected logit sweeps its range, the marker at its current value, so the
slope under the marker is that class's gradient.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from tutor.explorers import K_LOGIT_MAX, K_LOGIT_MIN, K_MAX, K_MIN, KClassExplorer, KClassReadout
from tutor.plots.figures import Figure, kclass_figure
from tutor.plots.numbers import format_number as f
from tutor.ui.widgets.explorer import ExplorerWidget, _columns, _lines, _pairs, fixed

#: Cells of a full bar (probability 1).
BAR_CELLS = 10
_EIGHTHS = " ▏▎▍▌▋▊▉"
_SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉"

#: What the gradient column means (the claim tests read it).
GRADIENT_NOTE = "∂L/∂zₖ = pₖ − 1 for the true class and pₖ for every other: the gradient always sums to 0."
RANGE_NOTE = (
    f"Each logit stays within [{fixed(K_LOGIT_MIN / 10, 0)}, {fixed(K_LOGIT_MAX / 10, 0)}]; {K_MIN} to {K_MAX} classes."
)


def bar(p: float, cells: int = BAR_CELLS) -> str:
    """``p`` in [0, 1] as a text bar ``cells`` wide: full blocks, one partial block, dots for the rest."""
    eighths = round(max(0.0, min(1.0, p)) * cells * 8)
    full, part = divmod(eighths, 8)
    text = "█" * full + (_EIGHTHS[part] if part else "")
    return text + "·" * (cells - len(text))


class KClassExplorerWidget(ExplorerWidget[KClassExplorer, KClassReadout]):
    """Move K logits and watch softmax, the loss and the gradient per class.

    Args:
        state: where to start (default logits 2.0, 1.0, 0.1, class 1 selected and true).

    Posts ``KClassExplorerWidget.Changed`` after every change.
    """

    TITLE = "K-class explorer"
    HINT = "move the logits"
    KEYS = "←/→ logit ±0.1 · shift ±1 · ↑/↓ or 1–5 class · y true class · +/− classes · 0 equal · d table"
    SHORT_KEYS = "←/→ logit · ↑/↓ class · y true · +/− classes · d table"

    BINDINGS = [
        Binding("left", "nudge(-0.1)", "logit −0.1", id="explorer.k_logit_down"),
        Binding("right", "nudge(0.1)", "logit +0.1", id="explorer.k_logit_up"),
        Binding("shift+left", "nudge(-1.0)", "logit −1", show=False, id="explorer.k_logit_down_big"),
        Binding("shift+right", "nudge(1.0)", "logit +1", show=False, id="explorer.k_logit_up_big"),
        Binding("up", "select_step(-1)", "Previous class", show=False, id="explorer.k_previous"),
        Binding("down", "select_step(1)", "Next class", show=False, id="explorer.k_next"),
        *(
            Binding(str(k), f"select({k - 1})", f"Select class {k}", show=False, id=f"explorer.k_select_{k}")
            for k in range(1, K_MAX + 1)
        ),
        Binding("y", "toggle_label", "Next true class", id="explorer.k_true_class"),
        Binding("plus,equals_sign", "add_class", "Add a class", show=False, id="explorer.k_add"),
        Binding("minus", "remove_class", "Remove a class", show=False, id="explorer.k_remove"),
        Binding("0", "equal_logits", "Equal logits", id="explorer.k_equal"),
        Binding("d", "toggle_table", "Data table", id="explorer.toggle_table"),
    ]

    class Changed(ExplorerWidget.Changed):
        """The explorer changed; ``readout`` holds the numbers it now shows."""

        state: KClassExplorer
        readout: KClassReadout

    def __init__(
        self,
        state: KClassExplorer | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(state or KClassExplorer(), name=name, id=id, classes=classes)

    # --- moves -------------------------------------------------------------------------

    def action_select(self, which: int) -> None:
        self._set(self.state.select(which))

    def action_select_step(self, step: int) -> None:
        self._set(self.state.select_step(step))

    def action_add_class(self) -> None:
        self._set(self.state.add_class())

    def action_remove_class(self) -> None:
        self._set(self.state.remove_class())

    def action_equal_logits(self) -> None:
        self._set(self.state.equal_logits())

    # --- display -----------------------------------------------------------------------

    def _figure(self) -> Figure:
        r, s = self.readout, self.state
        name = f"z{_SUBSCRIPTS[r.selected + 1]}"
        return kclass_figure(s.tenths, r.selected, r.label).with_marker(
            r.logits[r.selected], r.loss, f"you are here: {name} = {fixed(r.logits[r.selected], 1)}, L = {f(r.loss)}"
        )

    def _numbers(self, compact: bool) -> Text:
        r = self.readout
        rows = [("  class", "logit", "p = softmax" + " " * (BAR_CELLS - 5), "∂L/∂z")]
        for k, (z, p, g) in enumerate(zip(r.logits, r.probs, r.grads, strict=True)):
            mark = "▶" if k == r.selected else " "
            true = " true" if k == r.label else ""
            rows.append((f"{mark} {k + 1}{true}", fixed(z, 1), f"{bar(p)} {p:.3f}", fixed(g, 3)))
        if r.predicted is None:
            predicted = "none (a tie)" if compact else "none: the highest logits tie"
        else:
            predicted = f"{r.predicted + 1} ({'right' if r.predicted == r.label else 'wrong'})"
        loss = f"Loss L = −log p{_SUBSCRIPTS[r.label + 1]}"
        uniform = f"Equal logits: log {len(r.logits)}"
        if compact:  # lines of at most 48 cells: a 60-column terminal
            return _lines(_columns(*rows), f"{loss} {f(r.loss)} · predicted {predicted}")
        return _lines(
            _columns(*rows),
            self._marks(),
            "",
            _pairs(
                (loss, f(r.loss)),
                (uniform, f(r.uniform_loss)),
                ("Sum of the probabilities", f"{r.prob_sum:.4f}"),
                ("Sum of the gradients", fixed(r.grad_sum, 3)),
                ("Predicted class", predicted),
            ),
        )

    def _shape(self) -> object:
        # A row per class; "predicted: none" (a tie) is longer and may wrap.
        return self.state.k, self.readout.predicted is None

    def _marks(self) -> str:
        r = self.readout
        return f"▶ marks the class ←/→ moves ({r.selected + 1}); the true class is {r.label + 1} (y changes it)."

    def _notes(self, compact: bool) -> Text:
        r = self.readout
        sums = f"The probabilities sum to {r.prob_sum:.4f}, the gradients to {fixed(r.grad_sum, 3)}."
        if compact:
            uniform = f"With equal logits the loss is log {len(r.logits)} = {f(r.uniform_loss)}."
            return _lines(self._marks(), uniform, sums, GRADIENT_NOTE, RANGE_NOTE)
        return _lines(GRADIENT_NOTE, RANGE_NOTE)
