"""Practice sets: which practice templates (``generated`` questions) a set asks, in what order.

The quiz session asks each template with its own seeded generator, so every question of a set
gets fresh numbers (``tutor.content.kinds.generated``).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from typing import TypeVar

from tutor.content.kinds import QuestionBase

T = TypeVar("T")


def practice_set(questions: Iterable[QuestionBase], seed: int | None, count: int) -> list[QuestionBase]:
    """``count`` practice templates from ``questions`` (others are ignored), in the order to ask them
    (see :func:`mix`). No templates gives an empty list."""
    return mix([q for q in questions if q.PRACTICE], random.Random(seed), count)


def mix(templates: Sequence[T], rng: random.Random, count: int) -> list[T]:
    """``count`` picks from ``templates`` in shuffled rounds, each template once per round, so a
    set covers them all evenly; never the same template twice in a row (unless there is only one).

    Templates are told apart by position, so equal ones listed twice count as two.
    """
    if not templates:
        return []
    picked: list[int] = []
    while len(picked) < count:
        batch = list(range(len(templates)))
        rng.shuffle(batch)
        if picked and len(batch) > 1 and batch[0] == picked[-1]:
            # the round would start with the template just asked: swap it with another of the round
            other = rng.randrange(1, len(batch))
            batch[0], batch[other] = batch[other], batch[0]
        picked += batch[: count - len(picked)]
    return [templates[i] for i in picked]
