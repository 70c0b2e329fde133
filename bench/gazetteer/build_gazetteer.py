"""Build every gazetteer JSONL file except officials.jsonl (owned by its own generator).

Run: /work/venv/bin/python bench/gazetteer/build_gazetteer.py [FOLDER]
Writes ontology/gazetteer/{states,organizations,outlets,agreements}.jsonl (or into FOLDER, e.g.
a temporary folder to compare with the committed files), sorted by id, one JSON object per
line, so that the output is byte-identical across runs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import build_states  # noqa: E402
from agreements_europe import EUROPE  # noqa: E402
from agreements_global import AFRICA, AMERICAS, GLOBAL  # noqa: E402
from agreements_security import SECURITY  # noqa: E402
from agreements_table import AGREEMENTS  # noqa: E402
from agreements_world import ASIA, MIDDLE_EAST  # noqa: E402
from groups_table import ALL as GROUPS  # noqa: E402
from orgs_more import ALL as MORE_ORGS  # noqa: E402
from orgs_data import GROUPINGS  # noqa: E402
from orgs_table import COMPANIES, GOVERNMENT_BODIES, IGOS, NGOS, OUTLETS  # noqa: E402

FOLDER = Path(__file__).resolve().parents[2] / "ontology" / "gazetteer"
ORG_DEFAULTS = {"wikidata": None, "parent": None, "state": None, "members": [],
                "ambiguous_aliases": []}
AGREEMENT_DEFAULTS = {"wikidata": None, "ambiguous_aliases": []}


def tidy(rec: dict, defaults: dict) -> dict:
    """Fill defaults and drop duplicate aliases (and aliases equal to the label)."""
    out = {**defaults, **rec}
    aliases: list[str] = []
    for a in out["aliases"]:
        if a != out["label"] and a not in aliases:
            aliases.append(a)
    out["aliases"] = aliases
    head = ("id", "type", "subtype", "label", "aliases", "wikidata")
    tail = ("ambiguous_aliases", "source")
    order = [k for k in head if k in out] + [k for k in out if k not in head + tail] + list(tail)
    return {k: out[k] for k in order}


CAMEO_BY_SUBTYPE = {"IntergovernmentalOrganization": "IGO", "NonGovernmentalOrganization": "NGO",
                    "Company": "MNC"}


def with_cameo(rec: dict) -> dict:
    """Give an organization its CAMEO code when its subtype settles it ("IGOUNO" for UN bodies)."""
    if rec.get("cameo") is None:
        code = CAMEO_BY_SUBTYPE.get(rec["subtype"])
        if code == "IGO" and (rec["id"] == "un" or rec.get("parent") == "un"):
            code = "IGOUNO"
        rec = {**rec, "cameo": code}
    return rec if rec["cameo"] else {k: v for k, v in rec.items() if k != "cameo"}


def write(folder: Path, name: str, records: list[dict]) -> None:
    records = sorted(records, key=lambda r: r["id"])
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    (folder / name).write_text(text, encoding="utf-8")
    print(f"{len(records):4d} {name}")


def complete_un(un: dict, states: list[dict]) -> dict:
    """Add every current UN member the hand-written list lacks, with an unknown start."""
    listed = {m["state"] for m in un["members"]}
    extra = [{"state": s["id"], "start": None, "end": None} for s in states
             if s["un_status"] == "member" and s["id"] not in listed]
    return {**un, "members": un["members"] + extra}


def main(folder: Path = FOLDER) -> None:
    states = build_states.build()
    write(folder, "states.jsonl", states)
    orgs = [complete_un(r, states) if r["id"] == "un" else r for r in IGOS]
    orgs += GOVERNMENT_BODIES + NGOS + COMPANIES + GROUPS + MORE_ORGS + GROUPINGS
    write(folder, "organizations.jsonl", [tidy(with_cameo(r), ORG_DEFAULTS) for r in orgs])
    write(folder, "outlets.jsonl", [tidy(r, ORG_DEFAULTS) for r in OUTLETS])
    agreements = AGREEMENTS + SECURITY + EUROPE + MIDDLE_EAST + ASIA + AFRICA + AMERICAS + GLOBAL
    write(folder, "agreements.jsonl", [tidy(r, AGREEMENT_DEFAULTS) for r in agreements])


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER)
