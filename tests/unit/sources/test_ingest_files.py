"""Reading a folder of mixed good and bad files: every file gives articles or rejects."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from sources import files as sources
from sources.files import discover, read_file
from transforms.ingest.articles import MAX_PAYLOAD_CHARS, reject_row

ENGLISH = (
    "Gunmen attacked a police checkpoint near the town of Gao in northern Mali on Sunday, "
    "killing four officers and wounding two others, the security ministry said. "
    "The attackers fled on motorbikes towards the border, a local official said."
)
FRENCH = (
    "Des hommes armés ont attaqué un poste de police près de la ville de Gao dimanche, "
    "tuant quatre policiers et en blessant deux autres, a indiqué le ministère de la sécurité."
)
HTML = """<html><head><title>Checkpoint attack in Gao | Test Daily</title>
<link rel="canonical" href="https://daily.example/gao-attack?utm_source=tw">
<meta property="article:published_time" content="2024-01-07T09:30:00+00:00"></head>
<body><nav>Home | World | Sport | Weather</nav><article><h1>Checkpoint attack in Gao</h1>
<p>{0}</p><p>Residents said shops stayed closed on Monday as troops patrolled the streets.</p>
</article><footer>Subscribe to our newsletter for daily updates</footer></body></html>"""
FEED = """<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
<id>urn:wire</id><updated>2024-01-08T00:00:00Z</updated>
<entry><title>Gao attack</title><id>urn:wire:1</id><link href="https://wire.example/gao"/>
<updated>2024-01-08T07:00:00Z</updated><content type="html">&lt;p&gt;{0}&lt;/p&gt;</content></entry>
<entry><title>Summary only</title><id>urn:wire:2</id><link href="https://wire.example/other"/>
<updated>2024-01-08T08:00:00Z</updated><summary>A short teaser.</summary></entry>
</feed>"""


def _write(folder, name: str, data: str | bytes) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(path)


@pytest.fixture
def folder(tmp_path):
    smart = ENGLISH.replace("four", "fourteen").replace(
        "the security ministry said", "\u201cthe ministry\u201d said \u2014 again"
    )
    files = {
        "plain.txt": ENGLISH,
        "nested/deeper/notes.md": "# Notes\n\n" + ENGLISH.replace("four", "five"),
        "bom.txt": b"\xef\xbb\xbf" + ENGLISH.replace("four", "six").encode(),
        "windows.txt": smart.encode("cp1252"),
        "latin.txt": ("Caf\u00e9 owner said: " + ENGLISH.replace("four", "seven")).encode(
            "latin-1"
        ),
        "page.html": HTML.format(ENGLISH.replace("four", "eight")),
        "wire.atom": FEED.format(ENGLISH.replace("four", "nine")),
        "list.json": json.dumps(
            [
                {
                    "body": ENGLISH.replace("four", "ten"),
                    "headline": "Ten",
                    "pubDate": "Mon, 08 Jan 2024 10:00:00 GMT",
                },
                {
                    "content": ENGLISH.replace("four", "eleven"),
                    "link": "https://x.example/11",
                    "source": "X",
                },
                ["not", "an", "object"],
            ]
        ),
        "rows.jsonl": json.dumps({"text": ENGLISH.replace("four", "twelve")}) + "\n{broken\n\n",
        "table.csv": "Title,Text,URL,date\n"
        f'"Thirteen","{ENGLISH.replace("four", "thirteen")}",https://c.example/13,2024-01-09\n'
        '"short row only"\n',
        "no_body_column.csv": "title,url\nA,https://a.example\n",
        "broken.json": "{not json",
        "empty.txt": "   \n\t\n",
        "binary.txt": b"\x00\x01\x02PK\x03\x04" * 100,
        "french.txt": FRENCH,
        "broken.rss": "<rss><channel><item><title>unterminated",
        "junk.html": "just words, no markup at all",
        "ignored.pdf": b"%PDF-1.4 not a supported suffix",
    }
    for name, data in files.items():
        _write(tmp_path, name, data)
    return tmp_path


def _read_all(folder) -> tuple[list[dict], list[dict], list]:
    articles, rejects, pages = [], [], []
    for path in discover([str(folder)]):
        found = read_file(path)
        articles += found.articles
        rejects += found.rejects
        pages += found.pages
    return articles, rejects, pages


def test_a_mixed_folder_gives_every_good_article_and_a_reject_per_bad_item(folder):
    paths = discover([str(folder)])
    assert not any(p.endswith("ignored.pdf") for p in paths)
    assert any(p.endswith("notes.md") for p in paths)  # directories are read recursively
    articles, rejects, pages = _read_all(folder)
    numbers = [
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
    ]
    bodies = " ".join(a["body"] for a in articles)
    for number in numbers:
        assert f"killing {number} officers" in bodies, number
    assert len(articles) == len(numbers)
    reasons = sorted((r["reason"], r["origin"].split("/")[-1]) for r in rejects)
    assert reasons == [
        ("binary_file", "binary.txt"),
        ("empty_text", "empty.txt"),
        ("malformed_csv", "no_body_column.csv"),
        ("malformed_csv", "table.csv:3"),
        ("malformed_feed", "broken.rss"),
        ("malformed_html", "junk.html"),
        ("malformed_json", "broken.json"),
        ("malformed_json", "rows.jsonl:2"),
        ("malformed_record", "list.json#2"),
        ("unsupported_language", "french.txt"),
    ]
    assert [p.link for p in pages] == ["https://wire.example/other"]  # summary-only entry


def test_fields_are_mapped_and_encodings_detected(folder):
    articles, _, _ = _read_all(folder)
    by_number = {a["body"].split("killing ")[1].split()[0]: a for a in articles}
    assert "\u201cthe ministry\u201d said \u2014 again" in by_number["fourteen"]["body"]  # cp1252
    assert by_number["seven"]["body"].startswith("Caf\u00e9 owner")  # latin-1
    assert not by_number["six"]["body"].startswith("\ufeff")  # BOM removed
    assert by_number["ten"]["title"] == "Ten"
    assert by_number["ten"]["published_at"].isoformat() == "2024-01-08T10:00:00"
    assert by_number["eleven"]["url"] == "https://x.example/11"
    assert by_number["eleven"]["source_name"] == "X"
    assert by_number["thirteen"]["url"] == "https://c.example/13"
    assert by_number["thirteen"]["title"] == "Thirteen"
    page = by_number["eight"]
    assert page["title"] == "Checkpoint attack in Gao"
    assert page["url"] == "https://daily.example/gao-attack"  # canonical, tracker removed
    assert page["published_at"].date().isoformat() == "2024-01-07"
    assert "Subscribe" not in page["body"] and "Weather" not in page["body"]
    assert "troops patrolled" in page["body"]
    entry = by_number["nine"]
    assert entry["published_at"].isoformat() == "2024-01-08T07:00:00"  # from the entry
    assert entry["origin"].endswith("wire.atom#urn:wire:1")
    assert {a["language"] for a in articles} == {"en"}


def test_a_rejected_language_keeps_the_body_and_rejects_are_stable(folder):
    _, rejects, _ = _read_all(folder)
    french = next(r for r in rejects if r["reason"] == "unsupported_language")
    assert FRENCH in json.loads(french["payload"])["text"]
    _, again, _ = _read_all(folder)
    assert sorted(r["reject_id"] for r in again) == sorted(r["reject_id"] for r in rejects)


def test_oversize_files_and_payloads_are_truncated(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 10_000)
    path = _write(tmp_path, "big.txt", "x" * 20_000)
    [reject] = read_file(path).rejects
    assert reject["reason"] == "oversize" and reject["payload"].startswith("xxx")
    row = reject_row("ingest", "oversize", "d", "o", "y" * (MAX_PAYLOAD_CHARS + 10))
    assert len(row["payload"]) == MAX_PAYLOAD_CHARS


def test_a_missing_source_is_a_usage_error_and_urls_are_left_to_the_fetcher(tmp_path):
    with pytest.raises(sources.SourceError):
        discover([str(tmp_path / "nope")])
    assert discover(["https://example.org/feed.rss"]) == []


def _listed_by_pathlib(source: str) -> list[str]:
    """discover's list as rglob spells it: the paths are stored as origins, so a faster walk
    must give the very same strings."""
    found = Path(source).rglob("*")
    return sorted(
        str(p) for p in found if p.suffix.lower() in sources.SUPPORTED_SUFFIXES and not p.is_dir()
    )


def test_discover_lists_what_rglob_lists_spelled_the_same(tmp_path, monkeypatch):
    for name in ["x.json", "a/y.TXT", "a/b/z.html", ".hidden/h.json", "real/r.json", "noext"]:
        _write(tmp_path, name, b"{}")
    (tmp_path / "a" / "folder.json").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "a" / "linked_folder")  # not followed
    os.symlink(tmp_path / "x.json", tmp_path / "a" / "link.json")
    os.symlink(tmp_path / "nowhere.json", tmp_path / "a" / "broken.json")
    os.symlink(tmp_path / "a" / "loop.json", tmp_path / "a" / "loop.json")
    os.mkfifo(tmp_path / "a" / "fifo.json")
    for source in [str(tmp_path), f"{tmp_path}/", f"{tmp_path}//a"]:
        assert discover([source]) == _listed_by_pathlib(source)
    monkeypatch.chdir(tmp_path)
    for source in [".", "./a", "a/"]:
        assert discover([source]) == _listed_by_pathlib(source)
    assert "a/loop.json" in discover(["."]) and "a/fifo.json" in discover(["."])
    assert not any("linked_folder" in p for p in discover(["."]))
