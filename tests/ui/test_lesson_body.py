"""The lesson body: what opening a lesson mounts and when it is Ready, jumps to sections not
mounted yet, Tab and focus by what is on screen, the position line and the end of the lesson."""

from __future__ import annotations

import asyncio

import pytest

from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.widgets.lesson_body import LessonBody


@pytest.fixture
def gate(monkeypatch) -> asyncio.Event:
    """Holds the fill before each section it would mount (as an import still running would),
    until the test sets the event: only what the screen composed, and nothing after, exists."""
    event = asyncio.Event()

    async def held(self, index: int) -> None:
        await event.wait()

    monkeypatch.setattr(LessonBody, "_imported", lambda self, index: event.is_set())
    monkeypatch.setattr(LessonBody, "_import_for", held)
    return event


def _body(app) -> LessonBody:
    return app.screen.query_one(LessonBody)


def _position(ui, app) -> str:
    return ui.text_of(app, "#lesson-position")


def _landed_on(body: LessonBody, number: int) -> bool:
    """Section ``number``'s top is at the top of the view, or the view is as far down as it goes
    (section 1: the view is at the top, with the lesson's introduction)."""
    if number == 1:
        return body.scroll_y == 0
    region = body.query_one(f"#section-{number}").virtual_region_with_margin
    return round(body.scroll_y) == min(region.y, round(body.max_scroll_y))


async def test_opening_composes_up_to_the_first_section_and_the_rest_fills_in(bundled_course, ui, gate):
    count = len(bundled_course.lesson("cross-entropy").sections)
    seen: list = []
    app = ui.make_app(bundled_course, lesson="cross-entropy")
    async with app.run_test(size=ui.size, message_hook=seen.append) as pilot:
        await pilot.pause()
        body = _body(app)
        assert body.mounted == 1 and not body.ready.is_set()
        assert not body.query_one("#lesson-end").display  # the end shows once the sections are above it
        assert (
            _position(ui, app) == f"Lesson 3 of {len(bundled_course.lessons)} · section 1 of {count}"
        )  # no percentage yet
        gate.set()
        await ui.lesson_ready(pilot)
        numbers = [int(box.id.split("-")[1]) for box in body.query(".section")]
        assert numbers == list(range(1, count + 1))  # in order, all before the end
        assert body.children[-1].id == "lesson-end" and body.children[-1].display
        assert _position(ui, app) == f"Lesson 3 of {len(bundled_course.lessons)} · section 1 of {count} · 0%"
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert len({id(message) for message in seen if isinstance(message, LessonBody.Ready)}) == 1


@pytest.mark.parametrize("saved", [2, 13, 15])  # 15: the last section, whose top cannot reach the top
async def test_a_saved_position_is_shown_once_laid_out(bundled_course, ui, gate, saved):
    count = len(bundled_course.lesson("cross-entropy").sections)
    app = ui.make_app(bundled_course)
    app.progress.save_position("cross-entropy", saved)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        app.open_lesson("cross-entropy")
        await pilot.pause()
        body = _body(app)
        assert body.mounted == saved + 1  # composed up to it, and no further
        assert ui.position(app).endswith(f"section {saved + 1} of {count}")
        gate.set()
        await ui.lesson_ready(pilot)
        assert _landed_on(body, saved + 1)
        assert _position(ui, app).endswith(f"section {saved + 1} of {count} · {app.screen._percent(body)}%")
        assert app.progress.position("cross-entropy") == saved


async def test_a_jump_past_the_mounted_sections_moves_the_indicator_at_once_and_lands_later(bundled_course, ui, gate):
    count = len(bundled_course.lesson("cross-entropy").sections)
    app = ui.make_app(bundled_course, lesson="cross-entropy")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        body = _body(app)
        await pilot.press("n", "n")
        await pilot.pause()
        assert _position(ui, app).endswith(f"section 3 of {count}") and body.mounted == 1
        gate.set()
        await ui.lesson_ready(pilot)
        assert _position(ui, app).endswith(f"section 3 of {count} · {app.screen._percent(body)}%")
        assert _landed_on(body, 3) and round(body.scroll_y) > 0


