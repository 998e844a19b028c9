"""A hostile corpus, generated (no committed binaries): files, URLs and pages that once broke ingest.

`write_corpus(folder, server_url)` writes the file entries and a URL list and returns what each
input must end as: exactly one of new, duplicate or rejected (with the reason that names its
problem). `page(server_url, path)` serves the hostile pages from tests/http_server.py.
"""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

STORY = (
    "Gunmen attacked a police checkpoint near Gao in northern Mali on Sunday, killing four "
    "officers and wounding two others, the security ministry said in a statement. "
    "The attackers fled on motorbikes towards the border, a local official said."
)
FRENCH = (
    "Des hommes armés ont attaqué un poste de police près de Gao dimanche, tuant quatre "
    "policiers et en blessant deux autres, a indiqué le ministère de la sécurité."
)
DEEP = 100_000
# Files over this are rejected as oversize: the test lowers sources.files.MAX_FILE_BYTES to it.
MAX_FILE_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Expect:
    """What one input must end as. `reasons` lists the acceptable reject codes (usually one)."""

    origin: str
    outcome: str  # new | duplicate | rejected
    reasons: tuple[str, ...] = ()
    warning: bool = False  # kept, with an ingest_warning row (an unreadable date)


def story(tag: str) -> str:
    """A distinct English article for each tag (the body is its identity)."""
    return f"{STORY} The case was filed as {tag}."


def _deep_html(text: str) -> str:
    return "<html><body>" + "<div>" * DEEP + f"<p>{text}</p>" + "</div>" * DEEP + "</body></html>"


def _rss(items: str) -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Hostile wire'
        f"</title>{items}</channel></rss>"
    )


def _billion_laughs() -> str:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol;" if i == 1 else f"&lol{i - 1};") * 10}">' for i in range(1, 10)
    )
    return (
        f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]><rss version="2.0"><channel>'
        "<title>t</title><item><title>&lol9;</title><description>&lol9;</description></item>"
        "</channel></rss>"
    )


XXE = (
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    '<rss version="2.0"><channel><title>t</title><item><title>x</title><description>&x;'
    "</description></item></channel></rss>"
)


