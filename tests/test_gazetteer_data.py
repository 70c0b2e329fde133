"""The shipped gazetteer files: counts, ISO codes, key facts, and clean references."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pycountry
import pytest

from diplograph.ontology import gazetteer
from diplograph.ontology.gazetteer import FOLDER, load, read, validate

OWN_FILES = ("states.jsonl", "organizations.jsonl", "outlets.jsonl", "agreements.jsonl")


@pytest.fixture(scope="module")
def gaz() -> gazetteer.Gazetteer:
    return load()


def records(name: str) -> list[dict]:
    return [json.loads(line) for line in (FOLDER / name).read_text(encoding="utf-8").splitlines()]


def test_gazetteer_loads_with_no_dangling_reference():
    # officials.jsonl is written by another helper; every office must point at a known id.
    entries, _ = read(FOLDER)
    assert validate(entries, strict=False) == []


@pytest.mark.parametrize("name", OWN_FILES)
def test_gazetteer_files_are_sorted_canonical_jsonl(name):
    lines = (FOLDER / name).read_text(encoding="utf-8").splitlines()
    ids = [json.loads(line)["id"] for line in lines]
    assert ids == sorted(ids)
    assert all(json.dumps(json.loads(line), ensure_ascii=False) == line for line in lines)


def test_gazetteer_counts():
    states = records("states.jsonl")
    current = [s for s in states if s["un_status"] in ("member", "observer")]
    assert len([s for s in states if s["un_status"] == "member"]) == 193
    assert {s["id"] for s in states if s["un_status"] == "observer"} == {"vatican", "palestine"}
    assert len(current) >= 195
    igos = [o for o in records("organizations.jsonl") if o["subtype"] == "IntergovernmentalOrganization"]
    assert len(igos) >= 40
    assert len(records("outlets.jsonl")) >= 30
    assert all(o["subtype"] == "MediaOutlet" for o in records("outlets.jsonl"))
    assert len(records("agreements.jsonl")) >= 25


def test_gazetteer_iso_codes_agree_with_pycountry():
    for state in records("states.jsonl"):
        if state["iso2"] is None:
            continue
        if state["un_status"] == "historical":
            matches = [c for c in pycountry.historic_countries
                       if c.alpha_2 == state["iso2"] and c.alpha_3 == state["iso3"]]
            assert [c.alpha_4 for c in matches] == [state["iso3166_3"]], state["id"]
        else:
            country = pycountry.countries.get(alpha_2=state["iso2"])
            assert country is not None and country.alpha_3 == state["iso3"], state["id"]


def test_gazetteer_every_current_un_member_has_iso_code():
    codes = [s["iso2"] for s in records("states.jsonl") if s["un_status"] == "member"]
    assert None not in codes and len(set(codes)) == 193


@pytest.mark.parametrize("surface, expected", [
    ("Russia", {"russia"}), ("Russian Federation", {"russia"}), ("U.S.", {"united_states"}),
    ("US", {"united_states"}), ("Britain", {"united_kingdom"}), ("DPRK", {"north_korea"}),
    ("Czechia", {"czech_republic"}), ("Ivory Coast", {"ivory_coast"}), ("Byelorussia", {"belarus"}),
    ("USSR", {"soviet_union"}), ("Yugoslavia", {"yugoslavia", "serbia_and_montenegro"}),
    ("SCO", {"sco"}), ("NATO", {"nato"}), ("OSCE Minsk Group", {"osce_minsk_group"}),
    ("Minsk Group", {"osce_minsk_group"}), ("Itar-Tass", {"itar_tass"}), ("AzerTAj", {"azertag"}),
    ("Strana.ru", {"strana_ru"}), ("ABM Treaty", {"abm_treaty"}), ("Moscow Treaty", {"sort"}),
    ("Russian-Chinese friendship treaty", {"sino_russian_friendship_treaty"}),
    ("Washington Treaty", {"north_atlantic_treaty"}), ("P5+1", {"e3_plus_3"}),
    ("Security Council", {"unsc", "security_council_of_russia"}),
])
def test_gazetteer_lookup_known_names(gaz, surface, expected):
    assert gaz.lookup(surface) == frozenset(expected)


@pytest.mark.parametrize("surface, kind, entity", [
    ("Russian", "adjective", "russia"), ("Belarusan", "adjective", "belarus"),
    ("Kyrgyz", "adjective", "kyrgyzstan"), ("North Korean", "adjective", "north_korea"),
    ("Sino-", "prefix", "china"), ("Russo-", "prefix", "russia"), ("the Kremlin", "metonym", "russia"),
    ("Ashkhabad", "metonym", "turkmenistan"), ("Kiev", "metonym", "ukraine"),
    ("Downing Street", "metonym", "united_kingdom"), ("Americans", "demonym", "united_states"),
])
def test_gazetteer_state_surface_forms(gaz, surface, kind, entity):
    assert (surface, "State", entity, kind) in set(gaz.surface_forms())


def test_gazetteer_no_common_lowercase_words_as_forms(gaz):
    forms = {f for f, _, _, kind in gaz.surface_forms() if kind != "surname"}
    assert not {"us", "china", "turkey", "chad", "guinea", "the", "deal", "treaty"} & forms
    # A form that starts in lower case is "the ...", a count of states ("six world powers") or carries a
    # capital later ("adapted CFE Treaty").
    counts = ("two ", "three ", "four ", "five ", "six ", "seven ", "eight ", "nine ", "ten ")
    lower = sorted(f for f in forms if not f[0].isupper() and not f.startswith(("the ", *counts))
                   and not any(c.isupper() for c in f))
    assert lower == []


def test_gazetteer_nato_enlargements(gaz):
    assert "bulgaria" not in gaz.members("nato", date(2004, 1, 1))
    assert "bulgaria" in gaz.members("nato", date(2004, 4, 1))
    assert {"czech_republic", "hungary", "poland"} <= set(gaz.members("nato", date(1999, 3, 12)))
    assert "west_germany" in gaz.members("nato", date(1980, 1, 1))
    assert "germany" not in gaz.members("nato", date(1980, 1, 1))
    assert len(gaz.members("nato", date(2004, 4, 1))) == 26


def test_gazetteer_memberships_on_date(gaz):
    assert "united_kingdom" in gaz.members("eu", date(2020, 1, 30))
    assert "united_kingdom" not in gaz.members("eu", date(2020, 2, 1))
    assert gaz.members("sco", date(2002, 1, 7)) == sorted(
        ["russia", "china", "kazakhstan", "kyrgyzstan", "tajikistan", "uzbekistan"])
    assert "uzbekistan" in gaz.members("csto", date(2008, 1, 1))
    assert "uzbekistan" not in gaz.members("csto", date(2013, 6, 1))
    assert "russia" in gaz.members("g8", date(2002, 6, 1))
    assert "russia" not in gaz.members("g8", date(2015, 1, 1))
    assert "sco" in gaz.memberships("kyrgyzstan", date(2002, 1, 7))
    assert "georgia" not in gaz.members("cis", date(2010, 1, 1))
    assert len(gaz.members("un", date(2020, 1, 1))) == 193
    assert "south_sudan" not in gaz.members("un", date(2010, 1, 1))


def test_gazetteer_agreement_parties_and_status(gaz):
    assert gaz.parties("abm_treaty", date(2001, 12, 14)) == ["russia", "united_states"]
    assert gaz.parties("abm_treaty", date(2002, 6, 13)) == []
    assert gaz.parties("abm_treaty", date(1980, 1, 1)) == ["soviet_union", "united_states"]
    assert gaz.parties("sino_russian_friendship_treaty") == ["china", "russia"]
    abm = gaz.get("abm_treaty")
    assert abm["signed"] == "1972-05-26" and abm["status"] == "terminated"
    assert {"date": "2001-12-13", "state": "united_states", "change": "withdrawal_announced"} in abm["status_changes"]
    assert gaz.get("sort")["signed"] == "2002-05-24"
    assert "bulgaria" in gaz.parties("north_atlantic_treaty", date(2005, 1, 1))


def test_gazetteer_state_of_bodies_and_outlets(gaz):
    assert gaz.state_of("pentagon") == "united_states"
    assert gaz.state_of("state_duma") == "russia"
    assert gaz.state_of("interfax") == "russia"
    assert gaz.state_of("gazprom") == "russia"
    assert gaz.state_of("russia") == "russia"
    assert gaz.state_of("nato") is None


def test_gazetteer_default_load_is_cached(gaz):
    assert load() is gaz
    assert len(gaz.version) == 64


@pytest.mark.parametrize("id_", ["russia", "china", "united_states", "united_kingdom", "north_korea",
                                 "south_korea", "soviet_union", "yugoslavia", "czechoslovakia",
                                 "east_germany", "west_germany", "iran", "syria", "vietnam", "laos",
                                 "moldova", "macedonia", "czech_republic", "ivory_coast", "vatican",
                                 "palestine", "taiwan", "kosovo", "bosnia_and_herzegovina",
                                 "democratic_republic_of_the_congo", "republic_of_the_congo",
                                 "un", "nato", "eu", "osce", "cis", "sco", "csto", "guuam", "asean",
                                 "apec", "g8", "wto", "iaea", "opec", "abm_treaty", "start_i",
                                 "start_ii", "sort", "new_start", "inf_treaty", "npt", "ctbt",
                                 "cfe_treaty", "sino_russian_friendship_treaty"])
def test_gazetteer_contract_ids_exist(gaz, id_):
    assert gaz.get(id_) is not None


def test_gazetteer_files_live_in_package_folder():
    assert FOLDER == Path(gazetteer.__file__).resolve().parent


@pytest.mark.parametrize("name", OWN_FILES)
def test_gazetteer_readme_counts_match_files(name):
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    assert f"| {name} | {len(records(name))} |" in readme


def test_gazetteer_exists_on_resolves_historical_ambiguity(gaz):
    moscow = {i for f, t, i, k in gaz.surface_forms() if f == "Moscow" and t == "State"}
    assert moscow == {"russia", "soviet_union"}
    assert [i for i in sorted(moscow) if gaz.exists_on(i, date(2002, 1, 7))] == ["russia"]
    assert gaz.exists_on("soviet_union", date(1985, 1, 1))
    assert not gaz.exists_on("sco", date(2000, 1, 1)) and gaz.exists_on("sco", date(2001, 6, 15))
    assert not gaz.exists_on("nobody", date(2000, 1, 1))
