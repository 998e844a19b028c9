"""The report's plausibility rules: a cap per event type, and a lone figure far above the rest."""

from outputs.report.page import flagged_note
from outputs.report.plausibility import ANY_TYPE, assess, cap_for, caps, reasons, share

CAPS = {"Explosions/Remote violence": 1000, "Protests": 100, ANY_TYPE: 500}


def _event(event_id="e", killed=10, event_type="Explosions/Remote violence", **more) -> dict:
    return {"event_id": event_id, "killed": killed, "event_type": event_type} | more


def test_the_shipped_caps_cover_any_type_and_are_positive():
    table = caps()
    assert ANY_TYPE in table and all(cap > 0 for cap in table.values())
    assert cap_for("no such type") == table[ANY_TYPE]


def test_a_figure_above_its_types_cap_is_flagged_whatever_its_sources():
    assert reasons(_event(killed=1000, n_sources=5), CAPS) == ()
    assert reasons(_event(killed=1001, n_sources=5), CAPS)[0].startswith("above the cap of 1,000")
    assert reasons(_event(killed=101, event_type="Protests"), CAPS)
    assert reasons(_event(killed=501, event_type=None), CAPS)  # an unknown type: the `*` cap


def test_a_lone_figure_ten_times_its_articles_others_is_flagged():
    lone = _event(killed=800, n_sources=1, other_killed_max=8)
    assert reasons(lone, CAPS) == (
        "one source, and 100× the largest other figure in its article (8)",
    )
    assert reasons(lone | {"n_sources": 2}, CAPS) == ()  # corroborated
    assert reasons(lone | {"other_killed_max": 81}, CAPS) == ()  # less than ten times
    assert reasons(lone | {"other_killed_max": None}, CAPS) == ()  # nothing to compare with
    assert reasons(_event(killed=40, n_sources=1, other_killed_max=1), CAPS) == ()  # small


def test_assess_orders_the_flags_and_share_sums_them():
    events = [
        _event("a", 5),
        _event("b", 9427),
        _event("c", 300_001),
        _event("d", 600, n_sources=1, other_killed_max=3),
    ]
    flags = assess(events, CAPS)
    assert [f.event["event_id"] for f in flags] == ["c", "b", "d"]
    flagged, total, fraction = share(flags, events)
    assert (flagged, total) == (310_028, 310_033) and round(fraction, 5) == 0.99998
    assert "3 events with implausible figures make up 310,028 of the 310,033 killed" in (
        flagged_note(events, flags)
    )
    assert share([], []) == (0, 0, 0.0)
