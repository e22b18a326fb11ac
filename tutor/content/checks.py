"""Checks that need the core: every stated number, worked cell and answer is computed and verified.

Loading proves a course is well-formed; these prove its numbers are right. ``ce-tutor check``
and the test suite both run :func:`check_course`, so a wrong number fails CI.
"""

from __future__ import annotations

import itertools
import math

from tutor.content.expr import ExprError, evaluate
from tutor.content.model import Course, GeneratedQuestion, Lesson, Location, NumericQuestion, WorkedSection
from tutor.content.prose import agrees


def check_course(course: Course) -> list[str]:
    """Every numeric problem in ``course`` as ``location: message`` lines (empty when all hold)."""
    problems = [_check_stated(s) for s in course.stated_numbers]
    for lesson in course.lessons:
        problems += _check_worked(lesson) + _check_answers(lesson)
    return [p for p in problems if p]


def _check_stated(stated) -> str:
    try:
        value = evaluate(stated.expr)
    except ExprError as exc:
        return f"{stated.location}: {exc}"
    if not agrees(value, stated.stated):
        return (
            f"{stated.location}: states {stated.expr.source} {stated.relation} {stated.stated}, "
            f"but the core computes {value:.6g}"
        )
    return ""


def _check_worked(lesson: Lesson) -> list[str]:
    out = []
    for i, section in enumerate(lesson.sections):
        if not isinstance(section, WorkedSection):
            continue
        for (r, row), (_c, column) in itertools.product(enumerate(section.rows), enumerate(section.columns)):
            where = Location(str(lesson.source), None, f"sections[{i}].rows[{r}] column {column.header!r}")
            out.append(_finite(column.expr, row, where))
    return out


def _check_answers(lesson: Lesson) -> list[str]:
    out = []
    for i, q in enumerate(lesson.questions):
        where = Location(str(lesson.source), None, f"quiz.questions[{i}].answer")
        if isinstance(q, NumericQuestion):
            out.append(_finite(q.answer, {}, where))
        elif isinstance(q, GeneratedQuestion):
            for corner in _corners(q):
                out.append(_finite(q.answer, corner, where))
        if isinstance(q, (NumericQuestion, GeneratedQuestion)):
            out += [_slip_differs(q, slip, where) for slip in q.slips]
    return out


def _slip_differs(q: NumericQuestion | GeneratedQuestion, slip, where: Location) -> str:
    """A slip must compute, and must differ from the right answer for some draw (or it never shows)."""
    envs = _corners(q) if isinstance(q, GeneratedQuestion) else [{}]
    for env in envs:
        problem = _finite(slip.answer, env, where)
        if problem:
            return problem
    if all(q.tolerance.accepts(evaluate(slip.answer, env), evaluate(q.answer, env)) for env in envs):
        return f"{where}: slip {slip.answer.source!r} is accepted as the right answer, so it can never be named"
    return ""


def _corners(q: GeneratedQuestion) -> list[dict[str, float]]:
    """The extreme draws of a generated question: if these compute, the whole range does."""
    ranges = [d.choices or (round(d.low, d.decimals), round(d.high, d.decimals)) for d in q.draws]
    return [dict(zip((d.name for d in q.draws), values, strict=False)) for values in itertools.product(*ranges)]


def _finite(expr, env, where: Location) -> str:
    try:
        value = evaluate(expr, env)
    except ExprError as exc:
        return f"{where}: {exc}"
    return "" if math.isfinite(value) else f"{where}: {expr.source} is {value} for {dict(env)}"
