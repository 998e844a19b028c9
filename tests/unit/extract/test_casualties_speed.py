"""The fast paths of casualty reading find what the full scans they skip would find."""

import re

import pytest

from transforms.extract.casualties import lowercase, patterns, phrases, sentence, summary
from transforms.extract.casualties.lexicon import _SINGULAR_WORDS
from transforms.extract.casualties.phrases import _LETTERS

SENTENCES = [
    "At least 6 people were killed and 12 others wounded in 2023.",
    "Two soldiers and a police officer died; dozens of others were hurt.",
    "The security guard was shot dead, and an elderly man was injured.",
    "She blew herself up near him, killing another.",
    "A few hundred civilians fled; several were detained.",
    "Gunmen killed one of the villagers and abducted her in Mosul.",
    "The toll rose to 9 after 3 of the wounded died.",
    "Nobody was hurt, police said, though the report could not be independently verified.",
    "The attack was unconfirmed; officials denied reports of casualties.",
    "ISTANBUL: İstanbul police detained 14 suspects.",
]


def _tokens(text: str) -> set[str]:
    return set(_LETTERS.findall(text))


@pytest.mark.parametrize(
    "text",
    [
        *SENTENCES,
        "one",
        "someone said one_two, one2 and twenty-one: tens of 2023-07-01 figures",
        "é one, oneé, ²one, one² and both",
        "a few hundred people; hundreds and dozens (dozen) number",
    ],
)
def test_core_starts_are_where_the_number_core_matches(text):
    low = lowercase(text)
    expected = [m.start() for m in phrases._NUMBER_CORE.finditer(low)]
    assert phrases._core_starts(low, _tokens(low)) == expected


@pytest.mark.parametrize("text", SENTENCES)
def test_every_singular_match_holds_one_of_its_words(text):
    low = lowercase(text)
    for match in patterns._SINGULAR.finditer(low):
        assert _tokens(match.group()) & _SINGULAR_WORDS


@pytest.mark.parametrize("text", SENTENCES)
def test_every_unconfirmed_match_holds_one_of_its_words(text):
    low = lowercase(text)
    if sentence._UNCONFIRMED.search(low):
        assert _tokens(low) & sentence._UNCONFIRMED_WORDS


@pytest.mark.parametrize(
    "text",
    [
        "9 fatalities.",
        "a total of 3 killed and no injuries.",
        "the death toll rose to 12",
        "bringing the number of dead to 4",
        "3 killed in all",
        "altogether 5 died",
        "figures were revised upward",
        "nobody said anything",
        "the ball fell",
    ],
)
def test_toll_update_agrees_with_one_regex(text):
    one = re.compile(f"{summary._TOLL_SUMMARY.pattern}|{summary._TOLL_WORDS.pattern}")
    assert summary.is_toll_update(text) == bool(one.search(text))
