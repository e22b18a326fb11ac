"""A cache entry is untrusted data: planted, mismatched or hostile entries are refused, never run.

The cache was once a pickle with a predictable name: replacing it ran a command on the next
``ce-tutor list``. Now an entry is MessagePack decoded against the model, the key inside must
match, its strings must pass the loader's character check, and the folder must be the user's own
and private. Each test plants an entry that would be served if a check were missing; a served
entry shows as the planted title.
"""

from __future__ import annotations

import os
import pickle
import stat
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest

from tutor.content import cache as cache_module
from tutor.content import load_course
from tutor.content.cache import Entry, course_key, load_course_cached
from tutor.safe_text import BIDI_CONTROLS

PLANTED = "Planted title"


def entry_path(course: Path, directory: Path) -> Path:
    """Where the cache keeps ``course`` (written by one load, so the name is the real one)."""
    load_course_cached(course, directory)
    (path,) = directory.glob("course-*.msgpack")
    return path


def plant(path: Path, course: Path, *, title: str = PLANTED, key: str | None = None) -> None:
    """A well-formed entry for ``course`` whose title tells whether it was served."""
    model = msgspec.structs.replace(load_course(course), title=title)
    path.write_bytes(msgspec.msgpack.encode(Entry(key or course_key(course), model)))


def served(course: Path, directory: Path) -> bool:
    return load_course_cached(course, directory).title != load_course(course).title


def test_a_well_formed_entry_is_served(course: Path, tmp_path: Path) -> None:
    """The control for every test below: the planted entry is what a hit returns."""
    directory = tmp_path / "cache"
    plant(entry_path(course, directory), course)
    assert served(course, directory)


def test_a_planted_pickle_is_never_run(course: Path, tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    path = entry_path(course, directory)
    witness = tmp_path / "pwned"
    path.write_bytes(pickle.dumps(_Touch(str(witness))))
    assert load_course_cached(course, directory) == load_course(course)
    assert not witness.exists()


class _Touch:
    """Unpickling this creates a file: the proof that a pickle ran."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (self.path, "w"))


def test_an_entry_for_another_key_is_refused(course: Path, tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    plant(entry_path(course, directory), course, key="0" * 64)
    assert not served(course, directory)


@pytest.mark.parametrize("char", ["\x1b", "\x9b", "\x7f", "\x00", "\x08", "\x0c", "\r", "\x1f", "\x85", *BIDI_CONTROLS])
def test_an_entry_with_a_character_the_loader_refuses_is_refused(course: Path, tmp_path: Path, char: str) -> None:
    directory = tmp_path / "cache"
    plant(entry_path(course, directory), course, title=f"Basics{char}]52;c;cHduZWQ=")
    assert not served(course, directory)


@pytest.mark.parametrize(
    "title", ["tab\there", "two\nlines", "\\frac{a}{b}", "\\b \\f \\r \\u001b", "\\\\\\\\b", "≈ −"]
)
def test_safe_text_that_looks_like_an_escape_is_served(course: Path, tmp_path: Path, title: str) -> None:
    """JSON writes a backslash as ``\\\\``: ``\\frac`` must not read as the form feed ``\\f``."""
    directory = tmp_path / "cache"
    plant(entry_path(course, directory), course, title=title)
    assert load_course_cached(course, directory).title == title


def test_every_control_character_is_caught_after_encoding() -> None:
    """The check relies on how msgspec's JSON encoder writes each character: pin it for all of them."""
    from tutor.content.cache import _escapes_control
    from tutor.safe_text import UNSAFE

    for code in [*range(0x100), *map(ord, BIDI_CONTROLS), 0x2028, 0x2029, 0xFEFF]:
        text = msgspec.json.encode(f"a{chr(code)}b").decode()
        caught = UNSAFE.search(text) is not None or _escapes_control(text)
        assert caught == (UNSAFE.search(chr(code)) is not None), hex(code)


def test_an_entry_that_is_a_fifo_does_not_hang_start_up(course: Path, tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    path = entry_path(course, directory)
    path.unlink()
    os.mkfifo(path)
    code = (
        "from pathlib import Path; from tutor.content.cache import load_course_cached; "
        f"load_course_cached(Path({str(course)!r}), Path({str(directory)!r}))"
    )
    subprocess.run([sys.executable, "-c", code], timeout=60, check=True)


def test_an_oversized_entry_is_not_read(course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    directory = tmp_path / "cache"
    path = entry_path(course, directory)
    plant(path, course)
    monkeypatch.setattr(cache_module, "MAX_ENTRY_BYTES", path.stat().st_size - 1)
    assert not served(course, directory)


# ----- the folder ---------------------------------------------------------------------------


def test_the_folder_is_created_private(course: Path, tmp_path: Path) -> None:
    directory = tmp_path / "new" / "cache"
    load_course_cached(course, directory)
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    assert len(list(directory.glob("course-*.msgpack"))) == 1


@pytest.mark.parametrize("mode", [0o770, 0o707, 0o777, 0o1777], ids=oct)
def test_a_folder_others_can_write_is_neither_read_nor_written(course: Path, tmp_path: Path, mode: int) -> None:
    directory = tmp_path / "cache"
    path = entry_path(course, directory)
    plant(path, course)
    directory.chmod(mode)
    assert not served(course, directory)
    path.unlink()
    load_course_cached(course, directory)
    assert list(directory.iterdir()) == [], "nothing is written into a folder others can write"


def test_a_folder_of_another_user_is_neither_read_nor_written(
    course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ownership faked through ``_user_id``: the folder looks like another user's."""
    directory = tmp_path / "cache"
    path = entry_path(course, directory)
    plant(path, course)
    monkeypatch.setattr(cache_module, "_user_id", lambda: directory.stat().st_uid + 1)
    assert not served(course, directory)
    path.unlink()
    load_course_cached(course, directory)
    assert list(directory.iterdir()) == []


def test_a_folder_owned_by_another_real_user_is_ignored(course: Path, tmp_path: Path) -> None:
    """The same with a real second user: only root can give a folder away, so elsewhere this skips."""
    directory = tmp_path / "cache"
    path = entry_path(course, directory)
    plant(path, course)
    nobody = 65534
    if not hasattr(os, "geteuid") or os.geteuid() == nobody:
        pytest.skip("needs a POSIX user other than 'nobody'")
    try:
        os.chown(directory, nobody, nobody)
        os.chown(path, nobody, nobody)
    except PermissionError:
        pytest.skip("giving a folder to another user needs root (chown); run as root to cover this")
    assert not served(course, directory)
    assert [p.name for p in directory.iterdir()] == [path.name], "nothing is written there either"


def test_a_folder_that_is_a_file_is_skipped(course: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder")
    assert load_course_cached(course, blocker) == load_course(course)
    assert blocker.read_text() == "not a folder"
