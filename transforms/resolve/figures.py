"""UCDP-style low/best/high figures of an event, revised report by report."""

from __future__ import annotations

FIGURES = tuple(
    f"{category}_{bound}" for category in ("killed", "injured") for bound in ("low", "best", "high")
)


# (first slot in the state, first figure in FIGURES, the three figure names) per category
_REVISE_SLOTS = tuple(
    (4 * i, 3 * i, f"{category}_low", f"{category}_best", f"{category}_high")
    for i, category in enumerate(("killed", "injured"))
)


def revised_figures(reports: list[dict]) -> list[dict]:
    """The event's figures after each report (reports in report order), in one pass."""
    state = [None] * 8
    return [revise(state, [report.get(column) for column in FIGURES]) for report in reports]


def revise(state: list, reported: list) -> dict:
    """The figures after one more report: `reported` holds its figures in FIGURES order,
    `state` (updated) the smallest and largest low, the best and the high of each category."""
    figures = {}
    for slot, first, low_key, best_key, high_key in _REVISE_SLOTS:
        min_low, max_low, best, high = state[slot : slot + 4]
        low, new_best, new_high = reported[first : first + 3]
        if low is not None:
            min_low = low if min_low is None else min(min_low, low)
            max_low = low if max_low is None else max(max_low, low)
        best = new_best if new_best is not None else best
        for value in (new_high, new_best):
            if value is not None:
                high = value if high is None else max(high, value)
        state[slot : slot + 4] = min_low, max_low, best, high
        figures[low_key] = min_low
        figures[best_key] = max(best, max_low or 0) if best is not None else max_low
        figures[high_key] = high
    return figures


_BOUNDS = ("low", "best", "high")


def combine_figures(reports: list[dict], category: str) -> dict:
    """UCDP-style figures of an event from its reports, which must be in report order.

    low: the lowest credible lower bound; best: the latest report's figure, never below the
    largest at-least (lower bound); high: the highest figure reported.
    """
    if not reports:
        return {f"{category}_{b}": None for b in _BOUNDS}
    last = revised_figures(reports)[-1]
    return {f"{category}_{b}": last[f"{category}_{b}"] for b in _BOUNDS}
