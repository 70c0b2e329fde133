"""Write ontology/gazetteer/officials_phoenix.jsonl: leaders and officials from the Phoenix dictionaries.

Phoenix.Countries.actors.txt (openeventdata/petrarch2, MIT; generated in January 2014 from the
CountryInfo file of the Computational Event Data System project) lists about 18,000 national
officials with dated codes such as ``[UGAGOV >860126]``: member of Uganda's government from
1986-01-26 on. The codes say "government" (with a sector: GOVMIL, GOVEDU...), never the office,
so every imported office has the role "Government member" and role class "other".
Phoenix.International.actors.txt codes officials of international organizations the same way
(``[IGOWSTNAT 951205-991006]``: NATO); those of organizations we know become "Official" offices.
Only dated intervals are carried over; undated codes and elite/opposition codes (ELI, OPP...)
are not. An interval still open in Phoenix has ``end`` null: it was current in January 2014.

People already in officials.jsonl (any folded name form in common) are skipped: that file is
edited by hand and has precise offices. Entries with one name and one state are merged. A name
two records share is listed in ``ambiguous_aliases`` of both. A surname is given (so a bare
"Kagame" can be linked on a date he was in office) unless it is short, East Asian (family name
first), or a word the gazetteer or news use otherwise (see SURNAME_STOP).

Run: /work/venv/bin/python bench/gazetteer/import_phoenix_officials.py [--cabinets]
(byte-identical output; see CABINET_ROLLS for what --cabinets adds and costs)
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from check_officials_phoenix import PHOENIX, Span, norm, parse_codes  # noqa: E402
from phoenix_names import SURNAME_STOP, cased, surname, variants  # noqa: E402,F401

GAZ = Path(__file__).resolve().parents[2] / "ontology" / "gazetteer"
OUT = GAZ / "officials_phoenix.jsonl"
SOURCE = "Phoenix actor dictionaries, 2014 (openeventdata/petrarch2, MIT)"
ROLE = "Government member"
IGO_ROLE = "Official"
# Phoenix.International.actors.txt codes officials of international organizations as "IGO" plus
# sub-codes; those that name one of our organizations (longest prefix wins).
IGO_CODES = {"UNO": "un", "UNOREFHCR": "unhcr", "UNODEVWBK": "world_bank", "UNOHLHWHO": "who",
             "UNOIAE": "iaea", "UNOKID": "unicef", "UNOLABILO": "ilo", "BUSIMF": "imf", "BUSOPC": "opec",
             "EUREEC": "eu", "WSTNAT": "nato", "SEAASN": "asean", "AFRAFU": "african_union", "OAS": "oas",
             "SASSAA": "saarc", "EURDEVEBR": "ebrd", "ASADEVADB": "adb", "EAFEAC": "eac", "SAFDEVSAD": "sadc"}
SINCE = date(1990, 1, 1)  # people with government service on or after this day
# CountryInfo lists whole cabinets only from 2003-01-01; before that, essentially heads of state
# and government. See wanted() for who is imported by default (about 2,250 people); --cabinets
# imports every cabinet member too (about 16,000: the gazetteer then loads five times slower).
CABINET_ROLLS = "2003-01-01"
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")
EXTRA_CODES = {"USR": "soviet_union", "SUN": "soviet_union", "YUG": "yugoslavia",
               "SCG": "serbia_and_montenegro", "FRY": "serbia_and_montenegro", "SRP": "serbia",
               "DDR": "east_germany", "GDR": "east_germany"}


@dataclass
class Entry:
    """One Phoenix entry: its name forms (folded) and its dated government codes."""

    name: str
    aliases: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    countryinfo: bool = True  # generated from CountryInfo (False: added to Phoenix by hand)

    def prominent(self) -> bool:
        """Added by hand, or with an elite (ELI) code: CountryInfo gives those to the political
        figures it has a biography for (heads of state and government, party leaders), not to
        every cabinet member."""
        return not self.countryinfo or any(s.sector == "ELI" for s in self.spans)


def read_entries(path: Path) -> list[Entry]:
    """Every entry of a TABARI actor file (people are those with dated government codes)."""
    out: list[Entry] = []
    current: Entry | None = None
    for raw in path.read_text(encoding="latin-1").splitlines():
        comment = raw.split("#", 1)[1] if "#" in raw else ""
        line = raw.split("#", 1)[0].rstrip()
        head = line.split("[", 1)[0].strip()
        if line[:1] not in ("", "\t", " ", "+") and head:
            current = Entry(head, countryinfo="CountryInfo" in comment)
            out.append(current)
        elif current and line.startswith("+") and head:
            current.countryinfo = current.countryinfo or "CountryInfo" in comment
            current.aliases.append(head[1:])
        if current:
            current.spans.extend(parse_codes(line))
    return out


def state_codes() -> dict[str, str]:
    codes = dict(EXTRA_CODES)
    for line in (GAZ / "states.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec.get("iso3") and not rec.get("end"):
            codes.setdefault(rec["iso3"], rec["id"])
    return codes


def body_of(s: Span, codes: dict[str, str]) -> tuple[str, str] | None:
    """(gazetteer id, role) of a Phoenix code: a known state's government, or a known IGO."""
    if s.country == "IGO":
        key = max((k for k in IGO_CODES if s.sector.startswith(k)), key=len, default=None)
        return (IGO_CODES[key], IGO_ROLE) if key else None
    state = codes.get(s.country)
    return (state, ROLE) if state and s.sector.startswith("GOV") else None


