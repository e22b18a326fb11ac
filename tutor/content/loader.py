"""Build a :class:`~tutor.content.model.Course` from a folder of YAML, reporting every problem at once.

Layout: ``course.yaml`` (title and the lesson ids in order), ``lessons/<id>.yaml``, one lesson
each, and optionally ``notation.yaml``, the notation sheet (see ``notation.py``). Each reader below turns one mapping into one model object, or ``None`` after reporting.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

import msgspec

from tutor.content import model as m
from tutor.content.errors import CourseError, Location, SourceError
from tutor.content.fields import Fields, Problems, describe, read_list
from tutor.content.files import CourseFiles
from tutor.content.kinds import QUESTIONS, SECTIONS, Question, Section
from tutor.content.limits import is_slug, unsafe_strings
from tutor.content.notation import NOTATION_FILE, read_notation
from tutor.content.yamlsource import Document, load_file


def load_course(root: Path | str) -> m.Course:
    """Load and validate the course in ``root``; raises :class:`CourseError` listing all problems."""
    root = Path(root)
    problems = Problems()
    if not root.is_dir():
        raise CourseError([f"{root}: not a directory (expected course.yaml and lessons/)"])
    files = CourseFiles(root)
    index = _read_file(root / "course.yaml", files, problems)
    if index is None:
        raise CourseError(problems.lines())
    fields = Fields(index.data, str(index.path), "", problems)
    if not fields.ok:
        raise CourseError(problems.lines())
    title = fields.text("title")
    listed = fields.items("lessons")
    fields.finish()
    lessons = _read_lessons(root, index.path, listed, problems, files)
    notation = _read_notation(root / NOTATION_FILE, files, problems)
    if problems:
        raise CourseError(problems.lines())
    return m.Course(
        title=title, lessons=lessons, root=str(root), stated_numbers=tuple(problems.stated), notation=notation
    )


def _read_notation(path: Path, files: CourseFiles, problems: Problems) -> tuple[m.NotationGroup, ...]:
    """The notation sheet, if the course has one."""
    if not path.exists() and not path.is_symlink():
        return ()
    document = _read_file(path, files, problems)
    if document is None:
        return ()
    return read_notation(Fields(document.data, str(document.path), "", problems))


def _read_file(path: Path, files: CourseFiles, problems: Problems) -> Document | None:
    """The parsed file, or None after reporting; control and bidi characters in it are reported too."""
    try:
        document = load_file(path, files)
    except SourceError as exc:
        problems.add(Location(exc.path, exc.line, ""), exc.message)
        return None
    for line, where, message in unsafe_strings(document.data):
        problems.add(Location(str(path), line, where), message)
    return document


def _read_lessons(
    root: Path, index: Path, listed: list[tuple[object, str, int | None]], problems: Problems, files: CourseFiles
) -> tuple[m.Lesson, ...]:
    lessons: list[m.Lesson] = []
    seen: set[str] = set()
    for lesson_id, path, line in listed:
        where = Location(str(index), line, path)
        if not isinstance(lesson_id, str) or not is_slug(lesson_id):
            problems.add(
                where, f"expected a lesson id (a-z, 0-9 and '-', it names lessons/ID.yaml), got {describe(lesson_id)}"
            )
            continue
        if lesson_id in seen:
            problems.add(where, f"lesson {lesson_id!r} is listed twice")
            continue
        seen.add(lesson_id)
        document = _read_file(root / "lessons" / f"{lesson_id}.yaml", files, problems)
        if document is not None:
            lesson = read_lesson(Fields(document.data, str(document.path), "", problems), document.path)
            if lesson is not None and lesson.id != lesson_id:
                problems.add(
                    Location(str(document.path), 1, "id"),
                    f"id {lesson.id!r} does not match the file name and course.yaml ({lesson_id!r})",
                )
            elif lesson is not None:
                lessons.append(lesson)
    for extra in sorted((root / "lessons").glob("*.yaml")):
        if extra.stem not in seen:
            problems.add(Location(str(extra), None, ""), f"lesson file not listed in {index}")
    return tuple(lessons)


def read_lesson(f: Fields, source: Path) -> m.Lesson | None:
    if not f.ok:
        return None
    lesson_id = f.slug("id")
    title = f.text("title")
    minutes = f.whole("minutes", low=1, high=60)
    summary = f.text("summary", "")
    sections: tuple[Section, ...] = read_list(f, "sections", read_section)
    quiz = f.child("quiz", f.data.get("quiz")) if "quiz" in f.data else None
    f.used.add("quiz")
    questions = _read_quiz(quiz) if quiz is not None else ()
    if quiz is None:
        f.error("missing required key 'quiz'")
    f.finish()
    _check_unique_ids(f, questions)
    if not lesson_id:
        return None
    return m.Lesson(lesson_id, title, minutes, summary, sections, questions, str(source))


def _read_quiz(f: Fields) -> tuple[Question, ...]:
    questions: tuple[Question, ...] = read_list(f, "questions", read_question)
    if f.ok and "questions" in f.data and not f.data["questions"]:
        f.error("a quiz needs at least one question", "questions")
    f.finish()
    return questions


def _check_unique_ids(f: Fields, questions: tuple[Question, ...]) -> None:
    seen: set[str] = set()
    for index, question in enumerate(questions):
        if question.id in seen:
            f.problems.add(
                Location(f.file, None, f"quiz.questions[{index}].id"), f"duplicate question id {question.id!r}"
            )
        seen.add(question.id)


# ----- kinds (each reads itself: see tutor.content.kinds) ---------------------------------


def read_section(f: Fields) -> Section | None:
    kind = f.choice("kind", tuple(SECTIONS))
    return cast("Section | None", SECTIONS[kind].read(f)) if kind in SECTIONS else None


def read_question(f: Fields) -> Question | None:
    kind = f.choice("kind", tuple(QUESTIONS))
    question = cast("Question | None", QUESTIONS[kind].read(f)) if kind in QUESTIONS else None
    return msgspec.structs.replace(question, line=f.line) if question is not None else None
