"""What stdout cannot encode gets an ASCII stand-in or an escape, never a UnicodeEncodeError."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tutor.cli_output import fit, write


@pytest.mark.parametrize(
    ("text", "ascii"),
    [
        ("L = −[y·log ŷ]", "L = -[y*log y^]"),
        ("σ ≈ 0.5 ✓", "sigma ~ 0.5 v"),
        ("Σ → ∞", "Sigma -> \\u221e"),
        ("café “quoted” — done…", 'cafe "quoted" -- done...'),
        ("┌─┬┐│└┴┘┼ █▄", "+-++|++++ ##"),
    ],
)
def test_symbols_fall_back_to_ascii(text: str, ascii: str) -> None:
    assert fit(text, "ascii") == ascii
    assert fit(text, "utf-8") == text


@given(st.text())
def test_any_text_fits_any_common_encoding(text: str) -> None:
    for encoding in ("ascii", "latin-1", "cp1252", "utf-8"):
        stream = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="strict")
        write(stream, text)
        stream.flush()
