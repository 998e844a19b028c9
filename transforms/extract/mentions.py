"""Splitting an article into the events it mentions and attaching each figure to one of them.

Reading order decides:
- the first sentence that tells of violence opens the `reported` mention, figures or not;
- a later sentence with figures continues the current mention (`continues_mention`) unless it
  brings a new event cue: another place, another explicit date, a historical marker ("a similar
  attack ... in June", "last year") or a war-wide total ("since the invasion", "in the process");
- a new mention is `historical` (an earlier event recalled), `aggregate` (a total over a war or a
  period, not an event) or `other` (another discrete event).
A figure belongs to exactly one mention, so a recalled or negated event never inflates the
reported one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from transforms.cues import Gated, any_cue, gated, gated_by_parts
from transforms.extract.casualties import continues_toll, find_figures, is_toll_update
from transforms.extract.dates import date_range, names_a_day
from transforms.extract.event_days import event_day_cue
from transforms.extract.places import (
    Candidate,
    Place,
    Votes,
    country_place,
    country_votes,
    event_place,
    explicit_votes,
    find_candidates,
    fold,
    primary_place,
    town_votes,
)
from transforms.extract.primary import (
    EARLIER_EVENT,
    WAR_TOTAL,
    article_date,
    awaits_toll,
    blank_heading,
    heading_figures,
    heading_sentences,
    resolve_statement_date,
    type_from_heading,
)
from transforms.extract.primary import resolve_event_date as resolve_date
from transforms.extract.records import Figure, Mention
from transforms.extract.taxonomy import (
    classify,
    find_target,
    owner_perpetrator,
    subject_perpetrator,
    weapon_of,
)
from transforms.text import Sentence, compile_folded, fold_case

_HISTORICAL = compile_folded(
    r"\b(?:similar|previous|earlier|last|prior)\s+(?:\w+\s+)?(?:attacks?|strikes?|assaults?|bombings?"
    r"|raids?|shelling|massacres?)\b"
    r"|\b(?:last|the previous) (?:year|month)\b|\byears? ago\b|\bmonths? ago\b"
    r"|\bin (?:19|20)\d\d\b|\bin (?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december)\b(?!\s+\d)"
    f"|{EARLIER_EVENT}",
)
_AGGREGATE = compile_folded(
    r"\b(?:since the (?:war|invasion|conflict|start|beginning|fighting)|in the process|so far this"
    r" year|over the course of|throughout the (?:war|conflict)|since (?:19|20)\d\d"
    # "in total" over a war or a period; alone it is the event's own total
    r"|in total(?=[^.;]*\b(?:war|conflict|fighting|invasion|years?|months?)\b)"
    r"|since (?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)|death toll (?:of|in) the (?:war|conflict)|this year alone)\b"
    # "have been killed ... since a ceasefire collapsed": a total counted up since a date
    r"|\b(?:have|has) been (?:killed|wounded|injured)\b[^.;]{0,80}?\bsince\b"
    f"|{WAR_TOTAL}",
)
# Words that tell of violence: a sentence with one of these can open the reported mention.
_EVENT = compile_folded(
    r"\b(?:attack\w*|strikes?|struck|airstrikes?|air strikes?|bomb\w*|shell\w*|explo\w+|"
    r"blasts?|missiles?|rockets?|drones?|uavs?|mortars?|artillery|kill\w*|wound\w*|"
    r"injur\w+|dead|died|clash\w*|fighting|fought|ambush\w*|raid\w*|shot|shoot\w*|gunm[ae]n|"
    r"gunfire|opened fire|stabb?\w+|fired|targeted|targeting|hit|assault\w*|massacre\w*|hostages?|"
    r"storm\w*|sieges?|assassinat\w+|hijack\w*|rammed|ramming|arson|behead\w*|murder\w*|"
    r"set on fire|set fire|torched|blew (?:him|her)self up|"
    r"kidnapp\w+|abduct\w+|grenades?|ied|landmines?|suicide|casualties|fatalities|intercepted|"
    r"shot down|crashed|detonat\w+|besieged|offensive|battle\w*)\b",
)
_SAME_PLACE_ANAPHOR = compile_folded(
    r"\b(?:the|that|this) (?:same |central |southern |northern |eastern |western |\w+ )?"
    r"(?:city|town|village|area|region|district|site|base|camp)\b",
)
_NEW_EVENT = compile_folded(
    r"\b(?:another|a second|a third|a separate|a further)\s+(?:\w+\s+)?(?:attack|strike|airstrike|"
    r"bombing|explosion|blast|incident|raid|shelling|clash)|\b(?:in a separate|separately|"
    r"elsewhere|meanwhile)\b",
)
# Searched only in sentences that hold one of their literal cues (transforms/cues.py): most
# hold none, and an `in` test is several times cheaper than a search of the alternation.
# _AGGREGATE's cues hold "killed" and "died", which most figure sentences hold: it is gated by
# what each of its alternatives needs together (49,300 -> 39,300 instructions a sentence; the
# other two cost more so: 25,000 -> 31,200 and 7,500 -> 10,700).
_AGGREGATE = gated_by_parts(_AGGREGATE)
_HISTORICAL, _NEW_EVENT = map(gated, (_HISTORICAL, _NEW_EVENT))


# ("" when one of them has no cues: every text holds it)
_OTHER_EVENT_CUES = tuple(
    cue for p in (_AGGREGATE, _HISTORICAL, _NEW_EVENT) for cue in getattr(p, "cues", ("",))
)
# Their gates as one function (cues.any_cue: the twelve "in <month>" cues and "in 19", "in 20"
# are one scan for "in ", not fourteen `in` tests)
_holds_other_event_cue = any_cue(_OTHER_EVENT_CUES)


def _other_event(ctx: _Context, sentence: Sentence) -> bool:
    """Any of the three cues of another event: a war-wide total, a historical marker,
    "another" (three gated searches cost less than one of the three patterns joined; most
    sentences hold none of their literal cues)."""
    return _holds_other_event_cue(_folded(ctx, sentence)) and (
        _says(ctx, _AGGREGATE, sentence)
        or _says(ctx, _HISTORICAL, sentence)
        or _says(ctx, _NEW_EVENT, sentence)
    )


def _says(ctx: _Context, pattern: Gated | re.Pattern, sentence: Sentence) -> bool:
    """Whether the pattern matches in the folded sentence, searched once per article: a
    sentence that continues no mention is asked again what kind of mention it opens (_role),
    and the primary event's completion asks again of its sentences."""
    key = (pattern, sentence.index)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = pattern.search(_folded(ctx, sentence)) is not None
    return found


