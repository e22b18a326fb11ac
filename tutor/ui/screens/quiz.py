"""One question at a time: answer with one key (or type a number), read the feedback, go on.

The screen drives a :class:`~tutor.quiz.QuizSession`, mounts the answer widget the question's
kind names, and renders the session's verdicts; it grades nothing and knows no question kind.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, ProgressBar, Static

from tutor.content.kinds import Verdict
from tutor.quiz import QuizSession
from tutor.ui.kinds import answer_widget
from tutor.ui.screens.base import TutorScreen
from tutor.ui.textual_fixes import TutorHeader
from tutor.ui.widgets.answers import AnswerWidget
from tutor.ui.widgets.quiz import Feedback


class QuizScreen(TutorScreen):
    BINDINGS = [
        Binding("enter", "next", "Next", priority=True, id="next"),
        # Priority: checked before the number box sees the key (it takes only number characters).
        Binding("n", "next", "Next", show=False, priority=True),
        Binding("h", "hint", "Hint", priority=True, id="hint"),
        Binding("s", "skip", "Skip", priority=True, id="skip"),
        Binding("u", "undo", "Undo", priority=True, id="undo"),
        Binding("escape", "leave", "Leave quiz", id="leave"),
    ]
    HELP_NOTE = (
        "Answer with the option's letter a–i or its number 1–9 (h is the hint, so option h is 8), "
        "or move with ↑/↓ and press Enter. True/false also takes t and f. "
        "Numbers: type into the box and press Enter; the box takes only the characters of a number "
        "(digits . , e + − and spaces), so h, s, u, n and ? stay commands while you type. "
        "Text that is not a number is refused with a message and is not graded."
    )

    def __init__(
        self,
        session: QuizSession,
        *,
        title: str,
        lesson_id: str,
        record: bool = False,
        practice: bool = False,
        lesson_ids: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.session = session
        self.quiz_title = title
        self.lesson_id = lesson_id
        #: A review mixes lessons: the lesson of each question, in order, to record answers under.
        self.lesson_ids = tuple(lesson_ids)
        self.record = record
        self.practice = practice
        #: (question number, prompt as asked, verdict) for every answer given, in order.
        self.history: list[tuple[int, str, Verdict]] = []

    def compose(self) -> ComposeResult:
        yield TutorHeader(icon="")
        with Horizontal(id="quiz-status"):
            yield Static(id="quiz-counter", markup=False)
            yield ProgressBar(total=self.session.total, show_eta=False, show_percentage=False, id="quiz-bar")
        with VerticalScroll(id="quiz-body"):
            yield Static(id="quiz-prompt", markup=False)
            yield Vertical(id="quiz-answer")
            yield Static(id="quiz-hint", markup=False)
            yield Feedback(id="quiz-feedback")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = self.quiz_title
        self.sub_title = self.app.course.title
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
        self.query_one("#quiz-counter", Static).update(counter)
        self.query_one(ProgressBar).update(progress=len(session.answers))
        self.query_one("#quiz-prompt", Static).update(asked.prompt)
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
        """In a review, which lesson the current question comes from (a lesson quiz needs no reminder)."""
        if not self.lesson_ids:
            return ""
        return f" · from {self.app.course.lesson(self.lesson_of(self.session.position - 1)).title}"

    def show_verdict(self) -> None:
        """Render the feedback for the answer just given (or the question just skipped)."""
        verdict = self.session.verdict
        assert verdict is not None
        self.query_one(ProgressBar).update(progress=len(self.session.answers))
        self.answer_box.show_verdict(verdict)
        feedback = self.query_one(Feedback)
        feedback.show(verdict, last=self.session.position == self.session.total)
        body = self.query_one("#quiz-body", VerticalScroll)
        body.focus()  # so ↑/↓ scroll a long explanation
        self.call_after_refresh(body.scroll_to_widget, feedback, animate=False, top=True)
        self.refresh_bindings()

    # ----- answering --------------------------------------------------------------------

    @on(AnswerWidget.Answered)
    def _answered(self, event: AnswerWidget.Answered) -> None:
        if self.session.finished or self.session.verdict is not None:
            return
        prompt, position = self.session.asked.prompt, self.session.position
        try:
            verdict = self.session.answer(event.value)
        except ValueError as exc:
            self.answer_box.refuse(str(exc))
            return
        self.history.append((position, prompt, verdict))
        self.show_verdict()

    def action_skip(self) -> None:
        position, prompt = self.session.position, self.session.asked.prompt
        verdict = self.session.skip()
        self.history.append((position, prompt, verdict))
        self.show_verdict()

    def action_undo(self) -> None:
        if self.session.undo():
            self.history.pop()
            self.query_one(Feedback).clear()
            self.query_one(ProgressBar).update(progress=len(self.session.answers))
            self.answer_box.reopen()
            self.refresh_bindings()

    def action_hint(self) -> None:
        hint = self.query_one("#quiz-hint", Static)
        hint.update(f"Hint: {self.session.asked.hint}")
        hint.display = True

    def action_next(self) -> None:
        if not self.practice and self.session.answers:
            # the answer is final once the learner moves on (u can no longer take it back)
            question, verdict = self.session.answers[-1]
            self.app.progress.record_answer(
                self.lesson_of(self.session.position - 1),
                question.id,
                verdict.given,
                verdict.correct,
                verdict.skipped,
            )
        self.session.advance()
        if self.session.finished:
            self.finish()
        else:
            self.show_question()

    def lesson_of(self, index: int) -> str:
        """The lesson question ``index`` (0-based) belongs to, so a review updates its own schedule."""
        return self.lesson_ids[index] if self.lesson_ids else self.lesson_id

    def missed_lesson_ids(self) -> tuple[str, ...]:
        """The lesson of each missed question, in the order ``session.retry_missed()`` asks them."""
        if not self.lesson_ids:
            return ()
        answers = self.session.answers
        return tuple(self.lesson_of(i) for i, (_, verdict) in enumerate(answers) if not verdict.correct)

    def action_leave(self) -> None:
        self.dismiss()

    def finish(self) -> None:
        from tutor.ui.screens.results import ResultsScreen

        if self.record:
            self.app.progress.record_score(self.lesson_id, self.session.score, self.session.total)
        self.app.switch_screen(ResultsScreen(self))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.session.finished:
            return action == "leave"
        answered = self.session.verdict is not None
        if action in ("next", "undo"):
            return answered
        if action == "skip":
            return not answered
        if action == "hint":
            return not answered and bool(self.session.asked.hint)
        return True
