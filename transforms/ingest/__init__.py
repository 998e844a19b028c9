"""Ingest parsing: bytes, records, feeds and pages -> article rows or rejects."""
