"""Hostile input (issue 17, items 1-7): each shape must end as an article or a clear reject."""

from __future__ import annotations

import json
import os
from datetime import datetime

import pytest

from sources.files import discover, read_file
from transforms.ingest.articles import MAX_PAYLOAD_CHARS, article_from_record, parse_timestamp
from transforms.ingest.formats import Harvest, harvest, items_from_bytes
from transforms.ingest.rejects import REASONS, Rejected
from transforms.ingest.urls import canonical_url, fetchable_url

REPORT = (
    "Gunmen attacked a police checkpoint near Gao in northern Mali on Sunday, killing four "
    "officers and wounding two others, the security ministry said in a statement."
)


def _read(name: str, raw: bytes) -> Harvest:
    return harvest(name, raw, items_from_bytes(name, raw))


def _reasons(found: Harvest) -> list[str]:
    return [r["reason"] for r in found.rejects]


# 1. Malformed URLs


@pytest.mark.parametrize("url", ["http://[::1", "https://[not-an-ip]/x", "http://h:99999999/"])
def test_a_malformed_url_is_a_reject_not_an_exception(url):
    with pytest.raises(Rejected) as rejected:
        fetchable_url(url)
    assert rejected.value.reason == "malformed_url"
    assert canonical_url(url) == url  # identity code keeps the spelling rather than raising


# 2. Deep JSON


def test_deeply_nested_json_is_a_clear_reject():
    raw = b"[" * 100_000 + b"]" * 100_000
    found = _read("deep.json", raw)
    assert _reasons(found) == ["malformed_json"]
    assert "deep" in found.rejects[0]["detail"]


def test_a_deep_jsonl_line_does_not_lose_the_good_lines_around_it():
    good = json.dumps({"text": REPORT})
    deep = "[" * 100_000 + "]" * 100_000
    found = _read(
        "mix.jsonl", f"{good}\n{deep}\n{json.dumps({'text': REPORT + ' Later.'})}".encode()
    )
    assert [a["origin"] for a in found.articles] == ["mix.jsonl:1", "mix.jsonl:3"]
    assert [(r["origin"], r["reason"]) for r in found.rejects] == [
        ("mix.jsonl:2", "malformed_json")
    ]


def test_a_deep_but_parseable_record_is_read_without_recursion_errors():
    nested: object = "x"
    for _ in range(900):  # under json's limit, over a naive recursive walk's comfort
        nested = [nested]
    found = _read("r.json", json.dumps({"text": REPORT, "title": nested}).encode())
    assert len(found.articles) + len(found.rejects) == 1
    assert "unparseable" not in _reasons(found)


# 3. Control bytes and NUL


def test_a_file_of_control_bytes_only_is_rejected_as_binary():
    found = _read("ctrl.txt", bytes(range(1, 32)) * 100)
    assert _reasons(found) == ["binary_file"] and found.articles == []


def test_nul_bytes_after_the_sniffed_start_are_stripped_from_the_body():
    raw = (REPORT + " ").encode() * 100 + b"\x00 The toll rose.\x00"
    [article] = _read("nul.txt", raw).articles
    assert "\x00" not in article["body"] and article["body"].endswith("The toll rose.")


def test_nul_characters_inside_json_strings_are_stripped():
    record = {"text": REPORT + "\u0000 More.", "title": "A\u0000B"}
    article = article_from_record(record, "o")
    assert "\x00" not in article["body"] and article["title"] == "AB"


# 4. Field names and field shapes


def test_field_names_are_matched_whatever_their_case():
    record = {
        "TEXT": REPORT,
        "TiTlE": "Gao attack",
        "URL": "https://x.example/a",
        "PUBDATE": "2024-01-02",
    }
    article = article_from_record(record, "o")
    assert article["body"] == REPORT and article["title"] == "Gao attack"
    assert article["url"] == "https://x.example/a"
    assert article["published_at"] == datetime(2024, 1, 2)


def test_csv_headers_are_matched_whatever_their_case():
    found = _read("c.csv", f'TEXT,Title\n"{REPORT}",Gao\n'.encode())
    assert [a["title"] for a in found.articles] == ["Gao"]


def test_list_and_dict_values_become_text_never_a_python_repr():
    record = {
        "text": ["First paragraph about Gao.", REPORT],
        "title": ["Checkpoint", "attack"],
        "source": {"name": "Sahel Wire", "id": 7},
        "url": ["https://x.example/a", "https://x.example/b"],
    }
    article = article_from_record(record, "o")
    assert article["title"] == "Checkpoint attack"
    assert article["source_name"] == "Sahel Wire"
    assert article["url"] == "https://x.example/a"
    assert article["body"].startswith("First paragraph about Gao.") and REPORT in article["body"]
    for value in article.values():
        assert not (isinstance(value, str) and value.startswith(("[", "{"))), value


