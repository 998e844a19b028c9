"""The hostile corpus (tests/hostile.py) through the ingest flow: every input ends as exactly one
of new, duplicate or rejected with the right reason; nothing crashes, is lost or is stored twice."""

from __future__ import annotations

from collections import Counter

import duckdb
import pytest

from flows.params import FetchParams, PipelineParams
from flows.pipeline import pipeline
from outputs.report import gather, render
from sources import files
from storage.lake import Lake, column_rows
from tests import hostile
from tests.http_server import LocalServer


@pytest.fixture(scope="module")
def server():
    with LocalServer() as running:
        yield running


def _fetch_params() -> FetchParams:
    return FetchParams(
        timeout=2.0,
        max_seconds=10,
        max_bytes=hostile.MAX_FILE_BYTES,
        concurrency=8,
        allow_private_urls=True,  # the test server is on 127.0.0.1
    )


def _lake_rows(lake: Lake) -> dict[str, list[tuple]]:
    return {
        "articles": list(column_rows(lake.read("articles", ["article_id", "origin", "body"]))),
        "origins": list(column_rows(lake.read("article_origins", ["article_id", "origin"]))),
        "rejects": list(
            column_rows(lake.read("rejects", ["reject_id", "stage", "reason", "origin"]))
        ),
    }


def _judge(expects: list[hostile.Expect], rows: dict[str, list[tuple]]) -> Counter:
    """How each expected input ended, from what the lake holds."""
    stored = {origin for _, origin, _ in rows["articles"]} | {o for _, o in rows["origins"]}
    rejected: dict[str, set[str]] = {}
    warned: set[str] = set()
    for _, stage, reason, origin in rows["rejects"]:
        if stage == "ingest":
            rejected.setdefault(origin, set()).add(reason)
        else:
            warned.add(origin)
    verdicts: Counter = Counter()
    for expect in expects:
        seen_stored, reasons = expect.origin in stored, rejected.get(expect.origin, set())
        if seen_stored and reasons:
            verdicts["duplicated"] += 1  # both kept and rejected: two outcomes for one input
        elif expect.outcome == "rejected":
            right = reasons and reasons <= set(expect.reasons)
            verdicts["rejected with the right reason" if right else "lost"] += 1
        elif expect.outcome == "new":
            verdicts["new" if seen_stored else "lost"] += 1
            if expect.warning and expect.origin not in warned:
                verdicts["warning missing"] += 1
        else:  # a duplicate: recorded as another origin of the stored article, or not at all
            verdicts["duplicates"] += 1
    return verdicts


def test_the_hostile_corpus_ends_in_exactly_one_outcome_per_input(server, tmp_path, monkeypatch):
    from flows.ingest import ingest

    monkeypatch.setattr(files, "MAX_FILE_BYTES", hostile.MAX_FILE_BYTES)
    url_list, expects = hostile.write_corpus(tmp_path / "in", server.url)
    params = PipelineParams(
        sources=[str(tmp_path / "in")],
        urls=[str(url_list)],
        lake=str(tmp_path / "lake"),
        warehouse=str(tmp_path / "w.duckdb"),
        fetch=_fetch_params(),
    )
    try:  # the whole pipeline: a hostile input once stopped every later run from publishing
        tally = pipeline(params)["ingest"]
        crashed = 0
    except Exception:  # noqa: BLE001 - counted and reported, then failed below
        tally, crashed = {}, 1
    rows = _lake_rows(Lake(params.lake))
    verdicts = _judge(expects, rows)
    article_ids = Counter(article_id for article_id, _, _ in rows["articles"])
    reject_ids = Counter(reject_id for reject_id, *_ in rows["rejects"])
    verdicts["duplicated"] += sum(n - 1 for n in (*article_ids.values(), *reject_ids.values()))
    print(
        f"\nhostile corpus: inputs tried {len(expects)}, new {verdicts['new']}, "
        f"duplicates {verdicts['duplicates']}, rejected with the right reason "
        f"{verdicts['rejected with the right reason']}, crashed {crashed}, "
        f"lost {verdicts['lost']}, duplicated {verdicts['duplicated']}"
    )
    assert crashed == 0
    assert verdicts["lost"] == 0 and verdicts["duplicated"] == 0, _misses(expects, rows)
    assert verdicts["warning missing"] == 0
    expected = Counter(e.outcome for e in expects)
    assert tally["new"] == expected["new"] == verdicts["new"]
    assert tally["duplicates"] == expected["duplicate"]
    assert (
        tally["rejected"]
        == expected["rejected"]
        == len([r for r in rows["rejects"] if r[1] == "ingest"])
    )
    assert tally["items"] == len(expects) and tally["unchanged"] == 0
    assert tally["warnings"] == sum(e.warning for e in expects)
    assert not any("root:" in body for _, _, body in rows["articles"])  # XXE read no local file

    con = duckdb.connect(params.warehouse, read_only=True)
    try:
        [(articles, far_dates)] = con.execute(
            "select (select count(*) from articles), (select count(*) from event_mentions"
            " where year(event_date) not between 1900 and 2100)"
        ).fetchall()
    finally:
        con.close()
    assert articles == len(rows["articles"]) and far_dates == 0
    html = render(gather(params.warehouse))  # the report reads what was published
    assert "conflict-events report" in html

    again = ingest(params, "hostile-2")  # a rerun: nothing new, and nothing crashes
    assert again["new"] == 0
    assert _lake_rows(Lake(params.lake))["articles"] == rows["articles"]


def _misses(expects: list[hostile.Expect], rows: dict[str, list[tuple]]) -> str:
    """The inputs whose outcome is not the expected one, for the failure message."""
    stored = {origin for _, origin, _ in rows["articles"]} | {o for _, o in rows["origins"]}
    rejects = {(origin, reason) for _, stage, reason, origin in rows["rejects"]}
    lines = []
    for expect in expects:
        found = [r for o, r in rejects if o == expect.origin]
        if expect.outcome == "new" and expect.origin not in stored:
            lines.append(f"not stored: {expect.origin!r} (rejected as {found})")
        if expect.outcome == "rejected" and not set(found) & set(expect.reasons):
            lines.append(f"not rejected as {expect.reasons}: {expect.origin!r} ({found})")
    return "\n".join(lines)
