"""Opening a lesson: the first sections come at once, the rest fill in after the first frame;
n/p, the indicator and a saved position work for sections not mounted yet."""

from __future__ import annotations

import pytest

from tutor.ui.screens.lesson import LessonScreen


async def _settled(pilot) -> None:
    await pilot.pause()
    while not getattr(pilot.app.screen, "fully_mounted", True):
        await pilot.pause()
    await pilot.pause()


@pytest.fixture
def no_fill(monkeypatch):
    """Stop the background fill: only what the screen composed (and navigation mounts) exists."""
    monkeypatch.setattr(LessonScreen, "_fill", lambda self: None)


def _top_is(screen, number: int) -> bool:
    body = screen.query_one("#lesson-body")
    return screen.query_one(f"#section-{number}").virtual_region_with_margin.y == round(body.scroll_y)


async def test_a_long_lesson_composes_about_a_screenful(bundled_course, ui, no_fill):
    count = len(bundled_course.lesson("cross-entropy").sections)
    app = ui.make_app(bundled_course, lesson="cross-entropy")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert 2 <= screen.mounted_sections < count and not screen.fully_mounted
        assert len(screen.query(".section")) == screen.mounted_sections
        body = screen.query_one("#lesson-body")
        last = screen.query_one(f"#section-{screen.mounted_sections}")
        assert last.virtual_region.bottom >= body.scrollable_content_region.height  # the view is full
        assert ui.text_of(app, "#lesson-position").endswith(f"section 1 of {count}")


async def test_the_rest_fills_in_after_the_first_frame(bundled_course, ui):
    count = len(bundled_course.lesson("cross-entropy").sections)
    app = ui.make_app(bundled_course, lesson="cross-entropy")
    async with app.run_test(size=ui.size) as pilot:
        await _settled(pilot)
        screen = app.screen
        assert screen.fully_mounted and len(screen.query(".section")) == count
        numbers = [int(box.id.split("-")[1]) for box in screen.query(".section")]
        assert numbers == list(range(1, count + 1))  # in order, all before the end box
        assert screen.query_one("#lesson-body").children[-1].id == "lesson-end"
        assert ui.text_of(app, "#lesson-position").endswith(f"section 1 of {count}")


async def test_n_and_p_reach_sections_not_mounted_yet(bundled_course, ui, no_fill):
    count = len(bundled_course.lesson("cross-entropy").sections)
    app = ui.make_app(bundled_course, lesson="cross-entropy")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        screen = app.screen
        first = screen.mounted_sections
        assert first < count
        for expected in range(2, first + 4):
            await pilot.press("n")
            await pilot.pause()
            assert ui.text_of(app, "#lesson-position").endswith(f"section {expected} of {count}")
            assert _top_is(screen, expected)
        assert screen.mounted_sections > first + 2
        await pilot.press(*["n"] * count)
        await pilot.pause()
        assert screen.fully_mounted
        assert ui.text_of(app, "#lesson-position").endswith(f"section {count} of {count}")
        body = screen.query_one("#lesson-body")
        assert body.scroll_y == body.max_scroll_y
        assert screen.query_one("#take-quiz").region.height > 0
        await pilot.press("p")
        await pilot.pause()
        assert ui.text_of(app, "#lesson-position").endswith(f"section {count - 1} of {count}")
        assert _top_is(screen, count - 1)


@pytest.mark.parametrize("saved", [2, 13])
async def test_a_saved_position_far_down_is_mounted_and_shown(bundled_course, ui, no_fill, saved):
    count = len(bundled_course.lesson("cross-entropy").sections)
    app = ui.make_app(bundled_course)
    app.progress.save_position("cross-entropy", saved)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        app.open_lesson("cross-entropy")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert ui.text_of(app, "#lesson-position").endswith(f"section {saved + 1} of {count}")
        assert screen.mounted_sections > saved + 1  # and what follows it
        assert _top_is(screen, saved + 1)


async def test_the_fill_waits_while_a_quiz_is_on_top(bundled_course, ui):
    app = ui.make_app(bundled_course, lesson="cross-entropy")
    async with app.run_test(size=ui.size) as pilot:
        app.call_later(app.open_quiz, "cross-entropy")  # t, before the lesson has filled in
        await pilot.pause()
        lesson = app.screen_stack[-2]
        assert isinstance(lesson, LessonScreen) and type(app.screen).__name__ == "QuizScreen"
        await pilot.pause()
        paused_at = lesson.mounted_sections
        assert not lesson.fully_mounted
        await pilot.pause(0.2)
        assert lesson.mounted_sections == paused_at
        await pilot.press("escape")
        await _settled(pilot)
        assert app.screen is lesson and lesson.fully_mounted


@pytest.mark.parametrize("size", [(40, 12), (60, 20), (160, 50)])
async def test_sizes_and_resizes_while_filling(bundled_course, ui, size):
    count = len(bundled_course.lesson("why-not-mse").sections)
    app = ui.make_app(bundled_course, lesson="why-not-mse")
    async with app.run_test(size=size) as pilot:
        await pilot.press("n", "n", "n")
        await pilot.resize_terminal(100, 30)
        await pilot.press("n")
        await _settled(pilot)
        assert app.screen.fully_mounted
        assert ui.text_of(app, "#lesson-position").endswith(f"section 5 of {count}")
        assert _top_is(app.screen, 5)


async def test_n_waits_for_a_module_still_importing_then_lands_on_the_section(bundled_course, ui, monkeypatch):
    """A first lesson imports numpy and plotext in a thread: sections that need them are mounted
    once imported, and a jump to them (or past them) lands where it should when they are."""
    importing = {"on": True}
    monkeypatch.setattr(LessonScreen, "_still_importing", lambda self, name: importing["on"] and bool(name))
    lesson = bundled_course.lesson("logarithms")
    count = len(lesson.sections)
    app = ui.make_app(bundled_course, lesson="logarithms")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        screen = app.screen
        waiting_at = screen.mounted_sections
        assert lesson.sections[waiting_at].kind == "worked"  # the first section that needs numpy
        await pilot.press("n", "n")
        await pilot.pause()
        assert ui.text_of(app, "#lesson-position").endswith(f"section 3 of {count}")  # at once
        assert screen.mounted_sections == waiting_at
        importing["on"] = False
        await _settled(pilot)
        assert screen.fully_mounted
        assert ui.text_of(app, "#lesson-position").endswith(f"section 3 of {count}")
        assert _top_is(screen, 3)
