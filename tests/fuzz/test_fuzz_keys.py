"""Random key sequences through the whole app: it never crashes, and q still quits at the end.

Hypothesis draws a starting point (course map, a lesson, an explorer with focus, a quiz, a numeric
answer being typed, the results, a practice set, the key help, the command palette) and then a few
dozen steps: keys the app binds on any screen plus random letters and digits, and terminal resizes
down to 20×8. Keys arrive as a real terminal delivers them: usually one at a time, sometimes a
burst typed ahead before the app has caught up.

Budget: a fixed number of examples, never a time limit, so a run does the same work on any
machine. Under CI (``CI=true``, Hypothesis profile "ci", derandomized) the examples are the same
on every run: 12 examples × at least 70 random keys = at least 840 keys, of which at least 744
must arrive (asserted at the end: only a q that would quit the course map is held back); about
15 s of CPU. Locally (profile "dev") each run explores new examples and replays the failures it
remembers; ``FUZZ_EXAMPLES=200`` explores longer. Every failure found gets a test of its own in
the "typed ahead" section below.
"""

from __future__ import annotations

import asyncio
import importlib
import os
import pkgutil
import string
from dataclasses import dataclass

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from textual import events
from textual.app import App
from textual.binding import Binding

import tutor.ui
from tutor.content import bundled_course_dir, load_course
from tutor.content.expr import evaluate
from tutor.content.kinds import NumberAsked, OptionsAsked
from tutor.ui.app import TutorApp
from tutor.ui.start import OpenLesson, Practise, Start, TakeQuiz

COURSE = load_course(bundled_course_dir())
LESSON_IDS = [lesson.id for lesson in COURSE.lessons]
EXPLORER_LESSONS = [lesson.id for lesson in COURSE.lessons if any(s.kind == "explorer" for s in lesson.sections)]
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "12"))
MIN_KEYS = EXAMPLES * 62
KEYS_PER_EXAMPLE = (70, 76)
SIZE = (100, 30)
QUIT_ACTIONS = {"quit", "app.quit"}


def _bound_keys() -> set[str]:
    """Every key some class in tutor.ui binds (read from the code, so new bindings are fuzzed too)."""
    keys = {App.COMMAND_PALETTE_BINDING}
    for info in pkgutil.walk_packages(tutor.ui.__path__, "tutor.ui."):
        if info.name == "tutor.ui.textual_fixes":
            continue  # tutor.ui imports it; importing it here would hide a lost import from the tests below
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if isinstance(obj, type) and obj.__module__ == module.__name__ and "BINDINGS" in vars(obj):
                for binding in vars(obj)["BINDINGS"]:
                    key = binding.key if isinstance(binding, Binding) else binding[0]
                    keys.update(k.strip() for k in key.split(","))
    return keys


GENERAL = {
    "enter",
    "escape",
    "tab",
    "shift+tab",
    "up",
    "down",
    "left",
    "right",
    "shift+left",
    "shift+right",
    "pageup",
    "pagedown",
    "home",
    "end",
    "backspace",
    "space",
    "question_mark",
    "ctrl+c",
    "full_stop",
    "comma",
    "minus",
    "plus",
    "minus_sign",
    "e",
    "E",
}
#: ctrl+q quits from anywhere (Textual's binding): it would end the run, so it is left out.
BOUND = sorted((_bound_keys() | GENERAL) - {"ctrl+q"})
#: Keys that open a lesson, quiz or practice set somewhere: each costs a screen built from scratch
#: (about half a second), so they are drawn less often than the rest to keep the run in budget.
OPENERS = ["enter", "t", "g", "a", "r", "c", "v", "ctrl+p"]
RANDOM = list(string.ascii_letters + string.digits)

_CHARACTERS = {
    "enter": "\r",
    "escape": "\x1b",
    "tab": "\t",
    "backspace": "\x7f",
    "space": " ",
    "question_mark": "?",
    "full_stop": ".",
    "comma": ",",
    "minus": "-",
    "plus": "+",
    "minus_sign": "\u2212",
    "ctrl+c": "\x03",
    "ctrl+p": "\x10",
}


