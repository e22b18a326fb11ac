"""The review schedule in words: what is due now, when the next comes, how many are scheduled."""

from __future__ import annotations

import math
from datetime import datetime

import msgspec


class ReviewSummary(msgspec.Struct, frozen=True):
    """The course's review cards at one moment: ``due`` now, the ``next`` one after that, ``scheduled`` in all."""

    due: int
    scheduled: int
    #: When the first question not yet due comes due, or None when every card is due.
    next_due: datetime | None
    now: datetime

    @classmethod
    def of(cls, dues: list[datetime], now: datetime) -> ReviewSummary:
        later = [due for due in dues if due > now]
        return cls(len(dues) - len(later), len(dues), min(later, default=None), now)

    def line(self) -> str:
        """ "3 due now · next in 4 min · 17 scheduled" (the parts that apply)."""
        if not self.scheduled:
            return "Review: nothing scheduled yet"
        parts = [f"{self.due} due now" if self.due else "nothing due now"]
        if self.next_due is not None:
            parts.append(f"next {until(self.now, self.next_due)}")
        parts.append(f"{self.scheduled} scheduled")
        return "Review: " + " · ".join(parts)

    def nothing_due(self) -> str:
        """What to tell a learner who asks for a review when nothing is due."""
        if self.next_due is None:
            return "Nothing is due for review: each question you answer is scheduled, and comes back here when due."
        return f"Nothing is due for review: the next question comes back {until(self.now, self.next_due)}."


def until(now: datetime, then: datetime) -> str:
    """How long from ``now`` to ``then``, as a learner says it: "now", "in 4 min", "in 3 h", "in 2 days".

    Minutes round up (a question due in 30 s is "in 1 min", never "in 0 min"); hours and days round
    to the nearest.
    """
    seconds = (then - now).total_seconds()
    if seconds <= 0:
        return "now"
    if seconds < 3600:
        return f"in {math.ceil(seconds / 60)} min"
    if seconds < 36 * 3600:
        return f"in {max(1, round(seconds / 3600))} h"
    days = round(seconds / 86400)
    return f"in {days} day{'s' if days != 1 else ''}"
