"""A lesson: its sections (a :class:`LessonBody`), where the learner is, and what comes next.

The position line says which lesson and section this is, and once the whole lesson is there
(the body's ``Ready``) how far down it the view is, as a percentage. The end of the lesson
offers its quiz, practice, and the next lesson (the course map after the last one).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tutor.content.model import Lesson
from tutor.content.prose import render
from tutor.ui.app import MIN_WIDTH
from tutor.ui.screens.base import TutorScreen
from tutor.ui.text import line, plain
from tutor.ui.textual_fixes import TutorHeader
from tutor.ui.widgets.footer import KeysFooter
from tutor.ui.widgets.lesson_body import LessonBody


class LessonScreen(TutorScreen):
    #: Below 70 columns (``-narrow``) the buttons at the end stand one above the other.
    HORIZONTAL_BREAKPOINTS = [(0, "-too-narrow"), (MIN_WIDTH, "-narrow"), (70, "-wide-enough")]
    BINDINGS = [
        Binding("n", "next_section", "Next section", id="next-section"),
        Binding("p", "previous_section", "Previous", id="previous-section"),
        Binding("t", "quiz", "Take the quiz", id="take-quiz"),
        Binding("g", "practice", "Practice", id="practice"),
        Binding("s", "notation", "Symbols", id="notation"),
        Binding("N", "next_lesson", "Next lesson", key_display="N", show=False, id="next-lesson"),
        Binding("escape", "back", "Home", id="home"),
        Binding("backspace", "back", "Home", show=False),
        Binding("j", "scroll_body('down')", "Scroll down", show=False),
        Binding("k", "scroll_body('up')", "Scroll up", show=False),
    ]
    HELP_NOTE = (
        "↑/↓, PgUp/PgDn, j/k scroll; n and p jump a whole section. Tab moves to the next plot, explorer "
        "or lab on screen or below (its own keys are listed while it has focus) and on to the buttons at "
        "the end; scrolling it out of view hands the keys back to the lesson. N opens the next lesson."
    )

    def __init__(self, lesson: Lesson) -> None:
        super().__init__()
        self.lesson = lesson

    @property
    def body(self) -> LessonBody:
        return self.query_one(LessonBody)

    def compose(self) -> ComposeResult:
        yield TutorHeader(icon="")
        yield Static(id="lesson-position", markup=False)
        saved = self.app.progress.position(self.lesson.id) or 0
        intro = Static(plain(render(self.lesson.summary)), id="lesson-intro")
        yield LessonBody(self.lesson, saved, intro, self._end(), id="lesson-body")
        yield KeysFooter(compact=True)

    def _end(self) -> Vertical:
        """The end of the lesson: what it offers next, as text and as buttons."""
        buttons = []
        if self.lesson.questions:
            buttons.append(Button("Take the quiz (t)", id="take-quiz", variant="primary"))
        buttons.append(Button("Practice (g)", id="practice"))
        if self.next_lesson() is not None:
            buttons.append(Button("Next lesson (N)", id="next-lesson"))
        else:
            buttons.append(Button("Course map (Esc)", id="home"))
        return Vertical(
            Static(self._end_text(), id="lesson-end-text", markup=False),
            Horizontal(*buttons, id="lesson-end-buttons"),
            id="lesson-end",
        )

    def _end_text(self) -> str:
        questions = len(self.lesson.questions)
        if not questions:
            text = "End of the lesson. It has no quiz; g opens generated practice if there is any."
        else:
            text = f"End of the lesson. The quiz has {questions} question{'s' if questions != 1 else ''}: press t."
        following = self.next_lesson()
        if following is None:
            return f"{text}\nThis was the last lesson: N or Esc returns to the course map."
        return f"{text}\nNext: “{following.title}” (N)."

    def on_mount(self) -> None:
        self.title = line(self.lesson.title)
        self.sub_title = line(self.app.course.title)
        body = self.body
        body.focus()
        self.watch(body, "scroll_y", self._show_position, init=False)
        self._section_changed()  # also records the visit: the lesson is now "in progress"

    # ----- where the learner is -----------------------------------------------------------------

    @on(LessonBody.SectionChanged)
    def _section_changed(self) -> None:
        self.app.progress.save_position(self.lesson.id, self.body.index)
        self._show_position()

    @on(LessonBody.Ready)
    def _show_position(self) -> None:
        body = self.body
        where = f"section {body.index + 1} of {body.count}" if body.count else "no sections"
        line = f"Lesson {self.lesson_number()} of {len(self.app.course.lessons)} · {where}"
        if body.ready.is_set():
            line += f" · {self._percent(body)}%"
        position = self.query_one("#lesson-position", Static)
        if str(position.content) != line:
            position.update(line, layout=False)  # one row, whatever it says

    @staticmethod
    def _percent(body: LessonBody) -> int:
        """How far down the lesson the view is (100 when it all fits)."""
        if body.max_scroll_y <= 0:
            return 100
        return round(100 * min(body.scroll_y, body.max_scroll_y) / body.max_scroll_y)

    def lesson_number(self) -> int:
        return next(i for i, lesson in enumerate(self.app.course.lessons, 1) if lesson.id == self.lesson.id)

    def next_lesson(self) -> Lesson | None:
        """The lesson after this one in the course, None after the last."""
        lessons = self.app.course.lessons
        number = self.lesson_number()
        return lessons[number] if number < len(lessons) else None

    # ----- actions ------------------------------------------------------------------------------

    def action_next_section(self) -> None:
        body = self.body
        if body.index >= body.count - 1:
            body.scroll_end(animate=False)
            return
        body.go_to(body.index + 1)

    def action_previous_section(self) -> None:
        self.body.go_to(self.body.index - 1)

    def action_scroll_body(self, direction: str) -> None:
        body = self.body
        if direction == "down":
            body.scroll_down(animate=False)
        else:
            body.scroll_up(animate=False)

    def action_quiz(self) -> None:
        self.app.open_quiz(self.lesson.id)

    def action_practice(self) -> None:
        self.app.open_practice(self.lesson.id)

    def action_next_lesson(self) -> None:
        following = self.next_lesson()
        if following is None:
            self.app.back_to_home()
        else:
            self.app.open_lesson(following.id)

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

    @on(Button.Pressed, "#next-lesson")
    def _next_lesson(self) -> None:
        self.action_next_lesson()

    @on(Button.Pressed, "#home")
    def _home(self) -> None:
        self.action_back()