_SPEECH_DATE = compile_folded(r"^\s*(?:on|late on|early on)\s+\w+(?:\s+\w+)?,\s+[^,]{0,60}\bsaid\b")


@dataclass(slots=True)
class _Context:
    """What the whole article says, read once and shared by its mentions."""

    body: str
    sentences: list[Sentence]
    published: date | None
    candidates: list[Candidate]
    votes: dict[str, float]
    # Pure per-sentence readings (type, perpetrator, date) that several mentions ask again of
    # the same sentence, computed once per article.
    memo: dict[tuple, object] = field(default_factory=dict)
    place_texts: dict[int, str] = field(default_factory=dict)  # sentences folded as names
    heading: str = ""  # the headline before the body (blanked in `body`)
    # fold_case of each sentence by index, folded when first asked: several readings ask again
    folded: list[str | None] = field(default_factory=list)


def _folded(ctx: _Context, sentence: Sentence) -> str:
    """fold_case(sentence.text), read once per article."""
    found = ctx.folded[sentence.index]
    if found is None:
        found = ctx.folded[sentence.index] = fold_case(sentence.text)
    return found


def _once(ctx: _Context, fn: Callable, *args: object):
    key = (fn, *args)
    found = ctx.memo.get(key, _UNSEEN)
    if found is _UNSEEN:
        found = ctx.memo[key] = fn(*args)
    return found


_UNSEEN = object()


