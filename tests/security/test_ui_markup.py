"""Text is text: course strings reach the screen as written, never as markup or control bytes.

A course that passes ``check`` once put ``[@click=app.screenshot(...)]Click me[/]`` in a summary
(one click on the course map overwrote a file), crashed the app with ``title: "Basics [/x]"``
(MarkupError), and lost ordinary text such as ``p[y]`` or ``[y=1]``. Here every shown string of
a generated course carries markup-like text and a tag naming its field; the app is driven
through every screen (course map, command palette, lesson, quiz with each question kind,
feedback, results, help), and each field must be seen exactly as written, with no clickable
action anywhere. A second tour shows a model that carries control characters (as a model from
elsewhere could; the loader refuses them) and requires that none reaches the screen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest
import yaml
from textual.app import App
from textual.geometry import Region

from tutor.content import load_course
from tutor.content.checks import check_course
from tutor.content.expr import evaluate
from tutor.content.kinds import NumberAsked, OptionsAsked
from tutor.content.model import Course
from tutor.content.prose import render
from tutor.safe_text import UNSAFE

#: Markup of every sort Textual or Rich would act on, and text that merely looks like it. A
#: closing tag that opens nothing (``[/x]``) or a link value made the app crash; without them,
#: markup was interpreted silently (text lost, a click action set up), so both are tried.
MARKUPS = {
    "crashing": "[@click=app.pwned]x[/] [b]bold [/x] p[y] [y=1] [$accent]a[/] [link=e.x]l[/link]",
    "silent": "[@click=app.pwned]x[/] [b]bold p[y] [y=1] [$accent]a[/] [B]b[/B] [reverse]r",
}
#: What a model from elsewhere (not the loader) could carry: ESC sequences, C1 CSI, a bidi override.
CONTROLS = "\x1b]52;c;cHduZWQ=\x07\x1b[2J\x9b31m\u202e\x7f"
#: Keys of course files whose strings are shown (ids, names, expressions and kinds are not prose).
SHOWN_KEYS = {
    "title",
    "summary",
    "markdown",
    "unicode",
    "plain",
    "symbol",
    "meaning",
    "caption",
    "header",
    "note",
    "prompt",
    "text",
    "explain",
    "hint",
    "message",
}
SIZE = (200, 60)


class Tags:
    """Each shown string gets `` T07:<suffix>``; remembers the field and how it must read on screen."""

    def __init__(self, suffix: str) -> None:
        self.suffix = suffix
        self.fields: dict[str, tuple[str, str]] = {}  # tag -> (path, expected text, whitespace collapsed)

    def add(self, data: Any, path: str) -> Any:
        if isinstance(data, dict):
            return {key: self._value(key, value, f"{path}.{key}") for key, value in data.items()}
        if isinstance(data, (list, tuple)):  # tuples: from msgspec.to_builtins
            return [self.add(item, f"{path}[{i}]") for i, item in enumerate(data)]
        return data

    def _value(self, key: str, value: Any, path: str) -> Any:
        if key == "where" and value and isinstance(value[0], (list, tuple)):  # the model's (symbol, meaning) pairs
            return [
                [self._value("symbol", s, f"{path}[{i}]"), self._value("meaning", m, f"{path}[{i}]")]
                for i, (s, m) in enumerate(value)
            ]
        if key not in SHOWN_KEYS or not isinstance(value, str):
            return self.add(value, path)
        name = f"T{len(self.fields):02d}"
        tagged = f"{value.rstrip()} {name}:{self.suffix}"
        # A generated question's {p} is filled in when asked: only its end is known in advance.
        expected = f"{name}:{self.suffix}" if "{" in value.replace("{{", "") else render(tagged)
        self.fields[name] = (path, collapse(expected))
        return tagged

    def expected(self, *paths: str) -> list[tuple[str, str]]:
        return [(path, text) for path, text in self.fields.values() if path in paths]

    def under(self, prefix: str) -> list[str]:
        return [path for path, _ in self.fields.values() if path.startswith(prefix)]


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def hostile_files(course: Path, tags: Tags) -> None:
    """The mini course with a caption on every section, a note, hints, a written slip, and
    ``tags`` on every shown string. (Text outside the Markdown subset, a link say, is a load
    error: tests/content/test_markdown.py.)"""
    lesson_file = course / "lessons" / "basics.yaml"
    lesson = yaml.safe_load(lesson_file.read_text(encoding="utf-8"))
    for section in lesson["sections"]:
        if section["kind"] in ("formula", "plot", "explorer", "lab"):
            section["caption"] = "A caption."
        if section["kind"] == "worked":
            section["note"] = "A note."
    for question in lesson["quiz"]["questions"]:
        question["hint"] = f"A hint for {question['id']}."
        if question["id"] == "num":
            question["slips"] = [{"answer": "2 * bce(0.5, 1)", "message": "You doubled it."}]
    index = yaml.safe_load((course / "course.yaml").read_text(encoding="utf-8"))
    (course / "course.yaml").write_text(yaml.safe_dump(tags.add(index, "course"), allow_unicode=True), encoding="utf-8")
    lesson = tags.add(lesson, "lesson")
    lesson_file.write_text(yaml.safe_dump(lesson, allow_unicode=True, sort_keys=False), encoding="utf-8")


# ----- what the screen shows ---------------------------------------------------------------------


def screen_texts(app: App[Any]) -> Iterator[str]:
    """What each widget on the current screen draws (borders and titles too), its lines joined.

    Also fails if any drawn character carries a click action the course set up (its style's meta).
    """
    for widget in [app.screen, *app.screen.query("*")]:
        if not widget.display or not widget.region.area:
            continue
        strips = widget.render_lines(Region(0, 0, widget.outer_size.width, widget.outer_size.height))
        for strip in strips:
            for segment in strip:
                meta = segment.style.meta if segment.style else {}
                assert "pwned" not in str(meta), f"a clickable action in {widget!r}: {meta}"
        yield "\n".join(strip.text for strip in strips)


class Tour:
    """Drives the app through every screen, keeping what each one showed."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.text: dict[str, list[str]] = {}

    def look(self, where: str) -> None:
        self.text.setdefault(where, []).extend(screen_texts(self.app))

    def shown(self, where: str) -> str:
        return "\n".join(collapse(text) for text in self.text[where])

    def everything(self) -> str:
        return "\n".join(text for texts in self.text.values() for text in texts)


async def settle(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()


async def tour(course: Course) -> Tour:
    """Course map, palette (listing and search), lesson, help, the quiz (hint, a wrong answer and
    its feedback for each question), results; fails if any course action ran."""
    from tutor.ui.app import TutorApp

    app = TutorApp(course, seed=7, cursor_blink=False)
    actions: list[str] = []
    app.action_pwned = lambda: actions.append("pwned")  # type: ignore[attr-defined]
    seen = Tour(app)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        seen.look("home")
        await pilot.press("ctrl+p")
        await settle(pilot)
        seen.look("palette")
        await pilot.press(*"basics")
        await settle(pilot)
        seen.look("palette search")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "LessonScreen"
        await app.screen.body.ready.wait()  # type: ignore[attr-defined]  # every section mounted
        seen.look("lesson")
        # Text outside the Markdown subset is shown as written, never by Textual's Markdown (its links act).
        assert not app.screen.query("Markdown")
        await pilot.press("question_mark")
        await settle(pilot)
        seen.look("help")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        for _ in course.lessons[0].questions:
            typed = isinstance(app.screen.session.asked, NumberAsked)  # type: ignore[attr-defined]
            # in the number box every key is text: Esc leaves it for the hint, Enter goes back
            await pilot.press(*(["escape", "h", "enter"] if typed else ["h"]))
            await settle(pilot)
            seen.look("quiz")
            await answer_wrongly(pilot)
            await settle(pilot)
            seen.look("feedback")
            await pilot.press("enter")
            await settle(pilot)
        assert type(app.screen).__name__ == "ResultsScreen"
        seen.look("results")
    assert actions == []
    return seen


async def answer_wrongly(pilot: Any) -> None:
    """A wrong option, or for a number the written slip's value (so its message shows) or one off."""
    asked = pilot.app.screen.session.asked
    if isinstance(asked, OptionsAsked):
        wrong = next(i for i in range(len(asked.labels)) if i != asked.right)
        await pilot.press(asked.keys[wrong])
        return
    assert isinstance(asked, NumberAsked)
    slips = [slip for slip in asked.numeric.slips if "doubled" in slip.message]
    value = evaluate(slips[0].answer) if slips else evaluate(asked.numeric.answer) + 1
    await pilot.press(*f"{value:.4f}", "enter")


# ----- the tests --------------------------------------------------------------------------------


@pytest.mark.parametrize("markup", MARKUPS.values(), ids=MARKUPS.keys())
async def test_every_course_string_is_shown_as_written(course: Path, markup: str) -> None:
    tags = Tags(markup)
    hostile_files(course, tags)
    loaded = load_course(course)
    assert check_course(loaded) == [], "the course passes check: markup-like text is not refused, it is shown"
    seen = await tour(loaded)

    quiz = tags.under("lesson.quiz")
    wanted = {
        "home": ["course.title", "lesson.title", "lesson.summary"],
        "palette": ["lesson.title", "lesson.summary"],
        "palette search": ["lesson.title"],
        # The header cuts "lesson title — course title" short; the course title is seen on the map.
        "lesson": ["lesson.title", "lesson.summary", *tags.under("lesson.sections")],
        "help": ["lesson.title"],
        "quiz": [path for path in quiz if path.endswith((".prompt", ".text", ".hint"))],
        "feedback": [path for path in quiz if path.endswith((".explain", ".message"))],
        "results": [path for path in quiz if path.endswith(".prompt")],
    }
    for where, paths in wanted.items():
        shown = seen.shown(where)
        for path, text in tags.expected(*paths):
            assert text in shown, f"{path} is not shown as written on the {where} screen: {text!r}"
        assert "p[y]" in shown and "[y=1]" in shown


async def test_no_control_character_reaches_the_screen(course: Path) -> None:
    """Every shown string of the model ends in ESC sequences, a C1 CSI, DEL and a bidi override."""
    tags = Tags("")
    hostile_files(course, tags)
    model = load_course(course)
    controls = Tags(CONTROLS)
    seen = await tour(msgspec.convert(controls.add(msgspec.to_builtins(model), ""), Course))
    assert len(controls.fields) >= len(tags.fields), (
        "every shown string carries them (and the built-in slips' messages)"
    )
    unsafe = UNSAFE.findall(seen.everything())
    assert unsafe == [], f"{len(unsafe)} control or bidi characters drawn: {sorted(set(unsafe))!r}"
    assert "\\x1b]52;c;cHduZWQ=" in seen.everything(), "they are shown as escapes, visibly"


async def test_store_messages_are_notified_as_written(course: Path) -> None:
    """A store message can quote a path (a folder name is anyone's text): shown as written, no controls."""
    from tutor.ui.app import TutorApp

    message = "cannot write /tmp/[b]x[/b] [/x] p[y]/\x1b[2Jprogress.db"
    app = TutorApp(load_course(course), seed=7, cursor_blink=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.store_status_changed(False, message)
        app.store_note(f"note: {message}")
        await settle(pilot)
        shown = "\n".join(collapse(text.replace("▌", " ")) for text in screen_texts(app))  # toast borders
    assert shown.count("/tmp/[b]x[/b] [/x] p[y]/\\x1b[2Jprogress.db") == 2
    assert UNSAFE.search(shown) is None
