"""The app says at once when progress stops being saved, when it works again, and when a card was reset.

Once, the only warning was on the results screen, and a damaged review card crashed the app
when its question was answered. The store now calls the app back; the app shows a notification.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tutor.content import load_course
from tutor.progress import open_store
from tutor.study import Progress
from tutor.ui.app import TutorApp

MINI = Path(__file__).resolve().parents[1] / "content" / "fixtures" / "mini"


async def test_saving_failures_and_recoveries_are_shown_when_they_happen(tmp_path: Path) -> None:
    course = load_course(MINI)
    with open_store(tmp_path) as store:
        app = TutorApp(course, progress=Progress(store, course), cursor_blink=False)
        app.watch_store(store)
        notices: list[tuple[str, dict[str, object]]] = []
        app.notify = lambda message, **options: notices.append((message, options))  # type: ignore[method-assign]
        disk = sqlite3.connect(tmp_path / "progress.db")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            disk.execute("CREATE TRIGGER full BEFORE INSERT ON answers BEGIN SELECT RAISE(ABORT, 'disk is full'); END")
            disk.commit()
            store.record_answer("basics", "tf", "true", True, False)
            assert len(notices) == 1 and notices[0][1]["severity"] == "error"
            assert notices[0][0].startswith("Progress is not being saved: disk is full")
            store.record_answer("basics", "num", "0.69", True, False)
            assert len(notices) == 1  # said once
            disk.execute("DROP TRIGGER full")
            disk.commit()
            app.progress.save_position("basics", 1)
            assert notices[-1][0] == "Progress is being saved again." and len(notices) == 2
            assert [a["question_id"] for a in store.export()["answers"]] == ["tf", "num"]
        disk.close()


async def test_a_damaged_review_card_is_reset_with_a_note_not_a_crash(tmp_path: Path) -> None:
    course = load_course(MINI)
    with open_store(tmp_path) as store:
        store.record_answer("basics", "tf", "false", False)
        store._db.execute("UPDATE reviews SET card = '{\"card_id\": 1}'")
        app = TutorApp(course, progress=Progress(store, course), cursor_blink=False)
        app.watch_store(store)
        notices: list[str] = []
        app.notify = lambda message, **_: notices.append(message)  # type: ignore[method-assign]
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            store.record_answer("basics", "tf", "true", True, False)
            await pilot.pause()
        assert notices == [
            "The review schedule of question 'tf' in lesson 'basics' was damaged; it was started afresh."
        ]
        assert store.status.kind == "ok" and store.export()["reviews"][0]["card"]["card_id"] > 1
