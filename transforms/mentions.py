"""Splitting an article into the events it mentions and attaching each figure to one of them."""

from __future__ import annotations

import re
from datetime import date

from transforms.casualties import continues_toll, find_figures
from transforms.dates import resolve_date
from transforms.places import Place, find_places
from transforms.records import Figure, Mention
from transforms.taxonomy import classify, find_perpetrator
from transforms.text import Sentence

_HISTORICAL = re.compile(
    r"\b(?:similar|previous|earlier|last)\s+(?:attack|strike|assault|bombing)s?\b"
    r"|\bin\s+(?:19|20)\d\d\b|\blast (?:year|month)\b",
    re.I,
)
_AGGREGATE = re.compile(
    r"\b(?:since the (?:war|invasion|conflict|start)|in the process|so far this year|in total"
    r"|over the course of|throughout the war)\b",
    re.I,
)


def split_mentions(body: str, sentences: list[Sentence], published: date | None) -> list[Mention]:
    """The event mentions of an article, in reading order, with their figures attached."""
    figures = find_figures(body, sentences)
    places = find_places(body)
    mentions: list[Mention] = []
    for sentence, sentence_figures in _group_by_sentence(sentences, figures):
        if mentions and continues_toll(mentions[-1].figures, sentence_figures, sentence.text):
            mentions[-1].figures.extend(sentence_figures)
            continue
        mentions.append(
            _mention(
                body,
                sentences,
                sentence,
                sentence_figures,
                places,
                published,
                first=not any(m.role == "reported" for m in mentions),
            )
        )
    return mentions


def _group_by_sentence(sentences: list[Sentence], figures: list[Figure]):
    by_index: dict[int, list[Figure]] = {}
    for figure in figures:
        by_index.setdefault(figure.sentence_index, []).append(figure)
    return [(sentences[i], by_index[i]) for i in sorted(by_index)]


def _mention(
    body: str,
    sentences: list[Sentence],
    sentence: Sentence,
    figures: list[Figure],
    places: list[Place],
    published: date | None,
    first: bool,
) -> Mention:
    role = _role(sentence.text, figures, first)
    event_date, precision = resolve_date(sentence.text, published)
    if event_date is None and role in ("reported", "other"):
        event_date, precision = published, "day" if published else None
    context = " ".join(s.text for s in sentences[max(0, sentence.index - 1) : sentence.index + 1])
    weapon, event_type, sub_event_type = classify(sentence.text)
    if weapon is None:
        weapon, event_type, sub_event_type = classify(context)
    mention = Mention(
        role=role,
        evidence=sentence.text,
        char_start=sentence.start,
        char_end=sentence.end,
        sentence_index=sentence.index,
        event_date=event_date,
        date_precision=precision,
        weapon=weapon,
        event_type=event_type,
        sub_event_type=sub_event_type,
        perpetrator=find_perpetrator(sentence.text) or find_perpetrator(context),
        figures=list(figures),
    )
    _set_place(mention, _place_for(sentence, places))
    return mention


def _role(text: str, figures: list[Figure], first: bool) -> str:
    if _AGGREGATE.search(text) and any(f.qualifier == "vague" for f in figures):
        return "aggregate"
    if _HISTORICAL.search(text) or (
        not first
        and resolve_date(text, None)[0] is None
        and re.search(
            r"\bin (?:january|february|march|april|may|june|july|august|september|october|november|december)\b",
            text,
            re.I,
        )
    ):
        return "historical"
    return "reported" if first else "other"


def _place_for(sentence: Sentence, places: list[Place]) -> Place | None:
    """A town in the sentence, else the nearest town named before it, else a country."""
    towns = [p for p in places if p.precision == 1]
    inside = [p for p in towns if sentence.start <= p.char_start < sentence.end]
    if inside:
        return inside[0]
    before = [p for p in towns if p.char_start < sentence.start]
    if before:
        return before[-1]
    return next((p for p in places if sentence.start <= p.char_start < sentence.end), None)


def _set_place(mention: Mention, place: Place | None) -> None:
    if place is None:
        return
    mention.location = place.name if place.precision == 1 else None
    mention.country, mention.country_iso = place.country, place.country_iso
    mention.admin1, mention.geonameid = place.admin1, place.geonameid
    mention.latitude, mention.longitude = place.latitude, place.longitude
    mention.geo_precision = place.precision
