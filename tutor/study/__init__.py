"""What to study next, without any UI: quiz plans, recording rules, resume, review, seeds.

    progress = Progress(open_store(), course)       # or Progress.in_memory(course) in tests
    planner = Planner(course, progress, seed=None)
    plan = planner.lesson_quiz("logarithms")        # a LessonQuiz, resumed if left unfinished
    run = planner.start(plan)                       # grades through a QuizSession, saves each first answer
    run.answer("0.105"); run.advance()

The UI asks these and never decides the rules itself. Nothing here imports Textual (tests enforce it).
"""

from __future__ import annotations

from tutor.study.planner import PRACTICE_COUNT, ContinuePoint, Planner, Reading, UnfinishedQuiz
from tutor.study.plans import Item, LessonQuiz, Plan, PracticeSet, Retry, Review
from tutor.study.progress import Progress
from tutor.study.run import Missed, QuizRun, SavedQuiz
from tutor.study.schedule import ReviewSummary, until

__all__ = [
    "PRACTICE_COUNT",
    "ContinuePoint",
    "Item",
    "LessonQuiz",
    "Missed",
    "Plan",
    "Planner",
    "PracticeSet",
    "Progress",
    "QuizRun",
    "Reading",
    "Retry",
    "Review",
    "ReviewSummary",
    "SavedQuiz",
    "UnfinishedQuiz",
    "until",
]
