"""Plot data for the course: pure figures (``figures``) and the plotext adapter (``draw``).

Importing this package imports nothing heavy; ``tutor.plots.figures`` needs numpy and the
core, ``tutor.plots.draw`` is the only module that knows the plotext API.
"""
