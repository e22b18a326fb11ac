"""``plot``: a named figure from ``tutor.plots`` (curves computed by the core)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tutor.content.kinds.base import SectionBase

if TYPE_CHECKING:
    from tutor.content.fields import Fields

#: Figures ``tutor.plots`` can draw; kept here so loading needs neither numpy nor plotext
#: (``tests/plots`` checks that the two lists agree).
FIGURES = (
    *("ce-loss", "ce-vs-mse", "grad-p", "grad-z", "sigmoid"),
    *("entropy-kl", "softmax-twice", "float32-bce", "focal"),
)


class PlotSection(SectionBase, frozen=True, tag="plot"):
    """A named figure from ``tutor.plots`` (curves computed by the core)."""

    WIDGET = "tutor.ui.widgets.plot:FigurePlot.from_section"

    figure: str
    caption: str = ""

    @classmethod
    def read(cls, f: Fields) -> PlotSection:
        return cls(figure=f.choice("figure", FIGURES), caption=f.text("caption", ""))

    def lesson_caption(self) -> str:
        return self.caption
