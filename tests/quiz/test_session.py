"""QuizSession: scoring, skip, undo, retry, seeded randomness, and refusal of misuse."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tutor.content.expr import evaluate
from tutor.content.kinds import ChoiceQuestion, NumberAsked, Option, OptionsAsked, TrueFalseQuestion
from tutor.content.typed import NumberError
from tutor.quiz import QuizSession, QuizStateError


def right(session: QuizSession) -> int | str:
    asked = session.asked
    if isinstance(asked, OptionsAsked):
        return asked.right
    assert isinstance(asked, NumberAsked)
    return repr(evaluate(asked.numeric.answer))


def wrong(session: QuizSession) -> int | str:
    asked = session.asked
    if isinstance(asked, OptionsAsked):
        return next(i for i in range(len(asked.labels)) if i != asked.right)
    assert isinstance(asked, NumberAsked)
    return repr(evaluate(asked.numeric.answer) + 1000)


def play(session: QuizSession, pattern: str) -> None:
    """Answer each question per ``pattern``: r(ight), w(rong) or s(kip), advancing after each."""
    for move in pattern:
        if move == "s":
            session.skip()
        else:
            session.answer(right(session) if move == "r" else wrong(session))
        session.advance()


def many_options(shuffle: bool = True) -> ChoiceQuestion:
    options = tuple(Option(f"option {i}", i == 2, f"why {i}") for i in range(6))
    return ChoiceQuestion(id="many", prompt="Pick.", options=options, hint="It is the third.", shuffle=shuffle)


@pytest.fixture
def quiz(mini_questions) -> list:
    return list(mini_questions.values())


@pytest.mark.parametrize(
    ("pattern", "score", "missed"),
    [("rrrr", 4, []), ("wwww", 0, [0, 1, 2, 3]), ("rwrw", 2, [1, 3]), ("wrsr", 2, [0, 2])],
)
def test_score_and_missed(quiz, pattern: str, score: int, missed: list[int]) -> None:
    session = QuizSession(quiz, seed=1)
    assert (session.total, session.position, session.finished) == (4, 1, False)
    play(session, pattern)
    assert session.finished and session.position == 4
    assert session.score == score
    assert len(session.missed) == len(missed)
    assert all(a is quiz[i] for a, i in zip(session.missed, missed, strict=False))  # originals, not instances
    assert [q for q, _ in session.answers] == quiz
    assert [v.correct for _, v in session.answers] == [m == "r" for m in pattern]


def test_verdict_and_position_follow_the_moves(quiz) -> None:
    session = QuizSession(quiz, seed=2)
    assert session.verdict is None
    verdict = session.answer(right(session))
    assert session.verdict is verdict and verdict.correct
    session.advance()
    assert session.position == 2 and session.verdict is None
    assert isinstance(session.asked.question, TrueFalseQuestion)


def test_generated_questions_are_asked_as_numeric(quiz) -> None:
    session = QuizSession(quiz, seed=3)
    play(session, "rrr")
    assert isinstance(session.asked, NumberAsked) and session.asked.question.id == "gen"
    assert "{p}" not in session.asked.prompt
    assert session.answer(right(session)).correct


def test_skip_shows_the_answer_and_counts_as_missed(quiz) -> None:
    session = QuizSession(quiz, seed=0)
    letter = "ab"[right(session)]
    verdict = session.skip()
    assert verdict.skipped and not verdict.correct
    assert verdict.expected == f"{letter}) −log 0.01" and verdict.given == ""
    assert "4.6" in verdict.explanation
    session.advance()
    assert session.missed == [quiz[0]] and session.score == 0


def test_undo_lets_the_learner_answer_again_but_the_first_answer_counts(quiz) -> None:
    session = QuizSession(quiz, seed=0)
    assert session.undo() is False
    first = session.answer(wrong(session))
    assert session.counted is first and not session.retaken
    assert session.undo() is True
    assert session.verdict is None and session.answers == [(quiz[0], first)]  # still counted
    again = session.answer(right(session))
    assert again.correct and session.retaken and session.counted is first
    assert session.score == 0 and session.missed == [quiz[0]]
    session.advance()
    assert session.undo() is False  # the previous question is behind us
    session.skip()
    assert session.undo() is True
    assert session.answer(right(session)).correct and session.retaken
    session.advance()
    assert session.score == 0 and session.missed == quiz[:2]


def test_a_take_back_of_the_last_answer_leaves_the_score_as_it_was(quiz) -> None:
    session = QuizSession(quiz, seed=0)
    play(session, "rrr")
    session.answer(wrong(session))
    assert session.complete and session.score == 3
    session.undo()
    assert session.complete and session.answer(right(session)).correct and session.score == 3


def test_restore_resumes_at_the_next_question_with_the_answers_counted(quiz) -> None:
    first = QuizSession(quiz, seed=4)
    play(first, "rw")
    kept = [verdict for _, verdict in first.answers]
    resumed = QuizSession(quiz, seed=4)
    resumed.restore(kept)
    assert resumed.position == 3 and resumed.score == 1 and resumed.missed == [quiz[1]]
    assert resumed.asked.prompt == first.asked.prompt  # the same seed asks the same numbers
    play(resumed, "rr")
    assert resumed.finished and resumed.score == 3
    with pytest.raises(QuizStateError):
        resumed.restore(kept)
    with pytest.raises(QuizStateError):
        QuizSession(quiz[:1], seed=4).restore(kept)


def test_avoid_redraws_a_generated_question_away_from_the_numbers_shown_last(mini_questions) -> None:
    gen = mini_questions["gen"]
    for seed in range(30):
        shown = QuizSession([gen], seed=seed).asked.prompt
        again = QuizSession([gen], seed=seed, avoid=[shown])
        assert again.asked.prompt != shown, seed
    fixed = mini_questions["num"]  # a fixed question has one prompt: asked as it is
    shown = QuizSession([fixed], seed=1).asked.prompt
    assert QuizSession([fixed], seed=1, avoid=[shown]).asked.prompt == shown


def test_unreadable_number_leaves_the_question_open(quiz) -> None:
    session = QuizSession(quiz, seed=0)
    play(session, "rr")
    with pytest.raises(NumberError):
        session.answer("zero point seven")
    assert session.verdict is None and len(session.answers) == 2
    assert session.answer("0.693").correct


def test_misuse_is_refused(quiz) -> None:
    session = QuizSession(quiz, seed=0)
    with pytest.raises(QuizStateError):
        session.advance()
    session.answer(right(session))
    with pytest.raises(QuizStateError):
        session.answer(right(session))
    with pytest.raises(QuizStateError):
        session.skip()
    with pytest.raises(ValueError):
        QuizSession(quiz, seed=0).answer(5)
    session.advance()
    play(session, "rrr")
    for move in (lambda: session.answer(0), session.skip, session.advance, lambda: session.asked):
        with pytest.raises(QuizStateError):
            move()
    assert session.undo() is False


def test_display_index_maps_to_the_option_shown() -> None:
    for seed in range(10):
        session = QuizSession([many_options()], seed=seed)
        asked = session.asked
        assert isinstance(asked, OptionsAsked)
        display = asked.labels.index("option 2")
        verdict = session.answer(display)
        assert verdict.correct
        assert verdict.given == f"{'abcdef'[display]}) option 2"
        assert verdict.explanation == "why 2"


def test_same_seed_same_order_and_numbers(quiz) -> None:
    questions = [many_options(), *quiz]

    def snapshot(seed: int | None) -> tuple:
        session = QuizSession(questions, seed=seed)
        order = session.asked.labels  # type: ignore[attr-defined]
        play(session, "rrrr")
        asked = session.asked
        assert isinstance(asked, NumberAsked)
        return order, asked.prompt, asked.numeric.answer

    assert snapshot(7) == snapshot(7)
    assert len({snapshot(seed) for seed in range(6)}) > 1
    assert len({snapshot(seed)[0] for seed in range(6)}) > 1
    assert snapshot(None)[0]  # no seed: still works, just not reproducible


def test_unshuffled_options_keep_their_order() -> None:
    session = QuizSession([many_options(shuffle=False)], seed=3)
    assert session.asked.labels == tuple(f"option {i}" for i in range(6))  # type: ignore[attr-defined]


def test_options_and_hint(quiz) -> None:
    session = QuizSession([many_options(), *quiz], seed=0)
    assert len(session.asked.labels) == 6 and session.asked.hint == "It is the third."  # type: ignore[attr-defined]
    play(session, "rr")
    asked = session.asked
    assert isinstance(asked, OptionsAsked) and isinstance(asked.question, TrueFalseQuestion)
    assert asked.labels == ("True", "False") and asked.hint == ""


def test_retry_missed(quiz) -> None:
    session = QuizSession(quiz, seed=5)
    play(session, "wrsw")
    retry = session.retry_missed()
    assert retry.total == 3 and not retry.finished
    play(retry, "rrr")
    assert [q for q, _ in retry.answers] == [quiz[0], quiz[2], quiz[3]]
    assert retry.score == 3 and retry.retry_missed().finished


def test_empty_quiz_is_finished() -> None:
    session = QuizSession([], seed=0)
    assert session.finished and session.total == 0 and session.score == 0


def test_importing_quiz_does_not_import_textual() -> None:
    code = "import sys, tutor.quiz; assert 'textual' not in sys.modules, 'textual imported'"
    subprocess.run([sys.executable, "-c", code], check=True)
