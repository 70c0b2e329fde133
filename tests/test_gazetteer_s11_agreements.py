"""Session 11 gazetteer additions: agreements, intergovernmental bodies and officials, on their own and as
the extractor reads them in sentences of ours."""

from __future__ import annotations

from datetime import date

import pytest

from diplograph.graph.model import PartialDate
from extract_helpers import read


@pytest.mark.parametrize("surface, agreement", [
    ("Simla Agreement", "simla_agreement"), ("Shimla Agreement", "simla_agreement"),
    ("Wye River Memorandum", "wye_river_memorandum"), ("Kharkov accords", "kharkiv_agreements"),
    ("Treaty of Amsterdam", "amsterdam_treaty"), ("Nice Treaty", "nice_treaty"), ("NAFTA", "nafta"),
    ("USMCA", "usmca"), ("UNCLOS", "unclos"), ("Ottawa Treaty", "ottawa_treaty"), ("Taif Accord", "taif_agreement"),
    ("Treaty of Tashkent", "collective_security_treaty"), ("Indus Waters Treaty", "indus_waters_treaty"),
    ("EU-Ukraine Association Agreement", "eu_ukraine_association_agreement"), ("Abraham Accords", "abraham_accords"),
    ("Indo-US nuclear deal", "us_india_nuclear_agreement"), ("Paris climate agreement", "paris_agreement"),
    ("2018 Sochi agreement", "sochi_memorandum_2018"), ("Dagomys agreement", "sochi_agreement_1992"),
])
def test_gazetteer_s11_agreement_names(gaz, surface, agreement):
    assert gaz.lookup(surface) == frozenset({agreement})


@pytest.mark.parametrize("surface, agreements", [
    ("Sochi agreement", {"sochi_agreement_1992", "sochi_memorandum_2018"}),
    ("Paris Agreement", {"paris_agreement", "paris_agreement_2004"}),
    ("Comprehensive Peace Agreement", {"sudan_cpa", "liberia_cpa", "nepal_cpa"}),
    ("Association Agreement", {"eu_ukraine_association_agreement", "eu_georgia_association_agreement",
                               "eu_moldova_association_agreement"}),
])
def test_gazetteer_s11_shared_short_names_stay_ambiguous(gaz, surface, agreements):
    assert gaz.lookup(surface) == frozenset(agreements)
    assert all(surface in gaz.get(a)["ambiguous_aliases"] for a in agreements)


def test_gazetteer_s11_parties_follow_dates(gaz):
    assert gaz.parties("paris_agreement", date(2019, 6, 1)) == ["china", "eu", "france", "india", "russia",
                                                                 "united_states"]
    assert "united_states" not in gaz.parties("paris_agreement", date(2020, 12, 1))
    assert "united_states" in gaz.parties("paris_agreement", date(2022, 1, 1))
    assert gaz.parties("nafta", date(2021, 1, 1)) == []
    assert gaz.parties("usmca", date(2021, 1, 1)) == ["canada", "mexico", "united_states"]
    assert gaz.parties("kharkiv_agreements", date(2015, 1, 1)) == []
    assert gaz.parties("eaeu_treaty", date(2016, 1, 1)) == ["armenia", "belarus", "kazakhstan", "kyrgyzstan", "russia"]
    assert gaz.parties("tpp", date(2017, 6, 1)).count("united_states") == 0


def test_gazetteer_s11_memberships(gaz):
    assert gaz.members("visegrad_group", date(1992, 1, 1)) == ["czechoslovakia", "hungary", "poland"]
    assert gaz.members("visegrad_group", date(2004, 1, 1)) == ["czech_republic", "hungary", "poland", "slovakia"]
    assert gaz.members("eac", date(2008, 1, 1)) == ["burundi", "kenya", "rwanda", "tanzania", "uganda"]
    assert "turkic_council" in gaz.memberships("uzbekistan", date(2020, 1, 1))
    assert "turkic_council" not in gaz.memberships("uzbekistan", date(2015, 1, 1))
    assert gaz.lookup("PACE") == frozenset({"pace"}) and gaz.get("pace")["parent"] == "council_of_europe"
    assert gaz.state_of("aeoi") == "iran"


@pytest.mark.parametrize("state, role_class, on, holder", [
    ("spain", "foreign_minister", date(2005, 1, 1), "miguel_angel_moratinos"),
    ("australia", "foreign_minister", date(2003, 1, 1), "alexander_downer"),
    ("brazil", "foreign_minister", date(2012, 1, 1), "antonio_patriota"),
    ("indonesia", "foreign_minister", date(2005, 1, 1), "hassan_wirajuda"),
    ("qatar", "foreign_minister", date(2010, 1, 1), "hamad_bin_jassim"),
    ("mexico", "head_of_state", date(2004, 1, 1), "vicente_fox"),
    ("belgium", "foreign_minister", date(2006, 6, 1), "karel_de_gucht"),
    ("greece", "foreign_minister", date(2007, 1, 1), "dora_bakoyannis"),
    ("sweden", "foreign_minister", date(2010, 1, 1), "carl_bildt"),
    ("sri_lanka", "foreign_minister", date(2012, 1, 1), "g_l_peiris"),
    ("austria", "head_of_government", date(2005, 1, 1), "wolfgang_schussel"),
])
def test_gazetteer_s11_office_holders(gaz, state, role_class, on, holder):
    assert gaz.holders(state, role_class, on) == [holder]


def test_gazetteer_s11_agreement_read_in_text(gaz):
    ex = read("India and Pakistan reaffirmed the Simla Agreement on Monday.", gaz, PartialDate(2001, 7, 16))
    assert {"simla_agreement"} <= {m.entity_id for m in ex.mentions}
    facts = {(f.s, f.p, f.o) for f in ex.facts}
    assert ("india", "partyTo", "simla_agreement") in facts and ("pakistan", "partyTo", "simla_agreement") in facts


def test_gazetteer_s11_ambiguous_name_takes_the_one_named_before(gaz):
    text = ("Russia and Turkey signed the 2018 Sochi agreement on Idlib. "
            "Ankara said the Sochi agreement was holding.")
    ex = read(text, gaz, PartialDate(2018, 10, 1))
    ids = [m.entity_id for m in ex.mentions if m.entity_id in ("sochi_memorandum_2018", "sochi_agreement_1992")]
    assert ids and set(ids) == {"sochi_memorandum_2018"}


def test_gazetteer_s11_official_gets_state_and_title(gaz):
    ex = read("Spanish Foreign Minister Miguel Angel Moratinos met Sergei Lavrov in Madrid.", gaz,
              PartialDate(2007, 3, 1))
    facts = {(f.s, f.p, f.o) for f in ex.facts}
    assert ("miguel_angel_moratinos", "officialOf", "spain") in facts
