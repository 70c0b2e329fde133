"""Cross-check ontology/gazetteer/officials.jsonl against the Phoenix actor dictionaries.

Phoenix (openeventdata/petrarch2, MIT) codes an official's government service as dated
intervals such as ``[RUSGOV 991231-080507]``: the country and sector, not the office.
For every official Phoenix knows, this script merges our offices in one state into
continuous blocks of service (1985-2014) and asks whether Phoenix's merged government
intervals for that state start and end near ours (45 days of slack; Phoenix's
CountryInfo data start on 2003-01-01, so a Phoenix start on that day confirms any
earlier start, and an interval still open in 2014 matches an end from 2013 on).

Usage:
    python bench/gazetteer/check_officials_phoenix.py [--details] [--json OUT]

Prints the figures (people found; blocks agreeing, differing, absent) and, with
``--details``, every disagreement. ``--json`` writes the per-official verdicts.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GAZ = ROOT / "ontology" / "gazetteer"
PHOENIX = ROOT.parent / "shared" / "reference" / "phoenix"  # ../shared beside the checkout
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")
SLACK = timedelta(days=45)
WINDOW = (date(1985, 1, 1), date(2014, 6, 30))
COUNTRYINFO_START = date(2003, 1, 1)
PHOENIX_OPEN_FROM = date(2013, 1, 1)  # an open Phoenix interval was current when it was compiled
EXTRA_CODES = {"soviet_union": {"USR", "SUN"}, "serbia_and_montenegro": {"SCG", "FRY", "YUG"},
               "serbia": {"SRB", "SRP", "YUG", "SCG"}, "yugoslavia": {"YUG"}, "west_germany": {"DEU"}}
FOLD = str.maketrans({"ı": "i", "ł": "l", "đ": "d", "Đ": "D", "ø": "o", "ß": "ss", "’": "'"})
CODE = re.compile(r"\[([A-Z]{3})([A-Z]*)\s*([<>]?)(\d{6,8})?-?(\d{6,8})?\]")


@dataclass(frozen=True)
class Span:
    """One Phoenix code: country, sector, and the dates it applied (None = open)."""

    country: str
    sector: str
    start: date | None
    end: date | None


def norm(name: str) -> str:
    """Fold a name to Phoenix's shape: ASCII capitals, words joined by single spaces."""
    name = unicodedata.normalize("NFKD", name.translate(FOLD))
    name = "".join(c for c in name if not unicodedata.combining(c)).upper()
    return " ".join(re.sub(r"[^A-Z0-9]+", " ", name.replace("'", "")).split())


def tabari_date(text: str | None) -> date | None:
    """Parse YYMMDD (pivot 1930) or YYYYMMDD."""
    if not text:
        return None
    if len(text) == 8:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    yy = int(text[:2])
    return date((1900 if yy >= 30 else 2000) + yy, int(text[2:4]), int(text[4:6]))


def parse_codes(line: str) -> list[Span]:
    spans = []
    for country, sector, sign, first, second in CODE.findall(line):
        try:
            a, b = tabari_date(first), tabari_date(second)
        except ValueError:
            continue
        start, end = (None, a) if sign == "<" else (a, b)
        spans.append(Span(country, sector, start, end))
    return spans


def load_phoenix() -> dict[str, list[Span]]:
    """Map each folded entry name and alias to the codes of its entry."""
    index: dict[str, list[Span]] = {}
    for name in FILES:
        names: list[str] = []
        spans: list[Span] = []
        for raw in (PHOENIX / name).read_text(encoding="latin-1").splitlines() + [""]:
            line = raw.split("#", 1)[0].rstrip()
            head = line.split("[", 1)[0].strip()
            if line[:1] not in ("", "\t", " ", "+") and head:
                for n in names:
                    index.setdefault(n, []).extend(spans)
                names, spans = [norm(head.replace("_", " "))], []
            elif line.startswith("+") and head:
                names.append(norm(head[1:].replace("_", " ")))
            spans.extend(parse_codes(line))
        for n in names:
            index.setdefault(n, []).extend(spans)
    return {k: v for k, v in index.items() if k}


