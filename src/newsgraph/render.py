"""A readable analysis of one record for the terminal (`newsgraph read`), with rich.

Each layer is shown when the record has it: the article, then names, quotes, times, places,
events and flags. Works on the contract record, so it shows exactly what `--json` would print.
"""
from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

EXCERPT_CHARS = 600


def _snippet(text: str, span: dict | None, limit: int = 80) -> str:
    if not span:
        return ""
    s = " ".join(text[span["start"]:span["end"]].split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def article_panel(rec: dict) -> Panel:
    text = rec.get("text") or ""
    lines = Text()
    lines.append(rec.get("title") or "(no headline found)", style="bold")
    lines.append("\n")
    meta = [("published", rec.get("published") or "unknown"), ("language", rec.get("language") or "?")]
    for key in ("outlet", "url"):
        if rec.get(key):
            meta.append((key, rec[key]))
    if rec.get("authors"):
        meta.append(("by", ", ".join(rec["authors"])))
    lines.append("  ".join(f"{k}: {v}" for k, v in meta), style="dim")
    body = rec.get("body")
    if body:
        excerpt = text[body["start"]:body["end"]].strip()
        lines.append(f"\n\nbody {body['start']}–{body['end']} "
                     f"({body['end'] - body['start']} of {len(text)} characters)\n", style="dim")
        lines.append(excerpt[:EXCERPT_CHARS] + ("…" if len(excerpt) > EXCERPT_CHARS else ""))
    if rec.get("error"):
        lines.append(f"\n\nerror: {rec['error']}", style="bold red")
    return Panel(lines, title=f"[b]{rec.get('id')}[/b]", expand=True)


def entities_table(rec: dict) -> Table | None:
    if not rec.get("entities"):
        return None
    text = rec["text"]
    table = Table(title="Names", title_justify="left")
    for col in ("id", "name", "label", "other names", "role", "code", "mentions"):
        table.add_column(col)
    for ent in rec["entities"]:
        names = sorted({" ".join(text[m["start"]:m["end"]].split()) for m in ent["mentions"]} - {ent["name"]})
        actor = ent.get("actor") or {}
        table.add_row(ent["id"], ent["name"], ent["label"], ", ".join(names[:4]),
                      actor.get("role") or "", actor.get("code") or "", str(len(ent["mentions"])))
    return table


def quotes_table(rec: dict) -> Table | None:
    if not rec.get("quotes"):
        return None
    text, names = rec["text"], {e["id"]: e["name"] for e in rec.get("entities", [])}
    table = Table(title="Quotes by speaker", title_justify="left")
    for col in ("speaker", "via", "kind", "cue", "content"):
        table.add_column(col, overflow="fold")
    rows = sorted(rec["quotes"], key=lambda q: (names.get(q.get("speaker")) or
                                                _snippet(text, q.get("source")) or "~"))
    for q in rows:
        speaker = names.get(q.get("speaker")) or _snippet(text, q.get("source")) or "?"
        via = " ← ".join(names.get(v.get("entity")) or text[v["start"]:v["end"]] for v in q.get("via", []))
        table.add_row(speaker, via, q["kind"], _snippet(text, q.get("cue"), 30),
                      _snippet(text, q["content"], 100))
    return table


def times_table(rec: dict) -> Table | None:
    if not rec.get("times"):
        return None
    table = Table(title="Timeline", title_justify="left")
    for col in ("value", "type", "expression"):
        table.add_column(col)
    for t in sorted(rec["times"], key=lambda t: (t.get("value") or "~", t["start"])):
        table.add_row(t.get("value") or "?", t["type"], _snippet(rec["text"], t))
    return table


def places_table(rec: dict) -> Table | None:
    if not rec.get("places"):
        return None
    table = Table(title="Places", title_justify="left")
    for col in ("name", "country", "feature", "lat", "lon", "geonameid"):
        table.add_column(col)
    for p in rec["places"]:
        lat = "" if p.get("lat") is None else f"{p['lat']:.3f}"
        lon = "" if p.get("lon") is None else f"{p['lon']:.3f}"
        table.add_row(p["name"], p.get("country_code") or "", p.get("feature_code") or "",
                      lat, lon, str(p.get("geonameid") or ""))
    return table


def events_table(rec: dict) -> Table | None:
    if not rec.get("events"):
        return None
    text, names = rec["text"], {e["id"]: e["name"] for e in rec.get("entities", [])}
    places = rec.get("places", [])
    table = Table(title="Events", title_justify="left")
    for col in ("date", "event", "actor → recipient", "place", "status", "source", "sentence"):
        table.add_column(col, overflow="fold")
    for ev in rec["events"]:
        evidence = len(ev.get("evidence") or [])
        sentence = _snippet(text, ev.get("sentence"), 90) + (f"  (told {evidence}×)" if evidence > 1 else "")
        who = ", ".join(names.get(a, a) for a in ev.get("actor", [])) or "?"
        whom = ", ".join(names.get(a, a) for a in ev.get("recipient", []))
        place = places[ev["place"]]["name"] if isinstance(ev.get("place"), int) and ev["place"] < len(places) else ""
        table.add_row(ev.get("date") or "", ev["event"] + (f"/{ev['mode']}" if ev.get("mode") else ""),
                      who + (f" → {whom}" if whom else ""), place, ev.get("status") or "",
                      event_sources(rec, ev, names), sentence)
    return table


def event_sources(rec: dict, ev: dict, names: dict) -> str:
    """Who reports an event, by name: a quote's speaker (and the outlet it came through) or an
    entity; every source when the story reports it several times."""
    quotes = {q["id"]: q for q in rec.get("quotes", [])}
    out = []
    for ref in ev.get("reported_by") or ([ev["attributed_to"]] if ev.get("attributed_to") else []):
        q = quotes.get(ref)
        if q is None:
            label = names.get(ref, ref)
        else:
            label = names.get(q.get("speaker")) or _snippet(rec["text"], q.get("source")) or ref
            via = [names.get(v.get("entity")) or rec["text"][v["start"]:v["end"]] for v in q.get("via", [])]
            label += "".join(f" ← {v}" for v in via)
        if label not in out:
            out.append(label)
    return "; ".join(out)


def flags_table(rec: dict) -> Table | None:
    if not rec.get("flags"):
        return None
    table = Table(title="Flags", title_justify="left")
    for col in ("kind", "text", "note"):
        table.add_column(col, overflow="fold")
    for f in rec["flags"]:
        table.add_row(f["kind"], _snippet(rec["text"], f), f.get("note") or "")
    return table


LAYERS = (entities_table, quotes_table, times_table, places_table, events_table, flags_table)


def render_record(rec: dict, console: Console | None = None) -> None:
    """Print the analysis of one record."""
    console = console or Console()
    parts = [article_panel(rec)] + [t for t in (layer(rec) for layer in LAYERS) if t is not None]
    console.print(Group(*parts))