def key_event(key: str) -> events.Key:
    """The Key event a terminal would send for ``key``."""
    return events.Key(key, _CHARACTERS.get(key, key if len(key) == 1 else None))


@dataclass(frozen=True)
class Resize:
    width: int
    height: int


OTHERS = [k for k in BOUND if k not in OPENERS]


@st.composite
def keys(draw: st.DrawFn) -> str:
    """An opener 1 time in 16, a random letter or digit 3 in 16, any other bound key otherwise."""
    pick = draw(st.integers(0, 15))
    if pick == 0:
        return draw(st.sampled_from(OPENERS))
    if pick <= 3:
        return draw(st.sampled_from(RANDOM))
    return draw(st.sampled_from(OTHERS))


@st.composite
def steps(draw: st.DrawFn) -> list[str] | Resize:
    """A resize (1 step in 12), a single key after which the app settles (2 in 12), or a burst of
    2–8 keys typed ahead before the app catches up (9 in 12)."""
    kind = draw(st.integers(0, 11))
    if kind == 0:
        return Resize(draw(st.integers(20, 160)), draw(st.integers(8, 50)))
    if kind <= 2:
        return [draw(keys())]
    return draw(st.lists(keys(), min_size=2, max_size=8))


START = ["home", "lesson", "explorer", "quiz", "numeric", "results", "practice", "help", "palette"]


@st.composite
def runs(draw: st.DrawFn) -> tuple[str, str, list]:
    """(start, lesson id, steps) with between KEYS_PER_EXAMPLE random keys in the steps."""
    start = draw(st.sampled_from(START))
    lesson_id = draw(st.sampled_from(LESSON_IDS))
    wanted = draw(st.integers(*KEYS_PER_EXAMPLE))
    plan: list = []
    count = 0
    while count < wanted:
        step = draw(steps())
        plan.append(step)
        count += 0 if isinstance(step, Resize) else len(step)
    return start, lesson_id, plan


#: Keys delivered in each example, for the total asserted at the end.
SENT: list[int] = []


def _stack(app: App) -> list[str]:
    return [type(screen).__name__ for screen in app.screen_stack]


def _quits(app: App, key: str) -> bool:
    """Whether ``key`` would quit the app on the screen shown now."""
    try:
        active = app.screen.active_bindings.get(key)
    except Exception:
        return False
    return active is not None and active.binding.action in QUIT_ACTIONS and active.enabled


async def _start(pilot, start: str, lesson_id: str) -> None:
    """Bring the app to the starting point (these keys are not counted)."""
    app = pilot.app
    await pilot.pause()
    if start == "explorer":
        for _ in range(12):
            if type(app.focused).__name__.endswith("ExplorerWidget"):
                break
            await pilot.press("tab")
        assert type(app.focused).__name__.endswith("ExplorerWidget"), app.focused
    elif start == "numeric":
        await pilot.press(*"0.1")
    elif start == "results":
        await _skip_to_results(pilot)
    elif start == "help":
        await pilot.press("question_mark")
    elif start == "palette":
        await pilot.press("ctrl+p")


async def _skip_to_results(pilot) -> None:
    """Skip every question of the quiz on screen (leaving a number box first: s in it is text)."""
    app = pilot.app
    while type(app.screen).__name__ == "QuizScreen":
        leave_box = ["escape"] if isinstance(app.screen.session.asked, NumberAsked) else []
        await pilot.press(*leave_box, "s", "enter")
    await pilot.pause()
    assert type(app.screen).__name__ == "ResultsScreen", _stack(app)


def _app_for(start: str, lesson_id: str) -> TutorApp:
    explorer_lesson = EXPLORER_LESSONS[LESSON_IDS.index(lesson_id) % len(EXPLORER_LESSONS)]
    where: Start | None = {
        "lesson": OpenLesson(lesson_id),
        "explorer": OpenLesson(explorer_lesson),
        "quiz": TakeQuiz(lesson_id),
        "numeric": TakeQuiz("logarithms"),
        "results": TakeQuiz("logarithms"),
        "practice": Practise(None),
        "help": OpenLesson(lesson_id),
    }.get(start)
    return TutorApp(COURSE, cursor_blink=False, seed=11, start=where)


