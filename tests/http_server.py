"""A real HTTP server on 127.0.0.1 for ingest tests: feeds, pages and every way a fetch fails."""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

from tests import hostile

PAGE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>{title}</title>
<link rel="canonical" href="{canonical}">
<meta property="article:published_time" content="2024-03-02T10:00:00Z">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<footer>Copyright Test Wire</footer></body></html>"""

STORIES = {
    "airstrike": (
        "Airstrike kills four in Idlib village",
        [
            "An airstrike hit a village in Syria's Idlib province on Saturday, killing four "
            "civilians, including two children, local rescuers said.",
            "The strike destroyed a house on the edge of the village, the White Helmets civil "
            "defence group said, adding that six people were wounded.",
            "Government and Russian aircraft have stepped up raids on the area in recent weeks.",
        ],
    ),
    "ambush": (
        "Ambush on convoy kills six soldiers in Burkina Faso",
        [
            "Gunmen ambushed a military supply convoy in northern Burkina Faso on Friday, "
            "killing six soldiers, security sources said.",
            "Several vehicles were set on fire during the attack near the town of Djibo, "
            "the sources said, speaking on condition of anonymity.",
            "Jihadist groups linked to al-Qaeda and the Islamic State operate in the region.",
        ],
    ),
    "summary-only": (
        "Mortar fire hits market in Mogadishu",
        [
            "Mortar shells landed in a busy market in Mogadishu on Thursday, killing three "
            "people and wounding eleven, police said.",
            "Al-Shabaab militants have often fired mortars at the city's districts.",
        ],
    ),
}
FRENCH = (
    "Une frappe aérienne tue quatre civils",
    [
        "Une frappe aérienne a touché un village de la province d'Idlib samedi, tuant quatre "
        "civils, dont deux enfants, ont indiqué les secouristes locaux.",
        "La frappe a détruit une maison à la sortie du village, selon la défense civile.",
    ],
)
FEED_ETAG = '"feed-v1"'
FRENCH_MODIFIED = "Sat, 02 Mar 2024 10:00:00 GMT"


def page(server_url: str, name: str, title: str, paragraphs: list[str], lang: str = "en") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    canonical = f"{server_url}/articles/{name}.html"
    return PAGE.format(lang=lang, title=title, canonical=canonical, paragraphs=body).encode()


def feed(server_url: str) -> bytes:
    """RSS 2.0: one entry with full content, one with only a summary and a link to fetch."""
    title, paragraphs = STORIES["ambush"]
    content = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Test Wire</title><link>{server_url}/</link><description>test feed</description>
<item><title>{title}</title><link>{server_url}/articles/ambush.html</link>
<guid>{server_url}/articles/ambush.html</guid><pubDate>Fri, 01 Mar 2024 18:00:00 GMT</pubDate>
<description>Gunmen ambushed a convoy.</description>
<content:encoded><![CDATA[{content}]]></content:encoded></item>
<item><title>Mortar fire hits market in Mogadishu</title>
<link>{server_url}/articles/summary-only.html?utm_source=rss</link>
<guid>{server_url}/articles/summary-only.html</guid><pubDate>Thu, 29 Feb 2024 09:30:00 GMT</pubDate>
<description>Mortar shells landed in a market.</description></item>
</channel></rss>""".encode()


class Handler(BaseHTTPRequestHandler):
    server: LocalServer

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:  # noqa: C901 - one branch per scenario reads best here
        path = self.path.split("?")[0]
        self.server.hits[path] += 1
        self.server.user_agents.add(self.headers.get("User-Agent", ""))
        base = self.server.url
        if path.startswith("/hostile/"):  # the hostile corpus's pages (tests/hostile.py)
            return self._send(*hostile.page(base, path))
        if path == "/feed.rss":
            if self.headers.get("If-None-Match") == FEED_ETAG:
                self.server.not_modified += 1
                return self._send(304, b"", "application/rss+xml")
            return self._send(200, feed(base), "application/rss+xml", {"ETag": FEED_ETAG})
        if (
            path.startswith("/articles/")
            and path.removeprefix("/articles/").removesuffix(".html") in STORIES
        ):
            name = path.removeprefix("/articles/").removesuffix(".html")
            title, paragraphs = STORIES[name]
            return self._send(200, page(base, name, title, paragraphs), "text/html; charset=utf-8")
        if path == "/syndicated/airstrike.html":  # the same story under another outlet's URL
            title, paragraphs = STORIES["airstrike"]
            html = page(base, "x", title, paragraphs).replace(
                f'href="{base}/articles/x.html"'.encode(), b'href="https://other.example/idlib"'
            )
            return self._send(200, html, "text/html")
        if path == "/articles/french.html":  # validated by date rather than by ETag
            if self.headers.get("If-Modified-Since") == FRENCH_MODIFIED:
                self.server.not_modified += 1
                return self._send(304, b"", "text/html")
            html = page(base, "french", *FRENCH, lang="fr")
            return self._send(200, html, "text/html", {"Last-Modified": FRENCH_MODIFIED})
        if path == "/flaky":  # down for the first three requests (one run's retries), then up
            if self.server.hits[path] <= 3:
                return self._send(503, b"try later", "text/plain")
            title, paragraphs = STORIES["airstrike"]
            return self._send(200, page(base, "flaky", title, paragraphs), "text/html")
        if path == "/missing":
            return self._send(404, b"<h1>Not found</h1>", "text/html")
        if path == "/broken":
            return self._send(500, b"<h1>Internal error</h1>", "text/html")
        if path == "/slow":
            time.sleep(self.server.slow_seconds)
            return self._send(200, b"<p>too late</p>", "text/html")
        if path == "/huge":  # no Content-Length: the client must stop reading at its cap
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65536 + b"</p>"
            try:
                for _ in range(self.server.huge_chunks):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return None
        if path == "/api":
            return self._send(200, b'{"killed": 3}', "application/json")
        if path == "/binary":
            return self._send(200, bytes(range(256)) * 64, "application/octet-stream")
        if path == "/binary-as-html":
            return self._send(
                200, b"\x89PNG\r\n\x1a\n\x00\x00\x00" + bytes(range(256)) * 8, "text/html"
            )
        if path == "/redirect":  # to wherever ?to= says: another host, a private address
            self.send_response(302)
            self.send_header("Location", unquote(self.path.partition("?to=")[2]))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if path == "/internal/secret":  # what a server on a private address must never give
            return self._send(200, page(base, "secret", *STORIES["airstrike"]), "text/html")
        if path in ("/loop-a", "/loop-b"):
            target = "/loop-b" if path == "/loop-a" else "/loop-a"
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        return self._send(404, b"no such test page", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str, headers: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if status != 304:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)


class LocalServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64  # many fetches connect at once; the default backlog of 5 drops some

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        self.hits: Counter = Counter()
        self.not_modified = 0
        self.user_agents: set[str] = set()
        self.slow_seconds = 3.0
        self.huge_chunks = 64  # 4 MiB

    def __enter__(self) -> LocalServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()
