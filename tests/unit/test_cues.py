"""transforms/cues.py: the literal cues of a pattern are in every text it matches."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import transforms
from tests.fingerprint import generated_articles, sample_articles
from transforms.cues import (
    Gated,
    any_cue,
    any_way,
    cue_ways,
    gated,
    gated_by_parts,
    holds_any,
    holds_one_way,
    led_by_first_characters,
    literal_cues,
)
from transforms.text import fold_case, split_sentences


@pytest.mark.parametrize(
    ("pattern", "cues"),
    [
        (r"\bkill\w*|dead|died", ("dead", "died", "kill")),
        (r"\b(?:attacks?|strikes?)\b", ("attack", "strike")),
        (r"\bin (?:19|20)\d\d\b", ("in 19", "in 20")),
        (r"\bsince (?:january|june)\b", ("since j",)),  # one cue, not one per month
        (r"\w+ly", None),  # no literal of three characters
        (r"(?:abc)?", None),  # optional: nothing required
        (r"x(?=yes)", None),  # assertions are not read: no cue rather than a wrong one
    ],
)
def test_literal_cues(pattern, cues):
    assert literal_cues(pattern) == cues


def _texts() -> list[str]:
    articles = [*sample_articles(), *generated_articles(400)]
    bodies = [f"{a.get('title') or ''}\n\n{a['body']}" for a in articles]
    return [fold_case(s.text) for body in bodies for s in split_sentences(body)] + [
        fold_case(body) for body in bodies
    ]


def _patterns() -> list[tuple[str, re.Pattern]]:
    found = []
    for info in pkgutil.walk_packages(transforms.__path__, "transforms."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            regex = value.regex if isinstance(value, Gated) else value
            if isinstance(regex, re.Pattern) and not regex.flags & re.IGNORECASE:
                found.append((f"{info.name}.{name}", regex))
    return found


@pytest.fixture(scope="module")
def matches() -> list[tuple[str, re.Pattern, list[str]]]:
    """Each of the project's patterns that has cues, with the project's texts it matches
    (searched once for both gate tests)."""
    texts = _texts()
    gated_ones = [
        (name, regex)
        for name, regex in _patterns()
        if literal_cues(regex.pattern) is not None or cue_ways(regex.pattern) is not None
    ]
    return [(name, regex, [t for t in texts if regex.search(t)]) for name, regex in gated_ones]


def test_every_match_holds_a_cue(matches):
    """Over the project's own patterns and texts: gating never drops a match."""
    _assert_matches_hold(matches, literal_cues, holds_any)


def _assert_matches_hold(matches, gate_of, holds) -> None:
    """Every text each pattern matched holds its gate (gate_of(pattern): None for no gate),
    over more than 50 gated patterns."""
    checked = 0
    for name, regex, matched in matches:
        gate = gate_of(regex.pattern)
        if gate is None:
            continue
        checked += 1
        for text in matched:
            assert holds(text, gate), (name, gate, text)
    assert checked > 50


def test_gated_answers_as_the_pattern():
    regex = re.compile(r"\b(?:said|told) (?:on )?(?:monday|friday)\b")
    gate = gated(regex)
    assert isinstance(gate, Gated)
    for text in ("police said on friday", "he told monday", "nothing here", "said nothing"):
        assert bool(gate.search(text)) == bool(regex.search(text))
        assert gate.sub("_", text) == regex.sub("_", text)
        assert [m.span() for m in gate.finditer(text)] == [m.span() for m in regex.finditer(text)]
    assert gated(re.compile(r"\w+")).pattern == r"\w+"  # no cue: the pattern itself


def test_every_match_holds_one_way(matches):
    """Over the project's own patterns and texts: gating by parts (cue_ways) never drops a
    match, and a gated_by_parts pattern answers as the pattern."""
    _assert_matches_hold(matches, cue_ways, holds_one_way)
    gate = gated_by_parts(re.compile(r"\b(?:since the war|(?:have|has) been killed\b.*\bsince)\b"))
    assert isinstance(gate, Gated)
    for text in ("since the war", "have been killed since", "killed", "has been killed", ""):
        assert bool(gate.search(text)) == bool(gate.regex.search(text)), text


