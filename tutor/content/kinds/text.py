"""``text``: Markdown prose (the plain subset the course writes; number markers allowed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tutor.content.kinds.base import SectionBase

if TYPE_CHECKING:
    from tutor.content.fields import Fields


class TextSection(SectionBase, frozen=True, tag="text"):
    """Markdown prose."""

    WIDGET = "tutor.ui.widgets.sections:text_section_view"

    markdown: str

    @classmethod
    def read(cls, f: Fields) -> TextSection:
        return cls(markdown=f.text("markdown"))
