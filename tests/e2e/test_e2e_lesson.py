"""A learner in a real terminal: course map → lesson → scrolling → the probability explorer → quit.

The installed ``ce-tutor`` runs inside tmux; the keys are the ones a learner presses and the
checks read the screen. The explorer's numbers are computed here from ``tutor.core``.
"""

from __future__ import annotations

import re

import pytest

from tutor import core
from tutor.content import bundled_course_dir, load_course
from tutor.explorers import ProbabilityExplorer

pytestmark = pytest.mark.e2e

COURSE = load_course(bundled_course_dir())
SIZES = [(120, 40), (60, 20)]


def explorer_lesson() -> tuple[int, str]:
    """(row on the course map, lesson) of the lesson with the probability explorer."""
    for row, lesson in enumerate(COURSE.lessons):
        if any(s.kind == "explorer" and s.explorer == "probability" for s in lesson.sections):
            return row, lesson
    raise AssertionError("the bundled course has no probability explorer")


def section_shown(text: str) -> tuple[int, int]:
    match = re.search(r"section (\d+) of (\d+)", text)
    assert match, f"no 'section k of n' on screen:\n{text}"
    return int(match[1]), int(match[2])


def ready(text: str) -> bool:
    """The lesson is all there (its body posted Ready): only then does the position line add a percentage."""
    return re.search(r"section \d+ of \d+ · \d+%", text) is not None


def four(value: float) -> str:
    """A readout number between 0.001 and 100 000, as the explorer shows it (4 decimals)."""
    assert 1e-3 <= abs(value) < 1e5
    return f"{value:.4f}"


def readout(text: str) -> tuple[str, str, str, str] | None:
    """(ŷ, y, cross-entropy loss, squared error) as the explorer shows them now, in its wide readout
    ("Predicted probability ŷ 0.30", "True label y 1 (y flips it)") or its compact one ("ŷ 0.30
    y 1 (y flips it)"); None if not in view."""
    p = re.search(r"(?:Predicted probability ŷ|[│┃] ŷ)\s+(\d\.\d\d)", text)
    y = re.search(r"\by\s+(\d)\s+\(y flips it\)", text)
    loss = re.search(r"loss L\s+([-+.\de]+)\s+([-+.\de]+)", text)  # not the plot's axis label
    if not (p and y and loss):
        return None
    return p[1], y[1], loss[1], loss[2]


def expected(hundredths: int, y: int) -> tuple[str, str, str, str]:
    p = hundredths / 100
    return f"{p:.2f}", str(y), four(float(core.bce(p, y))), four(float(core.mse(p, y)))


def explorer_focused(text: str) -> bool:
    """The footer lists the explorer's keys (← ŷ −0.01 → ŷ +0.01 …) while it has focus."""
    lines = text.rstrip("\n").splitlines()
    return bool(lines) and lines[-1].startswith("← ŷ −0.01")


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_lesson_scrolling_and_the_probability_explorer(terminal, tmp_path, width, height):
    row, lesson = explorer_lesson()
    term = terminal(width, height)
    term.start("--data-dir", str(tmp_path / "data"))
    term.wait_for("Course map")
    term.wait_for(COURSE.lessons[0].title[: width // 3])

    # Ctrl+P and PgDn typed together: the command palette, at its last command (this crashed the app)
    term.press("C-p", "PageDown")
    term.wait_for("Search for commands", "the command palette")
    term.press("Escape")
    term.wait_for(lambda text: "Search for commands" not in text and "Course map" in text, "the course map again")

    # ↓ to the lesson and Enter, typed quickly (all three keys reach the app at once)
    term.press(*["Down"] * row, "Enter")
    text = term.wait_for(f"Lesson {row + 1} of {len(COURSE.lessons)}", "the lesson's position line")
    assert lesson.title[:20] in text.splitlines()[0], f"opened the wrong lesson:\n{text}"
    assert section_shown(text) == (1, len(lesson.sections))
    text = term.wait_for(ready, "the whole lesson (the position line says how far down it the view is)")
    assert "· 0%" in text, text

    # j scrolls down and k back up, line by line (a key at a time, as one reads)
    shown = [text]
    for key in ("j", "j", "j"):
        term.press(key)
        term.wait_for_change(shown[-1])
        shown.append(term.settled())
    for back in (2, 1, 0):
        term.press("k")
        term.wait_for(lambda now, b=back: now == shown[b], f"the lesson scrolled back to line {back}")
    scrolled = shown[1]

    # PgDn scrolls a page and the section indicator follows
    term.press("PageDown")
    term.wait_for(lambda now: now not in (text, scrolled), "the next page")
    paged = term.settled()
    section, count = section_shown(paged)
    assert 1 <= section <= count

    # n: the next section
    term.press("n")
    term.wait_for(f"section {section + 1} of {count}", "the next section after n")

    # Tab until the explorer has focus (it is the first focusable widget after the plots)
    before = term.settled()
    for _ in range(8):
        if explorer_focused(before):
            break
        term.press("Tab")
        term.wait_for_change(before)
        before = term.settled()
    else:
        raise AssertionError(f"Tab never reached the probability explorer:\n{before}")
    start = ProbabilityExplorer()
    hundredths, y = start.hundredths, start.y
    assert readout(before) == expected(hundredths, y), before

    # → moves ŷ up by 0.01, ← down, PgUp up by 0.1, y flips the label: the readout follows the core
    for keys, move in ((["Right"] * 3, 3), (["Left"], -1), (["PageUp"], 10)):
        term.press(*keys)
        hundredths += move
        want = expected(hundredths, y)
        term.wait_for(lambda text, w=want: readout(text) == w, f"the readout {want}")
    term.press("y")
    y = 1 - y
    want = expected(hundredths, y)
    now = term.wait_for(lambda text: readout(text) == want, f"the readout {want}")
    if width >= 100:  # the legend under the plot fits only on a wide screen
        assert f"you are here: ŷ {want[0]}, L {want[2]}" in now

    # Esc back to the course map, which now offers to continue the lesson (and, where the table
    # fits, says it is in progress); q quits
    term.press("Escape")
    home = term.wait_for("Choose a lesson", "the course map")
    assert f"Continue: {lesson.title}" in home, home
    if width >= 100:
        assert "in progress" in home, home
    term.press("q")
    term.assert_exited_cleanly(("Course map", COURSE.lessons[0].title))