def _perpetrator(ctx: _Context, text: str, owner_only: bool = False) -> str | None:
    """taxonomy.find_perpetrator, its owner forms read once for both questions."""
    owner, first_actor = _once(ctx, owner_perpetrator, text)
    if owner or owner_only or first_actor is None:
        return owner
    return _once(ctx, subject_perpetrator, text, first_actor)


def split_mentions(
    body: str, sentences: list[Sentence], published: date | None, heading_end: int = 0
) -> list[Mention]:
    """The event mentions of an article, in reading order, with their figures attached.
    `body[:heading_end]` is the headline (primary.py): its figures and kind of event go to the
    reported mention, which the body's lead opens."""
    figures = find_figures(body, sentences)
    place_text = blank_heading(body, heading_end)
    candidates = find_candidates(place_text)
    votes = Votes(country_votes(candidates))
    votes.update({"~" + k: v for k, v in town_votes(candidates).items()})
    anchor = article_date(body, heading_end, published)
    ctx = _Context(place_text, sentences, anchor, candidates, votes, heading=body[:heading_end])
    ctx.folded = [None] * len(sentences)
    by_sentence: dict[int, list[Figure]] = {}
    for figure in figures:
        by_sentence.setdefault(figure.sentence_index, []).append(figure)
    headings = heading_sentences(sentences, heading_end)
    head_figures = heading_figures(by_sentence, headings)
    mentions: list[Mention] = []
    background: list[Mention] = []  # war totals told before the lead's event
    for sentence in sentences[len(headings) :]:
        sentence_figures = by_sentence.get(sentence.index, [])
        if not mentions:
            if sentence_figures and _aggregate_lead(ctx, sentence):
                # "The war has killed 12,000 since April. On Monday, a shell killed three."
                place = _sentence_place(ctx, sentence)
                background.append(_open(ctx, sentence, sentence_figures, place, "aggregate"))
                continue
            if (
                _EVENT.search(_folded(ctx, sentence))
                or sentence_figures
                or (head_figures and not _lead_follows(ctx, sentence.index, by_sentence))
            ):
                place = _sentence_place(ctx, sentence)
                opened = _open(ctx, sentence, head_figures + sentence_figures, place, "reported")
                for heading in headings:
                    type_from_heading(opened, _once(ctx, classify, heading.text))
                mentions.append(opened)
            continue
        if not sentence_figures:
            continue  # only figure sentences are read further: places cost a scan each
        current = mentions[-1]
        if _back_to_primary(ctx, mentions[0], current, sentence):
            mentions[0].figures.extend(sentence_figures)
            continue
        if continues_mention(ctx, current, sentence, sentence_figures):
            current.figures.extend(sentence_figures)
            _fill_from(ctx, current, sentence)
            continue
        role = _role(ctx, sentence, mentions[0])
        place = _sentence_place(ctx, sentence)
        mention = _open(ctx, sentence, sentence_figures, place, role, previous=mentions)
        mentions.append(mention)
    mentions = background + mentions
    _finish(ctx, mentions)
    return mentions


# "the deadliest attack in the capital since 2011": a comparison, not a total since then
_SUPERLATIVE_SINCE = compile_folded(
    r"\b(?:deadliest|worst|bloodiest|most\s+deadly|largest|biggest|heaviest)\b[^.;]{0,80}\bsince\b"
)


def _aggregate_lead(ctx: _Context, sentence: Sentence) -> bool:
    """Whether a lead's figures are a war's or a period's total, not an event's."""
    return _says(ctx, _AGGREGATE, sentence) and not _SUPERLATIVE_SINCE.search(
        _folded(ctx, sentence)
    )


def _lead_follows(ctx: _Context, index: int, by_sentence: dict[int, list[Figure]]) -> bool:
    """Whether one of the next two sentences tells of violence, where this one (a photo's
    caption, a line of page furniture) does not: the headline's figures wait for it."""
    following = ctx.sentences[index + 1 : index + 3]
    return any(s.index in by_sentence or _EVENT.search(_folded(ctx, s)) for s in following)


