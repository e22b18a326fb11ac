"""Fixtures for driving the app headless, as a learner would: key presses, then what the screen says."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest
from textual import events
from textual.widgets import Static

from tutor.content import CourseError, bundled_course_dir, load_course
from tutor.content.expr import evaluate
from tutor.content.kinds import NumberAsked, OptionsAsked
from tutor.content.model import Course

MINI = Path(__file__).resolve().parents[1] / "content" / "fixtures" / "mini"
SIZE = (100, 30)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Never touch the learner's real data: progress lives under a temporary CE_TUTOR_HOME."""
    monkeypatch.setenv("CE_TUTOR_HOME", str(tmp_path / "ce-tutor-home"))


@pytest.fixture(scope="session")
def mini_course() -> Course:
    """A one-lesson course with every section and question kind once (choice, true/false, numeric, generated)."""
    return load_course(MINI)


@pytest.fixture(scope="session")
def quiz_course(mini_course: Course) -> Course:
    """The mini course without its plot, explorer and lab: the same quiz, a lesson that opens fast."""
    lesson = mini_course.lessons[0]
    light = tuple(s for s in lesson.sections if s.kind in ("text", "formula", "worked"))
    return msgspec.structs.replace(mini_course, lessons=(msgspec.structs.replace(lesson, sections=light),))


@pytest.fixture(scope="session")
def hinted_course(quiz_course: Course) -> Course:
    """The quiz course with a hint on its choice and numeric questions."""
    lesson = quiz_course.lessons[0]
    questions = tuple(
        msgspec.structs.replace(q, hint=f"Hint for {q.id}: think of −log.") if q.id in ("pick", "num") else q
        for q in lesson.questions
    )
    return msgspec.structs.replace(quiz_course, lessons=(msgspec.structs.replace(lesson, questions=questions),))


@pytest.fixture(scope="session")
def bundled_course() -> Course:
    """The real course, once it loads (it is being written alongside the UI)."""
    try:
        return load_course(bundled_course_dir())
    except (CourseError, FileNotFoundError, OSError) as exc:  # pragma: no cover - depends on content state
        pytest.skip(f"bundled course does not load yet: {exc}")


@pytest.fixture(scope="session")
def two_lessons(quiz_course: Course) -> Course:
    """The quiz course with a second lesson (a copy), to tell lessons' positions and reviews apart."""
    basics = quiz_course.lessons[0]
    more = msgspec.structs.replace(basics, id="more", title="More")
    return msgspec.structs.replace(quiz_course, lessons=(basics, more))


@pytest.fixture
def store(tmp_path, clock):
    """The learner's real SQLite store in ``tmp_path``, on the test's clock."""
    from tutor.progress import open_store

    with open_store(tmp_path / "data", clock=clock) as opened:
        yield opened


def make_app(
    course: Course,
    *,
    lesson: str | None = None,
    quiz: str | None = None,
    practice: str | None = None,
    practice_all: bool = False,
    review: bool = False,
    exercises: Path | None = None,
    **kwargs,
):
    """The app as ``ce-tutor [lesson|quiz|practice|review] …`` opens it (seed 7 unless given)."""
    from tutor.ui.app import TutorApp
    from tutor.ui.start import OpenExercises, OpenLesson, Practise, ReviewDue, TakeQuiz

    starts = [
        OpenLesson(lesson) if lesson else None,
        TakeQuiz(quiz) if quiz else None,
        Practise(practice) if practice else None,
        Practise(None) if practice_all else None,
        ReviewDue() if review else None,
        OpenExercises(exercises) if exercises else None,
    ]
    kwargs.setdefault("start", next((s for s in starts if s is not None), None))
    kwargs.setdefault("seed", 7)
    return TutorApp(course, cursor_blink=False, **kwargs)


def text_of(app, selector: str) -> str:
    """The plain text a Static shows; for a container, its Statics' texts, one per line."""
    widget = app.screen.query_one(selector)
    if isinstance(widget, Static):
        return str(widget.content)
    return "\n".join(str(static.content) for static in widget.query(Static))


def position(app) -> str:
    """The lesson's position line without the percentage it adds once Ready: "Lesson k of n · section i of m"."""
    return " · ".join(text_of(app, "#lesson-position").split(" · ")[:2])


def right_answer_keys(app, *, right: bool = True) -> list[str]:
    """The keys a learner who knows (or gets wrong) the current question would press."""
    asked = app.screen.session.asked
    if isinstance(asked, OptionsAsked):
        index = asked.right if right else next(i for i in range(len(asked.labels)) if i != asked.right)
        return [asked.keys[index]]
    assert isinstance(asked, NumberAsked)
    value = evaluate(asked.numeric.answer)
    typed = f"{value:.4f}" if right else f"{value + 1:.4f}"
    return [*typed, "enter"]


async def lesson_ready(pilot, timeout: float = 30.0) -> None:
    """Wait until the lesson on screen (if it is one) has posted ``LessonBody.Ready``: all its
    sections mounted and laid out. A lesson under another screen fills in once it is on top again."""
    import asyncio

    from tutor.ui.widgets.lesson_body import LessonBody

    for body in pilot.app.screen.query(LessonBody):
        await asyncio.wait_for(body.ready.wait(), timeout)
    await pilot.pause()


async def answer(pilot, *, right: bool) -> None:
    """Answer the current question. A number is pasted, then Enter: as fast as one key, where
    typing it costs the pilot a wait per character (typing itself is tested where it matters)."""
    keys = right_answer_keys(pilot.app, right=right)
    if keys[-1] == "enter" and len(keys) > 2:
        pilot.app.focused.post_message(events.Paste("".join(keys[:-1])))
        await pilot.pause()
        keys = ["enter"]
    await pilot.press(*keys)
    await pilot.pause()


async def next_question(pilot) -> None:
    await pilot.press("enter")
    await pilot.pause()


def app_on(course: Course, store, **kwargs):
    """The app over ``store`` (a real progress store the test reads back afterwards)."""
    from tutor.study import Progress

    return make_app(course, progress=Progress(store, course), **kwargs)


def stack(app) -> list[str]:
    """The names of the screens open, bottom first."""
    return [type(screen).__name__ for screen in app.screen_stack]


def row(app, index: int) -> list[str]:
    """The cells of one row of the course map's lesson table."""
    from tutor.ui.widgets.lessons import LessonTable

    return [str(cell) for cell in app.screen.query_one(LessonTable).get_row_at(index)]


async def press(pilot, *keys: str) -> None:
    """Keys, then a pause for what they set off."""
    await pilot.press(*keys)
    await pilot.pause()


async def finish(pilot, pattern: list[bool]) -> None:
    """Answer each remaining question right (True) or wrong (False), moving on after each, to the results."""
    for right in pattern:
        await answer(pilot, right=right)
        await next_question(pilot)
    assert type(pilot.app.screen).__name__ == "ResultsScreen"


class UI:
    """The helpers above, handed to tests as the ``ui`` fixture (test modules do not import conftest)."""

    size = SIZE
    make_app = staticmethod(make_app)
    text_of = staticmethod(text_of)
    position = staticmethod(position)
    right_answer_keys = staticmethod(right_answer_keys)
    lesson_ready = staticmethod(lesson_ready)
    answer = staticmethod(answer)
    next_question = staticmethod(next_question)
    app_on = staticmethod(app_on)
    stack = staticmethod(stack)
    row = staticmethod(row)
    press = staticmethod(press)
    finish = staticmethod(finish)


@pytest.fixture
def ui() -> type[UI]:
    return UI
