"""The pure pieces of ingest: encodings, URLs, identity, feeds, language, and arbitrary bytes."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.ingest.articles import article_from_record
from transforms.ingest.encoding import decode_bytes
from transforms.ingest.feeds import parse_feed
from transforms.ingest.formats import (
    SUPPORTED_SUFFIXES,
    harvest,
    items_from_bytes,
    items_from_response,
)
from transforms.ingest.identity import Ledger
from transforms.ingest.rejects import REASONS, Rejected
from transforms.ingest.urls import canonical_url, fetchable_url

NOW = datetime(2024, 1, 1)
REPORT = (
    "Militants attacked an army post in North Waziristan on Tuesday, killing three soldiers, "
    "the military said in a statement. Two attackers were also killed in the exchange of fire."
)


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("naïve café — “quoted”".encode(), "naïve café — “quoted”"),
        (b"\xef\xbb\xbfwith a BOM", "with a BOM"),
        ("utf-16 text".encode("utf-16"), "utf-16 text"),
        (
            "Officials said \u201csix\u201d were killed \u2014 in the caf\u00e9.".encode("cp1252"),
            "Officials said \u201csix\u201d were killed \u2014 in the caf\u00e9.",
        ),
        (
            "Le caf\u00e9 \u00e0 Gao, a d\u00e9clar\u00e9 la police.".encode("latin-1"),
            "Le caf\u00e9 \u00e0 Gao, a d\u00e9clar\u00e9 la police.",
        ),
        (
            "Ракетний удар по Кривому Рогу забрав життя шести людей.".encode("cp1251"),
            "Ракетний удар по Кривому Рогу забрав життя шести людей.",
        ),
    ],
)
def test_encodings_are_detected(raw, text):
    assert decode_bytes(raw) == text


def test_binary_and_undecodable_bytes_are_rejected_with_their_reason():
    with pytest.raises(Rejected) as binary:
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert binary.value.reason == "binary_file"
    # Damaged UTF-8: a code page would decode it, but only as mojibake ("cafÃ©").
    with pytest.raises(Rejected) as bad:
        decode_bytes(REPORT.encode() + " café, naïve — “quoted”".encode() + b"\xff")
    assert bad.value.reason == "bad_encoding"


def test_canonical_urls_and_fetchable_schemes():
    assert (
        canonical_url("HTTPS://News.Example.org:443/a/b?utm_source=x&id=7&fbclid=1#top")
        == "https://news.example.org/a/b?id=7"
    )
    assert canonical_url("http://example.org") == "http://example.org/"
    assert canonical_url("http://example.org:8080/x") == "http://example.org:8080/x"
    assert fetchable_url(" https://example.org/a ") == "https://example.org/a"
    for bad in (
        "ftp://example.org/a",
        "file:///etc/passwd",
        "/etc/passwd",
        "data/x.txt",
        "mailto:a@b",
        "http://",
    ):
        with pytest.raises(Rejected) as rejected:
            fetchable_url(bad)
        assert rejected.value.reason == "unsupported_scheme", bad


def _article(body: str, url: str | None, origin: str) -> dict:
    return article_from_record({"text": body, "url": url}, origin)


def test_the_ledger_stores_a_syndicated_copy_once_with_both_origins():
    ledger = Ledger()
    first = _article(REPORT, "https://a.example/story", "https://a.example/story")
    copy = _article(REPORT + "\n", "https://b.example/reprint", "https://b.example/reprint")
    new, origins, duplicates = ledger.admit([first, copy], "run1", NOW)
    assert new == [first] and duplicates == 1
    assert [(o["article_id"], o["origin"]) for o in origins] == [
        (first["article_id"], "https://a.example/story"),
        (first["article_id"], "https://b.example/reprint"),
    ]
    assert ledger.known_url("https://B.example/reprint?utm_medium=rss")
    # Seen again in a later run: nothing new at all, not even an origin.
    assert ledger.admit([copy], "run2", NOW) == ([], [], 1)


def test_an_article_seen_before_by_url_is_not_stored_again_even_if_edited():
    ledger = Ledger()
    ledger.remember("old-id", "https://a.example/story", "https://a.example/story")
    edited = _article(
        REPORT.replace("three", "four"), "https://a.example/story?utm_source=t", "f.json"
    )
    new, origins, duplicates = ledger.admit([edited], "run", NOW)
    assert new == [] and duplicates == 1
    assert [(o["article_id"], o["origin"]) for o in origins] == [("old-id", "f.json")]


RSS = b"""<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Wire</title>
<item><title>Full</title><link>https://w.example/full</link><guid>g1</guid>
<pubDate>Tue, 02 Jan 2024 10:00:00 +0200</pubDate><description>teaser</description>
<content:encoded><![CDATA[<p>Paragraph one.</p><p>Paragraph two.</p>]]></content:encoded></item>
<item><title>Teaser</title><link>https://w.example/teaser</link><description>Only a teaser.</description></item>
<item><title>No link</title><description>&lt;p&gt;The whole story is here.&lt;/p&gt;</description></item>
</channel></rss>"""


def test_feed_entries_carry_text_or_a_page_to_fetch():
    full, teaser, no_link = parse_feed(RSS, "https://w.example/rss")
    assert full.origin == "https://w.example/rss#g1"
    assert full.record["text"].split() == ["Paragraph", "one.", "Paragraph", "two."]
    assert full.record["published_at"] == datetime(2024, 1, 2, 8, 0)  # UTC
    assert full.record["source"] == "Wire"
    assert teaser.record is None and teaser.link == "https://w.example/teaser"
    assert no_link.record["text"] == "The whole story is here."


def test_rss_091_and_atom_are_read():
    rss091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old wire</title>
    <item><title>Clash</title><link>https://o.example/1</link>
    <description>Fighting broke out near the border on Monday.</description></item>
    </channel></rss>"""
    [entry] = parse_feed(rss091, "old")
    assert entry.link == "https://o.example/1" and entry.record is None  # summary only
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>a</id>
    <updated>2024-01-01T00:00:00Z</updated><entry><id>e1</id><title>T</title>
    <published>2024-01-03T04:05:06+01:00</published><updated>2024-01-04T00:00:00Z</updated>
    <content type="text">Fighting broke out near the border.</content></entry></feed>"""
    [entry] = parse_feed(atom, "atom")
    assert entry.record["text"] == "Fighting broke out near the border."
    assert entry.record["published_at"] == datetime(2024, 1, 3, 3, 5, 6)  # published, in UTC


def test_a_response_is_read_by_its_content_type():
    url = "https://h.example/x"
    page = b"<html><body><p>" + REPORT.encode() + b"</p></body></html>"
    for content_type, raw, kind in [
        ("text/html", page, "article"),
        ("application/xhtml+xml", page, "article"),
        ("text/plain", REPORT.encode(), "article"),
        ("application/rss+xml", RSS, "feed"),
        ("text/xml", RSS, "feed"),
        (
            "application/xml",
            b"<urlset><url><loc>https://h.example/</loc></url></urlset>",
            "malformed_feed",
        ),
    ]:
        found = harvest(url, raw, items_from_response(url, raw, content_type))
        if kind == "article":
            assert [a["body"] for a in found.articles] == [REPORT], content_type
        elif kind == "feed":
            assert len(found.articles) == 2 and len(found.pages) == 1, content_type
        else:
            assert [r["reason"] for r in found.rejects] == [kind], content_type


def test_a_document_that_is_not_a_feed_is_malformed():
    for raw in (b"<rss><channel><item><title>cut", b"plain words", b"<html><body>x</body></html>"):
        with pytest.raises(Rejected) as rejected:
            parse_feed(raw, "f")
        assert rejected.value.reason == "malformed_feed"


def test_non_english_is_rejected_but_short_or_stated_english_is_kept():
    french = "Des hommes armés ont attaqué un poste de l'armée mardi, tuant trois soldats, a indiqué l'armée."
    with pytest.raises(Rejected) as rejected:
        article_from_record({"text": french}, "o")
    assert rejected.value.reason == "unsupported_language"
    assert article_from_record({"text": "Gao: 3 killed."}, "o")["language"] == "en"
    assert article_from_record({"text": REPORT, "language": "en-GB"}, "o")["language"] == "en"
    with pytest.raises(Rejected):
        article_from_record({"text": REPORT, "language": "uk"}, "o")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    raw=st.one_of(
        st.binary(max_size=2048),
        st.text(max_size=512).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.sampled_from(
            [b"{", b"[1, {}]", b'{"text": 5}', b"<rss", b"<html>", b'"a","b"\n"c']
        ).flatmap(lambda head: st.binary(max_size=256).map(lambda tail: head + tail)),
    ),
    suffix=st.sampled_from(sorted(SUPPORTED_SUFFIXES)),
    content_type=st.sampled_from(["text/html", "application/rss+xml", "text/plain", ""]),
)
def test_arbitrary_bytes_never_crash_ingest(raw, suffix, content_type):
    for origin, items in (
        (f"f{suffix}", items_from_bytes(f"f{suffix}", raw)),
        ("http://h.example/x", items_from_response("http://h.example/x", raw, content_type)),
    ):
        found = harvest(origin, raw, items)
        for article in found.articles:
            assert article["body"].strip() and len(article["article_id"]) == 64
        for reject in found.rejects:
            assert reject["reason"] in REASONS and reject["reason"] != "unparseable", reject


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
_FIELDS = st.sampled_from(
    [
        "text",
        "body",
        "content",
        "title",
        "url",
        "link",
        "date",
        "pubDate",
        "published_at",
        "source",
        "language",
        "lang",
    ]
)


@settings(max_examples=150, deadline=None)
@given(record=st.dictionaries(_FIELDS, _JSON | st.text(max_size=200), max_size=6))
def test_any_record_becomes_an_article_or_a_reject_and_the_same_reject_twice(record):
    raw = json.dumps(record).encode()
    first = harvest("r.json", raw, items_from_bytes("r.json", raw))
    again = harvest("r.json", raw, items_from_bytes("r.json", raw))
    assert len(first.articles) + len(first.rejects) == 1
    assert [r["reject_id"] for r in first.rejects] == [r["reject_id"] for r in again.rejects]
    assert all(r["reason"] in REASONS and r["reason"] != "unparseable" for r in first.rejects)
    for article in first.articles:
        assert isinstance(article["body"], str) and article["language"] == "en"
        assert article["published_at"] is None or isinstance(article["published_at"], datetime)
