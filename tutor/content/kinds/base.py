"""What every section kind and question kind is: the contract the registry (``__init__.py``) holds.

A kind is one module in this package. Its model class is a frozen msgspec Struct tagged with the
kind's name (the ``kind:`` a course file writes); the class reads and validates itself from YAML
(``read``), names the checks ``ce-tutor check`` runs on it (``check``), and names the widget that
shows it (``WIDGET``, ``"module:callable"`` in ``tutor.ui``, imported only by the UI). Question
kinds also say how they are asked (``ask``): an :class:`Asked` fixes the question's randomness
and grades answers to it. Nothing here imports Textual or numpy.
"""

from __future__ import annotations

import random
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, ClassVar

import msgspec

if TYPE_CHECKING:
    from typing_extensions import Self

    from tutor.content.errors import Location
    from tutor.content.fields import Fields


class SectionBase(msgspec.Struct, frozen=True, kw_only=True, tag_field="kind"):
    """One part of a lesson, shown by one widget."""

    #: ``"module:callable"``: the UI calls it with the section and mounts what it returns.
    WIDGET: ClassVar[str]

    @property
    def kind(self) -> str:
        """The kind's name, as course files write it."""
        return str(type(self).__struct_config__.tag)

    @classmethod
    def read(cls, f: Fields) -> Self | None:
        """The section described by ``f``'s mapping, or None after reporting its problems to ``f``."""
        raise NotImplementedError

    def check(self, where: Location) -> list[str]:
        """Problems with the numbers this section shows (the core computes them); [] when all hold."""
        return []

    def widget(self) -> str:
        """The widget for this section (a kind may choose one per section, as explorers do)."""
        return self.WIDGET

    def lesson_caption(self) -> str:
        """Text the lesson shows under the widget ("" when the widget shows its own)."""
        return ""


class Verdict(msgspec.Struct, frozen=True):
    """The outcome of one answer, ready to show: plain strings, so the UI needs no kind to render it."""

    correct: bool
    given: str
    expected: str
    explanation: str
    slip: str = ""
    skipped: bool = False


class QuestionBase(msgspec.Struct, frozen=True, kw_only=True, tag_field="kind"):
    """One quiz question as the course file describes it."""

    id: str
    prompt: str
    hint: str = ""
    #: The line of the course file the question starts on (None when built in code), for ``ce-tutor check``.
    line: int | None = None

    #: Generated templates: practice sets draw from these (``tutor.quiz.practice``).
    PRACTICE: ClassVar[bool] = False

    @property
    def kind(self) -> str:
        return str(type(self).__struct_config__.tag)

    @classmethod
    def read(cls, f: Fields) -> Self | None:
        """The question described by ``f``'s mapping, or None after reporting its problems to ``f``."""
        raise NotImplementedError

    def check(self, where: Location) -> list[str]:
        """Problems with this question's numbers (answers, slips, draws); [] when all hold."""
        return []

    def ask(self, rng: random.Random) -> Asked:
        """The question as put to the learner, its randomness (order, drawn numbers) fixed from ``rng``."""
        raise NotImplementedError


class Asked(ABC):
    """One question as put to the learner: what the answer widget shows, and the grader.

    ``WIDGET`` names the answer widget (``"module:callable"`` in ``tutor.ui``); it is called with
    this object and posts the learner's answer, which :meth:`grade` takes as it was given.
    """

    WIDGET: ClassVar[str]

    #: What the answer must be given to, stated before answering ("to 2 decimals"); "" when nothing.
    precision = ""

    def __init__(self, question: QuestionBase, prompt: str, hint: str) -> None:
        #: The question as written in the course (the record of answers and reviews keys on its id).
        self.question = question
        self.prompt = prompt
        self.hint = hint

    @abstractmethod
    def grade(self, answer: object) -> Verdict:
        """Grade the answer as the widget posted it; raise ValueError (with a message for the
        learner) to refuse an answer that cannot be read, which then counts as no answer."""

    @abstractmethod
    def reveal(self) -> Verdict:
        """The verdict for a skipped question: missed, with the right answer and why."""


class OptionsAsked(Asked):
    """A question answered by picking one of a few labelled options (one key each)."""

    WIDGET = "tutor.ui.widgets.answers:OptionsAnswer"

    def __init__(
        self, question: QuestionBase, prompt: str, hint: str, labels: tuple[str, ...], keys: tuple[str, ...], right: int
    ) -> None:
        super().__init__(question, prompt, hint)
        #: What each option says, in display order, and the key that picks it.
        self.labels = labels
        self.keys = keys
        #: The display index of the right option.
        self.right = right
