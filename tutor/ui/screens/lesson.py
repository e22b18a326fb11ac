"""A lesson: its sections in order, a "section k of n" indicator, and the quiz one key away."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Header, Static

from tutor.content.model import Lesson
from tutor.content.prose import render
from tutor.ui.screens.base import TutorScreen
from tutor.ui.widgets.sections import caption_of, section_widget


class LessonScreen(TutorScreen):
    BINDINGS = [
        Binding("n", "next_section", "Next section", id="next-section"),
        Binding("p", "previous_section", "Previous", id="previous-section"),
        Binding("t", "quiz", "Take the quiz", id="take-quiz"),
        Binding("g", "practice", "Practice", id="practice"),
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

    @property
    def count(self) -> int:
        return len(self.lesson.sections)

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield Static(id="lesson-position", markup=False)
        with VerticalScroll(id="lesson-body"):
            yield Static(render(self.lesson.summary), id="lesson-intro", markup=False)
            for number, section in enumerate(self.lesson.sections, 1):
                with Vertical(classes=f"section section-{section.kind}", id=f"section-{number}") as box:
                    box.border_title = f"{number} of {self.count}"
                    yield section_widget(section)
                    if caption := caption_of(section):
                        yield Static(caption, classes="caption", markup=False)
            with Vertical(id="lesson-end"):
                yield Static(self._end_text(), id="lesson-end-text", markup=False)
                with Horizontal(id="lesson-end-buttons"):
                    if self.lesson.questions:
                        yield Button("Take the quiz (t)", id="take-quiz", variant="primary")
                    yield Button("Practice (g)", id="practice")
                    yield Button("Course map (Esc)", id="home")
        yield Footer(compact=True)

    def _end_text(self) -> str:
        questions = len(self.lesson.questions)
        if not questions:
            return "End of the lesson. It has no quiz; g opens generated practice if there is any."
        return f"End of the lesson. The quiz has {questions} question{'s' if questions != 1 else ''}: press t."

    def on_mount(self) -> None:
        self.title = self.lesson.title
        self.sub_title = self.app.course.title
        body = self.query_one("#lesson-body", VerticalScroll)
        body.focus()
        self.watch(body, "scroll_y", self._follow_scroll, init=False)
        saved = self.app.progress.position(self.lesson.id)
        self.app.progress.save_position(self.lesson.id, saved or 0)
        self._show_position()
        if saved:
            self.call_after_refresh(self.go_to_section, saved)

    # ----- sections ---------------------------------------------------------------------

    def go_to_section(self, index: int) -> None:
        """Make section ``index`` (0-based) current and scroll its top into view."""
        if not self.count:
            return
        self.index = max(0, min(index, self.count - 1))
        body = self.query_one("#lesson-body", VerticalScroll)
        self._navigating = True
        if self.index == 0:
            body.scroll_home(animate=False)  # with the lesson's summary above it
        else:
            body.scroll_to_widget(self.query_one(f"#section-{self.index + 1}"), top=True, animate=False)
        self.call_after_refresh(self._end_navigation)
        self._show_position()

    def _end_navigation(self) -> None:
        self._navigating = False

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
            for number in range(1, self.count + 1):
                if self.query_one(f"#section-{number}").virtual_region.y <= line:
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "quiz" and not self.lesson.questions:
            return False
        return True

    @on(Button.Pressed, "#take-quiz")
    def _take_quiz(self) -> None:
        self.action_quiz()

    @on(Button.Pressed, "#practice")
    def _practice(self) -> None:
        self.action_practice()

    @on(Button.Pressed, "#home")
    def _home(self) -> None:
        self.action_back()
