"""Session 11 entity rules found on the practice set (bench/practice): agreement names that open with a
state pair, formal titles with a list of words, generic agreement nouns that name none, adjectives that
name a time, and office titles of wire copy (all sentences ours)."""

from __future__ import annotations

from datetime import date

import pytest

from diplograph.graph.extract.agreement_names import same_agreement
from diplograph.graph.model import PartialDate
from extract_helpers import read

ON_2007 = PartialDate(2007, 9, 3)


def agreements(ex) -> dict[str, str]:
    """Agreement entity id -> label."""
    return {e.id: e.label for e in ex.entities if e.type == "Agreement"}


def facts(ex, p: str) -> set[tuple[str, str]]:
    return {(f.s, f.o) for f in ex.facts if f.p == p}


def test_a_state_pair_after_the_is_part_of_the_name_not_a_signer(gaz):
    ex = read("Rice and Mukherjee signed the U.S.-India Defense Framework Agreement in Washington.", gaz, ON_2007)
    [(aid, label)] = agreements(ex).items()
    assert label == "U.S.-India Defense Framework Agreement"
    assert facts(ex, "partyTo") >= {("united_states", aid), ("india", aid)}
    assert not any(s == "united_states" for s, _ in facts(ex, "signed"))  # the name's "U.S." signs nothing


@pytest.mark.parametrize("text, label", [
    ("The ministers signed an Agreement on Trade, Transit and Investment on Monday.",
     "Agreement on Trade, Transit and Investment"),
    ("The two sides signed the Treaty on Fisheries and Norway objected at once.", "Treaty on Fisheries"),
])
def test_a_formal_title_runs_through_its_list_but_not_into_a_state(gaz, text, label):
    assert label in agreements(read(text, gaz, ON_2007)).values()


def test_a_title_with_words_of_its_own_is_not_a_known_agreement_worded_alike(gaz):
    # the 2001 Sino-Russian treaty shares "good-neighborliness" but not "Eternal" (a title of our own)
    assert same_agreement("Treaty on Eternal Good-Neighborliness, Friendship and Cooperation", gaz,
                          date(2007, 9, 3)) == []
    assert same_agreement("treaty on good-neighborliness and friendly cooperation", gaz,
                          date(2007, 9, 3)) == ["sino_russian_friendship_treaty"]


@pytest.mark.parametrize("text", [
    "The coastal states agreed that no new treaty was needed for the strait.",
    "The foreign ministers parted without a joint communique for the first time.",
    "Members may leave the bloc, which under its charter takes a year.",
])
def test_a_generic_agreement_noun_that_names_none_makes_no_agreement(gaz, text):
    assert agreements(read(text, gaz, ON_2007)) == {}


def test_a_declaration_does_not_refer_back_to_a_treaty(gaz):
    ex = read("Peru and Chile signed a Treaty on Maritime Limits in Lima. In a joint declaration the two "
              "presidents said the border was settled.", gaz, ON_2007)
    treaty = next(i for i, label in agreements(ex).items() if label.startswith("Treaty on Maritime"))
    aliases = next(e.aliases for e in ex.entities if e.id == treaty)
    assert "joint declaration" not in aliases


@pytest.mark.parametrize("text, parties", [
    ("Ashgabat defended the Turkmen-Chinese gas agreements on Friday.", {"turkmenistan", "china"}),
    ("Both capitals praised the India-Pakistan ceasefire agreement.", {"india", "pakistan"}),
    ("Tehran defended the Iranian nuclear deal on Friday.", set()),
])
def test_an_agreement_named_by_a_pair_of_states_is_between_them(gaz, text, parties):
    assert {s for s, _ in facts(read(text, gaz, ON_2007), "partyTo")} == parties


@pytest.mark.parametrize("text", [
    "Armenia and Azerbaijan have quarrelled over the enclave since the Soviet collapse.",
    "The post-Soviet states met in Minsk.",
    "Georgia still flies Soviet-era helicopters.",
])
def test_an_adjective_naming_a_time_is_no_actor(gaz, text):
    assert "soviet_union" not in {e.id for e in read(text, gaz, ON_2007).entities}


def test_an_adjective_of_a_defunct_state_acting_in_the_past_stays(gaz):
    ex = read("Soviet troops entered Prague in August 1968.", gaz, ON_2007)
    assert "soviet_union" in {e.id for e in ex.entities}


@pytest.mark.parametrize("text, official, title", [
    ("Defense Secretary Robert Gates arrived in Kabul on Monday.", "robert_gates", "Defense Secretary"),
    ("State Councilor Dai Bingguo met the envoy on Monday.", "dai_bingguo", "State Councilor"),
])
def test_wire_copy_titles_are_read_from_the_text(gaz, text, official, title):
    ex = read(text, gaz, PartialDate(2009, 3, 2))
    assert (official, title) in facts(ex, "roleTitle")


def test_an_unknown_official_is_found_by_a_cabinet_title(gaz):
    ex = read("Chief Cabinet Secretary Kenta Moriyama told reporters that Tokyo wanted calm.", gaz)
    assert any(e.type == "Official" and e.label == "Kenta Moriyama" for e in ex.entities)


@pytest.mark.parametrize("text, actor", [
    ("Brussels warned Minsk over the elections on Monday.", "eu"),
    ("NATO met on Friday. Brussels warned Minsk over the exercises.", "nato"),
    ("Belgian diplomats left on Friday. Brussels warned Kinshasa over the mines.", "belgium"),
])
def test_brussels_acting_is_the_body_seated_there(gaz, text, actor):
    ex = read(text, gaz, ON_2007)
    assert {s for s, _ in facts(ex, "criticizes")} == {actor}


def test_talks_in_brussels_are_a_place(gaz):
    ex = read("Serbia and Kosovo held talks in Brussels on Monday.", gaz, ON_2007)
    assert not {"eu", "belgium"} & {e.id for e in ex.entities}


@pytest.mark.parametrize("text, state", [
    ("The Blue House protested to Tokyo on Monday.", "south_korea"),
    ("The Quai d'Orsay summoned the Iranian envoy.", "france"),
])
def test_seats_of_government_act_for_their_state(gaz, text, state):
    assert state in {e.id for e in read(text, gaz, ON_2007).entities}


EURASEC_2008 = ("The prime ministers of the six member states of the Eurasian Economic Community met in Minsk on "
                "Friday. Russian Prime Minister Vladimir Putin, Belarusian Prime Minister Sergei Sidorsky, Kazakh "
                "Prime Minister Karim Masimov, Kyrgyz Prime Minister Igor Chudinov, Tajik Prime Minister Akil Akilov "
                "and Uzbek Prime Minister Shavkat Mirziyoyev signed a customs accord.")


def test_members_counted_then_listed_in_the_next_sentence(gaz):
    ex = read(EURASEC_2008, gaz, PartialDate(2008, 6, 1))
    assert {s for s, _ in facts(ex, "memberOf") if _ == "eurasec"} == {
        "russia", "belarus", "kazakhstan", "kyrgyzstan", "tajikistan", "uzbekistan"}


def test_members_counted_but_not_all_listed_make_no_membership(gaz):
    text = EURASEC_2008.replace("six member states", "seven member states")
    ex = read(text, gaz, PartialDate(2008, 6, 1))
    assert not {s for s, o in facts(ex, "memberOf") if o == "eurasec"}