async def test_n_and_p_walk_every_section(bundled_course, ui):
    count = len(bundled_course.lesson("cross-entropy").sections)
    app = ui.make_app(bundled_course, lesson="cross-entropy")
    async with app.run_test(size=ui.size) as pilot:
        await ui.lesson_ready(pilot)
        body = _body(app)
        for expected in range(2, count + 1):
            await pilot.press("n")
            await pilot.pause()
            assert ui.position(app).split(" · ")[1] == f"section {expected} of {count}"
            assert _landed_on(body, expected)
        await pilot.press("n")  # past the last: the end of the lesson, with its buttons
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y and _position(ui, app).endswith(" · 100%")
        assert app.screen.query_one("#take-quiz").region.height > 0
        for expected in range(count - 1, 0, -1):
            await pilot.press("p")
            await pilot.pause()
            assert ui.position(app).split(" · ")[1] == f"section {expected} of {count}"
            assert _landed_on(body, expected)


async def test_the_fill_waits_while_a_quiz_is_on_top(bundled_course, ui, gate):
    app = ui.make_app(bundled_course, lesson="cross-entropy")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await pilot.press("t")  # the quiz, opened from the lesson before it has filled in
        await pilot.pause()
        lesson = app.screen_stack[-2]
        assert isinstance(lesson, LessonScreen) and type(app.screen).__name__ == "QuizScreen"
        body = lesson.query_one(LessonBody)
        gate.set()  # the fill could go on now, but not under the quiz (the section in hand lands)
        for _ in range(5):
            await pilot.pause()
        paused_at = body.mounted
        for _ in range(5):
            await pilot.pause()
        assert body.mounted == paused_at < body.count
        await pilot.press("escape")
        await ui.lesson_ready(pilot)
        assert app.screen is lesson and body.mounted == body.count


@pytest.mark.parametrize("size", [(40, 12), (60, 20), (160, 50)])
async def test_sizes_and_resizes_while_filling(bundled_course, ui, size):
    count = len(bundled_course.lesson("why-not-mse").sections)
    app = ui.make_app(bundled_course, lesson="why-not-mse")
    async with app.run_test(size=size) as pilot:
        await pilot.press("n", "n", "n")
        await pilot.resize_terminal(100, 30)
        await pilot.press("n")
        await ui.lesson_ready(pilot)
        assert ui.position(app).split(" · ")[1] == f"section 5 of {count}"
        assert _landed_on(_body(app), 5)


# ----- Tab and focus ------------------------------------------------------------------------------


async def test_tab_goes_to_the_next_interactive_on_screen_or_below_never_back_up(mini_course, ui):
    app = ui.make_app(mini_course, lesson="basics")
    async with app.run_test(size=ui.size) as pilot:
        await ui.lesson_ready(pilot)
        body = _body(app)
        await pilot.press(*["n"] * 4)  # the explorer's section at the top; the plot above it, out of view
        await pilot.pause()
        assert ui.position(app).split(" · ")[1] == f"section 5 of {len(mini_course.lessons[0].sections)}"
        await pilot.press("tab")
        await pilot.pause()
        assert type(app.screen.focused).__name__ == "ProbabilityExplorerWidget"
        await pilot.press("tab")  # the lab's first plot, below
        await pilot.pause()
        assert "LabWidget" in [type(node).__name__ for node in app.screen.focused.ancestors]
        await pilot.press("shift+tab")
        await pilot.pause()
        assert type(app.screen.focused).__name__ == "ProbabilityExplorerWidget"
        await pilot.press("shift+tab")  # up from the explorer: the plot above it, brought into view
        await pilot.pause()
        plot = app.screen.focused
        assert type(plot).__name__ == "FigurePlot"
        assert body.scroll_y <= body._span(plot)[0] and body._span(plot)[1] <= body._view()[1]
        await pilot.press("end")  # down to the end of the lesson, focus on the lesson's text
        await pilot.pause()
        assert app.screen.focused is body
        await pilot.press("tab")  # the first one on screen (the lab's last plot), not the plot above
        await pilot.pause()
        first = app.screen.focused
        assert first is not plot and body._span(first)[1] > body.scroll_y
        chain = body._interactives()
        for expected in chain[chain.index(first) + 1 :]:  # on down to the buttons at the end
            await pilot.press("tab")
            await pilot.pause()
            assert app.screen.focused is expected
        assert app.screen.focused is app.screen.query_one("#home")
        await pilot.press("tab")  # past the last button: back to the text, never up the lesson
        await pilot.pause()
        assert app.screen.focused is body and body.scroll_y == body.max_scroll_y


