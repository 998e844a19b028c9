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


# Toll expressions of wire copy


def _totals(body: str, title: str | None = None) -> tuple:
    row = _reported(body, title)
    return row["killed_best"], row["injured_best"]


def test_a_toll_that_has_risen_after_a_dated_phrase():
    body = "Shelling hit the market on Tuesday. The death toll from Tuesday's strike has risen to eight."
    assert _totals(body)[0] == 8


def test_the_number_of_people_killed_climbing_keeps_its_category_and_subset():
    body = (
        "Gunmen attacked a school on Monday. The number of people killed has climbed to 11, "
        "among them three teenagers, and 61 were wounded."
    )
    assert _totals(body) == (11, 61)


def test_the_number_of_dead_reached():
    assert (
        _totals("A mortar attack hit the camp. The number of dead reached 23 by nightfall.")[0]
        == 23
    )


def test_people_who_lost_their_lives_and_a_blast_that_left_n_dead():
    assert _totals("Seven people lost their lives when a bomb exploded at a bus stop.")[0] == 7
    assert _totals("The explosion left 14 dead and dozens wounded on Friday.") == (14, 12)


def test_killed_n_and_wounded_m_in_either_order():
    assert _totals("A gunman killed three and wounded five before fleeing, police said.") == (3, 5)
    assert _totals("Four soldiers were killed and nine wounded in the ambush.") == (4, 9)


def test_claimed_the_lives_of_n():
    assert _totals("The bombing claimed the lives of 19 people at a wedding.")[0] == 19


def test_one_named_person_killed_counts_one():
    assert _totals("A gunman killed the principal at the school on Thursday.")[0] == 1
    assert _totals("A police officer was killed and 22 others were wounded in the blast.") == (
        1,
        22,
    )


def test_a_speaker_is_a_source_not_a_victim():
    body = "A car bomb killed six people, a local official said. The toll rose to 9, the governor said."
    assert _totals(body) == (9, None)


# Perpetrators


def test_a_perpetrator_killed_in_a_sentence_of_its_own_adds_to_the_toll():
    body = "Two people were killed in a shooting at a mall on Sunday. The shooter was later shot dead by police."
    assert _totals(body)[0] == 3


def test_a_perpetrator_taking_their_own_life_adds_one():
    body = "A man shot dead his neighbour and her son on Friday before turning the gun on himself."
    assert _totals(body)[0] == 3


def test_fighters_killed_by_an_army_are_victims_not_a_separate_perpetrator_toll():
    body = "The army killed 40 militants in an offensive on Sunday. At least 40 militants died, the army said."
    assert _totals(body)[0] == 40


# Qualifiers


def test_more_than_n_gives_n():
    assert _totals("More than 30 people were killed in air strikes on the town on Monday.")[0] == 30


def test_others_told_again_further_down_are_not_added_again():
    body = (
        "One civilian was killed and 16 others were injured in rocket attacks on the city on "
        "Tuesday. A police source said one person was killed and 16 others were injured."
    )
    assert _totals(body) == (1, 16)


def test_a_vague_headline_does_not_beat_the_number_the_lead_states():
    body = "At least ten people were killed when a rocket hit the hospital on Tuesday."
    assert _totals(body, title="Dozens killed in rocket attack on hospital")[0] == 10


# Numbers that are not victims


def test_dates_ages_and_page_furniture_are_not_counts():
    assert _totals("Get short URL 0 67 At least 45 people were killed in the bombing.")[0] == 45
    assert _totals("The girl shot in the town on Dec. 25 has died, her family said.")[0] != 25
    assert _totals("Strikes killed three people, one under the age of 18, in the village.")[0] == 3


def test_a_headline_list_of_tolls_without_verbs():
    assert _totals("Nine persons killed 12 injured in rocket attack on market.") == (9, 12)


# Background: totals of a war never lend the primary event their figures


def test_a_war_total_is_an_aggregate_not_the_events_toll():
    body = (
        "An air strike killed 12 people in a market on Sunday, a monitor said. "
        "The conflict has killed more than 300,000 people since it began. "
        "More than 150,000 people have been killed in the three-year-old rebellion."
    )
    article = {"article_id": "t", "title": None, "body": body, "published_at": "2024-05-10"}
    mentions, _ = extract_article(article)
    assert mentions[0]["role"] == "reported" and mentions[0]["killed_best"] == 12
    assert {m["role"] for m in mentions[1:]} == {"aggregate"}


