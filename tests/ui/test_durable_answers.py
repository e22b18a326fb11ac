"""No answer is ever lost (issue 9): saved when graded, the first one counts, leaving keeps them.

Each test drives the app as a learner would and reads the real SQLite store (``store`` fixture)
afterwards, as ``ce-tutor stats`` would. SIGTERM and SIGHUP are in tests/e2e (a real terminal).
"""

from __future__ import annotations

from datetime import timedelta


def _answers(store) -> list[tuple[str, str, bool]]:
    return [(a["lesson_id"], a["question_id"], a["correct"]) for a in store.export()["answers"]]


async def test_esc_after_a_graded_answer_keeps_it(bundled_course, ui, store):
    """`ce-tutor quiz logarithms --seed 1`: 0.105, Enter (✓ Correct), then Esc."""
    app = ui.app_on(bundled_course, store, quiz="logarithms", seed=1)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await ui.answer(pilot, right=True)
        assert ui.text_of(app, "#verdict-word") == "✓ Correct"
        await ui.press(pilot, "escape")
        await ui.press(pilot, "escape")  # Esc again: leave (the dialog asked once)
        assert ui.stack(app) == ["HomeScreen"]
    stats = store.stats(bundled_course)
    assert (stats.attempts, stats.correct) == (1, 1)
    assert _answers(store) == [("logarithms", bundled_course.lesson("logarithms").questions[0].id, True)]


async def test_the_answer_is_saved_before_any_key_after_grading(quiz_course, ui, store):
    app = ui.app_on(quiz_course, store, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await ui.answer(pilot, right=False)
        assert _answers(store) == [("basics", "pick", False)]  # no Enter, no n, no Esc yet


async def test_esc_mid_quiz_asks_once_and_n_or_enter_stay(quiz_course, ui, store):
    app = ui.app_on(quiz_course, store, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await ui.press(pilot, "escape")  # nothing answered yet: leaves at once, nothing to keep
        assert ui.stack(app) == ["HomeScreen"]
        await ui.press(pilot, "t")
        await ui.answer(pilot, right=True)
        await ui.press(pilot, "escape")
        assert ui.stack(app) == ["HomeScreen", "QuizScreen", "LeaveQuiz"]
        assert "Your 1 answer is saved" in ui.text_of(app, "#leave-message")
        await ui.press(pilot, "n")
        assert ui.stack(app) == ["HomeScreen", "QuizScreen"]
        assert ui.text_of(app, "#verdict-word") == "✓ Correct"  # the feedback is still there
        await ui.press(pilot, "escape")
        await ui.press(pilot, "enter")  # Enter presses the focused button: keep answering
        assert ui.stack(app) == ["HomeScreen", "QuizScreen"]
        await ui.press(pilot, "escape")
        await ui.press(pilot, "y")
        assert ui.stack(app) == ["HomeScreen"]
    assert _answers(store) == [("basics", "pick", True)]


async def test_esc_on_the_last_questions_feedback_keeps_the_whole_quiz(quiz_course, ui, store):
    app = ui.app_on(quiz_course, store, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        for right in (True, False, True):
            await ui.answer(pilot, right=right)
            await ui.next_question(pilot)
        await ui.answer(pilot, right=True)  # the last one: the score is final now
        assert [(s["score"], s["total"]) for s in store.export()["scores"]] == [(3, 4)]
        await ui.press(pilot, "escape")  # nothing unfinished: no question asked
        assert ui.stack(app) == ["HomeScreen"]
        assert app.screen.query_one("LessonTable").get_row_at(0)[3:] == ["done", "3 / 4"]
    assert len(_answers(store)) == 4


async def test_u_after_the_answer_was_shown_keeps_the_first_attempt(quiz_course, ui, store, clock):
    app = ui.app_on(quiz_course, store, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await ui.answer(pilot, right=False)
        assert "Right answer:" in ui.text_of(app, "#verdict-details")  # revealed
        await ui.press(pilot, "u")
        await ui.answer(pilot, right=True)
        assert ui.text_of(app, "#verdict-word") == "✓ Correct"
        assert ui.text_of(app, "#verdict-counted").startswith("First answer counts: ✗")
        await ui.next_question(pilot)
        for _ in range(3):
            await ui.answer(pilot, right=True)
            await ui.next_question(pilot)
        assert ui.text_of(app, "#results-score").startswith("Score: 3 / 4 (75%)")
    assert _answers(store)[0] == ("basics", "pick", False)  # the first (wrong) attempt, stored
    assert len(_answers(store)) == 4  # and the second attempt not
    assert store.lesson_states(quiz_course)["basics"].best_score == 3  # not inflated
    assert ("basics", "pick") in store.due_reviews(clock.now + timedelta(minutes=2))  # scheduled as a miss


async def test_a_quiz_left_midway_resumes_next_time_from_the_course_map(quiz_course, ui, store):
    app = ui.app_on(quiz_course, store, lesson="basics")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await ui.press(pilot, "t")
        for right in (True, False):
            await ui.answer(pilot, right=right)
            await ui.next_question(pilot)
        prompt = ui.text_of(app, "#quiz-prompt")
        await ui.press(pilot, "escape", "escape", "y")  # out of the number box, then out of the quiz
        assert ui.stack(app) == ["HomeScreen", "LessonScreen"]  # back where it was started
        await ui.press(pilot, "escape")
        assert ui.text_of(app, "#home-continue") == "Continue: Basics quiz, 2 of 4 answered — press c"

    app = ui.app_on(quiz_course, store)  # the next run
    notices: list[str] = []
    app.notify = lambda message, **_: notices.append(message)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        assert ui.text_of(app, "#home-continue") == "Continue: Basics quiz, 2 of 4 answered — press c"
        await ui.press(pilot, "c")
        assert ui.stack(app) == ["HomeScreen", "QuizScreen"]
        assert ui.text_of(app, "#quiz-counter") == "Question 3 / 4"
        assert ui.text_of(app, "#quiz-prompt") == prompt  # the same numbers as before
        assert notices and notices[-1].startswith("Resumed: 2 of 4 answered earlier")
        for _ in range(2):
            await ui.answer(pilot, right=True)
            await ui.next_question(pilot)
        assert ui.text_of(app, "#results-score").startswith("Score: 3 / 4 (75%)")
        assert "earlier sitting" in ui.text_of(app, "#results-score")
        await ui.press(pilot, "escape")
        assert ui.text_of(app, "#home-continue") == "Continue: Basics, section 1 of 3 — press c"
    assert len(_answers(store)) == 4 and [(s["score"], s["total"]) for s in store.export()["scores"]] == [(3, 4)]


async def test_t_on_the_lesson_resumes_its_unfinished_quiz(quiz_course, ui, store):
    app = ui.app_on(quiz_course, store, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await ui.answer(pilot, right=True)
        await ui.press(pilot, "escape", "escape")
        await ui.press(pilot, "enter", "t")  # the lesson, then its quiz
        assert ui.stack(app) == ["HomeScreen", "LessonScreen", "QuizScreen"]
        assert ui.text_of(app, "#quiz-counter") == "Question 2 / 4"
