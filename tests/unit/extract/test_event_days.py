"""Which day of a news story is its event's (issue 16): statement and follow-up days are not,
"overnight" and "last <weekday>" resolve as coders read them, and a follow-up story's event
keeps its own, older day. Texts written for these tests, in wire style; 2024-05-10 is a Friday."""

from __future__ import annotations

from transforms.extract.article import extract_article


def _mentions(body: str, title: str | None = None, published: str = "2024-05-10") -> list[dict]:
    article = {"article_id": "t", "title": title, "body": body, "published_at": published}
    return extract_article(article)[0]


def _event_date(body: str, title: str | None = None, published: str = "2024-05-10") -> str:
    mentions = _mentions(body, title, published)
    return next(m for m in mentions if m["role"] == "reported")["event_date"].isoformat()


def test_a_statement_day_gives_way_to_the_events_own_day_further_down():
    body = (
        "Three people were killed in a shooting at a bus stop, police said Friday. "
        "The shooting happened shortly before midnight on Wednesday near the station."
    )
    assert _event_date(body) == "2024-05-08"


def test_said_in_a_new_toll_is_a_statement_day():
    body = (
        "An air strike on a training camp killed 12 fighters, a monitor said in a new toll on "
        "Thursday. The Tuesday strike hit barracks near the river."
    )
    assert _event_date(body) == "2024-05-07"


def test_said_before_the_days_possessive_keeps_the_events_day():
    assert _event_date("The army said Tuesday's air strike killed 12 fighters.") == "2024-05-07"


def test_a_day_before_a_follow_up_verb_dates_the_follow_up():
    body = (
        "Detectives Thursday investigated a shooting that killed a man and wounded two others. "
        "Deputies were called to the block shortly before 10 p.m. Tuesday."
    )
    assert _event_date(body) == "2024-05-07"


def test_an_arrest_day_is_not_the_shootings_day():
    body = (
        "Police arrested a man in the east side Thursday in a shooting that killed a teenager. "
        "The teenager was shot outside a store on Monday evening."
    )
    assert _event_date(body) == "2024-05-06"


def test_a_sentence_opening_on_its_statements_day():
    body = (
        "Gunmen killed five villagers in an attack on a market. "
        "Also on Thursday the state news agency said the army had sealed off the area. "
        "The attack took place on Wednesday morning, witnesses said."
    )
    assert _event_date(body) == "2024-05-08"


def test_only_a_statement_day_dates_the_event_on_it():
    body = "Four people were shot dead at a party, police said Wednesday."
    assert _event_date(body) == "2024-05-08"


def test_a_statement_day_further_down_dates_an_event_without_a_day():
    body = (
        "Over 40 fighters have been killed in air raids on rebel positions in the last 48 hours, "
        "military sources said on Thursday."
    )
    assert _event_date(body, title="Air raids kill 40 fighters") == "2024-05-09"


def test_a_follow_up_storys_event_keeps_its_older_day():
    body = (
        "A father has been charged in the accidental shooting death of his 4-year-old son. "
        "It happened on March 3 after the boy found a loaded handgun."
    )
    assert _event_date(body) == "2024-03-03"


def test_injuries_sustained_on_an_earlier_day_date_the_event():
    body = (
        "The sheriff announced Thursday that a woman shot in the robbery has died. "
        "She died Wednesday of injuries she sustained April 20 at the store, officials said."
    )
    assert _event_date(body) == "2024-04-20"


def test_overnight_is_the_reports_own_day():
    assert _event_date("Overnight, police say seven people were shot in the city.") == "2024-05-10"


def test_last_weekday_is_never_the_reports_own_day():
    body = "Police found the man wanted in the shooting that killed two people last Friday."
    assert _event_date(body) == "2024-05-03"


def test_over_the_past_two_days_dates_the_spans_first_day():
    body = "Air strikes on the town have killed 30 people over the past two days, a monitor said."
    assert _event_date(body) == "2024-05-08"


def test_a_caption_before_the_lead_does_not_date_the_event():
    body = (
        "A fighter walks through the ruins of the mill in the town on April 2, 2024. "
        "Air strikes on villages near the town killed at least 20 civilians on Thursday."
    )
    assert _event_date(body, title="Air strikes kill 20 civilians") == "2024-05-09"


def test_a_lead_sentence_dates_the_event_before_a_later_toll_sentence():
    body = (
        "Army forces bombard suburbs after gas attack: activists. "
        "Army forces bombarded rebel suburbs on Thursday a day after the gas attack. "
        "Between 200 and 400 people died on Wednesday in the attack, activists said."
    )
    assert _event_date(body, title="Army bombards suburbs after gas attack") == "2024-05-09"


def test_a_toll_counted_since_a_date_is_an_aggregate_not_the_events():
    body = (
        "Civilians in the east of the city faced more air strikes. "
        "Rescuers reported on Thursday that 9 people had been killed in the strikes. "
        "Over 200 civilians have been killed in the city since a truce collapsed on April 1."
    )
    mentions = _mentions(body)
    reported = next(m for m in mentions if m["role"] == "reported")
    assert reported["killed_best"] == 9
    assert any(m["role"] == "aggregate" and m["killed_best"] == 200 for m in mentions)
