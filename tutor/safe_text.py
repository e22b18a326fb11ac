"""Untrusted text made safe to show: no control bytes and no bidirectional controls reach a terminal.

A course, a progress file or a path can hold ESC (which starts terminal escape sequences: clear
the screen, set the clipboard), other C0/C1 controls, DEL, or Unicode's bidirectional controls
(which reorder what is displayed, so text reads differently from what it is). Course files are
refused when they contain any (``ce-tutor check``); everything shown is still passed through
:func:`printable` as a second line of defence. Pure and tiny: the CLI and the UI both use it.
"""

from __future__ import annotations

import re

#: Unicode's Bidi_Control characters: ALM, LRM, RLM, the embeddings and overrides (U+202A–202E)
#: and the isolates (U+2066–2069).
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
#: C0 controls except tab and newline, DEL, C1 controls, and the bidi controls.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI_CONTROLS + "]")
#: The same, with tab and newline: for text that must stay on one line.
UNSAFE_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f" + BIDI_CONTROLS + "]")

EXCERPT_LENGTH = 40


def escape(char: str) -> str:
    """A visible, ASCII stand-in for one character: ``\\x1b``, ``\\n``, ``\\u202e``."""
    return repr(char)[1:-1] if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def printable(text: str, *, one_line: bool = False) -> str:
    """``text`` with every unsafe character replaced by its escape; ``one_line`` escapes tab and newline too.

    Idempotent (an escape is plain ASCII), and the identity on text that was safe already.
    """
    pattern = UNSAFE_IN_LINE if one_line else UNSAFE
    return pattern.sub(lambda match: escape(match.group(0)), text)


def first_unsafe(text: str) -> int | None:
    """The index of the first unsafe character (tab and newline are fine), or None."""
    match = UNSAFE.search(text)
    return match.start() if match else None


def describe_char(char: str) -> str:
    """``U+001B`` and a name for an unsafe character, for an author's error message."""
    names = {"\x1b": "ESC", "\x7f": "DEL", "\r": "carriage return", "\x00": "NUL"}
    name = "a bidirectional control" if char in BIDI_CONTROLS else names.get(char, "a control character")
    return f"U+{ord(char):04X} ({name})"


def shorten(text: str, limit: int = EXCERPT_LENGTH) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis: a name or path inside a one-line message."""
    return text if len(text) <= limit else f"{text[:limit]}…"


def excerpt(text: str, limit: int = EXCERPT_LENGTH) -> str:
    """A short, quoted, escaped excerpt of ``text`` for an error message (never the whole of a long value)."""
    if len(text) <= limit:
        return repr(text)  # repr escapes every control and bidi character (none is "printable")
    return f"{text[:limit]!r}… ({len(text)} characters)"
