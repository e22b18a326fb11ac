"""Read course files as untrusted input: regular files inside the course folder, within a byte budget.

A lesson file could be a FIFO (``open`` would wait forever), a device or a symlink to
``/dev/zero`` (reading never ends), a symlink to a file anywhere on the disk, or simply huge.
Each is refused before anything blocks: the type is checked with ``stat`` first, the file is
opened non-blocking and checked again on the open descriptor (it may have been swapped), and at
most the limit plus one byte is ever read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tutor.content.errors import SourceError
from tutor.content.limits import MAX_COURSE_BYTES, MAX_FILE_BYTES

_CHUNK = 1 << 16


class CourseFiles:
    """The files of one course: ``read`` refuses what is not safe to read and counts every byte read."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.file_limit, self.course_limit = MAX_FILE_BYTES, MAX_COURSE_BYTES
        self.total = 0

    def read(self, path: Path) -> bytes:
        """The bytes of ``path``; raises :class:`SourceError` (file not found, not a regular file, outside, too big)."""
        budget = self.course_limit - self.total
        data = read_regular_file(path, self.root, max(0, min(self.file_limit, budget)))
        if len(data) > self.file_limit:
            raise SourceError(path, None, f"larger than {_size(self.file_limit)}, the limit for one course file")
        if len(data) > budget:
            raise SourceError(path, None, f"not read: the course is larger than {_size(self.course_limit)} in all")
        self.total += len(data)
        return data


def read_regular_file(path: Path, root: Path, limit: int) -> bytes:
    """The regular file ``path``, which must resolve inside ``root`` (resolved): all of it when it
    holds at most ``limit`` bytes, else its first ``limit + 1`` bytes (so the caller sees it is too big)."""
    try:
        resolved = path.resolve()
        if not resolved.is_relative_to(root):
            raise SourceError(path, None, f"leaves the course folder (it is a link to {resolved})")
        _require_regular(os.stat(path).st_mode, path)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise SourceError(path, None, "file not found") from None
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop, on Python < 3.13
        raise SourceError(path, None, getattr(exc, "strerror", None) or str(exc)) from None
    try:
        _require_regular(os.fstat(fd).st_mode, path)  # the same file we checked, not one swapped in since
        return _read_at_most(fd, limit + 1)
    except OSError as exc:
        raise SourceError(path, None, exc.strerror or str(exc)) from None
    finally:
        os.close(fd)


def _require_regular(mode: int, path: Path) -> None:
    if not stat.S_ISREG(mode):
        kind = "a directory" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode) else "a device or socket"
        raise SourceError(path, None, f"not a regular file ({kind})")


def _read_at_most(fd: int, count: int) -> bytes:
    chunks, size = [], 0
    while size < count:
        chunk = os.read(fd, min(_CHUNK, count - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _size(n: int) -> str:
    return f"{n / (1 << 20):g} MB" if n >= 1 << 20 else f"{n} bytes"
