"""The registry of kinds: every section kind and question kind a course may use, in one list each.

Each kind is one module here (see ``base.py`` for what a kind declares). The loader, the checker,
the quiz session and the screens look kinds up in this registry; none of them switches on kinds,
and a kind not listed here is an error in a course file, never a default.

Adding a question kind: write its module (model, ``read``, ``check``, ``ask`` and its
:class:`~tutor.content.kinds.base.Asked`, which names its answer widget), write that widget in
``tutor/ui/widgets/``, and add the class to ``Question`` and ``QUESTIONS`` below. A section kind
is the same with ``Section``/``SECTIONS`` and a ``WIDGET``.
"""

from __future__ import annotations

from tutor.content.kinds.base import Asked, OptionsAsked, QuestionBase, SectionBase, Verdict
from tutor.content.kinds.choice import ChoiceQuestion
from tutor.content.kinds.code import CodeSection
from tutor.content.kinds.explorer import ExplorerSection
from tutor.content.kinds.formula import FormulaSection
from tutor.content.kinds.generated import GeneratedQuestion
from tutor.content.kinds.lab import LabSection
from tutor.content.kinds.numeric import NumberAsked, NumericQuestion
from tutor.content.kinds.parts import Draw, Option, Precision, Slip
from tutor.content.kinds.plot import PlotSection
from tutor.content.kinds.summary import SummarySection
from tutor.content.kinds.text import TextSection
from tutor.content.kinds.truefalse import TrueFalseQuestion
from tutor.content.kinds.worked import Column, WorkedSection

#: Every section kind; the union is what a lesson's ``sections`` may hold (and what the cache decodes).
Section = (
    TextSection
    | FormulaSection
    | WorkedSection
    | PlotSection
    | ExplorerSection
    | LabSection
    | CodeSection
    | SummarySection
)
#: Every question kind.
Question = ChoiceQuestion | NumericQuestion | TrueFalseQuestion | GeneratedQuestion

SECTIONS: dict[str, type[SectionBase]] = {cls.__struct_config__.tag: cls for cls in Section.__args__}
QUESTIONS: dict[str, type[QuestionBase]] = {cls.__struct_config__.tag: cls for cls in Question.__args__}

__all__ = [
    "QUESTIONS",
    "SECTIONS",
    "Asked",
    "ChoiceQuestion",
    "CodeSection",
    "Column",
    "Draw",
    "ExplorerSection",
    "FormulaSection",
    "GeneratedQuestion",
    "LabSection",
    "NumberAsked",
    "NumericQuestion",
    "Option",
    "OptionsAsked",
    "PlotSection",
    "Precision",
    "Question",
    "QuestionBase",
    "SectionBase",
    "Slip",
    "SummarySection",
    "TextSection",
    "TrueFalseQuestion",
    "Verdict",
    "WorkedSection",
]
