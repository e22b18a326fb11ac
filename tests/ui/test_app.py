"""The app as a learner walks it: course map, lesson, quiz, results and back; help, palette, sizes."""

from __future__ import annotations

import pytest

from tutor.ui.widgets.lessons import LessonTable


async def test_home_lists_lessons_with_minutes_state_and_score(mini_course, ui):
    app = ui.make_app(mini_course)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        assert ui.stack(app) == ["HomeScreen"]
        assert ui.row(app, 0) == ["1", "Basics", "3 min", "new", "—"]
        assert "Every section and question kind, once." in ui.text_of(app, "#lesson-summary")
        footer_keys = {b.binding.key for b in app.screen.active_bindings.values() if b.binding.show}
        assert {"enter", "t", "q", "question_mark"} <= footer_keys


async def test_home_lesson_quiz_results_and_back(mini_course, ui):
    app = ui.make_app(mini_course)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert ui.stack(app) == ["HomeScreen", "LessonScreen"]
        assert ui.position(app) == f"Lesson 1 of 1 · section 1 of {len(mini_course.lessons[0].sections)}"
        await pilot.press("t")
        await pilot.pause()
        assert ui.stack(app) == ["HomeScreen", "LessonScreen", "QuizScreen"]
        for right in (True, False, True, True):
            await ui.answer(pilot, right=right)
            await ui.next_question(pilot)
        assert ui.stack(app) == ["HomeScreen", "LessonScreen", "ResultsScreen"]
        assert ui.text_of(app, "#results-score").startswith("Score: 3 / 4")
        await pilot.press("escape")
        await pilot.pause()
        assert ui.stack(app) == ["HomeScreen", "LessonScreen"]
        await pilot.press("escape")
        await pilot.pause()
        assert ui.stack(app) == ["HomeScreen"]
        assert ui.row(app, 0)[3:] == ["done", "3 / 4"]


async def test_opened_lesson_is_in_progress_and_backspace_goes_home(mini_course, ui):
    app = ui.make_app(mini_course)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("backspace")
        await pilot.pause()
        assert ui.stack(app) == ["HomeScreen"]
        assert ui.row(app, 0)[3] == "in progress"


async def test_leaving_a_quiz_returns_to_where_it_was_started(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")  # `ce-tutor quiz basics`: over the course map
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        assert ui.stack(app) == ["HomeScreen", "QuizScreen"]
        await pilot.press("escape")
        await pilot.pause()
        assert ui.stack(app) == ["HomeScreen"]
        await pilot.press("enter", "t")  # from the lesson: back to the lesson
        await pilot.pause()
        assert ui.stack(app) == ["HomeScreen", "LessonScreen", "QuizScreen"]
        await pilot.press("escape")
        await pilot.pause()
        assert ui.stack(app) == ["HomeScreen", "LessonScreen"]


async def test_section_navigation_with_n_and_p(mini_course, ui):
    count = len(mini_course.lessons[0].sections)
    app = ui.make_app(mini_course, lesson="basics")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        screen = app.screen
        body = screen.query_one("#lesson-body")
        for expected in (2, 3, 4):
            await pilot.press("n")
            await pilot.pause()
            assert ui.position(app).endswith(f"section {expected} of {count}")
            section = screen.query_one(f"#section-{expected}")
            assert section.virtual_region_with_margin.y == round(body.scroll_y)  # its top is at the top of the view
        await pilot.press("p")
        await pilot.pause()
        assert ui.position(app).endswith(f"section 3 of {count}")
        for _ in range(8):  # past the end: stays on the last section, shows the quiz button
            await pilot.press("n")
        await pilot.pause()
        assert ui.position(app).endswith(f"section {count} of {count}")
        assert body.scroll_y == body.max_scroll_y
        assert screen.query_one("#take-quiz").region.height > 0  # visible on screen
        for _ in range(9):
            await pilot.press("p")
        await pilot.pause()
        assert ui.position(app).endswith(f"section 1 of {count}")
        assert body.scroll_y == 0


async def test_scrolling_by_hand_moves_the_indicator(mini_course, ui):
    count = len(mini_course.lessons[0].sections)
    app = ui.make_app(mini_course, lesson="basics")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await pilot.press(*["j"] * 12, "pagedown")
        await pilot.pause()
        assert not ui.position(app).endswith(f"section 1 of {count}")
        await pilot.press("home")
        await pilot.pause()
        assert ui.position(app).endswith(f"section 1 of {count}")


async def test_lesson_renders_every_section_kind(mini_course, ui):
    app = ui.make_app(mini_course, lesson="basics")
    async with app.run_test(size=ui.size) as pilot:
        await ui.lesson_ready(pilot)
        screen = app.screen
        assert len(screen.query(".section")) == len(mini_course.lessons[0].sections)
        # prose: the number marker reads as the learner sees it
        markdown = screen.query_one(".text-section")
        assert "≈ 4.6" in markdown.source and "{{" not in markdown.source
        # formula: Unicode, with its plain-text form beneath
        assert "Plain text: L = -[y*log(p) + (1-y)*log(1-p)]" in ui.text_of(app, ".formula-plain")
        # worked table: every cell computed by the core
        from tutor.content.kinds.worked import worked_cells

        section = mini_course.lessons[0].sections[2]
        assert worked_cells(section) == [["0.99", "0.010"], ["0.50", "0.693"]]


async def test_take_the_quiz_button(mini_course, ui):
    app = ui.make_app(mini_course, lesson="basics")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        app.screen.query_one("#take-quiz").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert ui.stack(app) == ["HomeScreen", "LessonScreen", "QuizScreen"]


async def test_command_palette_jumps_to_a_quiz(mini_course, ui):
    app = ui.make_app(mini_course)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"quiz basics")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert ui.stack(app) == ["HomeScreen", "QuizScreen"]  # started from the course map


