"""The rules the screens ask about: seeds, plans, where to continue, the review schedule in words."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

import msgspec
import pytest

from tutor.study import (
    PRACTICE_COUNT,
    LessonQuiz,
    Planner,
    PracticeSet,
    Reading,
    ReviewSummary,
    UnfinishedQuiz,
    until,
)


def test_a_seed_reproduces_the_quiz_and_the_first_practice_set_and_review(course, progress) -> None:
    planner = Planner(course, progress, seed=5)
    assert [planner.lesson_quiz("basics").seed for _ in range(2)] == [5, 5]
    assert [planner.practice("basics").seed for _ in range(3)] == [5, 6, 7]
    again = Planner(course, progress, seed=5)
    assert again.practice("basics").items == Planner(course, progress, seed=5).practice("basics").items
    unseeded = Planner(course, progress)
    assert len({unseeded.practice("basics").seed for _ in range(5)}) > 1


def test_a_practice_set_mixes_the_templates_of_every_lesson_with_their_lessons(course, planner) -> None:
    plan = planner.practice(None, origin=None)
    assert isinstance(plan, PracticeSet) and plan.title == "Practice — all lessons" and plan.lesson is None
    assert len(plan.items) == PRACTICE_COUNT
    assert {item.lesson_id for item in plan.items} == {"basics", "more"}
    assert all(a != b for a, b in itertools.pairwise(plan.items))  # never the same template twice in a row
    one = planner.practice("more", origin="more")
    assert one.title == "More — practice" and one.origin == "more" and {i.lesson_id for i in one.items} == {"more"}
    assert planner.again(one).origin == "more" and planner.again(one).lesson == one.lesson
    assert planner.again(planner.lesson_quiz("more")) is None


def test_nothing_to_ask_is_no_plan(planner) -> None:
    assert planner.lesson_quiz("empty") is None
    assert planner.practice("empty") is None
    assert planner.review() is None


def test_a_lesson_quiz_asks_the_lessons_questions_in_order(course, planner) -> None:
    plan = planner.lesson_quiz("more", origin="more")
    assert isinstance(plan, LessonQuiz) and plan.title == "More — quiz" and plan.SCORED
    assert [(i.lesson_id, i.question) for i in plan.items] == [("more", q) for q in course.lesson("more").questions]


def test_continue_is_the_lesson_read_last_or_a_more_recent_unfinished_quiz(planner, progress, clock, moves) -> None:
    assert planner.continue_point() is None
    progress.save_position("basics", 1)
    point = planner.continue_point()
    sections = len(point.lesson.sections) if isinstance(point, Reading) else 0
    assert isinstance(point, Reading) and point.label() == f"Continue: Basics, section 2 of {sections}"
    clock.advance(seconds=1)
    run = planner.start(planner.lesson_quiz("more"))
    moves.play(run, "r")
    point = planner.continue_point()
    assert isinstance(point, UnfinishedQuiz) and point.label() == "Continue: More quiz, 1 of 4 answered"
    clock.advance(seconds=1)
    progress.save_position("basics", 99)  # read again since: reading wins, at its last section
    point = planner.continue_point()
    assert isinstance(point, Reading) and point.section == len(point.lesson.sections) - 1
    moves.play(run, "rrr")  # the quiz finished: nothing to resume
    assert isinstance(planner.continue_point(), Reading)


def test_continue_ignores_a_lesson_the_course_no_longer_has(course, progress) -> None:
    progress.save_position("gone", 2)
    assert Planner(course, progress).continue_point() is None
    fewer = msgspec.structs.replace(course, lessons=course.lessons[1:])
    progress.save_position("basics", 0)
    assert Planner(fewer, progress).continue_point() is None


def test_the_next_lesson_follows_in_course_order(course, planner) -> None:
    basics, more, empty = course.lessons
    assert planner.next_lesson(basics) is more and planner.next_lesson(more) is empty
    assert planner.next_lesson(empty) is None and planner.next_lesson(None) is None


def test_the_review_summary_counts_due_next_and_scheduled(planner, progress, clock, moves) -> None:
    assert planner.review_summary().line() == "Review: nothing scheduled yet"
    run = planner.start(planner.lesson_quiz("basics"))
    moves.play(run, "rwrr")  # Good: back in 10 min; Again: in 1 min
    assert planner.review_summary().line() == "Review: nothing due now · next in 1 min · 4 scheduled"
    clock.advance(minutes=6)
    assert planner.review_summary().line() == "Review: 1 due now · next in 4 min · 4 scheduled"
    clock.advance(minutes=4)
    assert planner.review_summary().line() == "Review: 4 due now · 4 scheduled"


def test_comes_back_says_when_each_answered_question_returns(planner, moves) -> None:
    run = planner.start(planner.lesson_quiz("basics"))
    moves.play(run, "wrrw")
    assert planner.comes_back(run) == [("in 1 min", [1, 4]), ("in 10 min", [2, 3])]


NOW = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(seconds=-5), "now"),
        (timedelta(0), "now"),
        (timedelta(seconds=30), "in 1 min"),
        (timedelta(minutes=4), "in 4 min"),
        (timedelta(minutes=4, seconds=1), "in 5 min"),
        (timedelta(minutes=90), "in 2 h"),
        (timedelta(hours=30), "in 30 h"),
        (timedelta(days=1, hours=13), "in 2 days"),
        (timedelta(days=40), "in 40 days"),
    ],
)
def test_until_says_it_as_a_learner_would(delta: timedelta, text: str) -> None:
    assert until(NOW, NOW + delta) == text


def test_a_summary_of_due_cards_only_has_no_next() -> None:
    summary = ReviewSummary.of([NOW - timedelta(minutes=1), NOW], NOW)
    assert (summary.due, summary.scheduled, summary.next_due) == (2, 2, None)


def test_nothing_due_says_when_the_next_comes_back() -> None:
    assert ReviewSummary.of([], NOW).nothing_due().startswith("Nothing is due for review: each question")
    later = ReviewSummary.of([NOW + timedelta(minutes=3)], NOW)
    assert later.nothing_due() == "Nothing is due for review: the next question comes back in 3 min."
