"""The quiz screen driven by key presses: answers, feedback in words, skip, undo, hint, results, retry."""

from __future__ import annotations

from tutor.content.expr import evaluate
from tutor.content.kinds import NumberAsked


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


async def test_numeric_states_its_precision_and_accepts_an_answer_rounded_to_it(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        assert not app.screen.query_one("#quiz-precision").display  # a choice question wants no precision
        await _to_numeric(pilot, ui)
        assert ui.text_of(app, "#quiz-precision") == "Give your answer to 2 decimals."
        await pilot.press(*"0.69", "enter")  # ln 2 ≈ 0.6931
        await pilot.pause()
        assert ui.text_of(app, "#verdict-word") == "✓ Correct"
        assert "Your answer: 0.69" in ui.text_of(app, "#verdict-details")


async def test_numeric_slip_is_named_and_the_right_answer_shown_at_the_precision(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        await _to_numeric(pilot, ui)
        await pilot.press(*"0.30", "enter")  # log10(2) ≈ 0.301: the log-base slip
        await pilot.pause()
        assert ui.text_of(app, "#verdict-word") == "✗ Incorrect"
        details = ui.text_of(app, "#verdict-details")
        assert "Right answer: 0.69 (to 2 decimals)" in details
        assert "Likely slip:" in details and "base 10" in details


async def test_bad_typed_input_is_refused_not_graded(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        await _to_numeric(pilot, ui)
        await pilot.press(*"1..5", "enter")
        await pilot.pause()
        error = app.screen.query_one("#quiz-error")
        assert error.display and "Not graded" in str(error.content) and "cannot be read" in str(error.content)
        assert app.screen.session.verdict is None
        assert len(app.screen.session.answers) == 2
        box = app.screen.query_one("#quiz-number")
        assert box.value == "1..5" and box.has_focus  # nothing dropped; the box takes answers again
        await pilot.press(*["backspace"] * 4, *"0.69", "enter")
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
        await pilot.press(*"0.5", "escape", "escape")  # Esc leaves the box, then the quiz (asking: 2 answers given)
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


async def test_letters_typed_into_the_box_are_text_not_commands(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        await _to_numeric(pilot, ui)
        await pilot.press(*"0.6shun?")
        await pilot.pause()
        assert app.screen.query_one("#quiz-number").value == "0.6shun?"
        assert type(app.screen).__name__ == "QuizScreen"  # ? was text too, not the key help
        assert app.screen.session.verdict is None and not app.screen.query_one("#quiz-hint").display


async def test_esc_leaves_the_box_then_s_skips_and_enter_goes_back(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        await _to_numeric(pilot, ui)
        await pilot.press(*"0.6", "escape")
        await pilot.pause()
        box = app.screen.query_one("#quiz-number")
        assert type(app.screen).__name__ == "QuizScreen" and not box.has_focus and box.value == "0.6"
        assert "s skip, h hint" in ui.text_of(app, "#quiz-how")
        footer_keys = {b.binding.key for b in app.screen.active_bindings.values() if b.enabled and b.binding.show}
        assert {"s", "escape"} <= footer_keys
        await pilot.press("enter")  # back into the box, text kept
        await pilot.pause()
        assert box.has_focus and box.value == "0.6"
        await pilot.press("escape", "s")
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
        await pilot.press(*"0.6", "escape", "h")  # h in the box is text: Esc leaves the box first
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


# ----- typed calculations and keys typed quickly (issue 9) -------------------------------------


def _burst(app, keys: str | list[str]) -> None:
    """Deliver ``keys`` at once, as a fast typist's terminal does (before the app catches up)."""
    from textual import events

    names = {"\r": "enter", "\x1b": "escape"}
    for key in keys:
        name = names.get(key, key)
        app.post_message(events.Key(name, key if len(key) == 1 else None))


async def test_a_calculation_is_graded_by_its_value_shown_as_it_is_typed(quiz_course, ui):
    """``1/0.09`` was graded as ``10.09`` and ``1/3`` as ``13``: the box dropped the ``/``."""
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        await _to_numeric(pilot, ui)
        await pilot.press(*"1/3")
        await pilot.pause()
        assert app.screen.query_one("#quiz-number").value == "1/3"
        assert ui.text_of(app, "#quiz-value") == "= 0.3333"
        await pilot.press(*["backspace"] * 3, *"-log(0.5)")
        await pilot.pause()
        assert ui.text_of(app, "#quiz-value") == "= 0.6931"
        await pilot.press("enter")
        await pilot.pause()
        assert ui.text_of(app, "#verdict-word") == "✓ Correct"
        assert "Your answer: −log(0.5) = 0.6931" in ui.text_of(app, "#verdict-details")


async def test_the_courses_functions_are_refused_with_the_reason_and_s_h_stay_text(bundled_course, ui):
    """``sigmoid(2)`` in ``practice why-not-mse --seed 3``: s skipped the question, h showed the hint."""
    app = ui.make_app(bundled_course, practice="why-not-mse", seed=3)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        screen = app.screen
        position = screen.session.position
        await pilot.press(*"sigmoid(2)", "enter")
        await pilot.pause()
        assert screen.session.position == position and screen.session.verdict is None
        assert not screen.query_one("#quiz-hint").display
        assert screen.query_one("#quiz-number").value == "sigmoid(2)"
        assert "‘sigmoid’ cannot be used" in ui.text_of(app, "#quiz-error")


async def test_why_not_mse_practice_seed_5_marks_zero_and_the_flipped_sign_wrong(bundled_course, ui):
    app = ui.make_app(bundled_course, practice="why-not-mse", seed=5)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        asked = app.screen.session.asked
        assert ui.text_of(app, "#quiz-precision") == f"Give your answer {asked.precision}."
        value = evaluate(asked.numeric.answer)
        for wrong in ("0", f"{-value:.2g}"):
            await pilot.press(*wrong, "enter")
            await pilot.pause()
            assert ui.text_of(app, "#verdict-word") == "✗ Incorrect", wrong
            await pilot.press("u", "ctrl+a", *["backspace"] * 12)
            await pilot.pause()


async def _question(pilot, prompt_start: str) -> None:
    """Skip to the question whose prompt starts with ``prompt_start``."""
    for _ in range(20):
        if str(pilot.app.screen.query_one("#quiz-prompt").content).startswith(prompt_start):
            return
        out_of_the_box = ["escape"] if isinstance(pilot.app.screen.session.asked, NumberAsked) else []
        await pilot.press(*out_of_the_box, "s", "enter")  # skip, next
        await pilot.pause()
    raise AssertionError(f"no question starts with {prompt_start!r}")


async def test_correctly_rounded_answers_to_the_logarithms_quiz_are_right(bundled_course, ui):
    """0.11 for −ln 0.9 and 0.37 for e⁻¹ were refused; the precision was never stated."""
    app = ui.make_app(bundled_course, quiz="logarithms")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        for prompt, typed in (
            ("A model gives the true class probability 0.9", "0.11"),
            ("For which probability", "0.37"),
        ):
            await _question(pilot, prompt)
            assert ui.text_of(app, "#quiz-precision") == "Give your answer to 2 decimals."
            await pilot.press(*typed, "enter")
            await pilot.pause()
            assert ui.text_of(app, "#verdict-word") == "✓ Correct", prompt
            await pilot.press("enter")
            await pilot.pause()


async def test_a_key_typed_right_after_choosing_an_option_is_not_lost(quiz_course, ui):
    """a then n (or t then n) typed quickly: the n was lost on choice and true/false questions."""
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        for number in (1, 2):  # a choice question, then a true/false one
            asked = app.screen.session.asked
            _burst(app, [asked.keys[asked.right], "n"])
            await pilot.pause()
            await pilot.pause()
            assert ui.text_of(app, "#quiz-counter") == f"Question {number + 1} / 4"
        assert [verdict.correct for _, verdict in app.screen.session.answers] == [True, True]


async def test_pilot_press_of_an_answer_and_n_in_one_call_goes_on(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        asked = app.screen.session.asked
        await pilot.press(asked.keys[asked.right], "n")
        await pilot.pause()
        assert ui.text_of(app, "#quiz-counter") == "Question 2 / 4"


async def test_enter_then_n_typed_quickly_in_the_box_grades_and_goes_on(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        await _to_numeric(pilot, ui)
        _burst(app, [*"0.69", "\r", "n"])
        await pilot.pause()
        await pilot.pause()
        assert ui.text_of(app, "#quiz-counter") == "Question 4 / 4"
        (_, verdict) = app.screen.session.answers[-1]
        assert verdict.correct and verdict.given == "0.69"


async def test_an_answer_then_s_or_h_typed_quickly_keeps_the_answer(quiz_course, ui):
    """A command typed right behind an answer acts on the answered question: no skip over it."""
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        asked = app.screen.session.asked
        _burst(app, [asked.keys[asked.right], "s", "h"])
        await pilot.pause()
        await pilot.pause()
        assert ui.text_of(app, "#verdict-word") == "✓ Correct"
        assert not app.screen.query_one("#quiz-hint").display


async def test_a_second_pick_typed_quickly_does_not_answer_again(quiz_course, ui):
    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        asked = app.screen.session.asked
        wrong = next(key for i, key in enumerate(asked.keys) if i != asked.right)
        _burst(app, [asked.keys[asked.right], wrong, "\r"])
        await pilot.pause()
        await pilot.pause()
        assert ui.text_of(app, "#quiz-counter") == "Question 2 / 4"
        assert [verdict.correct for _, verdict in app.screen.session.answers] == [True]


async def test_esc_and_a_command_typed_within_the_escape_delay_still_leave_the_box(quiz_course, ui):
    """A terminal sends Esc then s typed within 0.1 s as Alt+s: that is the skip it was typed as."""
    from textual import events

    app = ui.make_app(quiz_course, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _open_quiz(pilot)
        await _to_numeric(pilot, ui)
        await pilot.press(*"0.6")
        app.post_message(events.Key("alt+s", "s"))
        await pilot.pause()
        await pilot.pause()
        assert ui.text_of(app, "#verdict-word").startswith("✗ Skipped")
        assert app.screen.query_one("#quiz-number").value == "0.6"
