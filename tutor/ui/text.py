"""Untrusted text for the screen: course strings, paths, store messages and typed answers.

Such text is never markup. Most Textual APIs parse a plain ``str`` as markup (``Static`` and
``Label`` by default, option prompts, ``DataTable`` cells, border titles, command-palette hits
and help, ``notify`` by default), and so does a Rich ``Table`` cell: ``[b]`` or ``p[y]`` would
vanish, ``[/x]`` would raise MarkupError, ``[@click=app.quit]x[/]`` would run an action when
clicked. ``textual.markup.escape`` is no cure: it leaves ``[$accent]``, ``[B]`` and ``[ b]`` to be
parsed. The functions here build ``Content`` / Rich ``Text`` objects, which nothing parses.

Every string also passes :func:`tutor.safe_text.printable`: ``Content`` and ``Text`` strip only
BEL, BS, VT, FF and CR, so ESC (escape sequences) and C1 controls would reach the terminal. The
loader refuses such characters in a course; this is the second line of defence, and the only
one for paths, store messages and what the learner typed.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from tutor.safe_text import printable


def plain(text: str) -> Content:
    """``text`` as Textual content, shown exactly as written (no markup), controls escaped."""
    return Content(printable(text))


def plain_rich(text: str, style: str = "") -> Text:
    """``text`` as Rich text, for Rich tables and ``DataTable`` cells (which parse ``str`` as markup)."""
    return Text(printable(text), style=style, end="")


def line(text: str) -> str:
    """A screen title or subtitle: the Header draws it as plain text, on one line."""
    return printable(text, one_line=True)