# Dates


def test_a_weekday_resolves_against_the_dateline_not_the_publication_date():
    body = "PORT-AU-PRINCE, Feb 27, 2024 (Reuters) - Gunmen killed four people on Monday."
    assert _reported(body, published="2024-03-04")["event_date"].isoformat() == "2024-02-26"
    body = "PORT-AU-PRINCE, Feb 27 - Gunmen killed four people on Monday, police said."
    assert _reported(body, published="2024-02-28")["event_date"].isoformat() == "2024-02-26"


def test_a_date_line_at_the_top_is_the_articles_date_not_the_events():
    body = (
        "Published July 2 2016 At least 16 civilians were killed Friday in an air raid on the town."
    )
    assert _reported(body, published="2016-07-20")["event_date"].isoformat() == "2016-07-01"


def test_a_wire_date_line_after_the_headline():
    body = "Air strikes kill 9 in town AFP Saturday 26 Apr 2014 At least 9 people were killed on Thursday."
    assert _reported(body, published=None)["event_date"].isoformat() == "2014-04-24"


def test_an_explicit_date_beats_the_weekday_rule():
    body = "Gunmen killed four people in the village on June 27, officials said on Monday."
    assert _reported(body, published="2024-07-03")["event_date"].isoformat() == "2024-06-27"


def test_yesterday_and_last_night_resolve_against_publication():
    assert (
        _reported("A car bomb killed 6 people yesterday.")["event_date"].isoformat() == "2024-05-09"
    )
    assert (
        _reported("A drone strike killed 3 last night.")["event_date"].isoformat() == "2024-05-09"
    )


def test_no_event_date_after_the_articles_own_date():
    body = "A gunman killed two people on Friday. His trial is set for June 3, 2025."
    assert _reported(body, published="2024-05-10")["event_date"].isoformat() == "2024-05-10"


# Kind of event


def test_a_shooting_police_investigate_is_an_attack_not_a_clash():
    body = (
        "A gunman shot dead two people outside a bar on Saturday night. Police are investigating."
    )
    row = _reported(body)
    assert (row["event_type"], row["sub_event_type"]) == ("Violence against civilians", "Attack")


def test_an_attack_on_a_police_post_is_a_clash():
    row = _reported("Gunmen attacked a police checkpoint on Sunday, killing three policemen.")
    assert row["sub_event_type"] == "Armed clash"


# Shot: survivors are injured


def test_people_shot_who_did_not_die_are_injured():
    assert _totals("Four teenagers were shot in a drive-by on Friday. One of them has died.") == (
        1,
        3,
    )
    assert _totals("Five people were shot, one fatally, at a party early Sunday.") == (1, 4)
    assert _totals("Nine people were shot overnight, police said.") == (None, 9)


def test_shot_dead_and_shot_at_are_not_survivors():
    assert _totals("Two men were shot dead outside a store on Monday.") == (2, None)
    assert _totals("A gunman shot at police officers on Monday but nobody was hit.")[1] in (None, 0)


def test_shot_figures_are_not_figure_rows():
    figures = _figures("Nine people were shot at a park on Saturday night.")
    assert figures == []


# One person named


def test_a_named_victim_or_he_before_a_passive_verb_counts_one():
    assert (
        _totals("Ketron Nathan, a 24-year-old father of three, was shot and killed on Sunday.")[0]
        == 1
    )
    assert (
        _totals("A shooting was reported on Cook Street. He was pronounced dead at the scene.")[0]
        == 1
    )
    assert (
        _totals("Morgan Slaight died on Tuesday of the injuries she sustained in the shooting.")[0]
        == 1
    )


def test_a_named_agent_with_an_object_is_no_victim():
    assert _totals("Israel has killed 50 people in Gaza this week, the ministry said.")[0] == 50


def test_two_counted_groups_before_one_verb_add_up():
    assert (
        _totals("Five more officers and four other civilians were injured in the attack.")[1] == 9
    )


