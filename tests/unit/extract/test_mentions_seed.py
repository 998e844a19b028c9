"""The seed article split into exactly the mentions of its hand coding (no seed-specific code)."""

from datetime import date

import pytest

from transforms.extract.article import extract_article


@pytest.fixture(scope="module")
def extracted(seed_article):
    return extract_article(seed_article)


def _expected_rows(seed_expected):
    rows = list(seed_expected["event_mentions"])
    rows += [{"role": "aggregate", **a} for a in seed_expected["aggregates"]]
    return rows


def test_exactly_three_mentions_and_one_aggregate_in_reading_order(extracted, seed_expected):
    mentions, _ = extracted
    assert [m["role"] for m in mentions] == ["reported", "historical", "other", "aggregate"]
    assert sorted(m["role"] for m in mentions) == sorted(
        r["role"] for r in _expected_rows(seed_expected)
    )


@pytest.mark.parametrize("role", ["reported", "other", "historical"])
def test_each_mention_matches_the_hand_coding(extracted, seed_expected, role):
    got = next(m for m in extracted[0] if m["role"] == role)
    want = next(m for m in seed_expected["event_mentions"] if m["role"] == role)
    if want["date_precision"] == "month":
        year, month = map(int, want["event_date"].split("-"))
        assert got["event_date"] == date(year, month, 1)
    else:
        assert got["event_date"].isoformat() == want["event_date"]
    assert got["date_precision"] == want["date_precision"]
    for key in ("location", "admin1", "country", "country_iso", "event_type", "sub_event_type"):
        if key in want:
            assert got[key] == want[key], key
    for key in ("weapon", "perpetrator"):
        if key in want:
            assert got[key] == want[key], key
    for category in ("killed", "injured"):  # high bounds are issue 3's counting rules
        if category in want:
            assert got[f"{category}_low"] == want[category]["low"]
            assert got[f"{category}_best"] == want[category]["best"]
    if "evidence" in want:
        assert got["evidence"] == want["evidence"]


def test_reported_targets_are_read(extracted, seed_expected):
    got = next(m for m in extracted[0] if m["role"] == "reported")
    want = next(m for m in seed_expected["event_mentions"] if m["role"] == "reported")
    assert got["target"].split("; ") == want["targets"]


def test_each_figure_is_attached_to_its_own_mention(extracted, seed_article):
    mentions, figures = extracted
    by_role = {m["role"]: m["mention_id"] for m in mentions}
    body = seed_article["body"]

    def role_of(text):
        start = body.index(text)
        end = start + len(text)
        figure = next(f for f in figures if start <= f["char_start"] and f["char_end"] <= end)
        return next(r for r, mid in by_role.items() if mid == figure["mention_id"])

    assert role_of("At least six people were killed") == "reported"
    assert role_of("another 75 were wounded") == "reported"
    assert role_of("Among the dead are a 5-year-old girl") == "reported"
    assert role_of("killing 11 people") == "historical"
    assert role_of("No casualties") == "other"
    assert role_of("killing thousands of bystanders") == "aggregate"


def test_recalled_and_aggregate_figures_do_not_inflate_the_reported_event(extracted):
    reported = next(m for m in extracted[0] if m["role"] == "reported")
    assert reported["killed_best"] == 6  # not 11 (June) and not 1000 (the war)