def continues_mention(
    ctx: _Context,
    current: Mention,
    sentence: Sentence,
    figures: list[Figure],
) -> bool:
    """Whether a figure sentence adds to the current mention's toll rather than opening a new one.

    It does unless it brings a new event cue: a war-wide total, a historical marker, an explicit
    date other than the mention's, a place other than the mention's, or "another"/"separate".
    Subsets always stay with their total; additions and toll updates stay too unless a cue says
    otherwise (casualties.continues_toll). A sentence of negations only after a toll it
    contradicts is another event: "no one was killed" after deaths, "no one was injured" after
    injuries. "There were no fatalities" after "injuring 3" completes that toll, and so does an
    umbrella negation ("no casualties", "no one was hurt": killed and injured both) after
    injuries only, since reports often use it for deaths alone.
    """
    if all(f.is_subset for f in figures):
        return True
    text = sentence.text
    if _other_event(ctx, sentence):  # a war-wide total, a historical marker, "another"
        return False
    if awaits_toll(current):
        # the lead named the event; its toll comes further down, unless the figures are told
        # of an earlier day ("500 died on Wednesday" in a story of Thursday's shelling)
        return not _earlier_day(ctx, current, sentence)
    if _only_negations(figures) and _contradicts(figures, current.figures):
        return False  # "no one was killed" cannot restate a toll with deaths: another event
    if continues_toll(current.figures, figures, text):
        return (
            True  # additions and toll updates, even when dated later ("by Tuesday ... rose to 8")
        )
    if _other_date(ctx, current, text):
        return False
    if current.location is None:
        return True
    place = _sentence_place(ctx, sentence)  # read last: it costs a scan of the sentence
    return not (place is not None and _local(place) and not _same_location(place, current))


def _back_to_primary(ctx: _Context, primary: Mention, current: Mention, sentence: Sentence) -> bool:
    """Whether a toll told after background is the primary event's again: dated on the primary
    event's day, not the background's ("a similar bombing in May killed 12. Speaking on
    Wednesday, the governor gave a toll of 31 killed and 74 wounded")."""
    if current is primary or current.role not in ("historical", "aggregate"):
        return False
    text = sentence.text
    if not is_toll_update(text.lower()) or _other_event(ctx, sentence):
        return False
    stated = _once(ctx, resolve_date, text, ctx.published)[0]
    return (
        stated is not None
        and _other_date(ctx, current, text)
        and not _other_date(ctx, primary, text)
    )


def _earlier_day(ctx: _Context, current: Mention, sentence: Sentence) -> bool:
    """Whether the sentence states a day before the primary event's, both to the day. The
    primary's day is read first from the lead's sentences before this one, as _fill_from would."""
    if current.event_date is None and current.role == "reported":
        _date_from_body(ctx, current, sentence.index)
    if current.event_date is None or current.date_precision != "day":
        return False
    stated, precision = _once(ctx, resolve_date, sentence.text, ctx.published)
    return precision == "day" and stated < current.event_date


def _only_negations(figures: list[Figure]) -> bool:
    return all(f.qualifier == "none" for f in figures)


def _contradicts(negations: list[Figure], toll: list[Figure]) -> bool:
    """Whether negations deny a toll already given: deaths, or injuries when only injuries are
    negated (an umbrella "no casualties" negates both, and is read as denying deaths)."""
    negated = {f.category for f in negations}
    denied = {"killed"} if "killed" in negated else negated
    return any(f.category in denied and (f.best or 0) > 0 for f in toll)


def _other_date(ctx: _Context, current: Mention, text: str) -> bool:
    """The text dates its event outside the current mention's date ("Last week, ...")."""
    if current.event_date is None:
        return False  # (asked first: reading the text's date is the costly part)
    stated, precision = _once(ctx, resolve_date, text, ctx.published)
    if stated is None:
        return False
    first, last = date_range(stated, precision)
    current_first, current_last = date_range(current.event_date, current.date_precision)
    return last < current_first or first > current_last


def _local(place: Place) -> bool:
    """A town or a place near one (not a region or country); an unlocated name counts too."""
    return place.precision is None or place.precision <= 2


def _same_location(place: Place, mention: Mention) -> bool:
    if place.geonameid is not None and place.geonameid == mention.geonameid:
        return True
    return fold(place.name) == fold(mention.location or "")


