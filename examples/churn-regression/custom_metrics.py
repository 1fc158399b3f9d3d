"""Scoring metrics for the churn-timing model.

The target is the number of months a subscriber stays before cancelling. Each
metric is called as ``metric(y_true, y_pred, **kwargs)`` with 1-D arrays of
months (actual values first) and returns a float. ``revenue_weighted_mae`` also
receives ``sample_weight``: the subscriber's monthly revenue.
"""
import numpy as np

# Subscribers who cancel within this many months count as "early churn".
_EARLY_CHURN_MONTHS = 3.0
# Overestimating tenure by more than this delays retention offers too long.
_OVERESTIMATE_MARGIN_MONTHS = 1.0


def _months(values):
    """Return ``values`` as a 1-D float array of months."""
    months = np.asarray(values, dtype=float).ravel()
    if np.any(months < 0):
        raise ValueError("tenure in months cannot be negative")
    return months


def revenue_weighted_mae(y_true, y_pred, sample_weight=None, **kwargs) -> float:
    """Mean absolute error in months, weighted by monthly revenue.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Actual tenure in months.
    y_pred : array-like of shape (n_samples,)
        Predicted tenure in months.
    sample_weight : array-like of shape (n_samples,), optional
        Monthly revenue per subscriber; equal weights when omitted.

    Returns
    -------
    float
        The weighted mean of ``|y_true - y_pred|``.
    """
    actual = _months(y_true)
    predicted = _months(y_pred)
    weights = None if sample_weight is None else np.asarray(sample_weight, dtype=float)
    return float(np.average(np.abs(actual - predicted), weights=weights))


def early_churn_recall(y_true, y_pred, **kwargs) -> float:
    """Recall of early churners: actual tenure within 3 months, predicted within 3 months too."""
    actual_early = _months(y_true) <= _EARLY_CHURN_MONTHS
    if not actual_early.any():
        return 1.0
    predicted_early = _months(y_pred) <= _EARLY_CHURN_MONTHS
    return float(np.sum(actual_early & predicted_early) / np.sum(actual_early))


def overestimate_rate(y_true, y_pred, **kwargs) -> float:
    """Share of subscribers whose tenure is overestimated by more than a month."""
    overshoot = _months(y_pred) - _months(y_true)
    return float(np.mean(overshoot > _OVERESTIMATE_MARGIN_MONTHS))
