"""Non-state actors (armed groups, parties, UN bodies), their CAMEO codes, the officials imported
from Phoenix, and the state name forms added from the Phoenix country dictionary."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from diplograph.graph.errors import DataFileError
from diplograph.graph.extract import extract
from diplograph.graph.extract.documents import parse_document
from diplograph.ontology.gazetteer import _checks

ROOT = Path(__file__).resolve().parents[1]
GAZ = ROOT / "ontology" / "gazetteer"
PHOENIX_FILE = ROOT.parent / "shared" / "reference" / "phoenix" / "Phoenix.Countries.actors.txt"
PHOENIX_FILES = [PHOENIX_FILE, PHOENIX_FILE.with_name("Phoenix.International.actors.txt")]


def _read(name: str) -> list[dict]:
    return [json.loads(line) for line in (GAZ / name).read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def phoenix_officials() -> list[dict]:
    return _read("officials_phoenix.jsonl")


@pytest.mark.parametrize("surface, rid, subtype, state, cameo", [
    ("Hamas", "hamas", "ArmedGroup", "palestine", "REB"),
    ("Party of God", "hezbollah", "ArmedGroup", "lebanon", "REB"),
    ("PKK", "pkk", "ArmedGroup", "turkey", "REB"),
    ("Daesh", "isis", "ArmedGroup", None, "IMG"),
    ("al-Qaida", "al_qaeda", "ArmedGroup", None, "IMG"),
    ("Tamil Tigers", "ltte", "ArmedGroup", "sri_lanka", "REB"),
    ("Houthis", "houthis", "ArmedGroup", "yemen", "REB"),
    ("Communist Party of China", "ccp", "PoliticalParty", "china", "PTY"),
    ("Fatah", "fatah", "PoliticalParty", "palestine", "PTY"),
    ("World Food Program", "wfp", "IntergovernmentalOrganization", None, "IGOUNO"),
    ("Doctors Without Borders", "msf", "NonGovernmentalOrganization", None, "NGO"),
    ("NATO", "nato", "IntergovernmentalOrganization", None, "IGO"),
    ("UN", "un", "IntergovernmentalOrganization", None, "IGOUNO"),
    ("Gazprom", "gazprom", "Company", "russia", "MNC"),
])
def test_gazetteer_groups_non_state_actors(gaz, surface, rid, subtype, state, cameo):
    assert gaz.lookup(surface) == frozenset({rid})
    rec = gaz.get(rid)
    assert (rec["subtype"], rec.get("state"), rec.get("cameo")) == (subtype, state, cameo)


def test_gazetteer_groups_shared_names_are_ambiguous(gaz):
    assert gaz.lookup("National Liberation Army") == frozenset({"eln", "nla_macedonia"})
    assert gaz.lookup("Baath Party") == frozenset({"iraqi_baath_party", "syrian_baath_party"})


def test_gazetteer_groups_every_armed_group_and_party_has_a_cameo_code():
    for rec in _read("organizations.jsonl"):
        if rec["subtype"] in ("ArmedGroup", "PoliticalParty", "IntergovernmentalOrganization",
                              "NonGovernmentalOrganization", "Company"):
            assert rec.get("cameo", "")[:3] in _checks.CAMEO_CATEGORIES, rec["id"]
        if rec["subtype"] == "PoliticalParty":
            assert rec["cameo"] == "PTY" and rec["state"], rec["id"]


@pytest.mark.parametrize("cameo", ["XYZ", "IG", "igo", "IGOU", 7])
def test_gazetteer_groups_bad_cameo_code_is_rejected(cameo):
    rec = {"id": "some_group", "type": "Organization", "subtype": "ArmedGroup", "label": "Some Group",
           "cameo": cameo}
    with pytest.raises(DataFileError, match="cameo"):
        _checks.check_record(rec, _checks.Where("organizations.jsonl", 3), ("Organization",))


def test_gazetteer_groups_extraction_types_an_armed_group(gaz):
    text = "Hamas fighters fired rockets at southern Israel on Monday, the army said.\n"
    doc = parse_document(text.encode("utf-8"), doc_id="t-hamas", date="2008-03-03")
    ex = extract(doc, gaz)
    entities = {e.id: e for e in ex.entities}
    assert entities["hamas"].subtype == "ArmedGroup"


def test_gazetteer_phoenix_officials_shape(phoenix_officials):
    ids = [r["id"] for r in phoenix_officials]
    assert ids == sorted(set(ids)) and len(ids) > 900
    for rec in phoenix_officials:
        assert rec["type"] == "Official" and "Phoenix" in rec["source"]
        assert rec["offices"] and all(o["role"] in ("Government member", "Official")
                                      and o["role_class"] == "other" for o in rec["offices"])
        assert any(o["end"] is None or o["end"] >= "1990" for o in rec["offices"]), rec["id"]


def test_gazetteer_phoenix_officials_do_not_repeat_curated_ones(phoenix_officials):
    curated = _read("officials.jsonl")
    assert not {r["id"] for r in curated} & {r["id"] for r in phoenix_officials}
    names = {f.casefold() for r in curated for f in [r["label"], *r.get("aliases", [])]}
    assert not [r["label"] for r in phoenix_officials if r["label"].casefold() in names]


def test_gazetteer_phoenix_officials_link_to_their_state(gaz):
    assert gaz.lookup("Yoweri Museveni") == frozenset({"yoweri_museveni"})
    assert gaz.state_of("paul_kagame", date(2005, 1, 1)) == "rwanda"
    assert [o.of for o in gaz.offices("laurent_gbagbo", date(2004, 6, 1))] == ["ivory_coast"]
    assert gaz.offices("laurent_gbagbo", date(1995, 6, 1)) == []


def test_gazetteer_phoenix_officials_surnames_avoid_common_words(phoenix_officials):
    sys.path.insert(0, str(ROOT / "bench" / "gazetteer"))
    from import_phoenix_officials import SURNAME_STOP
    surnames = [r["surname"] for r in phoenix_officials if "surname" in r]
    assert len(surnames) > 500
    assert not [s for s in surnames if s in SURNAME_STOP or len(s) < 4]
    assert next(r for r in phoenix_officials if r["id"] == "paul_kagame")["surname"] == "Kagame"


@pytest.mark.parametrize("rid, state, on", [
    ("muammar_gaddafi", "libya", date(2005, 1, 1)),   # added to Phoenix by hand
    ("evo_morales", "bolivia", date(2010, 1, 1)),     # a leader from 2006 (CountryInfo elite code)
    ("mahmoud_abbas", "palestine", date(2008, 1, 1)),
    ("ihor_smeshko", "ukraine", date(2004, 1, 1)),  # defence and security sector
])
def test_gazetteer_phoenix_officials_cover_later_leaders_and_defence(gaz, rid, state, on):
    assert [o.of for o in gaz.offices(rid, on)] == [state]


def test_gazetteer_phoenix_officials_of_international_organizations(gaz):
    assert gaz.lookup("Alessandro Minuto Rizzo") == frozenset({"alessandro_minuto_rizzo"})
    assert [(o.of, o.role) for o in gaz.offices("alessandro_minuto_rizzo", date(2004, 1, 1))] == \
        [("nato", "Official")]


def test_gazetteer_phoenix_officials_defence_sector_is_kept(phoenix_officials):
    smeshko = next(r for r in phoenix_officials if r["id"] == "ihor_smeshko")
    assert {o.get("sector") for o in smeshko["offices"]} == {"GOVMIL"}


def test_gazetteer_palestinian_territories_are_metonyms(gaz):
    forms = {(f, k) for f, t, i, k in gaz.surface_forms() if i == "palestine"}
    assert {("West Bank", "metonym"), ("Gaza Strip", "metonym"), ("Gaza", "metonym")} <= forms
    assert gaz.lookup("Palestinian Authority") == frozenset({"palestine"})


@pytest.mark.skipif(not PHOENIX_FILE.exists(), reason="needs the Phoenix dictionaries in ../shared")
def test_gazetteer_phoenix_officials_regenerate_identically(phoenix_officials):
    sys.path.insert(0, str(ROOT / "bench" / "gazetteer"))
    import import_phoenix_officials as imp
    known, ids, other = imp.existing_forms()
    entries = [e for path in PHOENIX_FILES for e in imp.read_entries(path)]
    assert imp.records(imp.candidates(entries, imp.state_codes(), known), ids, other) == phoenix_officials


@pytest.mark.parametrize("form, state, kind", [
    ("Argentinean", "argentina", "adjective"), ("Icelander", "iceland", "demonym"),
    ("Spaniard", "spain", "demonym"), ("Ni-Vanuatu", "vanuatu", "demonym"),
    ("Netherlanders", "netherlands", "demonym"), ("Somalian", "somalia", "adjective"),
])
def test_gazetteer_state_forms_from_phoenix_check(gaz, form, state, kind):
    assert (form, "State", state, kind) in gaz.surface_forms()


@pytest.mark.parametrize("name, expected", [
    ("F.W._DE_KLERK_", "F.W. de Klerk"), ("NURI_AL-MALIKI_", "Nuri al-Maliki"),
    ("JOHN_MCCAIN_", "John McCain"), ("PRESIDENT_HOSNI_MUBARAK", "Hosni Mubarak"),
    ("MUGABE_", None), ("PALESTINIAN_AUTHORITY", None), ("RUSSIAN_PRESIDENT_YELTSIN", None),
    ("COMMUNIST_PARTY_OF_THE_SOVIET_UNION_", None),
])
def test_gazetteer_phoenix_names_are_cased_as_news_writes_them(name, expected):
    sys.path.insert(0, str(ROOT / "bench" / "gazetteer"))
    from phoenix_names import cased
    assert cased(name) == expected
