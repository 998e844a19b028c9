"""The seed article gives exactly its hand-coded figures, and none of its non-casualty numbers."""

from transforms.extract.article import extract_article


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


def test_a_wire_story_combines_its_paragraphs():
    body = (
        "KYIV, July 31 (Reuters) - A Russian missile strike on an apartment block in Dnipro "
        "killed at least six people on Monday, including a 10-year-old boy, officials said.\n"
        "The regional governor, Serhiy Lysak, said 75 people were wounded, 12 of them children.\n"
        "Rescuers pulled two more bodies from the rubble overnight, and officials said on "
        "Tuesday the death toll had risen to eight.\n"
        "In a separate attack on Kharkiv in May, 11 people were killed.\n"
        "No casualties were reported after drones were shot down over the Kyiv region."
    )
    mentions, figures = extract_article(
        {"article_id": "wire", "body": body, "published_at": "2023-07-31"}
    )
    reported = next(m for m in mentions if m["role"] == "reported")
    assert (reported["killed_best"], reported["injured_best"]) == (8, 75)
    mine = [f for f in figures if f["mention_id"] == reported["mention_id"]]
    assert {(f["best"], f["is_subset"]) for f in mine if f["category"] == "injured"} == {
        (75, False),
        (12, True),
    }
    assert {f["attributed_to"] for f in mine if f["best"] == 75} == {"Serhiy Lysak"}
    others = [m for m in mentions if m is not reported]
    assert sorted(m["killed_best"] for m in others) == [0, 11]