@pytest.mark.parametrize(
    ("pattern", "ways"),
    [
        (r"\bkill\w*|dead", ((("kill",),), (("dead",),))),
        (
            r"\b(?:have|has) been killed\b.*\bsince\b|\bsince the war\b",
            ((("have been killed", "has been killed"), ("since",)), (("since the war",),)),
        ),
        (r"\w+ly|dead", None),  # an alternative that needs no string: no way to gate
    ],
)
def test_cue_ways(pattern, ways):
    """Each alternative's sets, all needed together, rarest first."""
    assert cue_ways(pattern) == ways


_WORD_SETS = [
    ("in september", "in may", "in 19", "in 20", "years ago", "year ago", "last", "after"),
    ("a separate", "a further", "another", "meanwhile"),
    ("said", "says", "told"),
    ("abc", "abcd", "ab", "x.y", "a+b", "in "),  # a word that is the common prefix; escapes
    ("",),  # the empty word: every text holds it
    tuple(f"w{n}x" for n in range(70)),  # enough words for one search of them all
]


def test_any_cue_answers_as_an_in_test_of_each_word():
    texts = [*_texts()[:3000], "", "in 2019", "x.y", "xzy", "a+b", "aab", "abc", "ab", "a w69x"]
    for words in _WORD_SETS:
        holds = any_cue(words)
        for text in texts:
            assert holds(text) == holds_any(text, words), (words, text)


def test_gates_and_any_way_answer_as_the_pattern(matches):
    """Over the project's own gated patterns and texts: a gated pattern's search finds what the
    pattern's own search finds, and any_way answers as holds_one_way."""
    texts = _texts()[:3000]
    checked = 0
    for _, regex, matched in matches:
        for gate in (gated(regex), gated_by_parts(regex)):
            for text in (*matched[:50], *texts[::20]):
                assert bool(gate.search(text)) == bool(regex.search(text)), (regex.pattern, text)
        ways = cue_ways(regex.pattern)
        if ways is not None:
            holds = any_way(ways)
            for text in texts[::10]:
                assert holds(text) == holds_one_way(text, ways)
            checked += 1
    assert checked > 20


def test_first_characters_are_read_from_every_alternative():
    led = led_by_first_characters(r"\b(?:kill(?:ed|s)?|dead)\s+and\b|\b(?:[Ww]ound|hurt)\w*")
    assert led.startswith(r"\b(?=[Wdhkw])")  # each alternative opens at a \b


def test_a_pattern_that_may_match_empty_at_the_end_is_led_by_the_end_too():
    led = led_by_first_characters(r"\b(?:another\s+)?(?:some\s+)?$")
    assert led.startswith(r"\b(?=[as]|$)")
    assert [m.span() for m in re.finditer(led, "x another ")] == [(2, 10)]
    assert [m.span() for m in re.finditer(led, "x y")] == [(3, 3)]


def test_a_boundary_is_added_only_where_every_match_starts_at_one():
    assert led_by_first_characters(r"(?:\bthe|of)\s").startswith("(?=[ot])")
    assert led_by_first_characters(r"(?<![\w-])[A-Z][a-z]+").startswith("(?=[A-Z])")
    assert led_by_first_characters(r"\b[A-Z]|\bthe").startswith(r"\b(?=[A-Zt])")


@pytest.mark.parametrize("pattern", [r"\w+", r"a?b?", r"(?i:a)b", r"[^a]b", r"."])
def test_no_lead_where_a_match_may_start_anywhere(pattern):
    with pytest.raises(ValueError):
        led_by_first_characters(pattern)


@given(st.text(alphabet="abdeiklnorstw -.'AKW\n", max_size=40))
def test_a_led_pattern_finds_what_the_pattern_finds(text):
    for pattern in (
        r"\b(?:kill(?:ed|s)?|dead)\s+and\b|\b(?:[Ww]ound|hurt)\w*",
        r"\b(?:another\s+)?(?:some\s+)?$",
        r"(?:\bthe|of)\s|'s\b",
    ):
        led = led_by_first_characters(pattern)
        assert [m.span() for m in re.finditer(led, text)] == [
            m.span() for m in re.finditer(pattern, text)
        ]
