"""``ce-tutor stats`` / ``progress`` / ``review``, run through a parser built like the CLI's."""

from __future__ import annotations

import argparse
import io
import json
import sqlite3
from pathlib import Path

import pytest

from tutor.cli_progress import add_commands, run
from tutor.progress import open_store
from tutor.progress.schema import APPLICATION_ID


def _run(argv: list[str], course, data_dir: Path) -> int | None:
    parser = argparse.ArgumentParser(prog="ce-tutor")
    add_commands(parser.add_subparsers(dest="command"))
    return run(parser.parse_args(argv), course, data_dir)


@pytest.fixture
def home(tmp_path: Path, clock) -> Path:
    """A data dir with answers over two days, a finished quiz, and a review card for each of the
    five questions answered (due by now: the commands read the real clock, long after)."""
    with open_store(tmp_path, clock=clock) as store:
        store.record_answer("intro", "q1", "True", True)
        store.record_answer("intro", "q2", "False", False)
        clock.advance(days=1)
        for question in ("q1", "q2", "q3"):
            store.record_answer("bce", question, "True", True)
        store.record_score("bce", 3, 3)
    return tmp_path


def test_review_is_left_to_the_caller(course, tmp_path: Path) -> None:
    assert _run(["review"], course, tmp_path) is None


def test_stats_prints_a_table_reviews_due_and_a_chart(course, home: Path, capsys) -> None:
    assert _run(["stats"], course, home) == 0
    out = capsys.readouterr().out
    assert f"Progress in {home / 'progress.db'}" in out
    assert any(line.split()[:4] == ["intro", "2", "1", "50%"] for line in out.splitlines())
    assert any(line.split() == ["bce", "3", "3", "100%", "3/3"] for line in out.splitlines())
    assert "Questions due for review: 5" in out
    assert "accuracy per day" in out and "03-01" in out and "03-02" in out
    assert "\x1b[" not in out


def test_stats_json_is_for_scripts(course, home: Path, capsys) -> None:
    assert _run(["stats", "--json"], course, home) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["attempts"] == 5 and data["due"] == 5 and data["path"] == str(home / "progress.db")
    assert [day["date"] for day in data["days"]] == ["2025-03-01", "2025-03-02"]
    assert data["lessons"][1] == {
        "lesson_id": "bce",
        "title": "Bce",
        "attempts": 3,
        "correct": 3,
        "accuracy": 1.0,
        "best_score": 3,
        "best_total": 3,
    }


def test_stats_without_answers_has_no_chart(course, tmp_path: Path, capsys) -> None:
    assert _run(["stats"], course, tmp_path) == 0
    out = capsys.readouterr().out
    assert "Questions due for review: 0" in out and "accuracy per day" not in out


def test_progress_alone_shows_each_lessons_state(course, home: Path, capsys) -> None:
    assert _run(["progress"], course, home) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"Progress file: {home / 'progress.db'}"
    assert lines[2].split() == ["intro", "in", "progress", "-"] and lines[3].split() == ["bce", "done", "3/3"]


def test_export_writes_everything_as_json(course, home: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "export.json"
    assert _run(["progress", "--export", str(target)], course, home) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert len(data["answers"]) == 5 and data["scores"][0]["lesson_id"] == "bce"
    assert "Exported 5 answers" in capsys.readouterr().out


@pytest.mark.parametrize("where", ["a directory", "under a file"])
def test_an_unwritable_export_path_is_one_line_and_exit_1(course, home: Path, tmp_path: Path, capsys, where) -> None:
    (tmp_path / "file").write_text("x")
    target = tmp_path if where == "a directory" else tmp_path / "file" / "export.json"
    assert _run(["progress", "--export", str(target)], course, home) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"ce-tutor: cannot write {target}") and err.count("\n") == 1


def _answers(data_dir: Path) -> int:
    with open_store(data_dir) as store:
        return len(store.export()["answers"])


@pytest.mark.parametrize("reply", ["y\n", "yes\n", "Y\n"])
def test_reset_asks_and_deletes_on_yes(course, home: Path, capsys, monkeypatch, reply) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(reply))
    assert _run(["progress", "--reset"], course, home) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Delete all progress in {home / 'progress.db'}? [y/N] ")
    assert _answers(home) == 0


@pytest.mark.parametrize("reply", ["n\n", "\n", "", "maybe\n"])
def test_reset_keeps_everything_unless_the_answer_is_yes(course, home: Path, capsys, monkeypatch, reply) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(reply))  # "" is end of input
    assert _run(["progress", "--reset"], course, home) == 1
    assert capsys.readouterr().err == "ce-tutor: nothing deleted\n"
    assert _answers(home) == 5


def test_reset_without_stdin_is_a_no(course, home: Path, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", None)
    assert _run(["progress", "--reset"], course, home) == 1
    assert _answers(home) == 5


def test_reset_yes_does_not_ask(course, home: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert _run(["progress", "--reset", "--yes"], course, home) == 0
    assert "[y/N]" not in capsys.readouterr().out and _answers(home) == 0


def test_export_and_reset_are_exclusive(course, home: Path) -> None:
    with pytest.raises(SystemExit):
        _run(["progress", "--reset", "--export", "x.json"], course, home)


def test_a_store_that_cannot_save_is_reported_and_exits_1(course, tmp_path: Path, capsys) -> None:
    db = sqlite3.connect(tmp_path / "progress.db")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 99")
    db.execute("CREATE TABLE future (x)")
    db.commit()
    db.close()
    for argv in (["stats"], ["progress", "--reset", "--yes"], ["progress", "--export", str(tmp_path / "e.json")]):
        assert _run(argv, course, tmp_path) == 1
        err = capsys.readouterr().err
        assert err.startswith("ce-tutor: ") and "newer ce-tutor" in err and err.count("\n") == 1
    assert not (tmp_path / "e.json").exists()


def test_a_moved_aside_notice_is_printed_once_and_the_command_still_runs(course, tmp_path: Path, capsys) -> None:
    (tmp_path / "progress.db").write_text("notes " * 100)
    assert _run(["stats"], course, tmp_path) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unreadable-" in err