def _role(ctx: _Context, sentence: Sentence, current: Mention) -> str:
    if _says(ctx, _AGGREGATE, sentence):
        return "aggregate"
    if _says(ctx, _HISTORICAL, sentence):
        return "historical"
    stated, precision = _once(ctx, resolve_date, sentence.text, ctx.published)
    earlier = None not in (stated, current.event_date) and (
        date_range(stated, precision)[1] < current.event_date
    )
    return "historical" if earlier else "other"  # "Last week, a glide bomb attack ... killed 7."


_LIKE = gated(compile_folded(r"\b(?:similar|same kind of)\b"))


def _open(
    ctx: _Context,
    sentence: Sentence,
    figures: list[Figure],
    place: Place | None,
    role: str,
    previous: list[Mention] | None = None,
) -> Mention:
    text = _main_clause(sentence.text)
    event_date, precision = _once(ctx, resolve_date, _event_date_text(sentence.text), ctx.published)
    weapon, event_type, sub_event_type = _once(ctx, classify, text)
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
        perpetrator=_perpetrator(ctx, text),
        target=find_target(text),
        figures=list(figures),
    )
    if place is None and previous and role != "aggregate":
        place = _anaphoric_place(sentence.text, previous)
    if weapon is None and previous and _LIKE.search(fold_case(text)):
        # "a similar attack": the kind of the event it is compared with
        like = previous[0]
        mention.event_type = like.event_type
        mention.sub_event_type = like.sub_event_type
    _set_place(mention, place)
    return mention


def _fill_from(ctx: _Context, mention: Mention, sentence: Sentence) -> None:
    """A continuing sentence fills what the opening sentence left empty, and a more specific
    weapon ("ballistic missiles" after "an airstrike") replaces a generic one."""
    if mention.weapon in _GENERIC_WEAPONS:  # a specific one is never replaced: not read
        # classify's weapon is weapon_of's: the kind of event is read only for a new weapon
        weapon = _once(ctx, weapon_of, sentence.text)
        if weapon and _more_specific(weapon, mention.weapon):
            mention.weapon, mention.event_type, mention.sub_event_type = _once(
                ctx, classify, sentence.text
            )
    mention.perpetrator = mention.perpetrator or _perpetrator(ctx, sentence.text)
    mention.target = mention.target or find_target(sentence.text)
    if mention.event_date is None and mention.role == "reported":
        # the lead's sentences before this one date the primary event first
        _date_from_body(ctx, mention, sentence.index + 1)
    if mention.event_date is None:
        mention.event_date, mention.date_precision = _once(
            ctx, resolve_date, _event_date_text(sentence.text), ctx.published
        )
    if mention.location is None:
        _set_place(mention, _sentence_place(ctx, sentence))


_GENERIC_WEAPONS = {None, "airstrike", "missile", "rocket", "artillery", "firearms", "explosive"}
_SPECIFIC_OVER = {"ballistic missile", "cruise missile", "MLRS", "drone", "car bomb", "IED"}


def _more_specific(new: str, old: str | None) -> bool:
    return old is None or (old in _GENERIC_WEAPONS and new in _SPECIFIC_OVER)


def _finish(ctx: _Context, mentions: list[Mention]) -> None:
    """Article-wide completion: dates from the reported event's own paragraphs or from other
    sentences about the same place and weapon, publication as the last resort."""
    for number, mention in enumerate(mentions):
        following = mentions[number + 1].sentence_index if number + 1 < len(mentions) else None
        if mention.role in ("reported", "other"):
            _sharpen_date(ctx, mention)
        if mention.event_date is None and mention.role == "reported":
            _date_from_body(ctx, mention, following)
        if mention.event_date is None and mention.role == "reported":
            _statement_date(ctx, mention, following)
        if mention.location is None and mention.role == "reported":
            _place_from_body(ctx, mention, following)
        if mention.role == "reported":
            _set_place(mention, _primary_place(ctx, mention))
        if mention.event_date is None and mention.role in ("reported", "other") and ctx.published:
            # Nothing stated: the event is taken to be of the publication's week, and said so.
            mention.event_date, mention.date_precision = ctx.published, "week"
        explicit = explicit_votes(ctx.votes)
        if mention.country is None and mention.role != "aggregate" and explicit:
            _set_place(mention, country_place(max(explicit, key=explicit.__getitem__)))
        if mention.perpetrator is None and mention.role in ("reported", "other"):
            mention.perpetrator = _perpetrator_elsewhere(ctx, mention)