def test_the_first_figures_after_a_lead_without_a_toll_are_the_primary_events():
    body = (
        "Police have made an arrest in the fatal shooting outside a bar last weekend. "
        "Ketron Nathan, 24, was shot and killed when someone opened fire on a crowd downtown. "
        "Three others were injured."
    )
    assert _totals(body) == (1, 3)


def test_one_of_the_others_is_a_part_not_one_more():
    body = "A man was shot dead outside a bar. Three others were injured. One of the others injured was his brother."
    assert _totals(body) == (1, 3)


def test_a_name_after_a_person_noun_is_the_same_person():
    body = "A gunman shot dead his neighbour and her son, Daniel, 8, on Friday."
    assert _totals(body)[0] == 2


def test_an_update_line_dates_the_article_and_an_explicit_day_the_event():
    body = "KANSAS CITY, Mo. - UPDATE July 16, 3:03 p.m.: Police said the July 15 death of a girl was an accident."
    assert _reported(body, published="2015-07-15")["event_date"].isoformat() == "2015-07-15"


def test_an_addition_right_after_the_toll_adds_and_round_up_detail_further_down_does_not():
    body = "Air strikes killed 5 civilians in the town on Monday. Three soldiers also died."
    assert _totals(body)[0] == 8
    body = (
        "Air strikes across the province killed 45 people on Saturday, activists said. "
        "The strikes hit markets and a school. Rescue teams searched the rubble. "
        "In the provincial capital 30 people were killed, and another 12 died in nearby towns."
    )
    assert _totals(body)[0] == 45


def test_a_campaigns_total_and_an_earlier_attack_recalled_are_background():
    body = (
        "A car bomb killed 17 people near a border crossing on Thursday, a monitor said. "
        "Seven days of airstrikes across the province had left more than 75 civilians dead. "
        "The attack comes one week after a suicide bomber killed 29 fighters at another crossing."
    )
    assert _totals(body)[0] == 17
    body = "At least 25 soldiers died and 20 others were injured during three days of fighting."
    assert _totals(body) == (25, 20)


def test_places_joined_by_and_before_were_killed_are_no_victims():
    body = "At least 30 militants of the group operating in Iraq and Syria were killed on Thursday."
    assert _totals(body)[0] == 30


def test_among_n_injured_is_the_total_and_what_follows_a_part():
    body = "A car bomb exploded at a checkpoint on Thursday. Among at least 25 injured, eight were in critical condition."
    assert _totals(body)[1] == 25


# Round two (counts)


def test_a_toll_whose_verb_stands_far_after_the_attack_it_names():
    body = (
        "The death toll from the rebel rocket attacks on the eastern districts of the city "
        "in the past two days has risen to 17 people, a police source said on Monday."
    )
    assert _reported(body)["killed_best"] == 17


def test_a_vague_word_later_on_does_not_beat_the_stated_toll():
    body = (
        "At least nine people were killed when a rocket hit a market in the town on Sunday, "
        "medics said. The monitor has reported hundreds of civilians killed in the province."
    )
    assert _reported(body, title="Dozens killed in rocket strike on market")["killed_best"] == 9


def test_a_vague_part_of_a_list_with_a_number_still_adds():
    body = "Gunmen killed five soldiers and several civilians at a checkpoint on Monday."
    assert _reported(body)["killed_best"] == 7


def test_fatally_shot_is_killed_not_shot():
    body = "A 31-year-old man was fatally shot outside a bar early Saturday, police said."
    row = _reported(body)
    assert (row["killed_best"], row["injured_best"]) == (1, None)


def test_a_speaker_after_the_injured_is_no_object_of_the_verb():
    # wire copy that lost its comma: "a police source" opens the attribution
    body = "Rebel shells hit the market on Monday killing 4 civilians and 11 injured a police source told reporters."
    row = _reported(body)
    assert (row["killed_best"], row["injured_best"]) == (4, 11)


def test_an_earlier_toll_told_again_adds_no_others():
    body = (
        "The death toll from the shelling rose to 8 civilians and 12 were injured, a police "
        "source said on Tuesday. The source earlier put the death toll at 5 while 9 other "
        "people were reported injured."
    )
    row = _reported(body)
    assert (row["killed_best"], row["injured_best"]) == (8, 12)


