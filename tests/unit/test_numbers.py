import pytest

from transforms.numbers import parse_number


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
