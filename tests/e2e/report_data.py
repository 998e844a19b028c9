"""A generated warehouse for the report's tests: a few thousand events in several countries,
seeded, with a handful of implausible figures among them (and a lookalike that is not)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from storage.lake import Lake
from storage.warehouse import publish
from transforms.version import EXTRACTOR_VERSION

# country, ISO code, centre (lat, lon), spread in degrees, share of the events
COUNTRIES = [
    ("Ukraine", "UA", 48.5, 35.5, 2.5, 0.30),
    ("Syria", "SY", 35.5, 38.0, 1.5, 0.15),
    ("Iraq", "IQ", 33.8, 43.5, 1.5, 0.08),
    ("Yemen", "YE", 15.5, 45.0, 1.5, 0.08),
    ("Somalia", "SO", 3.5, 45.5, 2.0, 0.10),
    ("Sudan", "SD", 14.0, 28.5, 3.0, 0.10),
    ("Nigeria", "NG", 11.0, 10.0, 2.5, 0.08),
    ("Mali", "ML", 15.0, -2.5, 2.5, 0.05),
    ("Afghanistan", "AF", 34.0, 67.0, 2.0, 0.03),
    ("Burkina Faso", "BF", 12.5, -1.5, 1.5, 0.02),
    ("Libya", "LY", 31.0, 15.0, 1.0, 0.01),
]
TYPES = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
]
# (event_id, country, killed, n_sources, other figure in the article, evidence)
ODD = [
    ("odd-war-total", "SY", 300_001, 1, 12, "The war has killed 300,001 people, a monitor said."),
    ("odd-page-furniture", "UA", 9_427, 1, None, "Get short URL 9427"),
    ("odd-lone-outlier", "NG", 800, 1, 8, "A blast killed 800 people, one local radio said."),
    ("odd-but-corroborated", "SO", 900, 4, 5, "At least 900 were killed, agencies reported."),
]
FLAGGED = {"odd-war-total", "odd-page-furniture", "odd-lone-outlier"}


def _ordinary(n: int, rng: random.Random) -> dict:
    weights = [c[5] for c in COUNTRIES]
    country, iso, lat, lon, spread, _ = rng.choices(COUNTRIES, weights)[0]
    event_type, sub_event_type = rng.choice(TYPES)
    killed = min(int(rng.paretovariate(1.3)) - 1, 150)  # mostly a few, now and then dozens
    return {
        "event_id": f"gen-{n:05d}",
        "event_date": date(2023, 1, 1) + timedelta(days=rng.randrange(540)),
        "location": f"Place {n % 97}",
        "country": country,
        "country_iso": iso,
        "latitude": round(lat + rng.gauss(0, spread), 3),
        "longitude": round(lon + rng.gauss(0, spread), 3),
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "killed": killed,
        "n_sources": rng.choice([1, 1, 2, 3]),
        "other": None,
        "evidence": f"An attack near Place {n % 97} killed {killed} people, officials said.",
    }


def _odd(event_id, iso, killed, n_sources, other, evidence, rng: random.Random) -> dict:
    name, _, lat, lon, _, _ = next(c for c in COUNTRIES if c[1] == iso)
    return {
        "event_id": event_id,
        "event_date": date(2023, 6, 1) + timedelta(days=rng.randrange(120)),
        "location": f"Odd town {event_id[-4:]}",
        "country": name,
        "country_iso": iso,
        "latitude": lat,
        "longitude": lon,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "killed": killed,
        "n_sources": n_sources,
        "other": other,
        "evidence": evidence,
    }


def generated_events(count: int = 3000, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    events = [_ordinary(n, rng) for n in range(count - len(ODD))]
    return events + [_odd(*row, rng) for row in ODD]


def _figure(event: dict, article_id: str, mention_id: str, killed: int, n: int) -> dict:
    return {
        "figure_id": f"{mention_id}-f{n}",
        "mention_id": mention_id,
        "article_id": article_id,
        "category": "killed",
        "best": killed,
        "low": killed,
        "high": killed,
        "text": str(killed),
        "sentence_index": n,
    }


def build_warehouse(root, events: list[dict]) -> str:
    """Write the events (one article and mention each) to a lake under root and publish it."""
    lake = Lake(root / "lake")
    articles, mentions, figures, rows = [], [], [], []
    for e in events:
        article_id, mention_id = f"a-{e['event_id']}", f"m-{e['event_id']}"
        body = e["evidence"] + (f" Separately, {e['other']} were killed." if e["other"] else "")
        articles.append(
            {"article_id": article_id, "body": body, "title": f"Report {e['event_id']}"}
            | {"url": f"https://news.example/{e['event_id']}", "source_name": "outlet"}
        )
        mentions.append(
            {"mention_id": mention_id, "article_id": article_id, "ordinal": 0, "role": "reported"}
            | {"evidence": e["evidence"], "location": e["location"], "country": e["country"]}
            | {"killed_best": e["killed"], "extractor_version": EXTRACTOR_VERSION}
        )
        figures.append(_figure(e, article_id, mention_id, e["killed"], 0))
        if e["other"]:
            figures.append(_figure(e, article_id, mention_id, e["other"], 1))
        rows.append(
            {k: e[k] for k in ("event_id", "event_date", "location", "country", "country_iso")}
            | {k: e[k] for k in ("latitude", "longitude", "event_type", "sub_event_type")}
            | {"killed_low": e["killed"], "killed_best": e["killed"], "killed_high": e["killed"]}
            | {"injured_best": 0, "n_articles": e["n_sources"], "n_sources": e["n_sources"]}
            | {"mention_ids": [mention_id]}
        )
    lake.append("articles", articles)
    lake.append("event_mentions", mentions)
    lake.append("casualty_figures", figures)
    lake.replace("events", rows)
    lake.append("runs", [{"run_id": "generated", "started_at": datetime(2024, 7, 1)}])
    warehouse = str(root / "warehouse.duckdb")
    publish(lake, warehouse)
    return warehouse
