"""Which candidate articles are new: identity by body hash and by canonical URL.

An article is known when its id (sha256 of the normalised body) or its canonical URL was seen
before, in the lake or earlier in the same run. A known article is not stored again, but a new
place it was found at (a syndicated copy under another URL, the same file in another folder)
is recorded as one more origin of the stored article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from transforms.ingest.urls import canonical_url, looks_like_url
from transforms.text import stable_id


def origin_row(
    article_id: str, origin: str, url: str | None, run_id: str, seen_at: datetime
) -> dict:
    """An `article_origins` row: one place an article was found. Its id is stable."""
    return {
        "origin_id": stable_id(article_id, origin),
        "article_id": article_id,
        "origin": origin,
        "url": url,
        "run_id": run_id,
        "seen_at": seen_at,
    }


@dataclass(slots=True)
class Ledger:
    """Article ids, canonical URLs (-> article id) and origin ids already known."""

    ids: set[str] = field(default_factory=set)
    urls: dict[str, str] = field(default_factory=dict)
    origin_ids: set[str] = field(default_factory=set)

    def known_url(self, url: str | None) -> bool:
        """True when the page at `url` (any spelling of it) is an article already stored."""
        return _url_of(url) in self.urls if url else False

    def remember(self, article_id: str, url: str | None, origin: str) -> None:
        """Record what the lake already holds for one article origin."""
        self.ids.add(article_id)
        for key in (url, _url_of(origin)):
            if key:
                self.urls.setdefault(key, article_id)

    def admit(
        self, articles: list[dict], run_id: str, now: datetime
    ) -> tuple[list[dict], list[dict], int]:
        """The new articles, the origin rows to record, and how many candidates were duplicates."""
        new: list[dict] = []
        origins: list[dict] = []
        duplicates = 0
        for article in articles:
            url = article.get("url")
            keys = [u for u in (url, _url_of(article["origin"])) if u]
            stored_id = next((self.urls[u] for u in keys if u in self.urls), None)
            if stored_id is None and article["article_id"] not in self.ids:
                stored_id = article["article_id"]
                self.ids.add(stored_id)
                new.append(article)
            else:
                stored_id = stored_id or article["article_id"]
                duplicates += 1
            for key in keys:
                self.urls.setdefault(key, stored_id)
            row = origin_row(stored_id, article["origin"], url, run_id, now)
            if row["origin_id"] not in self.origin_ids:
                self.origin_ids.add(row["origin_id"])
                origins.append(row)
        return new, origins, duplicates


def _url_of(origin: str | None) -> str | None:
    """The canonical URL an origin names, if it is a URL (not a path or a feed entry)."""
    if not origin or not looks_like_url(origin) or "#" in origin:
        return None
    return canonical_url(origin)
