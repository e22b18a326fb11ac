"""Widgets for lesson sections: plots, explorers, the training lab.

Import the submodules directly (``tutor.ui.widgets.plot`` …): they load numpy and plotext,
so screens import them lazily and the home screen never does.
"""
