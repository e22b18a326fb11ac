"""The ce-tutor app: a course map first, lessons and quizzes pushed on top of it.

The App class stays small: it holds the course, the progress store and the seed, knows where the
learner left off, and knows how to open a lesson, a quiz, a practice set or a review. Lesson and
quiz screens are imported when first opened, so the course map starts without numpy or plotext.
"""

from __future__ import annotations

import random
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from tutor.content.kinds import QuestionBase
from tutor.content.model import Course, Lesson
from tutor.ui.progress import MemoryProgress, ProgressStore
from tutor.ui.screens.commands import CourseCommands
from tutor.ui.screens.home import HomeScreen
from tutor.ui.textual_fixes import TutorCommandPalette

#: Generated questions in one practice set.
PRACTICE_COUNT = 10
#: Below this size the screens show an "enlarge the terminal" notice instead of a broken layout.
MIN_WIDTH, MIN_HEIGHT = 40, 12


class TutorApp(App[int]):
    """Keyboard-only tutor: home (course map) → lesson → quiz → results; reviews over the course map."""

    CSS_PATH = "tutor.tcss"
    TITLE = "ce-tutor"
    COMMANDS = App.COMMANDS | {CourseCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Keys", key_display="?", priority=True, id="help"),
    ]
    HORIZONTAL_BREAKPOINTS = [(0, "-too-narrow"), (MIN_WIDTH, "-wide-enough")]
    VERTICAL_BREAKPOINTS = [(0, "-too-short"), (MIN_HEIGHT, "-short"), (20, "-tall")]

    def __init__(
        self,
        course: Course,
        *,
        lesson: str | None = None,
        quiz: str | None = None,
        practice: str | None = None,
        review: bool = False,
        seed: int | None = None,
        progress: ProgressStore | None = None,
        cursor_blink: bool = True,
        exercises: Path | None = None,
    ) -> None:
        super().__init__()
        self.course = course
        self.seed = seed
        self.progress: ProgressStore = progress if progress is not None else MemoryProgress()
        #: Tests turn the Input cursor blink off: it is a wall-clock timer.
        self.cursor_blink = cursor_blink
        self._start = (lesson, quiz, practice)
        self._review_at_start = review
        self._exercises_at_start = exercises
        self._practice_round = 0
        #: One line about the progress store for the learner (e.g. "progress will not be saved").
        self.store_message = ""
        self.sub_title = course.title

    def get_default_screen(self) -> Screen:
        return HomeScreen()

    def on_mount(self) -> None:
        if self.store_message:
            self.notify(self.store_message, title="Progress", severity="warning", timeout=10)
        lesson, quiz, practice = self._start
        if quiz is not None:
            self.open_quiz(quiz)
        elif practice is not None:
            self.open_practice(practice)
        elif lesson is not None:
            self.open_lesson(lesson)
        elif self._review_at_start:
            self.open_review()
        elif self._exercises_at_start is not None:
            self.open_exercises(self._exercises_at_start)

    # ----- navigation -------------------------------------------------------------------

    def back_to_home(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def open_lesson(self, lesson_id: str) -> None:
        """The lesson, directly above the course map (the open one is kept, with its scroll)."""
        from tutor.ui.screens.lesson import LessonScreen

        lesson = self.course.lesson(lesson_id)
        for depth, screen in enumerate(self.screen_stack):
            if isinstance(screen, LessonScreen) and screen.lesson.id == lesson_id:
                while len(self.screen_stack) > depth + 1:
                    self.pop_screen()
                return
        self.back_to_home()
        self.push_screen(LessonScreen(lesson))

    def open_quiz(self, lesson_id: str) -> None:
        """The lesson's quiz, above its lesson so Esc returns there."""
        from tutor.quiz import QuizSession
        from tutor.ui.screens.quiz import QuizScreen

        lesson = self.course.lesson(lesson_id)
        if not lesson.questions:
            self.open_lesson(lesson_id)
            self.notify(f"“{lesson.title}” has no quiz.", title="No quiz")
            return
        self.open_lesson(lesson_id)
        session = QuizSession(lesson.questions, seed=self.seed)
        self.push_screen(QuizScreen(session, title=f"{lesson.title} — quiz", lesson_id=lesson.id, record=True))

    def open_practice(self, lesson_id: str = "all") -> None:
        """A set of generated questions from one lesson (above it) or from every lesson ("all")."""
        from tutor.quiz import QuizSession, practice_set
        from tutor.ui.screens.quiz import QuizScreen

        lessons: tuple[Lesson, ...] = self.course.lessons if lesson_id == "all" else (self.course.lesson(lesson_id),)
        questions = [q for lesson in lessons for q in lesson.questions]
        seed = self._practice_seed()
        drawn = practice_set(questions, seed, PRACTICE_COUNT)
        if lesson_id == "all":
            self.back_to_home()
            title = "Practice — all lessons"
        else:
            self.open_lesson(lesson_id)
            title = f"{lessons[0].title} — practice"
        if not drawn:
            self.notify("There are no generated practice questions here yet.", title="No practice")
            return
        session = QuizSession(drawn, seed=seed)
        self.push_screen(QuizScreen(session, title=title, lesson_id=lesson_id, practice=True))

    def open_review(self) -> None:
        """The questions due for review, from every lesson, over the course map (a notice when none is)."""
        from tutor.quiz import QuizSession
        from tutor.ui.screens.quiz import QuizScreen

        questions, lesson_ids = self.review_questions()
        self.back_to_home()
        if not questions:
            self.notify(
                "Nothing is due for review: questions you miss come back here when they are due.", title="Review"
            )
            return
        session = QuizSession(questions, seed=self.seed)
        self.push_screen(QuizScreen(session, title="Review", lesson_id="review", lesson_ids=lesson_ids))

    def review_questions(self) -> tuple[list[QuestionBase], tuple[str, ...]]:
        """The due questions the course still has, most overdue first, and the lesson of each.

        Generated ones stay templates: the quiz session draws their numbers afresh.
        """
        known = {(lesson.id, q.id): q for lesson in self.course.lessons for q in lesson.questions}
        due = [item for item in self.progress.due_reviews() if item in known]
        return [known[item] for item in due], tuple(lesson_id for lesson_id, _ in due)

    def due_count(self) -> int:
        """How many questions a review would ask now."""
        return len(self.review_questions()[0])

    def continue_learning(self) -> None:
        """Reopen the lesson read last, at its section; a notice before any lesson was opened."""
        point = self.resume_point()
        if point is None:
            self.notify("Nothing to continue yet: open a lesson from the course map.", title="Continue")
            return
        self.open_lesson(point[0].id)

    def resume_point(self) -> tuple[Lesson, int] | None:
        """The lesson read last and its section (0-based), if the course still has that lesson."""
        last = self.progress.last_position()
        if last is None:
            return None
        lesson_id, section = last
        lesson = next((item for item in self.course.lessons if item.id == lesson_id), None)
        if lesson is None:
            return None
        return lesson, max(0, min(section, len(lesson.sections) - 1))

    def continue_label(self) -> str | None:
        """ "Continue: <lesson>, section k of n", or None when there is nothing to continue."""
        point = self.resume_point()
        if point is None:
            return None
        lesson, section = point
        where = f", section {section + 1} of {len(lesson.sections)}" if lesson.sections else ""
        return f"Continue: {lesson.title}{where}"

    def open_exercises(self, directory: Path | None = None) -> None:
        """The exercise track over the course map, on ``directory`` (default ./ce-tutor-exercises)."""
        from tutor.exercises import DEFAULT_DIR
        from tutor.ui.screens.exercises import ExercisesScreen

        self.back_to_home()
        self.push_screen(ExercisesScreen(directory or DEFAULT_DIR))

    def _practice_seed(self) -> int:
        """The --seed reproduces the first set; each further set draws new numbers."""
        self._practice_round += 1
        if self.seed is None:
            return random.randrange(2**32)
        return self.seed + self._practice_round - 1

    # ----- help -------------------------------------------------------------------------

    def action_command_palette(self) -> None:
        """Textual's command palette, as the subclass with our work-arounds (``textual_fixes``)."""
        if self.use_command_palette and not isinstance(self.screen, TutorCommandPalette):
            self.push_screen(TutorCommandPalette(id="--command-palette"))

    def action_help(self) -> None:
        from tutor.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(self.screen))


def run_app(
    course: Course,
    *,
    lesson: str | None = None,
    quiz: str | None = None,
    practice: str | None = None,
    review: bool = False,
    seed: int | None = None,
    data_dir: Path | None = None,
    exercises: Path | None = None,
) -> int:
    """Run the tutor in the terminal until the learner quits; the process exit code.

    Progress is read from and saved to the learner's store: ``data_dir`` (``--data-dir``), else
    ``$CE_TUTOR_HOME``, else the user data dir.
    """
    from tutor.progress import open_store
    from tutor.ui.progress import StoreProgress

    with open_store(data_dir) as store:
        app = TutorApp(
            course,
            lesson=lesson,
            quiz=quiz,
            practice=practice,
            review=review,
            seed=seed,
            progress=StoreProgress(store, course),
            exercises=exercises,
        )
        app.store_message = store.status.message
        app.run()
    return app.return_code or 0
