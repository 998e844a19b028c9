"""Roles and figure attachment when an article is split into mentions."""

from datetime import date

from transforms.extract.article import extract_article


def mentions_of(body, published="2024-03-11"):
    mentions, figures = extract_article(
        {"article_id": "t", "body": body, "published_at": published}
    )
    return mentions, figures


def roles(body, published="2024-03-11"):
    return [m["role"] for m in mentions_of(body, published)[0]]


def test_an_event_sentence_without_figures_is_still_the_reported_mention():
    mentions, _ = mentions_of(
        "On 1 September 2024, Ansar al Tawhid conducted a suicide drone attack on Syrian regime "
        "positions on Milaja axis in the countryside of Idleb. Casualties unknown.",
        published=None,
    )
    assert [m["role"] for m in mentions] == ["reported"]
    reported = mentions[0]
    assert reported["event_date"] == date(2024, 9, 1)
    assert reported["date_precision"] == "day"
    assert reported["country"] == "Syria"
    assert reported["sub_event_type"] == "Air/drone strike"
    assert reported["killed_best"] is None


def test_no_date_and_no_publication_gives_none():
    mentions, _ = mentions_of("A drone struck a car near Hazano in Idleb.", published=None)
    assert mentions[0]["event_date"] is None
    assert mentions[0]["date_precision"] is None


def test_publication_fallback_is_recorded_as_a_week():
    mentions, _ = mentions_of("A drone struck a car near Hazano in Idleb.")
    assert (mentions[0]["event_date"], mentions[0]["date_precision"]) == (date(2024, 3, 11), "week")


def test_figure_sentence_without_new_cues_continues_the_toll():
    mentions, _ = mentions_of(
        "A car bomb exploded in Mogadishu on Sunday. Six people were killed. "
        "At least 20 others were wounded, police said."
    )
    assert [m["role"] for m in mentions] == ["reported"]
    assert (mentions[0]["killed_best"], mentions[0]["injured_best"]) == (6, 20)


def test_historical_mention_keeps_its_own_figures():
    mentions, _ = mentions_of(
        "A car bomb exploded in Mogadishu on Sunday, killing 6 people. "
        "In 2017, a truck bomb in the city killed more than 500 people."
    )
    assert [m["role"] for m in mentions] == ["reported", "historical"]
    assert mentions[0]["killed_best"] == 6
    assert mentions[1]["killed_best"] == 500
    assert mentions[1]["date_precision"] == "year"


def test_another_place_opens_another_mention():
    mentions, _ = mentions_of(
        "A drone strike killed 3 people in Kharkiv on Monday. "
        "Separately, shelling in Kherson wounded 4 people."
    )
    assert [m["role"] for m in mentions] == ["reported", "other"]
    assert mentions[1]["location"] == "Kherson"
    assert mentions[0]["injured_best"] is None


def test_war_wide_total_is_an_aggregate_not_the_event():
    mentions, _ = mentions_of(
        "Shelling killed 2 civilians in Kherson on Monday. "
        "Since the invasion, thousands of civilians have been killed in the region."
    )
    assert [m["role"] for m in mentions] == ["reported", "aggregate"]
    assert mentions[0]["killed_best"] == 2


def test_subset_stays_with_its_total():
    mentions, _ = mentions_of(
        "An airstrike killed 9 people in Idlib on Monday. Among the dead are 3 children."
    )
    assert [m["role"] for m in mentions] == ["reported"]
    assert mentions[0]["killed_best"] == 9


def test_an_earlier_week_opens_a_historical_mention_not_a_bigger_toll():
    mentions, _ = mentions_of(
        "A Russian missile strike on Kharkiv killed 3 people on Tuesday. "
        "Last week, a glide bomb attack on the city killed 7.",
        published="2024-05-30",
    )
    assert [m["role"] for m in mentions] == ["reported", "historical"]
    assert mentions[0]["event_date"] == date(2024, 5, 28)
    assert mentions[1]["killed_best"] == 7
    assert mentions[1]["location"] == "Kharkiv"  # "the city"
    assert mentions[1]["sub_event_type"] == "Air/drone strike"
    assert mentions[0]["killed_best"] != 7


def test_a_negation_that_completes_an_injury_toll_stays_with_it():
    # "no fatalities" after injuries only is the same event's death toll, not another event.
    for closing in ("There were no fatalities.", "No one was killed.", "There were no casualties."):
        mentions, _ = mentions_of(
            "On 3 March 2024, gunmen attacked a checkpoint in the town, injuring four soldiers. "
            + closing
        )
        assert [m["role"] for m in mentions] == ["reported"], closing
        assert mentions[0]["injured_best"] == 4
        assert mentions[0]["killed_best"] == 0


def test_a_negation_that_denies_a_toll_is_another_event():
    lead = "On 3 March 2024, gunmen attacked a checkpoint in the town, killing four soldiers. "
    assert roles(lead + "No one was killed.") == ["reported", "other"]
