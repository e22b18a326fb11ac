"""Progress across runs, as a learner meets it: the course map remembers, c continues, v reviews.

Every test uses a real SQLite store in ``tmp_path`` through Progress, and a clock the test
moves: FSRS brings a missed question back a minute later, so "later" is a clock step, not a wait.
"""

from __future__ import annotations

from datetime import timedelta

from tutor.content.model import Course
from tutor.progress import open_store
from tutor.study import Progress
from tutor.ui.widgets.lessons import LessonTable

LATER = timedelta(minutes=5)  # past FSRS's first "Again" step (1 minute), before its "Good" step (10)


async def _press(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()
    await pilot.pause()


async def test_a_relaunch_shows_the_score_and_c_continues_at_the_saved_section(quiz_course, ui, store):
    app = ui.app_on(quiz_course, store, lesson="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _press(pilot, "n")
        assert ui.position(app).endswith("section 2 of 3")
        await _press(pilot, "t")
        await ui.finish(pilot, [True, True, True, False])

    app = ui.app_on(quiz_course, store)  # the next run, on the same store
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        assert ui.row(app, 0)[3:] == ["done", "3 / 4"]
        assert ui.text_of(app, "#home-continue") == "Continue: Basics, section 2 of 3 — press c"
        await _press(pilot, "c")
        assert ui.stack(app) == ["HomeScreen", "LessonScreen"]
        assert ui.position(app).endswith("section 2 of 3")


async def test_no_continue_line_before_any_lesson_and_c_only_says_so(quiz_course, ui, store):
    app = ui.app_on(quiz_course, store)
    notices: list[str] = []
    app.notify = lambda message, **_: notices.append(message)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#home-continue").display
        assert ui.text_of(app, "#home-review") == "Review: nothing scheduled yet"
        footer_keys = {b.binding.key for b in app.screen.active_bindings.values() if b.binding.show}
        assert "v" in footer_keys
        await _press(pilot, "c")
        assert ui.stack(app) == ["HomeScreen"]
    assert notices == ["Nothing to continue yet: open a lesson from the course map."]


async def test_each_lesson_reopens_at_its_own_section(two_lessons, ui, store):
    app = ui.app_on(two_lessons, store, lesson="basics")
    async with app.run_test(size=ui.size) as pilot:
        await _press(pilot, "n")
        await _press(pilot, "escape", "down", "enter")  # now the second lesson, at its start
        assert ui.position(app) == "Lesson 2 of 2 · section 1 of 3"

    app = ui.app_on(two_lessons, store)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        assert ui.text_of(app, "#home-continue") == "Continue: More, section 1 of 3 — press c"
        assert app.screen.query_one(LessonTable).cursor_row == 1  # the cursor starts on the lesson to continue
        await _press(pilot, "up", "enter")  # the first lesson: not the last one read, still resumed
        assert ui.position(app) == "Lesson 1 of 2 · section 2 of 3"


async def test_a_missed_question_comes_back_for_review_under_its_own_lesson(two_lessons, ui, store, clock):
    app = ui.app_on(two_lessons, store, quiz="more")
    async with app.run_test(size=ui.size) as pilot:
        await ui.finish(pilot, [True, False, True, True])  # misses the true/false question
        await _press(pilot, "escape")
        assert ui.stack(app) == ["HomeScreen"]
        # every answer is scheduled: the miss in a minute, the right ones in ten
        assert ui.text_of(app, "#home-review") == "Review: nothing due now · next in 1 min · 4 scheduled"

    clock.advance(LATER)
    app = ui.app_on(two_lessons, store)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        assert ui.text_of(app, "#home-review") == "Review: 1 due now · next in 5 min · 4 scheduled — press v"
        await _press(pilot, "v")
        assert ui.stack(app) == ["HomeScreen", "QuizScreen"]
        assert app.screen.title == "Review"
        assert ui.text_of(app, "#quiz-counter") == "Question 1 / 1 · from More"
        assert ui.text_of(app, "#quiz-prompt") == "log 1 = 0."
        await ui.finish(pilot, [True])
        await _press(pilot, "escape")
        assert ui.stack(app) == ["HomeScreen"]
        assert ui.text_of(app, "#home-review") == "Review: nothing due now · next in 5 min · 4 scheduled"

    saved = store.export()
    assert saved["answers"][-1]["lesson_id"] == "more" and saved["answers"][-1]["correct"]
    assert [(s["lesson_id"], s["score"]) for s in saved["scores"]] == [("more", 3)]  # a review is no quiz score
    assert ("more", "tf") not in store.due_reviews(clock.now + LATER)  # Good moved the card on


async def test_a_review_records_each_answer_under_its_lesson_and_a_retry_records_none(two_lessons, ui, store, clock):
    for lesson_id in ("basics", "more"):
        store.record_answer(lesson_id, "tf", "False", correct=False)
    clock.advance(LATER)
    app = ui.app_on(two_lessons, store, review=True)  # `ce-tutor review`
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        assert ui.stack(app) == ["HomeScreen", "QuizScreen"]
        await ui.finish(pilot, [False, False])
        await _press(pilot, "r")
        assert app.screen.title == "Review (missed questions)"
        await ui.finish(pilot, [True, True])
        assert "your first answers were saved, these are not" in ui.text_of(app, "#results-score")
    answers = [(a["lesson_id"], a["correct"]) for a in store.export()["answers"]]
    assert len(answers) == 4  # two before, two in the review; the retry's answers are not recorded
    assert sorted(answers[-2:]) == [("basics", False), ("more", False)]


async def test_review_with_nothing_due_stays_home_with_a_notice(quiz_course, ui, store):
    app = ui.app_on(quiz_course, store, review=True)
    notices: list[str] = []
    app.notify = lambda message, **_: notices.append(message)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        assert ui.stack(app) == ["HomeScreen"] and len(notices) == 1
        await _press(pilot, "v")
        assert ui.stack(app) == ["HomeScreen"]
    assert len(notices) == 2 and all(notice.startswith("Nothing is due for review") for notice in notices)


async def test_the_palette_offers_continue_and_review(quiz_course, ui, store, clock):
    store.record_position("basics", 2)
    store.record_answer("basics", "pick", "b", correct=False)
    clock.advance(LATER)
    app = ui.app_on(quiz_course, store)
    async with app.run_test(size=ui.size) as pilot:
        await _press(pilot, "ctrl+p", *"review 1 due")
        await pilot.pause(0.5)
        await _press(pilot, "enter")
        assert ui.stack(app) == ["HomeScreen", "QuizScreen"] and app.screen.title == "Review"
        await _press(pilot, "escape", "ctrl+p", *"continue basics")
        await pilot.pause(0.5)
        await _press(pilot, "enter")
        assert ui.stack(app) == ["HomeScreen", "LessonScreen"]
        assert ui.position(app).endswith("section 3 of 3")


async def test_the_course_map_reads_lesson_states_once_per_refresh(two_lessons, ui, store):
    calls: list[Course] = []
    read = store.lesson_states
    store.lesson_states = lambda course: calls.append(course) or read(course)
    app = ui.app_on(two_lessons, store)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        assert len(calls) == 1
        await _press(pilot, "enter")
        await _press(pilot, "escape")
        assert ui.stack(app) == ["HomeScreen"] and len(calls) == 2


async def test_a_store_that_cannot_save_still_runs_a_whole_quiz(quiz_course, ui, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with open_store(blocker / "data") as store:
        assert not store.status.saving
        app = ui.app_on(quiz_course, store, quiz="basics")
        app.store_message = store.status.message
        async with app.run_test(size=ui.size) as pilot:
            await pilot.pause()
            await ui.finish(pilot, [True, False, True, True])
            assert ui.text_of(app, "#results-not-saved").startswith("Not saved: Progress will not be saved")
            await _press(pilot, "escape", "escape")
            assert ui.row(app, 0)[3:] == ["done", "3 / 4"]  # kept in memory for this run


async def test_a_store_failing_mid_run_never_takes_a_screen_down(quiz_course, ui, store):
    app = ui.app_on(quiz_course, store, quiz="basics")
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        store.close()  # every read and write now fails
        await ui.finish(pilot, [True, False, True, True])
        assert ui.text_of(app, "#results-not-saved").startswith("Not saved:")
        await _press(pilot, "escape", "escape")
        assert ui.stack(app) == ["HomeScreen"]
        assert ui.row(app, 0)[3] == "new" and ui.text_of(app, "#home-review") == "Review: nothing scheduled yet"
        await _press(pilot, "v")
        await _press(pilot, "enter")
        assert ui.stack(app) == ["HomeScreen", "LessonScreen"]


class Recording(Progress):
    """The real store, with every position write remembered in order."""

    def __init__(self, store, course) -> None:
        super().__init__(store, course)
        self.writes: list[int] = []

    def save_position(self, lesson_id: str, section: int) -> None:
        self.writes.append(section)
        super().save_position(lesson_id, section)


async def test_reopening_never_writes_section_0_over_the_saved_one(ui, bundled_course, store) -> None:
    """A kill -9 at any moment of opening a lesson must leave the saved section, not the first."""
    lesson = bundled_course.lessons[2]
    store.record_position(lesson.id, 5)
    progress = Recording(store, bundled_course)
    app = ui.make_app(bundled_course, lesson=lesson.id, progress=progress)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert progress.writes and set(progress.writes) == {5}
        assert "section 6 of" in ui.position(app)
