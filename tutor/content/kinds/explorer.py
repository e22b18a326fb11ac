"""``explorer``: an interactive explorer the learner drives with the keyboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tutor.content.kinds.base import SectionBase

if TYPE_CHECKING:
    from tutor.content.fields import Fields

#: Each explorer a course may name, and the widget that is it.
EXPLORERS = {
    "probability": "tutor.ui.widgets.explorer:ProbabilityExplorerWidget.from_section",
    "softmax": "tutor.ui.widgets.explorer:SoftmaxExplorerWidget.from_section",
    "k-class": "tutor.ui.widgets.kclass:KClassExplorerWidget.from_section",
}


class ExplorerSection(SectionBase, frozen=True, tag="explorer"):
    """An interactive explorer the learner drives with the keyboard."""

    explorer: str
    caption: str = ""

    @classmethod
    def read(cls, f: Fields) -> ExplorerSection:
        return cls(explorer=f.choice("explorer", tuple(EXPLORERS)), caption=f.text("caption", ""))

    def widget(self) -> str:
        return EXPLORERS[self.explorer]

    def lesson_caption(self) -> str:
        return self.caption
