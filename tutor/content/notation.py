"""The notation sheet: every symbol the course uses, in titled groups (``notation.yaml``).

A learner opens it from any lesson with one key. Its meanings are prose like the lessons'
(number markers allowed, and checked); counts and lengths are bounded so the sheet stays a
sheet. This module only reads and validates; the UI shows it.
"""

from __future__ import annotations

from tutor.content.fields import Fields
from tutor.content.model import NOTATION_FILE, NotationGroup

__all__ = ["NOTATION_FILE", "read_notation"]
MAX_GROUPS = 12
MAX_SYMBOLS = 120
#: A symbol is a short piece of notation; a meaning is a sentence or two.
MAX_SYMBOL_LENGTH = 24
MAX_MEANING_LENGTH = 240


def read_notation(f: Fields) -> tuple[NotationGroup, ...]:
    """The groups of the sheet in ``f`` (its top-level mapping), reporting located problems to ``f``."""
    if not f.ok:
        return ()
    groups = []
    listed = f.items("groups")
    if len(listed) > MAX_GROUPS:
        f.error(f"{len(listed)} groups; at most {MAX_GROUPS}", "groups")
    for item, path, line in listed:
        group = Fields(item, f.file, path, f.problems, line)
        if group.ok:
            groups.append(_group(group))
        group.finish()
    f.finish()
    total = sum(len(group.symbols) for group in groups)
    if total > MAX_SYMBOLS:
        f.error(f"{total} symbols; at most {MAX_SYMBOLS}", "groups")
    _report_duplicates(f, groups)
    return tuple(groups)


def _group(f: Fields) -> NotationGroup:
    title = f.text("title")
    symbols = []
    for item, path, line in f.items("symbols"):
        entry = Fields(item, f.file, path, f.problems, line)
        if entry.ok:
            symbol, meaning = entry.text("symbol", prose=False), entry.text("meaning")
            if len(symbol) > MAX_SYMBOL_LENGTH:
                entry.error(f"{len(symbol)} characters; a symbol has at most {MAX_SYMBOL_LENGTH}", "symbol")
            if len(" ".join(meaning.split())) > MAX_MEANING_LENGTH:
                entry.error(f"longer than {MAX_MEANING_LENGTH} characters", "meaning")
            if symbol and meaning:
                symbols.append((symbol.strip(), " ".join(meaning.split())))
        entry.finish()
    return NotationGroup(title, tuple(symbols))


def _report_duplicates(f: Fields, groups: list[NotationGroup]) -> None:
    """A symbol listed twice is a sheet that contradicts or repeats itself."""
    seen: set[str] = set()
    for group in groups:
        for symbol, _ in group.symbols:
            if symbol in seen:
                f.error(f"symbol {symbol!r} is listed twice", "groups")
            seen.add(symbol)
