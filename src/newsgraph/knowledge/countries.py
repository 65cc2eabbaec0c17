"""The one country table, `knowledge/countries.tsv`, loaded once for every layer that needs
countries: the places gazetteer reads a country's point and names by its alpha-2 code, the
actors layer its names, demonyms, capitals and territories by its alpha-3 code."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

from . import TableError, read_table, split_cell

COUNTRY_COLUMNS = ("iso3", "iso2", "name", "lat", "lon", "actor", "aliases", "demonyms",
                   "capitals", "territories")


@dataclass(frozen=True)
class Country:
    """One row: a state, a dependent territory or a former state."""

    iso3: str
    iso2: Optional[str]  # None for a former state (SUN, YUG): no place of the gazetteer
    name: str  # the short English name the actors layer writes ("Czech Republic")
    lat: Optional[float]
    lon: Optional[float]
    actor: bool  # the actors layer codes its names (a dependent territory may be a place only)
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    territories: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.name, *self.aliases)


@functools.lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every row of the table, in file order (cached)."""
    return tuple(_country(r) for r in read_table("countries.tsv", COUNTRY_COLUMNS))


def _country(r) -> Country:
    if r.actor not in ("0", "1"):
        raise TableError(f"countries.tsv: {r.iso3}: actor is {r.actor!r}, not 0 or 1")
    return Country(r.iso3, r.iso2 or None, r.name,
                   float(r.lat) if r.lat else None, float(r.lon) if r.lon else None,
                   r.actor == "1",
                   *(tuple(split_cell(cell)) for cell in
                     (r.aliases, r.demonyms, r.capitals, r.territories)))
