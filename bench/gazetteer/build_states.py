"""Build ontology/gazetteer/states.jsonl from states_data.py and pycountry.

Run: /work/venv/bin/python bench/gazetteer/build_states.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).parent))
import states_data as data  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "ontology" / "gazetteer" / "states.jsonl"
SOURCE = "ISO 3166 codes and names via pycountry; names, adjectives and capitals: editor, checked against Phoenix"
CAPITALS_NOT_METONYMS = ("Victoria",)  # a common name; not a safe metonym
NO_PLURAL = ("ese", "ss", "sh", "ch", "sy", "ic", "i-Kiribati")


def split(field: str) -> list[str]:
    return [p.strip() for p in field.split(";") if p.strip() and p.strip() != "-"]


def parse_row(row: str) -> dict:
    fields = row.split("|")
    assert len(fields) == 10, row
    iso2, sid, label, capital, metonyms, adjectives, demonyms, aliases, prefixes, wikidata = fields
    assert all(p.endswith("-") for p in split(prefixes)), row
    assert not any(a.endswith("-") for a in split(aliases)), row
    assert not wikidata or re.fullmatch(r"Q\d+", wikidata), row
    return {
        "iso2": iso2, "id": sid, "label": label, "capital": capital, "metonyms": metonyms,
        "adjectives": adjectives, "demonyms": demonyms, "aliases": aliases,
        "prefixes": prefixes, "wikidata": wikidata or None,
    }


def strip_marks(field: str) -> tuple[list[str], list[str]]:
    """Return (forms, ambiguous forms) of a ``;`` list whose shared forms end in ``*``."""
    forms = split(field)
    ambiguous = [f.rstrip("*") for f in forms if f.endswith("*")]
    return [f.rstrip("*") for f in forms], ambiguous


def default_demonyms(adjectives: list[str], field: str) -> list[str]:
    if field.strip() == "-":
        return []
    if field.strip():
        return split(field)
    return [a + "s" for a in adjectives[:1] if not a.endswith(NO_PLURAL)]


def iso_names(country) -> list[str]:
    names = [getattr(country, k, None) for k in ("name", "official_name", "common_name")]
    return [n for n in names if n and "," not in n and "(" not in n]


def record(row: dict, un_status: str) -> dict:
    label, amb_label = strip_marks(row["label"])
    capital, amb_cap = strip_marks(row["capital"])
    metonyms, amb_met = strip_marks(row["metonyms"])
    adjectives, amb_adj = strip_marks(row["adjectives"])
    demonyms, amb_dem = strip_marks(row["demonyms"]) if row["demonyms"] not in ("", "-") else ([], [])
    aliases, amb_ali = strip_marks(row["aliases"])
    rec = {"id": row["id"], "type": "State", "label": label[0]}
    iso = iso_fields(row, un_status)
    aliases += [n for n in iso.pop("_names") if n != rec["label"]]
    capital_name = capital[0] if capital else None
    if capital_name and capital_name not in (rec["label"], *CAPITALS_NOT_METONYMS):
        metonyms = [capital_name] + metonyms
    start, end, pred, succ = data.LIFESPANS.get(row["id"], (None, None, None, None))
    rec.update({
        "aliases": dedupe(aliases, [rec["label"]]),
        "adjectives": adjectives,
        "demonyms": default_demonyms(adjectives, row["demonyms"]) if not demonyms else demonyms,
        "prefixes": split(row["prefixes"]),
        "metonyms": dedupe(metonyms + data.REGIONS.get(row["id"], []), []),
        "capital": capital_name,
        **iso,
        "un_status": un_status,
        "start": start, "end": end, "predecessor": pred, "successor": succ,
        "wikidata": row["wikidata"] or data.WIKIDATA.get(row["id"]),
        "ambiguous_aliases": sorted(set(amb_label + amb_cap + amb_met + amb_adj + amb_dem + amb_ali)),
        "source": SOURCE,
    })
    if row["id"] in data.REGIONS:  # places in the state, never actors (read as places by mentions.py)
        rec["regions"] = list(data.REGIONS[row["id"]])
    return rec


def dedupe(forms: list[str], exclude: list[str]) -> list[str]:
    seen: list[str] = []
    for f in forms:
        if f not in seen and f not in exclude:
            seen.append(f)
    return seen


def iso_fields(row: dict, un_status: str) -> dict:
    if row["iso2"] in ("", "-"):
        return {"iso2": None, "iso3": None, "iso3166_3": None, "_names": []}
    if un_status == "historical":
        alpha3 = data.HISTORICAL_ALPHA3.get(row["id"])
        hist = [c for c in pycountry.historic_countries if c.alpha_2 == row["iso2"]
                and (alpha3 is None or c.alpha_3 == alpha3)]
        assert len(hist) == 1, row
        return {"iso2": hist[0].alpha_2, "iso3": hist[0].alpha_3, "iso3166_3": hist[0].alpha_4,
                "_names": []}
    country = pycountry.countries.get(alpha_2=row["iso2"])
    assert country is not None, row
    return {"iso2": country.alpha_2, "iso3": country.alpha_3, "iso3166_3": None,
            "_names": iso_names(country)}


def build() -> list[dict]:
    records = []
    for block, status in ((data.MEMBERS, "member"), (data.OTHERS, "observer"), (data.HISTORICAL, "historical")):
        for line in block.strip().splitlines():
            row = parse_row(line)
            if status == "observer" and row["id"] in ("taiwan", "kosovo"):
                records.append(record(row, "other"))
            else:
                records.append(record(row, status))
    return sorted(records, key=lambda r: r["id"])


def main() -> None:
    records = build()
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} states -> {OUT}")


if __name__ == "__main__":
    main()
