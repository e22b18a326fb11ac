"""The UI's one look-up of kinds: the widget a section or an asked question names, built for it.

Kinds name their widgets as ``"module:callable"`` (``tutor.content.kinds``); the module is
imported on first use, so the course map never loads numpy or plotext for a plot it does not show.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

from textual.widget import Widget

from tutor.content.kinds import Asked, SectionBase


@cache
def resolve(name: str) -> Any:
    """The object ``"package.module:Name.attribute"`` names."""
    module_name, _, attribute = name.partition(":")
    target: Any = importlib.import_module(module_name)
    for part in attribute.split("."):
        target = getattr(target, part)
    return target


def section_widget(section: SectionBase) -> Widget:
    """The widget that shows ``section``."""
    widget = resolve(section.widget())(section)
    assert isinstance(widget, Widget), f"{section.widget()} built {widget!r}, not a widget"
    return widget


def answer_widget(asked: Asked) -> Widget:
    """The widget the learner answers ``asked`` with."""
    widget = resolve(asked.WIDGET)(asked)
    assert isinstance(widget, Widget), f"{asked.WIDGET} built {widget!r}, not a widget"
    return widget


def widget_module(section: SectionBase) -> str:
    """The module ``section``'s widget lives in (the lesson imports slow ones ahead of time)."""
    return section.widget().partition(":")[0]
