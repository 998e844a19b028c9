"""The primary event of an article (DESIGN.md): the headline's and the lead's event.

The headline is read for its figures and the kind of event it names ("Air strikes kill 45 in
Aleppo"); they belong to the reported mention the lead opens. Its capitalised words are no
evidence of place (a headline capitalises every word), so place reading sees it blanked out.
"""

from __future__ import annotations

from transforms.extract.records import Figure, Mention
from transforms.text import Sentence


def blank_heading(text: str, heading_end: int) -> str:
    """The text with its headline turned to spaces, so offsets still match."""
    return " " * heading_end + text[heading_end:] if heading_end else text


def heading_sentences(sentences: list[Sentence], heading_end: int) -> list[Sentence]:
    return [s for s in sentences if s.start < heading_end]


def heading_figures(by_sentence: dict[int, list[Figure]], headings: list[Sentence]) -> list[Figure]:
    """The figures the headline states, to go with the lead's (restatements of one toll are
    added up: the mention's total is the headline's or the body's, the larger)."""
    found = [figure for s in headings for figure in by_sentence.get(s.index, [])]
    for figure in found:
        figure.headline = True
    return found


def type_from_heading(mention: Mention, heading: tuple[str | None, str | None, str | None]) -> None:
    """The headline's kind of event when it names one: it says what the article is about,
    where the lead may open on a detail."""
    weapon, event_type, sub_event_type = heading
    if event_type is None:
        return
    if mention.event_type is None or weapon is not None and mention.weapon is None:
        mention.weapon = weapon or mention.weapon
        mention.event_type, mention.sub_event_type = event_type, sub_event_type
