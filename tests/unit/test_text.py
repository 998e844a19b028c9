from transforms.text import article_id, normalize_whitespace, split_sentences


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
