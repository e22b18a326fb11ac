"""Closing the loop (issue 15): every answer schedules a review, reviews draw fresh numbers, the
course map says what is scheduled, and the results offer the next steps and lead back to where
the quiz was started. Time moves only through the store's clock."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tutor.ui.widgets.lessons import LessonTable


async def test_every_answered_question_gets_a_review_card(quiz_course, ui, store, clock):
    app = ui.app_on(quiz_course, store, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await ui.finish(pilot, [True, False, True, True])
    dues = {qid: due - clock.now for _, qid, due in store.review_dues(quiz_course)}
    # rated from the first attempt: right → Good (back in 10 minutes), wrong → Again (in 1)
    assert dues == {
        "pick": timedelta(minutes=10),
        "tf": timedelta(minutes=1),
        "num": timedelta(minutes=10),
        "gen": timedelta(minutes=10),
    }


@pytest.mark.parametrize("seed", range(4))
async def test_practice_answers_count_and_their_review_draws_fresh_numbers(quiz_course, ui, store, clock, seed):
    app = ui.app_on(quiz_course, store, practice="basics", seed=seed)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        shown = ui.text_of(app, "#quiz-prompt")
        await ui.answer(pilot, right=False)
        await ui.press(pilot, "escape", "y")
        assert store.stats(quiz_course).attempts == 1  # practice counts in stats
        clock.advance(timedelta(minutes=2))
        app.screen.show_review()  # what the course map's timer does
        assert ui.text_of(app, "#home-review").startswith("Review: 1 due now")
        await ui.press(pilot, "v")
        assert app.screen.title == "Review"
        again = ui.text_of(app, "#quiz-prompt")
        assert again != shown and again.startswith("ŷ = ")  # the same template, other numbers


async def test_the_course_map_says_what_is_scheduled_and_keeps_it_current(quiz_course, ui, store, clock):
    app = ui.app_on(quiz_course, store, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await ui.finish(pilot, [True, False, True, False])
        await ui.press(pilot, "escape")
        line = app.screen.query_one("#home-review")
        assert str(line.content) == "Review: nothing due now · next in 1 min · 4 scheduled"
        clock.advance(timedelta(minutes=3))  # the learner sits on the course map
        app.screen.show_review()  # the refresh timer's callback
        assert str(line.content) == "Review: 2 due now · next in 7 min · 4 scheduled — press v"
        clock.advance(timedelta(minutes=7))
        app.screen.show_review()
        assert str(line.content) == "Review: 4 due now · 4 scheduled — press v"


async def test_the_review_results_say_when_each_question_comes_back(two_lessons, ui, store, clock):
    store.record_answer("basics", "tf", "False", False)
    clock.advance(timedelta(seconds=1))
    store.record_answer("more", "pick", "a", False)
    clock.advance(timedelta(minutes=2))
    app = ui.app_on(two_lessons, store, review=True)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        assert ui.text_of(app, "#quiz-counter") == "Question 1 / 2 · from Basics"
        await ui.finish(pilot, [True, False])
        assert ui.text_of(app, "#results-back").splitlines() == [
            "Comes back for review:",
            "  in 1 min: question 2",  # missed again
            "  in 10 min: question 1",
        ]


async def test_the_results_give_the_score_with_the_best_and_the_next_steps(two_lessons, ui, store):
    app = ui.app_on(two_lessons, store, lesson="basics")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await ui.press(pilot, "t")
        await ui.finish(pilot, [True, True, True, False])
        assert ui.text_of(app, "#results-score") == "Score: 3 / 4 (75%) · best 3 / 4 (75%)"
        assert ui.text_of(app, "#results-next") == (
            "r: retry the 1 missed · n: next lesson, More · m: course map · Esc: back to Basics"
        )
        await ui.press(pilot, "escape", "t")
        await ui.finish(pilot, [True, False, False, True])
        assert ui.text_of(app, "#results-score") == "Score: 2 / 4 (50%) · best 3 / 4 (75%)"
        await ui.press(pilot, "n")
        assert ui.stack(app) == ["HomeScreen", "LessonScreen"] and app.screen.lesson.id == "more"
        await ui.press(pilot, "t")
        await ui.finish(pilot, [True, True, True, True])
        assert "n: next lesson" not in ui.text_of(app, "#results-next")  # the last lesson
        assert "r: retry" not in ui.text_of(app, "#results-next")
        await ui.press(pilot, "m")
        assert ui.stack(app) == ["HomeScreen"]


@pytest.mark.parametrize("where", ["course map", "lesson"])
async def test_leaving_practice_results_returns_where_practice_was_started(quiz_course, ui, store, where):
    app = ui.app_on(quiz_course, store)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await ui.press(pilot, *(["g"] if where == "course map" else ["enter", "g"]))
        total = app.screen.session.total
        await ui.finish(pilot, [True] * total)
        assert "g: a new practice set" in ui.text_of(app, "#results-next")
        await ui.press(pilot, "g")  # another set: still from where the first was started
        await ui.finish(pilot, [True] * total)
        await ui.press(pilot, "escape")
        assert ui.stack(app) == (["HomeScreen"] if where == "course map" else ["HomeScreen", "LessonScreen"])
    assert store.stats(quiz_course).attempts == 2 * total


async def test_a_quiz_from_the_command_line_does_not_move_continue(two_lessons, ui, store):
    store.record_position("basics", 1)
    app = ui.app_on(two_lessons, store, quiz="more")  # `ce-tutor quiz more`
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await ui.finish(pilot, [True, True, True, True])
        await ui.press(pilot, "escape")
        assert ui.stack(app) == ["HomeScreen"]
        assert ui.text_of(app, "#home-continue") == "Continue: Basics, section 2 of 3 — press c"
    assert store.last_position() == ("basics", 1)


async def test_the_course_map_cursor_starts_on_the_lesson_to_continue(two_lessons, ui, store):
    store.record_position("more", 2)
    app = ui.app_on(two_lessons, store)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        assert app.screen.query_one(LessonTable).cursor_row == 1
        await ui.press(pilot, "t")  # t quizzes the lesson under the cursor: the one to continue
        assert app.screen.title == "More — quiz"
