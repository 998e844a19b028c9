"""Scores on the development gold sets must not fall: each main field stays within 0.03 of its
measured exact-match accuracy.

The sets are not part of the repository. The folder comes from CONFLICT_EVENTS_GOLD_DIR
(`make test-gold` sets it to ../shared/gold beside the checkout); without it these tests skip.
The scoring is `conflict-events eval`'s, run in-process.

Measured on 2026-12-06 at commit 44f336a (extractor 0.1.7) with
`.venv/bin/conflict-events eval ../shared/gold/NAME.jsonl`, exact-match accuracy:
- news_articles (150 rows): killed 0.913, injured 0.875, event_date 0.970, location 0.779,
  admin1 0.870, country 0.973, event_type 0.940, sub_event_type 0.899
- drone_strike_notes (1,033 rows): killed 0.984, event_date 0.910, location 0.868, admin1 0.911,
  country 0.959, coordinates 0.485
- wikipedia_incidents (324 rows): killed 0.679, injured 0.679, country 0.821 (its labels leave
  out perpetrators the counting rules add)
When a change raises a figure for good, raise its floor here and in docs/accuracy.md.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.gold

MARGIN = 0.03
MEASURED = {
    "news_articles": {
        "killed": 0.913,
        "injured": 0.875,
        "event_date": 0.970,
        "location": 0.779,
        "admin1": 0.870,
        "country": 0.973,
        "event_type": 0.940,
        "sub_event_type": 0.899,
    },
    "drone_strike_notes": {
        "killed": 0.984,
        "event_date": 0.910,
        "location": 0.868,
        "admin1": 0.911,
        "country": 0.959,
        "coordinates": 0.485,
    },
    "wikipedia_incidents": {
        "killed": 0.679,
        "injured": 0.679,
        "country": 0.821,
    },
}


def gold_file(name: str) -> Path:
    folder = os.environ.get("CONFLICT_EVENTS_GOLD_DIR")
    if not folder:
        pytest.skip("CONFLICT_EVENTS_GOLD_DIR is not set (make test-gold sets it)")
    path = Path(folder) / f"{name}.jsonl"
    if not path.is_file():
        pytest.skip(f"no gold set {path} (CONFLICT_EVENTS_GOLD_DIR={folder})")
    return path


@pytest.mark.parametrize("name", sorted(MEASURED))
def test_scores_stay_within_the_margin(name):
    from cli.eval import read_gold, score_rows

    scores = {field: s.as_dict() for field, s in score_rows(read_gold(gold_file(name))).items()}
    fallen = {
        field: f"{scores[field]['accuracy']:.3f} < {measured - MARGIN:.3f}"
        for field, measured in MEASURED[name].items()
        if scores[field]["accuracy"] < measured - MARGIN
    }
    assert not fallen, f"{name}: below the floor (measured - {MARGIN}): {fallen}"
