"""kill -9 at every stage, then one full run: each table equals a clean run's, row for row.

A few hundred generated articles (and some bad files, for rejects) are run through the CLI in
a subprocess, which is killed at a pause point inside each stage in turn: ingest (articles
written, their sources not), extract (a batch's mentions written, its markers not), resolve
(new snapshots written, not swapped in) and publish (warehouse built, not swapped in). Then
one full run. The sha256 of each table's sorted rows, without the columns that record when
and by which run a row was written, must equal that of one clean run over the same files.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import duckdb

from flows.params import PipelineParams
from flows.pipeline import pipeline
from storage.contract import CONTRACT_TABLES
from storage.lake import Lake
from tests.flow.test_operations import _kill_at

ARTICLES = 240
STAGES = ("ingest", "extract", "resolve", "publish")
TABLES = tuple(t for t in CONTRACT_TABLES if t != "runs")  # runs differ: four were killed
RUN_TIME_COLUMNS = {"ingested_at", "run_id", "rejected_at"}
PLACES = [
    ("Kharkiv", "Ukraine"),
    ("Kherson", "Ukraine"),
    ("Mogadishu", "Somalia"),
    ("Kaduna", "Nigeria"),
    ("Maiduguri", "Nigeria"),
    ("Kabul", "Afghanistan"),
    ("Idlib", "Syria"),
    ("Gao", "Mali"),
]
MONTHS = ["March", "April", "May", "June"]
TEMPLATES = [
    "{n} civilians were killed and {m} wounded when artillery shells hit a market in {place}, "
    "{country}, on {day} {month} 2024, regional officials said.",
    "A roadside bomb killed {n} soldiers near {place}, {country}, on {day} {month} 2024, "
    "the army said in a statement.",
    "Gunmen killed {n} villagers and abducted {m} others in an attack near {place}, {country}, "
    "on {day} {month} 2024, police said.",
    "An air strike on a house in {place}, {country}, killed at least {n} people, including "
    "{k} children, on {day} {month} 2024, medics said.",
]


def _corpus(folder: Path) -> int:
    """Write the articles and the bad files; returns how many inputs there are."""
    folder.mkdir(parents=True)
    rng = random.Random(17)
    for number in range(ARTICLES):
        place, country = rng.choice(PLACES)
        text = rng.choice(TEMPLATES).format(
            n=rng.randint(2, 40),
            m=rng.randint(1, 30),
            k=rng.randint(1, 5),
            place=place,
            country=country,
            day=rng.randint(1, 28),
            month=rng.choice(MONTHS),
        )
        (folder / f"article-{number:04d}.txt").write_text(f"Report {number}. {text}\n")
    for number in range(6):
        (folder / f"empty-{number}.txt").write_text("")
        (folder / f"broken-{number}.json").write_text('{"title": "cut off')
    return ARTICLES + 12


def _digests(warehouse: str) -> dict[str, tuple[int, int, str]]:
    """(rows, distinct rows, sha256 of the sorted rows) of each table."""
    con = duckdb.connect(warehouse, read_only=True)
    try:
        out = {}
        for table in TABLES:
            columns = [c for c in con.sql(f"select * from {table} limit 0").columns]
            kept = ", ".join(f'"{c}"' for c in columns if c not in RUN_TIME_COLUMNS)
            rows = con.execute(f"select {kept} from {table} order by all").fetchall()
            text = [repr(row) for row in rows]
            digest = hashlib.sha256("\n".join(text).encode()).hexdigest()
            out[table] = (len(rows), len(set(text)), digest)
        return out
    finally:
        con.close()


def _statuses(warehouse: str) -> list[str]:
    con = duckdb.connect(warehouse, read_only=True)
    try:
        return sorted(r[0] for r in con.execute("select status from runs").fetchall())
    finally:
        con.close()


def _reasons(warehouse: str) -> dict[str, int]:
    con = duckdb.connect(warehouse, read_only=True)
    try:
        return dict(con.execute("select reason, count(*) from rejects group by 1").fetchall())
    finally:
        con.close()


def _leftovers(lake: str) -> list[Path]:
    root = Path(lake)
    return [*root.rglob(".*.tmp"), *root.glob("_scratch/*")]


def test_kills_at_every_stage_then_one_run_equal_a_clean_run(tmp_path):
    inputs = _corpus(tmp_path / "in")
    sources = [str(tmp_path / "in")]

    def params(name: str) -> PipelineParams:
        return PipelineParams(
            sources=sources,
            lake=str(tmp_path / name / "lake"),
            warehouse=str(tmp_path / name / "warehouse.duckdb"),
            batch_size=40,
        )

    clean, killed = params("clean"), params("killed")
    pipeline(clean)
    for stage in STAGES:
        # After the extract kill, other batch sizes: the batch it left half-done is extracted
        # again inside other batches, so its rows are in the lake twice and readers must cope.
        size = 40 if stage in ("ingest", "extract") else 30
        _kill_at(stage, killed.model_copy(update={"batch_size": size}), tmp_path, wait=240)
        if stage == "resolve":
            assert _leftovers(killed.lake), "a resolve killed mid-snapshot leaves hidden files"
    assert not Path(killed.warehouse).exists()  # no kill ever swapped a warehouse in
    left = Lake(killed.lake).read("event_mentions", ["mention_id"])["mention_id"].to_pylist()
    pipeline(killed)

    expected, got = _digests(clean.warehouse), _digests(killed.warehouse)
    print(f"\n{inputs} inputs; killed at {', '.join(STAGES)}, then one full run")
    print(f"lake after the kills: {len(left)} mention rows, {len(set(left))} mention ids")
    print(f"{'table':<18}{'clean rows':>11}{'rows':>7}{'distinct':>9}  sha256 (clean = killed)")
    for table in TABLES:
        rows, distinct, digest = got[table]
        same = "=" if digest == expected[table][2] else "!="
        print(f"{table:<18}{expected[table][0]:>11}{rows:>7}{distinct:>9}  {digest[:16]} {same}")
    assert len(left) > len(set(left))  # the kills did leave a mention twice in the lake
    assert got == expected
    assert all(rows == distinct for rows, distinct, _ in got.values())  # nothing duplicated
    reasons = _reasons(killed.warehouse)
    print(f"rejects by reason: {reasons}; lost 0, duplicated 0 (rows = distinct = clean)")
    assert reasons == {"empty_text": 6, "malformed_json": 6}
    assert expected["articles"][0] == ARTICLES
    assert expected["events"][0] > 0 and expected["casualty_figures"][0] > 0
    assert _statuses(killed.warehouse) == ["completed", *["interrupted"] * len(STAGES)]
    assert _leftovers(killed.lake) == []