def test_a_source_dict_without_a_name_joins_its_text():
    article = article_from_record({"text": REPORT, "source": {"a": "Sahel", "b": ["Wire"]}}, "o")
    assert article["source_name"] == "Sahel Wire"


# 5. Publication dates


@pytest.mark.parametrize(
    ("value", "want"),
    [
        (1704189600, datetime(2024, 1, 2, 10, 0)),
        (1704189600.5, datetime(2024, 1, 2, 10, 0, 0, 500000)),
        (1704189600000, datetime(2024, 1, 2, 10, 0)),  # milliseconds
        ("1704189600", datetime(2024, 1, 2, 10, 0)),
    ],
)
def test_an_epoch_number_is_read_as_a_publication_time(value, want):
    assert parse_timestamp(value) == want


@pytest.mark.parametrize(
    "value", ["yesterday", True, False, ["soon"], {"x": 1}, "9999-12-31", -1e20]
)
def test_an_unreadable_publication_date_is_null_with_a_warning(value):
    found = _read("r.json", json.dumps({"text": REPORT, "published_at": value}).encode())
    [article] = found.articles
    assert article["published_at"] is None
    [warning] = found.warnings
    assert warning["reason"] == "unreadable_date" and warning["origin"] == "r.json"
    assert "published_at" in warning["detail"] and json.dumps(value)[:20] in warning["payload"]
    assert found.rejects == []  # the article is kept, so it is not a reject


def test_a_readable_date_gives_no_warning():
    found = _read("r.json", json.dumps({"text": REPORT, "date": "2024-01-02"}).encode())
    assert len(found.articles) == 1 and found.warnings == []


# 6. Deeply nested HTML


def test_a_page_of_100k_nested_divs_keeps_its_text():
    html = "<html><body>" + "<div>" * 100_000 + f"<p>{REPORT}</p>" + "</div>" * 100_000
    found = _read("deep.html", (html + "</body></html>").encode())
    assert [a["body"] for a in found.articles] == [REPORT]


# 7. Reject messages


def test_a_broken_csv_quote_points_at_its_own_row():
    raw = f'text,title\n"{REPORT}",one\n"{REPORT} Two.",two\n"broken "quote" here,three\n'.encode()
    found = _read("q.csv", raw)
    assert [a["origin"] for a in found.articles] == ["q.csv:2", "q.csv:3"]
    [reject] = found.rejects
    assert reject["origin"] == "q.csv:4" and "line 4" in reject["detail"]


def test_short_and_long_csv_rows_say_their_real_counts():
    raw = f'text,title,source\n"{REPORT}",t,s\nshort,t\nlong,a,b,c\n'.encode()
    found = _read("r.csv", raw)
    assert [(r["origin"], r["detail"]) for r in found.rejects] == [
        ("r.csv:3", "row has 2 fields, header has 3"),
        ("r.csv:4", "row has 4 fields, header has 3"),
    ]


def test_a_malformed_jsonl_line_keeps_the_raw_line_as_payload():
    bad = '{"text": "cut off' + "x" * (2 * MAX_PAYLOAD_CHARS)
    found = _read("l.jsonl", f"{{oops\n{bad}\n".encode())
    first, second = found.rejects
    assert first["payload"] == "{oops" and "invalid JSON" in first["detail"]
    assert second["payload"] == bad[:MAX_PAYLOAD_CHARS]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_symlink_loops_and_fifos_are_rejected_not_skipped(tmp_path):
    (tmp_path / "good.txt").write_text(REPORT)
    os.symlink(tmp_path / "loop-b.txt", tmp_path / "loop-a.txt")
    os.symlink(tmp_path / "loop-a.txt", tmp_path / "loop-b.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    paths = discover([str(tmp_path)])
    assert [os.path.basename(p) for p in paths] == [
        "good.txt",
        "loop-a.txt",
        "loop-b.txt",
        "pipe.txt",
    ]
    outcomes = {os.path.basename(p): read_file(p) for p in paths}  # a FIFO must not block
    assert len(outcomes["good.txt"].articles) == 1
    for name in ("loop-a.txt", "loop-b.txt", "pipe.txt"):
        [reject] = outcomes[name].rejects
        assert reject["reason"] == "unreadable_file", name
    assert "regular file" in outcomes["pipe.txt"].rejects[0]["detail"]


def test_every_new_reason_is_documented():
    for reason in ("malformed_url", "unreadable_date"):
        assert reason in REASONS
