"""The training lab: data set, determinism, and the three things the lesson claims."""

import dataclasses
import math

import numpy as np
import pytest

from tutor import lab

pytestmark = pytest.mark.filterwarnings("error")

SEEDS = range(5)


def accuracy(result: lab.LabResult, y: np.ndarray) -> float:
    return float(np.mean((result.probs > 0.5) == (y == 1)))


def brier(result: lab.LabResult, y: np.ndarray) -> float:
    """Mean squared error of the probabilities: one yardstick for both losses."""
    return float(np.mean((result.probs - y) ** 2))


# --- make_dataset -------------------------------------------------------------


def test_dataset_is_deterministic_per_seed() -> None:
    x1, y1 = lab.make_dataset(seed=3)
    x2, y2 = lab.make_dataset(seed=3)
    np.testing.assert_array_equal(x1, x2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.array_equal(lab.make_dataset(seed=4)[0], x1)


@pytest.mark.parametrize("separation", [0.0, 2.0, 5.0])
def test_dataset_is_balanced_and_separable_with_the_stated_gap(separation: float) -> None:
    x, y = lab.make_dataset(n=101, seed=1, separation=separation)
    assert x.shape == y.shape == (101,)
    assert set(np.unique(y)) == {0.0, 1.0}
    assert abs(int(y.sum()) - 50) <= 1
    assert x[y == 1].min() >= separation / 2
    assert x[y == 0].max() <= -separation / 2


def test_label_noise_flips_exactly_that_fraction_of_the_same_points() -> None:
    x_clean, y_clean = lab.make_dataset(seed=2)
    x_noisy, y_noisy = lab.make_dataset(seed=2, label_noise=0.2)
    np.testing.assert_array_equal(x_noisy, x_clean)
    assert int((y_noisy != y_clean).sum()) == 40


@pytest.mark.parametrize("kwargs", [{"n": 0}, {"separation": -1.0}, {"label_noise": 1.5}, {"label_noise": math.nan}])
def test_dataset_rejects_bad_parameters(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        lab.make_dataset(**kwargs)


# --- train_logistic: mechanics -------------------------------------------------


def test_training_is_deterministic() -> None:
    x, y = lab.make_dataset()
    for loss in ("bce", "mse"):
        a = lab.train_logistic(x, y, loss=loss, seed=7)
        b = lab.train_logistic(x, y, loss=loss, seed=7)
        np.testing.assert_array_equal(a.losses, b.losses)
        np.testing.assert_array_equal(a.probs, b.probs)
        assert (a.w, a.b) == (b.w, b.b)


def test_seed_draws_the_initial_weights_unless_given() -> None:
    x, y = lab.make_dataset()
    assert lab.train_logistic(x, y, seed=0).losses[0] != lab.train_logistic(x, y, seed=1).losses[0]
    given = [lab.train_logistic(x, y, seed=s, w0=0.3, b0=0.1, epochs=5) for s in (0, 1)]
    np.testing.assert_array_equal(given[0].losses, given[1].losses)


def test_losses_start_at_the_initial_weights_and_outputs_match_w_b() -> None:
    x, y = lab.make_dataset()
    bce = lab.train_logistic(x, y, loss="bce", w0=0.0, b0=0.0, epochs=50)
    mse = lab.train_logistic(x, y, loss="mse", w0=0.0, b0=0.0, epochs=50)
    assert bce.losses.shape == mse.losses.shape == (50,)
    assert bce.losses[0] == pytest.approx(math.log(2))  # p = 0.5 everywhere
    assert mse.losses[0] == pytest.approx(0.25)
    for result in (bce, mse):
        expected = 1 / (1 + np.exp(-(result.w * x + result.b)))
        np.testing.assert_allclose(result.probs, expected, rtol=1e-12)
        assert np.all(np.diff(result.losses) < 0)  # small steps on a smooth loss


def test_zero_epochs_returns_the_initial_model() -> None:
    x, y = lab.make_dataset(n=10)
    result = lab.train_logistic(x, y, epochs=0, w0=1.5, b0=-0.5)
    assert (result.w, result.b, result.losses.size) == (1.5, -0.5, 0)


def test_result_is_immutable() -> None:
    x, y = lab.make_dataset(n=10)
    result = lab.train_logistic(x, y, epochs=3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.w = 0.0  # type: ignore[misc]
    with pytest.raises(ValueError):
        result.probs[0] = 0.5
    with pytest.raises(ValueError):
        result.losses[0] = 0.5


@pytest.mark.parametrize(
    ("x", "y", "kwargs"),
    [
        ([1.0, 2.0], [0, 1], {"loss": "hinge"}),
        ([1.0, 2.0], [0, 2], {}),
        ([1.0, 2.0], [0, 1, 1], {}),
        ([], [], {}),
        ([1.0, math.inf], [0, 1], {}),
        ([1.0, 2.0], [0, 1], {"lr": 0.0}),
        ([1.0, 2.0], [0, 1], {"epochs": -1}),
    ],
)
def test_training_rejects_bad_arguments(x: list, y: list, kwargs: dict) -> None:
    with pytest.raises(ValueError):
        lab.train_logistic(x, y, **kwargs)


# --- train_logistic: what the lesson claims ------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_cross_entropy_on_separable_data_drives_probabilities_to_extremes(seed: int) -> None:
    x, y = lab.make_dataset(seed=seed)
    result = lab.train_logistic(x, y)
    extreme = (result.probs < 0.05) | (result.probs > 0.95)
    assert extreme.mean() >= 0.9
    assert accuracy(result, y) == 1.0
    # No finite minimum: training on keeps growing the weight.
    assert lab.train_logistic(x, y, epochs=1000).w > result.w + 0.5


@pytest.mark.parametrize("seed", SEEDS)
def test_flipped_labels_keep_probabilities_away_from_zero_and_one(seed: int) -> None:
    x, y = lab.make_dataset(seed=seed, label_noise=0.2)
    converged = lab.train_logistic(x, y, epochs=1000)
    longer = lab.train_logistic(x, y, epochs=2000)
    # A finite optimum: twice the training leaves the weights where they were ...
    assert longer.w == pytest.approx(converged.w, abs=1e-9)
    assert longer.b == pytest.approx(converged.b, abs=1e-9)
    # ... and every prediction there is hedged.
    assert converged.probs.min() > 0.01
    assert converged.probs.max() < 0.99


@pytest.mark.parametrize("seed", SEEDS)
def test_squared_error_recovers_slowly_from_a_saturated_wrong_start(seed: int) -> None:
    x, y = lab.make_dataset(seed=seed)
    start = {"w0": lab.SATURATED_W0, "b0": 0.0}
    initial = lab.train_logistic(x, y, epochs=0, **start)
    assert accuracy(initial, y) == 0.0 and brier(initial, y) > 0.99

    bce = lab.train_logistic(x, y, loss="bce", epochs=100, **start)
    mse = lab.train_logistic(x, y, loss="mse", epochs=100, **start)
    assert accuracy(bce, y) == 1.0 and brier(bce, y) < 0.01
    assert accuracy(mse, y) == 0.0 and brier(mse, y) > 0.5
    # Slow, not stuck: squared error gets there given enough epochs.
    assert accuracy(lab.train_logistic(x, y, loss="mse", epochs=1000, **start), y) == 1.0
