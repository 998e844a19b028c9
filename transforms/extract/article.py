"""Article -> event_mentions and casualty_figures rows: the extract stage's pure core.

The title is read together with the body (docs/data-model.md, "The primary event of an article"): it names
the main event and often its toll ("Air strikes kill 45 in Aleppo"). Unless the body already
opens with it, the text read is the title, a blank line, then the body. Offsets in the rows stay
offsets into the body; a span in the title has none (null char_start and char_end).
"""

from __future__ import annotations

from transforms.extract.casualties import summarize
from transforms.extract.dates import as_date
from transforms.extract.mentions import split_mentions
from transforms.extract.records import Mention
from transforms.text import fold_case, split_sentences, stable_id
from transforms.version import EXTRACTOR_VERSION

FIGURE_CATEGORIES = ("killed", "injured", "missing", "kidnapped", "arrested")
# A headline is a phrase: a title of one or two words is a file name or a label ("kryvyi_rih").
_MIN_TITLE_WORDS = 3
# How far into the body a title may be repeated (after a dateline or a date) to count as read.
_TITLE_REPEAT_WINDOW = 400


def extract_article(article: dict) -> tuple[list[dict], list[dict]]:
    """Rows for `event_mentions` and `casualty_figures` from one article.

    `article` needs `article_id` and `body`; `title` is read with the body when given, and
    `published_at` (date, datetime or ISO string) anchors relative dates.
    """
    text, shift = article_text(article)
    sentences = split_sentences(text)
    mentions = split_mentions(text, sentences, as_date(article.get("published_at")), shift)
    mention_rows, figure_rows = [], []
    for ordinal, mention in enumerate(mentions):
        mention_id = stable_id(article["article_id"], ordinal, EXTRACTOR_VERSION)
        row = _mention_row(mention, mention_id, article["article_id"], ordinal)
        mention_rows.append(_in_body(row, shift))
        for figure in mention.figures:
            if figure.category not in FIGURE_CATEGORIES:
                continue  # "shot": read for the injured total, no category of the contract
            figure_id = stable_id(mention_id, figure.category, figure.char_start, figure.char_end)
            row = _figure_row(figure, figure_id, mention_id, article["article_id"])
            figure_rows.append(_in_body(row, shift))
    return mention_rows, figure_rows


def extract_articles(articles: list[dict]) -> tuple[list[dict], list[dict]]:
    """`event_mentions` and `casualty_figures` rows of a batch of articles, in order.

    What a worker process runs: it needs neither pyarrow nor the lake, so a worker that only
    extracts never loads them (about 80 MB of RSS each)."""
    mentions, figures = [], []
    for article in articles:
        article_mentions, article_figures = extract_article(article)
        mentions.extend(article_mentions)
        figures.extend(article_figures)
    return mentions, figures


def article_text(article: dict) -> tuple[str, int]:
    """The text the extractor reads (the title, a blank line, the body) and where the body
    starts in it; the body alone when there is no headline to add."""
    body = article["body"]
    heading = headline(article.get("title"), body)
    return heading + body, len(heading)


def headline(title: str | None, body: str) -> str:
    """The title as a sentence of its own to put before the body, or "" when there is no title,
    it is too short to be a headline, or the body already opens with it."""
    title = " ".join((title or "").split()).rstrip(" .:;,-")
    if len(title.split()) < _MIN_TITLE_WORDS:
        return ""
    if fold_case(title[:40]) in fold_case(" ".join(body[:_TITLE_REPEAT_WINDOW].split())):
        return ""
    end = "" if title.endswith(("?", "!")) else "."
    return f"{title}{end}\n\n"


def _in_body(row: dict, shift: int) -> dict:
    """Offsets moved from the text read to the body; a span inside the title has none."""
    if not shift or row.get("char_start") is None:
        return row
    # in place (the row is new): the keys exist, so their order stays
    if row["char_start"] < shift:
        row["char_start"] = row["char_end"] = None
    else:
        row["char_start"] -= shift
        row["char_end"] -= shift
    return row


def _mention_row(mention: Mention, mention_id: str, article_id: str, ordinal: int) -> dict:
    row = mention.as_row()
    for category, (low_key, best_key, high_key) in _SUMMARY_KEYS:
        row[low_key], row[best_key], row[high_key] = summarize(mention.figures, category)
    row["mention_id"] = mention_id
    row["article_id"] = article_id
    row["ordinal"] = ordinal
    row["extractor_version"] = EXTRACTOR_VERSION
    return row


_SUMMARY_KEYS = [(c, (f"{c}_low", f"{c}_best", f"{c}_high")) for c in ("killed", "injured")]


def _figure_row(figure, figure_id: str, mention_id: str, article_id: str) -> dict:
    row = figure.as_row()
    row["figure_id"] = figure_id
    row["mention_id"] = mention_id
    row["article_id"] = article_id
    return row