def offices(entry: Entry, codes: dict[str, str]) -> list[dict]:
    """Dated government and IGO intervals, as gazetteer offices (sorted, deduplicated)."""
    seen = set()
    for s in entry.spans:
        body = body_of(s, codes)
        if body and (s.start or s.end):
            seen.add((body[0], s.start.isoformat() if s.start else "", s.end.isoformat() if s.end else "",
                      s.sector, body[1]))
    out = []
    for st, a, b, sector, role in sorted(seen, key=lambda t: (t[1], t[0], t[2], t[3])):
        office = {"role": role, "role_class": "other", "of": st, "start": a or None, "end": b or None}
        if sector == "GOVMIL":  # Phoenix's defence and security sector (defence, security ministers)
            office["sector"] = sector
        out.append(office)
    return out


def wanted(entry: Entry, offs: list[dict], cabinets: bool) -> bool:
    """Service on or after SINCE by a prominent person (see Entry.prominent), or service that
    began before CountryInfo's cabinet rolls or was in the defence and security sector (GOVMIL);
    any such service with ``cabinets``."""
    keep = cabinets or entry.prominent()
    return any((o["end"] is None or o["end"] >= SINCE.isoformat())
               and (keep or (o["start"] or "") < CABINET_ROLLS or o.get("sector") == "GOVMIL")
               for o in offs)


def existing_forms() -> tuple[set[str], set[str], set[str]]:
    """(folded official forms, ids of every file, words a surname must not be: those of every
    non-official surface form, and the curated officials' surnames, so that a bare "Annan" keeps
    going to the one officials.jsonl knows)."""
    folded, ids, other = set(), set(), set()
    for path in sorted(GAZ.glob("*.jsonl")):
        if path == OUT:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            ids.add(rec["id"])
            forms = [rec["label"], *rec.get("aliases", [])]
            if rec["type"] == "Official":
                folded.update(norm(f) for f in forms)
                other.update([rec["surname"]] if rec.get("surname") else [])
            else:
                for key in ("adjectives", "demonyms", "metonyms", "prefixes"):
                    forms += rec.get(key) or []
                other.update(w for f in forms for w in f.split())
    return folded, ids, other


def slug(text: str) -> str:
    return re.sub(r"_+", "_", re.sub(r"[^a-z0-9]+", "_", norm(text).lower())).strip("_")


def candidates(entries: list[Entry], codes: dict[str, str], known: set[str],
               cabinets: bool = False) -> dict[tuple[str, str], dict]:
    """Phoenix people not yet in the gazetteer, merged by (name, main state)."""
    merged: dict[tuple[str, str], dict] = {}
    for entry in entries:
        label = cased(entry.name)
        offs = offices(entry, codes)
        if label is None or not offs or not wanted(entry, offs, cabinets):
            continue
        forms = [label] + [f for f in map(cased, entry.aliases) if f]
        if any(norm(f) in known for f in forms):
            continue
        state = Counter(o["of"] for o in offs).most_common(1)[0][0]
        rec = merged.setdefault((norm(label), state), {"label": label, "state": state, "forms": [], "offices": []})
        rec["forms"] += [v for f in forms for v in variants(f)]
        rec["offices"] += [o for o in offs if o not in rec["offices"]]
    return merged


def records(merged: dict[tuple[str, str], dict], ids: set[str], other: set[str]) -> list[dict]:
    """Gazetteer records with unique ids and every shared form marked ambiguous."""
    claims = Counter(f for rec in merged.values() for f in set(rec["forms"]))
    out, used = [], set(ids)
    for key in sorted(merged):
        rec = merged[key]
        rid = slug(rec["label"])
        if rid in used:
            rid = f"{rid}_{rec['state']}"
        n = 2
        while rid in used:
            rid, n = f"{slug(rec['label'])}_{rec['state']}_{n}", n + 1
        used.add(rid)
        forms = sorted(set(rec["forms"]))
        out.append({
            "id": rid, "type": "Official", "label": rec["label"],
            "aliases": [f for f in forms if f != rec["label"]],
            "surname": surname(rec["label"], rec["state"], other),
            "offices": sorted(rec["offices"], key=lambda o: (o["start"] or "", o["of"], o["end"] or "")),
            "ambiguous_aliases": [f for f in forms if claims[f] > 1],
            "source": SOURCE,
        })
    for rec in out:
        for key in ("aliases", "surname", "ambiguous_aliases"):
            if not rec[key]:
                del rec[key]
    return sorted(out, key=lambda r: r["id"])


def main() -> None:
    known, ids, other = existing_forms()
    entries = [e for name in FILES for e in read_entries(PHOENIX / name)]
    recs = records(candidates(entries, state_codes(), known, "--cabinets" in sys.argv), ids, other)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    offices_n = sum(len(r["offices"]) for r in recs)
    print(f"{len(recs)} officials, {offices_n} offices -> {OUT.relative_to(GAZ.parents[1])}")


if __name__ == "__main__":
    main()
