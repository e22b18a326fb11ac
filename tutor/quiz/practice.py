"""Practice sets: which practice templates (``generated`` questions) a set asks, in what order.

The quiz session asks each template with its own seeded generator, so every question of a set
gets fresh numbers (``tutor.content.kinds.generated``).
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from tutor.content.kinds import QuestionBase


def practice_set(questions: Iterable[QuestionBase], seed: int | None, count: int) -> list[QuestionBase]:
    """``count`` practice templates from ``questions`` (others are ignored), in the order to ask them.

    Templates are taken in shuffled rounds, each once per round, so practice covers all of them
    evenly. No templates gives an empty list.
    """
    templates = [q for q in questions if q.PRACTICE]
    rng = random.Random(seed)
    picked: list[QuestionBase] = []
    while templates and len(picked) < count:
        batch = templates[:]
        rng.shuffle(batch)
        picked += batch[: count - len(picked)]
    return picked
