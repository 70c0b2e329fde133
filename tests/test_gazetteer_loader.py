"""Loader behaviour on a small hand-written gazetteer, and validation errors naming file:line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from diplograph.graph.errors import DataFileError
from diplograph.graph.model import PartialDate
from diplograph.ontology.gazetteer import Office, load

STATES = [
    {"id": "ruritania", "type": "State", "label": "Ruritania", "aliases": ["RU-R", "the Ruritanian Republic"],
     "adjectives": ["Ruritanian"], "metonyms": ["Strelsau"], "prefixes": ["Rurito-"], "un_status": "member"},
    {"id": "syldavia", "type": "State", "label": "Syldavia", "aliases": ["Kingdom of Syldavia"],
     "adjectives": ["Syldavian"], "demonyms": ["Syldavians"], "un_status": "member"},
]
ORGS = [
    {"id": "league", "type": "Organization", "subtype": "IntergovernmentalOrganization",
     "label": "League of Two", "aliases": ["LOT"],
     "members": [{"state": "ruritania", "start": "1990-05-01", "end": None},
                 {"state": "syldavia", "start": "1995", "end": "2001-03-15"}]},
    {"id": "ruritanian_senate", "type": "Organization", "subtype": "GovernmentBody",
     "label": "Ruritanian Senate", "aliases": [], "state": "ruritania"},
]
AGREEMENTS = [
    {"id": "pact", "type": "Agreement", "subtype": "Treaty", "label": "Strelsau Pact", "aliases": [],
     "signed": "1999-02-02", "status": "terminated",
     "parties": [{"state": "ruritania", "signed": "1999-02-02", "start": "1999-06-01", "end": "2005"},
                 {"state": "syldavia", "signed": "1999-02-02", "start": None, "end": None}],
     "status_changes": [{"date": "1999-02-02", "state": None, "change": "signed"}]},
]
OFFICIALS = [
    {"id": "rudolf_rassendyll", "type": "Official", "label": "Rudolf Rassendyll", "surname": "Rassendyll",
     "aliases": [], "offices": [
         {"role": "Foreign Minister", "role_class": "foreign_minister", "of": "ruritania",
          "start": "1994-01-10", "end": "1998-03-01"},
         {"role": "President", "role_class": "head_of_state", "of": "ruritania",
          "start": "1998-03-01", "end": None},
         {"role": "Secretary General", "role_class": "other", "of": "league",
          "start": "2000", "end": "2002"}]},
    {"id": "otto_rassendyll", "type": "Official", "label": "Otto Rassendyll", "surname": "Rassendyll",
     "aliases": [], "offices": [{"role": "King", "role_class": "head_of_state", "of": "syldavia",
                                 "start": "1990", "end": None}]},
]
GOOD = {"states.jsonl": STATES, "organizations.jsonl": ORGS, "agreements.jsonl": AGREEMENTS,
        "officials.jsonl": OFFICIALS}


def write(folder: Path, files: dict[str, list]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, recs in files.items():
        lines = [r if isinstance(r, str) else json.dumps(r) for r in recs]
        (folder / name).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return folder


@pytest.fixture
def gaz(tmp_path):
    return load(write(tmp_path / "gaz", GOOD))


def test_gazetteer_lookup_exact_then_folded(gaz):
    assert gaz.lookup("Ruritania") == {"ruritania"}
    assert gaz.lookup("RURITANIA") == {"ruritania"}
    assert gaz.lookup("The Ruritanian Republic") == {"ruritania"}
    assert gaz.lookup("ruritania") == frozenset()  # no capital letter: never folded
    assert gaz.lookup("Lot") == frozenset()  # acronyms match exactly only
    assert gaz.lookup("LOT") == {"league"}
    assert gaz.lookup("Ruritanian") == frozenset()  # adjectives are surface forms, not names


def test_gazetteer_surface_forms_sorted_with_kinds(gaz):
    forms = gaz.surface_forms()
    assert forms == sorted(forms)
    assert ("Strelsau", "State", "ruritania", "metonym") in forms
    assert ("Rurito-", "State", "ruritania", "prefix") in forms
    assert ("Syldavians", "State", "syldavia", "demonym") in forms
    assert ("Rassendyll", "Official", "otto_rassendyll", "surname") in forms
    assert ("LOT", "Organization", "league", "alias") in forms


def test_gazetteer_members_and_memberships_on_dates(gaz):
    assert gaz.members("league") == ["ruritania", "syldavia"]
    assert gaz.members("league", date(1994, 12, 31)) == ["ruritania"]
    assert gaz.members("league", date(1995, 1, 1)) == ["ruritania", "syldavia"]
    assert gaz.members("league", date(2001, 3, 15)) == ["ruritania"]  # day-precise end is exclusive
    assert gaz.memberships("syldavia", date(2000, 1, 1)) == ["league"]
    assert gaz.memberships("syldavia", date(2002, 1, 1)) == []


def test_gazetteer_parties_count_from_signing_and_year_end_covers_year(gaz):
    assert gaz.parties("pact", date(1999, 1, 1)) == []
    assert gaz.parties("pact", date(1999, 3, 1)) == ["ruritania", "syldavia"]
    assert gaz.parties("pact", date(2005, 12, 31)) == ["ruritania", "syldavia"]
    assert gaz.parties("pact", date(2006, 1, 1)) == ["syldavia"]


def test_gazetteer_offices_holders_and_state_of(gaz):
    assert gaz.offices("rudolf_rassendyll", date(1996, 1, 1)) == [
        Office("Foreign Minister", "foreign_minister", "ruritania", PartialDate(1994, 1, 10),
               PartialDate(1998, 3, 1))]
    assert len(gaz.offices("rudolf_rassendyll")) == 3
    assert gaz.holders("ruritania", "President", date(1999, 1, 1)) == ["rudolf_rassendyll"]
    assert gaz.holders("ruritania", "head_of_state", date(1997, 1, 1)) == []
    assert gaz.holders("league", "Secretary General", date(2001, 1, 1)) == ["rudolf_rassendyll"]
    assert gaz.state_of("rudolf_rassendyll", date(2001, 1, 1)) == "ruritania"
    assert gaz.state_of("otto_rassendyll") == "syldavia"
    assert gaz.state_of("ruritanian_senate") == "ruritania"
    assert gaz.state_of("pact") is None and gaz.state_of("nobody") is None
    assert gaz.type_of("league") == "Organization" and gaz.type_of("nobody") is None


def test_gazetteer_version_follows_file_bytes(tmp_path):
    one = load(write(tmp_path / "a", GOOD))
    two = load(write(tmp_path / "b", GOOD))
    assert one.version == two.version
    changed = dict(GOOD, **{"states.jsonl": STATES[:1] + [dict(STATES[1], label="Syldavia!")]})
    assert load(write(tmp_path / "c", changed)).version != one.version


def test_gazetteer_officials_file_is_optional(tmp_path):
    files = {k: v for k, v in GOOD.items() if k != "officials.jsonl"}
    assert load(write(tmp_path / "g", files)).get("rudolf_rassendyll") is None


def bad(name: str, index: int, record) -> tuple[dict, str, int]:
    files = {k: list(v) for k, v in GOOD.items()}
    files[name] = files[name][:index] + [record] + files[name][index + 1:]
    return files, name, index + 1


CASES = {
    "bad JSON": (bad("states.jsonl", 1, '{"id": "syldavia",'), "bad JSON"),
    "missing label": (bad("states.jsonl", 0, {"id": "ruritania", "type": "State"}), "missing required field 'label'"),
    "bad id": (bad("states.jsonl", 0, dict(STATES[0], id="Ruritania")), "bad id"),
    "unknown type": (bad("organizations.jsonl", 1, dict(ORGS[1], type="Thing")), "type 'Thing'"),
    "type in wrong file": (bad("organizations.jsonl", 1, dict(ORGS[1], type="State")), "type 'State'"),
    "unknown subtype": (bad("organizations.jsonl", 0, dict(ORGS[0], subtype="Club")), "subtype 'Club'"),
    "bad date": (bad("agreements.jsonl", 0, dict(AGREEMENTS[0], signed="1999-02-30")), "bad date '1999-02-30'"),
    "bad nested date": (bad("organizations.jsonl", 0, dict(ORGS[0], members=[{"state": "syldavia", "start": "95"}])),
                        "bad date"),
    "bad status": (bad("agreements.jsonl", 0, dict(AGREEMENTS[0], status="dead")), "unknown status 'dead'"),
    "bad role class": (bad("officials.jsonl", 1, dict(OFFICIALS[1], offices=[dict(OFFICIALS[1]["offices"][0], role_class="boss")])),
                       "unknown role_class"),
    "office without of": (bad("officials.jsonl", 0, dict(OFFICIALS[0], offices=[{"role": "King"}])),
                          "missing 'of' in an item of rudolf_rassendyll.offices"),
    "aliases not a list": (bad("states.jsonl", 1, dict(STATES[1], aliases="Syldavie")), "'aliases'"),
    "duplicate id across files": (bad("agreements.jsonl", 0, dict(AGREEMENTS[0], id="league")), "duplicate id 'league'"),
    "dangling member": (bad("organizations.jsonl", 0, dict(ORGS[0], members=[{"state": "borduria"}])), "'borduria'"),
    "dangling office": (bad("officials.jsonl", 1, dict(OFFICIALS[1], offices=[dict(OFFICIALS[1]["offices"][0], of="borduria")])),
                        "offices.of refers to unknown State/Organization id 'borduria'"),
    "reference of wrong type": (bad("organizations.jsonl", 1, dict(ORGS[1], state="league")), "unknown State id 'league'"),
    "unmarked alias clash": (bad("states.jsonl", 1, dict(STATES[1], aliases=["Strelsau"])), "'Strelsau' is also claimed by ruritania"),
    "ambiguous alias not a form": (bad("states.jsonl", 1, dict(STATES[1], ambiguous_aliases=["Borduria"])), "not one of its forms"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_gazetteer_validation_errors_name_file_and_line(tmp_path, case):
    (files, name, line), message = CASES[case]
    folder = write(tmp_path / "bad", files)
    with pytest.raises(DataFileError) as err:
        load(folder)
    assert err.value.path.endswith(name) and err.value.line == line, str(err.value)
    assert f"{name}:{line}: " in str(err.value)
    assert message in err.value.message


def test_gazetteer_clash_only_within_one_type(tmp_path):
    # "Strelsau" as a state metonym and as an organization alias is no clash.
    orgs = [dict(ORGS[0], aliases=["LOT", "Strelsau"]), ORGS[1]]
    assert load(write(tmp_path / "g", dict(GOOD, **{"organizations.jsonl": orgs}))).lookup("Strelsau") == {"league"}


def test_gazetteer_marked_clash_is_accepted(tmp_path):
    states = [dict(STATES[0], ambiguous_aliases=["Strelsau"]),
              dict(STATES[1], metonyms=["Strelsau"], ambiguous_aliases=["Strelsau"])]
    gaz = load(write(tmp_path / "g", dict(GOOD, **{"states.jsonl": states})))
    owners = {i for f, _, i, _ in gaz.surface_forms() if f == "Strelsau"}
    assert owners == {"ruritania", "syldavia"}


def test_gazetteer_clash_marked_on_one_side_only_fails(tmp_path):
    states = [STATES[0], dict(STATES[1], metonyms=["Strelsau"], ambiguous_aliases=["Strelsau"])]
    with pytest.raises(DataFileError, match="states.jsonl:1: ruritania"):
        load(write(tmp_path / "g", dict(GOOD, **{"states.jsonl": states})))
