"""Interactives that look interactive (issue 15): an explorer or a lab says how to use it, its title
and key line are legible without focus (and with NO_COLOR, where the marker stays a visible glyph),
and at 80×24 an explorer keeps its readout and its marker on screen together while it moves."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.color import Color
from textual.widgets import Button

from tutor.content.kinds import LabSection
from tutor.explorers import KClassExplorer, ProbabilityExplorer, SoftmaxExplorer
from tutor.plots import draw
from tutor.ui.widgets.explorer import ExplorerWidget, ProbabilityExplorerWidget, SoftmaxExplorerWidget
from tutor.ui.widgets.kclass import KClassExplorerWidget
from tutor.ui.widgets.lab import LabWidget

EXPLORERS = {
    ProbabilityExplorerWidget: "Tab to move ŷ",
    SoftmaxExplorerWidget: "Tab to change the logits",
    KClassExplorerWidget: "Tab to move the logits",
}
#: WCAG's contrast for normal text (AA).
LEGIBLE = 4.5


class Host(App):
    def __init__(self, widget) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield Button("before")  # takes the focus first: the interactive starts unfocused
        yield self.widget


def luminance(color: Color) -> float:
    """WCAG relative luminance."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def label_contrasts(widget) -> tuple[float, float]:
    """Contrast of the border title and of the key line against what is behind them."""
    _, background = widget.background_colors
    title = background + widget.styles.border_title_color
    keys = background + widget.styles.border_subtitle_color
    return contrast(title, background), contrast(keys, background)


@pytest.mark.parametrize(("make", "hint"), EXPLORERS.items(), ids=lambda v: getattr(v, "__name__", v))
async def test_an_explorer_says_how_to_use_it_until_it_has_focus(make, hint):
    w = make()
    async with Host(w).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not w.has_focus
        assert w.border_title.endswith(hint)  # the real key: Tab moves focus into it
        assert "←/→" in w.border_subtitle  # and its keys, in the bottom border
        await pilot.press("tab")
        await pilot.pause()
        assert w.has_focus and w.border_title.endswith("Tab moves on")
        await pilot.press("tab")
        await pilot.pause()
        assert not w.has_focus and w.border_title.endswith(hint)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize(
    "make",
    [*EXPLORERS, lambda: LabWidget(LabSection(n=40, epochs=10))],
    ids=[*(m.__name__ for m in EXPLORERS), "LabWidget"],
)
async def test_title_and_key_line_are_legible_without_focus(make, theme):
    w = make()
    app = Host(w)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        await pilot.pause()
        assert not w.has_focus
        title, keys = label_contrasts(w)
        assert title >= LEGIBLE and keys >= LEGIBLE, (title, keys)
        for style in (w.styles.border_title_style, w.styles.border_subtitle_style):
            assert not style.dim  # not muted: the same text whether or not it has focus


