"""The quiz screen driven by key presses: answers, feedback in words, skip, undo, hint, results, retry."""

from __future__ import annotations

from tutor.content.expr import evaluate


async def _open_quiz(pilot) -> None:
    await pilot.pause()
    assert type(pilot.app.screen).__name__ == "QuizScreen"


async def _finish(pilot, ui, pattern: list[bool]) -> None:
    """Answer each question right (True) or wrong (False), moving on after each."""
    for right in pattern:
        await ui.answer(pilot, right=right)
        word = ui.text_of(pilot.app, "#verdict-word")
        assert word == ("✓ Correct" if right else "✗ Incorrect")
        await ui.next_question(pilot)


async def test_all_right(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        assert ui.text_of(app, "#quiz-counter") == "Question 1 / 4"
        await _finish(pilot, ui, [True, True, True, True])
        assert type(app.screen).__name__ == "ResultsScreen"
        assert ui.text_of(app, "#results-score").startswith("Score: 4 / 4")
        assert "Missed: none" in ui.text_of(app, "#results-missed")
        assert app.progress.best_score("basics") == (4, 4)
        assert app.progress.lesson_states()["basics"].state == "done"


async def test_all_wrong_lists_every_prompt(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        await _finish(pilot, ui, [False] * 4)
        assert ui.text_of(app, "#results-score").startswith("Score: 0 / 4")
        missed = ui.text_of(app, "#results-missed")
        assert "Missed (4):" in missed
        for prompt in ("Which is larger?", "log 1 = 0.", "Compute −log 0.5.", "compute L."):
            assert prompt in missed


async def test_mixed_then_retry_only_the_missed(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        await _finish(pilot, ui, [True, False, True, False])
        assert ui.text_of(app, "#results-score").startswith("Score: 2 / 4")
        missed = ui.text_of(app, "#results-missed")
        assert "log 1 = 0." in missed and "Which is larger?" not in missed
        await pilot.press("r")
        await pilot.pause()
        assert type(app.screen).__name__ == "QuizScreen"
        assert ui.text_of(app, "#quiz-counter") == "Question 1 / 2"
        assert ui.text_of(app, "#quiz-prompt") == "log 1 = 0."
        await _finish(pilot, ui, [True, True])
        assert ui.text_of(app, "#results-score").startswith("Score: 2 / 2")
        # a retry is practice: the quiz's best score stays the first full attempt
        assert app.progress.best_score("basics") == (2, 4)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"  # where `ce-tutor quiz` started it


async def _to_numeric(pilot, ui) -> None:
    await ui.answer(pilot, right=True)
    await ui.next_question(pilot)
    await ui.answer(pilot, right=True)
    await ui.next_question(pilot)
    assert ui.text_of(pilot.app, "#quiz-prompt") == "Compute −log 0.5."


async def test_numeric_within_tolerance_is_correct(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        await _to_numeric(pilot, ui)
        await pilot.press(*"0.70", "enter")  # ln 2 ≈ 0.6931, tolerance ±0.01
        await pilot.pause()
        assert ui.text_of(app, "#verdict-word") == "✓ Correct"
        assert "Your answer: 0.70" in ui.text_of(app, "#verdict-details")


async def test_numeric_outside_tolerance_names_the_slip(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        await _to_numeric(pilot, ui)
        await pilot.press(*"0.30", "enter")  # log10(2) ≈ 0.301: the log-base slip
        await pilot.pause()
        assert ui.text_of(app, "#verdict-word") == "✗ Incorrect"
        details = ui.text_of(app, "#verdict-details")
        assert "Right answer: 0.6931" in details
        assert "Likely slip:" in details and "base 10" in details


async def test_bad_typed_input_is_refused_not_graded(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        await _to_numeric(pilot, ui)
        await pilot.press(*"1..5", "enter")
        await pilot.pause()
        error = app.screen.query_one("#quiz-error")
        assert error.display and "Not graded" in str(error.content) and "not a number" in str(error.content)
        assert app.screen.session.verdict is None
        assert len(app.screen.session.answers) == 2
        # letters are never typed into the box: they stay commands (or do nothing)
        await pilot.press("ctrl+a", "backspace", "backspace", "backspace", "backspace", *"x0.69", "enter")
        await pilot.pause()
        assert ui.text_of(app, "#verdict-word") == "✓ Correct"


async def test_empty_input_says_so(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        await _to_numeric(pilot, ui)
        await pilot.press("enter")
        await pilot.pause()
        assert "type a number first" in ui.text_of(app, "#quiz-error")
        assert app.screen.session.verdict is None
        await pilot.press(*"0.5", "escape")  # Esc leaves even while typing (asking first: 2 answers given)
        await pilot.pause()
        assert type(app.screen).__name__ == "LeaveQuiz"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_skip_counts_as_missed_and_shows_the_answer(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert ui.text_of(app, "#verdict-word") == "✗ Skipped — counted as missed"
        assert "Right answer:" in ui.text_of(app, "#verdict-details")
        await ui.next_question(pilot)
        await _finish(pilot, ui, [True, True, True])
        assert ui.text_of(app, "#results-score").startswith("Score: 3 / 4")
        assert "skipped" in ui.text_of(app, "#results-missed")


async def test_skip_works_while_typing_a_number(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        await _to_numeric(pilot, ui)
        await pilot.press(*"0.6", "s")
        await pilot.pause()
        assert ui.text_of(app, "#verdict-word").startswith("✗ Skipped")


async def test_undo_lets_the_learner_try_again_but_the_first_answer_counts(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        await ui.answer(pilot, right=False)
        assert ui.text_of(app, "#verdict-word") == "✗ Incorrect"
        assert not app.screen.query_one("#verdict-counted").display
        await pilot.press("u")
        await pilot.pause()
        assert not app.screen.query_one("#quiz-feedback").display
        assert ui.text_of(app, "#quiz-counter") == "Question 1 / 4"
        await ui.answer(pilot, right=True)
        assert ui.text_of(app, "#verdict-word") == "✓ Correct"
        assert ui.text_of(app, "#verdict-counted").startswith("First answer counts: ✗")
        await ui.next_question(pilot)
        await _finish(pilot, ui, [True, True, True])
        assert ui.text_of(app, "#results-score").startswith("Score: 3 / 4")


async def test_undo_a_typed_answer_keeps_the_text(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        await _to_numeric(pilot, ui)
        await pilot.press(*"0.65", "enter", "u")
        await pilot.pause()
        box = app.screen.query_one("#quiz-number")
        assert box.value == "0.65" and not box.disabled and box.has_focus


async def test_hint_when_the_content_gives_one(hinted_course, ui):
    app = ui.make_app(hinted_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        assert not app.screen.query_one("#quiz-hint").display
        await pilot.press("h")
        await pilot.pause()
        assert ui.text_of(app, "#quiz-hint") == "Hint: Hint for pick: think of −log."
        await ui.answer(pilot, right=True)
        await ui.next_question(pilot)
        # the true/false question has no hint: h does nothing and is not offered
        assert "hint" not in {b.binding.action for b in app.screen.active_bindings.values()}
        await pilot.press("h")
        await pilot.pause()
        assert not app.screen.query_one("#quiz-hint").display
        await ui.answer(pilot, right=True)
        await ui.next_question(pilot)
        await pilot.press(*"0.6", "h")  # while typing a number, h still shows the hint
        await pilot.pause()
        assert ui.text_of(app, "#quiz-hint") == "Hint: Hint for num: think of −log."
        assert app.screen.query_one("#quiz-number").value == "0.6"


async def test_choice_by_number_and_by_arrows(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        right = app.screen.session.asked.right
        await pilot.press(str(right + 1))
        await pilot.pause()
        assert ui.text_of(app, "#verdict-word") == "✓ Correct"
        await pilot.press("u")
        await pilot.pause()
        await pilot.press(*(["down"] * right), "enter")
        await pilot.pause()
        assert ui.text_of(app, "#verdict-word") == "✓ Correct"
        await pilot.press("n")  # n goes on as Enter does
        await pilot.pause()
        assert ui.text_of(app, "#quiz-counter") == "Question 2 / 4"
        await pilot.press("2")  # true/false: 2 is false
        await pilot.pause()
        assert ui.text_of(app, "#verdict-word") == "✗ Incorrect"
        assert "Your answer: False" in ui.text_of(app, "#verdict-details")


async def test_feedback_marks_the_options_in_words(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        await ui.answer(pilot, right=False)
        options = app.screen.query_one("#quiz-options")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert sum("← your answer" in p for p in prompts) == 1
        assert sum("right answer" in p for p in prompts) == 1
        assert "Why" in ui.text_of(app, "#verdict-details")


async def test_seed_fixes_option_order(quiz_course, ui):
    orders = []
    for _ in range(2):
        app = ui.make_app(quiz_course, quiz="basics", seed=3)
        async with app.run_test(size=ui.size) as pilot:
            await _open_quiz(pilot)
            orders.append(app.screen.session.asked.labels)
    assert orders[0] == orders[1]


async def test_practice_set_of_generated_questions(quiz_course, ui):
    app = ui.make_app(quiz_course, practice="basics", seed=5)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "QuizScreen" and screen.run.plan.title == "Basics — practice"
        total = screen.session.total
        assert ui.text_of(app, "#quiz-counter") == f"Question 1 / {total}"
        asked = screen.session.asked
        assert "{" not in asked.prompt  # numbers drawn into the prompt
        await pilot.press(*f"{evaluate(asked.numeric.answer):.4f}", "enter")
        await pilot.pause()
        assert ui.text_of(app, "#verdict-word") == "✓ Correct"
        await pilot.press("escape", "escape")  # asked once: one answer is saved
        await pilot.pause()
        assert [type(s).__name__ for s in app.screen_stack] == ["HomeScreen"]


async def test_practice_all_from_home(quiz_course, ui):
    app = ui.make_app(quiz_course, practice_all=True, seed=5)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        assert [type(s).__name__ for s in app.screen_stack] == ["HomeScreen", "QuizScreen"]
        assert app.screen.title == "Practice — all lessons"
