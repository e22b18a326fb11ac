"""Recording rules, without a screen: saved when graded, the first answer counts, quizzes resume."""

from __future__ import annotations

from datetime import timedelta

from tutor.study import LessonQuiz, PracticeSet, Retry, Review


def _answers(progress) -> list[tuple[str, str, str, bool, bool]]:
    rows = progress.store.export()["answers"]
    return [(a["lesson_id"], a["question_id"], a["given"], a["correct"], a["skipped"]) for a in rows]


def test_an_answer_is_saved_the_moment_it_is_graded(planner, progress, moves) -> None:
    run = planner.start(planner.lesson_quiz("basics"))
    verdict = run.answer(moves.right(run))
    assert _answers(progress) == [("basics", "pick", verdict.given, True, False)]  # before any next key
    assert progress.store.export()["answers"][0]["prompt"] == run.session.asked.prompt


def test_the_first_answer_counts_and_a_take_back_only_lets_the_learner_try_again(planner, progress, moves, clock):
    run = planner.start(planner.lesson_quiz("basics"))
    first = run.answer(moves.wrong(run))
    assert run.undo()
    again = run.answer(moves.right(run))
    assert again.correct and run.session.retaken and run.session.counted is first
    assert _answers(progress) == [("basics", "pick", first.given, False, False)]  # the second is not stored
    run.advance()
    run.skip()
    run.undo()
    run.answer(moves.right(run))
    run.advance()
    moves.play(run, "rr")
    assert run.session.score == 2 and run.scored
    assert progress.best_score("basics") == (2, 4)  # not inflated by the take-backs
    assert [a[1:] for a in _answers(progress)][:2] == [("pick", first.given, False, False), ("tf", "", False, True)]
    # the first (wrong) attempts schedule their questions as misses: back within minutes
    due_soon = {qid for _, qid, due in progress.review_dues() if due <= clock.now + timedelta(minutes=2)}
    assert due_soon == {"pick", "tf"}


def test_the_last_answer_records_the_score_before_any_key(planner, progress, moves) -> None:
    run = planner.start(planner.lesson_quiz("basics"))
    moves.play(run, "rwr")
    assert progress.lesson_states()["basics"].state == "in progress"
    run.answer(moves.wrong(run))  # the last question: no advance, no further key
    assert run.scored and progress.best_score("basics") == (2, 4)
    assert progress.lesson_states()["basics"].state == "done"
    assert progress.open_quizzes() == {}  # finished: nothing left to resume
    run.undo()
    run.answer(moves.right(run))
    assert progress.best_score("basics") == (2, 4) and len(progress.store.export()["scores"]) == 1


def test_an_unfinished_quiz_resumes_where_it_stopped_with_the_same_numbers(course, progress, moves) -> None:
    from tutor.study import Planner

    first = Planner(course, progress)  # no seed: the saved quiz keeps the one drawn
    run = first.start(first.lesson_quiz("basics"))
    moves.play(run, "rw")
    next_prompt = run.session.asked.prompt
    assert set(progress.open_quizzes()) == {"basics"}

    later = Planner(course, progress)  # the next run of the app
    plan = later.lesson_quiz("basics")
    assert isinstance(plan, LessonQuiz) and len(plan.resumed) == 2
    resumed = later.start(plan)
    assert resumed.resumed == 2 and resumed.session.position == 3 and resumed.session.score == 1
    assert resumed.session.asked.prompt == next_prompt
    moves.play(resumed, "rr")
    assert progress.best_score("basics") == (3, 4)
    assert len(_answers(progress)) == 4  # each question once, across the two sittings
    assert later.lesson_quiz("basics").resumed == ()  # finished: the next quiz starts afresh


def test_a_saved_quiz_that_no_longer_fits_its_lesson_starts_afresh(course, progress, planner, moves) -> None:
    import msgspec

    from tutor.study import Planner

    run = planner.start(planner.lesson_quiz("basics"))
    moves.play(run, "r")
    lesson = course.lesson("basics")
    changed = msgspec.structs.replace(
        course, lessons=(msgspec.structs.replace(lesson, questions=lesson.questions[1:]),)
    )
    assert Planner(changed, progress).lesson_quiz("basics").resumed == ()
    assert progress.open_quizzes() == {}  # forgotten, so it is not offered again

    progress.save_quiz("basics", '{"seed": "not a number"}')
    assert planner.lesson_quiz("basics").resumed == () and progress.open_quizzes() == {}


def test_practice_answers_are_recorded_under_their_lessons_but_not_scored(planner, progress, moves) -> None:
    plan = planner.practice(None)
    assert isinstance(plan, PracticeSet)
    run = planner.start(plan)
    moves.play(run, "rw" * 5)
    recorded = _answers(progress)
    assert len(recorded) == 10 and {a[:2] for a in recorded} == {("basics", "gen"), ("more", "gen")}
    assert progress.store.export()["scores"] == [] and progress.open_quizzes() == {}
    assert {(lesson, qid) for lesson, qid, _ in progress.review_dues()} == {("basics", "gen"), ("more", "gen")}


def test_a_retry_records_nothing_and_keeps_each_questions_lesson(planner, progress, moves) -> None:
    run = planner.start(planner.practice(None))
    moves.play(run, "wr" * 5)
    retry = planner.retry(run)
    assert isinstance(retry, Retry) and len(retry.items) == 5
    assert [item.lesson_id for item in retry.items] == [run.plan.items[i].lesson_id for i in range(0, 10, 2)]
    before = _answers(progress)
    again = planner.start(retry)
    moves.play(again, "wwwrr")
    assert _answers(progress) == before  # the first answers count
    second = planner.retry(again)
    assert second.title == "Practice — all lessons (missed questions)" and len(second.items) == 3
    done = planner.start(second)
    moves.play(done, "rrr")
    assert planner.retry(done) is None


def test_review_answers_reschedule_their_questions(planner, progress, moves, clock) -> None:
    run = planner.start(planner.lesson_quiz("more"))
    moves.play(run, "rw")
    clock.advance(seconds=1)
    moves.play(run, "rw")
    assert planner.review() is None  # nothing due yet
    clock.advance(minutes=5)  # past Again's minute, before Good's ten; the older miss first
    review = planner.review()
    assert isinstance(review, Review)
    assert [(i.lesson_id, i.question.id) for i in review.items] == [("more", "tf"), ("more", "gen")]
    taking = planner.start(review)
    moves.play(taking, "rr")
    assert _answers(progress)[-2:] == [
        ("more", "tf", taking.session.answers[0][1].given, True, False),
        ("more", "gen", taking.session.answers[1][1].given, True, False),
    ]
    assert planner.review() is None


def test_a_review_never_asks_a_generated_question_with_the_numbers_just_shown(course, progress, clock, moves):
    from tutor.study import Planner

    for seed in range(12):
        planner = Planner(course, progress, seed=seed)
        run = planner.start(planner.practice("basics"))
        shown = run.session.asked.prompt
        run.answer(moves.wrong(run))  # the gen question, missed: due in a minute
        clock.advance(minutes=2)
        review = planner.review()
        assert review is not None and review.items[0].avoid == shown
        asked = planner.start(review).session.asked.prompt
        assert asked != shown, (seed, asked)
        progress.store.reset()