async def _drive(start: str, lesson_id: str, plan: list) -> tuple[int, list]:
    """Run ``plan`` in a new app; (keys delivered, the steps left if the app quit on purpose)."""
    app = _app_for(start, lesson_id)
    sent = 0
    async with app.run_test(size=SIZE) as pilot:
        await _start(pilot, start, lesson_id)
        for done, step in enumerate(plan, 1):
            if isinstance(step, Resize):
                await pilot.resize_terminal(step.width, step.height)
                continue
            for key in step:
                if key == "q":
                    # q quits from the course map: only send it once settled and somewhere else.
                    await pilot.pause()
                    if _quits(app, key):
                        continue
                app.post_message(key_event(key))
                sent += 1
            # a single key: wait until the app is idle; a burst: only until the screen has taken
            # the keys in, so the next step's keys may arrive while it is still catching up
            await (pilot.pause() if len(step) == 1 else pilot.pause(0))
            if app.return_code is not None:
                # The palette's own Quit command (Ctrl+P, "qu…", Enter) ends the app on purpose;
                # anything else is a crash (return code 1, raised when run_test exits).
                assert app.return_code == 0, f"the app failed during the keys: {_stack(app)}"
                return sent, plan[done:]
        # Leave every modal and screen above the course map, then q must quit. (Wait for the
        # app to catch up first: the last burst may still be opening a screen.)
        for _ in range(12):
            await pilot.pause()
            if _stack(app) == ["HomeScreen"]:
                break
            await pilot.press("escape")
        assert _stack(app) == ["HomeScreen"], f"Escape did not lead back to the course map: {_stack(app)}"
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0, f"q on the course map did not quit (return code {app.return_code})"
    return sent, []


# No shrinking: each example takes seconds, so shrinking a failure could take many minutes; the
# failing example is reported whole (and replayed first next time from the .hypothesis database).
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(runs())
def _fuzz(run: tuple[str, str, list]) -> None:
    start, lesson_id, plan = run
    while plan:  # after a quit through the palette, the rest of the keys go to a new app
        sent, plan = asyncio.run(_drive(start, lesson_id, plan))
        SENT.append(sent)
        start = "home"


def test_random_keys_and_resizes_never_crash_the_app(monkeypatch, tmp_path):
    # the palette's Screenshot command saves to the Downloads folder: keep that in tmp_path
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(tmp_path))
    SENT.clear()
    _fuzz()
    assert sum(SENT) >= MIN_KEYS, f"only {sum(SENT)} keys in {len(SENT)} runs"


# ----- keys typed ahead (found by the fuzzing above) ------------------------------------------


