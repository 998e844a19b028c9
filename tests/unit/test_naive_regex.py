"""The naive regex docs/accuracy.md compares with reads what a hurried script would."""

from bench.naive_regex import read_count


def test_the_first_number_before_a_casualty_word_is_read():
    text = "Five people were killed and 12 wounded in Kabul; 300 died in the war."
    assert read_count(text, "killed") == 5
    assert read_count(text, "injured") == 12


def test_no_number_reads_zero():
    assert read_count("A soldier was killed on Monday.", "killed") == 0