def _statement_date(ctx: _Context, mention: Mention, following: int | None) -> None:
    """No day of the event's own: the day of the first statement about it, in its sentence or
    a later one of its paragraphs ("..., military sources said on Friday")."""
    if ctx.published is None:
        return
    for sentence in ctx.sentences[mention.sentence_index : following]:
        stated, precision = _once(ctx, resolve_statement_date, sentence.text, ctx.published)
        if precision == "day" and 0 <= (ctx.published - stated).days <= 7:
            mention.event_date, mention.date_precision = stated, precision
            return


def _date_from_body(ctx: _Context, mention: Mention, following: int | None) -> None:
    """A day stated in the reported event's later sentences ("as of Monday afternoon")."""
    if ctx.published is None:
        return  # a later sentence's explicit date is as likely background ("Last arrest was...")
    for sentence in ctx.sentences[mention.sentence_index + 1 : following]:
        stated, precision = _once(ctx, resolve_date, sentence.text, ctx.published)
        if stated is None or precision != "day":
            continue
        folded = _folded(ctx, sentence)
        recent = 0 <= (ctx.published - stated).days <= 7
        # a follow-up story's event can be weeks old: its day is taken when the sentence says
        # so ("It happened on Nov. 21") or tells of violence on a day with its month
        own_day = event_day_cue(folded) is not None or (
            names_a_day(sentence.text) and _EVENT.search(folded)
        )
        if (recent or own_day) and not _says(ctx, _HISTORICAL, sentence):
            mention.event_date, mention.date_precision = stated, precision
            return


def _place_from_body(ctx: _Context, mention: Mention, following: int | None) -> None:
    """A place stated in the reported event's later sentences ("Event took place in Rafah"), or
    in a lead before it that named no violence."""
    later = ctx.sentences[mention.sentence_index + 1 : following]
    for sentence in [*later, *ctx.sentences[: mention.sentence_index]]:
        if _says(ctx, _HISTORICAL, sentence) or _says(ctx, _NEW_EVENT, sentence):
            continue
        place = _sentence_place(ctx, sentence)
        if place is not None and _local(place):
            _set_place(mention, place)
            return


def _sharpen_date(ctx: _Context, mention: Mention) -> None:
    """A week or month made a day by another sentence naming the same place and weapon with a
    day inside that span ("over the weekend" ... "drone strikes against Moscow the previous day")."""
    if mention.event_date is None or mention.date_precision == "day" or not mention.location:
        return
    first, last = date_range(mention.event_date, mention.date_precision)
    for sentence in _same_event_sentences(ctx, mention):
        stated, precision = _once(ctx, resolve_date, sentence.text, ctx.published)
        if precision == "day" and first <= stated <= last:
            mention.event_date, mention.date_precision = stated, "day"
            return


def _same_event_sentences(ctx: _Context, mention: Mention):
    """The other sentences that name the mention's place, and its weapon when it has one."""
    place_key = fold(mention.location or "")
    pieces = place_key.split()
    for sentence in ctx.sentences:
        if sentence.index == mention.sentence_index or not _names(ctx, sentence, place_key, pieces):
            continue
        if mention.weapon is None or _once(ctx, weapon_of, sentence.text) == mention.weapon:
            yield sentence


