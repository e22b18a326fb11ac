"""The bundled course: its shape, its numbers, and the teaching claims it makes.

Structure rules live in :func:`course_rule_problems`, which returns every broken rule as a
line; the bundled course must give none, and deliberately broken copies must give some, so the
rules themselves are tested. The claim tests recompute, with the core, the facts the lessons
teach (several of which correct mistakes in the source material).
"""

from __future__ import annotations

import itertools
import shutil

import msgspec
import numpy as np
import pytest

from tutor import core
from tutor.content import bundled_course_dir, load_course
from tutor.content.checks import check_course
from tutor.content.expr import evaluate
from tutor.content.kinds import (
    ChoiceQuestion,
    FormulaSection,
    GeneratedQuestion,
    LabSection,
    NumericQuestion,
    TrueFalseQuestion,
)
from tutor.content.model import Course

LESSON_IDS = [
    *("logarithms", "why-not-mse", "cross-entropy", "sigmoid-vs-softmax"),
    *("many-classes", "entropy-and-kl", "in-code", "imbalance-and-multilabel", "extreme-outputs"),
]
MIN_QUESTIONS_PER_LESSON = 8
MIN_QUESTIONS_TOTAL = 45
#: learners may read in a 60-column terminal; formulas are not re-wrapped
FORMULA_WIDTH = 60


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(bundled_course_dir())


def course_rule_problems(course: Course) -> list[str]:
    """Every authoring rule the bundled course breaks, one line each (empty when all hold)."""
    out = []
    ids = [lesson.id for lesson in course.lessons]
    if ids != LESSON_IDS:
        out.append(f"lesson ids {ids} != {LESSON_IDS}")
    total = 0
    for lesson in course.lessons:
        where = lesson.id
        total += len(lesson.questions)
        if not 3 <= lesson.minutes <= 12:
            out.append(f"{where}: {lesson.minutes} minutes, expected 3 to 12")
        if not lesson.summary.strip():
            out.append(f"{where}: no summary")
        if len(lesson.questions) < MIN_QUESTIONS_PER_LESSON:
            out.append(f"{where}: {len(lesson.questions)} questions, expected ≥ {MIN_QUESTIONS_PER_LESSON}")
        if not any(isinstance(q, GeneratedQuestion) for q in lesson.questions):
            out.append(f"{where}: no generated practice question")
        for section in lesson.sections:
            if isinstance(section, FormulaSection):
                for text in (section.unicode, section.plain):
                    if len(text) > FORMULA_WIDTH:
                        out.append(f"{where}: formula wider than {FORMULA_WIDTH} columns: {text!r}")
        for q in lesson.questions:
            qwhere = f"{where}/{q.id}"
            if isinstance(q, ChoiceQuestion):
                for i, option in enumerate(q.options):
                    if not option.explain.strip():
                        out.append(f"{qwhere}: option {i} has no explain")
            elif isinstance(q, TrueFalseQuestion):
                if not q.explain.strip():
                    out.append(f"{qwhere}: no explain")
            elif isinstance(q, (NumericQuestion, GeneratedQuestion)):
                if not q.answer.calls:
                    out.append(f"{qwhere}: answer {q.answer.source!r} calls no function: typed, not computed")
                if not q.explain.strip():
                    out.append(f"{qwhere}: no explain")
            if isinstance(q, NumericQuestion):
                answer = evaluate(q.answer)
                for slip in q.slips:
                    if q.precision.accepts(evaluate(slip.answer), answer):
                        out.append(f"{qwhere}: slip {slip.answer.source!r} is indistinguishable from the answer")
    if total < MIN_QUESTIONS_TOTAL:
        out.append(f"{total} questions in the course, expected ≥ {MIN_QUESTIONS_TOTAL}")
    return out


# ----- shape ------------------------------------------------------------------------------


def test_lessons_in_order(course: Course) -> None:
    assert [lesson.id for lesson in course.lessons] == LESSON_IDS


def test_course_follows_authoring_rules(course: Course) -> None:
    assert course_rule_problems(course) == []


def test_every_number_agrees_with_the_core(course: Course) -> None:
    assert check_course(course) == []


def test_course_states_many_checked_numbers(course: Course) -> None:
    assert len(course.stated_numbers) >= 100


