"""``text``: prose in the Markdown subset of ``tutor.content.markdown`` (number markers allowed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tutor.content.expr import ExprError
from tutor.content.kinds.base import SectionBase
from tutor.content.markdown import MarkdownError, prose_blocks
from tutor.content.prose import render

if TYPE_CHECKING:
    from tutor.content.fields import Fields


class TextSection(SectionBase, frozen=True, tag="text"):
    """Paragraphs and bullet lists, with **bold** and *italic*."""

    WIDGET = "tutor.ui.widgets.sections:text_section_view"

    markdown: str

    @classmethod
    def read(cls, f: Fields) -> TextSection:
        markdown = f.text("markdown")
        try:
            prose_blocks(render(markdown))
        except ExprError:
            pass  # a malformed number marker, reported by f.text
        except MarkdownError as exc:
            f.error(str(exc), "markdown")
        return cls(markdown=markdown)
