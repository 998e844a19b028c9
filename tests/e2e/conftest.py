"""Screenshots the report tests took, named in pytest's terminal summary (shown with or
without -s), so CI's log says where to find them."""

from __future__ import annotations

SCREENSHOTS: list[tuple[str, str]] = []  # (what, path), in the order they were taken


def pytest_terminal_summary(terminalreporter) -> None:
    if SCREENSHOTS:
        terminalreporter.section("report screenshots")
        for what, path in SCREENSHOTS:
            terminalreporter.write_line(f"report screenshot ({what}): {path}")
