"""The ce-tutor app: a course map first, lessons and quizzes pushed on top of it.

The App class stays small: it holds the course, the progress and the planner (``tutor.study``,
which decides what a quiz asks, what to continue and what is due), and knows how to open a
lesson, a quiz plan or the exercises. A quiz goes back, when left, to where it was started: the
lesson it was started from, else the course map. Lesson and quiz screens are imported when first
opened, so the course map starts without numpy or plotext.
"""

from __future__ import annotations

import asyncio
import gc
import signal
from pathlib import Path
from types import FrameType

from textual.app import App
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from tutor.content.model import Course
from tutor.progress.store import Store
from tutor.study import Plan, Planner, Progress, Reading
from tutor.ui.screens.commands import CourseCommands
from tutor.ui.screens.home import HomeScreen
from tutor.ui.start import OpenExercises, OpenLesson, Practise, ReviewDue, Start, TakeQuiz
from tutor.ui.text import line
from tutor.ui.textual_fixes import TutorCommandPalette

#: Below this size the screens show an "enlarge the terminal" notice instead of a broken layout.
MIN_WIDTH, MIN_HEIGHT = 40, 12
#: Signals that end the app as a quit does: the terminal is restored (answers are saved as given).
EXIT_SIGNALS = ("SIGTERM", "SIGHUP")


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
        start: Start | None = None,
        seed: int | None = None,
        progress: Progress | None = None,
        cursor_blink: bool = True,
        exit_on_signals: bool = False,
    ) -> None:
        super().__init__()
        self.course = course
        self.seed = seed
        #: The learner's store, or the same store in memory (tests, or nothing given).
        self.progress = progress if progress is not None else Progress.in_memory(course)
        self.planner = Planner(course, self.progress, seed)
        #: Tests turn the Input cursor blink off: it is a wall-clock timer.
        self.cursor_blink = cursor_blink
        self._start = start
        self._exit_on_signals = exit_on_signals
        #: One line about the progress store for the learner (e.g. "progress will not be saved").
        self.store_message = ""
        self.sub_title = line(course.title)

    def get_default_screen(self) -> Screen:
        return HomeScreen()

    def run(self, *args, **kwargs):
        """Run the app (``App.run``), first freezing what exists by then: modules, the course and
        the store live as long as the process, and left to the collector its full passes walk
        them all while the first screen is built (about 10 ms of a 300 ms start-up)."""
        gc.freeze()
        return super().run(*args, **kwargs)

    def on_mount(self) -> None:
        if self.store_message:
            self.notify(line(self.store_message), title="Progress", severity="warning", timeout=10, markup=False)
        if self._exit_on_signals:
            self._handle_exit_signals()
        if self._start is not None:
            self.begin(self._start)

    def begin(self, start: Start) -> None:
        """Open what the command line asked for."""
        if isinstance(start, OpenLesson):
            self.open_lesson(start.lesson_id)
        elif isinstance(start, TakeQuiz):
            self.open_quiz(start.lesson_id)
        elif isinstance(start, Practise):
            self.open_practice(start.lesson_id)
        elif isinstance(start, ReviewDue):
            self.open_review()
        elif isinstance(start, OpenExercises):
            self.open_exercises(start.directory)

    # ----- navigation -------------------------------------------------------------------

    def back_to_home(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def here(self) -> str | None:
        """The lesson the learner is in (the screen under any dialog), or None elsewhere."""
        from tutor.ui.screens.lesson import LessonScreen

        screen = next(s for s in reversed(self.screen_stack) if not isinstance(s, ModalScreen))
        return screen.lesson.id if isinstance(screen, LessonScreen) else None

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
        """The lesson's quiz (resumed if it was left unfinished), over the screen it is started from."""
        plan = self.planner.lesson_quiz(lesson_id, origin=self._origin(lesson_id))
        if plan is None:
            self.notify(line(f"“{self.course.lesson(lesson_id).title}” has no quiz."), title="No quiz", markup=False)
            return
        self.open_plan(plan)
        if plan.resumed:
            answered = len(plan.resumed)
            self.notify(
                f"Resumed: {answered} of {len(plan.items)} answered earlier (they count).",
                title="Quiz",
                markup=False,
            )

    def open_practice(self, lesson_id: str | None = None) -> None:
        """Generated questions from one lesson, or (``lesson_id`` None) from every lesson."""
        origin = self._origin(lesson_id) if lesson_id is not None else None
        plan = self.planner.practice(lesson_id, origin=origin)
        if plan is None:
            self.notify("There are no generated practice questions here yet.", title="No practice")
            return
        self.open_plan(plan)

    def open_review(self) -> None:
        """The questions due for review, over the course map (a notice when none is)."""
        plan = self.planner.review()
        if plan is None:
            self.back_to_home()
            self.notify(self.planner.review_summary().nothing_due(), title="Review", markup=False)
            return
        self.open_plan(plan)

    def open_plan(self, plan: Plan) -> None:
        """Run ``plan`` over where it was started: its lesson, or the course map."""
        from tutor.ui.screens.quiz import QuizScreen

        if plan.origin is None:
            self.back_to_home()
        else:
            self.open_lesson(plan.origin)
        self.push_screen(QuizScreen(self.planner.start(plan)))

    def continue_learning(self) -> None:
        """Reopen the lesson read last at its section, or resume the unfinished quiz, whichever is later."""
        point = self.planner.continue_point()
        if point is None:
            self.notify("Nothing to continue yet: open a lesson from the course map.", title="Continue")
        elif isinstance(point, Reading):
            self.open_lesson(point.lesson.id)
        else:
            self.open_quiz(point.lesson.id)

    def open_exercises(self, directory: Path | None = None) -> None:
        """The exercise track over the course map, on ``directory`` (default ./ce-tutor-exercises)."""
        from tutor.exercises import DEFAULT_DIR
        from tutor.ui.screens.exercises import ExercisesScreen

        self.back_to_home()
        self.push_screen(ExercisesScreen(directory or DEFAULT_DIR))

    def _origin(self, lesson_id: str) -> str | None:
        """Where a quiz or practice of ``lesson_id`` goes back to: that lesson if the learner is in it."""
        return lesson_id if self.here() == lesson_id else None

    # ----- signals ----------------------------------------------------------------------

    def _handle_exit_signals(self) -> None:
        """SIGTERM and SIGHUP quit as q does, so Textual gives the terminal back (its driver
        handles only SIGTSTP/SIGCONT and SIGWINCH; by default these two kill the process with
        the terminal left in raw mode and the alternate screen)."""
        self._resume_only_after_a_suspend()
        loop = asyncio.get_running_loop()
        for name in EXIT_SIGNALS:
            number = getattr(signal, name, None)
            if number is None:
                continue
            try:
                loop.add_signal_handler(number, self.exit, None, 128 + number)
            except (NotImplementedError, RuntimeError, ValueError):  # no signal handlers on this platform/thread
                return

    @staticmethod
    def _resume_only_after_a_suspend() -> None:
        """Textual's driver re-enters application mode on every SIGCONT. A closed terminal sends
        SIGCONT along with SIGHUP, and re-entering while the app quits left it waiting forever on
        a second output thread: pass SIGCONT on only after a SIGTSTP (a real suspend)."""
        on_stop, on_continue = signal.getsignal(signal.SIGTSTP), signal.getsignal(signal.SIGCONT)
        if not callable(on_stop) or not callable(on_continue):
            return
        stopped = False

        def stop(number: int, frame: FrameType | None) -> None:
            nonlocal stopped
            stopped = True
            on_stop(number, frame)

        def resume(number: int, frame: FrameType | None) -> None:
            nonlocal stopped
            if stopped:
                stopped = False
                on_continue(number, frame)

        signal.signal(signal.SIGTSTP, stop)
        signal.signal(signal.SIGCONT, resume)

    # ----- progress store ---------------------------------------------------------------

    def watch_store(self, store: Store) -> None:
        """Show the store's opening message at mount, and its status and notes whenever they change."""
        self.store_message = store.status.message
        store.on_status = lambda status: self.store_status_changed(status.saving, status.message)
        store.on_note = self.store_note

    def store_status_changed(self, saving: bool, message: str) -> None:
        """Say at once when saving stops, and when it works again (the store calls this on each change)."""
        if saving:
            self.notify("Progress is being saved again.", title="Progress", markup=False)
        else:
            self.notify(line(message), title="Progress", severity="error", timeout=15, markup=False)

    def store_note(self, note: str) -> None:
        self.notify(line(note), title="Progress", severity="warning", timeout=10, markup=False)

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
    start: Start | None = None,
    seed: int | None = None,
    data_dir: Path | None = None,
) -> int:
    """Run the tutor in the terminal until the learner quits; the process exit code
    (128 + the signal's number after SIGTERM or SIGHUP, as a shell reports a killed command).

    Progress is read from and saved to the learner's store: ``data_dir`` (``--data-dir``), else
    ``$CE_TUTOR_HOME``, else the user data dir.
    """
    from tutor.progress import open_store

    with open_store(data_dir) as store:
        app = TutorApp(course, start=start, seed=seed, progress=Progress(store, course), exit_on_signals=True)
        app.watch_store(store)
        app.run()
    return app.return_code or 0
