"""Who counts as killed or injured in wire copy (the counting rules in docs/data-model.md): the
shot who survived, never the dead counted twice, nor animals, aircraft, age brackets or what
might have been; families and relatives named in lists; war totals before the lead's event.
Test texts are written for these tests."""

from __future__ import annotations

from transforms.extract.article import extract_article


def _toll(body: str, title: str | None = None) -> tuple[int | None, int | None]:
    article = {"article_id": "t", "title": title, "body": body, "published_at": "2024-05-10"}
    mentions, _ = extract_article(article)
    reported = next(m for m in mentions if m["role"] == "reported")
    return reported["killed_best"], reported["injured_best"]


def test_an_age_bracket_is_not_a_count():
    body = (
        "Three people were wounded in a shooting outside a bar in Leeds on Friday night. "
        "The three wounded victims who were in their 20s were all hospitalized."
    )
    assert _toll(body) == (None, 3)


def test_an_age_bracket_beside_the_count_is_not_added():
    body = "Two men in their 30s were wounded in an attack in Kharkiv on Monday."
    assert _toll(body)[1] == 2


def test_the_shot_told_as_others_are_not_the_dead_again():
    body = (
        "Two guards were shot and killed at the courthouse in Springfield on Monday. "
        "Another guard and a visitor were also shot and are in hospital."
    )
    assert _toll(body) == (2, 2)


def test_the_shot_less_the_dead_when_the_dead_are_among_them():
    body = "Four teenagers were shot in a park in Memphis on Saturday. One of them has died."
    assert _toll(body) == (1, 3)


def test_a_self_inflicted_shot_is_one_of_those_counted():
    body = (
        "Five people were shot in separate incidents in Gary on Saturday, police said. "
        "Police later said one of the men shot himself by accident."
    )
    assert _toll(body) == (None, 5)


def test_whether_a_child_shot_himself_adds_no_one():
    body = (
        "A toddler was shot in the head at a home in Dayton and died at hospital on Sunday. "
        "Police are investigating whether the toddler shot himself."
    )
    killed, injured = _toll(body)
    assert killed == 1
    assert not injured


def test_an_injured_person_who_died_is_counted_once_as_killed():
    body = (
        "Police said on Thursday the death of a 4-year-old boy was an accident. "
        "The chief said the young boy was injured by a gun at a home on Elm Street. "
        "Officers confirmed the boy had died from his injuries."
    )
    killed, injured = _toll(body)
    assert killed == 1
    assert not injured


def test_a_wounded_person_who_is_someone_else_still_counts():
    body = (
        "A man was killed in a shooting in Houston on Friday. "
        "A woman was wounded in the same attack and taken to hospital."
    )
    assert _toll(body) == (1, 1)


def test_animals_hurt_are_not_victims():
    body = (
        "A girl was killed in Pinetown on Tuesday when a shotgun went off, deputies said. "
        "The blast also injured one of the family dogs."
    )
    killed, injured = _toll(body)
    assert killed == 1
    assert not injured


def test_an_aircraft_shot_down_is_not_people_shot():
    body = (
        "A Mi-8 helicopter was shot down over Idlib on Monday, killing all five people on "
        "board. The five people on board the helicopter that was shot down were soldiers."
    )
    killed, injured = _toll(body)
    assert killed == 5
    assert not injured


def test_a_gas_attacks_injured_are_those_with_breathing_difficulties():
    body = (
        "Officials said five people died and eight others experienced breathing difficulties "
        "after shells containing toxic gas hit Aleppo on Tuesday."
    )
    assert _toll(body) == (5, 8)


def test_a_toll_dated_on_the_primary_day_after_background_is_the_primary_toll():
    body = (
        "Published Wednesday October 1 2014. At least 39 people died in a twin bombing at a "
        "school in Homs on Wednesday, a monitor said. A similar bombing in the city killed at "
        "least 12 people in May. Speaking on Wednesday, the governor gave a toll of 31 killed "
        "and 74 wounded."
    )
    assert _toll(body) == (39, 74)


def test_a_toll_of_the_background_event_stays_with_it():
    body = (
        "At least 39 people died in a bombing at a school in Homs on Wednesday, a monitor said. "
        "A similar bombing in the city killed at least 12 people in May, when the toll later "
        "rose to 15 dead and 40 wounded."
    )
    assert _toll(body) == (39, None)


def test_among_them_after_a_figure_opens_its_parts():
    body = (
        "Nine people were killed and 12 injured in rocket attacks on Aleppo on Monday. "
        "Six civilians were killed in one district, while eight persons were injured. "
        "Rockets also hit a second district killing three persons among them a woman and "
        "injuring four others among them two girls."
    )
    assert _toll(body) == (9, 12)


def test_a_death_hoped_away_is_not_counted():
    body = (
        "Thirteen people were wounded in a shooting at a house party in Bridgeport on Sunday. "
        "The mayor said that, God willing, we will not have a fatality."
    )
    killed, injured = _toll(body)
    assert not killed
    assert injured == 13


def test_what_a_bomb_could_have_done_is_not_a_toll():
    body = "Police defused a bomb in Kabul on Monday that could have killed dozens of people."
    assert not _toll(body)[0]


def test_people_shot_at_a_place_are_shot():
    assert _toll("Four people were shot at a house party in Bridgeport on Sunday.")[1] == 4
    assert _toll("A man was shot at the gas station on Main Street late on Friday.")[1] == 1


def test_people_shot_at_by_others_were_fired_upon():
    body = "Two soldiers were shot at by militants near Kandahar on Monday but were not hurt."
    assert not _toll(body)[1]


def test_half_a_dozen_is_six():
    body = "Half a dozen people were wounded when a bomb exploded at a market in Kandahar."
    assert _toll(body)[1] == 6


def test_more_than_a_dozen_before_a_casualty_word_is_a_count():
    body = "A car bomb in Mogadishu left two people dead and more than a dozen injured."
    assert _toll(body) == (2, 12)


def test_a_third_person_is_one_more():
    body = "Police said two men were wounded and a third was killed in the shooting in Chicago."
    assert _toll(body) == (1, 2)


def test_a_family_of_five_is_five_people():
    assert _toll("An air strike on a house in Rafah killed a family of five overnight.")[0] == 5


def test_a_list_goes_on_through_a_possessive():
    body = "Gunmen killed a village chief and his two sons in Zamfara state on Monday."
    assert _toll(body)[0] == 3


def test_another_who_later_died_is_one_more_death():
    body = "One man died at the scene and another later died in hospital after the shooting."
    assert _toll(body)[0] == 2
    body = "Four men died at the scene and a fifth later died in hospital after the shooting."
    assert _toll(body)[0] == 5


def test_another_wounded_with_its_verb_left_out():
    body = "A Ukrainian soldier was killed and another wounded by shelling near Bakhmut."
    assert _toll(body) == (1, 1)


def test_the_stabbed_less_the_dead_are_injured():
    body = "Six people were stabbed, one of them fatally, at a festival in Solingen on Friday."
    assert _toll(body) == (1, 5)


def test_a_war_total_before_the_lead_event_is_background():
    body = (
        "Fighting in Khartoum has killed more than 12,000 people since April, the UN says. "
        "On Monday, a shell killed three people at a market in Omdurman."
    )
    assert _toll(body)[0] == 3


def test_the_deadliest_attack_since_a_year_is_the_event_itself():
    body = (
        "A bomb attack on a security building in central Kabul killed at least 28 people, the "
        "deadliest single attack in the capital since 2011."
    )
    assert _toll(body)[0] == 28
