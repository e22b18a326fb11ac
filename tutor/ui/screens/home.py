"""The course map: where to continue, what the review schedule holds, and the lessons in order with
minutes, state and best quiz score (the columns the width allows). The cursor starts on the lesson
to continue."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from tutor.content.model import Lesson
from tutor.progress.store import LessonState
from tutor.ui.screens.base import TutorScreen
from tutor.ui.text import line, plain
from tutor.ui.textual_fixes import TutorHeader
from tutor.ui.widgets.footer import KeysFooter
from tutor.ui.widgets.lessons import LessonTable, Row

NEW = LessonState("new")
#: How often the review line is read again while the course map is shown: it says "next in 4 min",
#: so it must move on its own. (Tests call ``show_review`` after moving the store's clock.)
REVIEW_REFRESH_SECONDS = 15.0


class HomeScreen(TutorScreen):
    BINDINGS = [
        Binding("enter", "open", "Open", id="open"),
        Binding("t", "quiz", "Quiz", id="quiz"),
        Binding("g", "practice", "Practice", id="practice"),
        Binding("a", "practice_all", "Practice all", show=False, id="practice-all"),
        # Not in the footer (it would push Quit and ? off a 60-column one): the Continue line names c.
        Binding("c", "continue", "Continue", show=False, id="continue"),
        Binding("v", "review", "Review", id="review"),
        Binding("q", "app.quit", "Quit", id="quit"),
        # Last: the footer shows it where it fits (keys that do not fit are left to the ? panel).
        Binding("x", "exercises", "Exercises", id="exercises"),
    ]
    HELP_NOTE = (
        "↑/↓ choose a lesson. Enter opens it, t starts its quiz (or resumes it where you left it), g a "
        "practice set of generated questions, a a practice set from every lesson. c continues where you "
        "left off. v reviews the questions that are due: every question you answer is scheduled, sooner "
        "if you missed it (the review line says how many are due now, when the next comes, and how many "
        "are scheduled). x opens the exercises, Python files you write and ce-tutor checks on every save. "
        "Ctrl+P finds any lesson or quiz by name."
    )

    def __init__(self) -> None:
        super().__init__()
        #: The cursor was put on the lesson to continue (done once, at the first showing).
        self._placed = False

    def compose(self) -> ComposeResult:
        yield TutorHeader(icon="")
        yield Static("Choose a lesson with ↑/↓ and press Enter.", id="home-intro")
        yield Static(id="home-continue", markup=False)
        yield Static(id="home-review", markup=False)
        yield LessonTable(id="lessons")
        yield Static(id="lesson-summary", markup=False)
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        self.title = "Course map"
        self.sub_title = line(self.app.course.title)
        self.query_one(LessonTable).focus()
        self.set_interval(REVIEW_REFRESH_SECONDS, self.show_review)

    def on_screen_resume(self) -> None:
        """Fill on every showing, the first included: lessons and quizzes on top change the progress."""
        self.fill()

    def fill(self) -> None:
        """(Re)build everything from the progress store: it changes while other screens are on top."""
        self._fill_table()
        self._show_next_steps()
        self._show_summary()

    def _fill_table(self) -> None:
        """The lesson rows, from one read of the lesson states, keeping the cursor."""
        states = self.app.progress.lesson_states()
        rows = []
        for number, lesson in enumerate(self.app.course.lessons, 1):
            state = states.get(lesson.id, NEW)
            best = f"{state.best_score} / {state.best_total}" if state.best_total else None
            rows.append(
                Row(
                    str(number),
                    lesson.title,
                    f"{lesson.minutes} min",
                    state.state,
                    best or ("—" if lesson.questions else "no quiz"),
                )
            )
        self.query_one(LessonTable).set_rows(rows)

    def _show_next_steps(self) -> None:
        """The "Continue" line (only once there is something to continue) and the review line."""
        point = self.app.planner.continue_point()
        shown = self.query_one("#home-continue", Static)
        shown.update(plain(f"{point.label()} — press c" if point else ""))
        shown.display = point is not None
        if point is not None and not self._placed:  # the first showing: the cursor on that lesson
            ids = [lesson.id for lesson in self.app.course.lessons]
            if point.lesson.id in ids:
                self.query_one(LessonTable).move_cursor(row=ids.index(point.lesson.id))
        self._placed = True
        self.show_review()

    def show_review(self) -> None:
        """The review line: due now, when the next comes, how many are scheduled (read afresh)."""
        summary = self.app.planner.review_summary()
        self.query_one("#home-review", Static).update(summary.line() + (" — press v" if summary.due else ""))

    def _selected(self) -> Lesson | None:
        table = self.query_one(LessonTable)
        lessons = self.app.course.lessons
        return lessons[table.cursor_row] if lessons and 0 <= table.cursor_row < len(lessons) else None

    @on(LessonTable.RowSelected)
    def _clicked(self) -> None:
        self.action_open()

    @on(LessonTable.RowHighlighted)
    def _show_summary(self) -> None:
        lesson = self._selected()
        summary = self.query_one("#lesson-summary", Static)
        if lesson is None:
            summary.update("This course has no lessons yet.")
            return
        questions = len(lesson.questions)
        summary.update(
            plain(
                f"{lesson.title}: {lesson.summary.strip()}\n"
                f"{len(lesson.sections)} sections · {questions} quiz question{'s' if questions != 1 else ''}"
            )
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
        self.app.open_practice(None)

    def action_continue(self) -> None:
        self.app.continue_learning()

    def action_review(self) -> None:
        self.app.open_review()

    def action_exercises(self) -> None:
        self.app.open_exercises()