def _names(ctx: _Context, sentence: Sentence, place_key: str, pieces: list[str]) -> bool:
    """Whether the sentence folded as place names are (places.fold) holds the key. Folding an
    ASCII text lowers it and turns - ' ` . and whitespace runs into one space, so each word of
    the key is then in the lowered text: most sentences are ruled out without folding."""
    text = sentence.text
    if text.isascii():
        lowered = _folded(ctx, sentence)  # (fold_case lowers an ASCII text)
        for piece in pieces:
            if piece not in lowered:
                return False
    folded = ctx.place_texts.get(sentence.index)
    if folded is None:
        folded = ctx.place_texts[sentence.index] = fold(text)
    return place_key in folded


def _perpetrator_elsewhere(ctx: _Context, mention: Mention) -> str | None:
    if not mention.location:
        return None
    sentences = list(_same_event_sentences(ctx, mention))
    for owner_only in (True, False):
        for sentence in sentences:
            found = _perpetrator(ctx, sentence.text, owner_only)
            if found:
                return found
    return None


_LEADING_CLAUSE = compile_folded(
    r"^\s*(?:(?:a|one|two|three|several|just|hours|days|weeks|a day|a week|shortly)\s+)?"
    r"(?:\w+\s+)?(?:after|before|since|following)\b[^,]{0,200},\s*"
)


def _main_clause(text: str) -> str:
    """The sentence without a leading "A day after ..., " clause about an earlier event."""
    match = _LEADING_CLAUSE.match(fold_case(text))
    return text[match.end() :] if match else text


def _event_date_text(text: str) -> str:
    """The part of a sentence that dates its event ("On Monday, X said" dates a statement)."""
    match = _SPEECH_DATE.match(fold_case(text))
    return text[match.end() :] if match else text


def _sentence_place(ctx: _Context, sentence: Sentence) -> Place | None:
    """The place of the sentence's event, read once per article and only when asked (a scan of
    the sentence's candidates each time)."""
    key = ("place", sentence.index)
    if key not in ctx.memo:
        clause = _main_clause(sentence.text)
        start = sentence.end - len(clause)
        ctx.memo[key] = event_place(ctx.body, ctx.candidates, start, sentence.end, ctx.votes)
    return ctx.memo[key]


# How far past the lead a town of the lead's region may be named ("... in Idlib province."
# ... "the blast hit a mosque in the town of Ariha").
_LATER_SENTENCES = 6


def _primary_place(ctx: _Context, mention: Mention) -> Place | None:
    """The reported event's place read from the headline, the lead and the dateline together
    (places.primary_place): the lead runs to the sentence after the mention's own."""
    first = next((s.index for s in ctx.sentences if s.start >= len(ctx.heading)), 0)
    split = mention.sentence_index + 2
    lead, later = ctx.sentences[first:split], ctx.sentences[split : split + _LATER_SENTENCES]
    spans = [(s.start, s.end) for s in lead if not _says(ctx, _HISTORICAL, s)]
    # read lazily: primary_place asks for the later sentences only when the lead gives a region
    rest = ((s.start, s.end) for s in later if not _other_event(ctx, s))
    current = _mention_place(mention) if mention.country else None
    return primary_place(ctx.body, ctx.heading, (spans, rest), ctx.candidates, ctx.votes, current)


def _mention_place(mention: Mention) -> Place:
    """A mention's place, not tied to where it was read (char_start -1)."""
    return Place(
        mention.location or mention.country or "",
        mention.geonameid,
        mention.country,
        mention.country_iso,
        mention.admin1,
        mention.latitude,
        mention.longitude,
        0,
        -1,
        -1,
        mention.geo_precision or 1,
    )


def _anaphoric_place(text: str, previous: list[Mention]) -> Place | None:
    """ "the city", "the same town": the place of the last mention that has one."""
    if not _SAME_PLACE_ANAPHOR.search(fold_case(text)):
        return None
    for mention in reversed(previous):
        if mention.location:
            return _mention_place(mention)
    return None


def _set_place(mention: Mention, place: Place | None) -> None:
    if place is None:
        return
    is_country = fold(place.name) == fold(place.country or "")
    mention.location = None if is_country else place.name
    mention.country, mention.country_iso = place.country, place.country_iso
    mention.admin1, mention.geonameid = place.admin1, place.geonameid
    mention.latitude, mention.longitude = place.latitude, place.longitude
    mention.geo_precision = place.precision
