"""Checks of ontology/gazetteer/officials.jsonl, read directly with json (not through the loader).

The file is data: these tests pin its shape (schema, sorting, valid dates and role classes,
references to known states and organizations) and its content (well-known offices on given
days, one head of state per great power on every month from 1992 to 2010).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from diplograph.graph.model import PartialDate

GAZ = Path(__file__).resolve().parents[1] / "ontology" / "gazetteer"
OFFICIALS = GAZ / "officials.jsonl"
ROLE_CLASSES = {"head_of_state", "head_of_government", "foreign_minister", "defense_minister",
                "deputy_foreign_minister", "interior_minister", "other"}
# The id conventions of GAZETTEER.md, used when the states/organizations files are absent.
CONTRACT_IDS = {
    "russia", "china", "united_states", "united_kingdom", "north_korea", "south_korea", "soviet_union",
    "yugoslavia", "czechoslovakia", "east_germany", "west_germany", "iran", "syria", "vietnam", "laos",
    "moldova", "macedonia", "czech_republic", "ivory_coast", "vatican", "palestine", "taiwan", "kosovo",
    "un", "nato", "eu", "osce", "cis", "sco", "csto", "guuam", "asean", "apec", "g8", "wto", "iaea", "opec",
}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return _read(OFFICIALS)


@pytest.fixture(scope="module")
def by_id(records: list[dict]) -> dict[str, dict]:
    return {r["id"]: r for r in records}


def _first_day(text: str) -> date:
    return PartialDate.parse(text).first_day()


def _after(text: str) -> date:
    """First day an office ending on ``text`` no longer covers (the loader's half-open rule)."""
    pd = PartialDate.parse(text)
    if pd.day:
        return pd.first_day()
    if pd.month:
        return date(pd.year + (pd.month == 12), pd.month % 12 + 1, 1)
    return date(pd.year + 1, 1, 1)


def _held(office: dict, on: date) -> bool:
    starts = office["start"] is None or _first_day(office["start"]) <= on
    return starts and (office["end"] is None or on < _after(office["end"]))


def _holders(records: list[dict], of: str, role_or_class: str, on: date) -> list[str]:
    return sorted({r["id"] for r in records for o in r["offices"]
                   if o["of"] == of and _is(o, role_or_class) and _held(o, on)})


def _is(office: dict, role_or_class: str) -> bool:
    """Whether an office is that role (an acting holder counts) or of that role class."""
    return role_or_class in (office["role"], office["role"].removeprefix("Acting "), office["role_class"])


def test_officials_are_many(records: list[dict]) -> None:
    assert len(records) >= 400


def test_officials_sorted_unique_ids(records: list[dict]) -> None:
    ids = [r["id"] for r in records]
    assert ids == sorted(ids)
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9_]+", i) for i in ids)


def test_officials_schema(records: list[dict]) -> None:
    for r in records:
        assert r["type"] == "Official", r["id"]
        assert r["label"].strip() == r["label"] and r["label"], r["id"]
        assert isinstance(r["aliases"], list) and r["label"] not in r["aliases"], r["id"]
        assert len(set(r["aliases"])) == len(r["aliases"]), r["id"]
        assert r["surname"] and r["surname"] in r["label"] + " " + " ".join(r["aliases"]), r["id"]
        assert r["offices"] and r["source"], r["id"]
        assert "wikidata" not in r or re.fullmatch(r"Q[1-9]\d*", r["wikidata"]), r["id"]


def test_officials_wikidata_unique(records: list[dict]) -> None:
    counts = Counter(r["wikidata"] for r in records if "wikidata" in r)
    assert [q for q, n in counts.items() if n > 1] == []


def test_officials_offices_valid(records: list[dict]) -> None:
    for r in records:
        seen = set()
        for o in r["offices"]:
            assert set(o) == {"role", "role_class", "of", "start", "end"}, r["id"]
            assert o["role_class"] in ROLE_CLASSES, (r["id"], o)
            assert o["role"] and o["of"], (r["id"], o)
            for key in ("start", "end"):
                if o[key] is not None:
                    assert DATE.match(o[key]), (r["id"], o)
                    PartialDate.parse(o[key])  # raises on 2002-13 or 2002-02-30
            if o["start"] and o["end"]:
                assert _first_day(o["start"]) < _after(o["end"]), (r["id"], o)
            key = tuple(sorted(o.items(), key=lambda kv: kv[0]))
            assert key not in seen, (r["id"], o)
            seen.add(key)


