"""Named queries with parameters, the warehouse views and the export formats, on a small lake."""

from __future__ import annotations

import json

import duckdb
import jsonschema
import pyarrow.parquet as pq
import pytest

from cli.main import main
from engine.resolution import resolve_lake
from outputs.export import ACLED_COLUMNS
from outputs.queries import QueryError, named_queries, query_params, run_query
from storage.lake import Lake
from storage.warehouse import publish
from tests.conftest import FIXTURES
from tests.unit.engine.test_resolve_lake import SYRIA, _write
from tests.unit.resolve.test_resolve import KRAMATORSK, RISING_TOLL, mention

KRAMATORSK_STRIKE = mention(
    "k1",
    "a5",
    location="Kramatorsk",
    admin1="Donetsk",
    killed_best=3,
    ordinal=0,
    evidence="A missile hit Kramatorsk, killing 3.",
    **KRAMATORSK,
)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("queries")
    lake = Lake(root / "lake")
    _write(lake, [*RISING_TOLL, SYRIA, KRAMATORSK_STRIKE])
    lake.append(
        "rejects",
        [
            {"reject_id": "r1", "stage": "ingest", "reason": "empty_text"},
            {"reject_id": "r2", "stage": "ingest", "reason": "empty_text"},
            {"reject_id": "r3", "stage": "ingest", "reason": "malformed_json"},
        ],
    )
    resolve_lake(lake)
    publish(lake, root / "warehouse.duckdb")
    return str(root / "warehouse.duckdb")


def _kryvyi_rih(warehouse: str) -> str:
    return run_query(warehouse, "select event_id from events where location = 'Kryvyi Rih'").rows[
        0
    ][0]


def test_every_named_query_says_what_it_answers_and_runs_with_its_defaults(warehouse):
    queries = named_queries()
    assert set(queries) >= {
        "casualties_by_country_month",
        "deadliest_events",
        "events_near",
        "event_timeline",
        "event_sources",
        "rejected_share_by_reason",
    }
    required = {"events_near": {"lat": "48.7", "lon": "37.5"}, "event_timeline": {"event_id": "x"}}
    for name, sql in queries.items():
        assert sql.startswith(f"-- {name}: "), name
        run_query(warehouse, name, required.get(name, {}))


def test_parameters_filter_the_named_queries(warehouse):
    months = run_query(warehouse, "casualties_by_country_month", {"country": "ua"})
    assert [r[:4] for r in months.rows] == [("Ukraine", "UA", months.rows[0][2], 2)]
    assert months.rows[0][months.columns.index("killed_best")] == 13  # 10 + 3
    deadliest = run_query(warehouse, "deadliest_events", {"limit": "1", "start": "2023-01-01"})
    assert [(r[2], r[7]) for r in deadliest.rows] == [("Kryvyi Rih", 10)]
    near = run_query(warehouse, "events_near", {"lat": "48.80", "lon": "37.58", "km": "10"})
    assert [r[2] for r in near.rows] == ["Kramatorsk"]  # Kryvyi Rih is 300 km away
    wider = run_query(warehouse, "events_near", {"lat": "48.80", "lon": "37.58", "km": "500"})
    assert [r[2] for r in wider.rows] == ["Kramatorsk", "Kryvyi Rih"]


def test_the_timeline_shows_the_toll_rise_and_the_sources_of_the_event(warehouse):
    event_id = _kryvyi_rih(warehouse)
    timeline = run_query(warehouse, "event_timeline", {"event_id": event_id})
    best = timeline.columns.index("killed_best")
    assert [row[best] for row in timeline.rows] == [6, 8, 10, 10, 10]
    sources = run_query(warehouse, "event_sources", {"event_id": event_id})
    named = [row[sources.columns.index("source_name")] for row in sources.rows]
    assert sorted(named) == ["AP", "Kyiv Independent", "Reuters", "Ukrainska Pravda"]
    assert len(run_query(warehouse, "event_sources").rows) == 6  # every event's sources


