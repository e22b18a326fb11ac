"""The end of a quiz: the score as ``k / n`` and a percentage (with the best beside it), the
questions missed, when reviewed questions come back, and the next steps: retry the missed ones,
the next lesson, the course map, or back to where the quiz was started."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from tutor.content.model import Lesson
from tutor.study import Missed, PracticeSet, QuizRun, Review
from tutor.ui.screens.base import TutorScreen
from tutor.ui.text import line, plain
from tutor.ui.textual_fixes import TutorHeader
from tutor.ui.widgets.footer import KeysFooter


def score_text(score: int, total: int) -> str:
    """``k / n (p%)``: the percentage rounded down, so it never says 100% for less than all."""
    return f"{score} / {total} ({100 * score // total}%)" if total else "0 / 0"


class ResultsScreen(TutorScreen):
    BINDINGS = [
        Binding("r", "retry", "Retry missed", id="retry"),
        Binding("n", "next_lesson", "Next lesson", id="next-lesson"),
        Binding("g", "practice", "New practice set", id="practice"),
        Binding("m", "home", "Course map", id="home"),
        Binding("escape", "back", "Back", id="back"),
        Binding("enter", "back", "Back", show=False),
    ]
    HELP_NOTE = (
        "r asks only the questions you missed again (for practice: your first answers are the ones "
        "saved). n opens the next lesson, m the course map; Esc goes back to where the quiz started."
    )

    def __init__(self, run: QuizRun) -> None:
        super().__init__()
        self.run = run
        self.session = run.session
        self.missed = run.missed()

    @property
    def next_lesson(self) -> Lesson | None:
        return self.app.planner.next_lesson(self.run.plan.lesson)

    def compose(self) -> ComposeResult:
        yield TutorHeader(icon="")
        with VerticalScroll(id="results-body"):
            yield Static(self.score_text(), id="results-score", markup=False)
            with Vertical(id="results-missed"):
                yield Static(self.missed_heading(), classes="missed-heading")
                for missed in self.missed:
                    # Number and text side by side: a wrapped prompt stays indented under itself.
                    with Horizontal(classes="missed"):
                        yield Static(f"{missed.number}.", classes="missed-number", markup=False)
                        yield Static(plain(self.missed_entry(missed)), classes="missed-text")
            if isinstance(self.run.plan, Review):
                yield Static(plain(self.comes_back_text()), id="results-back")
            yield Static(plain(self.next_text()), id="results-next")
            if problem := self.app.progress.problem:
                yield Static(plain(f"Not saved: {problem}"), id="results-not-saved")
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        self.title = line(f"{self.run.plan.title} — results")
        self.sub_title = line(self.app.course.title)
        self.query_one("#results-body").focus()

    def score_text(self) -> str:
        plan, score, total = self.run.plan, self.session.score, self.session.total
        line = f"Score: {score_text(score, total)}"
        best = self.app.progress.best_score(plan.lesson.id) if plan.SCORED and plan.lesson else None
        if best is not None:
            line += f" · best {score_text(*best)}"
        if not plan.RECORDED:
            return f"{line}\nA retry is practice: your first answers were saved, these are not."
        if self.run.resumed:
            return f"{line}\nThe first {self.run.resumed} answers were given in an earlier sitting."
        return line

    def missed_heading(self) -> str:
        if not self.missed:
            return "Missed: none. Every question was answered correctly."
        return f"Missed ({len(self.missed)}):"

    @staticmethod
    def missed_entry(missed: Missed) -> str:
        """The prompt, then what was answered and the right answer."""
        verdict = missed.verdict
        how = "skipped" if verdict.skipped else f"you answered {verdict.given}"
        return f"{missed.prompt.strip()}\n{how}; right answer: {verdict.expected}"

    def comes_back_text(self) -> str:
        back = self.app.planner.comes_back(self.run)
        if not back:
            return "Not rescheduled: progress could not be saved."
        lines = ["Comes back for review:"]
        for when, numbers in back:
            which = "question" if len(numbers) == 1 else "questions"
            lines.append(f"  {when}: {which} {', '.join(map(str, numbers))}")
        return "\n".join(lines)

    def next_text(self) -> str:
        keys = []
        if self.missed:
            keys.append(f"r: retry the {len(self.missed)} missed")
        if (lesson := self.next_lesson) is not None:
            keys.append(f"n: next lesson, {lesson.title}")
        if isinstance(self.run.plan, PracticeSet):
            keys.append("g: a new practice set")
        origin = self.run.plan.origin
        if origin is not None:
            keys.append("m: course map")
            keys.append(f"Esc: back to {self.app.course.lesson(origin).title}")
        else:
            keys.append("Esc: course map")
        return " · ".join(keys)

    def action_retry(self) -> None:
        if (plan := self.app.planner.retry(self.run)) is not None:
            self.app.open_plan(plan)

    def action_next_lesson(self) -> None:
        if (lesson := self.next_lesson) is not None:
            self.app.open_lesson(lesson.id)

    def action_practice(self) -> None:
        if (plan := self.app.planner.again(self.run.plan)) is not None:
            self.app.open_plan(plan)

    def action_home(self) -> None:
        self.app.back_to_home()

    def action_back(self) -> None:
        self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return bool(self.missed)
        if action == "next_lesson":
            return self.next_lesson is not None
        if action == "practice":
            return isinstance(self.run.plan, PracticeSet)
        if action == "home":
            return self.run.plan.origin is not None
        return True
