"""The course's part two (lessons 5–8): its standards, every draw of its practice, and its claims.

Three groups of tests:

* the standards each new lesson keeps (a summary, a plot or explorer, 12 questions or more with
  an explanation for every option, at least three generated templates);
* every generated question's slips name only its drawn variables (every draw itself is checked by
  ``ce-tutor check``, see tests/quiz/test_every_draw.py);
* the claims the lessons make in words, recomputed with the core (one section per lesson, in
  course order), reading the sentence from the course where the wording matters.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from tutor import core
from tutor.content import bundled_course_dir, load_course
from tutor.content.expr import evaluate, substitute
from tutor.content.kinds import (
    ChoiceQuestion,
    ExplorerSection,
    FormulaSection,
    GeneratedQuestion,
    NumericQuestion,
    PlotSection,
    SummarySection,
    WorkedSection,
)
from tutor.content.kinds.worked import worked_cells
from tutor.content.model import Course
from tutor.content.prose import render
from tutor.explorers import KClassExplorer

PART_TWO = ["many-classes", "entropy-and-kl", "in-code", "imbalance-and-multilabel"]
MIN_QUESTIONS = 12
MIN_TEMPLATES = 3


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(bundled_course_dir())


def written(course: Course) -> list[str]:
    """The part-two lessons the course holds so far (they are written one by one)."""
    ids = {lesson.id for lesson in course.lessons}
    return [lesson_id for lesson_id in PART_TWO if lesson_id in ids]


def prose(course: Course, lesson_id: str) -> str:
    """The lesson's running text as the learner reads it (summary, text, captions, notes, facts)."""
    lesson = course.lesson(lesson_id)
    parts = [lesson.summary]
    for s in lesson.sections:
        parts += [getattr(s, name, "") for name in ("markdown", "caption", "note")]
        if isinstance(s, FormulaSection):
            parts += [meaning for _, meaning in s.where]
        if isinstance(s, SummarySection):
            parts += list(s.facts)
    return " ".join(" ".join(render(p).split()) for p in parts)


def says(course: Course, lesson_id: str, *phrases: str) -> None:
    text = prose(course, lesson_id)
    for phrase in phrases:
        assert " ".join(phrase.split()) in text, phrase


def question(course: Course, lesson_id: str, qid: str):
    return next(q for q in course.lesson(lesson_id).questions if q.id == qid)


def sections(course: Course, lesson_id: str, kind: type) -> list:
    return [s for s in course.lesson(lesson_id).sections if isinstance(s, kind)]


# ----- standards --------------------------------------------------------------------------


def test_the_course_lists_the_new_lessons_in_order(course: Course) -> None:
    ids = [lesson.id for lesson in course.lessons]
    assert ids[:4] == ["logarithms", "why-not-mse", "cross-entropy", "sigmoid-vs-softmax"]
    assert ids[-1] == "extreme-outputs"
    assert [i for i in ids if i in PART_TWO] == written(course)
    assert written(course), "no part-two lesson yet"


def test_each_new_lesson_keeps_the_standard(course: Course) -> None:
    for lesson_id in written(course):
        lesson = course.lesson(lesson_id)
        assert len(lesson.questions) >= MIN_QUESTIONS, lesson_id
        assert sum(isinstance(q, GeneratedQuestion) for q in lesson.questions) >= MIN_TEMPLATES, lesson_id
        assert any(isinstance(s, (PlotSection, ExplorerSection)) for s in lesson.sections), lesson_id
        assert isinstance(lesson.sections[-1], SummarySection), f"{lesson_id} ends without a summary"
        for q in lesson.questions:
            if isinstance(q, ChoiceQuestion):
                assert all(o.explain.strip() for o in q.options), q.id
            if isinstance(q, (NumericQuestion, GeneratedQuestion)):
                assert q.answer.calls, f"{q.id}: the answer must be computed by the core"
                assert q.slips, f"{q.id}: name the misconceptions in slips"