@pytest.mark.parametrize("breakage", ["empty explain", "typed answer", "too long", "few questions"])
def test_rules_catch_a_broken_course(course: Course, breakage: str) -> None:
    """Each rule can fail: break one thing in a copy of the course and expect a problem."""
    lessons = list(course.lessons)
    lesson = lessons[2]
    questions = list(lesson.questions)
    if breakage == "empty explain":
        i = next(i for i, q in enumerate(questions) if isinstance(q, ChoiceQuestion))
        options = list(questions[i].options)
        options[0] = msgspec.structs.replace(options[0], explain=" ")
        questions[i] = msgspec.structs.replace(questions[i], options=tuple(options))
        lesson = msgspec.structs.replace(lesson, questions=tuple(questions))
    elif breakage == "typed answer":
        from tutor.content.expr import parse

        i = next(i for i, q in enumerate(questions) if isinstance(q, NumericQuestion))
        questions[i] = msgspec.structs.replace(questions[i], answer=parse("0.223"), slips=())
        lesson = msgspec.structs.replace(lesson, questions=tuple(questions))
    elif breakage == "too long":
        lesson = msgspec.structs.replace(lesson, minutes=20)
    else:
        lesson = msgspec.structs.replace(lesson, questions=tuple(questions[:3]))
    lessons[2] = lesson
    assert course_rule_problems(msgspec.structs.replace(course, lessons=tuple(lessons)))


def test_check_catches_a_wrong_stated_number(tmp_path) -> None:
    copy = tmp_path / "course"
    shutil.copytree(bundled_course_dir(), copy)
    lesson = copy / "lessons" / "logarithms.yaml"
    text = lesson.read_text(encoding="utf-8")
    assert "{{ log(0.01) ≈ -4.6 }}" in text
    lesson.write_text(text.replace("{{ log(0.01) ≈ -4.6 }}", "{{ log(0.01) ≈ -2.0 }}", 1), encoding="utf-8")
    problems = check_course(load_course(copy))
    assert len(problems) == 1 and "log(0.01)" in problems[0]


# ----- teaching claims, recomputed with the core ------------------------------------------

P = np.linspace(0.001, 0.999, 999)
Z = np.linspace(-20.0, 20.0, 4001)


@pytest.mark.parametrize("y", [0, 1])
def test_ce_is_steeper_than_mse_for_every_p(y: int) -> None:
    """Corrects the seed's 'only when p < exp(−2)': the CE slope wins everywhere."""
    assert np.all(np.abs(core.bce_grad_p(P, y)) > np.abs(core.mse_grad_p(P, y)))
    assert np.all(np.abs(core.bce_grad_z(Z, y)) > np.abs(core.mse_grad_z(Z, y)))
    assert abs(core.bce_grad_p(0.5, 1)) > abs(core.mse_grad_p(0.5, 1))  # 0.5 > e^−2


def test_mse_gradient_sign_is_prediction_minus_label() -> None:
    """Corrects the seed's 2(y − p): descent must raise p when p < y."""
    assert core.mse_grad_p(0.3, 1) == pytest.approx(2 * (0.3 - 1))
    assert core.mse_grad_p(0.3, 1) < 0


def test_mse_on_a_sigmoid_is_monotone_but_not_convex_in_z() -> None:
    """No local minimum or saddle (slope never 0), but a plateau and a bend: non-convex."""
    grad = core.mse_grad_z(Z, 1)
    assert np.all(grad < 0)
    loss = core.mse(core.sigmoid(Z), 1)
    curvature = np.diff(loss, 2)
    assert curvature.min() < 0 < curvature.max()
    steepest = Z[np.argmin(grad)]
    assert steepest == pytest.approx(core.logit(1 / 3), abs=0.01)
    assert core.sigmoid_grad(Z).max() == pytest.approx(0.25)


def test_ce_gradient_is_prediction_minus_label_by_cancellation() -> None:
    p = P[10:-10]
    z = core.logit(p)
    for y in (0, 1):
        assert np.allclose(core.bce_grad_z(z, y), p - y)
        assert np.allclose(core.bce_grad_p(p, y) * core.sigmoid_grad(z), p - y)
    assert core.bce_grad_z(core.logit(0.9), 1) == pytest.approx(-0.1)
    assert core.bce_grad_z(core.logit(0.8), 0) == pytest.approx(0.8)


def test_cross_entropy_is_the_bernoulli_negative_log_likelihood() -> None:
    for p in (0.01, 0.3, 0.5, 0.9, 0.99):
        for y in (0, 1):
            assert core.bce(p, y) == pytest.approx(-np.log(p**y * (1 - p) ** (1 - y)))
    preds, labels = [0.9, 0.6, 0.2], [1, 1, 0]
    likelihood = np.prod([p if y else 1 - p for p, y in zip(preds, labels, strict=False)])
    assert -np.log(likelihood) == pytest.approx(sum(core.bce(p, y) for p, y in zip(preds, labels, strict=False)))


def test_log_base_does_not_move_the_best_prediction() -> None:
    q = P
    assert np.argmin(-np.log(q)) == np.argmin(-np.log2(q)) == np.argmin(-np.log10(q))


