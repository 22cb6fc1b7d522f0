"""The words of a digest item: headline, place, casualty figures, corroboration.

Pure functions over one warehouse digest item (a dict); every value that came from an
article is passed through `one_line` so that nothing downstream sees a line break.
"""
from __future__ import annotations

import re
from typing import Any, Mapping

from alerts.text import one_line

UNNAMED = "an unnamed group"

# (asserted, hedged, denied) phrasing per claim type; {s} subject, {o} object.
_PHRASES = {
    "pledge": (
        "{s} pledged allegiance to {o}",
        "{s} reportedly pledged allegiance to {o}",
        "{s} denies pledging allegiance to {o}",
    ),
    "split": (
        "{s} split from {o}",
        "{s} reportedly split from {o}",
        "{s} denies splitting from {o}",
    ),
    "merger": (
        "{m} merged into {o}",
        "{m} reportedly merged into {o}",
        "{m} deny merging into {o}",
    ),
}
_POLARITY_INDEX = {"asserted": 0, "hedged": 1, "denied": 2}
POLARITY_LABELS = {"asserted": "asserted", "hedged": "reported, not confirmed", "denied": "denied"}


def name(item: Mapping[str, Any], key: str) -> str:
    """The party's name on one line, or '' when the item has none."""
    return one_line(item.get(key))


def members(item: Mapping[str, Any]) -> list[str]:
    """Names of the merging groups, cleaned, empties dropped."""
    return [m for m in (one_line(x) for x in item.get("members") or ()) if m]


def join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(names) <= 1:
        return names[0] if names else ""
    return ", ".join(names[:-1]) + " and " + names[-1]


# A place relative to the country in context, as the extractor keeps it ("north of the
# country", "nord du pays"): said of the country itself ("the north of Mali").
_RELATIVE_PLACE = re.compile(r"(?:the\s+|le\s+)?(.+?)\s+(?:of\s+the\s+country|du\s+pays)", re.IGNORECASE)
_DIRECTIONS = {"nord": "north", "sud": "south", "est": "east", "ouest": "west", "center": "centre"}


def place_label(item: Mapping[str, Any]) -> str:
    """'Tizi Ouzou, Algeria', 'the north of Mali', or whichever of place and country is known, or ''."""
    place, country = one_line(item.get("place")), one_line(item.get("country"))
    relative = _RELATIVE_PLACE.fullmatch(place) if place and country else None
    if relative:
        part = relative.group(1).lower()
        return f"the {_DIRECTIONS.get(part, part)} of {country}"
    if place and country and place.casefold() != country.casefold():
        return f"{place}, {country}"
    return place or country


def figures_label(item: Mapping[str, Any]) -> str:
    """'11 killed, 5 wounded, 2 kidnapped' from the figures that are known, or ''."""
    parts = [
        f"{item[key]} {key}"
        for key in ("killed", "wounded", "kidnapped")
        if isinstance(item.get(key), int)
    ]
    return ", ".join(parts)


def corroboration_label(n_sources: int) -> str:
    """'1 source' / '3 independent sources'."""
    if n_sources <= 1:
        return "1 source"
    return f"{n_sources} independent sources"


def headline(item: Mapping[str, Any]) -> str:
    """One line stating the event, e.g. 'Jund al-Khilafah pledged allegiance to Islamic State'."""
    if item.get("type") == "attack":
        return _attack_headline(item)
    return _relation_headline(item)


def _relation_headline(item: Mapping[str, Any]) -> str:
    kind = item.get("type")
    if kind not in _PHRASES:
        return f"{one_line(kind) or 'Event'}: {name(item, 'subject_name') or UNNAMED}"
    if kind == "merger" and not members(item):
        return f"Merger announced: {name(item, 'object_name') or UNNAMED}"
    phrase = _PHRASES[kind][_POLARITY_INDEX.get(item.get("polarity"), 0)]
    text = phrase.format(
        s=name(item, "subject_name") or UNNAMED,
        o=name(item, "object_name") or "an unnamed group",
        m=join_names(members(item)),
    )
    return text[0].upper() + text[1:]


def _attack_headline(item: Mapping[str, Any]) -> str:
    perpetrator, place = name(item, "subject_name"), place_label(item)
    if item.get("polarity") == "denied" and perpetrator:
        text = f"{perpetrator} denies an attack" + (f" in {place}" if place else "")
    else:
        text = "Attack"
        if perpetrator:
            by = "reportedly by" if item.get("polarity") == "hedged" else "by"
            text += f" {by} {perpetrator}"
        text += f" in {place}" if place else ""
    figures = figures_label(item)
    return f"{text}: {figures}" if figures else text


def watch_label(names: list[str], n_related: int, types: list[str], countries: list[str],
                unmatched: list[str] = ()) -> str:
    """What a watchlist follows, in words; '' when it follows everything.

    'JNIM and ISGS, with 7 related groups and leaders · pledges, attacks · Mali, Niger'.
    """
    parts = []
    if len(names) > len(unmatched):
        text = join_names([one_line(n) for n in names if n not in unmatched])
        if n_related > 0:
            text += f", with {n_related} related group{'s' if n_related != 1 else ''} and leaders"
        parts.append(text)
    if types:
        parts.append(", ".join(f"{one_line(t)}s" for t in types))
    if countries:
        parts.append(", ".join(one_line(c) for c in countries))
    if unmatched:
        parts.append("not in the knowledge base: " + ", ".join(one_line(u) for u in unmatched))
    return " · ".join(parts)
