"""Orchestration: Prefect flows and tasks, file and network I/O, the CLI."""
