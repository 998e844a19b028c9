import duckdb
import pyarrow as pa

from storage.contract import CONTRACT_TABLES, INTERNAL_SCHEMAS, schemas, sql_text


def test_the_lake_schemas_are_the_ones_duckdb_derives_from_schema_sql():
    con = duckdb.connect()
    con.execute(sql_text("schema.sql"))
    tables = [r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()]
    by_duckdb = {t: con.sql(f'select * from "{t}" limit 0').to_arrow_table().schema for t in tables}
    con.close()
    parsed = schemas()
    assert set(CONTRACT_TABLES) <= set(by_duckdb)
    for table, expected in by_duckdb.items():
        assert parsed[table].equals(expected), table
    assert all(parsed[t] is s for t, s in INTERNAL_SCHEMAS.items())
    assert parsed["articles"].field("origins").type == pa.list_(pa.field("l", pa.string()))
