"""The course as plain, frozen data: what the loader builds and every other layer reads.

A lesson is an ordered list of typed sections; its quiz is a list of typed questions.
Adding a kind means one class here, one reader in ``loader.py`` and one widget in the UI.
Prose fields may hold number markers (``{{ bce(0.01, 1) ≈ 4.6 }}``, see ``prose.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from tutor.content.expr import Expr


@dataclass(frozen=True)
class Location:
    """Where something was written: file, line (1-based, when known) and path in the document."""

    file: str
    line: int | None
    path: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where} {self.path}" if self.path else where


# ----- sections ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TextSection:
    """Markdown prose."""

    markdown: str
    kind: Literal["text"] = "text"


@dataclass(frozen=True)
class FormulaSection:
    """A formula in Unicode, its plain-ASCII reading, and what each symbol means."""

    unicode: str
    plain: str
    where: tuple[tuple[str, str], ...] = ()
    caption: str = ""
    kind: Literal["formula"] = "formula"


@dataclass(frozen=True)
class Column:
    """One column of a worked table: a header and the expression computing each cell."""

    header: str
    expr: Expr
    format: str = ".3f"
    """A Python float format, or ``autoN`` (see :func:`tutor.worked.format_auto`)."""


@dataclass(frozen=True)
class WorkedSection:
    """A table of worked values; every cell is computed by the core from the row's inputs."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[Mapping[str, float], ...]
    note: str = ""
    kind: Literal["worked"] = "worked"


@dataclass(frozen=True)
class PlotSection:
    """A named figure from ``tutor.plots`` (curves computed by the core)."""

    figure: str
    caption: str = ""
    kind: Literal["plot"] = "plot"


@dataclass(frozen=True)
class ExplorerSection:
    """An interactive explorer the learner drives with the keyboard."""

    explorer: Literal["probability", "softmax"]
    caption: str = ""
    kind: Literal["explorer"] = "explorer"


@dataclass(frozen=True)
class LabSection:
    """A small training run (``tutor.lab``): one neuron trained with BCE and with MSE."""

    caption: str = ""
    n: int = 200
    seed: int = 0
    separation: float = 2.0
    label_noise: float = 0.0
    epochs: int = 300
    lr: float = 0.5
    w0: float = 0.0
    b0: float = 0.0
    kind: Literal["lab"] = "lab"


Section = TextSection | FormulaSection | WorkedSection | PlotSection | ExplorerSection | LabSection

# ----- questions --------------------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    explain: str


@dataclass(frozen=True)
class Tolerance:
    """How close a typed number must be: ``abs`` (|x − a| ≤ abs) or ``rel`` (|x − a| ≤ rel·|a|)."""

    abs: float | None = None
    rel: float | None = None

    def accepts(self, given: float, answer: float) -> bool:
        diff = abs(given - answer)
        if self.abs is not None and diff <= self.abs * (1 + 1e-12):
            return True
        return self.rel is not None and diff <= self.rel * abs(answer) * (1 + 1e-12)

    def describe(self) -> str:
        parts = []
        if self.abs is not None:
            parts.append(f"±{self.abs:g}")
        if self.rel is not None:
            parts.append(f"±{self.rel * 100:g}%")
        return " or ".join(parts)


@dataclass(frozen=True)
class Slip:
    """A known wrong answer (e.g. log base 10 instead of ln) and the message that names it."""

    answer: Expr
    message: str


@dataclass(frozen=True)
class ChoiceQuestion:
    id: str
    prompt: str
    options: tuple[Option, ...]
    hint: str = ""
    shuffle: bool = True
    kind: Literal["choice"] = "choice"

    @property
    def correct_index(self) -> int:
        return next(i for i, option in enumerate(self.options) if option.correct)


@dataclass(frozen=True)
class TrueFalseQuestion:
    id: str
    prompt: str
    answer: bool
    explain: str
    hint: str = ""
    kind: Literal["truefalse"] = "truefalse"


@dataclass(frozen=True)
class NumericQuestion:
    """A typed number; the answer is an expression the core computes, never a typed constant."""

    id: str
    prompt: str
    answer: Expr
    tolerance: Tolerance
    explain: str
    hint: str = ""
    slips: tuple[Slip, ...] = ()
    kind: Literal["numeric"] = "numeric"


@dataclass(frozen=True)
class Draw:
    """How a generated question draws one variable: uniform in [low, high] rounded, or a choice."""

    name: str
    low: float = 0.0
    high: float = 1.0
    decimals: int = 2
    choices: tuple[float, ...] = ()


@dataclass(frozen=True)
class GeneratedQuestion:
    """A practice template: variables drawn from a seed, the answer computed by the core.

    ``prompt`` and ``explain`` may name drawn variables as ``{p}``.
    """

    id: str
    prompt: str
    draws: tuple[Draw, ...]
    answer: Expr
    tolerance: Tolerance
    explain: str
    hint: str = ""
    slips: tuple[Slip, ...] = ()
    kind: Literal["generated"] = "generated"


Question = ChoiceQuestion | TrueFalseQuestion | NumericQuestion | GeneratedQuestion

# ----- course -----------------------------------------------------------------------------


@dataclass(frozen=True)
class StatedNumber:
    """A number the prose states (``{{ expr ≈ 4.6 }}``), kept so checks can verify it."""

    expr: Expr
    relation: str
    stated: str
    location: Location


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    minutes: int
    summary: str
    sections: tuple[Section, ...]
    questions: tuple[Question, ...]
    source: Path


@dataclass(frozen=True)
class Course:
    title: str
    lessons: tuple[Lesson, ...]
    root: Path
    stated_numbers: tuple[StatedNumber, ...] = field(default=(), repr=False)

    def lesson(self, lesson_id: str) -> Lesson:
        """The lesson with this id; KeyError names the ids that exist."""
        for lesson in self.lessons:
            if lesson.id == lesson_id:
                return lesson
        raise KeyError(f"no lesson {lesson_id!r}; lessons: {', '.join(item.id for item in self.lessons)}")
