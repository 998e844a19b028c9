"""The seed article gives exactly its hand-coded figures, and none of its non-casualty numbers."""

from transforms.extract import extract_article


def _figures_by_role(seed_article):
    mentions, figures = extract_article(seed_article)
    role = {m["mention_id"]: m["role"] for m in mentions}
    return mentions, [f | {"role": role[f["mention_id"]]} for f in figures]


def test_seed_gives_exactly_its_hand_coded_figures(seed_article, seed_expected):
    mentions, figures = _figures_by_role(seed_article)
    got = sorted(
        (f["role"], f["category"], f["low"], f["best"], f["qualifier"], f["is_subset"])
        for f in figures
    )
    want = []
    for mention in seed_expected["event_mentions"]:
        for category in ("killed", "injured"):
            value = mention.get(category)
            if value:
                want.append(
                    (
                        mention["role"],
                        category,
                        value["low"],
                        value["best"],
                        value["qualifier"],
                        False,
                    )
                )
        for subset in mention.get("subsets", []):
            low = subset["low"]
            want.append((mention["role"], subset["category"], low, low, "exact", True))
    for aggregate in seed_expected["aggregates"]:
        want.append(("aggregate", aggregate["category"], 1000, 1000, "vague", False))
    assert got == sorted(want)


def test_seed_mention_totals(seed_article, seed_expected):
    mentions, _ = _figures_by_role(seed_article)
    for expected in seed_expected["event_mentions"]:
        got = next(m for m in mentions if m["role"] == expected["role"])
        for category in ("killed", "injured"):
            if category in expected:
                want = expected[category]
                assert (got[f"{category}_low"], got[f"{category}_best"]) == (
                    want["low"],
                    want["best"],
                ), (expected["role"], category)


def test_seed_subset_is_a_child_traced_to_its_text(seed_article):
    _, figures = _figures_by_role(seed_article)
    subsets = [f for f in figures if f["is_subset"]]
    assert [(f["victim_group"], f["text"]) for f in subsets] == [("children", "a 5-year-old girl")]


def test_seed_has_none_of_its_non_casualty_numbers(seed_article, seed_expected):
    _, figures = _figures_by_role(seed_article)
    body = seed_article["body"]
    for figure in figures:
        assert body[figure["char_start"] : figure["char_end"]] == figure["text"]
        for number in ("350", "2022", "pair"):
            assert number not in figure["text"]
    values = {f["best"] for f in figures if not f["is_subset"]}
    for thing in seed_expected["not_casualties"]:
        assert thing["value"] not in values, thing["why"]