async def test_focus_leaves_a_widget_scrolled_out_of_view(mini_course, ui):
    app = ui.make_app(mini_course, lesson="basics")
    async with app.run_test(size=ui.size) as pilot:
        await ui.lesson_ready(pilot)
        body = _body(app)
        await pilot.press(*["n"] * 4, "tab")
        await pilot.pause()
        explorer = app.screen.focused
        assert type(explorer).__name__ == "ProbabilityExplorerWidget"
        start = explorer.state
        await pilot.press("right")
        await pilot.pause()
        moved = explorer.state
        assert moved != start
        await pilot.press("n")  # the lab's section to the top: the explorer above, out of view
        await pilot.pause()
        assert app.screen.focused is body
        await pilot.press("right", "y")  # keys for what the learner cannot see go nowhere
        await pilot.pause()
        assert explorer.state == moved
        await pilot.press("p", "tab")  # back up, and Tab gives the explorer its keys again
        await pilot.pause()
        assert app.screen.focused is explorer
        for _ in range(40):  # scrolling by hand, a line at a time, does the same
            await pilot.press("j")
            if app.screen.focused is not explorer:
                break
        await pilot.pause()
        assert app.screen.focused is body and body._span(explorer)[1] <= body.scroll_y


# ----- the end of the lesson ----------------------------------------------------------------------


async def test_the_end_offers_the_next_lesson(bundled_course, ui):
    first, second = bundled_course.lessons[:2]
    app = ui.make_app(bundled_course, lesson=first.id)
    async with app.run_test(size=ui.size) as pilot:
        await ui.lesson_ready(pilot)
        assert f"Next: “{second.title}” (N)." in ui.text_of(app, "#lesson-end-text")
        app.screen.query_one("#next-lesson").press()
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen) and app.screen.lesson.id == second.id
        assert len(app.screen_stack) == 2  # above the course map, as from the map
        await pilot.press("N")
        await pilot.pause()
        assert app.screen.lesson.id == bundled_course.lessons[2].id


async def test_the_last_lesson_offers_the_course_map(bundled_course, ui):
    last = bundled_course.lessons[-1]
    app = ui.make_app(bundled_course, lesson=last.id)
    async with app.run_test(size=ui.size) as pilot:
        await ui.lesson_ready(pilot)
        assert not app.screen.query("#next-lesson")
        assert "This was the last lesson: N or Esc returns to the course map." in ui.text_of(app, "#lesson-end-text")
        await pilot.press("N")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_ready_waits_for_a_lab_to_finish_training(mini_course, ui):
    app = ui.make_app(mini_course, lesson="basics")
    async with app.run_test(size=ui.size) as pilot:
        await ui.lesson_ready(pilot)
        lab = app.screen.query_one("LabWidget")
        assert lab.figures is not None and lab.query("#lab-losses")
        assert ui.text_of(app, "#lesson-position").endswith(f" · {app.screen._percent(_body(app))}%")


async def test_sections_before_one_whose_module_is_importing_mount_meanwhile(bundled_course, ui, monkeypatch):
    """A first lesson imports numpy and plotext in a thread: the sections before the first that
    needs them mount at once; that one, and a jump to it, wait until the import is done."""
    from tutor.ui.kinds import widget_module

    lesson = bundled_course.lesson("why-not-mse")
    first = next(i for i, s in enumerate(lesson.sections) if s.kind == "plot")
    importing = asyncio.Event()

    def import_ahead(self) -> None:
        self._imports = {widget_module(lesson.sections[first]): importing}

    monkeypatch.setattr(LessonBody, "_import_ahead", import_ahead)
    app = ui.make_app(bundled_course, lesson="why-not-mse")
    async with app.run_test(size=ui.size) as pilot:
        for _ in range(5):
            await pilot.pause()
        body = _body(app)
        assert body.mounted == first  # everything before the plot, not the plot
        await pilot.press(*["n"] * first)
        await pilot.pause()
        assert ui.position(app).endswith(f"section {first + 1} of {len(lesson.sections)}")  # at once
        assert body.mounted == first
        importing.set()
        await ui.lesson_ready(pilot)
        assert _landed_on(body, first + 1)


async def test_waiting_for_the_layout_of_a_removed_widget_ends(ui, mini_course):
    """A lesson closed while it fills in (or while its lab trains) stops waiting for its layout."""
    from textual.widgets import Static

    from tutor.ui.widgets.layout import laid_out

    app = ui.make_app(mini_course)
    async with app.run_test(size=ui.size) as pilot:
        widget = Static("gone")
        await app.screen.mount(widget)
        await widget.remove()
        await pilot.pause()
        assert await asyncio.wait_for(laid_out(widget), 5) is False
