"""The catalog, the starting files and the checks agree, and every case can be named in a message."""

from __future__ import annotations

import numpy as np
import pytest

from tutor.exercises.catalog import EXERCISES, exercise, position
from tutor.exercises.checks import spec
from tutor.exercises.judge import describe_call

NAMES = [item.name for item in EXERCISES]


def test_at_least_eight_exercises_with_distinct_names() -> None:
    assert len(NAMES) >= 8 and len(set(NAMES)) == len(NAMES)
    assert [position(name) for name in NAMES] == list(range(1, len(NAMES) + 1))


@pytest.mark.parametrize("name", NAMES)
def test_checks_match_the_catalog(name: str) -> None:
    item, checks = exercise(name), spec(name)
    assert (checks.function, checks.params) == (item.name, item.params)
    assert len(item.hints) >= 3


@pytest.mark.parametrize("name", NAMES)
def test_cases_are_reproducible_and_nameable(name: str) -> None:
    first, again = spec(name).cases(), spec(name).cases()
    assert len(first) == len(again) >= 6
    for one, two in zip(first, again, strict=True):
        assert np.array_equal(one.expected, two.expected, equal_nan=True)
        call = describe_call(spec(name), one)
        assert "<an array" not in call and call.startswith(f"{name}(")
    assert any("moderate" in case.tags for case in first)


def test_cases_include_the_extremes_the_issue_asks_for() -> None:
    def largest(name: str, arg: int = 0) -> float:
        return max(float(np.max(np.abs(np.asarray(case.args[arg], dtype=float)))) for case in spec(name).cases())

    assert largest("bce_with_logits") >= 1000 and largest("softplus") >= 1000
    assert any(np.any(np.asarray(case.args[0]) == 1e-300) for case in spec("bce").cases())
    spreads = [np.ptp(np.asarray(case.args[0]), axis=-1).max() for case in spec("cross_entropy").cases()]
    assert max(spreads) >= 1e4


def test_unknown_exercise_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="surprise, bce"):
        exercise("nope")
