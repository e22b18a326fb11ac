"""What the lessons claim in words, recomputed: with the core, the lab, the explorers' state.

``ce-tutor check`` verifies every number a lesson states; these tests verify the sentences
around them (a factor 2, "unbounded at both ends", "no prediction between 0.3 and 0.8").
Where a test depends on wording, it reads the sentence from the course, so a claim and its
test cannot drift apart. Grouped by lesson, in course order.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from tutor import core, lab
from tutor.content import bundled_course_dir, load_course
from tutor.content.expr import evaluate
from tutor.content.kinds import (
    ChoiceQuestion,
    ExplorerSection,
    FormulaSection,
    LabSection,
    NumericQuestion,
    WorkedSection,
)
from tutor.content.kinds.worked import worked_cells
from tutor.content.model import Course
from tutor.content.prose import markers, render
from tutor.explorers import LOGIT_MAX, LOGIT_MIN, P_MAX, P_MIN, ProbabilityExplorer, SoftmaxExplorer


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(bundled_course_dir())


def prose(course: Course, lesson_id: str) -> str:
    """All the running text of a lesson (summary, text, captions, notes) as the learner reads it."""
    lesson = course.lesson(lesson_id)
    parts = [lesson.summary]
    for s in lesson.sections:
        parts += [getattr(s, name, "") for name in ("markdown", "caption", "note")]
        if isinstance(s, FormulaSection):
            parts += [meaning for _, meaning in s.where]
    return " ".join(" ".join(render(p).split()) for p in parts)


def says(course: Course, lesson_id: str, *phrases: str) -> None:
    """The lesson says each phrase (whitespace-insensitive): the claim under test is still there."""
    text = prose(course, lesson_id)
    for phrase in phrases:
        assert " ".join(phrase.split()) in text, phrase


def sections(course: Course, lesson_id: str, kind: type) -> list:
    return [s for s in course.lesson(lesson_id).sections if isinstance(s, kind)]


def question(course: Course, lesson_id: str, qid: str):
    return next(q for q in course.lesson(lesson_id).questions if q.id == qid)


def option_explain(course: Course, lesson_id: str, qid: str, starts: str) -> str:
    q = question(course, lesson_id, qid)
    assert isinstance(q, ChoiceQuestion)
    return next(o.explain for o in q.options if o.text.startswith(starts))


def run_lab(section: LabSection, loss: str, epochs: int | None = None) -> tuple[lab.LabResult, np.ndarray]:
    x, y = lab.make_dataset(section.n, section.seed, section.separation, section.label_noise)
    kwargs = {"lr": section.lr, "epochs": epochs or section.epochs, "seed": section.seed}
    return lab.train_logistic(x, y, loss, w0=section.w0, b0=section.b0, **kwargs), x  # type: ignore[arg-type]


def ratio(z: np.ndarray | float) -> np.ndarray:
    """|∂CE/∂z| / |∂MSE/∂z| for y = 1, from the core."""
    return np.abs(np.asarray(core.bce_grad_z(z, 1)) / np.asarray(core.mse_grad_z(z, 1)))


# ----- why-not-mse ------------------------------------------------------------------------


def test_sigma_prime_vanishes_when_saturated_right_or_wrong(course: Course) -> None:
    """Summary: σ′ all but vanishes whenever the output saturates, right or wrong."""
    says(course, "why-not-mse", "whenever the output saturates, right or wrong")
    assert core.sigmoid_grad(10) == core.sigmoid_grad(-10) < 1e-4
    assert abs(core.mse_grad_z(10, 1)) < 1e-4 and abs(core.mse_grad_z(-10, 1)) < 1e-3  # right; wrong


def test_the_mse_ratio_is_symmetric_in_z(course: Course) -> None:
    """The factor 1/(2σ′(z)) is the same for a confidently right neuron as for a wrong one."""
    says(course, "why-not-mse", "The factor itself, 1/(2σ′(z)), is symmetric in z")
    z = np.linspace(0.0, 12.0, 121)
    assert np.allclose(ratio(z), ratio(-z), rtol=1e-9)
    assert np.allclose(ratio(z), 1 / (2 * core.sigmoid_grad(z)), rtol=1e-9)
    assert ratio(5.0) == pytest.approx(ratio(-5.0)) == pytest.approx(75, abs=0.5)
    # right side: both gradients near 0; wrong side: CE near −1, MSE near 0
    assert abs(core.bce_grad_z(5, 1)) < 0.01 and abs(core.mse_grad_z(5, 1)) < 0.01
    assert core.bce_grad_z(-5, 1) < -0.99 and abs(core.mse_grad_z(-5, 1)) < 0.02


def test_the_ratio_is_unbounded_at_both_ends_whatever_the_scale(course: Course) -> None:
    """|∂CE/∂z| / |∂MSE/∂z| = 1/(2ŷ(1 − ŷ)) for either label: least (2) at ŷ = 0.5, unbounded
    toward 0 and 1; a constant in front of squared error moves raw comparisons, not that."""
    says(course, "why-not-mse", "|∂CE/∂z| / |∂MSE/∂z| = 1/(2ŷ(1 − ŷ)), for either label", "grows without bound")
    p = np.linspace(1e-6, 1 - 1e-6, 20001)
    z = core.logit(p)
    for y in (0, 1):
        r = np.abs(core.bce_grad_z(z, y) / core.mse_grad_z(z, y))
        assert np.allclose(r, 1 / (2 * p * (1 - p)), rtol=1e-6)
        assert r.min() == pytest.approx(2.0) and p[np.argmin(r)] == pytest.approx(0.5, abs=1e-4)
        assert r[0] > 1e5 and r[-1] > 1e5
    # 4·(ŷ − y)² is steeper than cross-entropy at ŷ = 0.5, yet its ratio still grows without bound
    assert 4 * abs(core.mse_grad_p(0.5, 1)) > abs(core.bce_grad_p(0.5, 1))
    assert abs(core.bce_grad_z(core.logit(1e-6), 1)) > 1e4 * 4 * abs(core.mse_grad_z(core.logit(1e-6), 1))
    assert ratio(core.logit(0.01)) == pytest.approx(ratio(core.logit(0.99)))  # "at 0.01 and at 0.99"


def test_raw_slopes_cross_entropy_wins_everywhere() -> None:
    """Taken literally, 1/ŷ > 2(1 − ŷ) on all of (0, 1): the threshold claim e⁻² is false."""
    p = np.linspace(1e-6, 1 - 1e-6, 20001)
    assert np.all(np.abs(core.bce_grad_p(p, 1)) > np.abs(core.mse_grad_p(p, 1)))


def test_the_probability_explorer_readout_states_the_scale_free_fact() -> None:
    """The explorer's ratio: 1/(2ŷ(1 − ŷ)), least (2) at ŷ = 0.5, growing toward both ends,
    the same for either label (right or wrong)."""
    grid = range(P_MIN, P_MAX + 1)
    for y in (0, 1):
        r = [ProbabilityExplorer(k, y).readout().grad_ratio for k in grid]
        assert min(r) == pytest.approx(2.0) and r.index(min(r)) == 50 - P_MIN  # ŷ = 0.5
        middle = 50 - P_MIN
        assert all(a > b for a, b in itertools.pairwise(r[: middle + 1]))  # falls toward the middle
        assert all(a < b for a, b in itertools.pairwise(r[middle:]))  # then grows
        assert r == pytest.approx(r[::-1])
        assert r == pytest.approx([1 / (2 * (k / 100) * (1 - k / 100)) for k in grid])


def test_mse_shape_slope_falls_then_rises(course: Course) -> None:
    """mse-shape: the signed slope falls to −0.296 at z = −log 2, then rises; left of −log 2 the
    curve bends down (the non-convex part)."""
    explain = option_explain(course, "why-not-mse", "mse-shape", "Convex")
    assert "falls to its lowest value" in explain and "then rises back toward 0" in explain
    z = np.linspace(-12.0, 12.0, 24001)
    slope = core.mse_grad_z(z, 1)
    turn = -math.log(2)
    assert np.all(np.diff(slope[z < turn - 1e-3]) < 0) and np.all(np.diff(slope[z > turn + 1e-3]) > 0)
    assert slope.min() == pytest.approx(-0.296, abs=5e-4) and z[np.argmin(slope)] == pytest.approx(turn, abs=1e-3)
    loss = core.mse(core.sigmoid(z), 1)
    assert np.all(np.diff(loss, 2)[z[1:-1] < turn - 0.01] < 0)


def test_the_worked_product_matches_its_shown_factors(course: Course) -> None:
    """mse-grad-z: 2(σ − 1)·σ′ from the factors as shown gives the result as shown."""
    q = question(course, "why-not-mse", "mse-grad-z")
    assert isinstance(q, NumericQuestion)
    sig, sig_prime, result = (float(m.stated) for m in markers(q.explain))
    assert f"2({sig} − 1)·{sig_prime}" in " ".join(q.explain.split())
    assert round(2 * (sig - 1) * sig_prime, 4) == float(result) == round(float(core.mse_grad_z(-4, 1)), 4)


def test_the_worked_table_shows_small_values_honestly(course: Course) -> None:
    """At z = −10, ŷ shows as 4.5e−5 and the squared error as 0.9999, not 0.0000 and 1.000."""
    (table,) = sections(course, "why-not-mse", WorkedSection)
    top = dict(zip([c.header for c in table.columns], worked_cells(table)[0], strict=True))
    assert top["ŷ"] == "4.5e\u22125" and top["MSE"] == "0.9999"
    says(course, "why-not-mse", "shows as 4.5e−5", "at the bottom where it is already right")
    column = [row[3] for row in worked_cells(table)]  # ∂MSE/∂z: tiny at both ends
    assert "e" in column[0] and "e" in column[-1]


def test_no_worked_cell_reads_as_a_whole_number_it_is_not(course: Course) -> None:
    """Every table: a cell reads as 0 (or any whole number) only when its value is one."""
    for lesson in course.lessons:
        for table in (s for s in lesson.sections if isinstance(s, WorkedSection)):
            for row, cells in zip(table.rows, worked_cells(table), strict=True):
                for column, cell in zip(table.columns, cells, strict=True):
                    shown = float(cell.replace("\u2212", "-"))
                    value = evaluate(column.expr, row)
                    if shown == round(shown):
                        assert value == pytest.approx(shown, rel=1e-9, abs=1e-12), (lesson.id, column.header, cell)


def test_mse_bounded_ratios(course: Course) -> None:
    """mse-bounded: a confident mistake costs only ~4× a coin flip in squared error, ~10× in CE."""
    q = question(course, "why-not-mse", "mse-bounded")
    assert "only four times" in q.explain and "ten times" in q.explain
    assert core.mse(0.001, 1) / core.mse(0.5, 1) == pytest.approx(4, abs=0.05)
    assert core.bce(0.001, 1) / core.bce(0.5, 1) == pytest.approx(10, abs=0.05)


def test_lab_cross_entropy_recovers_in_about_ten_epochs(course: Course) -> None:
    """Started at w = −5 (every example on the wrong side, |z| ≥ 5): cross-entropy classifies
    everything right within ten epochs; squared error stays on its plateau for hundreds."""
    (section,) = sections(course, "why-not-mse", LabSection)
    x, y = lab.make_dataset(section.n, section.seed, section.separation, section.label_noise)
    z0 = section.w0 * x + section.b0
    assert np.all((z0 > 0) != (y == 1)) and np.abs(z0).min() >= 5
    ten, _ = run_lab(section, "bce", epochs=10)
    assert np.all((ten.probs > 0.5) == (y == 1)) and ten.losses[-1] < 0.05 * ten.losses[0]
    mse, _ = run_lab(section, "mse")
    assert mse.losses[500] > 0.95 * mse.losses[0] and mse.losses[-1] < 0.01


def lab_figures_of(section: LabSection):
    """The figures and summary the lab widget shows for ``section`` (the same runs, the same code)."""
    from tutor.plots.figures import lab_figures

    return lab_figures(run_lab(section, "bce")[0], run_lab(section, "mse")[0])


def test_the_why_not_mse_lab_shows_the_plateau(course: Course) -> None:
    """The lab shows only the loss curves, each as a share of its run's start (the caption says so),
    and its summary numbers agree with the caption: cross-entropy halves its loss within ten epochs,
    squared error only after hundreds."""
    (section,) = sections(course, "why-not-mse", LabSection)
    assert section.show == ("losses",)
    says(course, "why-not-mse", "Each curve is its run's own loss as a share of its start")
    figs = lab_figures_of(section)
    assert all(s.y[0] == 1.0 for s in figs.losses.series)
    assert figs.bce.halved_at is not None and figs.bce.halved_at <= 10
    assert figs.mse.halved_at is not None and figs.mse.halved_at >= 200
    summary = figs.summary(section.show)
    assert f"squared error: the loss fell to half its start after {figs.mse.halved_at} epochs" in " ".join(summary)


def test_the_extreme_outputs_labs_show_the_extremes_first(course: Course) -> None:
    """Both labs put the histograms (the extremes) first; their summaries state the shares the
    captions describe: every prediction extreme on separable data, about a sixth with flipped labels."""
    separable, noisy = sections(course, "extreme-outputs", LabSection)
    assert separable.show == noisy.show == ("histograms", "losses")
    for section, share in ((separable, 1.0), (noisy, 1 / 6)):
        figs = lab_figures_of(section)
        assert figs.bce.extreme_fraction == pytest.approx(share, abs=0.03)
        first = figs.summary(section.show)[0]
        assert (
            first.startswith("Trained with cross-entropy:")
            and f"{figs.bce.extreme_fraction:.0%} of predictions" in first
        )


# ----- cross-entropy ----------------------------------------------------------------------


def test_a_long_product_of_probabilities_underflows_its_log_sum_does_not(course: Course) -> None:
    says(course, "cross-entropy", "(1100 factors of 0.5 already do in float64)")
    halves = np.full(1100, 0.5)
    assert np.prod(halves) == 0.0 and np.prod(halves[:1000]) > 0  # a thousand do not, yet
    assert np.sum(np.log(halves)) == pytest.approx(-1100 * math.log(2))


def test_squared_error_of_a_confident_mistake_is_two_to_four_mild_ones(course: Course) -> None:
    says(course, "cross-entropy", "only two to four times what milder mistakes cost")
    assert core.mse(0.01, 1) / core.mse(0.3, 1) == pytest.approx(2, abs=0.05)
    assert core.mse(0.01, 1) / core.mse(0.5, 1) == pytest.approx(4, abs=0.1)


def test_probability_explorer_loss_below_log2_on_the_labels_side(course: Course) -> None:
    (section,) = sections(course, "cross-entropy", ExplorerSection)
    assert "stay below log 2" in " ".join(section.caption.split())
    for k in range(P_MIN, P_MAX + 1):
        for y in (0, 1):
            r = ProbabilityExplorer(k, y).readout()
            on_label_side = (k > 50) if y == 1 else (k < 50)
            assert (r.ce < math.log(2)) == on_label_side or k == 50
            assert np.sign(r.ce_grad_z) == (1 if y == 0 else -1)
    assert ProbabilityExplorer(P_MIN, 1).readout().ce > 4.5  # the wrong end


def test_saturated_wrong_gradients_for_z_b_and_w(course: Course) -> None:
    """∂L/∂z and ∂L/∂b near ±1, ∂L/∂w near ±x (finite differences of the core's loss)."""
    says(course, "cross-entropy", "∂L/∂z and ∂L/∂b near ±1 and ∂L/∂w near ±x")
    w, b, y, h = -5.0, 0.0, 1, 1e-6

    def loss(w: float, b: float, x: float) -> float:
        return float(core.bce_with_logits(w * x + b, y))

    for x in (2.0, 3.0, 5.0):  # z = −10, −15, −25 with y = 1: saturated and wrong
        z = w * x + b
        d_w = (loss(w + h, b, x) - loss(w - h, b, x)) / (2 * h)
        d_b = (loss(w, b + h, x) - loss(w, b - h, x)) / (2 * h)
        assert d_b == pytest.approx(core.bce_grad_z(z, y), rel=1e-5) and abs(d_b) > 0.9
        assert d_w == pytest.approx(core.bce_grad_z(z, y) * x, rel=1e-5) and abs(d_w) == pytest.approx(abs(x), rel=1e-3)


def naive_sigmoid(z: np.ndarray) -> np.ndarray:
    """σ computed the way frameworks do, 1/(1 + e⁻ᶻ), in z's own precision."""
    one = z.dtype.type(1)
    with np.errstate(over="ignore"):
        return one / (one + np.exp(-z))


@pytest.mark.parametrize(("dtype", "from_z"), [(np.float32, 24 * math.log(2)), (np.float64, 53 * math.log(2))])
def test_sigma_rounds_to_one_from(dtype: type, from_z: float, course: Course) -> None:
    """σ(z) rounds to exactly 1 from z ≈ 16.6 in float32 and ≈ 36.7 in float64."""
    says(course, "cross-entropy", "already from z ≈ 16.6 in float32")
    z = np.arange(0.0, 60.0, 0.001).astype(dtype)
    first = float(z[np.argmax(naive_sigmoid(z) == 1)])
    assert first == pytest.approx(from_z, abs=0.002)
    assert np.all(naive_sigmoid(z[z < first]) < 1)


def test_sigma_then_log_fails_on_one_side(course: Course) -> None:
    """Large positive z: −log(1 − ŷ) is ∞ (BCELoss's clamp at −100 reports 100 for z = 40, y = 0,
    whose loss is 40). Large negative z: −log ŷ stays right in float32 until e⁻ᶻ overflows."""
    says(course, "cross-entropy", "clamps the log at −100 and reports a loss of 100", "−log ŷ stays right")
    for dtype in (np.float32, np.float64):
        forty = naive_sigmoid(np.array([40.0], dtype=dtype))
        with np.errstate(divide="ignore"):
            log_term = np.log(1 - forty)
        assert np.isinf(log_term[0])
        assert -np.maximum(log_term, -100.0)[0] == 100  # BCELoss clamps the log at −100 (its documentation)
    assert core.bce_with_logits(40, 0) == pytest.approx(40.0)
    z = np.arange(-88.5, 0.0, 0.25).astype(np.float32)
    naive = -np.log(naive_sigmoid(z))
    assert np.allclose(naive, core.bce_with_logits(z.astype(np.float64), 1), rtol=1e-5)
    with np.errstate(divide="ignore"):
        assert np.isinf(-np.log(naive_sigmoid(np.array([-88.8], dtype=np.float32))))
    assert float(np.log(np.finfo(np.float32).max)) == pytest.approx(128 * math.log(2), abs=1e-4)


# ----- sigmoid-vs-softmax -----------------------------------------------------------------


def two_logit_head(h, y, lr: float, steps: int, decay: float = 0.0, a=(0.0, 0.0), b=(0.0, 0.0)):
    """Full-batch descent on mean softmax CE + decay·(sum of squared weights), logits
    x_k = a_k·h + b_k, class 0 positive. Gradients from core.cross_entropy_grad."""
    a, b = np.array(a, dtype=np.float64), np.array(b, dtype=np.float64)
    labels = (1 - y).astype(np.int64)
    for _ in range(steps):
        g = core.cross_entropy_grad(np.outer(h, a) + b, labels)
        a = a - lr * (g.T @ h / h.size + 2 * decay * a)
        b = b - lr * (g.mean(axis=0) + 2 * decay * b)
    return a, b


def sigmoid_head(h, y, lr: float, steps: int, decay: float = 0.0, w: float = 0.0, b: float = 0.0):
    """The same for one logit z = w·h + b with BCE (core.bce_grad_z)."""
    for _ in range(steps):
        g = core.bce_grad_z(w * h + b, y)
        w, b = w - lr * (float(g @ h) / h.size + 2 * decay * w), b - lr * (float(g.mean()) + 2 * decay * b)
    return w, b


@pytest.fixture(scope="module")
def noisy_data(course: Course) -> tuple[np.ndarray, np.ndarray]:
    section = sections(course, "extreme-outputs", LabSection)[1]
    return lab.make_dataset(section.n, section.seed, section.separation, section.label_noise)


def test_one_step_moves_the_gap_by_two_eta_error(course: Course) -> None:
    says(course, "sigmoid-vs-softmax", "so the gap x₁ − x₂ changes by −2η(p₁ − y)")
    eta, logits = 0.3, np.array([2.0, 0.5])
    for label, y in ((0, 1), (1, 0)):
        g = core.cross_entropy_grad(logits, label)
        after = logits - eta * g
        p1 = core.softmax(logits)[0]
        assert (after[0] - after[1]) - (logits[0] - logits[1]) == pytest.approx(-2 * eta * (p1 - y))
        assert after.sum() == pytest.approx(logits.sum(), abs=1e-15)
        z_after = 1.5 - eta * core.bce_grad_z(1.5, y)
        assert z_after - 1.5 == pytest.approx(-eta * (p1 - y))  # the sigmoid moves half as far


def test_two_logit_head_at_eta_is_the_sigmoid_at_two_eta(course: Course, noisy_data) -> None:
    """A linear two-logit head trained at rate η takes the sigmoid's steps at rate 2η (the lab's
    own trainer), from matching starts; at rate η the sigmoid is a different, slower path."""
    says(course, "sigmoid-vs-softmax", "a two-logit head trained at rate η takes exactly the steps of a sigmoid")
    h, y = noisy_data
    a0, b0 = (-0.8, 1.2), (0.1, 0.35)  # a gap weight of −2: a wrong start, so the paths differ
    start = {"w0": a0[0] - a0[1], "b0": b0[0] - b0[1]}
    for steps in (1, 5, 40):
        a, b = two_logit_head(h, y, 0.5, steps, a=a0, b=b0)
        doubled = lab.train_logistic(h, y, "bce", lr=1.0, epochs=steps, **start)
        assert a[0] - a[1] == pytest.approx(doubled.w, rel=1e-10)
        assert b[0] - b[1] == pytest.approx(doubled.b, rel=1e-10, abs=1e-12)
        assert a.sum() == pytest.approx(sum(a0)) and b.sum() == pytest.approx(sum(b0))
        if steps == 5:
            same_rate = lab.train_logistic(h, y, "bce", lr=0.5, epochs=steps, **start)
            assert abs(same_rate.w - (a[0] - a[1])) > 0.2


def test_weight_decay_penalises_the_gap_half_as_much(course: Course, noisy_data) -> None:
    """With an L2 penalty λ the two-logit head ends where a sigmoid with λ/2 ends (the sum of the
    logits' weights decays to 0), so at the same λ it is more confident than the sigmoid."""
    says(course, "sigmoid-vs-softmax", "It penalises the gap half as much")
    q = question(course, "sigmoid-vs-softmax", "smx-spread")
    assert "half as much" in q.explain
    h, y = noisy_data
    lam, lr, steps = 0.05, 0.5, 3000
    a, b = two_logit_head(h, y, lr, steps, decay=lam, a=(0.3, 0.5), b=(-0.2, 0.4))
    half = sigmoid_head(h, y, lr, steps, decay=lam / 2)
    full = sigmoid_head(h, y, lr, steps, decay=lam)
    assert abs(a.sum()) < 1e-6 and abs(b.sum()) < 1e-6  # +d/2 and −d/2
    assert a[0] - a[1] == pytest.approx(half[0], rel=1e-6) and b[0] - b[1] == pytest.approx(half[1], rel=1e-6)
    assert abs(a[0] - a[1]) > 1.1 * abs(full[0])
    p_two = core.sigmoid((a[0] - a[1]) * h + (b[0] - b[1]))
    p_one = core.sigmoid(full[0] * h + full[1])
    assert np.mean(np.abs(p_two - 0.5)) > np.mean(np.abs(p_one - 0.5))


def test_rows_with_the_same_gap_share_p1_and_both_losses(course: Course) -> None:
    (table,) = sections(course, "sigmoid-vs-softmax", WorkedSection)
    assert "share p₁ and both losses" in " ".join(table.note.split())
    first, second = worked_cells(table)[:2]
    assert first[:2] != second[:2] and first[3:] == second[3:]


def test_softmax_explorer_caption(course: Course) -> None:
    """Raise x₁ by 1, switch, raise x₂ by 1: the logits stay 1 higher, everything else returns;
    softmax(x)₁ − σ(x₁ − x₂) is 0 or a rounding error; each logit stays within [−5, 5]."""
    (section,) = sections(course, "sigmoid-vs-softmax", ExplorerSection)
    caption = " ".join(section.caption.split())
    assert "both logits are 1 higher" in caption and "shift+←/→" in caption
    lo, hi = LOGIT_MIN / 10, LOGIT_MAX / 10
    assert f"within [{lo:g}, {hi:g}]".replace("-", "\u2212") in caption
    start = SoftmaxExplorer()
    moved = start.nudge(1.0).switch().nudge(1.0)
    assert (moved.x1, moved.x2) == (start.x1 + 1, start.x2 + 1)
    before, after = start.readout(), moved.readout()
    for name in ("softmax1", "softmax2", "diff", "sigmoid_diff", "ce", "bce"):
        assert getattr(after, name) == pytest.approx(getattr(before, name), abs=1e-15), name
    assert SoftmaxExplorer(LOGIT_MAX - 3).nudge(1.0).x1 == hi and SoftmaxExplorer(LOGIT_MIN + 3).nudge(-1.0).x1 == lo
    gaps = [SoftmaxExplorer(a, b).readout().gap for a in range(LOGIT_MIN, LOGIT_MAX + 1, 3) for b in (-50, -7, 0, 13)]
    assert max(map(abs, gaps)) < 1e-15


# ----- extreme-outputs --------------------------------------------------------------------


def test_the_loss_tends_to_zero_only_toward_the_labels_side(course: Course) -> None:
    says(course, "extreme-outputs", "approached as z grows toward the label's side")
    z = np.array([5.0, 20.0, 40.0])
    assert np.all(np.diff(core.bce_with_logits(z, 1)) < 0) and core.bce_with_logits(40.0, 1) < 1e-15
    assert np.all(np.diff(core.bce_with_logits(-z, 1)) > 0) and core.bce_with_logits(-40.0, 1) > 39  # |z| grows, too
    assert core.bce_with_logits(-40.0, 0) < 1e-15


def test_a_mean_loss_bounds_each_loss_by_n_times(course: Course) -> None:
    """Mean 0.001 over 1000 examples allows one loss of 1 (true class at e⁻¹); 0.001 on every
    example puts every output within a thousandth of its label."""
    says(course, "extreme-outputs", "none of N examples can exceed N times the mean", "one may carry a loss of 1")
    losses = np.array([core.bce(math.exp(-1), 1)] + [core.bce(1 - 1e-12, 1)] * 999)
    assert losses.mean() == pytest.approx(0.001, rel=1e-6) and losses.max() == pytest.approx(1.0)
    assert losses.max() <= losses.size * losses.mean()
    assert 1 - math.exp(-0.001) < 0.001
    for L in (0.1, 0.01, 0.001):  # "for y = 0 the logit needed is the negative"
        assert core.logit(1 - math.exp(-L)) == pytest.approx(-core.logit(math.exp(-L)))


def test_doubling_z_needs_both_w_and_b(course: Course) -> None:
    says(course, "extreme-outputs", "Double both w and b, and every z = w·x + b doubles")
    section = sections(course, "extreme-outputs", LabSection)[0]
    result, x = run_lab(section, "bce")
    w, b = result.w, result.b
    assert b != 0
    assert np.allclose(2 * w * x + 2 * b, 2 * (w * x + b))
    assert not np.allclose(2 * w * x + b, 2 * (w * x + b))
    _, y = lab.make_dataset(section.n, section.seed, section.separation, section.label_noise)
    assert np.all(np.sign(w * x + b) == 2 * y - 1)  # separating
    assert np.all(core.bce_with_logits(2 * (w * x + b), y) < core.bce_with_logits(w * x + b, y))


def test_lab_separable_squared_error_heads_the_same_way_more_slowly(course: Course) -> None:
    section = sections(course, "extreme-outputs", LabSection)[0]
    bce, _ = run_lab(section, "bce")
    mse, _ = run_lab(section, "mse")
    longer, _ = run_lab(section, "mse", epochs=2 * section.epochs)

    def extreme(probs: np.ndarray) -> float:
        return float(np.mean((probs < 0.05) | (probs > 0.95)))

    assert extreme(bce.probs) == 1.0
    assert 0.5 < extreme(mse.probs) < extreme(bce.probs) and abs(mse.w) < abs(bce.w)
    assert abs(longer.w) > abs(mse.w) and extreme(longer.probs) > extreme(mse.probs)


def test_lab_with_flipped_labels_shows_two_clumps(course: Course) -> None:
    """No prediction between 0.3 and 0.8 in either run; about a sixth extreme (all, when separable)."""
    noisy = sections(course, "extreme-outputs", LabSection)[1]
    says(course, "extreme-outputs", "about a sixth of the predictions", "one below 0.3 and one above 0.8")
    for loss in ("bce", "mse"):
        result, x = run_lab(noisy, loss)
        assert not np.any((result.probs > 0.3) & (result.probs < 0.8)), loss
        assert np.any(result.probs < 0.3) and np.any(result.probs > 0.8)
        ends = core.sigmoid(result.w * np.array([-1.0, 1.0]) + result.b)
        assert ends[0] < 0.3 and ends[1] > 0.8  # at |x| = 1 the neuron already leans
    assert np.abs(x).min() >= noisy.separation / 2 == 1
    result, _ = run_lab(noisy, "bce")
    assert np.mean((result.probs < 0.05) | (result.probs > 0.95)) == pytest.approx(1 / 6, abs=0.03)


def test_label_frequency_needs_conflicting_labels(course: Course) -> None:
    """argmin = k/n for 0 < k < n; with k = 0 or k = n the loss keeps falling toward the label."""
    (formula,) = [s for s in sections(course, "extreme-outputs", FormulaSection) if "argmin" in s.unicode]
    assert "With conflicting labels (0 < k < n)" in formula.caption and "With k = 0 or k = n" in formula.caption
    q = np.linspace(1e-6, 1 - 1e-6, 10001)
    n = 4
    for k in (0, n):
        loss = k * core.bce(q, 1) + (n - k) * core.bce(q, 0)
        steps = np.diff(loss)
        assert np.all(steps > 0) if k == 0 else np.all(steps < 0)  # no interior minimum
        assert loss.min() > 0


def everything(course: Course, lesson_id: str) -> str:
    """The lesson's prose and its quiz texts (prompts, options, explanations), as read."""
    lesson = course.lesson(lesson_id)
    parts = [prose(course, lesson_id)]
    for q in lesson.questions:
        parts += [q.prompt, getattr(q, "explain", "")]
        for option in getattr(q, "options", ()):
            parts += [option.text, option.explain]
    return " ".join(" ".join(render(p).split()) for p in parts)


@pytest.mark.parametrize(
    ("lesson_id", "wrong"),
    [
        ("sigmoid-vs-softmax", "moves the gap exactly as it moves z"),
        ("extreme-outputs", "spreads across the middle"),
        ("extreme-outputs", "A mean training loss of 0.001 means outputs within a thousandth"),
        ("why-not-mse", "near 0 again on the right: it rises, then falls"),
        ("why-not-mse", "cross-entropy is always steeper"),
        ("cross-entropy", "barely more than on a mild mistake"),
        ("extreme-outputs", "approached as |z| grows"),
        ("extreme-outputs", "Double w and every z doubles"),
        ("cross-entropy", "fails for large |z|"),
        ("cross-entropy", "gets a gradient near ±1, not near 0"),
        ("why-not-mse", "vanishes exactly when the output is saturated and wrong"),
        ("why-not-mse", "the gap widens the more wrong the neuron is"),
        ("sigmoid-vs-softmax", "same model as one sigmoid, they share the same best predictions"),
        ("sigmoid-vs-softmax", "everything returns to where it was"),
        ("extreme-outputs", "With conflicting labels, the best prediction is the label frequency"),
        ("why-not-mse", "2(0.018 − 1)·0.0177"),
        ("why-not-mse", "hardly more than a merely bad one"),
        ("cross-entropy", "Watch the loss stay small"),
        ("sigmoid-vs-softmax", "share the gap 1.5 and so share everything"),
    ],
)
def test_the_corrected_sentences_stay_corrected(course: Course, lesson_id: str, wrong: str) -> None:
    """Issue 11's false or imprecise sentences: none may come back."""
    assert wrong not in everything(course, lesson_id)
