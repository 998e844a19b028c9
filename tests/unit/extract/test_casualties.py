"""The casualty engine, one phenomenon at a time, on sentences shaped like wire copy."""

import pytest

from transforms.extract.casualties import continues_toll, find_figures, summarize
from transforms.text import split_sentences


def figures(text):
    return find_figures(text, split_sentences(text))


def totals(text, category="killed"):
    return summarize(figures(text), category)


def best(text, category="killed"):
    return totals(text, category)[1]


def one(text):
    found = [f for f in figures(text) if not f.is_subset]
    assert len(found) == 1, found
    return found[0]


# Ways a toll is written ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Six people were killed when the shell hit a bus stop.", 6, None),
        ("Gunmen stormed the village overnight, killing 11 people.", 11, None),
        ("The blast killed 33 people and injured 43 others, police said.", 33, 43),
        ("The explosion left 3 dead and 12 injured.", 3, 12),
        ("3 dead, 5 injured as shell hits Donetsk market", 3, 5),
        ("The attack caused at least 14 deaths and more than 40 injuries.", 14, 40),
        ("Four soldiers lost their lives in the ambush near the border.", 4, None),
        ("The fire claimed the lives of 23 workers at the depot.", 23, None),
        ("Rescuers said 12 bodies were recovered from the rubble on Friday.", 12, None),
        ("Police shot dead two suspects after a car chase.", 2, None),
        ("Seven people were stabbed to death at the market.", 7, None),
        ("Three people died and 3 others were seriously injured in the tram.", 3, 3),
        ("Two civilians were killed and 36 others were wounded by the homemade bomb.", 2, 36),
        ("The strike resulted in the death of 2 people and the wounding of 5 others.", 2, 5),
        ("A roadside bomb kills 35, injures 27 in northern province", 35, 27),
        ("Five police officers and a militant were killed in the standoff.", 6, None),
        ("At least 52 soldiers queuing for their salaries were killed by the bomber.", 52, None),
        ("No law enforcement officers were hurt, though 1 person sustained a minor injury.", 0, 1),
    ],
)
def test_forms_of_a_toll(text, killed, injured):
    assert best(text, "killed") == killed
    assert best(text, "injured") == injured


def test_active_voice_agent_is_not_a_victim():
    assert [f.best for f in figures("Two gunmen killed 5 people at a checkpoint.")] == [5]
    assert [f.best for f in figures("A man stabbed a teacher outside the school.")] == [1]


def test_the_toll_rose_to():
    text = "At least 6 people were killed in the strike. The death toll later rose to 9."
    assert totals(text) == (9, 9, 9)


def test_casualties_alone_is_not_a_category():
    assert figures("The shelling caused 40 casualties, officials said.") == []
    assert figures("The blast killed and injured dozens of people.") == []


# Numbers and qualifiers (docs/data-model.md counting rules) ---------------------------------------


@pytest.mark.parametrize(
    ("text", "bounds", "qualifier"),
    [
        ("At least six people were killed.", (6, 6, None), "at_least"),
        ("More than 350 people were killed.", (350, 350, None), "more_than"),
        ("Over 20 people were wounded.", (20, 20, None), "more_than"),
        ("Up to 10 civilians may have been killed.", (None, 10, 10), "at_most"),
        ("About 20 people were killed.", (None, 20, None), "approximately"),
        ("Nearly 30 soldiers died.", (None, 30, None), "approximately"),
        ("Some 40 villagers were abducted.", (None, 40, None), "approximately"),
        ("An estimated 300 people were killed.", (None, 300, None), "approximately"),
        ("Between 10 and 15 fighters were killed.", (10, 10, 15), "range"),
        ("10 to 15 people were killed.", (10, 10, 15), "range"),
        ("10-15 militants were killed in the raid.", (10, 10, 15), "range"),
        ("Dozens of people were wounded.", (12, 12, None), "vague"),
        ("Scores were injured in the stampede.", (20, 20, None), "vague"),
        ("Hundreds were wounded.", (100, 100, None), "vague"),
        ("Several soldiers were killed.", (2, 2, None), "vague"),
        ("A number of civilians were hurt.", (2, 2, None), "vague"),
        ("Twenty-three people died in the fire.", (23, 23, 23), "exact"),
        ("A hundred and five people were killed.", (105, 105, 105), "exact"),
        ("A dozen villagers were abducted.", (12, 12, 12), "exact"),
        ("1,200 people were detained after the protest.", (1200, 1200, 1200), "exact"),
        ("Two dozen others were wounded.", (24, 24, 24), "exact"),
    ],
)
def test_qualifiers_and_number_forms(text, bounds, qualifier):
    figure = one(text)
    assert (figure.low, figure.best, figure.high) == bounds
    assert figure.qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("30 soldiers were reported missing after the attack.", "missing"),
        ("Gunmen abducted 17 passengers from the bus.", "kidnapped"),
        ("At least 80 pupils were kidnapped from the school.", "kidnapped"),
        ("Police arrested 11 people in connection with the attack.", "arrested"),
        ("Four suspects were detained on Sunday.", "arrested"),
        ("Dozens were hurt in the crush.", "injured"),
    ],
)
def test_categories(text, category):
    assert one(text).category == category


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Four civilians were killed in the shelling.", "civilians"),
        ("Three children were among those wounded, and 2 boys were killed.", "children"),
        ("The ambush killed 9 soldiers.", "soldiers"),
        ("Two policemen were shot dead at a checkpoint.", "police"),
        ("All 4 attackers were killed by security forces.", "perpetrators"),
        ("12 people were killed.", "people"),
    ],
)
def test_victim_groups(text, group):
    assert figures(text)[-1].victim_group == group


