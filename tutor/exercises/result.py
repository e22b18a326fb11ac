"""What a check found, as plain data for the screen, the command line and the progress store.

Every string in a ``Result`` has passed through :func:`visible`: the learner's code chose some of
it (exception messages, printed output), and it must never reach the terminal as control bytes.
"""

from __future__ import annotations

import re
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

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str, limit: int = 2000) -> str:
    """``text`` with control characters (ESC, C1, CR, …) shown as ``�`` and cut to ``limit`` characters.

    Newlines and tabs stay; nothing else below 0x20 or in 0x7f–0x9f can reach a terminal.
    """
    text = _CONTROLS.sub("\N{REPLACEMENT CHARACTER}", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
