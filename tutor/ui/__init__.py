"""The Textual user interface: an app, its screens, widgets and one stylesheet (``tutor.tcss``).

Nothing below the UI imports this package. Start-up stays light: the home screen needs only the
course index, so lesson and quiz screens (and numpy, plotext behind them) load on first use.
"""