def test_officials_dates_not_in_future(records: list[dict]) -> None:
    last = date(2026, 12, 31)
    for r in records:
        for o in r["offices"]:
            assert o["start"] is None or _first_day(o["start"]) <= last, r["id"]


def _known_ids() -> set[str]:
    ids = set(CONTRACT_IDS)
    for name in ("states.jsonl", "organizations.jsonl"):
        if (GAZ / name).exists():
            ids |= {rec["id"] for rec in _read(GAZ / name)}
    return ids


def test_officials_refer_to_known_states_and_organizations(records: list[dict]) -> None:
    known = _known_ids()
    unknown = sorted({o["of"] for r in records for o in r["offices"]} - known)
    assert unknown == []


def test_officials_ids_do_not_clash_with_other_files(records: list[dict]) -> None:
    others = set()
    for name in ("states.jsonl", "organizations.jsonl", "outlets.jsonl", "agreements.jsonl"):
        if (GAZ / name).exists():
            others |= {rec["id"] for rec in _read(GAZ / name)}
    assert sorted(others & {r["id"] for r in records}) == []


def test_officials_shared_names_are_declared_ambiguous(records: list[dict]) -> None:
    owners: dict[str, set[str]] = {}
    for r in records:
        for form in [r["label"], *r["aliases"]]:
            owners.setdefault(form, set()).add(r["id"])
    for r in records:
        shared = {f for f in [r["label"], *r["aliases"]] if len(owners[f]) > 1}
        assert shared <= set(r.get("ambiguous_aliases", [])), r["id"]


@pytest.mark.parametrize(
    ("official", "of", "role", "on"),
    [
        ("vladimir_putin", "russia", "President", "2002-01-07"),
        ("vladimir_putin", "russia", "Prime Minister", "2009-06-01"),
        ("vladimir_putin", "russia", "President", "2026-01-01"),
        ("igor_ivanov", "russia", "Foreign Minister", "2002-01-07"),
        ("sergei_ivanov", "russia", "Defense Minister", "2002-01-07"),
        ("sergey_lavrov", "russia", "Foreign Minister", "2004-03-10"),
        ("dmitry_medvedev", "russia", "President", "2009-06-01"),
        ("boris_yeltsin", "russia", "President", "1996-07-01"),
        ("yevgeny_primakov", "russia", "Prime Minister", "1999-01-15"),
        ("mikhail_gorbachev", "soviet_union", "President", "1991-06-01"),
        ("eduard_shevardnadze", "soviet_union", "Foreign Minister", "1987-05-01"),
        ("eduard_shevardnadze", "georgia", "President", "2000-01-01"),
        ("jiang_zemin", "china", "President", "2002-06-01"),
        ("tang_jiaxuan", "china", "Foreign Minister", "2002-06-01"),
        ("zhu_rongji", "china", "Premier", "2002-06-01"),
        ("hu_jintao", "china", "President", "2009-06-01"),
        ("zhu_bangzao", "china", "Foreign Ministry spokesman", "2000-06-01"),
        ("george_w_bush", "united_states", "President", "2002-06-01"),
        ("colin_powell", "united_states", "Secretary of State", "2002-06-01"),
        ("donald_rumsfeld", "united_states", "Secretary of Defense", "2002-06-01"),
        ("condoleezza_rice", "united_states", "National Security Adviser", "2002-06-01"),
        ("richard_armitage", "united_states", "Deputy Secretary of State", "2002-06-01"),
        ("tony_blair", "united_kingdom", "Prime Minister", "2002-06-01"),
        ("jack_straw", "united_kingdom", "Foreign Secretary", "2002-06-01"),
        ("jacques_chirac", "france", "President", "2002-06-01"),
        ("gerhard_schroder", "germany", "Chancellor", "2002-06-01"),
        ("helmut_kohl", "west_germany", "Chancellor", "1989-01-01"),
        ("junichiro_koizumi", "japan", "Prime Minister", "2002-06-01"),
        ("leonid_kuchma", "ukraine", "President", "2002-06-01"),
        ("alexander_lukashenko", "belarus", "President", "2002-06-01"),
        ("nursultan_nazarbayev", "kazakhstan", "President", "2002-06-01"),
        ("kim_jong_il", "north_korea", "head_of_state", "2002-06-01"),
        ("kim_dae_jung", "south_korea", "President", "2002-06-01"),
        ("atal_bihari_vajpayee", "india", "Prime Minister", "2002-06-01"),
        ("pervez_musharraf", "pakistan", "President", "2002-06-01"),
        ("ali_khamenei", "iran", "Supreme Leader", "2002-06-01"),
        ("kofi_annan", "un", "Secretary General", "2002-06-01"),
        ("george_robertson", "nato", "Secretary General", "2002-06-01"),
        ("javier_solana", "eu", "High Representative for Common Foreign and Security Policy", "2002-06-01"),
        ("mohamed_elbaradei", "iaea", "Director General", "2002-06-01"),
        ("jan_kubis", "osce", "Secretary General", "2002-06-01"),
        ("nikolai_bordyuzha", "csto", "Secretary General", "2005-06-01"),
        ("zhang_deguang", "sco", "Secretary General", "2005-06-01"),
        ("vladimir_rushailo", "cis", "Executive Secretary", "2005-06-01"),
    ],
)
def test_officials_well_known_offices(by_id: dict[str, dict], official: str, of: str, role: str, on: str) -> None:
    day = date.fromisoformat(on)
    offices = by_id[official]["offices"]
    assert any(o["of"] == of and _is(o, role) and _held(o, day) for o in offices)


