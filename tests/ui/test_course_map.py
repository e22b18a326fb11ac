"""The course map at any size: every lesson's state and best score in view, the columns fitted to
the width (tutor/ui/widgets/lessons.py), and the keys that fit in the footer."""

from __future__ import annotations

import pytest

from tutor.study import Progress
from tutor.ui.widgets.footer import KeysFooter
from tutor.ui.widgets.lessons import HEADERS, LessonTable, Row, fit_columns, format_row

#: The bundled course's longest title has 48 characters; nine lessons.
ROWS = [Row(str(n), "x" * (20 + 3 * n), "12 min", "in progress", "10 / 10") for n in range(1, 10)]


@pytest.mark.parametrize("width", [120, 80, 60, 36])  # 36: the table in the narrowest terminal ce-tutor draws (40)
def test_the_columns_fit_the_width_and_keep_state_and_best_score(width):
    layout = fit_columns(ROWS, width)
    lines = [format_row(layout.headers, layout), *(format_row(row, layout) for row in ROWS)]
    assert all(len(line) <= width for line in lines), (width, max(map(len, lines)))
    for row, line in zip(ROWS, lines[1:], strict=True):
        assert row.state in line and line.endswith(row.best)  # never cut, whatever the width
        shown = line.split("  ")[1].strip()
        assert shown == row.title or (shown.endswith("…") and row.title.startswith(shown[:-1]))


def test_time_goes_before_a_title_is_cut():
    longest = max(len(row.title) for row in ROWS)
    full = fit_columns(ROWS, 200)
    assert full.columns == (0, 1, 2, 3, 4) and full.headers == HEADERS
    without_time = fit_columns(ROWS, longest + 1 + 11 + 9 + 2 * 3)  # just room for the title without Time
    assert 2 not in without_time.columns and without_time.sizes[1] == longest
    narrow = fit_columns(ROWS, 40)
    assert narrow.headers[4] == "Best" and narrow.sizes[1] < longest


async def test_at_60x20_every_lesson_shows_its_state_and_best_score(bundled_course, ui):
    progress = Progress.in_memory(bundled_course)
    first, last = bundled_course.lessons[0], bundled_course.lessons[-1]
    progress.finish_quiz(first.id, 9, 11)
    progress.save_position(last.id, 2)
    app = ui.make_app(bundled_course, progress=progress)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one(LessonTable)
        region = table.region
        assert region.bottom <= app.screen.region.bottom - 1  # above the footer: every row in view
        lines = [str(option.prompt) for option in table.options]
        assert len(lines) == len(bundled_course.lessons) == 9
        assert all(len(line) <= region.width for line in lines)
        assert "done" in lines[0] and lines[0].rstrip().endswith("9 / 11")
        assert "in progress" in lines[-1] and lines[-1].rstrip().endswith("—")
        assert all(" new " in line for line in lines[1:-1])
        assert str(table.border_title).split() == ["#", "Lesson", "State", "Best"]
        footer = [key.key for key in app.screen.query_one(KeysFooter).query("FooterKey")]
        assert footer[-1] == "question_mark" and "x" in footer  # x Exercises, where it fits
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.pause()
        assert str(table.border_title).split()[2] == "Time"  # room for every column again
        assert "ctrl+p" in [key.key for key in app.screen.query_one(KeysFooter).query("FooterKey")]
