"""FigurePlot: draws every named figure, `d` swaps in a table of the plotted values, resizes."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from textual.app import App, ComposeResult

from tutor import core
from tutor.plots.figures import FIGURES, figure, table
from tutor.ui.widgets.plot import FigurePlot

SIZE = (120, 40)


class Host(App):
    def __init__(self, plot: FigurePlot) -> None:
        super().__init__()
        self.plot = plot
        self.toggles: list[bool] = []

    def compose(self) -> ComposeResult:
        yield self.plot

    def on_mount(self) -> None:
        self.plot.focus()

    def on_figure_plot_table_toggled(self, message: FigurePlot.TableToggled) -> None:
        self.toggles.append(message.shown)


def plain(renderable, width: int = 118) -> str:
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


@pytest.mark.parametrize("name", FIGURES)
async def test_each_figure_draws_with_title_axes_and_legend(name):
    plot = FigurePlot(name)
    async with Host(plot).run_test(size=SIZE) as pilot:
        await pilot.pause()
        fig = figure(name)
        text = plot.render().plain
        assert str(plot.border_title) == fig.title  # in the top border, a row plotext would take
        assert fig.title not in text and fig.xlabel in text
        for s in fig.series:
            assert s.label in text  # the legend, under the plot
        lines = text.split("\n")
        assert len(lines) == plot.size.height
        assert max(len(line) for line in lines) <= plot.size.width


async def test_d_shows_the_plotted_values_and_d_again_hides_them():
    plot = FigurePlot("ce-loss")
    app = Host(plot)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.focused is plot
        drawn_height = plot.size.height
        await pilot.press("d")
        await pilot.pause()
        assert plot.show_table and plot.has_class("-table")
        text = plain(plot.render())
        # Values computed independently with the core, formatted to 4 decimals.
        for p in (0.1, 0.5, 0.9):
            assert f"{core.bce(p, 1):.4f}" in text
            assert f"{core.bce(p, 0):.4f}" in text
        assert figure("ce-loss").description.split(".")[0] in text
        assert "Press d" in text
        await pilot.press("d")
        await pilot.pause()
        assert not plot.show_table and plot.size.height == drawn_height
        assert app.toggles == [True, False]


async def test_table_tells_the_truth_beyond_the_clipped_axis():
    plot = FigurePlot("grad-p")
    async with Host(plot).run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert "−200.0000" in plain(plot.render())  # −1/0.005, below the axis cut at −10


async def test_table_shows_whole_numbers_without_decimals():
    from tutor import lab
    from tutor.plots.figures import lab_figures

    x, y = lab.make_dataset(n=40, seed=1)
    figs = lab_figures(lab.train_logistic(x, y, "bce", epochs=20), lab.train_logistic(x, y, "mse", epochs=20))
    plot = FigurePlot(figs.hist_bce)
    async with Host(plot).run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        text = plain(plot.render())
        counts = [int(r[1]) for r in table(figs.hist_bce, 40)]
        assert str(max(counts)) in text and f"{max(counts)}.0000" not in text


@pytest.mark.parametrize("size", [(60, 20), (40, 12), (20, 6)])
async def test_resizing_redraws_to_fit(size):
    plot = FigurePlot("grad-z")
    async with Host(plot).run_test(size=SIZE) as pilot:
        await pilot.pause()
        big = plot.render().plain
        await pilot.resize_terminal(*size)
        await pilot.pause()
        small = plot.render()
        text = plain(small, width=max(plot.size.width, 1))
        assert text != big
        for line in text.rstrip("\n").split("\n"):
            assert len(line.rstrip()) <= max(plot.size.width, 1)
        await pilot.press("d")
        await pilot.pause()
        plain(plot.render(), width=max(plot.size.width, 1))
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()


async def test_follows_the_app_theme():
    plot = FigurePlot("sigmoid")
    app = Host(plot)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dark_bg = plot.styles.background
        app.theme = "textual-light"
        await pilot.pause()
        assert plot.styles.background != dark_bg  # $surface of the new theme
        plot.render()
        plot.theme = "auto"  # textual-plotext's own theming still works
        await pilot.pause()
        assert "σ(z)" in plot.render().plain


async def test_a_plot_and_its_caption_fit_one_screen_at_80x24():
    """58% of the terminal's height at most: 13 rows at 80×24, which leaves room in the lesson for the
    section's rule above and a caption of three lines below."""
    plot = FigurePlot("ce-loss")
    async with Host(plot).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert plot.outer_size.height == 13
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert plot.outer_size.height == 22  # its full height where there is room


async def test_set_figure_replaces_the_drawing():
    plot = FigurePlot("sigmoid")
    async with Host(plot).run_test(size=SIZE) as pilot:
        await pilot.pause()
        plot.set_figure(figure("ce-vs-mse"))
        await pilot.pause()
        assert str(plot.border_title) == figure("ce-vs-mse").title
        assert figure("ce-vs-mse").series[1].label in plot.render().plain
