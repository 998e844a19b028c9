"""Casualty rules read off the misses of the Wikipedia development set, each tested on the
sentence shapes of wire copy and incident lists rather than on any one gold row."""

import pytest

from transforms.extract.casualties import find_figures, summarize
from transforms.text import split_sentences


def best(text, category="killed"):
    return summarize(find_figures(text, split_sentences(text)), category)[1]


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("More than 500 people were wounded in the blasts.", None, 500),
        ("The bombing killed over 80 people and wounded at least 230 more.", 80, 230),
    ],
)
def test_more_than_records_the_stated_number_as_design_md_says(text, killed, injured):
    assert best(text, "killed") == killed
    assert best(text, "injured") == injured


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("A police officer was stabbed and later died at a police post.", 1, None),
        ("Two aid workers were abducted and killed by the gunmen.", 2, None),
        ("Three villagers were wounded and then died of their injuries.", 3, None),
        ("One militant was killed and several others were injured or arrested.", 1, None),
        ("Four people were stabbed and wounded at the station.", None, 4),
    ],
)
def test_the_last_outcome_of_a_verb_chain_wins(text, killed, injured):
    assert best(text, "killed") == killed
    assert best(text, "injured") == injured


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Three people died and 3 others were injured. One of the injured died 10 days later.", 4),
        ("Six people were killed and 12 wounded, two of whom later died in hospital.", 8),
        ("Five soldiers were wounded in the ambush. Two of them later died.", 2),
    ],
)
def test_a_death_among_the_injured_adds_to_the_toll(text, killed):
    assert best(text) == killed


def test_a_subset_of_the_dead_still_does_not_add():
    assert best("Six people were killed. Two of the dead were children.") == 6


@pytest.mark.parametrize(
    "text",
    [
        "The attacker stabbed and decapitated a teacher near the school.",
        "Militants beheaded a village elder in the district on Sunday.",
    ],
)
def test_beheading_verbs_before_the_victim(text):
    assert best(text) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The attacker fled, fatally stabbing a police officer at the gate.",
        "The gunman opened fire in the hall, mortally wounding a guard.",
    ],
)
def test_fatally_before_an_injury_verb_is_a_death(text):
    assert best(text) == 1
    assert best(text, "injured") is None


def test_an_event_total_in_total_stays_with_the_reported_event():
    from transforms.extract.article import extract_article

    body = (
        "The serial bombings occurred between March 2 and March 22 in the city. "
        "In total, 5 package bombs exploded, killing 2 people and injuring another five."
    )
    mentions, _ = extract_article({"article_id": "t", "body": body, "published_at": None})
    reported = next(m for m in mentions if m["role"] == "reported")
    assert (reported["killed_best"], reported["injured_best"]) == (2, 5)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "A suicide bombing killed a candidate running for a seat in the provincial assembly, "
            "his driver and a guard and injured 3 other people.",
            3,
        ),
        ("Gunmen killed 3 farmers working in their fields, and 2 herders.", 5),
        ("The blast killed 4 people, wounding 9 others.", 4),
    ],
)
def test_a_list_of_victims_continues_after_a_participle_clause(text, killed):
    assert best(text) == killed


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Border Police guard was killed and 4 others were injured in the attack.", 1, 4),
        ("Security guard was wounded when gunmen opened fire on the bank.", None, 1),
        ("Police said the market was hit twice.", None, None),
    ],
)
def test_a_person_without_an_article_at_the_start_of_a_sentence(text, killed, injured):
    assert best(text, "killed") == killed
    assert best(text, "injured") == injured


def test_a_kill_verb_closing_the_list_before_is_not_killing_and_injuring():
    text = (
        "The bomber struck near the vehicles, killing at least 15 people, including 13 "
        "policemen and 1 soldier killed and wounding another 25."
    )
    assert (best(text), best(text, "injured")) == (15, 25)
    assert best("Gunmen opened fire, killing and injuring dozens.", "injured") is None


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("A white supremacist stabbed an African American to death in New York.", 1, None),
        ("An Israeli was stabbed and wounded near the Old City gate.", None, 1),
        ("Gunmen shot dead a Briton outside the hotel.", 1, None),
        ("A Russian drone struck the depot, killing 3 people.", 3, None),
        ("An Islamic State suicide bomber killed 5 soldiers.", 5, None),
    ],
)
def test_one_person_named_by_a_nationality(text, killed, injured):
    assert best(text, "killed") == killed
    assert best(text, "injured") == injured


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "They killed 5 aid workers, as well as 2 villagers. One of the survivors was then "
            "kidnapped and murdered.",
            8,
        ),
        ("Three soldiers died in the raid. Two of the hostages were killed in the crossfire.", 5),
        ("Gunmen seized 20 hostages at the hotel. Two of the hostages were killed.", 2),
    ],
)
def test_a_death_among_survivors_or_hostages_adds_to_the_toll(text, killed):
    assert best(text) == killed


def test_in_total_over_a_war_is_still_an_aggregate():
    from transforms.extract.article import extract_article

    body = (
        "A drone strike killed 3 people in the village on Monday. "
        "In total, more than 500 civilians have been killed in the war."
    )
    mentions, _ = extract_article({"article_id": "t", "body": body, "published_at": None})
    assert [(m["role"], m["killed_best"]) for m in mentions] == [
        ("reported", 3),
        ("aggregate", 500),
    ]
