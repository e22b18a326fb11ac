"""The code snippet, the lesson summary and the notation sheet, as the learner meets them."""

from __future__ import annotations

from rich.syntax import Syntax

from tutor.ui.screens.notation import NotationScreen
from tutor.ui.widgets.code import CodeView
from tutor.ui.widgets.summary import SummaryView


async def _lesson(ui, course, pilot) -> None:
    await ui.lesson_ready(pilot)


async def test_code_and_summary_sections_show_their_content(mini_course, ui):
    app = ui.make_app(mini_course, lesson="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _lesson(ui, mini_course, pilot)
        code = app.screen.query_one(CodeView)
        assert isinstance(code.content, Syntax) and code.content.code == code.code
        assert code.code.startswith("loss = nn.CrossEntropyLoss()")
        assert "Python" in code.border_title and "not run" in code.border_title
        summary = app.screen.query_one(SummaryView)
        assert "L = −log ŷ" in ui.text_of(app, ".summary-formulas")
        assert "≈ 0.693" in summary.query_one(".text-section").source


async def test_s_opens_the_notation_sheet_from_a_lesson_and_esc_closes_it(mini_course, ui):
    app = ui.make_app(mini_course, lesson="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _lesson(ui, mini_course, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, NotationScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query(".notation-title"))
        assert "Probabilities and labels" in shown and "Logs" in shown
        tables = app.screen.query(".notation-symbols")
        cells = [str(cell) for table in tables for column in table.content.columns for cell in column.cells]
        assert "ŷ" in cells and "the natural log; log 2 ≈ 0.693" in cells  # markers rendered
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "LessonScreen"


async def test_the_notation_key_is_listed_in_the_lesson_help(mini_course, ui):
    from tutor.ui.screens.help import key_lines

    app = ui.make_app(mini_course, lesson="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _lesson(ui, mini_course, pilot)
        assert ("s", "Symbols") in key_lines(app.screen)


async def test_a_course_without_a_sheet_says_so(mini_course, ui):
    import msgspec

    bare = msgspec.structs.replace(mini_course, notation=())
    app = ui.make_app(bare, lesson="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _lesson(ui, bare, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert "no notation sheet" in str(app.screen.query_one("#notation-panel Static").render())


def test_every_bundled_summary_is_drawn_by_the_fast_prose_widget(bundled_course):
    """Summary facts keep to the plain subset, like the lessons' text (fast to open)."""
    from tutor.content.kinds import SummarySection
    from tutor.content.prose import render
    from tutor.ui.widgets.sections import prose_blocks

    summaries = [s for lesson in bundled_course.lessons for s in lesson.sections if isinstance(s, SummarySection)]
    assert summaries
    for summary in summaries:
        markdown = SummaryView(summary).facts_markdown()
        assert prose_blocks(render(markdown)) is not None, markdown
