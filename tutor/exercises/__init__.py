"""The exercise track: write cross-entropy and its friends in Python, checked against the core.

Pure (no Textual). Import the module you need; this package holds only ``DEFAULT_DIR``, so the
command line and the course map stay quick to start:

* ``catalog``: the exercises in order, their hints and the tolerance (no numpy);
* ``workspace``: create the learner's folder, reset a file with a backup, file signatures;
* ``runner``: ``run_check(folder, name) -> Result``, in a separate, limited process;
* ``result``: the ``Result`` of a check, text made safe to show;
* ``commands``: ``ce-tutor exercises [init|check]``;
* ``child``, ``judge``, ``checks/``: run inside the check process only (they load numpy and call
  the learner's code); ``starters/``: the starting files, package data.

    init_workspace(Path("ex"))                   # writes the starting files, never overwrites
    result = run_check(Path("ex"), "bce")         # status, headline, details, output
"""

from pathlib import Path

#: Where ``ce-tutor exercises`` looks, and ``init`` writes, when no folder is named.
DEFAULT_DIR = Path("ce-tutor-exercises")
