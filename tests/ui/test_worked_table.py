"""Worked tables at every width: a number is never cut (Rich cut 0.514 to 0.51 at 60 columns)."""

from __future__ import annotations

from collections import Counter

import pytest
from rich.console import Console

from tutor.content import bundled_course_dir, load_course
from tutor.content.kinds import WorkedSection
from tutor.content.kinds.worked import worked_cells, worked_headers
from tutor.ui.widgets.worked import FittedTable

SECTIONS = [
    (f"{lesson.id}:{n}", section)
    for lesson in load_course(bundled_course_dir()).lessons
    for n, section in enumerate(lesson.sections, 1)
    if isinstance(section, WorkedSection)
]


def _drawn(table: FittedTable, width: int) -> list[str]:
    console = Console(width=width, record=True, color_system=None, legacy_windows=False)
    with console.capture() as capture:
        console.print(table)
    return capture.get().splitlines()


@pytest.mark.parametrize(("where", "section"), SECTIONS, ids=[where for where, _ in SECTIONS])
def test_every_value_is_shown_whole_at_every_width(where, section):
    cells = worked_cells(section)
    table = FittedTable(worked_headers(section), cells)
    values = Counter(cell for row in cells for cell in row)
    assert not any(" " in value for value in values)  # so a value is one whitespace-separated token
    for width in range(24, 131):
        lines = _drawn(table, width)
        assert all(Console().measure(line).maximum <= width for line in lines if line), (width, lines)
        shown = Counter(token for line in lines for token in line.split())
        assert not values - shown, (width, values - shown, lines)
    assert "─" in "".join(_drawn(table, 130))  # with room, a table under its headers


def test_the_table_turns_before_it_breaks_into_blocks():
    """Many columns of long numbers: a table with room, turned on its side with a few rows, and
    in blocks (a row each) with many."""
    headers = ["a", "b", "c", "d", "e", "f"]
    row = ["0.123456", "1.234567", "2.345678", "3.456789", "4.567891", "5.678912"]
    one = FittedTable(headers, [row])
    assert "─" in "".join(_drawn(one, 80))
    assert [line.split() for line in _drawn(one, 40)] == [[h, v] for h, v in zip(headers, row, strict=True)]
    many = FittedTable(headers, [row] * 6)
    blocks = [line.split() for line in _drawn(many, 40)]
    assert blocks[:7] == [*([h, v] for h, v in zip(headers, row, strict=True)), []]
    assert len(blocks) == 6 * 7 - 1
