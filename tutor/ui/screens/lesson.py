"""A lesson: its sections in order, a "section k of n" indicator, and the quiz one key away.

Sections are mounted as they are needed, so that a lesson opens in a frame or two: the screen
composes the sections up to the saved one and a screenful after it; the rest are mounted a few
at a time, one batch per refresh, so keys are answered between batches. ``n``/``p`` (or a saved
position) reaching a section not mounted yet mount everything up to it first.

The first lesson opened in a session would also import numpy and plotext (about 0.1 s each)
for its worked tables, plots, explorers and lab. Those sections are left out of the first
screenful (unless the saved position needs them) and their modules are imported in a thread
after the first frame; the fill (and ``n``/``p``) mount them once imported, so the event loop
does not sit in an import while keys wait: the indicator moves at once, the scroll follows.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import threading
from functools import partial

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import AwaitMount
from textual.widgets import Button, Header, Static

from tutor.content.model import Lesson
from tutor.content.prose import render
from tutor.ui.kinds import section_widget
from tutor.ui.screens.base import TutorScreen
from tutor.ui.text import line, plain
from tutor.ui.widgets.footer import KeysFooter
from tutor.ui.widgets.sections import caption_of, estimated_height, module_needed

#: Sections mounted per refresh while the rest of a lesson fills in, in estimated rows: about a
#: screenful of prose, or one plot, explorer or lab (each costs a few frames to style and draw).
BATCH_ROWS = 24


class LessonScreen(TutorScreen):
    BINDINGS = [
        Binding("n", "next_section", "Next section", id="next-section"),
        Binding("p", "previous_section", "Previous", id="previous-section"),
        Binding("t", "quiz", "Take the quiz", id="take-quiz"),
        Binding("g", "practice", "Practice", id="practice"),
        Binding("s", "notation", "Symbols", id="notation"),
        Binding("escape", "back", "Home", id="home"),
        Binding("backspace", "back", "Home", show=False),
        Binding("j", "scroll_body('down')", "Scroll down", show=False),
        Binding("k", "scroll_body('up')", "Scroll up", show=False),
    ]
    HELP_NOTE = (
        "↑/↓, PgUp/PgDn, j/k scroll; n and p jump a whole section. Tab moves into a plot, explorer or "
        "lab (its own keys are listed while it has focus) and on to the buttons at the end."
    )

    def __init__(self, lesson: Lesson) -> None:
        super().__init__()
        self.lesson = lesson
        self.index = 0
        self._navigating = False
        #: How many sections (from the first) are mounted; the others are not in the DOM yet.
        self.mounted_sections = 0
        self._fill_paused = False
        self._import_started = False
        self._importing: threading.Thread | None = None
        self._imported: set[str] = set()  # by that thread

    @property
    def count(self) -> int:
        return len(self.lesson.sections)

    @property
    def fully_mounted(self) -> bool:
        """Every section is mounted (they fill in after the first frame)."""
        return self.mounted_sections >= self.count

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield Static(id="lesson-position", markup=False)
        with VerticalScroll(id="lesson-body"):
            yield Static(plain(render(self.lesson.summary)), id="lesson-intro")
            saved = min(self.app.progress.position(self.lesson.id) or 0, self.count - 1)
            yield from self._section_boxes(self._before_imports(saved, self._screenful_after(saved)))
            with Vertical(id="lesson-end"):
                yield Static(self._end_text(), id="lesson-end-text", markup=False)
                with Horizontal(id="lesson-end-buttons"):
                    if self.lesson.questions:
                        yield Button("Take the quiz (t)", id="take-quiz", variant="primary")
                    yield Button("Practice (g)", id="practice")
                    yield Button("Course map (Esc)", id="home")
        yield KeysFooter(compact=True)

    def _section_boxes(self, through: int) -> list[Vertical]:
        """Boxes for the sections not mounted yet, up to ``through`` (0-based); counted as mounted."""
        boxes = []
        for number in range(self.mounted_sections + 1, min(through, self.count - 1) + 2):
            section = self.lesson.sections[number - 1]
            children = [section_widget(section)]
            if caption := caption_of(section):
                children.append(Static(plain(caption), classes="caption"))
            box = Vertical(*children, classes=f"section section-{section.kind}", id=f"section-{number}")
            box.border_title = f"{number} of {self.count}"
            boxes.append(box)
        self.mounted_sections += len(boxes)
        return boxes

    def _screenful_after(self, index: int, rows: int | None = None) -> int:
        """The last section (0-based) needed to fill ``rows`` (a screen's height) from ``index``."""
        rows = self.app.size.height if rows is None else rows
        width = self.app.size.width
        last, filled = index, 0
        for last in range(max(index, 0), self.count):
            filled += estimated_height(self.lesson.sections[last], width)
            if filled >= rows:
                break
        return last

    def _before_imports(self, keep: int, last: int) -> int:
        """``last``, or the section before the first one after ``keep`` that must wait for (or
        would have to do) a slow import."""
        for index in range(max(keep, 0) + 1, last + 1):
            name = module_needed(self.lesson.sections[index])
            if name is not None and (name not in sys.modules or self._still_importing(name)):
                return index - 1
        return last

    def _still_importing(self, name: str) -> bool:
        return self._importing is not None and self._importing.is_alive() and name not in self._imported

    def _import_ahead(self) -> None:
        """Import, in a thread, the modules the sections not mounted yet need (once)."""
        if self._import_started:
            return
        self._import_started = True
        names = []
        for section in self.lesson.sections[self.mounted_sections :]:
            name = module_needed(section)
            if name is not None and name not in sys.modules and name not in names:
                names.append(name)
        if names:
            self._importing = threading.Thread(
                target=self._import_all, args=(names,), name="ce-tutor lesson imports", daemon=True
            )
            self._importing.start()

    def _import_all(self, names: list[str]) -> None:
        for name in names:
            with contextlib.suppress(Exception):
                importlib.import_module(name)
            self._imported.add(name)

    def _mount_through(self, index: int) -> AwaitMount | None:
        """Mount every section up to ``index`` (0-based) not mounted yet: queryable on return,
        laid out at the next refresh. The awaitable completes once they are composed."""
        boxes = self._section_boxes(index)
        if not boxes:
            return None
        return self.query_one("#lesson-body", VerticalScroll).mount(*boxes, before="#lesson-end")

    def _fill(self) -> None:
        """Mount the next batch of sections, then come back after the refresh that shows them.
        Paused while another screen (a quiz) is on top, so the lesson does not slow it down."""
        if self.fully_mounted:
            return
        if not self.is_active:
            self._fill_paused = True
            return
        first = self.mounted_sections
        name = module_needed(self.lesson.sections[first])
        if name is not None and self._still_importing(name):
            self.set_timer(0.02, self._fill)  # the thread holds it; the loop stays free meanwhile
            return
        self._mount_through(self._before_imports(first, self._screenful_after(first, BATCH_ROWS)))
        self.call_after_refresh(self._fill)

    @on(events.ScreenResume)
    def _resume_fill(self) -> None:
        if self._fill_paused:
            self._fill_paused = False
            self.call_after_refresh(self._fill)

    def _end_text(self) -> str:
        questions = len(self.lesson.questions)
        if not questions:
            return "End of the lesson. It has no quiz; g opens generated practice if there is any."
        return f"End of the lesson. The quiz has {questions} question{'s' if questions != 1 else ''}: press t."

    def on_mount(self) -> None:
        self.title = line(self.lesson.title)
        self.sub_title = line(self.app.course.title)
        body = self.query_one("#lesson-body", VerticalScroll)
        body.focus()
        self.watch(body, "scroll_y", self._follow_scroll, init=False)
        saved = self.app.progress.position(self.lesson.id) or 0
        self.index = max(0, min(saved, self.count - 1))  # never write back 0 over a saved section
        self._show_position()  # also records the visit: the lesson is now "in progress"
        if saved:
            self.call_after_refresh(self.go_to_section, saved)
        self.call_after_refresh(self._import_ahead)
        self.call_after_refresh(self._fill)

    # ----- sections ---------------------------------------------------------------------

    def go_to_section(self, index: int) -> None:
        """Make section ``index`` (0-based) current and scroll its top into view (mounting it,
        and a screenful after it, first if need be)."""
        if not self.count:
            return
        self.index = max(0, min(index, self.count - 1))
        self._navigating = True
        self._show_position()
        self._navigate()

    def _navigate(self) -> None:
        if self.index + 1 >= self.mounted_sections:  # it, and a screenful below to scroll it up
            self._import_ahead()  # a key pressed before the first refresh comes here first
            last = self._screenful_after(self.index)
            if any(
                self._still_importing(module_needed(section) or "")
                for section in self.lesson.sections[self.mounted_sections : last + 1]
            ):
                self.set_timer(0.02, self._navigate)  # the indicator has moved already
                return
            mounting = self._mount_through(last)
            if mounting is not None:
                self.call_later(self._scroll_when_mounted, mounting)
                return
        self._scroll_and_settle()

    async def _scroll_when_mounted(self, mounting: AwaitMount) -> None:
        await mounting
        self.call_after_refresh(self._scroll_and_settle)  # once laid out

    def _scroll_and_settle(self) -> None:
        self._scroll_to_current()
        self.call_after_refresh(self._end_navigation)

    def _scroll_to_current(self) -> None:
        body = self.query_one("#lesson-body", VerticalScroll)
        if self.index == 0:
            body.scroll_home(animate=False)  # with the lesson's summary above it
        else:
            box = self.query_one(f"#section-{self.index + 1}")
            if box.virtual_region.height:  # else not laid out yet: _end_navigation tries again
                body.scroll_to_widget(box, top=True, animate=False)

    def _end_navigation(self, attempts: int = 10) -> None:
        """After the refresh that follows a jump, let scrolling by hand move the indicator again;
        but first, while the section is not where it should be (mounted just before, it may not
        have been laid out at that refresh yet), scroll again a frame or two later: a third of
        a second at most."""
        if attempts and not self._current_at_top():
            self._scroll_to_current()
            self.set_timer(1 / 30, partial(self._end_navigation, attempts - 1))
            return
        self._navigating = False

    def _current_at_top(self) -> bool:
        body = self.query_one("#lesson-body", VerticalScroll)
        if self.index == 0:
            return body.scroll_y == 0
        region = self.query_one(f"#section-{self.index + 1}").virtual_region_with_margin
        return bool(region.height) and round(body.scroll_y) == min(region.y, round(body.max_scroll_y))

    def _follow_scroll(self, scroll_y: float) -> None:
        """Scrolling by hand moves the indicator: the section at the top third of the view
        (the first at the very top, the last one in view at the very bottom)."""
        if self._navigating or not self.count:
            return
        body = self.query_one("#lesson-body", VerticalScroll)
        height = body.scrollable_content_region.height
        at_end = scroll_y >= body.max_scroll_y > 0
        line = scroll_y + (height - 1 if at_end else height / 3)
        index = 0
        if scroll_y > 0:
            for number in range(1, self.mounted_sections + 1):
                region = self.query_one(f"#section-{number}").virtual_region
                if not region.height or region.y > line:  # below, or mounted but not laid out yet
                    break
                index = number - 1
        if index != self.index:
            self.index = index
            self._show_position()

    def _show_position(self) -> None:
        self.app.progress.save_position(self.lesson.id, self.index)
        number = self.lesson_number()
        where = f"section {self.index + 1} of {self.count}" if self.count else "no sections"
        self.query_one("#lesson-position", Static).update(
            f"Lesson {number} of {len(self.app.course.lessons)} · {where}"
        )

    def lesson_number(self) -> int:
        return next(i for i, lesson in enumerate(self.app.course.lessons, 1) if lesson.id == self.lesson.id)

    # ----- actions ----------------------------------------------------------------------

    def action_next_section(self) -> None:
        if self.index >= self.count - 1:
            self.query_one("#lesson-body", VerticalScroll).scroll_end(animate=False)
            return
        self.go_to_section(self.index + 1)

    def action_previous_section(self) -> None:
        self.go_to_section(self.index - 1)

    def action_scroll_body(self, direction: str) -> None:
        body = self.query_one("#lesson-body", VerticalScroll)
        if direction == "down":
            body.scroll_down(animate=False)
        else:
            body.scroll_up(animate=False)

    def action_quiz(self) -> None:
        self.app.open_quiz(self.lesson.id)

    def action_practice(self) -> None:
        self.app.open_practice(self.lesson.id)

    def action_back(self) -> None:
        self.app.back_to_home()

    def action_notation(self) -> None:
        """The notation sheet: every symbol the course uses."""
        from tutor.ui.screens.notation import NotationScreen

        self.app.push_screen(NotationScreen(self.app.course.notation))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "quiz" and not self.lesson.questions)

    @on(Button.Pressed, "#take-quiz")
    def _take_quiz(self) -> None:
        self.action_quiz()

    @on(Button.Pressed, "#practice")
    def _practice(self) -> None:
        self.action_practice()

    @on(Button.Pressed, "#home")
    def _home(self) -> None:
        self.action_back()
