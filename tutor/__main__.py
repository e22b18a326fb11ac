"""``python -m tutor`` is ``ce-tutor``."""

import sys

from tutor.cli import main

sys.exit(main())
