"""Checks that need the core: every stated number, worked cell and answer is computed and verified.

Loading proves a course is well-formed; these prove its numbers are right. ``ce-tutor check``
and the test suite both run :func:`check_course`, so a wrong number fails CI. Each kind says
what to check in it (``check`` in ``tutor.content.kinds``); this module walks the course.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from tutor.content.errors import Location
from tutor.content.expr import Expr, ExprError, evaluate
from tutor.content.prose import StatedNumber, agrees

if TYPE_CHECKING:
    from tutor.content.model import Course, Lesson


def check_course(course: Course) -> list[str]:
    """Every numeric problem in ``course`` as ``location: message`` lines (empty when all hold)."""
    problems = [_check_stated(s) for s in course.stated_numbers]
    for lesson in course.lessons:
        problems += check_lesson(lesson)
    return [p for p in problems if p]


def check_lesson(lesson: Lesson) -> list[str]:
    """What each section and question of ``lesson`` finds wrong with its own numbers."""
    problems = []
    for i, section in enumerate(lesson.sections):
        problems += section.check(Location(lesson.source, None, f"sections[{i}]"))
    for i, question in enumerate(lesson.questions):
        problems += question.check(Location(lesson.source, question.line, f"quiz.questions[{i}]"))
    return problems


def _check_stated(stated: StatedNumber) -> str:
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


def finite(expr: Expr, env: Mapping[str, float], where: Location) -> str:
    """ "" when ``expr`` computes to a finite number for ``env``; else the located problem."""
    try:
        value = evaluate(expr, env)
    except ExprError as exc:
        return f"{where}: {exc}"
    return "" if math.isfinite(value) else f"{where}: {expr.source} is {value} for {dict(env)}"
