"""The command palette (Ctrl+P): continue, review, or jump to any lesson, quiz or practice set by name.

Names and help come from the course (lesson titles and summaries), so they are handed to the
palette as ``Content``: it parses a plain ``str`` prompt or help as markup (``tutor/ui/text.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from tutor.safe_text import printable
from tutor.ui.text import plain

#: As the palette styles help text (``command-palette--help-text``), which it draws below the name.
HELP_STYLE = "dim not bold"


class CourseCommands(Provider):
    """Continue and review first, then one command per lesson, per lesson quiz and per practice set."""

    _listed: list[tuple[str, Callable[[], None], str]]

    def _commands(self) -> Iterator[tuple[str, Callable[[], None], str]]:
        from tutor.ui.app import TutorApp  # here: the app module imports this one

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
            yield DiscoveryHit(_with_help(plain(name), help_text), command, text=name)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command, help_text in self._listed:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _with_help(_highlight(matcher, name), help_text), command, text=name)


def _highlight(matcher: Matcher, name: str) -> Content:
    """``name`` as plain content with the characters the query matched highlighted
    (``Matcher.highlight`` would parse ``name`` as markup first)."""
    shown = printable(name)
    content = Content(shown)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, shown)
    for offset in offsets:
        if not shown[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def _with_help(prompt: Content, help_text: str) -> Content:
    """The name, and below it the help: a hit's own ``help`` is a ``str`` the palette parses as markup."""
    if not help_text:
        return prompt
    return Content("\n").join([prompt, plain(help_text).stylize_before(HELP_STYLE)])
