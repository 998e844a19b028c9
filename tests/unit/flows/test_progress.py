"""Progress output: a bar on a terminal, plain throttled lines in a log, nothing by default."""

from __future__ import annotations

import io

from flows import progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_lines_when_not_a_terminal_and_a_bar_on_one():
    log = io.StringIO()
    reporter = progress.for_stream(log)
    assert isinstance(reporter, progress.LineProgress)
    with progress.reporting(reporter):
        bar = progress.current()
        bar.start("extract", total=1000, unit="articles")
        for _ in range(10):
            bar.advance("extract", 100)
        bar.finish("extract", "42 mentions")
    assert isinstance(progress.current(), progress.Progress)  # restored afterwards
    lines = log.getvalue().splitlines()
    assert lines[0].endswith("extract: started, 1000 articles to do")
    assert lines[-2].endswith("extract: 1000/1000 articles (100%)")
    assert lines[-1].endswith("extract: done, 42 mentions")
    assert len(lines) < 12  # throttled: not one line per batch
    terminal = _Terminal()
    bar = progress.for_stream(terminal)
    assert isinstance(bar, progress.BarProgress)
    bar.start("extract", total=10, unit="articles")
    bar.advance("extract", 10)
    bar.close()
    assert "10/10" in terminal.getvalue()
