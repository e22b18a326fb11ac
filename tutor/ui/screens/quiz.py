"""One question at a time: answer with one key (or type a number), read the feedback, go on.

The screen drives a :class:`~tutor.quiz.QuizSession` and renders its verdicts; it grades nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from tutor.content.model import ChoiceQuestion, TrueFalseQuestion
from tutor.content.prose import render
from tutor.quiz import NumberError, QuizSession, Verdict
from tutor.ui.screens.base import TutorScreen
from tutor.ui.widgets.quiz import Feedback, NumberInput

LETTERS = "abcdefghi"
#: Letter keys that answer a choice question; h is the hint key (option h is answered with 8).
ANSWER_LETTERS = "abcdefgi"


class QuizScreen(TutorScreen):
    BINDINGS = [
        Binding("enter", "next", "Next", priority=True, id="next"),
        # Priority: checked before the number box sees the key (it takes only number characters).
        Binding("n", "next", "Next", show=False, priority=True),
        Binding("h", "hint", "Hint", priority=True, id="hint"),
        Binding("s", "skip", "Skip", priority=True, id="skip"),
        Binding("u", "undo", "Undo", priority=True, id="undo"),
        Binding("escape", "leave", "Leave quiz", id="leave"),
        Binding("t", "truth(True)", "True", show=False),
        Binding("f", "letter('f')", "Option f), or False", show=False),
        *[Binding(str(i + 1), f"choose({i})", f"Option {LETTERS[i]})", show=False) for i in range(9)],
        *[Binding(c, f"letter('{c}')", f"Option {c})", show=False) for c in ANSWER_LETTERS if c != "f"],
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
        self.asked: list[tuple[int, str, Verdict]] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        with Horizontal(id="quiz-status"):
            yield Static(id="quiz-counter", markup=False)
            yield ProgressBar(total=self.session.total, show_eta=False, show_percentage=False, id="quiz-bar")
        with VerticalScroll(id="quiz-body"):
            yield Static(id="quiz-prompt", markup=False)
            yield Static(id="quiz-how", markup=False)
            yield OptionList(id="quiz-options")
            yield NumberInput(id="quiz-number")
            yield Static(id="quiz-error", markup=False)
            yield Static(id="quiz-hint", markup=False)
            yield Feedback(id="quiz-feedback")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = self.quiz_title
        self.sub_title = self.app.course.title
        self.query_one(NumberInput).cursor_blink = getattr(self.app, "cursor_blink", True)
        self.show_question()

    # ----- rendering --------------------------------------------------------------------

    @property
    def kind(self) -> str:
        question = self.session.question
        if isinstance(question, ChoiceQuestion):
            return "choice"
        return "truefalse" if isinstance(question, TrueFalseQuestion) else "numeric"

    def _labels(self) -> list[str]:
        if self.kind == "truefalse":
            return ["True", "False"]
        return [render(option.text) for option in self.session.options()]

    def show_question(self) -> None:
        """Render the current question, unanswered."""
        session = self.session
        counter = f"Question {session.position} / {session.total}{self._source()}"
        self.query_one("#quiz-counter", Static).update(counter)
        self.query_one(ProgressBar).update(progress=len(session.answers))
        self.query_one("#quiz-prompt", Static).update(render(session.question.prompt))
        for name in ("#quiz-hint", "#quiz-error"):
            self.query_one(name, Static).update("")
            self.query_one(name).display = False
        self.query_one(Feedback).clear()
        options = self.query_one(OptionList)
        number = self.query_one(NumberInput)
        how = self.query_one("#quiz-how", Static)
        if self.kind == "numeric":
            options.display = False
            number.display, number.disabled, number.value = True, False, ""
            how.update("Type a number and press Enter.")
            number.focus()
        else:
            number.display = False
            labels = self._labels()
            options.clear_options()
            options.add_options([Option(self._option_text(i, label)) for i, label in enumerate(labels)])
            options.display, options.disabled = True, False
            options.highlighted = 0
            if self.kind == "truefalse":
                how.update("Press t (true) or f (false), or ↑/↓ then Enter.")
            else:
                last = len(labels)
                how.update(f"Press a–{LETTERS[last - 1]} (or 1–{last}), or ↑/↓ then Enter.")
            options.focus()
        self.query_one("#quiz-body", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()

    def _source(self) -> str:
        """In a review, which lesson the current question comes from (a lesson quiz needs no reminder)."""
        if not self.lesson_ids:
            return ""
        return f" · from {self.app.course.lesson(self.lesson_of(self.session.position - 1)).title}"

    def _option_text(self, index: int, label: str, note: str = "") -> str:
        return f"{LETTERS[index]}) {label}{note}"

    def show_verdict(self, verdict: Verdict, chosen: int | None = None) -> None:
        """Render the feedback for the answer just given."""
        self.query_one(ProgressBar).update(progress=len(self.session.answers))
        self.query_one("#quiz-error").display = False
        if self.kind == "numeric":
            self.query_one(NumberInput).disabled = True
        else:
            self._mark_options(verdict, chosen)
        feedback = self.query_one(Feedback)
        feedback.show(verdict, last=self.session.position == self.session.total)
        body = self.query_one("#quiz-body", VerticalScroll)
        body.focus()  # so ↑/↓ scroll a long explanation
        self.call_after_refresh(body.scroll_to_widget, feedback, animate=False, top=True)
        self.refresh_bindings()

    def _mark_options(self, verdict: Verdict, chosen: int | None) -> None:
        options = self.query_one(OptionList)
        labels = self._labels()
        right = self._right_index()
        options.clear_options()
        for i, label in enumerate(labels):
            notes = [n for n, on_ in (("your answer", i == chosen), ("right answer", i == right)) if on_]
            options.add_option(Option(self._option_text(i, label, f"   ← {', '.join(notes)}" if notes else "")))
        options.disabled = True

    def _right_index(self) -> int | None:
        question = self.session.question
        if isinstance(question, TrueFalseQuestion):
            return 0 if question.answer else 1
        if isinstance(question, ChoiceQuestion):
            right = question.options[question.correct_index]
            return next((i for i, option in enumerate(self.session.options()) if option is right), None)
        return None

    # ----- answering --------------------------------------------------------------------

    def answer(self, value: int | bool | str, chosen: int | None = None) -> None:
        prompt = render(self.session.question.prompt)
        position = self.session.position
        try:
            verdict = self.session.answer(value)
        except NumberError as exc:
            error = self.query_one("#quiz-error", Static)
            error.update(f"Not graded: {exc}. Type a number such as 0.25 and press Enter.")
            error.display = True
            return
        self.asked.append((position, prompt, verdict))
        self.show_verdict(verdict, chosen)

    def action_choose(self, index: int) -> None:
        if self.kind == "truefalse":
            self.answer(index == 0, index)
        else:
            self.answer(index, index)

    def action_letter(self, letter: str) -> None:
        if self.kind == "truefalse" and letter == "f":
            self.answer(False, 1)
        else:
            self.action_choose(LETTERS.index(letter))

    def action_truth(self, value: bool) -> None:
        self.answer(value, 0 if value else 1)

    @on(OptionList.OptionSelected, "#quiz-options")
    def _option_selected(self, event: OptionList.OptionSelected) -> None:
        if self.session.verdict is None:
            self.action_choose(event.option_index)

    @on(NumberInput.Submitted, "#quiz-number")
    def _number_submitted(self, event: NumberInput.Submitted) -> None:
        if self.session.verdict is None:
            self.answer(event.value)

    def action_skip(self) -> None:
        position, prompt = self.session.position, render(self.session.question.prompt)
        verdict = self.session.skip()
        self.asked.append((position, prompt, verdict))
        self.show_verdict(verdict)

    def action_undo(self) -> None:
        if self.session.undo():
            self.asked.pop()
            typed = self.query_one(NumberInput).value
            self.show_question()
            self.query_one(NumberInput).value = typed

    def action_hint(self) -> None:
        hint = self.query_one("#quiz-hint", Static)
        hint.update(f"Hint: {render(self.session.hint())}")
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
        if action in ("skip", "hint"):
            return not answered and (action == "skip" or bool(self.session.hint()))
        if action in ("choose", "letter", "truth"):
            return not answered and self._accepts(action, parameters)
        return True

    def _accepts(self, action: str, parameters: tuple[object, ...]) -> bool:
        kind = self.kind
        if action == "truth":
            return kind == "truefalse"
        if action == "letter":
            index = LETTERS.index(str(parameters[0]))
            if kind == "truefalse":
                return index < 2 or parameters == ("f",)
            return kind == "choice" and index < len(self.session.options())
        index = parameters[0] if parameters else 0
        count = 2 if kind == "truefalse" else len(self.session.options())
        return kind != "numeric" and isinstance(index, int) and index < count
