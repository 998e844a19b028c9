"""What users take away from the warehouse: queries, the HTML report, exports (no Prefect)."""
