"""The checks of each exercise, one module per exercise named like it, each defining ``SPEC``.

Imported only inside the check process: they need numpy and call the learner's code.
"""

from __future__ import annotations

import importlib

from tutor.exercises.catalog import exercise
from tutor.exercises.judge import Spec


def spec(name: str) -> Spec:
    """The checks of the exercise ``name`` (one of the catalog's; KeyError otherwise)."""
    exercise(name)
    found: Spec = importlib.import_module(f"tutor.exercises.checks.{name}").SPEC
    return found
