import pytest

from transforms.extract.numbers import parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("six", 6),
        ("75", 75),
        ("1,200", 1200),
        ("1.2 million", 1_200_000),
        ("twenty-three", 23),
        ("a hundred and five", 105),
        ("a dozen", 12),
        ("two hundred", 200),
        ("Eleven", 11),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["people", "", "an", "six-year-old"])
def test_not_a_number(text):
    assert parse_number(text) is None


def _amount(text):
    import re

    from transforms.extract.numbers import AMOUNT_PATTERN, read_amount

    return read_amount(re.compile(AMOUNT_PATTERN, re.IGNORECASE).match(text))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("at least 6", ((6, 6, None), "at_least")),
        ("more than 350", ((350, 350, None), "more_than")),
        ("up to 10", ((None, 10, 10), "at_most")),
        ("about 20", ((None, 20, None), "approximately")),
        ("10 to 15", ((10, 10, 15), "range")),
        ("between 10 and 15", ((10, 10, 15), "range")),
        ("10-15", ((10, 10, 15), "range")),
        ("twenty-three", ((23, 23, 23), "exact")),
        ("dozens of", ((12, 12, None), "vague")),
        ("a number of", ((2, 2, None), "vague")),
        ("several", ((2, 2, None), "vague")),
        ("several dozen", ((12, 12, None), "vague")),
        ("a few hundred", ((100, 100, None), "vague")),
        ("a pair of", ((2, 2, 2), "exact")),
        ("2 dozen", ((24, 24, 24), "exact")),
    ],
)
def test_read_amount(text, want):
    assert _amount(text) == want
