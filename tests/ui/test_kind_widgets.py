"""Every kind names a widget that exists: the UI builds each section and answer widget by name."""

from __future__ import annotations

import random

from textual.widget import Widget

from tutor.content.kinds import QUESTIONS, SECTIONS
from tutor.content.kinds.explorer import EXPLORERS, ExplorerSection
from tutor.ui.kinds import answer_widget, section_widget
from tutor.ui.widgets.answers import AnswerWidget


def test_the_mini_course_has_every_kind(mini_course) -> None:
    lesson = mini_course.lessons[0]
    assert {s.kind for s in lesson.sections} == set(SECTIONS)
    assert {q.kind for q in lesson.questions} == set(QUESTIONS)


def test_every_section_kind_builds_its_widget(mini_course) -> None:
    sections = [*mini_course.lessons[0].sections, *(ExplorerSection(explorer=name) for name in EXPLORERS)]
    for section in sections:
        assert isinstance(section_widget(section), Widget), section


def test_every_question_kind_builds_its_answer_widget(mini_course) -> None:
    for question in mini_course.lessons[0].questions:
        assert isinstance(answer_widget(question.ask(random.Random(0))), AnswerWidget), question
