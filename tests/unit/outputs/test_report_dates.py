"""The report survives event dates that are out of range in a warehouse written before the fix."""

from datetime import date

from outputs.report import render


def test_the_report_renders_with_year_9999_and_3023_events():
    events = [
        {"event_id": "a", "country": "Mali", "event_date": date(2024, 3, 9), "killed": 4},
        {"event_id": "b", "country": "Mali", "event_date": date(9999, 12, 27), "killed": 7},
        {"event_id": "c", "country": "Chad", "event_date": date(3023, 12, 1), "killed": 2},
    ]
    data = {
        "warehouse": "w",
        "counts": dict.fromkeys(("events", "event_mentions", "articles", "rejects"), 0),
        "events": events,
        "flags": [],
        "top": [],
    }
    html = render(data)
    assert "Mar 2024" in html
    assert "9999" not in html and "3023" not in html
