"""`conflict-events report`: a self-contained HTML file that renders in headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from cli.main import main
from tests.conftest import ROOT, SAMPLES
from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.png import decode, ink
from tests.e2e.report_data import FLAGGED, build_warehouse, generated_events

PLACES = [
    ("Kharkiv", "Ukraine", "UA", 49.98, 36.25, 2024, 3, 14),
    ("Kryvyi Rih", "Ukraine", "UA", 47.91, 33.39, 2024, 5, 6),
    ("Mogadishu", "Somalia", "SO", 2.04, 45.34, 2024, 3, 21),
    ("Kabul", "Afghanistan", "AF", 34.53, 69.17, 2024, 4, 9),
]


def _warehouse(tmp_path) -> str:
    events = [
        {"event_id": f"e{n}", "event_date": date(year, month, 1), "location": place}
        | {"country": country, "country_iso": iso, "latitude": lat, "longitude": lon}
        | {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
        | {"killed": killed, "n_sources": 1, "other": None}
        | {"evidence": f"An attack in {place} killed {killed} people on {month}/1/{year}."}
        for n, (place, country, iso, lat, lon, year, month, killed) in enumerate(PLACES)
    ]
    return build_warehouse(tmp_path, events)


def test_report_is_self_contained_and_shows_map_charts_and_evidence(tmp_path, capsys):
    out = tmp_path / "report" / "r.html"
    assert main(["report", str(out), "--warehouse", _warehouse(tmp_path)]) == 0
    assert "4 events" in capsys.readouterr().out
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html and "<link" not in html and "@import" not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//(?!news\.example)""", html)
    assert html.count('class="event"') == 4  # one circle per located event on the map
    assert 'class="country hit"' in html and "Ukraine: 20 killed in 2 events" in html
    assert "Natural Earth" in html  # the basemap's credit
    assert html.count('class="panel"') == 3  # one small multiple per country
    assert "An attack in Kharkiv killed 14 people" in html  # evidence sentence
    assert html.index("Kharkiv, Ukraine") < html.index("Kabul, Afghanistan")  # deadliest first
    assert "No figure needs checking" in html


def test_report_lists_implausible_figures_apart_with_their_share(tmp_path):
    events = generated_events(count=300)
    out = tmp_path / "r.html"
    warehouse = build_warehouse(tmp_path, events)
    assert main(["report", str(out), "--warehouse", warehouse]) == 0
    html = out.read_text(encoding="utf-8")
    flagged = html[html.index("<h2>Figures to check") : html.index("<h2>Deadliest events")]
    deadliest = html[html.index("<h2>Deadliest events") :]
    for event_id in FLAGGED:
        assert f"Report {event_id}<" in flagged and event_id not in deadliest
    assert "odd-but-corroborated" not in flagged  # four sources: not flagged
    assert "odd-but-corroborated" in deadliest
    assert "Get short URL 9427" in flagged and "300,001" in flagged
    killed = sum(e["killed"] for e in events)
    odd = sum(e["killed"] for e in events if e["event_id"] in FLAGGED)
    assert f"make up {odd:,} of the {killed:,} killed ({odd / killed:.1%})" in html
    located = len(events) - len(FLAGGED)
    assert html.count('class="event"') == located  # flagged events are not on the map


def test_report_without_a_warehouse_is_a_short_error(tmp_path, capsys):
    assert main(["report", str(tmp_path / "r.html"), "--warehouse", "missing.duckdb"]) == 2
    assert "no warehouse" in capsys.readouterr().err


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# CI sets REQUIRE_CHROMIUM=1 (after .ci/install-chromium): there a missing browser is a failure.
REQUIRED = os.environ.get("REQUIRE_CHROMIUM") == "1"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
FLAGS += ["--disable-background-networking", "--disable-component-update", "--disable-sync"]
FLAGS += ["--hide-scrollbars", "--window-size=1200,2600"]


@pytest.fixture(scope="module")
def samples_warehouse(tmp_path_factory) -> str:
    """The warehouse of a real pipeline run over data/samples."""
    root = tmp_path_factory.mktemp("samples-run")
    env = os.environ | {"PREFECT_HOME": str(root / ".prefect"), "PYTHONPATH": str(ROOT)}
    warehouse = root / "samples.duckdb"
    run = subprocess.run(
        [sys.executable, "-m", "cli.main", "run", str(SAMPLES), "--lake", str(root / "lake")]
        + ["--warehouse", str(warehouse)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return str(warehouse)


def _screenshot(html: Path, shot: Path, profile: Path) -> str:
    """Render the page in headless Chromium; the PNG goes to shot, the DOM comes back."""
    if CHROMIUM is None:
        if REQUIRED:
            pytest.fail("REQUIRE_CHROMIUM=1 but no chromium on PATH (run .ci/install-chromium)")
        pytest.skip("chromium not installed (apt-get install chromium)")
    rendered = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={shot}", "--dump-dom"]
        + [html.as_uri()],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert rendered.returncode == 0, rendered.stderr[-2000:]
    return rendered.stdout


@pytest.mark.parametrize("which", ["samples", "generated"])
def test_report_renders_in_headless_chromium(which, request, tmp_path_factory):
    # REPORT_SCREENSHOT_DIR keeps them somewhere stable (a CI artifact); else pytest's tmp
    stable = os.environ.get("REPORT_SCREENSHOT_DIR")
    shots = Path(stable) if stable else tmp_path_factory.getbasetemp() / "report-screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    work = tmp_path_factory.mktemp(f"report-{which}")
    if which == "samples":
        warehouse = request.getfixturevalue("samples_warehouse")
    else:
        warehouse = build_warehouse(work, generated_events())
    out, shot = shots / f"{which}.html", shots / f"{which}.png"
    assert main(["report", str(out), "--warehouse", warehouse]) == 0
    dom = _screenshot(out, shot, work / "profile")
    SCREENSHOTS.append((which, str(shot)))
    coverage, colours = ink(decode(shot.read_bytes()))
    assert coverage > 0.05 and colours > 50, (coverage, colours)  # a blank page has neither
    map_svg = dom[dom.index('<svg class="map"') : dom.index("</svg>", dom.index('class="map"'))]
    assert map_svg.count('class="country') >= 10 and map_svg.count('class="event"') >= 3
    assert 'class="panel"' in dom and "Figures to check" in dom
    if which == "generated":
        flagged = dom[dom.index("Figures to check") : dom.index("Deadliest events and")]
        assert "300,001" in flagged and "9,427" in flagged
