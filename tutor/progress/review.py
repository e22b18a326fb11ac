"""When a missed question comes back: FSRS spaced repetition, one card per question.

Why FSRS rather than SM-2: SM-2 multiplies intervals by an "ease" that every miss lowers for
good, so a question missed twice early stays on short intervals forever ("ease hell"), and it
has no model of reviewing early or late. FSRS models each question's memory (stability,
difficulty) with parameters fitted on hundreds of millions of real reviews and schedules the next
review when recall is predicted to drop to 90 %: fewer reviews for the same retention, and
sensible after misses and irregular sessions. The ``fsrs`` package is the reference
implementation, pure Python, and serialises cards to JSON, which is all the store keeps.

``fsrs`` is imported on the first review, not at start-up (it costs ~10 ms of imports).
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fsrs import Card, Scheduler


class DamagedCard(ValueError):
    """A stored card that is not one (edited, truncated, written by something else)."""


@lru_cache(maxsize=1)
def _scheduler() -> Scheduler:
    from fsrs import Scheduler

    # No fuzz: a course has a few dozen questions, and a deterministic schedule is testable.
    return Scheduler(enable_fuzzing=False)


def review(card_json: str | None, correct: bool, at: datetime) -> tuple[str, datetime]:
    """Rate one answer (correct → Good, missed → Again) and return the card's JSON and next due time.

    ``card_json`` is None for a question without a card yet; ``at`` must be timezone-aware UTC.
    """
    from fsrs import Card, Rating

    if not card_json:
        card = Card(card_id=int(at.timestamp() * 1000), due=at)
        card, _log = _scheduler().review_card(card, Rating.Good if correct else Rating.Again, at)
        return card.to_json(), card.due
    try:
        card, _log = _scheduler().review_card(read_card(card_json), Rating.Good if correct else Rating.Again, at)
        return card.to_json(), card.due
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:  # fields of the wrong kind
        raise DamagedCard(str(exc)) from None


def read_card(card_json: str) -> Card:
    """The card stored as ``card_json``; raises :class:`DamagedCard` for anything that is not a card.

    The progress file is data from the disk: any field may be missing or of the wrong type.
    """
    from fsrs import Card

    try:
        card = Card.from_json(card_json)
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
        raise DamagedCard(str(exc)) from None
    if not isinstance(card, Card):  # pragma: no cover - from_json returns a Card or raises
        raise DamagedCard("not a card")
    return card