async def _burst(
    start: Start | None, settled: list[str], burst: list[str], *, results: bool = False
) -> tuple[list[str], str]:
    """Press ``settled`` one by one (after skipping to the results, with ``results``), then
    deliver ``burst`` at once, as a fast typist or a paste would; the screen stack and title
    once the app has caught up (a crash raises)."""
    app = TutorApp(COURSE, cursor_blink=False, seed=3, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if results:
            await _skip_to_results(pilot)
        for body in app.screen.query("LessonBody"):  # a lesson's end shows once it is Ready
            await body.ready.wait()
        await pilot.press(*settled)
        for key in burst:
            app.post_message(key_event(key))
        await pilot.pause()
        await pilot.pause()
        return _stack(app), app.screen.title


def test_down_down_enter_typed_ahead_opens_the_third_lesson():
    stack, title = asyncio.run(_burst(None, [], ["down", "down", "enter"]))
    assert stack == ["HomeScreen", "LessonScreen"]
    assert title == COURSE.lessons[2].title


def test_pagedown_right_after_the_next_question_does_not_crash():
    kinds = [question.kind for question in COURSE.lesson("logarithms").questions]
    settled = ["s", "enter"] * (kinds.index("choice") - 1) + ["s"]  # skip to just before a choice question
    for page in ("pagedown", "pageup"):
        stack, _ = asyncio.run(_burst(TakeQuiz("logarithms"), settled, ["enter", page]))
        assert stack[-1] == "QuizScreen"


def test_pagedown_right_after_opening_the_palette_does_not_crash():
    stack, _ = asyncio.run(_burst(None, [], ["ctrl+p", "pagedown"]))
    assert stack == ["HomeScreen", "TutorCommandPalette"]


def test_enter_typed_twice_in_the_palette_lands_on_the_chosen_lesson():
    for start in (None, OpenLesson("logarithms")):  # over the course map, and over another lesson
        stack, title = asyncio.run(_burst(start, ["ctrl+p", *"lesson 2"], ["enter", "enter", "enter"]))
        assert stack == ["HomeScreen", "LessonScreen"] and title == COURSE.lessons[1].title, (start, stack)


def test_a_screen_closed_before_it_has_mounted_does_not_crash():
    # At the end of the last lesson, Shift+Tab reaches its last button, "Course map (Esc)". Enter
    # presses it, but g typed right behind is handled first: a practice quiz opens, and the button's
    # press then closes it (with the lesson) before the quiz has mounted. Its header must not crash.
    lesson = COURSE.lessons[-1].id
    stack, _ = asyncio.run(_burst(OpenLesson(lesson), ["end", "shift+tab"], ["enter", "g"]))
    assert stack[0] == "HomeScreen"


def test_escape_ctrl_p_and_k_typed_ahead_on_the_results_screen_do_not_crash():
    # Ctrl+P (a priority binding) overtakes the Esc typed before it: the palette opens over the
    # results, the Esc then closes it, and k, typed into its search box while it closes, started
    # a search into a command list already gone (WorkerFailed: NoMatches 'CommandList').
    stack, _ = asyncio.run(_burst(TakeQuiz("logarithms"), [], ["escape", "ctrl+p", "k"], results=True))
    assert stack in (["HomeScreen", "ResultsScreen"], ["HomeScreen"]), stack


async def _answer_then_next(kind: type) -> tuple[int, int]:
    """On the first question of ``kind`` in the logarithms quiz, the right key and n as one burst:
    (the question number before, after)."""
    app = TutorApp(COURSE, cursor_blink=False, seed=3, start=TakeQuiz("logarithms"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        while not isinstance(app.screen.session.asked, kind):
            leave_box = ["escape"] if isinstance(app.screen.session.asked, NumberAsked) else []
            await pilot.press(*leave_box, "s", "enter")
        before = app.screen.session.position
        asked = app.screen.session.asked
        right = [*asked.keys[asked.right]] if isinstance(asked, OptionsAsked) else []
        for key in right or [*f"{evaluate(asked.numeric.answer):.4f}", "enter"]:
            app.post_message(key_event(key))
        app.post_message(key_event("n"))
        await pilot.pause()
        await pilot.pause()
        return before, app.screen.session.position


def test_n_typed_right_after_an_answer_goes_on():
    # The n of "answer, n" typed quickly was lost on choice and true/false questions: the quiz's
    # n was a priority binding, checked before the answer key had reached the options.
    for kind in (OptionsAsked, NumberAsked):
        before, after = asyncio.run(_answer_then_next(kind))
        assert after == before + 1, kind


def test_a_dialog_answered_under_the_help_panel_does_not_crash():
    """The example the fuzzer found: the leave dialog's button pressed (Enter, Space on it) in a
    burst that also opens the help panel over the dialog. The press arrived under the panel, and
    the dialog's dismissal popped the panel, then the quiz twice: no screens left."""
    plan = [
        ["m", "x", "space", "tab", "space", "f", "t", "shift+left"],
        ["right", "a", "pagedown", "e"],
        ["m", "6", "3", "3", "down", "e", "5", "1"],
        ["backspace", "2", "up", "backspace", "1", "6"],
        ["b", "u", "e", "up", "q", "space", "s", "comma"],
        ["ctrl+c", "f"],
        ["h", "n", "0", "s", "m", "e", "escape", "end"],
        ["b", "8", "8"],
        ["s", "w", "tab"],  # the dialog, and the focus on its Leave button
        ["e", "enter", "w", "k"],
        ["w", "space", "k", "1", "9", "equals_sign", "question_mark", "9"],
        ["pagedown", "p"],
        ["0", "enter", "E", "minus", "minus", "full_stop", "6"],
    ]
    asyncio.run(_drive("numeric", "entropy-and-kl", plan))  # raises if the app crashed
