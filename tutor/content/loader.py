"""Build a :class:`~tutor.content.model.Course` from a folder of YAML, reporting every problem at once.

Layout: ``course.yaml`` (title and the lesson ids in order) and ``lessons/<id>.yaml``, one lesson
each. Each reader below turns one mapping into one model object, or ``None`` after reporting.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tutor.content import model as m
from tutor.content.errors import CourseError
from tutor.content.fields import Fields, Problems, read_list
from tutor.content.yamlsource import SourceError, load_file
from tutor.worked import format_problem

QUESTION_KINDS = ("choice", "numeric", "truefalse", "generated")
SECTION_KINDS = ("text", "formula", "worked", "plot", "explorer", "lab")
EXPLORERS = ("probability", "softmax")
#: Figures ``tutor.plots`` can draw; kept here so loading needs neither numpy nor plotext.
FIGURES = ("ce-loss", "ce-vs-mse", "grad-p", "grad-z", "sigmoid")
BUILTIN_SLIPS = ("log2", "log10", "sign", "complement", "mse")
SLIP_NEEDS = {"complement": "it needs a variable p", "mse": "it needs a call of bce, bce_grad_p or bce_grad_z"}
MIN_QUESTIONS = 1


def load_course(root: Path | str) -> m.Course:
    """Load and validate the course in ``root``; raises :class:`CourseError` listing all problems."""
    root = Path(root)
    problems = Problems()
    if not root.is_dir():
        raise CourseError([f"{root}: not a directory (expected course.yaml and lessons/)"])
    index = _read_file(root / "course.yaml", problems)
    if index is None:
        raise CourseError(problems.lines())
    fields = Fields(index.data, str(index.path), "", problems)
    if not fields.ok:
        raise CourseError(problems.lines())
    title = fields.text("title")
    ids = [item for item, _, _ in fields.items("lessons")]
    fields.finish()
    lessons = _read_lessons(root, fields, ids, problems)
    if problems:
        raise CourseError(problems.lines())
    return m.Course(title=title, lessons=lessons, root=root, stated_numbers=tuple(problems.stated))


def _read_file(path: Path, problems: Problems):
    try:
        return load_file(path)
    except SourceError as exc:
        problems.add(m.Location(exc.path, exc.line, ""), exc.message)
        return None


def _read_lessons(root: Path, index: Fields, ids: list, problems: Problems) -> tuple[m.Lesson, ...]:
    lessons, seen = [], set()
    for _position, (lesson_id, path, line) in enumerate(index.items("lessons")):
        where = m.Location(index.file, line, path)
        if not isinstance(lesson_id, str) or not lesson_id:
            problems.add(where, f"expected a lesson id, got {lesson_id!r}")
            continue
        if lesson_id in seen:
            problems.add(where, f"lesson {lesson_id!r} is listed twice")
            continue
        seen.add(lesson_id)
        document = _read_file(root / "lessons" / f"{lesson_id}.yaml", problems)
        if document is not None:
            lesson = read_lesson(Fields(document.data, str(document.path), "", problems), document.path)
            if lesson is not None and lesson.id != lesson_id:
                problems.add(
                    m.Location(str(document.path), 1, "id"),
                    f"id {lesson.id!r} does not match the file name and course.yaml ({lesson_id!r})",
                )
            elif lesson is not None:
                lessons.append(lesson)
    for extra in sorted((root / "lessons").glob("*.yaml")):
        if extra.stem not in seen:
            problems.add(m.Location(str(extra), None, ""), f"lesson file not listed in {index.file}")
    return tuple(lessons)


def read_lesson(f: Fields, source: Path) -> m.Lesson | None:
    if not f.ok:
        return None
    lesson_id = f.text("id", prose=False)
    title = f.text("title")
    minutes = f.whole("minutes", low=1, high=60)
    summary = f.text("summary", "")
    sections = read_list(f, "sections", read_section)
    quiz = f.child("quiz", f.data.get("quiz")) if "quiz" in f.data else None
    f.used.add("quiz")
    questions = _read_quiz(quiz) if quiz is not None else ()
    if quiz is None:
        f.error("missing required key 'quiz'")
    f.finish()
    _check_unique_ids(f, questions)
    return m.Lesson(lesson_id, title, minutes, summary, sections, questions, source) if lesson_id else None


def _read_quiz(f: Fields) -> tuple[m.Question, ...]:
    questions = read_list(f, "questions", read_question)
    if f.ok and "questions" in f.data and not f.data["questions"]:
        f.error("a quiz needs at least one question", "questions")
    f.finish()
    return questions


def _check_unique_ids(f: Fields, questions: tuple[m.Question, ...]) -> None:
    seen: set[str] = set()
    for index, question in enumerate(questions):
        if question.id in seen:
            f.problems.add(
                m.Location(f.file, None, f"quiz.questions[{index}].id"), f"duplicate question id {question.id!r}"
            )
        seen.add(question.id)


# ----- sections ---------------------------------------------------------------------------


def read_section(f: Fields) -> m.Section | None:
    kind = f.choice("kind", SECTION_KINDS)
    reader = _SECTION_READERS.get(kind)
    return reader(f) if reader else None


def _text(f: Fields) -> m.TextSection:
    return m.TextSection(f.text("markdown"))


def _formula(f: Fields) -> m.FormulaSection:
    where = []
    for item, path, line in f.items("where", []):
        pair = Fields(item, f.file, path, f.problems, line)
        where.append((pair.text("symbol", prose=False), pair.text("meaning")))
        pair.finish()
    return m.FormulaSection(
        f.text("unicode", prose=False), f.text("plain", prose=False), tuple(where), f.text("caption", "")
    )


def _worked(f: Fields) -> m.WorkedSection:
    rows = []
    for item, path, line in f.items("rows"):
        row = Fields(item, f.file, path, f.problems, line)
        rows.append({key: row.number(key) for key in row.data})
        row.finish()
    names = frozenset().union(*(row.keys() for row in rows)) if rows else frozenset()
    columns = read_list(f, "columns", lambda c: _column(c, names))
    return m.WorkedSection(f.text("title"), columns, tuple(rows), f.text("note", ""))


def _column(f: Fields, names: frozenset[str]) -> m.Column | None:
    header, expr = f.text("header", prose=False), f.expr("expr", names)
    fmt = f.get("format", str, ".3f")
    if problem := format_problem(fmt):
        f.error(problem, "format")
    return m.Column(header, expr, fmt) if expr is not None else None


def _plot(f: Fields) -> m.PlotSection:
    return m.PlotSection(f.choice("figure", FIGURES), f.text("caption", ""))


def _explorer(f: Fields) -> m.ExplorerSection:
    return m.ExplorerSection(f.choice("explorer", EXPLORERS), f.text("caption", ""))


def _lab(f: Fields) -> m.LabSection:
    d = m.LabSection()
    return m.LabSection(
        caption=f.text("caption", ""),
        n=f.whole("n", d.n, low=10, high=5000),
        seed=f.whole("seed", d.seed, low=0),
        separation=f.number("separation", d.separation, low=0.0, high=20.0),
        label_noise=f.number("label_noise", d.label_noise, low=0.0, high=0.5),
        epochs=f.whole("epochs", d.epochs, low=1, high=5000),
        lr=f.number("lr", d.lr, low=1e-6, high=100.0),
        w0=f.number("w0", d.w0),
        b0=f.number("b0", d.b0),
    )


_SECTION_READERS: dict[str, Callable[[Fields], m.Section]] = {
    "text": _text,
    "formula": _formula,
    "worked": _worked,
    "plot": _plot,
    "explorer": _explorer,
    "lab": _lab,
}

# ----- questions --------------------------------------------------------------------------


def read_question(f: Fields) -> m.Question | None:
    kind = f.choice("kind", QUESTION_KINDS)
    reader = _QUESTION_READERS.get(kind)
    return reader(f) if reader else None


def _choice(f: Fields) -> m.ChoiceQuestion | None:
    options = read_list(f, "options", _option)
    letters = "abcdefghi"
    if options and not 2 <= len(options) <= len(letters):
        f.error(f"a choice question needs 2 to {len(letters)} options, got {len(options)}", "options")
    if options and sum(o.correct for o in options) != 1:
        f.error(f"exactly one option must have correct: true, found {sum(o.correct for o in options)}", "options")
    question = m.ChoiceQuestion(
        f.text("id", prose=False), f.text("prompt"), options, f.text("hint", ""), f.get("shuffle", bool, True)
    )
    return question if options else None


def _option(f: Fields) -> m.Option:
    return m.Option(f.text("text"), f.get("correct", bool, False), f.text("explain"))


def _truefalse(f: Fields) -> m.TrueFalseQuestion:
    return m.TrueFalseQuestion(
        f.text("id", prose=False), f.text("prompt"), f.get("answer", bool), f.text("explain"), f.text("hint", "")
    )


def _numeric(f: Fields) -> m.NumericQuestion | None:
    answer = f.expr("answer")
    question = m.NumericQuestion(
        f.text("id", prose=False),
        f.text("prompt"),
        answer,
        _tolerance(f),
        f.text("explain"),
        f.text("hint", ""),
        _slips(f, frozenset(), answer),
    )
    return question if answer is not None else None


def _generated(f: Fields) -> m.GeneratedQuestion | None:
    draws = read_list(f, "draw", _draw)
    names = frozenset(d.name for d in draws)
    answer = f.expr("answer", names)
    question = m.GeneratedQuestion(
        f.text("id", prose=False),
        f.text("prompt"),
        draws,
        answer,
        _tolerance(f),
        f.text("explain"),
        f.text("hint", ""),
        _slips(f, names, answer),
    )
    return question if answer is not None else None


def _draw(f: Fields) -> m.Draw | None:
    name = f.text("name", prose=False)
    choices = tuple(v for v, _, _ in f.items("choices", [])) if "choices" in f.data else ()
    if any(isinstance(c, bool) or not isinstance(c, (int, float)) for c in choices):
        f.error("choices must be numbers", "choices")
        choices = ()
    low, high = f.number("low", 0.0), f.number("high", 1.0)
    if low > high:
        f.error(f"low ({low}) is above high ({high})", "low")
    draw = m.Draw(name, low, high, f.whole("decimals", 2, low=0, high=6), tuple(float(c) for c in choices))
    if name and not name.isidentifier():
        f.error(f"{name!r} is not a valid variable name", "name")
        return None
    return draw


def _tolerance(f: Fields) -> m.Tolerance:
    t = f.child("tolerance", f.data.get("tolerance")) if "tolerance" in f.data else None
    f.used.add("tolerance")
    if t is None:
        f.error("missing required key 'tolerance' (e.g. tolerance: {abs: 0.01})")
        return m.Tolerance(abs=0.0)
    tolerance = m.Tolerance(t.number("abs", None, low=0.0), t.number("rel", None, low=0.0, high=1.0))
    if t.ok and tolerance.abs is None and tolerance.rel is None:
        t.error("give abs, rel or both")
    t.finish()
    return tolerance


def _slips(f: Fields, names: frozenset[str], answer: m.Expr | None) -> tuple[m.Slip, ...]:
    from tutor.content.slips import builtin_slip

    slips = []
    for item, path, line in f.items("slips", []):
        if isinstance(item, str):
            slip = builtin_slip(item, answer) if answer is not None and item in BUILTIN_SLIPS else None
            if item not in BUILTIN_SLIPS:
                f.problems.add(
                    m.Location(f.file, line, path), f"unknown slip {item!r}; built-in slips: {', '.join(BUILTIN_SLIPS)}"
                )
            elif slip is None and answer is not None:
                f.problems.add(
                    m.Location(f.file, line, path),
                    f"slip {item!r} does not apply to {answer.source!r} ({SLIP_NEEDS[item]}); "
                    "write it as {answer: EXPR, message: TEXT}",
                )
        else:
            s = Fields(item, f.file, path, f.problems, line)
            expr, message = s.expr("answer", names), s.text("message")
            s.finish()
            slip = m.Slip(expr, message) if expr is not None else None
        if slip is not None:
            slips.append(slip)
    return tuple(slips)


_QUESTION_READERS: dict[str, Callable[[Fields], m.Question | None]] = {
    "choice": _choice,
    "truefalse": _truefalse,
    "numeric": _numeric,
    "generated": _generated,
}