def _file_entries(server_url: str) -> list[tuple[str, bytes, list[tuple[str, str, tuple]]]]:
    """(name, bytes, [(origin suffix, outcome, reasons)]): the suffix is added to the path."""
    good = story("good").encode()
    new, dup = ("", "new", ()), ("", "duplicate", ())

    def rejected(*reasons: str, at: str = "") -> tuple[str, str, tuple]:
        return (at, "rejected", reasons)

    def record(tag: str, **fields: object) -> bytes:
        return json.dumps({"text": story(tag), **fields}).encode()

    late_nul = (story("late-nul") + " ").encode() * 60 + b"\x00 The toll rose.\x00"
    deep_json = b"[" * DEEP + b"]" * DEEP
    nested_title: object = "Gao"
    for _ in range(900):  # under json's own limit: parsed, then read without recursing deep
        nested_title = [nested_title]
    bad_links = _rss(
        "<item><title>Full</title><guid>full-1</guid><content:encoded><![CDATA[<p>"
        + story("feed-full")
        + "</p>]]></content:encoded></item>"
        "<item><title>Bad link</title><guid>bad-1</guid><link>http://[::1/entry</link>"
        "<description>teaser</description></item>"
        f"<item><title>Page</title><guid>page-1</guid><link>{server_url}/articles/ambush.html"
        "</link><description>teaser</description></item>"
    )
    return [
        ("good.txt", good, [new]),
        ("zz-copy/good.txt", good, [dup]),  # read after good.txt (paths are sorted)
        ("empty.txt", b"", [rejected("empty_text")]),
        ("blank.txt", b" \n\t\r\n \xc2\xa0 ", [rejected("empty_text")]),
        ("control-bytes.txt", bytes(range(1, 32)) * 100, [rejected("binary_file")]),
        ("nul-start.txt", b"\x00\x00" + good, [rejected("binary_file")]),
        ("nul-late.txt", late_nul, [new]),
        (
            "image.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
            [rejected("binary_file")],
        ),
        (
            "damaged.txt",
            story("damaged").encode() + "café — “x”".encode() + b"\xff\xfe",
            [rejected("bad_encoding")],
        ),
        ("utf16.txt", story("utf16").encode("utf-16"), [new]),
        (
            "cp1252.txt",
            (story("cp1252") + " \u201cquoted\u201d \u2014 caf\u00e9").encode("cp1252"),
            [new],
        ),
        ("french.txt", FRENCH.encode(), [rejected("unsupported_language")]),
        (
            "oversize.txt",
            (story("big") + " ").encode() * (MAX_FILE_BYTES // 200),
            [rejected("oversize")],
        ),
        ("deep.json", deep_json, [rejected("malformed_json")]),
        (
            "deep.jsonl",
            record("jsonl-1") + b"\n" + deep_json + b"\n" + record("jsonl-3") + b"\n{oops\n",
            [
                (":1", "new", ()),
                rejected("malformed_json", at=":2"),
                (":3", "new", ()),
                rejected("malformed_json", at=":4"),
            ],
        ),
        ("broken.json", b'{"text": "unterminated', [rejected("malformed_json")]),
        ("huge-int.json", b'{"text": ' + b"9" * 5000 + b"}", [rejected("malformed_json")]),
        (
            "junk-list.json",
            b'[1, "x", null, ' + record("list-4") + b", " + record("list-4") + b"]",
            [
                rejected("malformed_record", at="#0"),
                rejected("malformed_record", at="#1"),
                rejected("malformed_record", at="#2"),
                ("#3", "new", ()),
                ("#4", "duplicate", ()),
            ],
        ),
        ("scalar.json", b'"just a string"', [rejected("malformed_record")]),
        ("upper.json", json.dumps({"TEXT": story("upper"), "TiTlE": "Gao"}).encode(), [new]),
        (
            "shapes.json",
            record("shapes", title=["a", "b"], source={"name": "X"}, url=["https://s.example/a"]),
            [new],
        ),
        ("dict-body.json", json.dumps({"body": {"en": story("dict-body")}}).encode(), [new]),
        ("number-body.json", b'{"text": 42}', [rejected("empty_text")]),
        ("nul-in-string.json", record("nul-string\u0000"), [new]),
        ("epoch.json", record("epoch", published_at=1704189600), [new]),
        (
            "yesterday.json",
            record("yesterday", published_at="yesterday"),
            [("", "new", ("warning",))],
        ),
        (
            "boolean-date.json",
            record("boolean-date", published_at=True),
            [("", "new", ("warning",))],
        ),
        ("year-9999.json", record("year-9999", date="9999-12-27"), [("", "new", ("warning",))]),
        (
            "quote.csv",
            f'text,title\n"{story("csv-2")}",a\n"{story("csv-3")}",b\n"broken "quote" here,c\n'.encode(),
            [(":2", "new", ()), (":3", "new", ()), rejected("malformed_csv", at=":4")],
        ),
        (
            "short.csv",
            f'TEXT,title,source\nshort,t\n"{story("csv-short")}",t,s\nlong,a,b,c\n'.encode(),
            [
                rejected("malformed_csv", at=":2"),
                (":3", "new", ()),
                rejected("malformed_csv", at=":4"),
            ],
        ),
        ("no-text-column.csv", b"title,url\na,b\n", [rejected("malformed_csv")]),
        ("deep.html", _deep_html(story("deep-html")).encode(), [new]),
        ("not-html.html", b"just words, no markup at all", [rejected("malformed_html")]),
        (
            "script-only.html",
            b"<html><head><script>var x = 1;</script></head><body></body></html>",
            [rejected("empty_text")],
        ),
        ("laughs.rss", _billion_laughs().encode(), [rejected("malformed_feed")]),
        ("xxe.rss", XXE.encode(), [rejected("empty_text", at="#0")]),
        (
            "truncated.rss",
            b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>cut',
            [rejected("malformed_feed")],
        ),
        (
            "sitemap.xml",
            b"<urlset><url><loc>https://h.example/</loc></url></urlset>",
            [rejected("malformed_feed")],
        ),
        (
            "bad-links.rss",
            bad_links.encode(),
            [
                ("#full-1", "new", ()),
                ("http://[::1/entry", "rejected", ("malformed_url",)),
                (f"{server_url}/articles/ambush.html", "new", ()),
            ],
        ),
        (
            "event-9999.txt",
            (story("far-dates") + " It happened on 27 December 9999, or 3023-12-29.").encode(),
            [new],
        ),
        (
            "bom-damaged.txt",
            b"\xef\xbb\xbf" + story("bom").encode() + b"\xff",
            [rejected("bad_encoding")],
        ),
        ("utf32.txt", story("utf32").encode("utf-32"), [new]),
        ("empty-list.json", b"[]", [rejected("empty_text")]),
        ("header-only.csv", b"text,title\r\n", [rejected("empty_text")]),
        (
            "crlf.ndjson",
            record("crlf-1") + b"\r\n\r\n" + record("crlf-2") + b"\r\n",
            [(":1", "new", ()), (":3", "new", ())],
        ),
        ("nested-title.json", record("nested-title", title=nested_title), [new]),
        ("name with spaces ü.txt", story("odd-name").encode(), [new]),
        ("line\nbreak.md", story("newline-name").encode(), [new]),
    ]


def _special_entries(folder: Path) -> list[Expect]:
    """Entries that are not regular files: a symlink loop, a FIFO, a link to a stored file."""
    expects = []
    os.symlink(folder / "loop-b.txt", folder / "loop-a.txt")
    os.symlink(folder / "loop-a.txt", folder / "loop-b.txt")
    expects += [
        Expect(str(folder / n), "rejected", ("unreadable_file",))
        for n in ("loop-a.txt", "loop-b.txt")
    ]
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")
        expects.append(Expect(str(folder / "pipe.txt"), "rejected", ("unreadable_file",)))
    os.symlink(folder / "good.txt", folder / "link-to-good.txt")
    expects.append(Expect(str(folder / "link-to-good.txt"), "duplicate"))
    return expects


def _url_entries(base: str) -> list[tuple[str, Expect]]:
    """(line of the URL list, expectation). Repeats in the list are duplicates, not rejects."""

    def bad(url: str, *reasons: str) -> tuple[str, Expect]:
        return url, Expect(url, "rejected", reasons)

    redirect_reasons = ("unsupported_scheme", "malformed_url", "blocked_address", "http_error")
    return [
        (f"{base}/hostile/deep-divs", Expect(f"{base}/hostile/deep-divs", "new")),
        bad(f"{base}/hostile/control-bytes", "binary_file"),
        (f"{base}/hostile/nul-late", Expect(f"{base}/hostile/nul-late", "new")),
        bad(f"{base}/hostile/empty", "malformed_html"),
        bad(f"{base}/hostile/script-only", "empty_text"),
        (f"{base}/hostile/bad-links.rss", Expect(f"{base}/hostile/bad-links.rss#full-2", "new")),
        ("", Expect("http://[::1/other-entry", "rejected", ("malformed_url",))),  # from that feed
        bad(f"{base}/hostile/laughs.rss", "malformed_feed"),
        (
            f"{base}/hostile/xxe.rss",
            Expect(f"{base}/hostile/xxe.rss#0", "rejected", ("empty_text",)),
        ),
        bad(f"{base}/hostile/gzip-bomb", "oversize"),
        bad(f"{base}/hostile/redirect-malformed", *redirect_reasons),
        bad(f"{base}/hostile/redirect-file", "unsupported_scheme"),
        bad(f"{base}/hostile/deep.json", "unsupported_content_type"),
        bad(f"{base}/binary", "binary_file"),
        bad(f"{base}/missing", "http_error"),
        bad(f"{base}/loop-a", "redirect_loop"),
        bad(f"{base}/huge", "oversize"),
        bad("http://[::1", "malformed_url"),
        ("http://[::1", Expect("http://[::1", "duplicate")),  # the same bad URL again
        bad("https://[not-an-ip]/x", "malformed_url"),
        bad("http://h:99999999/", "malformed_url"),
        bad("ftp://files.example/report.txt", "unsupported_scheme"),
        bad("file:///etc/passwd", "unsupported_scheme"),
        bad("javascript:alert(1)", "unsupported_scheme"),
        (f"{base}/articles/airstrike.html", Expect(f"{base}/articles/airstrike.html", "new")),
        (f"{base}/articles/airstrike.html?utm_source=x", Expect("", "duplicate")),
    ]


def write_corpus(folder: Path, server_url: str) -> tuple[Path, list[Expect]]:
    """Write the file entries under `folder` and a URL list beside it; (URL list, expectations)."""
    folder.mkdir(parents=True, exist_ok=True)
    expects: list[Expect] = []
    for name, data, outcomes in _file_entries(server_url):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        for suffix, outcome, reasons in outcomes:
            origin = suffix if suffix.startswith("http") else str(path) + suffix
            warning = reasons == ("warning",)
            expects.append(Expect(origin, outcome, () if warning else reasons, warning))
    expects += _special_entries(folder)
    urls = _url_entries(server_url)
    url_list = folder.parent / "urls.txt"
    url_list.write_text("\n".join(line for line, _ in urls if line) + "\n", encoding="utf-8")
    return url_list, expects + [expect for _, expect in urls]


@cache
def _gzip_bomb() -> bytes:
    return gzip.compress(b"\x00" * (32 * 1024 * 1024), compresslevel=9)


def page(server_url: str, path: str) -> tuple[int, bytes, str, dict]:
    """(status, body, content type, headers) of a hostile page; 404 for an unknown path."""
    name = path.removeprefix("/hostile/")
    html = "text/html; charset=utf-8"
    other_entry = (
        "<item><title>Full</title><guid>full-2</guid><content:encoded><![CDATA[<p>"
        + story("served-feed-full")
        + "</p>]]></content:encoded></item><item><title>Bad</title><guid>bad-2</guid>"
        "<link>http://[::1/other-entry</link><description>teaser</description></item>"
    )
    pages = {
        "deep-divs": (200, _deep_html(story("served-deep")).encode(), html, {}),
        "control-bytes": (200, bytes(range(1, 32)) * 200, "text/plain", {}),
        "nul-late": (
            200,
            b"<html><body><p>"
            + (story("served-nul") + " ").encode() * 60
            + b"\x00</p></body></html>",
            html,
            {},
        ),
        "empty": (200, b"", html, {}),
        "script-only": (200, b"<html><body><script>var a = 1;</script></body></html>", html, {}),
        "bad-links.rss": (200, _rss(other_entry).encode(), "application/rss+xml", {}),
        "laughs.rss": (200, _billion_laughs().encode(), "application/rss+xml", {}),
        "xxe.rss": (200, XXE.encode(), "application/rss+xml", {}),
        "deep.json": (200, b"[" * DEEP + b"]" * DEEP, "application/json", {}),
        "redirect-malformed": (302, b"", html, {"Location": "http://[::1"}),
        "redirect-file": (302, b"", html, {"Location": "file:///etc/passwd"}),
    }
    if name == "gzip-bomb":
        return 200, _gzip_bomb(), html, {"Content-Encoding": "gzip"}
    return pages.get(name, (404, b"no such hostile page", "text/plain", {}))
