"""A learner takes a whole quiz in a real terminal: some answers right, some wrong on purpose.

``ce-tutor quiz logarithms --seed 3`` fixes the option order; the right answers are worked out
here from the course and a QuizSession with the same seed, never hard-coded.
"""

from __future__ import annotations

import pytest

from tutor.content import bundled_course_dir, load_course
from tutor.content.expr import evaluate
from tutor.content.kinds import NumberAsked, OptionsAsked
from tutor.quiz import QuizSession

pytestmark = pytest.mark.e2e

COURSE = load_course(bundled_course_dir())
LESSON = "logarithms"
SEED = 3
SIZES = [(120, 40), (60, 20)]
#: Right (True) or wrong (False), question by question; the pattern repeats.
PATTERN = [True, False, True, True, False]

CORRECT, INCORRECT = "✓ Correct", "✗ Incorrect"


def plan() -> list[tuple[list[str], str, bool]]:
    """For each question: the keys to press (or text to type), how, and whether it is meant to be right.

    The same session the app builds (same questions, same seed) grades each planned answer, so the
    plan is checked against the grader before any key is sent.
    """
    session = QuizSession(COURSE.lesson(LESSON).questions, seed=SEED)
    steps = []
    for number in range(session.total):
        right = PATTERN[number % len(PATTERN)]
        asked = session.asked
        if isinstance(asked, OptionsAsked):
            index = asked.right if right else next(i for i in range(len(asked.labels)) if i != asked.right)
            # h is the hint key, so option h is answered by its number
            key = asked.keys[index] if asked.keys[index] != "h" else str(index + 1)
            steps.append(([key], "keys", right))
            verdict = session.answer(index)
        else:
            assert isinstance(asked, NumberAsked)
            value = evaluate(asked.numeric.answer)
            typed = f"{value:.6f}" if right else f"{value + 1:.6f}"
            steps.append(([typed], "text", right))
            verdict = session.answer(typed)
        assert verdict.correct == right, (asked.prompt, verdict)
        session.advance()
    assert session.finished
    return steps


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_quiz_to_the_end(terminal, tmp_path, width, height):
    steps = plan()
    total = len(steps)
    score = sum(right for _, _, right in steps)
    assert 0 < score < total  # some right and some wrong, on purpose
    lesson = COURSE.lesson(LESSON)

    term = terminal(width, height)
    term.start("--data-dir", str(tmp_path / "data"), "quiz", LESSON, "--seed", str(SEED))
    for number, (keys, how, right) in enumerate(steps, 1):
        # the next question, unanswered (a capture can catch the old verdict mid-redraw: wait it out)
        term.wait_for(
            lambda s, n=number: f"Question {n} / {total}" in s and CORRECT not in s and INCORRECT not in s,
            f"question {number}, unanswered",
        )
        if how == "text":
            term.type(keys[0])
            term.wait_for(keys[0], f"the typed answer {keys[0]}")
            term.press("Enter")
        else:
            term.press(*keys)
        verdict = term.wait_for(lambda s: CORRECT in s or INCORRECT in s, f"the verdict on question {number}")
        want, other = (CORRECT, INCORRECT) if right else (INCORRECT, CORRECT)
        assert want in verdict and other not in verdict, f"question {number}: expected {want}:\n{verdict}"
        # Enter goes on; a PgUp typed right behind it lands on the next question before it is laid
        # out (this crashed the app when the next question was a choice question)
        term.press("Enter", "PageUp")

    results = term.wait_for(f"Score: {score} / {total}", "the score")
    if width >= 100:  # the title is cut short on a narrow screen
        assert "results" in results.splitlines()[0], results.splitlines()[0]

    # Esc: back to where `ce-tutor quiz` started it, the course map, which shows the best score; q quits
    term.press("Escape")
    home = term.wait_for("Choose a lesson", "the course map")
    if width >= 100:  # at 60 columns the table is cut off before its "Best quiz" column
        assert f"{score} / {total}" in home, f"the course map does not show the score {score} / {total}:\n{home}"
    term.press("q")
    term.assert_exited_cleanly(("Course map", lesson.title))
