"""One question at a time: answer with one key (or type a number), read the feedback, go on.

The screen drives a :class:`~tutor.study.QuizRun` (a plan being taken: its session grades, and
it saves each first answer the moment it is graded), mounts the answer widget the question's
kind names, and renders the verdicts; it grades nothing, records nothing itself and knows no
question kind.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.widgets import ProgressBar, Static

from tutor.study import QuizRun
from tutor.ui.kinds import answer_widget
from tutor.ui.screens.base import TutorScreen
from tutor.ui.screens.confirm import LeaveQuiz
from tutor.ui.text import line, plain
from tutor.ui.textual_fixes import TutorHeader
from tutor.ui.widgets.answers import AnswerWidget
from tutor.ui.widgets.footer import KeysFooter
from tutor.ui.widgets.quiz import Feedback


class QuizScreen(TutorScreen):
    BINDINGS = [
        # No priority bindings: keys typed quickly are handled in the order they were typed,
        # and a key typed into the number box is text (the box consumes it before these see it).
        Binding("enter", "next", "Next", id="next"),
        Binding("enter", "answer", "Back to the answer", show=False),
        Binding("n", "next", "Next", show=False),
        Binding("h", "hint", "Hint", id="hint"),
        Binding("s", "skip", "Skip", id="skip"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("escape", "leave", "Leave quiz", id="leave"),
    ]
    HELP_NOTE = (
        "Choices: press the option's letter a–i or number 1–9 (h is the hint, so option h is 8), or ↑/↓ "
        "then Enter; true/false also takes t and f. Numbers: type a number or a calculation (1/0.09, "
        "-log(0.9), exp(-1), 2^-3, 4,6) and press Enter; the question says the precision it wants, and "
        "the value of a calculation shows under the box. In the box every key is text: Esc leaves it "
        "(then s skips, h shows the hint, Esc leaves the quiz); Enter or Tab goes back into it. "
        "Your first answer to each question is saved at once and is the one that counts; u lets you try "
        "again for yourself. Esc asks before leaving a quiz you have started: what you answered is kept, "
        "and a lesson's quiz resumes where you left it (t on its lesson, or c on the course map)."
    )

    def __init__(self, run: QuizRun) -> None:
        super().__init__()
        self.run = run
        self.session = run.session
        self.quiz_title = run.plan.title

    def compose(self) -> ComposeResult:
        yield TutorHeader(icon="")
        with Horizontal(id="quiz-status"):
            yield Static(id="quiz-counter", markup=False)
            yield ProgressBar(total=self.session.total, show_eta=False, show_percentage=False, id="quiz-bar")
        with VerticalScroll(id="quiz-body"):
            yield Static(id="quiz-prompt", markup=False)
            yield Static(id="quiz-precision", markup=False)
            yield Vertical(id="quiz-answer")
            yield Static(id="quiz-hint", markup=False)
            yield Feedback(id="quiz-feedback")
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        self.title = line(self.quiz_title)
        self.sub_title = line(self.app.course.title)
        self.show_question()

    # ----- rendering --------------------------------------------------------------------

    @property
    def answer_box(self) -> AnswerWidget:
        """The current question's answer widget."""
        return self.query_one("#quiz-answer").query_one(AnswerWidget)

    def show_question(self) -> None:
        """Render the current question, unanswered, with the answer widget its kind names."""
        session = self.session
        asked = session.asked
        counter = f"Question {session.position} / {session.total}{self._source()}"
        self.query_one("#quiz-counter", Static).update(plain(counter))
        self.query_one(ProgressBar).update(progress=len(session.answers))
        self.query_one("#quiz-prompt", Static).update(plain(asked.prompt))
        precision = self.query_one("#quiz-precision", Static)
        precision.update(plain(f"Give your answer {asked.precision}.") if asked.precision else "")
        precision.display = bool(asked.precision)
        hint = self.query_one("#quiz-hint", Static)
        hint.update("")
        hint.display = False
        self.query_one(Feedback).clear()
        holder = self.query_one("#quiz-answer")
        holder.remove_children()
        holder.mount(answer_widget(asked))  # it takes the focus once mounted
        self.query_one("#quiz-body", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()

    def _source(self) -> str:
        """In a plan that mixes lessons, which lesson the current question comes from."""
        if self.run.plan.lesson is not None:
            return ""
        return f" · from {self.app.course.lesson(self.run.item.lesson_id).title}"

    def show_verdict(self) -> None:
        """Render the feedback for the answer just given (or the question just skipped)."""
        verdict = self.session.verdict
        assert verdict is not None
        self.query_one(ProgressBar).update(progress=len(self.session.answers))
        self.answer_box.show_verdict(verdict)
        feedback = self.query_one(Feedback)
        counted = self.session.counted if self.session.retaken else None
        feedback.show(verdict, last=self.session.position == self.session.total, counted=counted)
        body = self.query_one("#quiz-body", VerticalScroll)
        body.focus()  # so ↑/↓ scroll a long explanation
        self.call_after_refresh(body.scroll_to_widget, feedback, animate=False, top=True)
        self.refresh_bindings()

    # ----- answering --------------------------------------------------------------------

    @on(AnswerWidget.Answered)
    def _answered(self, event: AnswerWidget.Answered) -> None:
        self._settle()

    def _settle(self) -> None:
        """Grade the answer the widget has posted, if the screen has not yet: a command key typed
        right behind an answer may arrive first, and must act on the answered question."""
        if self.session.finished or self.session.verdict is not None:
            return
        try:
            message = self.answer_box.take_pending()
        except NoMatches:  # the question's widget is not mounted yet
            return
        if message is not None:
            self._grade(message.value)

    def _grade(self, value: object) -> None:
        try:
            self.run.answer(value)  # saved now, if it is the first answer
        except ValueError as exc:
            self.answer_box.refuse(str(exc))
            return
        self.show_verdict()

    def _pending(self) -> bool:
        try:
            return self.answer_box.pending is not None
        except NoMatches:
            return False

    def action_answer(self) -> None:
        self.answer_box.focus_answer()

    def action_skip(self) -> None:
        self._settle()
        if self.session.verdict is not None:
            return
        self.run.skip()
        self.show_verdict()

    def action_undo(self) -> None:
        self._settle()
        if self.run.undo():
            self.query_one(Feedback).clear()
            self.query_one(ProgressBar).update(progress=len(self.session.answers))
            self.answer_box.reopen()
            self.refresh_bindings()

    def action_hint(self) -> None:
        self._settle()
        if self.session.verdict is not None:
            return
        hint = self.query_one("#quiz-hint", Static)
        hint.update(plain(f"Hint: {self.session.asked.hint}"))
        hint.display = True

    def action_next(self) -> None:
        self._settle()
        if self.session.verdict is None:
            return  # the answer typed ahead was refused: the question stays open
        self.run.advance()  # nothing to save: the answer was saved when it was graded
        if self.session.finished:
            self.finish()
        else:
            self.show_question()

    def action_leave(self) -> None:
        """Leave at once when nothing would be left unfinished; else ask once (Esc again leaves)."""
        self._settle()
        if not self.session.answers or self.session.complete:
            self.dismiss()
            return
        self.app.push_screen(LeaveQuiz(self.leaving_note()), self._leave_if)

    def _leave_if(self, leave: bool | None) -> None:
        if leave and self.is_attached:
            self.dismiss()

    def leaving_note(self) -> str:
        """What leaving keeps, so that it is not a loss."""
        answered = len(self.session.answers)
        kept = f"Your {answered} answer{'s are' if answered != 1 else ' is'} saved"
        plan = self.run.plan
        if plan.SCORED:
            return f"{kept}. The quiz resumes at question {answered + 1} next time: t on the lesson, or c on the course map."
        if plan.RECORDED:
            return f"{kept}: they count in your stats and review schedule."
        return "A retry is practice: your first answers were saved already, these are not."

    def finish(self) -> None:
        from tutor.ui.screens.results import ResultsScreen

        self.app.switch_screen(ResultsScreen(self.run))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.session.finished:
            return action == "leave"
        answered = self.session.verdict is not None or self._pending()
        if action in ("next", "undo"):
            return answered
        if action == "answer":
            return not answered and not self._answer_focused()
        if action == "skip":
            return not answered
        if action == "hint":
            return not answered and bool(self.session.asked.hint)
        return True

    def _answer_focused(self) -> bool:
        try:
            return self.focused is not None and self.answer_box in self.focused.ancestors_with_self
        except NoMatches:
            return False
