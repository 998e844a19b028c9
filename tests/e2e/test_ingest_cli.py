"""`conflict-events run <folder> <feed-url> --urls <file>` as a user runs it, against a local
HTTP server: all three kinds of source in one run, and a summary with rejects by reason."""

from __future__ import annotations

import json

from tests.e2e.test_cli import _cli
from tests.http_server import LocalServer

REPORT = (
    "A car bomb exploded outside a police station in the Somali town of Beledweyne on "
    "Wednesday, killing nine people and wounding twenty, a local official said."
)


def test_folder_feed_and_url_list_in_one_run(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "beledweyne.txt").write_text(REPORT, encoding="utf-8")
    (folder / "empty.md").write_text("\n", encoding="utf-8")
    with LocalServer() as server:
        urls = tmp_path / "urls.txt"
        urls.write_text(f"{server.url}/articles/airstrike.html\n{server.url}/missing\n")
        feed = f"{server.url}/feed.rss"
        run = _cli(
            "run", str(folder), feed, "--urls", str(urls), "--allow-private-urls", cwd=tmp_path
        )
        assert run.returncode == 0, run.stderr[-3000:]
        assert server.hits["/feed.rss"] == 1 and server.hits["/articles/summary-only.html"] == 1
    summary = run.stdout
    # 2 files, 2 feed entries (one page fetched), 2 listed URLs
    assert "6 items in (2 files, 3 URLs): 4 new, 0 duplicates, 0 unchanged, 2 rejected" in summary
    assert "rejected empty_text: 1" in summary and "rejected http_error: 1" in summary
    query = _cli(
        "query",
        "--format",
        "json",
        "select reason, count(*) as n from rejects group by 1 order by 1",
        cwd=tmp_path,
    )
    assert json.loads(query.stdout) == [
        {"reason": "empty_text", "n": 1},
        {"reason": "http_error", "n": 1},
    ]
    origins = _cli(
        "query", "--format", "csv", "select origin from articles order by 1", cwd=tmp_path
    )
    lines = origins.stdout.splitlines()[1:]
    assert len(lines) == 4 and lines[0].endswith("beledweyne.txt")
    assert sum(line.startswith(server.url) for line in lines) == 3


def test_a_missing_url_list_is_a_usage_error(tmp_path):
    result = _cli("run", str(tmp_path), "--urls", "no-such-list.txt", cwd=tmp_path)
    assert result.returncode == 2 and "cannot read URL list no-such-list.txt" in result.stderr
    assert "Traceback" not in result.stderr
