"""Properties of ingest parsing over random records and random bytes (issue 17): it never
raises, and every input item ends as exactly one outcome: new, duplicate or rejected."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import PurePosixPath

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.ingest.formats import (
    SUPPORTED_SUFFIXES,
    Harvest,
    file_stem,
    file_suffix,
    harvest,
    items_from_bytes,
)
from transforms.ingest.identity import Ledger
from transforms.ingest.rejects import REASONS

NOW = datetime(2024, 1, 1)
FIELDS = ["text", "body", "content", "title", "headline", "url", "link", "date", "pubDate"]
FIELDS += ["published_at", "source", "outlet", "language", "lang"]
SENTENCE = "Gunmen killed three soldiers near Gao on Sunday, the army said."

_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=False)
    | st.text(max_size=40)
    | st.just(SENTENCE)
)
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=10,
)
# Field names in any case ("TEXT", "Title"), and now and then a name no reader knows.
_names = st.sampled_from(FIELDS).flatmap(
    lambda name: st.sampled_from([name, name.upper(), name.capitalize(), name.swapcase()])
) | st.text(max_size=8)
_records = st.dictionaries(_names, _values, max_size=6)


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


_lines = st.one_of(
    _records.map(json.dumps),
    st.text(max_size=60).filter(lambda t: "\n" not in t and "\r" not in t),
    st.integers(min_value=1, max_value=5_000).map(_nested),
    st.just("{oops"),
)


def _outcomes(found: Harvest) -> list[str]:
    """One origin per outcome: an article, a reject, or a page still to fetch."""
    return (
        [a["origin"] for a in found.articles]
        + [r["origin"] for r in found.rejects]
        + [p.origin for p in found.pages]
    )


def _no_bug_rejects(found: Harvest) -> None:
    for reject in found.rejects:
        assert reject["reason"] in REASONS and reject["reason"] != "unparseable", reject


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(_lines, min_size=1, max_size=6))
def test_every_jsonl_line_ends_as_exactly_one_outcome(lines):
    raw = "\n".join(lines).encode("utf-8", "surrogatepass")
    found = harvest("r.jsonl", raw, items_from_bytes("r.jsonl", raw))
    _no_bug_rejects(found)
    if [r["origin"] for r in found.rejects] == ["r.jsonl"]:
        return  # the whole file was refused (not UTF-8 text): one outcome for one input
    counted = [
        f"r.jsonl:{n}" for n, line in enumerate(raw.decode().splitlines(), 1) if line.strip()
    ]
    assert sorted(_outcomes(found)) == sorted(counted)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=_records)
def test_a_record_in_any_case_and_shape_is_one_article_or_one_reject_never_a_repr(record):
    raw = json.dumps(record).encode()
    found = harvest("r.json", raw, items_from_bytes("r.json", raw))
    _no_bug_rejects(found)
    assert len(_outcomes(found)) == 1
    containers = [str(v) for v in record.values() if isinstance(v, list | dict) and v]
    for article in found.articles:
        for key in ("title", "source_name", "url", "body"):
            assert article[key] is None or article[key] not in containers, (key, article[key])
        assert article["published_at"] is None or 1900 <= article["published_at"].year <= 2100
    # Admitted twice, the article is new once and a duplicate the second time.
    ledger = Ledger()
    first = ledger.admit(found.articles, "run1", NOW)
    again = ledger.admit(found.articles, "run2", NOW)
    assert len(first[0]) + first[2] == len(found.articles) and again[2] == len(found.articles)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    raw=st.one_of(
        st.binary(max_size=4096),
        st.lists(st.integers(min_value=0, max_value=31), max_size=2048).map(bytes),
        st.integers(min_value=1, max_value=20_000).map(lambda d: _nested(d).encode()),
    ),
    suffix=st.sampled_from(sorted(SUPPORTED_SUFFIXES)),
)
def test_random_bytes_never_raise_and_no_item_ends_twice(raw, suffix):
    found = harvest(f"f{suffix}", raw, items_from_bytes(f"f{suffix}", raw))
    _no_bug_rejects(found)
    outcomes = _outcomes(found)
    assert len(outcomes) == len(set(outcomes)) >= 1
    if suffix in {".txt", ".md", ".html", ".htm"}:
        assert len(outcomes) == 1
    for article in found.articles:
        assert article["body"].strip() and "\x00" not in article["body"]


_path_parts = st.sampled_from(["", ".", "..", "a", "b.json", ".json", "a.", "a..b", "x.tar.gz"])
_paths = st.lists(_path_parts | st.text(max_size=6), max_size=5).map("/".join) | st.text(
    max_size=12
)


@given(_paths)
def test_file_suffix_and_stem_are_purepaths(path):
    """The reader picks its parser by suffix and titles a text file by its stem, as PurePath
    did; PurePath is not used because it interns every part of every path it parses."""
    assert file_suffix(path) == PurePosixPath(path).suffix
    assert file_stem(path) == PurePosixPath(path).stem
