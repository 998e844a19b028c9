"""ACLED types, normalised weapons, perpetrators and targets."""

import pytest

from transforms.extract.taxonomy import classify, find_perpetrator, find_target, weapon_of

ERV = "Explosions/Remote violence"


@pytest.mark.parametrize(
    ("text", "weapon", "event_type", "sub_event_type"),
    [
        (
            "a pair of ballistic missiles struck",
            "ballistic missile",
            ERV,
            "Shelling/artillery/missile attack",
        ),
        (
            "Kalibr cruise missiles hit the port",
            "cruise missile",
            ERV,
            "Shelling/artillery/missile attack",
        ),
        ("AQAP militants dropped 3 shells from a drone", "drone", ERV, "Air/drone strike"),
        ("conducted a suicide drone attack on positions", "drone", ERV, "Air/drone strike"),
        ("Israeli warplanes carried out airstrikes", "airstrike", ERV, "Air/drone strike"),
        ("Grad rockets were fired at the town", "MLRS", ERV, "Shelling/artillery/missile attack"),
        (
            "artillery shelling of the village",
            "artillery",
            ERV,
            "Shelling/artillery/missile attack",
        ),
        ("a roadside bomb hit a convoy", "IED", ERV, "Remote explosive/landmine/IED"),
        ("a suicide bomber blew himself up", "suicide bomb", ERV, "Suicide bomb"),
        ("a car bomb exploded at a market", "car bomb", ERV, "Remote explosive/landmine/IED"),
        ("a grenade was thrown into the crowd", "grenade", ERV, "Grenade"),
        ("gunmen opened fire on worshippers", "firearms", "Violence against civilians", "Attack"),
        ("gunmen opened fire on soldiers at a checkpoint", "firearms", "Battles", "Armed clash"),
        (
            "a man stabbed three people with a knife",
            "knife",
            "Violence against civilians",
            "Attack",
        ),
        ("heavy clashes broke out between the two groups", None, "Battles", "Armed clash"),
        (
            "militants kidnapped 20 students",
            None,
            "Violence against civilians",
            "Abduction/forced disappearance",
        ),
    ],
)
def test_weapon_and_acled_type(text, weapon, event_type, sub_event_type):
    assert classify(text) == (weapon, event_type, sub_event_type)
    assert weapon_of(text) == weapon  # the weapon alone, as classify reads it


def test_nothing_violent_has_no_type():
    assert classify("The minister met the delegation.") == (None, None, None)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("the Kremlin launched a deadly airstrike", "Russia"),
        ("Russian forces shelled the town", "Russia"),
        ("Russia carried out a similar attack", "Russia"),
        ("in response to Kyiv's attempted drone strikes against Moscow", "Ukraine"),
        ("Al Shabaab fighters attacked a base", "Al Shabaab"),
        ("Russian bombardments in Ukraine have struck homes", "Russia"),
        ("the attack was carried out by the Taliban", "Taliban"),
    ],
)
def test_perpetrator(text, actor):
    assert find_perpetrator(text) == actor


def test_a_place_in_front_of_an_attack_is_not_its_author():
    assert (
        find_perpetrator("No casualties were reported in the attempted Moscow drone strikes")
        is None
    )


def test_targets():
    text = "ballistic missiles struck a school building and residential tower in the city"
    assert find_target(text) == "school building; residential tower"
    assert find_target("a drone targeted a police station") == "police station"
    assert find_target("Officials met on Monday.") is None


def test_a_source_is_not_an_armed_target():
    text = "Gunmen killed 12 villagers on Sunday, police said."
    assert classify(text) == ("firearms", "Violence against civilians", "Attack")


def test_a_military_quoted_as_source_is_not_the_perpetrator():
    text = "Houthi rebels fired a ballistic missile at a tanker on Monday, the U.S. military said."
    assert find_perpetrator(text) == "Houthis"


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        (
            "Hundreds of protesters marched peacefully to the ministry.",
            "Protests",
            "Peaceful protest",
        ),
        ("Police fired tear gas to disperse protesters.", "Protests", "Protest with intervention"),
        (
            "Security forces shot dead 3 protesters.",
            "Protests",
            "Excessive force against protesters",
        ),
        ("Rioters burned tyres and threw stones at police.", "Riots", "Violent demonstration"),
        ("A mob lynched a man accused of theft.", "Riots", "Mob violence"),
        (
            "Air defences shot down a drone over the city.",
            "Strategic developments",
            "Disrupted weapons use",
        ),
        ("Police arrested 12 suspected militants.", "Strategic developments", "Arrests"),
        (
            "Gunmen looted shops in the market.",
            "Strategic developments",
            "Looting/property destruction",
        ),
        ("The two sides signed a ceasefire agreement.", "Strategic developments", "Agreement"),
        ("The army recaptured the town after a week.", "Battles", "Government regains territory"),
        ("Militants killed 3 soldiers in an attack on their post.", "Battles", "Armed clash"),
        (
            "Unknown assailants killed a farmer in his field.",
            "Violence against civilians",
            "Attack",
        ),
    ],
)
def test_acled_types_beyond_weapons(text, event_type, sub_event_type):
    assert classify(text)[1:] == (event_type, sub_event_type)


def test_an_attack_with_drones_some_intercepted_is_still_a_drone_strike():
    text = "Militants attacked the base with rockets and two drones, one of which was intercepted."
    assert classify(text)[2] == "Air/drone strike"


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("A suicide car bomb attack on buses killed 20 people.", "Suicide bomb"),
        ("An aerial bomb hit a home in eastern Aleppo, killing a mother.", "Air/drone strike"),
        ("Four people were injured from gunshot wounds in Norfolk on Sunday.", "Attack"),
        ("Three federal agents were hurt in a shootout with a fugitive.", "Armed clash"),
    ],
)
def test_wire_names_of_weapons_and_fights(text, sub_event_type):
    assert classify(text)[2] == sub_event_type
