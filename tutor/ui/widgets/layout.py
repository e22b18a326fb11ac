"""Waiting for Textual's layout: the frame in which a widget has been given its place.

Textual lays widgets out at the next refresh of their screen, a frame or two after they are
mounted or shown; a callback after "the next refresh" can run before the layout that includes
them (the refresh may come before the message asking for that layout is handled). What is laid
out has a region; that, not a count of frames, says when the layout includes it.
"""

from __future__ import annotations

from textual.widget import Widget


async def laid_out(widget: Widget) -> bool:
    """Wait, a refresh at a time, until ``widget`` has been laid out (it has a region); False
    if it is removed, or its screen stops being the one shown first (a screen under another is
    not laid out). Call it from a task other than ``widget``'s own (a worker, another widget's
    handler)."""
    while not widget.region.height:
        if not widget.is_attached or not widget.screen.is_active:
            return False
        await widget.wait_for_refresh()
    return True
