"""Storage: the Parquet lake, the DuckDB warehouse, the run lock and the data contract."""
