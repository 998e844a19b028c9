"""Resolution: quality on a human-coded corpus, and speed on 100k synthetic mentions.

Quality (tests/fixtures/resolution_corpus.jsonl, built by bench/resolution_reports.py):
- 1,033 ACLED drone-strike notes, one per distinct event, coded from their labels (day date,
  coordinates, admin1, country; type Air/drone strike; no perpetrator). Resolution should keep
  them apart: the *false-merge rate* is the share of these events whose resolved event also
  holds a mention of another event.
- 78 re-wordings of 26 of those notes, written the way other outlets report the same strike
  (another day name, a nearby town, only the region or country, a month, another perpetrator
  name, another type), hand-coded from what each text states. *Pair recall* is the share of
  pairs of reports of one event (the note and its three re-wordings: 6 pairs each) that end
  up in one resolved event.

`python -m bench resolve` prints both, then times a full and an incremental resolution.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import time
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

from transforms.resolve import block_of, resolve

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "resolution_corpus.jsonl"


def load_corpus(path: Path = CORPUS) -> tuple[list[dict], dict[str, dict], dict[str, str]]:
    """(mention rows, articles by id, true event by mention_id) from the corpus file."""
    mentions, articles, truth = [], {}, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["kind"] == "note":
            day = date.fromisoformat(row["event_date"])
            article_id = f"note-{row['event']}"
            published = datetime.combine(day + timedelta(days=1), datetime.min.time())
            articles[article_id] = {"published_at": published, "source_name": "ACLED"}
            row = row | {
                "article_id": article_id,
                "geo_precision": 1,
                "date_precision": "day",
                "sub_event_type": "Air/drone strike",
            }
        else:
            article_id = row["article_id"]
            published = datetime.fromisoformat(row["published_at"])
            articles[article_id] = {"published_at": published, "source_name": row["source_name"]}
        mention = {
            "mention_id": f"m-{article_id}",
            "role": "reported",
            "event_type": "Explosions/Remote violence" if row.get("sub_event_type") else None,
            **{k: v for k, v in row.items() if k not in ("kind", "event", "text")},
        }
        mentions.append(mention)
        truth[mention["mention_id"]] = row["event"]
    return mentions, articles, truth


def measure(events: list[dict], truth: dict[str, str]) -> dict:
    """False-merge rate over the true events, and recall over same-event pairs of mentions."""
    predicted = {m: e["event_id"] for e in events for m in e["mention_ids"]}
    members: dict[str, set[str]] = defaultdict(set)
    for event in events:
        members[event["event_id"]] = {truth[m] for m in event["mention_ids"]}
    by_truth = _by_event(truth)
    merged_wrongly = {
        t
        for t, mention_ids in by_truth.items()
        if any(len(members[predicted[m]]) > 1 for m in mention_ids if m in predicted)
    }
    pairs = [p for ms in by_truth.values() for p in itertools.combinations(sorted(ms), 2)]
    found = sum(1 for a, b in pairs if a in predicted and predicted.get(a) == predicted.get(b))
    return {
        "events": len(by_truth),
        "falsely_merged": len(merged_wrongly),
        "false_merge_rate": len(merged_wrongly) / len(by_truth),
        "pairs": len(pairs),
        "pairs_found": found,
        "pair_recall": found / len(pairs) if pairs else 1.0,
        "merged_events": sorted(merged_wrongly),
        "missed_pairs": [(a, b) for a, b in pairs if predicted.get(a) != predicted.get(b)],
    }


def _by_event(truth: dict[str, str]) -> dict[str, list[str]]:
    by_truth: dict[str, list[str]] = defaultdict(list)
    for mention_id, true_event in truth.items():
        by_truth[true_event].append(mention_id)
    return by_truth


def synthetic(n: int, seed: int = 0) -> tuple[list[dict], dict[str, dict]]:
    """`n` mentions of about n/4 events over 20 countries and 3 years, in ~300 towns each."""
    rng = random.Random(seed)
    mentions, articles = [], {}
    towns = {
        (c, t): (rng.uniform(-40, 60), rng.uniform(-100, 120))
        for c in range(20)
        for t in range(300)
    }
    start = date(2022, 1, 1)
    for i in range(n // 4):
        country, town = rng.randrange(20), rng.randrange(300)
        day = start + timedelta(days=rng.randrange(3 * 365))
        lat, lon = towns[(country, town)]
        sub = rng.choice(["Air/drone strike", "Suicide bomb", "Armed clash", "Attack"])
        for j in range(rng.randint(1, 7)):
            article_id = f"a{i}-{j}"
            articles[article_id] = {
                "published_at": datetime.combine(day, datetime.min.time()) + timedelta(hours=j * 5),
                "source_name": f"outlet{rng.randrange(50)}",
            }
            coarse = rng.random() < 0.15
            mentions.append(
                {
                    "mention_id": f"m{i}-{j}",
                    "article_id": article_id,
                    "role": "reported" if j else "other",
                    "event_date": day.replace(day=1) if coarse else day,
                    "date_precision": "month" if coarse else "day",
                    "country_iso": f"C{country}",
                    "admin1": f"R{town % 10}",
                    "geonameid": country * 1000 + town,
                    "latitude": lat,
                    "longitude": lon,
                    "geo_precision": 1,
                    "sub_event_type": sub,
                    "killed_best": rng.randint(0, 20),
                }
            )
            if len(mentions) >= n:
                return mentions, articles
    return mentions, articles


# ../shared next to the repository, as in CI; DRONE_NOTES=path overrides it.
GOLD = Path(
    os.environ.get(
        "DRONE_NOTES", CORPUS.parents[2].parent / "shared" / "gold" / "drone_strike_notes.jsonl"
    )
)


def end_to_end(gold_path: Path = GOLD) -> dict:
    """The same measurement on text: the notes and re-worded reports through the extractor."""
    from bench.resolution_reports import REPORTS
    from transforms.extract.article import extract_article
    from transforms.text import article_id

    mentions, articles, truth = [], {}, {}

    def read(text: str, published: str, source: str, event: str) -> None:
        key = article_id(f"{source}\n{text}")
        rows, _ = extract_article({"article_id": key, "body": text, "published_at": published})
        articles[key] = {"published_at": datetime.fromisoformat(published), "source_name": source}
        for row in rows:
            if row["role"] in ("reported", "other"):
                mentions.append(row)
                truth[row["mention_id"]] = event

    for line in gold_path.read_text(encoding="utf-8").splitlines():
        note = json.loads(line)
        published = date.fromisoformat(note["event_date"]) + timedelta(days=1)
        read(note["text"], published.isoformat(), "ACLED", note["id"])
    for event, source, published, text, *_ in REPORTS:
        read(text, published, source, event)
    return measure(resolve(mentions, articles).events, truth)


def main(argv: list[str]) -> None:
    mentions, articles, truth = load_corpus()
    started = time.perf_counter()
    result = measure(resolve(mentions, articles).events, truth)
    elapsed = time.perf_counter() - started
    print(
        f"corpus: {result['events']} human-coded events, {len(mentions)} mentions "
        f"({elapsed:.2f}s)\n"
        f"  false-merge rate {result['false_merge_rate']:.2%} "
        f"({result['falsely_merged']} of {result['events']} events merged with another)\n"
        f"  pair recall      {result['pair_recall']:.2%} "
        f"({result['pairs_found']} of {result['pairs']} same-event pairs)"
    )
    fine = {
        m["mention_id"]
        for m in mentions
        if m.get("geo_precision") == 1 and m.get("date_precision", "day") == "day"
    }
    pairs = [p for ms in _by_event(truth).values() for p in itertools.combinations(sorted(ms), 2)]
    town_pairs = {p for p in pairs if p[0] in fine and p[1] in fine}
    missed = set(result["missed_pairs"])
    for label, subset in (
        ("two reports dated to a day at a town", town_pairs),
        ("a vaguer report (region, near, week, month)", set(pairs) - town_pairs),
    ):
        found = len(subset - missed)
        print(f"    pairs of {label}: {found} of {len(subset)} ({found / len(subset):.1%})")
    print("  merged:", ", ".join(result["merged_events"]))
    if GOLD.exists():
        e2e = end_to_end()
        print(
            f"end to end (texts through the current extractor; only events it found a mention "
            f"for count): false-merge rate {e2e['false_merge_rate']:.2%} of {e2e['events']} "
            f"events, pair recall {e2e['pair_recall']:.2%} of {e2e['pairs']} pairs"
        )
    else:
        print(f"end to end: skipped, no {GOLD}")
    n = int(argv[0]) if argv else 100_000
    rows, synthetic_articles = synthetic(n)
    started, cpu = time.perf_counter(), time.process_time()
    full = resolve(rows, synthetic_articles)
    print(
        f"scale: {len(rows)} mentions -> {len(full.events)} events in "
        f"{time.perf_counter() - started:.2f}s ({time.process_time() - cpu:.2f}s CPU)"
    )
    # A day's news: 1000 new reports of events from the last 30 days, joining existing events.
    latest = max(r["event_date"] for r in rows)
    recent = [r for r in rows if (latest - r["event_date"]).days < 30]
    rng = random.Random(1)
    new = [r | {"mention_id": f"new{i}"} for i, r in enumerate(rng.choices(recent, k=1000))]
    all_blocks = {block_of(r["country_iso"], r["event_date"]) for r in rows}
    blocks = {block_of(r["country_iso"], r["event_date"]) for r in new}
    redo = [r for r in rows + new if block_of(r["country_iso"], r["event_date"]) in blocks]
    started = time.perf_counter()
    resolve(redo, synthetic_articles)
    print(
        f"  incremental: 1000 new reports of the last 30 days touch {len(blocks)} of "
        f"{len(all_blocks)} (country, month) blocks; redoing them ({len(redo)} mentions) took "
        f"{time.perf_counter() - started:.2f}s"
    )


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
