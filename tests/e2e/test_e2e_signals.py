"""SIGTERM and SIGHUP mid-quiz, in a real terminal: the answer given is in the store, the
terminal is given back (modes restored, the shell's screen), and the exit code says which signal.

A terminal closed outright (the tmux server killed) hangs up the app too: it must exit, with the
answer saved. Every wait polls for its condition until a deadline; nothing sleeps a fixed time.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from tutor.content import bundled_course_dir, load_course
from tutor.content.expr import evaluate
from tutor.content.kinds import NumberAsked
from tutor.progress import open_store
from tutor.quiz import QuizSession

pytestmark = pytest.mark.e2e

COURSE = load_course(bundled_course_dir())
LESSON, SEED = "logarithms", 1
DEADLINE = 20.0


def _first_answer() -> tuple[str, str]:
    """The first question's id and its right answer, typed as a learner would."""
    asked = QuizSession(COURSE.lesson(LESSON).questions, seed=SEED).asked
    assert isinstance(asked, NumberAsked), "the first question of this quiz is numeric"
    return asked.question.id, f"{evaluate(asked.numeric.answer):.6f}"


def _app_pid(term) -> int:
    """ce-tutor's process: the child of the pane's shell."""
    shell = int(term._run("display-message", "-p", "-t", "e2e", "#{pane_pid}").stdout.strip())
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        children = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
        if children:
            return int(children[0])
        time.sleep(0.05)
    raise AssertionError("ce-tutor's process did not start")


def _answer_first_question(term, data: Path) -> int:
    term.start("--data-dir", str(data), "quiz", LESSON, "--seed", str(SEED))
    total = len(COURSE.lesson(LESSON).questions)
    term.wait_for(f"Question 1 / {total}", "the first question")
    _, typed = _first_answer()
    term.type(typed)
    term.wait_for(typed, "the typed answer")
    term.press("Enter")
    term.wait_for("✓ Correct", "the verdict")
    return _app_pid(term)


def _saved(data: Path) -> list[tuple[str, str, bool]]:
    with open_store(data) as store:
        assert store.status.kind == "ok", store.status
        answers = [(a["lesson_id"], a["question_id"], a["correct"]) for a in store.export()["answers"]]
        assert set(store.open_quizzes()) == {LESSON}  # and the quiz can be resumed
    return answers


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_signal_mid_quiz_keeps_the_answer_and_restores_the_terminal(terminal, tmp_path, name):
    term = terminal(80, 24)
    data = tmp_path / "data"
    pid = _answer_first_question(term, data)
    number = getattr(signal, name)
    os.kill(pid, number)
    term.assert_exited_cleanly(("Question 1", "✓ Correct"), code=128 + number)
    assert _saved(data) == [(LESSON, _first_answer()[0], True)]


def test_a_closed_terminal_ends_the_app_with_the_answer_saved(terminal, tmp_path):
    term = terminal(120, 40)
    data = tmp_path / "data"
    pid = _answer_first_question(term, data)
    term.close()  # the terminal goes away: the app is hung up on
    end = time.monotonic() + DEADLINE
    while Path(f"/proc/{pid}").exists() and _state(pid) != "Z":
        if time.monotonic() > end:
            os.kill(pid, signal.SIGKILL)  # leave no process behind
            raise AssertionError("ce-tutor still runs after its terminal was closed")
        time.sleep(0.05)
    assert _saved(data) == [(LESSON, _first_answer()[0], True)]


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return "gone"


def test_a_stray_sigcont_then_sigterm_still_ends_cleanly(terminal, tmp_path):
    """A closed terminal sends SIGCONT with SIGHUP; Textual's driver re-entered application mode
    on it (a second output thread) and the quit then waited forever. SIGCONT without a suspend is
    now ignored."""
    term = terminal(80, 24)
    data = tmp_path / "data"
    pid = _answer_first_question(term, data)
    os.kill(pid, signal.SIGCONT)
    term.press("Enter")  # still answering keys: the next question
    term.wait_for("Question 2 /", "the next question after SIGCONT")
    os.kill(pid, signal.SIGTERM)
    term.assert_exited_cleanly(("Question 2",), code=128 + signal.SIGTERM)
    assert _saved(data) == [(LESSON, _first_answer()[0], True)]