async def test_with_no_color_the_marker_is_a_reversed_glyph(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    w = ProbabilityExplorerWidget()
    app = Host(w)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.no_color
        rows = w.plot._plot_rows()
        marked = [span for row in rows for span in row.spans if row.plain[span.start : span.end] == "@"]
        assert len(marked) == 2  # on the curve, and in the legend
        assert all(str(span.style) == draw.POINT_STYLE_NO_COLOR for span in marked)
        assert "reverse" in draw.POINT_STYLE_NO_COLOR and "color" not in draw.POINT_STYLE_NO_COLOR


# ----- 80×24, in a lesson ---------------------------------------------------------------------

#: (lesson, explorer, the keys pressed in turn): each key one that explorer answers.
MOVES = [
    ("cross-entropy", ProbabilityExplorerWidget, ["right", "right", "shift+right", "y", "end", "home"]),
    ("sigmoid-vs-softmax", SoftmaxExplorerWidget, ["right", "shift+right", "x", "shift+left", "y"]),
    ("many-classes", KClassExplorerWidget, ["right", "down", "shift+right", "plus", "plus", "y", "0"]),
]


def marker_row(explorer: ExplorerWidget) -> int:
    """The screen row of the marker (@) on the explorer's plot (the legend's @ is below it)."""
    plot = explorer.plot
    lines = plot.render().plain.split("\n")
    return plot.content_region.y + next(i for i, line in enumerate(lines) if "@" in line)


@pytest.mark.parametrize(("lesson", "kind", "keys"), MOVES, ids=[m[0] for m in MOVES])
async def test_at_80x24_the_readout_and_the_marker_stay_on_screen_together(bundled_course, ui, lesson, kind, keys):
    app = ui.make_app(bundled_course, lesson=lesson)
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.lesson_ready(pilot)  # every section mounted and laid out
        explorer = app.screen.query(kind).first()
        for _ in range(12):  # Tab, as a learner would, until the explorer has the focus (it scrolls to it)
            if app.focused is explorer:
                break
            await pilot.press("tab")
            await pilot.pause()
        assert app.focused is explorer
        # The lesson's scrolling body: what is inside its region is what the learner sees.
        body = next(a for a in explorer.ancestors if getattr(a, "allow_vertical_scroll", False)).region
        assert explorer.has_class("-narrow")
        for key in [None, *keys]:
            if key:
                await pilot.press(key)
                await pilot.pause()
            readout = explorer.query_one(".readout").region
            assert body.y <= readout.y and readout.bottom <= body.bottom, (key, readout, body)
            assert body.y <= marker_row(explorer) < body.bottom, (key, marker_row(explorer), body)


PLOT_LESSONS = ["why-not-mse", "cross-entropy", "entropy-and-kl", "in-code", "imbalance-and-multilabel"]


@pytest.mark.parametrize("lesson", PLOT_LESSONS)
async def test_at_80x24_every_plot_fits_one_screen_with_its_caption(bundled_course, ui, lesson):
    from tutor.ui.widgets.plot import FigurePlot

    app = ui.make_app(bundled_course, lesson=lesson)
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.lesson_ready(pilot)
        plots = [p for p in app.screen.query(FigurePlot) if not p.has_class("-embedded")]
        assert plots
        for plot in plots:
            box = plot.parent  # the section: its rule, the plot, its caption
            body = next(a for a in box.ancestors if getattr(a, "allow_vertical_scroll", False))
            body.scroll_to_widget(box, top=True, animate=False)
            await pilot.pause()
            captions = list(box.query(".caption"))
            shown = [plot.region, *(c.region for c in captions)]
            bottom = max(region.bottom for region in shown)
            assert body.region.y <= box.region.y and bottom <= body.region.bottom, (plot.figure.title, shown)


@pytest.mark.parametrize(
    ("make", "states"),
    [
        (ProbabilityExplorerWidget, [ProbabilityExplorer(k, y) for k in (1, 30, 50, 99) for y in (0, 1)]),
        (
            SoftmaxExplorerWidget,
            [SoftmaxExplorer(a, b, s, lab) for a in (-50, 50) for b in (-50, 3) for s in (1, 2) for lab in (1, 2)],
        ),
        (
            KClassExplorerWidget,
            [KClassExplorer((-50, 50, 0, -1, 7), 4, 2), KClassExplorer((0, 0, 0)), KClassExplorer((50, 50, -50), 1, 0)],
        ),
    ],
    ids=["probability", "softmax", "k-class"],
)
async def test_compact_readout_lines_fit_a_60_column_terminal(make, states):
    """At 60 columns an explorer's content is 48 cells wide: no compact line may wrap."""
    from rich.cells import cell_len

    for state in states:
        w = make(state)
        async with Host(w).run_test(size=(60, 20)) as pilot:
            await pilot.pause()
            assert w.narrow and w.query_one(".readout").content_size.width >= 48
            for line in w._numbers(compact=True).plain.split("\n"):
                assert cell_len(line) <= 48, line
