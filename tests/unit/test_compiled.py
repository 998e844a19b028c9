"""The extractor's Cython builds: loaded only for the source they were built from, and they give
exactly the rows that plain Python gives."""

import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from transforms import compiled

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "gold"

# Rows of every sample and gold text (the first 400 of each gold set), extracted in a fresh
# process; prints whether the extractor ran compiled and a digest of the rows.
EXTRACT_ALL = """
import hashlib, json, sys
from pathlib import Path
import transforms.places
from transforms.compiled import is_compiled
from transforms.extract import extract_article

texts = [json.loads(p.read_text())["text"] for p in sorted(Path("data/samples").glob("*.json"))]
for path in sorted(Path(sys.argv[1]).glob("*.jsonl")):
    with path.open() as lines:
        texts += [json.loads(line)["text"] for _, line in zip(range(400), lines)]
digest = hashlib.sha256()
for number, text in enumerate(texts):
    rows = extract_article({"article_id": str(number), "body": text, "published_at": "2024-05-01"})
    digest.update(repr(rows).encode())
print(json.dumps([is_compiled(transforms.places), len(texts), digest.hexdigest()]))
"""


def _extract_all(**env: str) -> tuple[bool, int, str]:
    environment = {k: v for k, v in os.environ.items() if k != "CONFLICT_EVENTS_PURE_PYTHON"}
    run = subprocess.run(
        [sys.executable, "-c", EXTRACT_ALL, str(GOLD)],
        cwd=ROOT,
        env=environment | env,
        capture_output=True,
        text=True,
        check=True,
    )
    return tuple(json.loads(run.stdout))


def _built() -> bool:
    return all(compiled.binary_path(m).is_file() for m in compiled.COMPILED_MODULES)


@pytest.mark.skipif(not _built(), reason="no compiled extractor (make compile)")
def test_the_compiled_extractor_gives_the_rows_plain_python_gives():
    fast = _extract_all()
    plain = _extract_all(CONFLICT_EVENTS_PURE_PYTHON="1")
    assert fast[0] is True and plain[0] is False  # each ran as it should
    assert fast[1] == plain[1] > 1
    assert fast[2] == plain[2]


def test_a_binary_is_loaded_only_for_the_source_it_was_built_from(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICT_EVENTS_COMPILED_DIR", str(tmp_path))
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    (tmp_path / f"places-0123456789abcdef{suffix}").write_bytes(b"built from an older places.py")
    assert compiled.CompiledFinder.find_spec("transforms.places") is None

    current = compiled.binary_path("places")
    assert current.parent == tmp_path
    current.write_bytes(b"built from places.py as it is")
    spec = compiled.CompiledFinder.find_spec("transforms.places")
    assert spec.origin == str(current)
    assert isinstance(spec.loader, importlib.machinery.ExtensionFileLoader)


def test_only_the_listed_modules_of_transforms_are_looked_for(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICT_EVENTS_COMPILED_DIR", str(tmp_path))
    compiled.binary_path("places").write_bytes(b"")
    assert compiled.CompiledFinder.find_spec("flows.places") is None
    assert compiled.CompiledFinder.find_spec("transforms.feeds") is None


def test_plain_python_is_kept_when_asked(monkeypatch):
    monkeypatch.setattr(
        sys, "meta_path", [f for f in sys.meta_path if f is not compiled.CompiledFinder]
    )
    monkeypatch.setenv("CONFLICT_EVENTS_PURE_PYTHON", "1")
    compiled.install()
    assert compiled.CompiledFinder not in sys.meta_path
    monkeypatch.delenv("CONFLICT_EVENTS_PURE_PYTHON")
    compiled.install()
    compiled.install()
    assert sys.meta_path.count(compiled.CompiledFinder) == 1