def test_every_lesson_ends_with_a_summary_that_fits_one_screen(course: Course) -> None:
    """The last section of every lesson is its summary, short enough for one 120×40 screen."""
    inner = 120 - 12  # the lesson's scroll bar, paddings and the bullet
    for lesson in course.lessons:
        summary = lesson.sections[-1]
        assert isinstance(summary, SummarySection), lesson.id
        rows = 2 + len(summary.formulas) + 2 + sum(-(-len(render(f)) // inner) for f in summary.facts)
        assert rows <= 30, (lesson.id, rows)


def test_the_notation_sheet_covers_the_course(course: Course) -> None:
    """Every symbol group is there, and the symbols lessons lean on most have an entry."""
    symbols = {symbol for group in course.notation for symbol, _ in group.symbols}
    for needed in ("z", "σ(z)", "ŷ", "pₖ", "L", "H(p)", "KL(p‖q)", "T", "ε", "γ", "pₜ", "tₖ", "η"):
        assert needed in symbols, needed
    assert len(course.notation) >= 5


# ----- every draw of every numeric question ------------------------------------------------
# ``ce-tutor check`` grades every draw of every generated question against its stated precision,
# its slips and the classic mistakes (tests/quiz/test_every_draw.py runs it on the bundled course).


def test_substituted_slips_name_only_drawn_variables(course: Course) -> None:
    for lesson_id in written(course):
        for q in course.lesson(lesson_id).questions:
            if isinstance(q, GeneratedQuestion):
                names = {d.name for d in q.draws}
                for slip in q.slips:
                    assert slip.answer.variables <= names, (q.id, slip.answer.source)
                    substitute(slip.answer, dict.fromkeys(names, "1"))


# ----- many-classes -----------------------------------------------------------------------

Z = [2.0, 1.0, 0.1]


def test_softmax_properties_the_lesson_lists() -> None:
    rng = np.random.default_rng(1)
    for z in rng.uniform(-6, 6, size=(200, 4)):
        p = core.softmax(z)
        assert np.all(p > 0) and p.sum() == pytest.approx(1.0)
        assert list(np.argsort(p)) == list(np.argsort(z))  # the order is kept
        assert core.softmax(z + 3.0) == pytest.approx(p, rel=1e-12)  # only differences matter
    assert not np.allclose(core.softmax(Z), np.array(Z) / sum(Z))  # not the raw share


def test_the_one_hot_sum_is_minus_log_p_y_and_spreading_changes_nothing(course: Course) -> None:
    says(course, "many-classes", "the same loss, log 2 ≈ 0.693, as one giving it 0.5")
    t = core.label_smoothing_targets(0, 3, 0.0)
    assert core.cross_entropy_dist(t, core.softmax(Z)) == pytest.approx(core.cross_entropy(Z, 0))
    assert core.cross_entropy_dist([1, 0, 0], [0.5, 0.25, 0.25]) == core.cross_entropy_dist([1, 0, 0], [0.5, 0.5, 0])


def test_class_two_costs_exactly_one_more(course: Course) -> None:
    says(course, "many-classes", "exactly 1 more, because the log-sum-exp is the same")
    assert core.cross_entropy(Z, 1) - core.cross_entropy(Z, 0) == pytest.approx(1.0, abs=1e-12)


def test_the_gradient_is_p_minus_one_hot_and_sums_to_zero(course: Course) -> None:
    (table, _temperature) = sections(course, "many-classes", WorkedSection)
    cells = worked_cells(table)
    for y in (0, 1):
        block = [float(row[-1].replace("\u2212", "-")) for row in cells[3 * y : 3 * y + 3]]
        assert sum(block) == pytest.approx(0.0, abs=2e-3)  # as shown, to rounding
        assert block[y] < 0 and all(g > 0 for k, g in enumerate(block) if k != y)
    rng = np.random.default_rng(2)
    for z in rng.uniform(-5, 5, size=(100, 5)):
        for y in range(5):
            g = core.cross_entropy_grad(z, y)
            assert g.sum() == pytest.approx(0.0, abs=1e-15)
            assert g == pytest.approx(core.softmax(z) - np.eye(5)[y], abs=1e-15)
            h = 1e-6  # and it is the slope of the loss
            for k in range(5):
                step = np.eye(5)[k] * h
                slope = (core.cross_entropy(z + step, y) - core.cross_entropy(z - step, y)) / (2 * h)
                assert slope == pytest.approx(g[k], abs=1e-7)


def test_the_k_class_explorer_caption(course: Course) -> None:
    """Raising the true logit lowers the loss, raising another raises it; 0 gives 1/K and log K."""
    (explorer,) = sections(course, "many-classes", ExplorerSection)
    assert explorer.explorer == "k-class"
    says(
        course,
        "many-classes",
        "Raise the true class's logit and the loss falls; raise any other and it rises.",
        "each probability becomes 1/K and the loss log K",
        "by 1 with shift+←/→",
        "+ or − adds or removes a class (3 to 5)",
    )
    rng = np.random.default_rng(3)
    for _ in range(200):
        k = int(rng.integers(3, 6))
        state = KClassExplorer(tuple(int(t) for t in rng.integers(-49, 50, size=k)), int(rng.integers(k)), 0)
        state = KClassExplorer(state.tenths, state.selected, int(rng.integers(k)))
        before, after = state.readout().loss, state.nudge(0.1).readout().loss
        assert (after < before) if state.selected == state.label else (after > before)
        equal = state.equal_logits().readout()
        assert equal.probs == pytest.approx([1 / k] * k) and equal.loss == pytest.approx(math.log(k))


def test_a_fresh_model_starts_near_log_k() -> None:
    """Small random logits (an untrained network) give a mean loss close to log K."""
    rng = np.random.default_rng(4)
    for k in (3, 10, 1000):
        logits = rng.normal(0.0, 0.01, size=(2000, k))
        labels = rng.integers(k, size=2000)
        assert np.mean(core.cross_entropy(logits, labels)) == pytest.approx(math.log(k), abs=0.01)


def test_naive_softmax_overflows_and_log_sum_exp_does_not(course: Course) -> None:
    says(course, "many-classes", "For logits [1000, 999, 0] the naive route gives nan")
    z = np.array([1000.0, 999.0, 0.0])
    with np.errstate(all="ignore"):
        naive = np.exp(z) / np.exp(z).sum()
        assert np.isnan(naive).any()
        assert np.exp(709.0) < np.inf and np.exp(710.0) == np.inf  # the float64 overflow point
        assert np.log(np.exp(z - z.max()) / np.exp(z - z.max()).sum())[2] == -np.inf  # log of a rounded 0
    assert np.isfinite(core.log_softmax(z)).all()


def test_temperature_keeps_the_class_and_tends_to_uniform(course: Course) -> None:
    says(course, "many-classes", "The predicted class never changes", "Class 1 stays the most probable at every T")
    rng = np.random.default_rng(5)
    for z in rng.uniform(-5, 5, size=(100, 4)):
        for t in (0.25, 0.5, 2.0, 5.0, 50.0):
            assert np.argmax(core.softmax(z / t)) == np.argmax(z)
    assert core.cross_entropy(np.array(Z) / 1e6, 0) == pytest.approx(math.log(3), abs=1e-6)
    losses = [core.cross_entropy(np.array(Z) / t, 0) for t in (0.5, 1, 2, 5, 20)]
    assert all(a < b for a, b in itertools.pairwise(losses)) and losses[-1] < math.log(3)


# ----- entropy-and-kl ---------------------------------------------------------------------


def random_distributions(k: int, n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return rng.dirichlet(np.ones(k), size=n)


def test_entropy_is_at_most_log_k_and_zero_only_when_certain(course: Course) -> None:
    says(course, "entropy-and-kl", "H = log K, the most any distribution over K outcomes can have")
    for k in (2, 3, 5):
        h = core.entropy(random_distributions(k, 500, k))
        assert np.all(h <= math.log(k) + 1e-12) and np.all(h > 0)
        assert core.entropy(np.full(k, 1 / k)) == pytest.approx(math.log(k))
    assert core.entropy([1, 0, 0]) == 0


def test_the_entropy_table_grows_with_spread_and_a_fair_coin_is_one_bit(course: Course) -> None:
    says(course, "entropy-and-kl", "The more evenly spread, the higher the entropy", "a fair coin has exactly 1")
    table = sections(course, "entropy-and-kl", WorkedSection)[0]
    nats = [evaluate(table.columns[3].expr, row) for row in table.rows]
    assert all(a < b for a, b in itertools.pairwise(nats))
    assert core.entropy([0.5, 0.5]) / math.log(2) == pytest.approx(1.0, abs=1e-15)


def test_cross_entropy_is_entropy_plus_kl_and_kl_is_least_at_q_equals_p(course: Course) -> None:
    says(course, "entropy-and-kl", "The H(p) column never changes", "the smallest cross-entropy is reached at q = p")
    for k in (2, 3, 4):
        p, q = random_distributions(k, 300, 10 + k), random_distributions(k, 300, 20 + k)
        kl = core.kl_divergence(p, q)
        assert np.all(kl > 0) and np.allclose(core.cross_entropy_dist(p, q), core.entropy(p) + kl, rtol=1e-12)
        assert np.all(core.kl_divergence(p, p) == 0.0)
    table = sections(course, "entropy-and-kl", WorkedSection)[1]
    rows = [[evaluate(c.expr, row) for c in table.columns] for row in table.rows]
    assert len({row[3] for row in rows}) == 1  # H(p) constant
    assert min(rows, key=lambda row: row[5])[:3] == [0.7, 0.2, 0.1]  # least at q = p


def test_one_hot_cross_entropy_is_kl_is_negative_log_likelihood(course: Course) -> None:
    says(course, "entropy-and-kl", "Minimising any one of them is minimising the others")
    for q in random_distributions(4, 100, 30):
        for y in range(4):
            hot = np.eye(4)[y]
            assert core.entropy(hot) == 0
            assert core.cross_entropy_dist(hot, q) == pytest.approx(core.kl_divergence(hot, q), rel=1e-12)
            assert core.cross_entropy_dist(hot, q) == pytest.approx(-math.log(q[y]), rel=1e-12)


def test_soft_labels_have_a_floor_at_their_entropy(course: Course) -> None:
    says(course, "entropy-and-kl", "the loss can never go below it: at best q = p, and H(p, q) = H(p)")
    target = core.label_smoothing_targets(0, 10, 0.1)
    assert target[0] == pytest.approx(0.91) and target[1] == pytest.approx(0.01)
    floor = core.entropy(target)
    assert core.cross_entropy_soft(np.log(target), target) == pytest.approx(floor, rel=1e-12)
    rng = np.random.default_rng(31)
    assert np.all(core.cross_entropy_soft(rng.normal(0, 3, size=(2000, 10)), np.tile(target, (2000, 1))) > floor)


def test_the_entropy_kl_plot_caption() -> None:
    from tutor.plots.figures import SOFT_LABEL, figure

    fig = figure("entropy-kl")
    q, ce = fig.series[0].x, fig.series[0].y
    kl = fig.series[1].y
    assert q[np.argmin(ce)] == SOFT_LABEL == q[np.argmin(kl)] and kl.min() == 0
    assert np.allclose(ce - kl, core.entropy([SOFT_LABEL, 1 - SOFT_LABEL]), rtol=1e-12)


def test_base_rates_are_the_best_constant_and_beat_log_2(course: Course) -> None:
    says(course, "entropy-and-kl", "a loss of 0.40 looks modest but is worse than the constant base rate")
    grid = np.linspace(0.001, 0.999, 999)
    mean_loss = 0.1 * core.bce(grid, 1) + 0.9 * core.bce(grid, 0)
    assert grid[np.argmin(mean_loss)] == pytest.approx(0.1, abs=1e-3)
    assert mean_loss.min() == pytest.approx(core.entropy([0.1, 0.9]), abs=1e-6) and 0.325 < 0.40 < math.log(2)
    three = np.array([0.5, 0.3, 0.2])
    assert core.cross_entropy_dist(three, three) < core.cross_entropy_dist(three, np.full(3, 1 / 3))


def test_perplexity_counts_choices_in_either_unit(course: Course) -> None:
    says(course, "entropy-and-kl", "A loss of log K gives a perplexity of exactly K", "about seven options")
    for k in (2, 7, 10, 1000):
        assert math.exp(math.log(k)) == pytest.approx(k)
    for loss in (0.3, 1.5, 2.0, 4.0):
        assert 2 ** (loss / math.log(2)) == pytest.approx(math.exp(loss))
    assert round(math.exp(2)) == 7


# ----- in-code ----------------------------------------------------------------------------

BATCH = np.array([[2.0, 1.0, 0.1], [0.5, 2.0, 0.3], [1.0, 0.0, 3.0]])
LABELS = np.array([0, 1, 2])
WEIGHTS = np.array([1.0, 3.0, 1.0])


def test_the_batch_reductions(course: Course) -> None:
    """Mean, ignore-index, class weights and label smoothing, as the lesson states them."""
    losses = core.cross_entropy(BATCH, LABELS)
    assert np.mean(losses[[0, 2]]) == pytest.approx(0.293, abs=5e-4)  # the ignored one is not counted
    weighted = core.weighted_cross_entropy(BATCH, LABELS, WEIGHTS)
    assert weighted == pytest.approx((WEIGHTS[LABELS] * losses).sum() / WEIGHTS[LABELS].sum())
    smoothed = core.cross_entropy_soft(BATCH, core.label_smoothing_targets(LABELS, 3, 0.1))
    assert np.all(smoothed > losses)  # "Label smoothing raises every loss" (these three)
    says(course, "in-code", "Label smoothing raises every loss")


def test_one_hot_probability_targets_match_indices_until_weights(course: Course) -> None:
    says(course, "in-code", "With weights it does not: for probability targets the mean divides by N")
    hot = np.eye(3)[LABELS]
    assert core.cross_entropy_soft(BATCH, hot) == pytest.approx(core.cross_entropy(BATCH, LABELS), rel=1e-12)
    per_example = WEIGHTS[LABELS] * core.cross_entropy(BATCH, LABELS)
    as_probabilities = per_example.sum() / len(LABELS)
    assert as_probabilities != pytest.approx(core.weighted_cross_entropy(BATCH, LABELS, WEIGHTS), abs=0.1)


def test_log_probabilities_give_the_same_loss_as_logits(course: Course) -> None:
    """code-input: log-softmax ignores a shift, so log-probabilities as logits change nothing."""
    rng = np.random.default_rng(40)
    for z in rng.normal(0, 3, size=(100, 4)):
        assert core.cross_entropy(core.log_softmax(z), 2) == pytest.approx(core.cross_entropy(z, 2), rel=1e-12)


def _numeric_gradient(f, z: np.ndarray, h: float = 1e-6) -> np.ndarray:
    return np.array([(f(z + h * e) - f(z - h * e)) / (2 * h) for e in np.eye(z.size)])


def test_softmax_twice_floor_and_gradients(course: Course) -> None:
    says(
        course,
        "in-code",
        "every gradient is exactly 1/K of the correct one, a tenth for 10 classes",
        "The loss still falls as the model improves",
    )
    for k in (3, 10):
        floor = -math.log(math.e / (math.e + k - 1))
        rng = np.random.default_rng(k)
        for z in rng.normal(0, 6, size=(300, k)):
            assert core.cross_entropy(core.softmax(z), 0) >= floor - 1e-12
        zero = np.zeros(k)
        buggy = _numeric_gradient(lambda x, k=k: core.cross_entropy(core.softmax(x), 0), zero)
        assert buggy == pytest.approx(core.cross_entropy_grad(zero, 0) / k, abs=1e-8)
    from tutor.plots.figures import figure

    fig = figure("softmax-twice")
    p, correct, bug = fig.series[0].x, fig.series[0].y, fig.series[1].y
    assert np.all(np.diff(bug) < 0)  # still falls as p rises: it trains
    assert bug.min() > 0.55  # "flattens out above 0.55"
    crossing = p[np.argmin(np.abs(correct - bug))]
    assert crossing == pytest.approx(1 / 3, abs=0.005) and np.all((bug > correct)[p > 0.34])


def test_sigmoid_twice_keeps_predictions_above_one_half() -> None:
    p = np.linspace(1e-9, 1 - 1e-9, 10001)
    twice = core.sigmoid(p)
    assert np.all((twice > 0.5) & (twice < core.sigmoid(1.0)))
    z = np.linspace(-30, 30, 601)
    assert np.all(core.bce_with_logits(core.sigmoid(z), 0) > math.log(2))
    assert np.all(core.bce_with_logits(core.sigmoid(z), 1) > core.bce_with_logits(1.0, 1))


def test_numpy_one_hot_indexing_picks_the_wrong_entries(course: Course) -> None:
    says(course, "in-code", "that indexing picks p[i, 1] where the row has its 1 and p[i, 0] everywhere else")
    p = core.softmax(np.array([[2.0, 1.0, 0.1]]))
    y = np.array([[1, 0, 0]])
    buggy = -np.log(p[np.arange(1), y]).mean()
    assert buggy == pytest.approx(0.750, abs=5e-4)
    assert -np.log(p[np.arange(1), np.array([0])]).mean() == pytest.approx(core.cross_entropy([2, 1, 0.1], 0))


def test_float32_sigmoid_clamp_and_nan(course: Course) -> None:
    says(course, "in-code", "0·(−∞) is nan, for a prediction that is perfectly right")
    assert core.sigmoid_float32(20) == 1.0 and core.bce_clamped(core.sigmoid_float32(20), 0) == 100
    assert core.sigmoid_float32(-89) == 0.0 and core.bce_clamped(core.sigmoid_float32(-89), 1) == 100
    assert core.bce_with_logits(-89, 1) == pytest.approx(89.0)
    with np.errstate(all="ignore"):
        p, y = np.float32(1.0), np.float32(1.0)
        literal = y * np.log(p) + (1 - y) * np.log(1 - p)
        assert np.isnan(literal)
        assert np.isnan(np.mean(np.array([0.3, literal], dtype=np.float32)))
    from tutor.plots.figures import F32_GRID, figure

    fig = figure("float32-bce")
    z, exact, rounded = F32_GRID, fig.series[0].y, fig.series[1].y
    start = float(core.sigmoid_float32_saturation())
    assert np.all(rounded[z >= start] == 100.0) and np.all(rounded[z < start] < 20.0)
    assert np.allclose(exact, core.softplus(z))
    last = rounded[(z >= 14) & (z < start)]
    assert len(last) >= 20 and len(np.unique(last)) < len(last) / 3  # steps: 1 − σ(z) has few float32 values


# ----- imbalance-and-multilabel -----------------------------------------------------------


def _argmin_q(loss, grid: np.ndarray) -> float:
    return float(grid[np.argmin(loss(grid))])


def test_multilabel_sigmoids_do_not_compete(course: Course) -> None:
    says(course, "imbalance-and-multilabel", "a photo with both a cat and a dog can then give each at most one half")
    z = np.array([1.5, 0.5, -1.0])
    assert core.softmax(z).sum() == pytest.approx(1.0) and core.sigmoid(z).sum() > 1.7
    rng = np.random.default_rng(50)
    for pair in rng.normal(0, 4, size=(200, 2)):
        assert min(core.softmax(pair)) <= 0.5  # two true labels cannot both get more than a half


def test_the_weighted_optimum_multiplies_the_odds_and_can_be_undone(course: Course) -> None:
    says(course, "imbalance-and-multilabel", "the odds q/(1 − q) are multiplied by w", "q = σ(z − log w)")
    grid = np.linspace(1e-5, 1 - 1e-5, 200001)
    for k, n, w in ((1, 100, 1), (1, 100, 3), (1, 100, 10), (1, 100, 99), (10, 100, 3), (20, 100, 4)):
        q = core.weighted_bce_optimum(k, n, w)
        assert _argmin_q(lambda g, k=k, n=n, w=w: w * k * core.bce(g, 1) + (n - k) * core.bce(g, 0), grid) == (
            pytest.approx(q, abs=1e-5)
        )
        assert q / (1 - q) == pytest.approx(w * (k / n) / (1 - k / n))
        assert core.sigmoid(core.logit(q) - math.log(w)) == pytest.approx(k / n)
    assert core.weighted_bce_optimum(1, 100, 99) == pytest.approx(0.5)


def test_class_weights_and_smoothing_move_the_k_class_optimum(course: Course) -> None:
    says(course, "imbalance-and-multilabel", "every product is 70, so the best prediction is uniform")
    counts, weights = np.array([70, 20, 10]), np.array([1, 3.5, 7])
    rng = np.random.default_rng(51)
    candidates = rng.dirichlet(np.ones(3), size=20000)
    weighted = -(weights * counts * np.log(candidates)).sum(axis=1)
    assert candidates[np.argmin(weighted)] == pytest.approx([1 / 3] * 3, abs=0.02)
    assert core.weighted_ce_optimum(counts, weights) == pytest.approx([1 / 3] * 3)
    smoothed = core.smoothed_ce_optimum([90, 10], 0.1)
    targets = 0.9 * np.array([[1, 0]] * 90 + [[0, 1]] * 10) + 0.1 / 2
    assert smoothed == pytest.approx(targets.mean(axis=0))
    assert core.smoothed_ce_optimum([90, 10, 0], 0.1)[2] == pytest.approx(0.1 / 3)  # a class never seen


def test_focal_loss_fades_easy_boxes_and_keeps_hard_ones(course: Course) -> None:
    says(
        course,
        "imbalance-and-multilabel",
        "The easy background box (first row) loses a factor of about three thousand",
        "the gradient is spent mostly on boxes that are already right",
        "so training now works on the object",
    )
    assert 2500 < core.bce_with_logits(-4, 0) / core.focal_loss(-4, 0, 2) < 3500
    assert core.focal_loss(-2, 1, 2) / core.bce_with_logits(-2, 1) > 0.75  # keeps most of its loss

    def slope(f, z: float, h: float = 1e-6) -> float:
        return abs(f(z + h) - f(z - h)) / (2 * h)

    background_ce = 1000 * slope(lambda z: core.bce_with_logits(z, 0), -4.0)
    object_ce = slope(lambda z: core.bce_with_logits(z, 1), -2.0)
    background_fl = 1000 * slope(lambda z: core.focal_loss(z, 0, 2), -4.0)
    object_fl = slope(lambda z: core.focal_loss(z, 1, 2), -2.0)
    assert background_ce > 10 * object_ce and object_fl > 10 * background_fl
    for gamma in (1.0, 2.0, 5.0):
        z = np.linspace(-6, 6, 121)
        assert np.all(core.focal_loss(z, 1, gamma) <= core.bce_with_logits(z, 1))
    assert np.allclose(core.focal_loss(z, 0, 0.0), core.bce_with_logits(z, 0), rtol=1e-12)


def test_the_focal_figure_caption() -> None:
    from tutor.plots.figures import FOCAL_GAMMAS, P_GRID, figure

    fig = figure("focal")
    at = {round(float(p), 3): i for i, p in enumerate(P_GRID)}
    easy, hard = at[0.9], at[0.05]
    assert [s.y[easy] for s in fig.series] == sorted((s.y[easy] for s in fig.series), reverse=True)
    assert FOCAL_GAMMAS == (0.0, 2.0, 5.0) and fig.series[1].y[hard] / fig.series[0].y[hard] > 0.9


CAL_P = [0.05, 0.05, 0.1, 0.25, 0.3, 0.65, 0.7, 0.75, 0.85, 0.9, 0.9, 0.95]
CAL_Y = [1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1]


def test_the_reliability_table_is_the_cores(course: Course) -> None:
    table = next(
        s for s in sections(course, "imbalance-and-multilabel", WorkedSection) if s.title.startswith("Reliability")
    )
    reference = core.reliability_table(CAL_P, CAL_Y, 5)
    filled = [b for b in range(5) if reference.counts[b]]
    assert len(table.rows) == len(filled)
    weighted_gaps = []
    for row, b in zip(table.rows, filled, strict=True):
        values = [evaluate(c.expr, row) for c in table.columns]
        assert values[0] == pytest.approx(reference.edges[b]) and values[2] == reference.counts[b]
        assert values[3] == pytest.approx(reference.mean_predicted[b]) and values[4] == pytest.approx(
            reference.frequency[b]
        )
        weighted_gaps.append(values[6])
    assert sum(weighted_gaps) == pytest.approx(core.expected_calibration_error(CAL_P, CAL_Y, 5))
    says(course, "imbalance-and-multilabel", "The top bin says 0.9 on average and is right half the time")


def test_the_fitted_temperature_keeps_decisions_and_lowers_the_held_out_loss(course: Course) -> None:
    says(course, "imbalance-and-multilabel", "eight of ten decisions are right", "every decision at 0.5")
    z = np.array([4, 3.5, 3, 2.5, -2.5, -3, -3.5, -4, 3, -3.0])
    y = np.array([1, 1, 0, 1, 0, 0, 1, 0, 1, 0])
    t = core.fit_temperature(z, y)
    assert t > 1 and np.mean((z > 0) == (y == 1)) == 0.8
    assert np.array_equal(z / t > 0, z > 0)
    losses = [np.mean(core.bce_with_logits(z / s, y)) for s in (1.0, t * 0.9, t, t * 1.1)]
    assert losses[2] < min(losses[0], losses[1], losses[3])
