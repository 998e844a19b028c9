"""The word lists and keyword tables in transforms/data/ (transforms/lexicons.py)."""

import fnmatch
import tomllib
from pathlib import Path

import pytest

from transforms.extract.numbers import QUALIFIERS, VAGUE
from transforms.lexicons import parse_table, read_table

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "transforms" / "data"
# admin1.tsv is generated data (make_admin1.py), not a hand-kept list
TABLES = [
    p for p in sorted(DATA.rglob("*")) if p.suffix in {".tsv", ".txt"} and p.name != "admin1.tsv"
]


def test_parse_table_skips_comments_and_blank_lines_and_keeps_the_order():
    text = "# what it holds\nat least\tat_least\n\n# a note\nover\tmore_than\n"
    assert parse_table(text, columns=2) == [("at least", "at_least"), ("over", "more_than")]


def test_parse_table_names_the_line_with_the_wrong_number_of_fields():
    with pytest.raises(ValueError, match=r"words.tsv:3: 1 fields, expected 2"):
        parse_table("# header\nseveral\t2\ndozens 12\n", columns=2, name="words.tsv")


@pytest.mark.parametrize("path", TABLES, ids=lambda path: path.name)
def test_each_table_opens_with_a_comment_and_ships_as_package_data(path):
    assert path.read_text(encoding="utf-8").startswith("# "), "a short header comment first"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["transforms"]
    relative = path.relative_to(ROOT / "transforms").as_posix()
    assert any(fnmatch.fnmatch(relative, pattern) for pattern in patterns)


def test_read_table_reads_the_shipped_files():
    assert ("Air/drone strike", "remote") in read_table("type_families.tsv", columns=2)
    assert VAGUE["a few dozen"] == 12  # values are numbers, not text
    assert set(QUALIFIERS.values()) == {"at_least", "more_than", "at_most", "approximately"}
