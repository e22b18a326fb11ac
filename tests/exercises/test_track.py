"""The Exercises screen's state, without a terminal: saves are noticed, the current exercise is
checked first, results are recorded when the learner caused them, hints unfold one at a time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tutor.exercises.catalog import EXERCISES
from tutor.exercises.result import Result
from tutor.exercises.track import CHECKING, UNCHECKED, WAITING, Track

Save = Callable[[Path, str, str], Path]
NAMES = [item.name for item in EXERCISES]


def passed(name: str) -> Result:
    return Result(name, "passed", "all 9 cases pass", passed=9, total=9)


def failing(name: str) -> Result:
    return Result(name, "wrong", f"{name}(0.5) returned 1.0; expected 0.5", passed=3, total=9)


def untouched(name: str) -> Result:
    return Result(name, "not-started", "not done")


def test_starts_on_the_first_exercise_not_yet_passed() -> None:
    assert Track(Path("x")).current == NAMES[0]
    assert Track(Path("x"), {NAMES[0]: True, NAMES[1]: False}).current == NAMES[1]
    assert Track(Path("x"), dict.fromkeys(NAMES, True)).current == NAMES[0]


def test_first_poll_queues_everything_current_first(workspace: Path) -> None:
    track = Track(workspace, {NAMES[0]: True})
    assert track.poll() == NAMES
    order = []
    while (name := track.start_next()) is not None:
        assert track.state(name) == CHECKING
        order.append(name)
        track.finish(untouched(name))
    assert order[0] == NAMES[1] and sorted(order) == sorted(NAMES)
    assert track.poll() == []


def test_a_save_is_queued_once_and_waits_for_the_running_check(workspace: Path, save: Save) -> None:
    track = Track(workspace)
    track.poll()
    while (name := track.start_next()) is not None:
        track.finish(untouched(name))
    save(workspace, "bce", "def bce(p, y):\n    return p\n")
    assert track.poll() == ["bce"]
    assert track.start_next() == "bce"
    save(workspace, "bce", "def bce(p, y):\n    return y\n")  # saved again while it is being checked
    assert track.poll() == ["bce"]
    assert track.start_next() is None and track.state("bce") == CHECKING
    track.finish(failing("bce"))
    assert track.start_next() == "bce"


def test_choosing_an_exercise_moves_it_to_the_front_of_the_queue(workspace: Path) -> None:
    track = Track(workspace)
    track.poll()
    assert track.state("softmax") == WAITING
    track.select("softmax")
    assert track.start_next() == "softmax"
    assert track.state("train_logistic") == WAITING
    assert Track(workspace).state("bce") == UNCHECKED


def test_what_is_recorded_in_the_progress_store(workspace: Path) -> None:
    track = Track(workspace, {"bce": True, "softplus": False})
    track.poll()
    assert not track.finish(untouched("surprise"))  # nothing was attempted
    assert not track.finish(passed("bce"))  # the opening scan found what the store has
    assert track.finish(passed("softplus"))  # the opening scan found a change
    assert track.finish(failing("bce"))  # later checks follow saves: always recorded
    assert track.finish(failing("bce"))
    assert not track.finish(Result("log_sum_exp", "missing-file", "log_sum_exp.py is missing"))


def test_hints_unfold_one_at_a_time() -> None:
    track = Track(Path("x"))
    hints = EXERCISES[0].hints
    assert track.hints() == ()
    for shown in range(1, len(hints) + 1):
        assert track.show_hint()
        assert track.hints() == hints[:shown]
    assert not track.show_hint()
    track.select(NAMES[1])
    assert track.hints() == ()


def test_next_exercise_and_passing(workspace: Path) -> None:
    track = Track(workspace)
    assert track.next_exercise() == NAMES[1] and not track.passes()
    track.finish(passed(NAMES[0]))
    assert track.passes()
    track.select(NAMES[-1])
    assert track.next_exercise() is None


def test_reset_current_keeps_a_backup(workspace: Path, save: Save) -> None:
    save(workspace, "surprise", "mine")
    track = Track(workspace)
    assert track.reset_current() == workspace / "surprise.py.bak"
