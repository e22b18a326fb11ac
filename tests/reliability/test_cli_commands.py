"""The command line with bad input around it: a closed pipe, no terminal, an ASCII-only stdout,
an empty ``--data-dir``, an export onto an existing file or the database itself, a damaged card,
a dropped table. Each ends with a clear one-line message (or quietly), never a traceback.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tutor.progress import open_store

MINI = Path(__file__).resolve().parents[1] / "content" / "fixtures" / "mini"
TIMEOUT = 60


def ce_tutor(
    *args: str, stdout: int | None = subprocess.PIPE, env: dict[str, str] | None = None, cwd: Path | None = None
):
    """``ce-tutor ARGS`` as a script would run it: stdin closed, output to pipes."""
    return subprocess.run(
        [sys.executable, "-m", "tutor", *args],
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=TIMEOUT,
        env={**os.environ, **(env or {})},
        cwd=cwd,
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """Progress with answers on two lessons' worth of questions, a score and a review card."""
    with open_store(tmp_path / "data") as store:
        for i in range(6):
            store.record_answer("basics", f"q{i % 3}", str(i), i % 2 == 0)
        store.record_score("basics", 3, 4)
    return tmp_path / "data"


# ----- a closed pipe ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "args", [["stats"], ["stats", "--json"], ["progress"], ["list"], ["check", str(MINI)]], ids=" ".join
)
def test_a_closed_pipe_ends_quietly_with_141(data_dir: Path, args: list[str]) -> None:
    """``ce-tutor stats | head -1``: the reader is gone before ce-tutor writes (no reader at all here)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = ce_tutor("--content", str(MINI), "--data-dir", str(data_dir), *args, stdout=write_end)
    finally:
        os.close(write_end)
    assert result.returncode == 141 and result.stderr == b""


# ----- no terminal ------------------------------------------------------------------------


@pytest.mark.parametrize("args", [[], ["lesson", "basics"], ["quiz", "basics"], ["practice"], ["review"]], ids=str)
def test_without_a_terminal_the_app_exits_2_with_one_line(data_dir: Path, args: list[str]) -> None:
    """``ce-tutor </dev/null | cat`` once ran forever, writing escape codes into the pipe."""
    result = ce_tutor("--content", str(MINI), "--data-dir", str(data_dir), *args)
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.decode().splitlines() == [
        "ce-tutor: the app needs a terminal (stdin and stdout); list, check, stats and progress work without one"
    ]


# ----- an ASCII-only stdout ---------------------------------------------------------------


@pytest.mark.parametrize("args", [["stats"], ["progress"], ["list"], ["check", str(MINI)]], ids=" ".join)
def test_an_ascii_only_stdout_gets_ascii(data_dir: Path, tmp_path: Path, args: list[str]) -> None:
    course = tmp_path / "course"
    course.mkdir()
    (course / "lessons").mkdir()
    (course / "course.yaml").write_text((MINI / "course.yaml").read_text())
    lesson = (MINI / "lessons" / "basics.yaml").read_text(encoding="utf-8")
    (course / "lessons" / "basics.yaml").write_text(
        lesson.replace("title: Basics", "title: ŷ − σ ≈ 0 ✓ — “Basics” 你好"), encoding="utf-8"
    )
    if args[0] == "check":
        args = ["check", str(course)]
    result = ce_tutor("--content", str(course), "--data-dir", str(data_dir), *args, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr.decode()
    result.stdout.decode("ascii")  # nothing else got through
    if args == ["list"]:
        assert result.stdout.decode().splitlines()[1].endswith('y^ - sigma ~ 0 v -- "Basics" \\u4f60\\u597d')
    if args == ["stats"]:
        assert "accuracy per day" in result.stdout.decode() and "#" in result.stdout.decode()


# ----- an empty --data-dir ----------------------------------------------------------------


@pytest.mark.parametrize("option", ["--data-dir", "--content"])
def test_an_empty_folder_option_is_refused(tmp_path: Path, option: str) -> None:
    """``--data-dir ""`` once meant the current directory: progress.db appeared wherever one stood."""
    result = ce_tutor("--content", str(MINI), option, "", "stats", cwd=tmp_path)
    assert result.returncode == 2
    assert f"argument {option}: must not be empty" in result.stderr.decode()
    assert list(tmp_path.iterdir()) == []


# ----- export -----------------------------------------------------------------------------


def test_export_refuses_to_overwrite_a_file_unless_forced(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "mine.txt"
    target.write_text("precious")
    result = ce_tutor("--content", str(MINI), "--data-dir", str(data_dir), "progress", "--export", str(target))
    assert result.returncode == 1 and target.read_text() == "precious"
    assert result.stderr.decode() == f"ce-tutor: {target} exists; add --force to overwrite it\n"
    result = ce_tutor(
        "--content", str(MINI), "--data-dir", str(data_dir), "progress", "--export", str(target), "--force"
    )
    assert result.returncode == 0 and '"format": "ce-tutor progress"' in target.read_text()


@pytest.mark.parametrize("how", ["the path", "a symlink", "a hard link", "the WAL file", "through .."])
def test_export_never_writes_onto_the_progress_database(data_dir: Path, tmp_path: Path, how: str) -> None:
    database = data_dir / "progress.db"
    before = database.read_bytes()
    target = {
        "the path": database,
        "a symlink": tmp_path / "link.json",
        "a hard link": tmp_path / "hard.json",
        "the WAL file": data_dir / "progress.db-wal",
        "through ..": data_dir / ".." / data_dir.name / "progress.db",
    }[how]
    if how == "a symlink":
        target.symlink_to(database)
    if how == "a hard link":
        os.link(database, target)
    result = ce_tutor(
        "--content", str(MINI), "--data-dir", str(data_dir), "progress", "--export", str(target), "--force"
    )
    assert result.returncode == 1
    assert result.stderr.decode() == f"ce-tutor: {target} is the progress database itself; export to another file\n"
    assert database.read_bytes() == before
    with open_store(data_dir) as store:
        assert store.status.kind == "ok" and len(store.export()["answers"]) == 6


def test_export_with_a_damaged_card_notes_it_in_one_line(data_dir: Path, tmp_path: Path) -> None:
    db = sqlite3.connect(data_dir / "progress.db")
    db.execute("UPDATE reviews SET card = 'not json'")
    db.commit()
    db.close()
    target = tmp_path / "export.json"
    result = ce_tutor("--content", str(MINI), "--data-dir", str(data_dir), "progress", "--export", str(target))
    assert result.returncode == 0 and target.exists()
    lines = result.stderr.decode().splitlines()
    assert lines and all(line.startswith("ce-tutor: The review card of question") for line in lines)
    assert "Traceback" not in result.stderr.decode()


# ----- a dropped table --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "table"),
    [
        (["stats"], "answers"),
        (["stats"], "scores"),
        (["stats"], "reviews"),
        (["stats", "--json"], "answers"),
        (["progress"], "positions"),
        (["progress"], "scores"),
        (["progress", "--export", "export.json"], "answers"),
    ],
)
def test_a_dropped_table_is_a_one_line_error(data_dir: Path, table: str, command: list[str]) -> None:
    db = sqlite3.connect(data_dir / "progress.db")
    db.execute(f"DROP TABLE {table}")
    db.commit()
    db.close()
    result = ce_tutor("--content", str(MINI), "--data-dir", str(data_dir), *command, cwd=data_dir.parent)
    err = result.stderr.decode()
    assert result.returncode == 1 and err.count("\n") == 1, err
    assert err.startswith(f"ce-tutor: cannot read the progress in {data_dir / 'progress.db'}: no such table")
