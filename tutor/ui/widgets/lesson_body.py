"""``LessonBody``: a lesson's sections in a scrolling column, mounted as they are needed.

Opening a lesson composes only the sections up to the one to show (the first, or the saved
one); the rest are mounted after the first frame, a few per frame, so the lesson shows at once
and keys are answered while it fills in. Everything is decided from the layout Textual has made,
never from guessed heights: a jump (``go_to``) to a section not mounted yet mounts up to it, then
one more section after each frame until the layout lets the section's top reach the top of the
view (or the lesson is all there), and only then scrolls. The module a section's widget lives in
is imported ahead in a thread if it is not loaded yet (numpy and plotext take a tenth of a
second each), so the first lesson of a session does not hold the keys up either. The filling stops
while another screen is on top and goes on when this one is back.

The body posts :class:`LessonBody.SectionChanged` whenever the current section changes (by a
jump, or scrolling by hand) and :class:`LessonBody.Ready` once every section is mounted and laid
out, with the end of the lesson below them (hidden until then), and every section widget that
goes on working after it mounts (a :class:`Settling` one, such as the lab, which trains in a
thread) has said it is done. Tests wait for ``Ready``.

Keys: Tab moves to the next interactive widget (a plot, an explorer, a lab, the buttons at the
end) that is on screen or below it, never back up the lesson; Shift+Tab to the previous one on
screen or above. A focused widget that scrolls out of view gives the focus back to the body, so
its keys never act on something the learner cannot see.
"""

from __future__ import annotations

import asyncio
import importlib
import sys
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from tutor.ui.kinds import section_widget, widget_module
from tutor.ui.text import plain
from tutor.ui.widgets.layout import laid_out
from tutor.ui.widgets.sections import caption_of

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen
    from textual.worker import Worker

    from tutor.content.model import Lesson

#: Sections mounted per frame while a lesson fills in. Each costs a few milliseconds to build and
#: style (a plot, an explorer or a lab more); a frame's work stays short enough that a key
#: pressed meanwhile is answered within about a frame.
PER_FRAME = 3


@runtime_checkable
class Settling(Protocol):
    """A section widget that changes after it mounts (it computes in the background); the
    lesson is Ready once ``settled()`` has returned, which it does once what it shows in the
    end is laid out (see ``layout.laid_out``)."""

    async def settled(self) -> None: ...


