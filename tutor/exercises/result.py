"""What a check found, as plain data for the screen, the command line and the progress store.

Every string in a ``Result`` has passed through :func:`tutor.safe_text.printable` (and been cut
short): the learner's code chose some of it (exception messages, printed output), and it must
never reach the terminal as control bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal["done", "failing", "not started"]

#: How a check ended. "passed" and "not-started" are the happy and the untouched file; "wrong"
#: is a value that differs from the core's; the others are ways the code never got that far.
Kind = Literal[
    "passed",
    "not-started",
    "wrong",
    "exception",
    "syntax",
    "import",
    "missing-file",
    "missing-function",
    "timeout",
    "memory",
    "exit",
    "output",
    "crash",
]


@dataclass(frozen=True)
class Result:
    """One check of one exercise file.

    ``headline`` is the one line that matters (the first failing case, or why nothing ran);
    ``details`` say more (the mistake recognised, how many cases pass, the tolerance);
    ``output`` is the start of what the code printed.
    """

    exercise: str
    kind: Kind
    headline: str
    details: tuple[str, ...] = ()
    mistake: str | None = None
    passed: int = 0
    total: int = 0
    output: str = ""
    seconds: float = 0.0

    @property
    def status(self) -> Status:
        if self.kind == "passed":
            return "done"
        return "not started" if self.kind == "not-started" else "failing"

    @property
    def ok(self) -> bool:
        return self.kind == "passed"
