"""The ingest flow end to end under the session's Prefect harness: a folder, a feed URL and a
URL list served by a real HTTP server on 127.0.0.1, run twice."""

from __future__ import annotations

import json

import duckdb
import pytest

from flows.params import FetchParams, PipelineParams
from flows.pipeline import pipeline
from tests.http_server import LocalServer

COUNTED = ("articles", "event_mentions", "casualty_figures", "events", "rejects")


@pytest.fixture(scope="module")
def server():
    with LocalServer() as running:
        running.slow_seconds = 2.0
        yield running


def _query(params: PipelineParams, sql: str) -> list[tuple]:
    con = duckdb.connect(params.warehouse, read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_folder_feed_and_urls_in_one_run_and_a_rerun_adds_nothing(server, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.json").write_text(
        json.dumps(
            {
                "text": "Police said a roadside bomb killed two soldiers near Kirkuk on Sunday.",
                "url": "https://local.example/kirkuk",
            }
        )
    )
    (folder / "broken.jsonl").write_text('{"text": "fine"}\n{oops\n')
    base = server.url
    urls = tmp_path / "urls.txt"
    urls.write_text(
        "\n".join(
            [
                "# article pages, one bad URL of each kind, and repeats",
                f"{base}/articles/airstrike.html",
                f"{base}/articles/airstrike.html?utm_source=newsletter",  # the same page
                f"{base}/syndicated/airstrike.html",  # the same story at another outlet
                f"{base}/articles/french.html",
                f"{base}/missing",
                f"{base}/broken",
                f"{base}/slow",
                f"{base}/huge",
                f"{base}/binary",
                f"{base}/loop-a",
                "ftp://files.example/report.txt",
                "/etc/hostname",
            ]
        )
    )
    params = PipelineParams(
        sources=[str(folder), f"{base}/feed.rss"],
        urls=[str(urls)],
        lake=str(tmp_path / "lake"),
        warehouse=str(tmp_path / "warehouse.duckdb"),
        fetch=FetchParams(
            timeout=0.5,
            max_seconds=5,
            max_bytes=256 * 1024,
            concurrency=8,
            allow_private_urls=True,  # the test server is on 127.0.0.1
        ),
    )

    first = pipeline(params)["ingest"]
    reasons = dict(_query(params, "select reason, count(*) from rejects group by 1"))
    assert reasons == {
        "malformed_json": 1,
        "unsupported_language": 1,
        "http_error": 2,  # 404 at once, 500 after its retries
        "timeout": 1,
        "oversize": 1,
        "binary_file": 1,
        "redirect_loop": 1,
        "unsupported_scheme": 2,  # ftp: and a file path
    }
    assert first["rejected_by_reason"] == reasons
    assert server.hits["/broken"] == 3  # the 500 was retried twice by the Prefect task
    titles = {t for (t,) in _query(params, f"select title from articles where url like '{base}%'")}
    assert titles == {
        "Airstrike kills four in Idlib village",
        "Ambush on convoy kills six soldiers in Burkina Faso",  # full text in the feed
        "Mortar fire hits market in Mogadishu",  # only a summary in the feed: page fetched
    }
    assert first["new"] == 5 and first["duplicates"] == 2  # the utm repeat, the syndicated copy
    [(origins,)] = _query(params, "select origins from articles where title like 'Airstrike%'")
    assert origins == [f"{base}/articles/airstrike.html", f"{base}/syndicated/airstrike.html"]
    [(published,)] = _query(
        params, "select cast(published_at as varchar) from articles where title like 'Mortar%'"
    )
    assert published == "2024-02-29 09:30:00"  # the entry's date, not the page's
    [(payload,)] = _query(params, "select payload from rejects where reason='unsupported_language'")
    assert "Une frappe aérienne a touché un village" in payload

    before = {t: _query(params, f"select count(*) from {t}")[0][0] for t in COUNTED}
    hits_before = server.hits.copy()
    second = pipeline(params)
    after = {t: _query(params, f"select count(*) from {t}")[0][0] for t in COUNTED}
    assert after == before
    assert second["ingest"]["new"] == 0 and second["extract"]["articles"] == 0
    assert server.not_modified == 2  # 304s: the feed to our ETag, a page to our date
    for page in (
        "/articles/airstrike.html",
        "/syndicated/airstrike.html",
        "/articles/summary-only.html",
    ):
        assert server.hits[page] == hits_before[page], page  # stored articles are not fetched
    # Unchanged: two files, the feed, the French page; every error URL was tried again.
    assert second["ingest"]["unchanged"] == 4
    assert second["ingest"]["rejected_by_reason"] == {
        k: v for k, v in reasons.items() if k not in ("malformed_json", "unsupported_language")
    }


def test_a_feed_file_is_read_again_until_all_its_pages_were_fetched(server, tmp_path):
    from flows.ingest import ingest

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.rss").write_text(
        f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Local wire</title>
        <item><title>Flaky</title><link>{server.url}/flaky</link><description>t</description></item>
        <item><title>A feed</title><link>{server.url}/feed.rss</link><description>t</description></item>
        </channel></rss>""",
        encoding="utf-8",
    )
    params = PipelineParams(
        sources=[str(folder)],
        lake=str(tmp_path / "lake"),
        warehouse=str(tmp_path / "w.duckdb"),
        fetch=FetchParams(allow_private_urls=True),  # the test server is on 127.0.0.1
    )
    first = ingest(params, "run1")
    # The linked feed's full-text entry is taken; its summary-only entry is not followed.
    assert first["new"] == 1
    assert first["rejected_by_reason"] == {"http_error": 1, "nested_feed": 1}  # 503 x3; a feed
    second = ingest(params, "run2")
    assert second["new"] == 1  # the file was read again, and the flaky page is up now
    assert second["unchanged"] == 1  # only the linked feed (304), not the file
    third = ingest(params, "run3")
    assert third["unchanged"] == 1 and third["new"] == 0 and third["items"] == 1  # file done


def test_a_rerun_over_files_read_before_never_loads_the_ledger(tmp_path, monkeypatch):
    from flows import ingest as ingest_flow

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(f"A shell killed {n + 2} people in Kharkiv on Monday.")
    params = PipelineParams(sources=[str(folder)], lake=str(tmp_path / "lake"))
    loads = []

    class CountedLedger(ingest_flow.Ledger):
        def __init__(self, *args, **kwargs) -> None:
            loads.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(ingest_flow, "Ledger", CountedLedger)
    assert ingest_flow.ingest(params, "run-1")["new"] == 3
    assert len(loads) == 1
    assert ingest_flow.ingest(params, "run-2")["unchanged"] == 3
    assert len(loads) == 1  # nothing to admit: the ledger was not read
    (folder / "3.txt").write_text("A shell killed 2 people in Kharkiv on Monday.")  # a copy
    again = ingest_flow.ingest(params, "run-3")
    assert (again["new"], again["duplicates"], len(loads)) == (0, 1, 2)
