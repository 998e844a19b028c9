"""Small multiples: the top countries each on their own scale, the rest summed."""

from datetime import date

from outputs.report.charts import (
    OTHER,
    bucket,
    killed_by_country,
    panels,
    period_for,
    period_name,
    small_multiples,
)
from outputs.report.scales import class_of, log_classes, month_range, nice_ceiling, radius


def _events(spec: dict[str, list[tuple[date, int]]]) -> list[dict]:
    return [
        {"event_id": f"{c}{n}", "country": c, "event_date": d, "killed": k}
        for c, rows in spec.items()
        for n, (d, k) in enumerate(rows)
    ]


def test_the_top_countries_get_a_panel_and_the_rest_one_between_them():
    series = {f"C{n}": {date(2024, 1, 1): 100 - n} for n in range(12)}
    grid = panels(series, top=8)
    assert [name for name, _ in grid[:8]] == [f"C{n}" for n in range(8)]
    assert grid[8] == (f"{OTHER} (4)", {date(2024, 1, 1): 92 + 91 + 90 + 89})
    assert [name for name, _ in panels(dict(list(series.items())[:9]), top=8)][-1] == "C8"


def test_a_spike_in_one_country_does_not_flatten_another():
    events = _events(
        {
            "Big": [(date(2024, 1, 5), 5000), (date(2024, 2, 5), 3)],
            "Small": [(date(2024, 1, 9), 4), (date(2024, 2, 9), 8)],
        }
    )
    svg = small_multiples(events)
    assert svg.count('class="panel"') == 2
    small = svg[svg.index(">Small<") :]
    heights = [float(h.split('"')[0]) for h in small.split('height="')[1:3]]
    assert max(heights) > 40  # the small country's bars use its own axis (0 to 10)
    assert "5,000 killed" in svg and ">10<" in small


def test_undated_events_are_left_out_and_no_dates_says_so():
    assert small_multiples([{"event_id": "x", "country": "A", "killed": 3}]).startswith("<p")


def test_scales():
    assert [nice_ceiling(v) for v in (0, 7, 10, 11, 340, 5001)] == [1, 10, 10, 20, 500, 10000]
    assert radius(0, 100) == radius(-1, 100) < radius(1, 100) < radius(100, 100) == 16
    bounds = log_classes([1, 10, 100, 2033])
    assert bounds[-1] == 2033 and bounds == sorted(set(bounds))
    assert class_of(1, bounds) == 0 and class_of(2033, bounds) == len(bounds) - 1
    assert month_range(date(2023, 11, 20), date(2024, 2, 1)) == [
        date(2023, 11, 1),
        date(2023, 12, 1),
        date(2024, 1, 1),
        date(2024, 2, 1),
    ]


def test_long_spans_get_quarters_or_years_instead_of_hairline_months():
    assert period_for(date(2023, 1, 5), date(2027, 12, 1))[0] == "month"  # 60 months
    assert period_for(date(2023, 1, 5), date(2028, 1, 1))[0] == "quarter"
    assert period_for(date(1995, 3, 1), date(2025, 4, 1))[0] == "year"
    assert bucket(date(2024, 8, 17), 3) == date(2024, 7, 1)
    assert bucket(date(2024, 8, 17), 12) == date(2024, 1, 1)
    events = _events({"A": [(date(1995, 3, 1), 5), (date(2025, 4, 1), 7), (date(2025, 9, 1), 1)]})
    svg = small_multiples(events)
    assert period_name(events) == "year" and period_name([]) == "month"
    assert svg.count('class="bar"') == 2 and ">1995<" in svg
    assert "A, 2025: 8 killed" in svg


def test_events_dated_outside_the_plausible_years_are_left_out_of_the_charts():
    events = [
        {"event_date": "9999-12-27", "country": "Mali", "killed": 4},
        {"event_date": "2024-03-02", "country": "Mali", "killed": 2},
    ]
    assert killed_by_country(events) == {"Mali": {date(2024, 3, 1): 2}}
    assert "svg" in small_multiples(events) and period_name(events) == "month"
