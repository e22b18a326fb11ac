"""The course map: where to continue, what the review schedule holds, and the lessons in order with
minutes, state and best quiz score. The cursor starts on the lesson to continue."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Static

from tutor.content.model import Lesson
from tutor.progress.store import LessonState
from tutor.ui.screens.base import TutorScreen
from tutor.ui.text import line, plain, plain_rich
from tutor.ui.textual_fixes import TutorHeader

NEW = LessonState("new")
#: How often the review line is read again while the course map is shown: it says "next in 4 min",
#: so it must move on its own. (Tests call ``show_review`` after moving the store's clock.)
REVIEW_REFRESH_SECONDS = 15.0


class LessonTable(DataTable):
    """The lessons. Enter is the table's own key, so it is handled in turn with ↑/↓ typed just
    before it (a priority binding on the screen overtook them and opened the wrong lesson)."""

    BINDINGS = [Binding("enter", "screen.open", "Open")]


class HomeScreen(TutorScreen):
    BINDINGS = [
        Binding("enter", "open", "Open", id="open"),
        Binding("t", "quiz", "Quiz", id="quiz"),
        Binding("g", "practice", "Practice", id="practice"),
        Binding("a", "practice_all", "Practice all", show=False, id="practice-all"),
        # Not in the footer (it would push Quit and ? off a 60-column one): the Continue line names c.
        Binding("c", "continue", "Continue", show=False, id="continue"),
        Binding("v", "review", "Review", id="review"),
        Binding("x", "exercises", "Exercises", show=False, id="exercises"),
        Binding("q", "app.quit", "Quit", id="quit"),
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
        table: DataTable = LessonTable(id="lessons", cursor_type="row", zebra_stripes=True)
        table.add_column("#", key="n")
        table.add_column("Lesson", key="title")
        table.add_column("Time", key="minutes")
        table.add_column("State", key="state")
        table.add_column("Best quiz", key="best")
        yield table
        yield Static(id="lesson-summary", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Course map"
        self.sub_title = line(self.app.course.title)
        self.query_one(DataTable).focus()
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
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        states = self.app.progress.lesson_states()
        for number, lesson in enumerate(self.app.course.lessons, 1):
            state = states.get(lesson.id, NEW)
            best = f"{state.best_score} / {state.best_total}" if state.best_total else None
            table.add_row(
                str(number),
                plain_rich(lesson.title),
                f"{lesson.minutes} min",
                state.state,
                best or ("—" if lesson.questions else "no quiz"),
                key=lesson.id,
            )
        if self.app.course.lessons:
            table.move_cursor(row=min(max(row, 0), len(self.app.course.lessons) - 1))

    def _show_next_steps(self) -> None:
        """The "Continue" line (only once there is something to continue) and the review line."""
        point = self.app.planner.continue_point()
        shown = self.query_one("#home-continue", Static)
        shown.update(plain(f"{point.label()} — press c" if point else ""))
        shown.display = point is not None
        if point is not None and not self._placed:  # the first showing: the cursor on that lesson
            ids = [lesson.id for lesson in self.app.course.lessons]
            if point.lesson.id in ids:
                self.query_one(DataTable).move_cursor(row=ids.index(point.lesson.id))
        self._placed = True
        self.show_review()

    def show_review(self) -> None:
        """The review line: due now, when the next comes, how many are scheduled (read afresh)."""
        summary = self.app.planner.review_summary()
        self.query_one("#home-review", Static).update(summary.line() + (" — press v" if summary.due else ""))

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
