"""Typed answers to every numeric question of the bundled course, fuzzed through QuizSession.

tests/quiz already fuzzes ``parse_number`` with arbitrary text and grades arbitrary text against
one question. What is added here: every numeric and generated question of the real course (with
drawn numbers), through the session the quiz screen drives, and text *near* a right answer —
the right answer written several ways, then with characters inserted, dropped or swapped for
look-alikes (Unicode digits and minus signs, spaces, separators, operators, overflow exponents).
Such text is either refused with NumberError (the only exception; the question stays open) or
graded by the value it spells or calculates, so nothing that is not a number is marked correct.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tutor.content import bundled_course_dir, load_course
from tutor.content.expr import evaluate
from tutor.content.kinds import NumberAsked
from tutor.content.kinds.numeric import show_number
from tutor.content.typed import NumberError, parse_number
from tutor.quiz import QuizSession

COURSE = load_course(bundled_course_dir())
NUMERIC = [q for lesson in COURSE.lessons for q in lesson.questions if q.kind in ("numeric", "generated")]
LOOKALIKES = [
    "٣",
    "３",
    "𝟑",
    "\u2212",
    "\u2013",
    "\u2014",
    "\u207b",
    "¹",
    "½",
    "e",
    "E",
    "_",
    ",",
    ".",
    " ",
    "\t",
    "\n",
    "\u00a0",
    "\u2009",
    "\u200b",
    "x",
    "%",
    "∞",
    "nan",
    "inf",
    "0x",
    "+",
    "-",
    "(",
    ")",
    "/",
    "*",
    "e999",
    "e-999",
    "1e308",
    "0" * 40,
]


@st.composite
def typed_near_an_answer(draw: st.DrawFn) -> tuple[QuizSession, float, str]:
    """(a session on one numeric question, its right value, text close to that value)."""
    question = draw(st.sampled_from(NUMERIC))
    session = QuizSession([question], seed=draw(st.integers(0, 2**32 - 1)))
    asked = session.asked
    assert isinstance(asked, NumberAsked)
    concrete = asked.numeric
    value = evaluate(concrete.answer)
    text = draw(
        st.sampled_from(
            [
                repr(value),
                f"{value:.4f}",
                f"{value:.2f}",
                f"{value:g}",
                f"{value:.3e}",
                show_number(value, concrete.precision),
                f"{value:.2f}/1",
                f"-(-{value:.3f})",
                f"{value:,.3f}",
                f" {value:.3f} ".replace("-", "\u2212"),
            ]
        )
    )
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.one_of(st.sampled_from(LOOKALIKES), st.characters()))
        if edit == "insert":
            text = text[:at] + piece + text[at:]
        elif edit == "delete":
            text = text[:at] + text[at + 1 :]
        else:
            text = text[:at] + piece + text[at + 1 :]
    return session, value, text


def _check(session: QuizSession, value: float, text: str) -> None:
    try:
        verdict = session.answer(text)
    except NumberError:
        # refused, not graded: the question is still open and the parser agrees
        assert session.verdict is None and session.answers == []
        with pytest.raises(NumberError):
            parse_number(text)
        return
    number = parse_number(text)  # graded, so it must spell a number or a calculation
    assert verdict.correct == session.asked.numeric.precision.accepts(number, value), (text, number, value)
    typed = text.strip().replace("-", "\u2212")  # echoed as typed, with the course's minus sign
    assert verdict.given == typed or verdict.given.startswith(f"{typed} = ")


@settings(max_examples=600, deadline=None)
@given(typed_near_an_answer())
def test_text_near_a_right_answer_is_refused_or_graded_by_its_value(case):
    _check(*case)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(NUMERIC), st.integers(0, 2**32 - 1), st.text(max_size=40))
def test_arbitrary_text_on_every_numeric_question(question, seed, text):
    session = QuizSession([question], seed=seed)
    _check(session, evaluate(session.asked.numeric.answer), text)


def test_the_course_has_numeric_questions_to_fuzz():
    assert len(NUMERIC) >= 10
