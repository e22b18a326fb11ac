"""``lab``: a small training run (``tutor.lab``): one neuron trained with BCE and with MSE."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tutor.content.errors import Location
from tutor.content.kinds.base import SectionBase
from tutor.safe_text import excerpt

if TYPE_CHECKING:
    from tutor.content.fields import Fields

#: What a lab can show, its ``show`` (``tutor.plots.figures.LAB_PARTS``, kept here so loading needs
#: no numpy): the loss curves with how long each run took to halve its loss, the histograms of
#: the predictions with how many are extreme, or both (the default), in the order listed.
LAB_PARTS = ("losses", "histograms")


class LabSection(SectionBase, frozen=True, tag="lab"):
    """A small training run (``tutor.lab``): one neuron trained with BCE and with MSE."""

    WIDGET = "tutor.ui.widgets.lab:LabWidget"

    caption: str = ""
    n: int = 200
    seed: int = 0
    separation: float = 2.0
    label_noise: float = 0.0
    epochs: int = 300
    lr: float = 0.5
    w0: float = 0.0
    b0: float = 0.0
    show: tuple[str, ...] = LAB_PARTS
    """The parts shown, in this order: the lesson's point first (a plateau, the extremes)."""

    @classmethod
    def read(cls, f: Fields) -> LabSection:
        d = cls()
        return cls(
            caption=f.text("caption", ""),
            n=f.whole("n", d.n, low=10, high=5000),
            seed=f.whole("seed", d.seed, low=0),
            separation=f.number("separation", d.separation, low=0.0, high=20.0),
            label_noise=f.number("label_noise", d.label_noise, low=0.0, high=0.5),
            epochs=f.whole("epochs", d.epochs, low=1, high=5000),
            lr=f.number("lr", d.lr, low=1e-6, high=100.0),
            w0=f.number("w0", d.w0),
            b0=f.number("b0", d.b0),
            show=_parts(f),
        )

    def lesson_caption(self) -> str:
        return self.caption


def _parts(f: Fields) -> tuple[str, ...]:
    """The ``show`` list: one or both of ``LAB_PARTS``, each once, in the order written."""
    from tutor.content.fields import describe  # the reader's module, loaded whenever a lab is read

    if "show" not in f.data:
        f.used.add("show")
        return LAB_PARTS
    chosen: list[str] = []
    for item, path, line in f.items("show"):
        where = Location(f.file, line, path)
        if not isinstance(item, str) or item not in LAB_PARTS:
            shown = excerpt(item) if isinstance(item, str) else describe(item)
            f.problems.add(where, f"expected one of {', '.join(LAB_PARTS)}; got {shown}")
        elif item in chosen:
            f.problems.add(where, f"{item} is listed twice")
        else:
            chosen.append(item)
    if isinstance(f.data["show"], list) and not f.data["show"]:
        f.error(f"list at least one of {', '.join(LAB_PARTS)}", "show")
    return tuple(chosen) or LAB_PARTS