def test_rejected_share_by_reason(warehouse):
    result = run_query(warehouse, "rejected_share_by_reason")
    assert [r[1:] for r in result.rows] == [
        ("empty_text", 2, 9, 0.2222),
        ("malformed_json", 1, 9, 0.1111),
    ]


def test_views_are_in_the_warehouse_for_plain_duckdb_users(warehouse):
    con = duckdb.connect(warehouse, read_only=True)
    views = {
        r[0]
        for r in con.execute("select view_name from duckdb_views() where not internal").fetchall()
    }
    con.close()
    assert views >= {
        "casualties_by_country_month",
        "event_sources",
        "event_timeline",
        "rejected_share_by_reason",
    }


def test_bad_parameters_are_explained():
    sql = named_queries()["events_near"]
    assert [p for p in query_params(sql)] == ["lat", "lon", "km"]
    assert query_params(sql)["km"].default == "25" and query_params(sql)["lat"].required
    with pytest.raises(QueryError, match="missing parameter lat, lon"):
        run_query("no.duckdb", "events_near")
    with pytest.raises(QueryError, match="unknown parameter radius"):
        run_query("no.duckdb", "events_near", {"lat": "1", "lon": "2", "radius": "3"})


def test_query_cli_takes_params(warehouse, capsys):
    assert (
        main(
            [
                "query",
                "deadliest_events",
                "--warehouse",
                warehouse,
                "--param",
                "limit=1",
                "--format",
                "json",
            ]
        )
        == 0
    )
    assert [r["location"] for r in json.loads(capsys.readouterr().out)] == ["Kryvyi Rih"]
    assert main(["query", "deadliest_events", "--warehouse", warehouse, "--param", "limit"]) == 2
    assert "KEY=VALUE" in capsys.readouterr().err


def test_export_acled_csv_opens_in_duckdb(warehouse, tmp_path):
    out = tmp_path / "events.csv"
    assert main(["export", "--format", "acled-csv", "--warehouse", warehouse, str(out)]) == 0
    con = duckdb.connect()
    relation = con.sql(f"select * from read_csv('{out}', header = true)")
    assert tuple(relation.columns) == ACLED_COLUMNS
    rows = {r[7]: r for r in relation.fetchall()}  # by location
    assert rows["Kryvyi Rih"][13] == 10 and rows["Kryvyi Rih"][4] == "Russia"
    assert rows["Deir ez-Zor"][13] == 0  # no figure reported: ACLED codes 0
    assert rows["Kramatorsk"][12] == "A missile hit Kramatorsk, killing 3."  # notes
    assert {r[11] for r in rows.values()} == {1}  # time_precision: day
    assert str(rows["Kryvyi Rih"][1]) == "2023-07-31"
    con.close()


def test_export_parquet_keeps_the_ucdp_figures(warehouse, tmp_path):
    out = tmp_path / "events.parquet"
    assert main(["export", "--format", "parquet", "--warehouse", warehouse, str(out)]) == 0
    table = pq.read_table(out)
    assert table.num_rows == 3
    assert {"killed_low", "killed_high", "n_sources"} <= set(table.column_names)


def test_export_geojson_validates_against_a_json_schema(warehouse, tmp_path):
    out = tmp_path / "events.geojson"
    assert main(["export", "--format", "geojson", "--warehouse", warehouse, str(out)]) == 0
    collection = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads((FIXTURES / "geojson_point_collection.schema.json").read_text())
    jsonschema.validate(collection, schema)
    assert len(collection["features"]) == 3
    broken = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [200, 0]},
                "properties": {},
            }
        ],
    }
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_export_without_a_warehouse_is_a_usage_error(tmp_path, capsys):
    assert (
        main(["export", "--warehouse", str(tmp_path / "none.duckdb"), str(tmp_path / "x.csv")]) == 2
    )
    assert "no warehouse" in capsys.readouterr().err


def test_query_list_shows_each_query_and_its_parameters(capsys):
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    assert "events_near: the events within N km of a point" in out
    assert "--param lat=...  latitude of the point, in degrees (required)" in out
    assert "--param km=...  the radius in kilometres (default 25)" in out