def bounds(text: str | None) -> tuple[date, date] | None:
    """The earliest and latest day a partial date can denote."""
    if text is None:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        d = date(*parts)
        return d, d
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, nxt - timedelta(days=1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def blocks(pairs: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """Merge intervals that overlap or lie within SLACK of each other."""
    merged: list[tuple[date, date]] = []
    for lo, hi in sorted(pairs):
        if merged and (merged[-1][1] == date.max or lo <= merged[-1][1] + SLACK):
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def our_blocks(offices: list[dict]) -> list[tuple[date, date, date, date]]:
    """Continuous service blocks of one person in one state, each as (earliest start,
    latest start, earliest end, latest end); date.max stands for an open end."""
    spans = []
    for o in offices:
        s_b, e_b = bounds(o["start"]), bounds(o["end"])
        spans.append(((s_b or (date.min, date.min)), (e_b or (date.max, date.max))))
    out: list[tuple[date, date, date, date]] = []
    for (s0, s1), (e0, e1) in sorted(spans):
        if out and (out[-1][3] == date.max or s0 <= out[-1][3] + SLACK):
            last = out[-1]
            out[-1] = (last[0], last[1], max(last[2], e0), max(last[3], e1))
        else:
            out.append((s0, s1, e0, e1))
    return out


def phoenix_blocks(spans: list[Span], codes: set[str]) -> list[tuple[date, date]]:
    kept = [s for s in spans if s.country in codes and (s.country == "IGO" or s.sector.startswith(("GOV", "MIL")))]
    return blocks([(s.start or date.min, s.end or date.max) for s in kept])


def block_verdict(ours: tuple[date, date, date, date], theirs: list[tuple[date, date]]) -> str:
    """'agree', 'differ' or 'absent' for one of our service blocks."""
    s0, s1, e0, e1 = ours
    overl = [b for b in theirs if b[0] <= e1 and b[1] >= s0]
    if not overl:
        return "absent"
    ok_start = any(s0 != date.min and b[0] != date.min and s0 - SLACK <= b[0] <= s1 + SLACK or (b[0] == COUNTRYINFO_START and s0 <= b[0]) for b in overl)
    late = e0 > WINDOW[1]
    ok_end = late or any(
        (b[1] == date.max and e1 >= PHOENIX_OPEN_FROM) or (b[1] != date.max and e0 - SLACK <= b[1] <= e1 + SLACK)
        for b in overl)
    return "agree" if ok_start and ok_end else "differ"


def in_window(block: tuple[date, date, date, date]) -> bool:
    return block[0] <= WINDOW[1] and block[3] >= WINDOW[0]


def country_codes() -> dict[str, set[str]]:
    codes = {k: set(v) for k, v in EXTRA_CODES.items()}
    for line in (GAZ / "states.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        codes.setdefault(rec["id"], set()).update(c for c in (rec.get("iso3"),) if c)
    orgs = GAZ / "organizations.jsonl"
    if orgs.exists():
        for line in orgs.read_text(encoding="utf-8").splitlines():
            codes.setdefault(json.loads(line)["id"], set()).add("IGO")
    return codes


def check(officials: list[dict], phoenix: dict[str, list[Span]], codes: dict[str, set[str]]) -> dict:
    """Compare every official's service blocks per state with Phoenix's government intervals."""
    report: dict = {"people": len(officials), "found": 0, "blocks": {"agree": 0, "differ": 0, "absent": 0},
                    "per_id": {}, "differences": []}
    for rec in officials:
        forms = {norm(f) for f in [rec["label"], *rec.get("aliases", [])]}
        spans = [s for f in sorted(forms) for s in phoenix.get(f, [])]
        if not spans:
            report["per_id"][rec["id"]] = "not_found"
            continue
        report["found"] += 1
        verdicts = []
        for of in sorted({o["of"] for o in rec["offices"] if o["of"] in codes}):
            theirs = phoenix_blocks(spans, codes[of])
            for block in our_blocks([o for o in rec["offices"] if o["of"] == of]):
                if not in_window(block):
                    continue
                v = block_verdict(block, theirs)
                report["blocks"][v] += 1
                verdicts.append(v)
                if v != "agree":
                    report["differences"].append((v, rec["id"], of, fmt(block[0]), fmt(block[3]),
                                                  ", ".join(f"{fmt(a)}..{fmt(b)}" for a, b in theirs)))
        report["per_id"][rec["id"]] = "differ" if "differ" in verdicts else "agree" if "agree" in verdicts else "found"
    return report


def fmt(d: date) -> str:
    return "open" if d == date.max else "?" if d == date.min else d.isoformat()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    officials = [json.loads(l) for l in (GAZ / "officials.jsonl").read_text(encoding="utf-8").splitlines()]
    report = check(officials, load_phoenix(), country_codes())
    b = report["blocks"]
    print(f"officials: {report['people']}, found in Phoenix: {report['found']}")
    print(f"service blocks compared (1985-2014): {sum(b.values())}; agree {b['agree']}, differ {b['differ']}, "
          f"no Phoenix interval for that state {b['absent']}")
    if args.details:
        for row in report["differences"]:
            print(row[0].upper(), *row[1:5], "| phoenix:", row[5])
    if args.json:
        args.json.write_text(json.dumps(report["per_id"], indent=1, sort_keys=True), encoding="utf-8")


if __name__ == "__main__":
    main()
