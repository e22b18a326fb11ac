"""The one sanitizer: nothing unsafe survives it, and safe text passes unchanged."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tutor.safe_text import BIDI_CONTROLS, UNSAFE, excerpt, printable

UNSAFE_CHARS = [chr(c) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if chr(c) not in "\t\n"] + list(BIDI_CONTROLS)


def test_every_control_and_bidi_character_is_escaped_visibly() -> None:
    for char in UNSAFE_CHARS:
        shown = printable(f"a{char}b")
        assert shown.startswith("a\\") and shown.endswith("b") and shown.isascii() and shown.isprintable()
    assert printable("\x1b[2J") == "\\x1b[2J" and printable("\u202e") == "\\u202e"
    assert printable("a\tb\nc") == "a\tb\nc" and printable("a\tb\nc", one_line=True) == "a\\tb\\nc"


@given(st.text())
def test_nothing_unsafe_survives_and_it_is_idempotent(text: str) -> None:
    shown = printable(text)
    assert UNSAFE.search(shown) is None
    assert printable(shown) == shown


@given(st.text(alphabet=st.characters(blacklist_categories=["Cc", "Cf", "Cs"])))
def test_safe_text_passes_unchanged(text: str) -> None:
    assert printable(text) == text


def test_an_excerpt_is_short_quoted_and_escaped() -> None:
    assert excerpt("short") == "'short'"
    long = "x\x1b" * 10_000
    shown = excerpt(long)
    assert len(shown) < 200 and shown.endswith("… (20000 characters)") and "\x1b" not in shown
