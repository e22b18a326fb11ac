"""The course map: lessons in order with minutes, state and best quiz score."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from tutor.content.model import Lesson
from tutor.ui.screens.base import TutorScreen


class HomeScreen(TutorScreen):
    BINDINGS = [
        Binding("enter", "open", "Open", priority=True, id="open"),
        Binding("t", "quiz", "Quiz", id="quiz"),
        Binding("g", "practice", "Practice", id="practice"),
        Binding("a", "practice_all", "Practice all", show=False, id="practice-all"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]
    HELP_NOTE = (
        "↑/↓ choose a lesson. Enter opens it, t starts its quiz, g a practice set of generated "
        "questions, a a practice set from every lesson. Ctrl+P finds any lesson or quiz by name."
    )

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield Static("Choose a lesson with ↑/↓ and press Enter.", id="home-intro")
        table: DataTable = DataTable(id="lessons", cursor_type="row", zebra_stripes=True)
        table.add_column("#", key="n")
        table.add_column("Lesson", key="title")
        table.add_column("Time", key="minutes")
        table.add_column("State", key="state")
        table.add_column("Best quiz", key="best")
        yield table
        yield Static(id="lesson-summary")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Course map"
        self.sub_title = self.app.course.title
        self.fill()
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        self.fill()

    def fill(self) -> None:
        """(Re)build the rows from the course and the progress store, keeping the cursor."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        progress = self.app.progress
        for number, lesson in enumerate(self.app.course.lessons, 1):
            best = progress.best_score(lesson.id)
            table.add_row(
                str(number),
                lesson.title,
                f"{lesson.minutes} min",
                progress.state(lesson.id),
                f"{best[0]} / {best[1]}" if best else "—" if lesson.questions else "no quiz",
                key=lesson.id,
            )
        if self.app.course.lessons:
            table.move_cursor(row=min(max(row, 0), len(self.app.course.lessons) - 1))
        self._show_summary()

    def _selected(self) -> Lesson | None:
        table = self.query_one(DataTable)
        lessons = self.app.course.lessons
        return lessons[table.cursor_row] if lessons and 0 <= table.cursor_row < len(lessons) else None

    @on(DataTable.RowHighlighted)
    def _show_summary(self) -> None:
        lesson = self._selected()
        summary = self.query_one("#lesson-summary", Static)
        if lesson is None:
            summary.update("This course has no lessons yet.")
            return
        questions = len(lesson.questions)
        summary.update(
            f"{lesson.title}: {lesson.summary.strip()}\n"
            f"{len(lesson.sections)} sections · {questions} quiz question{'s' if questions != 1 else ''}"
        )

    def action_open(self) -> None:
        if lesson := self._selected():
            self.app.open_lesson(lesson.id)

    def action_quiz(self) -> None:
        if lesson := self._selected():
            self.app.open_quiz(lesson.id)

    def action_practice(self) -> None:
        if lesson := self._selected():
            self.app.open_practice(lesson.id)

    def action_practice_all(self) -> None:
        self.app.open_practice("all")