class LessonBody(VerticalScroll):
    """The lesson's introduction, its sections (``#section-N``, N from 1) and its end, in order."""

    BINDINGS = [
        Binding("tab", "next_interactive", "Next interactive", show=False),
        Binding("shift+tab", "previous_interactive", "Previous interactive", show=False),
    ]

    class SectionChanged(Message):
        """The current section is now ``index`` (0-based)."""

        def __init__(self, body: LessonBody, index: int) -> None:
            super().__init__()
            self.body = body
            self.index = index

        @property
        def control(self) -> LessonBody:
            return self.body

    class Ready(Message):
        """Every section is mounted, laid out and settled."""

        def __init__(self, body: LessonBody) -> None:
            super().__init__()
            self.body = body

        @property
        def control(self) -> LessonBody:
            return self.body

    def __init__(self, lesson: Lesson, start: int, intro: Widget, end: Widget, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lesson = lesson
        self.count = len(lesson.sections)
        #: The current section (0-based): where a jump went, or where scrolling by hand got to.
        self.index = max(0, min(start, self.count - 1))
        self._intro, self._end = intro, end
        self._boxes: list[Vertical] = []
        #: The section a jump is waiting to scroll to, once the layout allows.
        self._jump: int | None = self.index or None
        #: (scroll_y, index) where the last jump landed: scrolling there keeps that section current.
        self._landed: tuple[float, int] | None = None
        self._filler: Worker[None] | None = None
        #: Modules being imported ahead (``_import_ahead``), each with an event set once it is.
        self._imports: dict[str, asyncio.Event] = {}
        #: Set once every section is mounted and laid out (when :class:`Ready` is posted).
        self.ready = asyncio.Event()

    @property
    def mounted(self) -> int:
        """How many sections (from the first) are mounted."""
        return len(self._boxes)

    def compose(self) -> ComposeResult:
        yield self._intro
        yield from self._new_boxes(self.index + 1)
        self._end.display = False
        yield self._end

    def on_mount(self) -> None:
        self.watch(self, "scroll_y", self._scrolled, init=False)
        self.app.screen_change_signal.subscribe(self, self._screen_changed)
        # after the first frame, which shows what was composed as soon as it can
        self.call_after_refresh(self._import_ahead)
        self.call_after_refresh(self._fill)

    # ----- mounting ---------------------------------------------------------------------------

    def _new_boxes(self, count: int) -> list[Vertical]:
        """Boxes for the next ``count`` sections not mounted yet (at most all the rest)."""
        boxes = []
        for index in range(self.mounted, min(self.mounted + count, self.count)):
            section = self.lesson.sections[index]
            children = [section_widget(section)]
            if caption := caption_of(section):
                children.append(Static(plain(caption), classes="caption"))
            box = Vertical(*children, classes=f"section section-{section.kind}", id=f"section-{index + 1}")
            box.border_title = f"{index + 1} of {self.count}"
            boxes.append(box)
        self._boxes.extend(boxes)
        return boxes

    def _fill(self) -> None:
        """Go on filling in (unless it is going on already, or done)."""
        if self.ready.is_set() or (self._filler is not None and not self._filler.is_finished):
            return
        self._filler = self.run_worker(self._fill_in(), name="lesson fill", group="lesson-fill")

    async def _fill_in(self) -> None:
        """Mount the remaining sections a few per frame (up to a pending jump's section at once;
        those whose modules are still being imported once they are), land the jump once the
        layout allows, and post Ready at the end. Returns early while another screen is on top
        (``_screen_changed`` starts it again)."""
        while self.mounted < self.count:
            if not self._on_top():
                return
            wanted = PER_FRAME
            if self._jump is not None and self._jump >= self.mounted:
                wanted = self._jump + 1 - self.mounted
            # those whose modules are imported; if none is, wait for the next one's
            last = min(self.mounted + wanted, self.count)
            wanted = next((i for i in range(self.mounted, last) if not self._imported(i)), last) - self.mounted
            if not wanted:
                await self._import_for(self.mounted)
                wanted = 1
            boxes = self._new_boxes(wanted)
            await self.mount_all(boxes, before=self._end)
            if self._jump is None:
                await self.wait_for_refresh()  # a frame is drawn (and keys answered) between batches
            elif await laid_out(boxes[-1]):
                self._land()
            else:
                return
        if not self._on_top():
            return
        self._end.display = True
        for box in self._boxes:
            for widget in box.children:
                if isinstance(widget, Settling):
                    await widget.settled()
        if not await laid_out(self._end):
            return
        self.ready.set()
        self._land()  # everything is laid out: a jump lands now, as far down as the lesson goes
        self.post_message(self.Ready(self))

    def _import_ahead(self) -> None:
        """Start importing, one after the other in a thread, the modules that the widgets of the
        sections not mounted yet live in and that are not loaded yet."""
        names = dict.fromkeys(widget_module(section) for section in self.lesson.sections[self.mounted :])
        self._imports = {name: asyncio.Event() for name in names if name not in sys.modules}
        if self._imports:
            self.run_worker(self._import_all(), name="lesson imports", group="lesson-imports")

    async def _import_all(self) -> None:
        for name, imported in self._imports.items():
            await asyncio.to_thread(importlib.import_module, name)
            imported.set()

    def _imported(self, index: int) -> bool:
        """The module section ``index``'s widget lives in is imported."""
        imported = self._imports.get(widget_module(self.lesson.sections[index]))
        return imported is None or imported.is_set()

    async def _import_for(self, index: int) -> None:
        """Wait until the module section ``index``'s widget lives in is imported."""
        imported = self._imports.get(widget_module(self.lesson.sections[index]))
        if imported is not None:
            await imported.wait()

    def _on_top(self) -> bool:
        """The lesson is on screen (not under another screen, nor being closed)."""
        return self.is_attached and self.screen.is_active

    def _screen_changed(self, screen: Screen) -> None:
        if screen is self.screen:
            self._fill()

    # ----- sections -----------------------------------------------------------------------------

    def go_to(self, index: int) -> None:
        """Make section ``index`` (0-based) current and scroll its top to the top of the view (or
        as near as the end of the lesson allows): at once if it is laid out, else once it is."""
        if not self.count:
            return
        self._set_index(max(0, min(index, self.count - 1)))
        self._jump = self.index
        if not self._land():
            self._fill()

    def _land(self) -> bool:
        """Scroll to the pending jump's section if the layout allows it now; True when done.
        (A screen under another is not laid out: its layout is not to be trusted until it is back.)"""
        if self._jump is None:
            return True
        if not self._on_top():
            return False
        if self._jump:
            if self._jump >= self.mounted:
                return False
            region = self._boxes[self._jump].virtual_region_with_margin
            if not self.ready.is_set() and (not region.height or region.y > self.max_scroll_y):
                return False  # not laid out yet, or not enough below it yet to scroll it up
            y = min(region.y, self.max_scroll_y)
        else:
            y = 0
        self._landed = (y, self._jump)
        self._jump = None
        self.scroll_to(y=y, animate=False, immediate=True)
        return True

    def _scrolled(self, scroll_y: float) -> None:
        """Scrolling moves the current section (to the one at the top third of the view; the
        first at the very top, the last one in view at the very bottom), and takes the focus
        from a widget it hides."""
        self._release_hidden_focus()
        if self._jump is not None or not self.count:
            return  # a jump is on its way: the current section is the one it goes to
        if self._landed is not None and self._landed[0] == scroll_y:
            self._set_index(self._landed[1])
            return
        self._landed = None
        height = self.scrollable_content_region.height
        at_end = scroll_y >= self.max_scroll_y > 0
        line = scroll_y + (height - 1 if at_end else height / 3)
        index = 0
        if scroll_y > 0:
            for number, box in enumerate(self._boxes):
                region = box.virtual_region
                if not region.height or region.y > line:  # below, or mounted but not laid out yet
                    break
                index = number
        self._set_index(index)

    def _set_index(self, index: int) -> None:
        if index != self.index:
            self.index = index
            self.post_message(self.SectionChanged(self, index))

    # ----- focus --------------------------------------------------------------------------------

    def _interactives(self) -> list[Widget]:
        """The widgets in the lesson that take the focus, in order."""
        return [widget for widget in self.screen.focus_chain if widget is not self and self in widget.ancestors]

    def _span(self, widget: Widget) -> tuple[int, int]:
        """The rows ``widget`` covers in the lesson's scrolling content (top, bottom)."""
        child = next(node for node in widget.ancestors_with_self if node.parent is self)
        assert isinstance(child, Widget)
        top = child.virtual_region.y + widget.region.y - child.region.y
        return top, top + widget.outer_size.height

    def _view(self) -> tuple[float, float]:
        return self.scroll_y, self.scroll_y + self.scrollable_content_region.height

    def action_next_interactive(self) -> None:
        """The next interactive below the focused one; from the text, the first on screen or below."""
        chain = self._interactives()
        focused = self.screen.focused
        if focused in chain:
            following = chain[chain.index(focused) + 1 :]
        else:
            top = self._view()[0]
            following = [widget for widget in chain if self._span(widget)[1] > top]
        self._focus(following[0] if following else None)

    def action_previous_interactive(self) -> None:
        """The previous interactive above the focused one; from the text, the last on screen or above."""
        chain = self._interactives()
        focused = self.screen.focused
        if focused in chain:
            preceding = chain[: chain.index(focused)]
        else:
            bottom = self._view()[1]
            preceding = [widget for widget in chain if self._span(widget)[0] < bottom]
        self._focus(preceding[-1] if preceding else None)

    def _focus(self, widget: Widget | None) -> None:
        """Focus ``widget`` and scroll its top into view if it is not all in view (None: the
        lesson's text, without scrolling)."""
        if widget is None:
            self.screen.set_focus(self, scroll_visible=False)
            return
        self.screen.set_focus(widget, scroll_visible=False)
        top, bottom = self._span(widget)
        view_top, view_bottom = self._view()
        if top < view_top or bottom > view_bottom:
            self.scroll_to(y=top, animate=False, immediate=True)

    def _release_hidden_focus(self) -> None:
        focused = self.screen.focused
        if focused is None or focused is self or self not in focused.ancestors:
            return
        top, bottom = self._span(focused)
        view_top, view_bottom = self._view()
        if bottom <= view_top or top >= view_bottom:
            self.screen.set_focus(self, scroll_visible=False)
