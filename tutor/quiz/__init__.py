"""Quiz logic without any UI: reading typed numbers, grading, practice draws, quiz sessions.

Importing this package must not import Textual (tests enforce it), so the logic stays
testable and usable from the command line.
"""

from __future__ import annotations

from tutor.quiz.grading import Verdict, grade, reveal
from tutor.quiz.numbers import NumberError, parse_number
from tutor.quiz.practice import instantiate, practice_set
from tutor.quiz.session import QuizSession, QuizStateError

__all__ = [
    "NumberError",
    "QuizSession",
    "QuizStateError",
    "Verdict",
    "grade",
    "instantiate",
    "parse_number",
    "practice_set",
    "reveal",
]
