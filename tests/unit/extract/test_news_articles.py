"""Whole news articles read the way an event coder reads them (issue 16): the headline and the
lead name the primary event; updates and detail further down attach to it; background gets
mentions of its own. The texts are written for these tests, in wire style."""

from __future__ import annotations

from transforms.extract.article import extract_article, headline


def _reported(body: str, title: str | None = None, published: str | None = "2024-05-10") -> dict:
    article = {"article_id": "t", "title": title, "body": body, "published_at": published}
    mentions, _ = extract_article(article)
    return next(m for m in mentions if m["role"] == "reported")


def _figures(body: str, title: str | None = None) -> list[dict]:
    article = {"article_id": "t", "title": title, "body": body, "published_at": "2024-05-10"}
    return extract_article(article)[1]


# The headline


def test_a_headline_figure_counts_for_the_primary_event():
    body = "Rescue teams searched the rubble on Thursday, the civil defence said."
    assert _reported(body, title="Air strikes kill 45 in northern town")["killed_best"] == 45


def test_a_headline_restating_the_lead_is_not_added_to_it():
    body = "A teenager was killed and five others were injured in a shooting on Sunday night."
    row = _reported(body, title="Teen killed, five others injured in weekend shooting")
    assert (row["killed_best"], row["injured_best"]) == (1, 5)


def test_the_body_toll_wins_over_a_smaller_headline_figure():
    body = "At least 14 people were killed when a car bomb exploded near a checkpoint on Monday."
    assert _reported(body, title="Car bomb kills 9 near checkpoint")["killed_best"] == 14


def test_capitalised_headline_words_are_not_places():
    body = "Gunmen opened fire at a wedding in Kaduna on Saturday, killing three guests."
    row = _reported(body, title="Gunmen Storm Wedding Party, Three Guests Dead")
    assert row["location"] == "Kaduna"


def test_title_figures_keep_no_body_offsets():
    figures = _figures("Nobody else was hurt.", title="Police officer killed in ambush")
    title_figure = next(f for f in figures if f["category"] == "killed")
    assert title_figure["char_start"] is None and title_figure["text"] == "Police officer"


def test_a_title_the_body_opens_with_or_a_file_name_is_not_read_twice():
    assert headline("Bomb kills 4 in market", "Bomb kills 4 in market. Police said ...") == ""
    assert headline("kryvyi_rih", "A missile hit the city.") == ""
    assert headline("Bomb kills 4 in market", "Police said.") == "Bomb kills 4 in market.\n\n"


# Numbers that count no victims


def test_an_age_between_commas_is_not_a_victim_count():
    row = _reported("Carlos Mendez, 27, was shot dead outside a bar on Friday night.")
    assert row["killed_best"] == 1
