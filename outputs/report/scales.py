"""Scales shared by the report's charts and map: axis ticks, circle sizes, a colour ramp."""

from __future__ import annotations

import math
from datetime import date

# A sequential ramp (light to dark red) for the choropleth: one colour a class.
RAMP = ["#fde0c5", "#facba6", "#f8b58b", "#f59e72", "#f2855d", "#ef6a4c", "#d9534f", "#b03a2e"]


def nice_step(span: float, count: int = 4) -> float:
    """A round step (1, 2 or 5 times a power of ten) that cuts span into about count parts."""
    raw = span / count
    if raw <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)


def ticks(peak: float, count: int = 4) -> list[float]:
    """Round values from 0 up to peak, for an axis."""
    step = nice_step(peak, count)
    return [step * i for i in range(int(peak // step) + 1)]


def nice_ceiling(value: float) -> float:
    """The smallest round number (1, 2 or 5 times a power of ten) at or above value."""
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= value)


def radius(value: float, biggest: float, smallest: float = 3.0, largest: float = 16.0) -> float:
    """Circle radius whose area grows with value (0 gives the smallest circle)."""
    if biggest <= 0 or value <= 0:
        return smallest
    return smallest + (largest - smallest) * math.sqrt(min(value, biggest) / biggest)


def log_classes(values: list[int], count: int = len(RAMP)) -> list[int]:
    """Upper bounds of classes on a log scale from 1 to the largest value, at most count."""
    top = max(values, default=0)
    if top <= 1:
        return [1]
    bounds = sorted({max(1, round(top ** (i / count))) for i in range(1, count + 1)})
    bounds[-1] = top
    return bounds


def class_of(value: int, bounds: list[int]) -> int:
    """The index of the class value falls in (the last class holds everything above)."""
    return next((i for i, bound in enumerate(bounds) if value <= bound), len(bounds) - 1)


def ramp_colour(index: int, classes: int) -> str:
    """The colour of a class, spread over the whole ramp whatever the number of classes."""
    if classes <= 1:
        return RAMP[len(RAMP) // 2]
    return RAMP[round(index * (len(RAMP) - 1) / (classes - 1))]


def month_range(first: date, last: date) -> list[date]:
    """Every first-of-month from first's month to last's, in order."""
    months, current = [], first.replace(day=1)
    while current <= last:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def number(value: float) -> str:
    """An integer with thousands separators (1,234)."""
    return f"{value:,.0f}"
