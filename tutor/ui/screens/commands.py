"""The command palette (Ctrl+P): jump to any lesson, quiz or practice set by name."""

from __future__ import annotations

from functools import partial
from typing import Callable, Iterator

from textual.command import DiscoveryHit, Hit, Hits, Provider


class CourseCommands(Provider):
    """One command per lesson, per lesson quiz and per practice set."""

    def _commands(self) -> Iterator[tuple[str, Callable[[], None], str]]:
        app = self.app
        course = getattr(app, "course", None)
        if course is None:
            return
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
        yield "Practice: all lessons", partial(app.open_practice, "all"), "generated questions from every lesson"
        yield "Course map", app.back_to_home, "back to the list of lessons"

    async def discover(self) -> Hits:
        for name, command, help_text in self._commands():
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, text=name, help=help_text)
