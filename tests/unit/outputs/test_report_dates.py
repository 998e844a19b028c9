"""The report survives event dates that are out of range in a warehouse written before the fix."""

from datetime import date

from outputs.report import render


def test_the_report_renders_with_year_9999_and_3023_events():
    monthly = [
        {"country": "Mali", "month": date(2024, 3, 1), "killed": 4, "injured": 0, "events": 1},
        {"country": "Mali", "month": date(9999, 12, 1), "killed": 7, "injured": 0, "events": 1},
        {"country": "Chad", "month": date(3023, 12, 1), "killed": 2, "injured": 0, "events": 1},
    ]
    data = {
        "warehouse": "w",
        "counts": dict.fromkeys(("events", "event_mentions", "articles", "rejects"), 0),
        "monthly": monthly,
        "points": [],
        "top": [],
    }
    html = render(data)
    assert "Mar 2024" in html
    assert "9999" not in html and "3023" not in html
