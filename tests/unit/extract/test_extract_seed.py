"""The seed article's main event, read by the general extractor (no seed-specific code)."""

from transforms.extract.article import extract_article


def _reported(mentions):
    reported = [m for m in mentions if m["role"] == "reported"]
    assert len(reported) == 1
    return reported[0]


def test_seed_reported_event_matches_the_hand_coding(seed_article, seed_expected):
    mentions, _ = extract_article(seed_article)
    got = _reported(mentions)
    want = next(m for m in seed_expected["event_mentions"] if m["role"] == "reported")
    assert (got["killed_low"], got["killed_best"]) == (
        want["killed"]["low"],
        want["killed"]["best"],
    )
    assert got["injured_best"] == want["injured"]["best"]
    assert got["location"] == want["location"]
    assert (got["country"], got["country_iso"]) == (want["country"], want["country_iso"])
    assert got["event_date"].isoformat() == want["event_date"]


def test_killed_figure_is_at_least_and_traced_to_its_text(seed_article):
    mentions, figures = extract_article(seed_article)
    reported = _reported(mentions)
    killed = [
        f
        for f in figures
        if f["mention_id"] == reported["mention_id"]
        and f["category"] == "killed"
        and not f["is_subset"]
    ]
    assert [f["qualifier"] for f in killed] == ["at_least"]
    body = seed_article["body"]
    for row in [*mentions, *figures]:
        text = row.get("evidence", row.get("text"))
        assert body[row["char_start"] : row["char_end"]] == text


def test_ids_are_deterministic(seed_article):
    first = extract_article(seed_article)
    second = extract_article(seed_article)
    assert [m["mention_id"] for m in first[0]] == [m["mention_id"] for m in second[0]]
    assert [f["figure_id"] for f in first[1]] == [f["figure_id"] for f in second[1]]
