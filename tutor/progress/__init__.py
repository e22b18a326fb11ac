"""The learner's progress: where they are, every answer, best scores, and what is due for review.

Pure (no Textual) and light to import: the course map reads it at start-up, so ``fsrs`` and
``platformdirs`` load only when needed, and the CLI's plotext only when a chart is drawn.

    store = open_store()             # or open_store(args.data_dir); never raises
    if store.status.message:         # one line for the learner: moved aside / not saving
        notify(store.status.message)
    store.record_answer("bce", "q1", given="0.69", correct=True)
"""

from tutor.progress.store import (
    Day,
    LessonState,
    LessonStats,
    Stats,
    Store,
    StoreStatus,
    open_memory_store,
    open_store,
    resolve_data_dir,
)

__all__ = [
    "Day",
    "LessonState",
    "LessonStats",
    "Stats",
    "Store",
    "StoreStatus",
    "open_memory_store",
    "open_store",
    "resolve_data_dir",
]
