"""The cheap tests and per-article caches of article assembly answer as what they replace."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from tests.fingerprint import generated_articles, sample_articles
from transforms.cues import _MIN_SEARCHED, Gated, cue_search, holds_any
from transforms.extract import dates, mentions, primary, taxonomy
from transforms.extract.dates import resolve_date
from transforms.extract.mentions import _Context, _folded
from transforms.extract.taxonomy import _ACTOR_START, classify, weapon_of
from transforms.text import fold_case, grouped_alternation, has_digit, split_sentences

ANCHOR = date(2023, 7, 31)


@cache
def _sentences() -> tuple[str, ...]:
    articles = [*sample_articles(), *generated_articles(200)]
    bodies = [f"{a.get('title') or ''}\n\n{a['body']}" for a in articles]
    extra = ["Reuters Tuesday 6 May 2014 - a blast", "٣ killed", "Ⅳ", "UPDATE July 16: 3 dead"]
    return (*(s.text for body in bodies for s in split_sentences(body)), *extra)


def test_has_digit_answers_as_a_search_for_a_digit():
    digit = re.compile(r"\d")
    for text in (*_sentences(), "", "no digits", "٣ (an Arabic-Indic three)", "x٣", "Ⅳ"):
        assert has_digit(text) == (digit.search(text) is not None), text


def test_a_search_of_many_cues_answers_as_an_in_test_of_each():
    # enough cues that its gate is one search of them all (cues.any_cue)
    assert isinstance(_ACTOR_START, Gated) and len(_ACTOR_START.cues) >= _MIN_SEARCHED
    search = cue_search(_ACTOR_START.cues)
    for text in map(fold_case, _sentences()):
        assert (search(text) is not None) == holds_any(text, _ACTOR_START.cues), text
        assert bool(_ACTOR_START.search(text)) == bool(_ACTOR_START.regex.search(text)), text


def test_weapon_of_is_the_weapon_classify_reads():
    """mentions._fill_from reads weapon_of first and classifies only for a new weapon."""
    for text in _sentences():
        assert weapon_of(text) == classify(text)[0], text


def test_the_wire_dateline_gate_drops_no_match():
    wire = primary._DATELINES[1]
    assert isinstance(wire, Gated)
    for text in map(fold_case, _sentences()):
        assert bool(wire.search(text)) == bool(wire.regex.search(text)), text


def _event_date_as_before(text: str, anchor: date | None):
    """resolve_event_date as written before it folded once (each step on the original text)."""
    folded = fold_case(text)
    found = primary._dateline(folded, anchor)
    if found is not None:
        start, end = found[1]
        text = text[:start] + " " * (end - start) + text[end:]
    folded = primary.blank_statement_days(fold_case(text))
    cue = primary.event_day_cue(folded)
    first = resolve_date(folded[cue:], anchor) if cue else (None, None)
    return primary._not_after(first if first[0] else resolve_date(folded, anchor), anchor)


def test_event_and_statement_dates_read_once_folded_answer_as_before():
    for text in _sentences():
        for anchor in (ANCHOR, None):
            assert primary.resolve_event_date(text, anchor) == _event_date_as_before(text, anchor)
            stripped = primary._without_dateline(fold_case(text), anchor)
            before = primary._not_after(resolve_date(stripped, anchor), anchor)
            assert primary.resolve_statement_date(text, anchor) == before, text


def test_folded_sentences_are_read_once_and_equal_fold_case():
    sentences = split_sentences("Gunmen KILLED 3 in İdlib. The army said so.\nNo more.")
    ctx = _Context("", sentences, None, [], {})
    ctx.folded = [None] * len(sentences)
    for sentence in sentences:
        first = _folded(ctx, sentence)
        assert first == fold_case(sentence.text)
        assert _folded(ctx, sentence) is first


def test_other_event_cues_are_searched_once_per_sentence_and_answer_as_the_patterns():
    body = " ".join(_sentences()[:400])
    sentences = split_sentences(body)
    ctx = _Context(body, sentences, ANCHOR, [], {})
    ctx.folded = [None] * len(sentences)
    for sentence in sentences:
        folded = fold_case(sentence.text)
        for pattern in (mentions._AGGREGATE, mentions._HISTORICAL, mentions._NEW_EVENT):
            want = pattern.regex.search(folded) is not None
            assert mentions._says(ctx, pattern, sentence) == want, sentence.text
            assert ctx.memo[(pattern, sentence.index)] == want  # asked again: read, not searched
        joined = "|".join(
            p.pattern for p in (mentions._AGGREGATE, mentions._HISTORICAL, mentions._NEW_EVENT)
        )
        assert mentions._other_event(ctx, sentence) == bool(re.search(joined, folded))


def test_date_finders_skip_only_texts_they_cannot_match():
    """A numeric date and "in 2019" need "19" or "20"; the month patterns' cues are the months'."""
    for pattern in (dates._NUMERIC, dates._IN_YEAR, dates._MONTH_YEAR.regex):
        for text in map(fold_case, _sentences()):
            if pattern.search(text):
                assert holds_any(text, dates._YEAR_CUES), text
    for pattern in (dates._DAY_MONTH_YEAR, dates._MONTH_DAY_YEAR, dates._MONTH_YEAR):
        assert set(pattern.cues) == set(dates._MONTH_CUES)
    assert set(dates._IN_MONTH.cues) == set(dates._MONTH_CUES)
    for text in ("in 2019", "on 3/4/2020", "on 3/4/1999 and 2/2/2021", "12.07.2018", "in 2119"):
        assert dates.resolve_date(text, ANCHOR)[0] is not None or text == "in 2119"


def test_the_iso_gate_drops_no_match():
    """An ISO date ("2023-07-31") has a "-" between two digits; so do only some hyphens."""
    extra = (
        "2023-07-31",
        "-2023-07-31",
        "x-y 2023-07-31",
        "٢٠٢٣-٠٧-٣١",
        "- 1-",
        "12-year-old",
        "-",
    )
    for text in (*map(fold_case, _sentences()), *extra):
        if dates._ISO.search(text):
            assert dates._digit_dash_digit(text), text
    assert not dates._digit_dash_digit("al-shabaab, 12- and -3")


def test_the_first_actor_starts_where_the_word_boundary_search_finds_it():
    """_ACTOR_START opens on the actors' first letters, each followed by (?<!\\w.), instead of
    \\b: the same starts, at every position, whatever stands before a name."""
    assert taxonomy._ACTOR_LETTER_FIRST is not None
    joined = "|".join(p for p, _ in taxonomy.ACTORS)
    spec = re.compile(rf"\b(?:{grouped_alternation(joined)})")
    fast = taxonomy._ACTOR_START.regex
    names = ["russia", "russian forces", "the kremlin", "the us-led forces", "us military"]
    names += ["the syrian regime", "regime", "al-shabaab", "isis", "idf", "hamas", "kyiv"]
    names += ["taliban", "hezbollah", "houthis", "boko haram", "islamic state", "turkish drones"]
    texts = [
        f"{before}{name}{after}"
        for name in names
        for before in ["", " ", "x", "_", "-", "'", "é", "3", "(", "the ", "ſ", "n.", "\n"]
        for after in ["", " attacked", "s", "-backed", "_"]
    ]
    for text in [*texts, *map(fold_case, _sentences())]:
        for pos in range(len(text) + 1):
            want, got = spec.search(text, pos), fast.search(text, pos)
            assert (got and got.start()) == (want and want.start()), (text, pos)
