"""The end of a quiz: the score as ``k / n``, the questions missed, and a retry of just those."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from tutor.ui.screens.base import TutorScreen
from tutor.ui.textual_fixes import TutorHeader

if TYPE_CHECKING:
    from tutor.ui.screens.quiz import QuizScreen


class ResultsScreen(TutorScreen):
    BINDINGS = [
        Binding("r", "retry", "Retry missed", id="retry"),
        Binding("g", "practice", "New practice set", id="practice"),
        Binding("escape", "back", "Back", id="back"),
        Binding("enter", "back", "Back", show=False),
    ]
    HELP_NOTE = "r asks only the questions you missed again. Esc goes back to where the quiz started."

    def __init__(self, quiz: QuizScreen) -> None:
        super().__init__()
        self.quiz = quiz
        self.session = quiz.session
        self.missed = [(n, prompt, v) for n, prompt, v in quiz.history if not v.correct]

    def compose(self) -> ComposeResult:
        yield TutorHeader(icon="")
        with VerticalScroll(id="results-body"):
            yield Static(self.score_text(), id="results-score", markup=False)
            yield Static(self.missed_text(), id="results-missed", markup=False)
            yield Static(self.next_text(), id="results-next", markup=False)
            if problem := self.app.progress.problem:
                yield Static(f"Not saved: {problem}", id="results-not-saved", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = f"{self.quiz.quiz_title} — results"
        self.sub_title = self.app.course.title
        self.query_one("#results-body").focus()

    def score_text(self) -> str:
        score, total = self.session.score, self.session.total
        return (
            f"Score: {score} / {total}\nYou answered {score} of {total} question{'s' if total != 1 else ''} correctly."
        )

    def missed_text(self) -> str:
        if not self.missed:
            return "Missed: none. Every question was answered correctly."
        lines = [f"Missed ({len(self.missed)}):"]
        for number, prompt, verdict in self.missed:
            how = "skipped" if verdict.skipped else f"you answered {verdict.given}"
            lines.append(f"  {number}. {prompt.strip()}")
            lines.append(f"     {how}; right answer: {verdict.expected}")
        return "\n".join(lines)

    def next_text(self) -> str:
        keys = []
        if self.missed:
            keys.append("r: retry the missed questions")
        if self.quiz.practice:
            keys.append("g: a new practice set")
        keys.append("Esc: back")
        return " · ".join(keys)

    def action_retry(self) -> None:
        from tutor.ui.screens.quiz import QuizScreen

        title = self.quiz.quiz_title.removesuffix(" (missed questions)") + " (missed questions)"
        retry = QuizScreen(
            self.session.retry_missed(),
            title=title,
            lesson_id=self.quiz.lesson_id,
            practice=self.quiz.practice,
            lesson_ids=self.quiz.missed_lesson_ids(),
        )
        self.app.switch_screen(retry)

    def action_practice(self) -> None:
        self.app.open_practice(self.quiz.lesson_id)

    def action_back(self) -> None:
        self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return bool(self.missed)
        if action == "practice":
            return self.quiz.practice
        return True
