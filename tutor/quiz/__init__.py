"""Quiz logic without any UI: quiz sessions and practice sets (each kind grades itself).

Importing this package must not import Textual (tests enforce it), so the logic stays
testable and usable from the command line.
"""

from __future__ import annotations

from tutor.quiz.practice import practice_set
from tutor.quiz.session import QuizSession, QuizStateError

__all__ = ["QuizSession", "QuizStateError", "practice_set"]