def test_a_bomber_who_blew_himself_up_adds_to_the_toll():
    body = "A suicide bomber blew himself up at a police post on Monday, killing nine officers."
    assert _reported(body)["killed_best"] == 10


def test_killed_people_and_then_himself_counts_the_killer():
    body = "Police said the man shot dead three co-workers and then himself at the warehouse."
    assert _reported(body)["killed_best"] == 4


def test_a_headline_total_beats_the_parts_one_sentence_adds_up_past_it():
    body = (
        "The monitor said 25 people were killed in the province and another 31 were killed "
        "in air strikes on the neighbouring province on Saturday."
    )
    assert _reported(body, title="Air strikes kill at least 40 in the north")["killed_best"] == 40


def test_others_killed_in_a_later_sentence_still_add_past_the_headline():
    body = (
        "Police said the man shot dead four co-workers at the depot. Two others were also killed."
    )
    assert _reported(body, title="Gunman kills 4 at depot")["killed_best"] == 6


def test_the_one_injured_who_has_since_died_is_killed_not_injured():
    body = (
        "Jordan Smith, 2, was injured when shots were fired from a passing car on Saturday, "
        "police said. Family members confirmed Monday the toddler has died."
    )
    row = _reported(body)
    assert (row["killed_best"], row["injured_best"]) == (1, 0)


def test_a_later_death_beside_an_earlier_one_leaves_the_injured():
    body = (
        "A man was killed and a woman was wounded in the shooting on Sunday. Police said "
        "the woman was in stable condition and the man had died at the scene."
    )
    row = _reported(body)
    assert (row["killed_best"], row["injured_best"]) == (1, 1)


def test_a_headline_victim_with_no_article_after_its_verb():
    body = "Police said the victim was sitting on a porch when a car drove by. Two others were wounded."
    row = _reported(body, title="Drive-by shooting kills teen girl, injures 2")
    assert (row["killed_best"], row["injured_best"]) == (1, 2)


def test_a_headline_age_or_bare_noun_before_the_verb_is_one_person():
    body = "Officers were called to the block around 2 a.m. on Sunday, police said."
    assert _reported(body, title="19-year-old killed in overnight shooting")["killed_best"] == 1
    assert _reported(body, title="Woman fatally shot outside bar")["killed_best"] == 1


# An earlier event's toll told later, with its own day


def test_a_toll_dated_before_the_primary_event_is_not_its_toll():
    body = (
        "Government troops shelled rebel-held villages north of Hama on Thursday, monitors said, "
        "a day after the opposition accused the army of a chlorine attack. "
        "Between 40 and 70 people died on Wednesday in the chlorine attack on the villages, "
        "the monitors said."
    )
    article = {"article_id": "t", "title": None, "body": body, "published_at": "2024-05-10"}
    mentions, _ = extract_article(article)
    reported = next(m for m in mentions if m["role"] == "reported")
    assert not reported["killed_best"]
    assert any(m["role"] == "historical" and m["killed_best"] == 40 for m in mentions)


def test_a_toll_told_after_a_dated_lead_without_a_day_of_its_own_is_the_primary_toll():
    body = (
        "Government troops shelled rebel-held villages north of Hama on Thursday, monitors said. "
        "At least 12 people died in the shelling, the monitors said."
    )
    assert _reported(body)["killed_best"] == 12


# Injured counts


def test_a_number_after_wounding_followed_by_hours_after_counts_the_wounded():
    body = (
        "Rockets hit the market on Saturday, killing more than 30 people and wounding 80 hours "
        "after the truce was announced."
    )
    assert _reported(body)["injured_best"] == 80


def test_hours_after_a_passive_verb_stay_a_time():
    body = "A soldier was killed 2 hours after the truce began on Saturday."
    row = _reported(body)
    assert (row["killed_best"], row["injured_best"] or 0) == (1, 0)


def test_a_name_after_an_active_wounding_verb_is_one_wounded():
    body = (
        "On Saturday the man shot his wife dead and critically injured Mark Delaney Jr. before "
        "turning the gun on himself, deputies said."
    )
    assert _reported(body)["injured_best"] == 1


def test_a_group_after_a_wounding_verb_is_no_name():
    body = "Gunmen wounded Police Officers at the checkpoint on Saturday, officials said."
    assert _reported(body)["injured_best"] != 1
