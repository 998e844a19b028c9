"""The issue's SSRF: a feed entry linking to a server on the pipeline's own machine."""

from __future__ import annotations

import pytest

from flows.params import FetchParams, PipelineParams
from storage.lake import Lake
from tests.http_server import LocalServer


@pytest.fixture(scope="module")
def server():
    with LocalServer() as running:
        yield running


def _feed(folder, server) -> None:
    folder.mkdir()
    (folder / "wire.rss").write_text(
        f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile wire</title>
        <item><title>Secret</title><link>{server.url}/internal/secret</link>
        <description>t</description></item>
        <item><title>Metadata</title><link>http://169.254.169.254/latest/meta-data/</link>
        <description>t</description></item>
        </channel></rss>""",
        encoding="utf-8",
    )


def test_a_feed_entry_to_a_private_address_is_a_blocked_address_reject(server, tmp_path):
    from flows.ingest import ingest

    _feed(tmp_path / "in", server)
    params = PipelineParams(sources=[str(tmp_path / "in")], lake=str(tmp_path / "lake"))
    counts = ingest(params, "run1")
    assert counts["new"] == 0
    assert counts["rejected_by_reason"] == {"blocked_address": 2}
    assert server.hits["/internal/secret"] == 0  # never contacted
    rejects = Lake(params.lake).read("rejects").to_pylist()
    assert {r["origin"] for r in rejects} == {
        f"{server.url}/internal/secret",
        "http://169.254.169.254/latest/meta-data/",
    }
    assert Lake(params.lake).read("articles").num_rows == 0

    opted_in = params.model_copy(
        update={
            "lake": str(tmp_path / "lake2"),
            "fetch": FetchParams(allow_private_urls=True, connect_timeout=0.5),
        }
    )
    allowed = ingest(opted_in, "run2")
    assert allowed["new"] == 1 and server.hits["/internal/secret"] == 1