# Combining figures -----------------------------------------------------------------------


def test_subset_is_kept_and_never_added():
    text = "At least 31 people, including 5 policemen and 2 children, were killed."
    found = figures(text)
    assert [(f.best, f.is_subset) for f in found] == [(31, False), (5, True), (2, True)]
    assert totals(text) == (31, 31, None)


def test_subset_in_the_next_sentence():
    text = "Seven people were killed in the air strike. Two of them were children."
    found = figures(text)
    assert [(f.best, f.is_subset, f.category) for f in found] == [
        (7, False, "killed"),
        (2, True, "killed"),
    ]
    assert continues_toll(found[:1], found[1:], "Two of them were children.")
    assert totals(text) == (7, 7, 7)


def test_among_the_dead_is_a_subset_of_killed():
    text = "Six were killed and 75 wounded. Among the dead is a 5-year-old girl."
    subset = [f for f in figures(text) if f.is_subset]
    assert [(f.category, f.victim_group, f.best) for f in subset] == [("killed", "children", 1)]


def test_breakdown_of_a_total_is_not_added():
    text = "40 people, 6 security personnel and 34 civilians, were killed in the assault."
    assert best(text) == 40


def test_disjoint_groups_add_up():
    assert best("The militant opened fire, killing 2 policemen and 2 soldiers.") == 4
    assert best("Six soldiers, 6 civilians and a police officer were killed.") == 13
    assert best("They killed 5 aid workers, as well as 2 villagers.") == 7


def test_perpetrators_listed_with_victims_are_counted():
    found = figures("The bomber and 10 officers were killed.")
    assert [(f.victim_group, f.best) for f in found] == [("perpetrators", 1), ("police", 10)]
    assert summarize(found, "killed") == (11, 11, 11)
    assert best("The blast killed 7 people in addition to the suicide bomber.") == 8


def test_perpetrator_toll_in_its_own_clause_adds_to_the_total_as_design_md_says():
    text = "Nine people were killed and 37 injured. Three attackers were also killed."
    perpetrators = [f for f in figures(text) if f.victim_group == "perpetrators"]
    assert [f.best for f in perpetrators] == [3]
    assert best(text) == 12


def test_additional_victims_in_the_next_sentence_add():
    text = "A suicide bomber killed 5 soldiers at the gate. 3 civilians also died."
    found = figures(text)
    assert continues_toll(found[:1], found[1:], "3 civilians also died.")
    assert best(text) == 8


def test_restatement_takes_the_largest_lower_bound():
    text = (
        "At least 6 people were killed in Monday's strike. "
        "The toll rose to 9, the governor said on Tuesday."
    )
    assert totals(text) == (9, 9, 9)
    assert best("Five people were killed. Five died in the attack, police said.") == 5


def test_new_category_in_the_next_sentence_continues_the_event():
    found = figures("At least 81 people were killed in the raid. 13 others were injured.")
    assert continues_toll(found[:1], found[1:], "13 others were injured.")


def test_an_earlier_event_does_not_continue_the_toll():
    text = "Six people were killed on Monday. A similar attack in June killed 11 people."
    found = figures(text)
    assert not continues_toll(found[:1], found[1:], "A similar attack in June killed 11 people.")


# Negation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        ("No casualties were reported.", ["killed", "injured"]),
        ("No one was hurt in the attack.", ["killed", "injured"]),
        ("Nobody was killed, the mayor said.", ["killed"]),
        ("The drone fell in a field without injuries.", ["injured"]),
        ("There were no fatalities.", ["killed"]),
    ],
)
def test_negation_gives_zero(text, categories):
    found = figures(text)
    assert sorted(f.category for f in found) == sorted(categories)
    assert all((f.low, f.best, f.high, f.qualifier) == (0, 0, 0, "none") for f in found)


# Numbers that are not victims ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "More than 350 were involved in the rescue operation.",
        "A 5-year-old girl was rescued from the rubble.",
        "The war began in February 2022.",
        "The blast happened at 10:30 on 3 March near the market.",
        "A pair of ballistic missiles struck the city.",
        "The militants fired 12 rockets at the base.",
        "Officials offered $5 million for information on the attackers.",
        "The convoy was hit 20 km from the border.",
        "The gunman, 25, was charged with 3 counts of murder.",
        "Around 20 gunmen attacked the village of Nogolait.",
        "The gunmen stole nearly 1200 cattle.",
        "The suicide bomber was aged 12 to 14, reports say.",
    ],
)
def test_numbers_that_are_not_victims(text):
    assert figures(text) == []


