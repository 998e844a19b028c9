"""Article -> event_mentions and casualty_figures rows: the extract stage's pure core."""

from __future__ import annotations

from transforms.extract.casualties import summarize
from transforms.extract.dates import as_date
from transforms.extract.mentions import split_mentions
from transforms.extract.records import Mention
from transforms.text import split_sentences, stable_id
from transforms.version import EXTRACTOR_VERSION


def extract_article(article: dict) -> tuple[list[dict], list[dict]]:
    """Rows for `event_mentions` and `casualty_figures` from one article.

    `article` needs `article_id` and `body`; `published_at` (date, datetime or ISO string)
    anchors relative dates.
    """
    body = article["body"]
    sentences = split_sentences(body)
    mentions = split_mentions(body, sentences, as_date(article.get("published_at")))
    mention_rows, figure_rows = [], []
    for ordinal, mention in enumerate(mentions):
        mention_id = stable_id(article["article_id"], ordinal, EXTRACTOR_VERSION)
        mention_rows.append(_mention_row(mention, mention_id, article["article_id"], ordinal))
        for figure in mention.figures:
            figure_id = stable_id(mention_id, figure.category, figure.char_start, figure.char_end)
            figure_rows.append(_figure_row(figure, figure_id, mention_id, article["article_id"]))
    return mention_rows, figure_rows


def _mention_row(mention: Mention, mention_id: str, article_id: str, ordinal: int) -> dict:
    row = mention.as_row()
    for category in ("killed", "injured"):
        low, best, high = summarize(mention.figures, category)
        row |= {f"{category}_low": low, f"{category}_best": best, f"{category}_high": high}
    return row | {
        "mention_id": mention_id,
        "article_id": article_id,
        "ordinal": ordinal,
        "extractor_version": EXTRACTOR_VERSION,
    }


def _figure_row(figure, figure_id: str, mention_id: str, article_id: str) -> dict:
    return figure.as_row() | {
        "figure_id": figure_id,
        "mention_id": mention_id,
        "article_id": article_id,
    }
