"""``formula``: a formula in Unicode, its plain-ASCII reading, and what each symbol means."""

from __future__ import annotations

from tutor.content.fields import Fields
from tutor.content.kinds.base import SectionBase


class FormulaSection(SectionBase, frozen=True, tag="formula"):
    """A formula in Unicode, its plain-ASCII reading, and what each symbol means."""

    WIDGET = "tutor.ui.widgets.sections:FormulaView"

    unicode: str
    plain: str
    where: tuple[tuple[str, str], ...] = ()
    caption: str = ""

    @classmethod
    def read(cls, f: Fields) -> FormulaSection:
        where = []
        for item, path, line in f.items("where", []):
            pair = Fields(item, f.file, path, f.problems, line)
            where.append((pair.text("symbol", prose=False), pair.text("meaning")))
            pair.finish()
        return cls(
            unicode=f.text("unicode", prose=False),
            plain=f.text("plain", prose=False),
            where=tuple(where),
            caption=f.text("caption", ""),
        )