def test_munitions_and_time_next_to_a_real_toll():
    found = figures("Two missiles hit the town at 9:40 on 4 May, killing 4 people.")
    assert [(f.category, f.best) for f in found] == [("killed", 4)]


# Attribution and party claims ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "According to the Syrian Observatory for Human Rights, 12 fighters were killed.",
            "the Syrian Observatory for Human Rights",
        ),
        ("Regional officials said 4 people were killed.", "Regional officials"),
        ("Zelensky said at least six people were killed.", "Zelensky"),
        ("The Taliban said it killed 190 soldiers.", "The Taliban"),
        ("Four people were killed in the strike.", None),
    ],
)
def test_attribution(text, source):
    assert one(text).attributed_to == source


def test_party_claim_counts_only_without_a_neutral_figure():
    claim = "The Taliban said it killed 190 soldiers in the attack."
    official = "Provincial officials said 12 soldiers were killed."
    assert best(claim) == 190
    assert best(f"{claim} {official}") == 12


def test_acled_coded_count_sets_the_total():
    text = (
        "Four soldiers were killed across two days. "
        "4 fatalities split across two days, coded as 2 for this event."
    )
    assert totals(text) == (2, 2, 2)
    assert (
        best("A drone hit the camp, killing several fighters. Unknown fatalities coded as 10.")
        == 10
    )


# Provenance ------------------------------------------------------------------------------


def test_provenance_slices_the_body():
    body = (
        "Shelling hit the market on Monday.\n"
        "At least six people were killed and another 75 were wounded, officials said."
    )
    found = find_figures(body, split_sentences(body))
    assert [f.text for f in found] == ["At least six people", "another 75"]
    for figure in found:
        assert body[figure.char_start : figure.char_end] == figure.text
        assert figure.sentence_index == 1


# Event-note shapes -----------------------------------------------------------------------


def test_a_summary_line_restates_the_toll():
    text = (
        "A drone strike hit a vehicle near the village, killing eight fighters. "
        "Another fighter succumbed to his injuries a week later. 9 fatalities."
    )
    assert best(text) == 9


def test_parts_are_the_toll_when_no_total_is_given():
    text = "Drones dropped bombs on returning villagers. Four of them were killed."
    assert best(text) == 4


def test_an_unconfirmed_report_is_kept_but_not_counted():
    text = "Unconfirmed reports said 2 commanders were killed in the strike."
    assert [f.best for f in figures(text)] == [2]
    assert best(text) is None


def test_confirming_ones_own_losses_is_not_a_claim():
    text = "A soldier was killed. The army confirmed that 6 soldiers were killed in the area."
    assert best(text) == 6


def test_nouns_joined_by_and_are_one_group():
    assert best("Nine soldiers and militia members died in the strikes.") == 9


def test_a_named_victim_and_others():
    assert best("The strike killed a Revolutionary Guard Corps commander and two others.") == 3


def test_a_death_without_a_number():
    assert best("A drone targeted a man near the market, which led to his death.") == 1
    assert best("There was a fatality and 5 injuries on the military side.") == 1


def test_adverbs_and_bare_another():
    assert (
        best("One guard was killed and 4 others were lightly to moderately injured.", "injured")
        == 4
    )
    assert best("A bomb killed at least 6 soldiers and another was injured.", "injured") == 1


def test_each_figure_takes_its_own_source():
    text = "The Taliban claimed to have killed 190 soldiers, but officials said 12 soldiers died."
    found = figures(text)
    assert [(f.best, f.attributed_to) for f in found] == [(190, "The Taliban"), (12, "officials")]
    assert best(text) == 12


def test_news_shapes():
    assert best("He was killed along with his wife and two children.") == 4  # he counts too
    assert best("The strike killed 12 patients and 3 nurses, the health ministry said.") == 15
    assert best("Emergency workers pulled 14 bodies from the rubble.") == 14
    text = "The bombing killed 9, including the bomber."
    assert [(f.victim_group, f.is_subset) for f in figures(text)] == [
        ("people", False),
        ("perpetrators", True),
    ]
    assert best(text) == 9


def test_counts_of_events_are_not_victims():
    text = "In the 2 bombings, 2 terrorists were also killed. 3 raids hit the town."
    assert [(f.victim_group, f.best) for f in figures(text)] == [("perpetrators", 2)]


def test_a_partitive_without_a_casualty_verb_is_not_a_figure():
    text = "The tanker had 22 crew members, 21 of them Indians, when the drone hit it."
    assert figures(text) == []


def test_the_last_coded_count_of_a_sentence_wins():
    text = "Drones killed 8 fighters. Total fatalities coded to 18, with 9 coded to this village."
    assert best(text) == 9


def test_the_group_of_a_partitive_subset_comes_after_of_them():
    found = figures("The governor said 75 people were wounded, 12 of them children.")
    assert [(f.best, f.victim_group, f.is_subset) for f in found] == [
        (75, "people", False),
        (12, "children", True),
    ]
