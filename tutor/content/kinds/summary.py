"""``summary``: the end of a lesson on one screen: its key formulas and the facts to keep.

Formulas are written as the formula kind writes them (Unicode, no markers); facts are prose
and may state numbers with markers, which ``ce-tutor check`` verifies like any other. The
counts and widths are bounded so the summary fits one screen at 120×40 and reads at 60 columns.
"""

from __future__ import annotations

from tutor.content.expr import ExprError
from tutor.content.fields import Fields, describe
from tutor.content.kinds.base import SectionBase
from tutor.content.prose import render

MAX_FORMULAS = 6
MAX_FACTS = 7
#: Formulas are not re-wrapped: they must fit a 60-column terminal.
MAX_FORMULA_WIDTH = 56
#: A fact is a sentence or two.
MAX_FACT_LENGTH = 260


class SummarySection(SectionBase, frozen=True, tag="summary"):
    """The key formulas and facts of a lesson, shown together at its end."""

    WIDGET = "tutor.ui.widgets.summary:SummaryView"

    formulas: tuple[str, ...]
    facts: tuple[str, ...]
    title: str = "Summary"

    @classmethod
    def read(cls, f: Fields) -> SummarySection:
        formulas = _strings(f, "formulas", MAX_FORMULAS, MAX_FORMULA_WIDTH, prose=False)
        facts = _strings(f, "facts", MAX_FACTS, MAX_FACT_LENGTH, prose=True)
        return cls(formulas=formulas, facts=facts, title=f.text("title", "Summary"))


def _strings(f: Fields, key: str, most: int, longest: int, *, prose: bool) -> tuple[str, ...]:
    """The list of strings at ``key`` (at least one, at most ``most``, each at most ``longest`` long)."""
    items = f.items(key)
    if f.ok and isinstance(f.data.get(key), list) and not items:
        f.error("must list at least one entry", key)
    if len(items) > most:
        f.error(f"{len(items)} entries; a summary holds at most {most}, to fit one screen", key)
    out = []
    for value, path, line in items:
        item = Fields({}, f.file, path, f.problems, line)
        if not isinstance(value, str) or not value.strip():
            item.error(f"expected text, got {describe(value)}")
            continue
        if prose:
            item.check_prose(value, "")
        kept = " ".join(value.split()) if prose else value.strip()  # formulas keep their spacing
        if _shown_length(kept) > longest:
            item.error(f"{_shown_length(kept)} characters as shown; at most {longest}")
        out.append(kept)
    return tuple(out)


def _shown_length(text: str) -> int:
    """How long ``text`` reads with its markers rendered (as written, if a marker is malformed:
    that is reported on its own)."""
    try:
        return len(render(text))
    except ExprError:
        return len(text)
