"""ce-tutor: a terminal tutor for cross-entropy loss.

Nothing heavy is imported here: start-up cost matters (see benchmarks/).
"""

__version__ = "0.1.0"
