"""A user's mistake on the command line is one line on stderr and a non-zero exit, never a
traceback, and it leaves no stray files behind."""

from __future__ import annotations

import pytest

from cli.main import main
from storage.lake import Lake
from storage.warehouse import publish


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("errors")
    publish(Lake(root / "lake"), root / "warehouse.duckdb")
    return str(root / "warehouse.duckdb")


def _one_line_error(capsys, command: str) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith(f"conflict-events {command}: ")
    return err


@pytest.mark.parametrize("where", ["a-file/report.html", "a-directory"])
def test_report_to_an_unwritable_path_is_a_one_line_error(tmp_path, warehouse, capsys, where):
    (tmp_path / "a-file").write_text("not a directory", encoding="utf-8")
    (tmp_path / "a-directory").mkdir()
    code = main(["report", str(tmp_path / where), "--warehouse", warehouse])
    assert code != 0
    assert "cannot write" in _one_line_error(capsys, "report")
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "not a directory"


@pytest.mark.parametrize("fmt", ["acled-csv", "parquet", "geojson"])
def test_export_onto_an_existing_directory_is_refused_and_leaves_nothing(
    tmp_path, warehouse, capsys, fmt
):
    target = tmp_path / "work"
    target.mkdir()
    code = main(["export", str(target), "--format", fmt, "--warehouse", warehouse])
    assert code != 0
    assert "is a directory" in _one_line_error(capsys, "export")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["work"]  # no .work.tmp
    assert not any(target.iterdir())


def test_a_failed_export_leaves_no_temporary_file(tmp_path, capsys):
    code = main(["export", str(tmp_path / "out.csv"), "--warehouse", str(tmp_path / "none.db")])
    assert code != 0
    _one_line_error(capsys, "export")
    assert list(tmp_path.iterdir()) == []
