"""``lab``: a small training run (``tutor.lab``): one neuron trained with BCE and with MSE."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tutor.content.kinds.base import SectionBase

if TYPE_CHECKING:
    from tutor.content.fields import Fields


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
        )

    def lesson_caption(self) -> str:
        return self.caption
