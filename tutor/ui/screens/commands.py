"""The command palette (Ctrl+P): continue, review, or jump to any lesson, quiz or practice set by name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class CourseCommands(Provider):
    """Continue and review first, then one command per lesson, per lesson quiz and per practice set."""

    _listed: list[tuple[str, Callable[[], None], str]]

    def _commands(self) -> Iterator[tuple[str, Callable[[], None], str]]:
        from tutor.ui.app import TutorApp

        app = self.app
        if not isinstance(app, TutorApp):
            return
        course = app.course
        if point := app.planner.continue_point():
            yield point.label(), app.continue_learning, "where you left off: the lesson read last, or a quiz"
        summary = app.planner.review_summary()
        yield f"Review ({summary.due} due)", app.open_review, summary.line()
        for number, lesson in enumerate(course.lessons, 1):
            yield f"Lesson {number}: {lesson.title}", partial(app.open_lesson, lesson.id), lesson.summary.strip()
            if lesson.questions:
                yield (
                    f"Quiz {number}: {lesson.title}",
                    partial(app.open_quiz, lesson.id),
                    f"{len(lesson.questions)} questions",
                )
                yield (
                    f"Practice {number}: {lesson.title}",
                    partial(app.open_practice, lesson.id),
                    "generated questions with fresh numbers",
                )
        yield "Practice: all lessons", partial(app.open_practice, None), "generated questions from every lesson"
        yield "Exercises", app.open_exercises, "write the losses in Python yourself, checked on every save"
        yield "Course map", app.back_to_home, "back to the list of lessons"

    async def startup(self) -> None:
        """List the commands once per opening of the palette: the labels read the progress store."""
        self._listed = list(self._commands())

    async def discover(self) -> Hits:
        for name, command, help_text in self._listed:
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command, help_text in self._listed:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, text=name, help=help_text)