def test_officials_office_ends_on_successors_first_day(records: list[dict]) -> None:
    # Half-open intervals: on inauguration day the successor holds the office, not the predecessor.
    assert _holders(records, "russia", "President", date(2008, 5, 7)) == ["dmitry_medvedev"]
    assert _holders(records, "united_states", "President", date(2009, 1, 20)) == ["barack_obama"]
    assert _holders(records, "china", "Foreign Minister", date(2003, 3, 17)) == ["li_zhaoxing"]


def test_officials_namesakes_are_distinct(by_id: dict[str, dict]) -> None:
    igor, sergei = by_id["igor_ivanov"], by_id["sergei_ivanov"]
    assert igor["surname"] == sergei["surname"] == "Ivanov"
    assert igor["label"] != sergei["label"]
    assert by_id["george_w_bush"]["wikidata"] == "Q207" and by_id["vladimir_putin"]["wikidata"] == "Q7747"


GREAT_POWERS = [
    ("russia", "head_of_state"), ("russia", "head_of_government"), ("russia", "foreign_minister"),
    ("united_states", "head_of_state"), ("united_states", "foreign_minister"),
    ("united_states", "defense_minister"), ("china", "head_of_state"), ("china", "head_of_government"),
    ("china", "foreign_minister"), ("china", "defense_minister"), ("united_kingdom", "head_of_government"),
    ("united_kingdom", "foreign_minister"), ("united_kingdom", "defense_minister"),
    ("france", "head_of_state"), ("france", "head_of_government"), ("france", "foreign_minister"),
    ("france", "defense_minister"), ("germany", "head_of_state"), ("germany", "head_of_government"),
    ("germany", "foreign_minister"), ("germany", "defense_minister"), ("japan", "head_of_government"),
    ("japan", "foreign_minister"), ("italy", "head_of_state"), ("italy", "head_of_government"),
    ("italy", "foreign_minister"), ("canada", "head_of_government"), ("canada", "foreign_minister"),
    ("ukraine", "head_of_state"), ("ukraine", "head_of_government"), ("india", "head_of_government"),
    ("iran", "head_of_state"), ("iran", "foreign_minister"), ("un", "Secretary General"),
    ("nato", "Secretary General"), ("iaea", "Director General"),
]


@pytest.fixture(scope="module")
def by_of(records: list[dict]) -> dict[str, list[dict]]:
    """Officials reduced to their offices of each state or organization (speeds the month scan)."""
    index: dict[str, list[dict]] = {}
    for r in records:
        for o in r["offices"]:
            index.setdefault(o["of"], []).append({"id": r["id"], "label": r["label"], "offices": [o]})
    return index


@pytest.mark.parametrize(("of", "role_class"), GREAT_POWERS)
def test_officials_one_holder_every_month_1992_2010(by_of: dict[str, list[dict]], of: str, role_class: str) -> None:
    day, gaps = date(1992, 1, 15), []
    while day.year <= 2010:
        holders = _holders(by_of[of], of, role_class, day)
        if len(holders) != 1 and not (of, role_class, day.isoformat()[:7]) in KNOWN_GAPS:
            gaps.append((day.isoformat()[:7], holders))
        day = (day.replace(day=1) + timedelta(days=32)).replace(day=15)
    assert gaps == []


# Real interregnums (acting holders we do not list), checked on the 15th of the month.
KNOWN_GAPS = {
    ("china", "defense_minister", "1993-03"),  # handover known to the month only: both listed
    ("germany", "head_of_state", "2010-06"),  # Koehler resigned 31 May, Wulff sworn in 30 June
}
