"""Event dates: explicit forms, relative forms against publication, honest precision."""

from datetime import date

import pytest

from transforms.extract.dates import date_range, resolve_date

PUBLISHED = date(2023, 7, 31)  # a Monday


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        ("On 14 August 2020, gunmen attacked", None, (date(2020, 8, 14), "day")),
        ("02/24/2012: a car bomb exploded", None, (date(2012, 2, 24), "day")),
        ("On 31.07.2023 a missile hit", None, (date(2023, 7, 31), "day")),
        ("24/02/2012 shelling", None, (date(2012, 2, 24), "day")),
        ("On July 31 a drone struck", PUBLISHED, (date(2023, 7, 31), "day")),
        ("On August 2 a drone struck", PUBLISHED, (date(2022, 8, 2), "day")),  # not the future
        ("2023-06-12 airstrike", None, (date(2023, 6, 12), "day")),
        ("Around 24 August 2024 (from 18 - 24 August)", None, (date(2024, 8, 24), "day")),
        ("Missiles struck on Monday", PUBLISHED, (date(2023, 7, 31), "day")),
        ("on Sunday night a drone hit", PUBLISHED, (date(2023, 7, 30), "day")),
        ("the strikes the previous day", PUBLISHED, (date(2023, 7, 30), "day")),
        ("an attack yesterday", PUBLISHED, (date(2023, 7, 30), "day")),
        ("drone strikes over the weekend", PUBLISHED, (date(2023, 7, 29), "week")),
        ("shelling last week", PUBLISHED, (date(2023, 7, 24), "week")),
        ("a similar attack in June", PUBLISHED, (date(2023, 6, 1), "month")),
        ("a raid in December", PUBLISHED, (date(2022, 12, 1), "month")),
        ("earlier this month", PUBLISHED, (date(2023, 7, 1), "month")),
        ("an attack in March 2019", None, (date(2019, 3, 1), "month")),
        ("since the invasion began in 2022", None, (date(2022, 1, 1), "year")),
    ],
)
def test_date_forms(text, published, want):
    assert resolve_date(text, published) == want


@pytest.mark.parametrize(
    "text",
    [
        "On Jan 16th, a reporter was injured",  # no year and no publication date
        "drones struck on Monday",  # relative, nothing to resolve against
        "Casualties unknown.",
        "killing 350 people and 2022 rescuers",  # numbers are not dates
    ],
)
def test_no_date_is_invented_without_an_anchor(text):
    assert resolve_date(text, None) == (None, None)


def test_date_range_spans_the_precision():
    assert date_range(date(2023, 7, 29), "week") == (date(2023, 7, 29), date(2023, 8, 4))
    assert date_range(date(2023, 2, 1), "month") == (date(2023, 2, 1), date(2023, 2, 28))
    assert date_range(date(2023, 2, 5), "day") == (date(2023, 2, 5), date(2023, 2, 5))
