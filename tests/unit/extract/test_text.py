import re
import sys

import pytest

from transforms.text import (
    article_id,
    compile_folded,
    first_matching,
    fold_case,
    normalize_whitespace,
    priority_regexes,
    split_alternatives,
    split_sentences,
)


def test_sentences_slice_the_body_exactly(seed_article):
    body = seed_article["body"]
    sentences = split_sentences(body)
    assert len(sentences) > 20
    for sentence in sentences:
        assert body[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


def test_abbreviations_do_not_end_sentences():
    text = "Gen. Smith said U.S. forces left. Then Mr. Jones spoke."
    assert [s.text for s in split_sentences(text)] == [
        "Gen. Smith said U.S. forces left.",
        "Then Mr. Jones spoke.",
    ]


def test_article_id_ignores_whitespace_differences():
    assert article_id("Six  people\nwere killed ") == article_id("Six people were killed")
    assert article_id("Six people were killed") != article_id("Seven people were killed")
    assert normalize_whitespace("  a \t b\n") == "a b"


def test_fold_case_maps_what_ignorecase_matches_to_ascii_letters():
    # A pattern of lower-case ASCII run on folded text matches where it matches the text with
    # re.IGNORECASE: each character that the flag matches to an ASCII letter folds to that
    # letter, and no other character changes.
    every_char = "".join(map(chr, range(sys.maxunicode + 1)))
    folded = fold_case(every_char)
    assert len(folded) == len(every_char)
    letters = {m.start() for m in re.finditer(r"[a-z]", every_char, re.IGNORECASE)}
    for i, (char, folded_char) in enumerate(zip(every_char, folded, strict=True)):
        if i in letters:
            assert "a" <= folded_char <= "z" and re.fullmatch(folded_char, char, re.IGNORECASE)
        else:
            assert folded_char == char
    assert fold_case("Kyiv’s İdlib") == "kyiv’s idlib"


def test_fold_case_answers_as_a_translation_of_each_character():
    # the UTF-8 bytes path for non-ASCII texts against the character table it replaces
    from transforms.text import _FOLD_CASE

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        for text in (char, f"A{char}z", f"“Kyiv’s{char}ÉTAT”"):
            assert fold_case(text) == text.translate(_FOLD_CASE), hex(code)
    for text in ("Kyiv’s İdlib", "DIYARBAKIR ıSPARTA", "\udc80Aſ", "Ünal’s ÉTAT — KM"):
        assert fold_case(text) == text.translate(_FOLD_CASE)


def test_compile_folded_refuses_upper_case_patterns():
    assert compile_folded(r"\bkyiv\W").search(fold_case("KYIV!"))
    with pytest.raises(ValueError):
        compile_folded("Kyiv")


def test_split_alternatives_reads_only_top_level_bars():
    assert split_alternatives(r"a|b(?:c|d)|[|]e|f\|g") == ["a", "b(?:c|d)", "[|]e", r"f\|g"]
    assert split_alternatives("[]|]x|[^]|]y") == ["[]|]x", "[^]|]y"]


def test_first_matching_follows_list_order_not_text_order():
    priority = priority_regexes(["missiles?", "rockets?|grads?", "shell(?:ing|s)?"])
    assert first_matching(priority, fold_case("Shelling, then rockets and a missile")) == 0
    assert first_matching(priority, fold_case("Shelling, then Grad rockets")) == 1
    assert first_matching(priority, fold_case("shells")) == 2
    assert first_matching(priority, fold_case("shellfire")) is None


def test_first_matching_is_the_first_pattern_that_matches_anywhere():
    """Grouped by first character (many alternatives) or gated by cues, first_matching still
    answers as one search per pattern in list order would."""
    from tests.fingerprint import generated_articles, sample_articles
    from transforms.extract.casualties.phrases import _GROUP_PRIORITY, _GROUPS
    from transforms.extract.dates import _RELATIVE_SPANS, _SPAN_REGEXES
    from transforms.extract.taxonomy import (
        _BEFORE_REGEXES,
        _BEFORE_WEAPONS,
        _EVENT_REGEXES,
        _EVENTS,
        _WEAPON_REGEXES,
        WEAPONS,
    )

    articles = [*sample_articles(), *generated_articles(300)]
    texts = [fold_case(s.text) for a in articles for s in split_sentences(a["body"])]
    texts += ["last week and this year, not last year", "a day after last month's raids"]
    for priority, patterns in (
        (_WEAPON_REGEXES, WEAPONS),
        (_EVENT_REGEXES, _EVENTS),
        (_BEFORE_REGEXES, _BEFORE_WEAPONS),
        (_SPAN_REGEXES, _RELATIVE_SPANS),
        (_GROUP_PRIORITY, [(p,) for _, p in _GROUPS]),
    ):
        singles = [compile_folded(rf"\b(?:{pattern})\b") for pattern, *_ in patterns]
        for text in texts:
            expected = next((i for i, r in enumerate(singles) if r.search(text)), None)
            assert first_matching(priority, text) == expected, text
    many = [f"w{i}x|{chr(97 + i % 26)}{i}y" for i in range(30)]
    priority = priority_regexes(many)
    assert first_matching(priority, "b27y and w3x") == 3
    assert first_matching(priority, "c28y") == 28
    assert first_matching(priority, "nothing") is None
    # each search after the first starts where the last match did: \b still reads the
    # character before it ("ab" does not hold the word "b")
    priority = priority_regexes(["b", "ab", "x"])
    assert first_matching(priority, "x ab") == 1
    assert first_matching(priority, "x ab b") == 0


def test_grouped_alternation_starts_where_the_alternation_does():
    from tests.fingerprint import generated_articles, sample_articles
    from transforms.extract.taxonomy import ACTORS
    from transforms.text import grouped_alternation

    alternation = "|".join(pattern for pattern, _ in ACTORS)
    plain = compile_folded(rf"\b(?:{alternation})")
    grouped = compile_folded(rf"\b(?:{grouped_alternation(alternation)})")
    assert grouped.pattern != plain.pattern
    articles = [*sample_articles(), *generated_articles(300)]
    for text in [fold_case(a["body"]) for a in articles]:
        for pos in range(0, len(text), 97):
            found, expected = grouped.search(text, pos), plain.search(text, pos)
            assert (found and found.start()) == (expected and expected.start())
