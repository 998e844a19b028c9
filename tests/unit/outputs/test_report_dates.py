"""The report survives event dates out of range in a warehouse written before extraction
bounded them (year 9999 once crashed it: `year 10000 is out of range`)."""

from datetime import date

from outputs.report.charts import small_multiples


def _event(country: str, event_date: date | str, killed: int) -> dict:
    return {"country": country, "event_date": event_date, "killed": killed}


def test_the_charts_render_with_year_9999_and_3023_events():
    events = [
        _event("Mali", date(2024, 3, 2), 4),
        _event("Mali", date(9999, 12, 27), 7),
        _event("Chad", "3023-12-29", 2),
    ]
    svg = small_multiples(events)
    assert "Mali" in svg and "2024" in svg
    assert "9999" not in svg and "3023" not in svg and "Chad" not in svg