async def test_command_palette_jumps_to_a_lesson_from_a_quiz(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"lesson 1")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert ui.stack(app) == ["HomeScreen", "LessonScreen"]


@pytest.mark.parametrize("where", ["home", "lesson", "quiz"])
async def test_help_lists_the_keys_of_the_current_screen(mini_course, ui, where):
    kwargs = {"lesson": "basics"} if where == "lesson" else {"quiz": "basics"} if where == "quiz" else {}
    app = ui.make_app(mini_course, **kwargs)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        under = app.screen
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        shown = dict(app.screen.lines)
        descriptions = set(shown.values())
        for binding in type(under).BINDINGS:
            if under.check_action(binding.action, ()) is not False and "(" not in binding.action:
                assert binding.description in descriptions
        if where == "quiz":
            assert shown["1 / a"] == "Option a)"
            assert "In the box every key is text: Esc leaves it" in str(app.screen.query_one("#help-note").content)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is under


async def test_40_by_12_shows_what_fits(mini_course, ui):
    app = ui.make_app(mini_course)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("TooSmall").display
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n", "n", "t")
        await pilot.pause()
        for right in (True, False, True, False):
            await ui.answer(pilot, right=right)
            assert app.screen.query_one("#verdict-word").region.height == 1  # scrolled into view
            await ui.next_question(pilot)
        assert ui.text_of(app, "#results-score").startswith("Score: 2 / 4")


@pytest.mark.parametrize("size", [(39, 12), (40, 11), (20, 6)])
async def test_smaller_than_40_by_12_asks_to_enlarge(quiz_course, ui, size):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        notice = app.screen.query_one("TooSmall")
        assert notice.display and "Enlarge it to at least 40 columns × 12 rows" in str(notice.content)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not notice.display


async def test_resize_mid_quiz_keeps_the_answer(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await ui.answer(pilot, right=False)
        await ui.next_question(pilot)
        await ui.answer(pilot, right=True)
        before = ui.text_of(app, "#verdict-details")
        for size in ((40, 12), (30, 8), (60, 20), (100, 30)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        assert ui.text_of(app, "#quiz-counter") == "Question 2 / 4"
        assert ui.text_of(app, "#verdict-word") == "✓ Correct"
        assert ui.text_of(app, "#verdict-details") == before
        await ui.next_question(pilot)
        await pilot.resize_terminal(50, 14)
        await pilot.press(*"0.69")
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert app.screen.query_one("#quiz-number").value == "0.69"


async def test_quit_from_home(mini_course, ui):
    app = ui.make_app(mini_course)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_bundled_course_opens(bundled_course, ui):
    app = ui.make_app(bundled_course)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        assert app.screen.query_one(LessonTable).row_count == len(bundled_course.lessons)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "LessonScreen"


async def test_progress_is_saved_in_the_store_and_read_back(mini_course, ui, tmp_path):
    count = len(mini_course.lessons[0].sections)
    from tutor.progress import open_store
    from tutor.study import Progress

    with open_store(tmp_path) as store:
        app = ui.make_app(mini_course, quiz="basics", progress=Progress(store, mini_course))
        async with app.run_test(size=ui.size) as pilot:
            await pilot.pause()
            for right in (True, True, False, True):
                await ui.answer(pilot, right=right)
                await ui.next_question(pilot)
            assert ui.text_of(app, "#results-score").startswith("Score: 3 / 4")
        answers = store.export()["answers"]
        assert [(a["question_id"], bool(a["correct"])) for a in answers] == [
            ("pick", True),
            ("tf", True),
            ("num", False),
            ("gen", True),
        ]
    with open_store(tmp_path) as store:  # a later run: the course map remembers
        app = ui.make_app(mini_course, progress=Progress(store, mini_course))
        async with app.run_test(size=ui.size) as pilot:
            await pilot.pause()
            assert ui.row(app, 0)[3:] == ["done", "3 / 4"]
            await pilot.press("enter", "n", "n")
            await pilot.pause()
        app = ui.make_app(mini_course, progress=Progress(store, mini_course))
        async with app.run_test(size=ui.size) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.pause()
            assert ui.position(app).endswith(f"section 3 of {count}")  # resumed where it was left