def test_two_logit_softmax_is_a_sigmoid_of_the_gap() -> None:
    """Corrects 'identical to BCE only if the negative logit is zero'."""
    rng = np.random.default_rng(0)
    for x1, x2 in rng.uniform(-8, 8, size=(200, 2)):
        assert core.softmax([x1, x2])[0] == pytest.approx(core.sigmoid(x1 - x2), rel=1e-12)
        for label, y in ((0, 1), (1, 0)):
            assert core.cross_entropy([x1, x2], label) == pytest.approx(core.bce_with_logits(x1 - x2, y), rel=1e-9)
        shifted = core.softmax([x1 + 10.0, x2 + 10.0])
        assert shifted[0] == pytest.approx(core.softmax([x1, x2])[0], rel=1e-12)
        grad = core.cross_entropy_grad([x1, x2], 0)
        assert grad[0] + grad[1] == pytest.approx(0.0, abs=1e-12)
        assert grad[0] == pytest.approx(core.bce_grad_z(x1 - x2, 1), abs=1e-12)


def test_softmax_probability_is_not_the_loss() -> None:
    """Corrects 'the loss is e^p/(e^p+e^n)': that is the probability; the loss is its −log."""
    x = [2.0, 0.5]
    prob = core.softmax(x)[0]
    assert core.cross_entropy(x, 0) == pytest.approx(-np.log(prob))
    assert core.cross_entropy(x, 0) != pytest.approx(prob)


@pytest.mark.parametrize(("k", "n"), [(3, 4), (2, 5), (1, 10), (9, 10)])
def test_conflicting_labels_give_the_label_frequency(k: int, n: int) -> None:
    q = np.linspace(0.0005, 0.9995, 1999)
    mean_ce = (k * core.bce(q, 1) + (n - k) * core.bce(q, 0)) / n
    assert q[np.argmin(mean_ce)] == pytest.approx(k / n, abs=0.001)
    mean_mse = (k * core.mse(q, 1) + (n - k) * core.mse(q, 0)) / n
    assert q[np.argmin(mean_mse)] == pytest.approx(k / n, abs=0.001)


def test_separable_data_has_no_finite_minimum() -> None:
    """Scaling a separating logit up lowers every loss: training pushes outputs to 0 and 1."""
    margins = np.array([0.5, 1.0, 2.0, 4.0])
    losses = [core.bce_with_logits(scale * margins, 1).sum() for scale in (1, 2, 4, 8)]
    assert all(a > b > 0 for a, b in itertools.pairwise(losses))


def test_extreme_is_not_the_same_as_small_loss() -> None:
    assert core.bce(0.001, 1) > 6.9  # extreme and wrong: large loss
    assert core.bce(0.5, 1) == pytest.approx(np.log(2))


def test_temperature_keeps_decisions() -> None:
    z = np.linspace(-6, 6, 121)
    for t in (1.5, 2.0, 3.0):
        soft = core.sigmoid(z / t)
        assert np.array_equal(soft > 0.5, core.sigmoid(z) > 0.5)
        assert np.all(np.abs(soft - 0.5) <= np.abs(core.sigmoid(z) - 0.5) + 1e-15)


# ----- what the lab captions promise -------------------------------------------------------


def _labs(course: Course, lesson_id: str) -> list[LabSection]:
    return [s for s in course.lesson(lesson_id).sections if isinstance(s, LabSection)]


def _run(lab: LabSection, loss: str, epochs: int | None = None):
    lab_engine = pytest.importorskip("tutor.lab")
    x, y = lab_engine.make_dataset(lab.n, lab.seed, lab.separation, lab.label_noise)
    result = lab_engine.train_logistic(x, y, loss, lab.lr, epochs or lab.epochs, lab.seed, lab.w0, lab.b0)
    return result, y


def test_lab_mse_plateau_is_slow_not_a_trap(course: Course) -> None:
    (lab,) = _labs(course, "why-not-mse")
    bce, _ = _run(lab, "bce")
    mse, _ = _run(lab, "mse")
    assert bce.losses[20] < 0.1 * bce.losses[0]  # cross-entropy recovers within a few epochs
    assert mse.losses[300] > 0.9  # squared error still on its plateau after hundreds
    assert mse.losses[-1] < 0.05  # … but it does escape: slow, not trapped


def test_lab_separable_vs_noisy(course: Course) -> None:
    separable, noisy = _labs(course, "extreme-outputs")
    assert separable.label_noise == 0 and noisy.label_noise > 0
    result, _y = _run(separable, "bce")
    extreme = np.mean((result.probs < 0.05) | (result.probs > 0.95))
    assert extreme > 0.95 and result.losses[-1] < 0.01
    longer, _ = _run(separable, "bce", epochs=3 * separable.epochs)
    assert abs(longer.w) > abs(result.w) + 0.3  # w keeps growing
    result, _ = _run(noisy, "bce")
    extreme = np.mean((result.probs < 0.05) | (result.probs > 0.95))
    assert extreme < 0.5 and result.losses[-1] > 0.2
    longer, _ = _run(noisy, "bce", epochs=3 * noisy.epochs)
    assert longer.w == pytest.approx(result.w, abs=0.01)  # w has stopped growing
