"""`query` sees the warehouse only: no files, no network, no extensions, no SET, a time limit."""

from __future__ import annotations

import time

import pytest

from cli.main import main
from outputs.queries import QueryError, named_queries, query_params, run_query
from storage.contract import SQL_DIR
from storage.lake import Lake
from storage.warehouse import publish


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("sandbox")
    publish(Lake(root / "lake"), root / "warehouse.duckdb")  # the schema and views, no rows
    return str(root / "warehouse.duckdb")


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.csv"
    path.write_text("the launch codes\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "sql",
    [
        "select * from read_text('/etc/passwd')",
        "select * from read_csv('{secret}')",
        "select * from '{secret}'",
    ],
)
def test_a_query_cannot_read_local_files(warehouse, secret, sql):
    with pytest.raises(QueryError, match="disabled"):
        run_query(warehouse, sql.format(secret=secret))


def test_a_query_cannot_write_files_or_attach_databases(warehouse, tmp_path):
    out = tmp_path / "stolen.csv"
    with pytest.raises(QueryError, match="disabled"):
        run_query(warehouse, f"copy (select * from runs) to '{out}'")
    assert not out.exists()
    other = tmp_path / "other.duckdb"
    with pytest.raises(QueryError, match="disabled"):
        run_query(warehouse, f"attach '{other}' as other")
    assert not other.exists()


@pytest.mark.parametrize("sql", ["install httpfs", "load httpfs", "force install spatial"])
def test_a_query_cannot_install_or_load_extensions(warehouse, sql):
    with pytest.raises(QueryError):
        run_query(warehouse, sql)


@pytest.mark.parametrize(
    "sql",
    [
        "set enable_external_access = true",
        "set autoinstall_known_extensions = true",
        "set lock_configuration = false",
        "set memory_limit = '100GB'",
    ],
)
def test_a_query_cannot_change_the_configuration(warehouse, sql):
    with pytest.raises(QueryError, match="locked"):
        run_query(warehouse, sql)


def test_a_runaway_query_is_stopped_at_the_time_limit(warehouse):
    started = time.monotonic()
    with pytest.raises(QueryError, match=r"stopped after 1 s .*--timeout"):
        run_query(warehouse, "select count(*) from range(1000000000000)", timeout=1)
    assert time.monotonic() - started < 15


def test_the_cli_reports_the_time_limit_in_one_line(warehouse, capsys):
    sql = "select count(*) from range(1000000000000)"
    code = main(["query", sql, "--warehouse", warehouse, "--timeout", "0.5"])
    err = capsys.readouterr().err
    assert code == 2
    assert (
        err.strip()
        == "conflict-events query: query stopped after 0.5 s (raise the limit with --timeout)"
    )


def test_named_queries_and_views_still_run(warehouse):
    for name, sql in named_queries().items():
        required = {p.name: "0" for p in query_params(sql).values() if p.required}
        assert run_query(warehouse, name, required).columns  # ran, and has its columns
    for view in sorted((SQL_DIR / "views").glob("*.sql")):
        assert run_query(warehouse, f"select count(*) from {view.stem}").rows == [(0,)]


def test_file_access_is_a_deliberate_opt_in(warehouse, secret, capsys):
    with pytest.raises(QueryError):
        run_query(warehouse, f"select content from read_text('{secret}')")
    allowed = run_query(
        warehouse, f"select content from read_text('{secret}')", allow_file_access=True
    )
    assert allowed.rows == [("the launch codes\n",)]
    code = main(["query", f"select content from read_text('{secret}')", "--warehouse", warehouse])
    assert code == 2 and "disabled" in capsys.readouterr().err
    argv = ["query", f"select content from read_text('{secret}')", "--allow-file-access"]
    assert main([*argv, "--warehouse", warehouse, "--format", "csv"]) == 0
    assert "the launch codes" in capsys.readouterr().out
