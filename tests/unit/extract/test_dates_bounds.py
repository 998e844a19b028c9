"""Event dates that cannot be true (year 9999, years after publication) are never emitted."""

from datetime import date

import pytest

from transforms.extract.dates import resolve_date

PUBLISHED = date(2023, 12, 30)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("On 27 December 9999 a drone struck", None),
        ("On 29 December 3023 a drone struck", None),
        ("Shelling on 9999-12-27 killed two", None),
        ("On 12/27/9999 gunmen attacked", None),
        ("An attack in March 1850", None),
        ("since the war began in 1066", None),
        ("On 14 August 2025 gunmen attacked", PUBLISHED),  # after publication
    ],
)
def test_implausible_event_dates_are_not_emitted(text, published):
    assert resolve_date(text, published) == (None, None)


def test_a_far_future_year_never_becomes_the_event_year():
    # The year is not read as one ("3023" is no year here), so the day falls before publication.
    found, _ = resolve_date("On 29 December 3023 a drone struck", PUBLISHED)
    assert found is None or (found.year <= PUBLISHED.year and found <= PUBLISHED)


def test_a_relative_date_from_an_absurd_publication_date_is_not_emitted():
    assert resolve_date("an attack last year", date(1, 1, 1)) == (None, None)
    assert resolve_date("an attack yesterday", date(1, 1, 1)) == (None, None)


def test_dates_in_range_and_up_to_publication_are_kept():
    assert resolve_date("On 29 December 2023 a drone struck", PUBLISHED) == (
        date(2023, 12, 29),
        "day",
    )
    assert resolve_date("On 31 December 2023 a drone struck", PUBLISHED)[0] == date(2023, 12, 31)
    assert resolve_date("An attack in March 1901", None) == (date(1901, 3, 1), "month")


def test_an_article_published_in_9999_anchors_no_date():
    from transforms.extract.article import extract_article
    from transforms.extract.dates import as_date

    assert as_date("9999-12-31") is None and as_date(date(1, 1, 1)) is None
    article = {
        "article_id": "a",
        "body": "An airstrike killed four civilians in Idlib province, rescuers said.",
        "published_at": "9999-12-31T00:00:00",
    }
    mentions, _ = extract_article(article)  # once: year 10000 from a week's range
    assert mentions and all(m["event_date"] is None for m in mentions)
