"""`conflict-events report`: a self-contained HTML file that renders in headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime

import pytest

from cli.main import main
from storage.lake import Lake
from storage.warehouse import publish
from transforms.version import EXTRACTOR_VERSION

PLACES = [
    ("Kharkiv", "Ukraine", 49.98, 36.25, 2024, 3, 14),
    ("Kryvyi Rih", "Ukraine", 47.91, 33.39, 2024, 5, 6),
    ("Mogadishu", "Somalia", 2.04, 45.34, 2024, 3, 21),
    ("Kabul", "Afghanistan", 34.53, 69.17, 2024, 4, 9),
]


def _warehouse(tmp_path) -> str:
    lake = Lake(tmp_path / "lake")
    articles, mentions, events = [], [], []
    for n, (place, country, lat, lon, year, month, killed) in enumerate(PLACES):
        body = f"An attack in {place} killed {killed} people on {month}/1/{year}, officials said."
        articles.append(
            {"article_id": f"a{n}", "body": body, "title": f"Attack in {place}", "origin": "t"}
            | {"url": f"https://news.example/{n}", "source_name": f"outlet {n}"}
        )
        mentions.append(
            {"mention_id": f"m{n}", "article_id": f"a{n}", "ordinal": 0, "role": "reported"}
            | {"evidence": body, "location": place, "country": country, "killed_best": killed}
            | {"extractor_version": EXTRACTOR_VERSION}
        )
        events.append(
            {"event_id": f"e{n}", "event_date": date(year, month, 1), "location": place}
            | {"country": country, "latitude": lat, "longitude": lon, "killed_low": killed}
            | {"killed_best": killed, "injured_best": n, "n_articles": 1, "n_sources": 1}
            | {"sub_event_type": "Attack", "mention_ids": [f"m{n}"]}
        )
    lake.append("articles", articles)
    lake.append("event_mentions", mentions)
    lake.replace("events", events)
    lake.append("runs", [{"run_id": "r", "started_at": datetime(2024, 6, 1)}])
    warehouse = str(tmp_path / "w.duckdb")
    publish(lake, warehouse)
    return warehouse


def test_report_is_self_contained_and_shows_chart_map_and_evidence(tmp_path, capsys):
    out = tmp_path / "report" / "r.html"
    assert main(["report", str(out), "--warehouse", _warehouse(tmp_path)]) == 0
    assert "4 events" in capsys.readouterr().out
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html and "<link" not in html and "@import" not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//(?!news\.example)""", html)
    assert html.count('class="event"') == 4  # one circle per located event on the map
    assert html.count("<polyline") == 3  # one line per country in the chart
    assert "Ukraine (20)" in html  # the legend totals killed per country
    assert "An attack in Kharkiv killed 14 people" in html  # evidence sentence
    assert html.index("Kharkiv, Ukraine") < html.index("Kabul, Afghanistan")  # deadliest first


def test_report_without_a_warehouse_is_a_short_error(tmp_path, capsys):
    assert main(["report", str(tmp_path / "r.html"), "--warehouse", "missing.duckdb"]) == 2
    assert "no warehouse" in capsys.readouterr().err


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install chromium)")
def test_report_renders_in_headless_chromium(tmp_path):
    out, shot = tmp_path / "r.html", tmp_path / "r.png"
    assert main(["report", str(out), "--warehouse", _warehouse(tmp_path)]) == 0
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
    flags += ["--disable-background-networking", "--disable-component-update", "--disable-sync"]
    rendered = subprocess.run(
        [CHROMIUM, *flags, f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,1600"]
        + [f"--screenshot={shot}", "--dump-dom", out.as_uri()],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert rendered.returncode == 0, rendered.stderr[-2000:]
    assert shot.stat().st_size > 20_000  # a blank page is a few KB
    dom = rendered.stdout
    assert dom.count('class="event"') == 4 and "Deadliest events" in dom
