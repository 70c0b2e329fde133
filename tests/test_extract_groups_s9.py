"""States acting together (session 9): plural references to states named before ("the three
countries", "the new members", "the two presidents") stand for them (plurals.py); a named grouping
that reaches a deal with another party held talks with it (groupings.negotiated)."""

from __future__ import annotations

import pytest
from diplograph.graph.extract import extract, groupings, plurals
from diplograph.graph.model import Document, Extraction, PartialDate

SIX = {"china", "france", "germany", "russia", "united_kingdom", "united_states"}
TRIO = {"poland", "hungary", "czech_republic"}



def read(text: str, gazetteer, on: str = "2004-05-03") -> Extraction:
    return extract(Document(id="t", text=text, date=PartialDate.parse(on)), gazetteer)


def facts(ex: Extraction, p: str) -> set[tuple[str, str]]:
    return {(f.s, f.o) for f in ex.facts if f.p == p}


def plural(ex: Extraction) -> dict[str, set[str]]:
    """Reference text -> the ids read from it."""
    out: dict[str, set[str]] = {}
    for m in ex.mentions:
        if m.rule == plurals.KIND:
            out.setdefault(m.text, set()).add(m.entity_id)
    return out


ENUMERATION = "The foreign ministers of Poland, Hungary and the Czech Republic arrived in Brussels on Friday. "


def test_extract_groups_s9_numbered_reference_stands_for_the_states_named_before(gazetteer):
    ex = read(ENUMERATION + "The three countries later praised Germany for its help.", gazetteer)
    assert plural(ex) == {"The three countries": TRIO}
    assert {(s, "germany") for s in TRIO} <= facts(ex, "supports")
    # a reference is no name: it is not an alias of the states it stands for
    assert all("The three countries" not in e.aliases for e in ex.entities)


@pytest.mark.parametrize("reference", ["The two countries", "The four countries", "Both sides"])
def test_extract_groups_s9_a_number_that_does_not_match_resolves_nothing(gazetteer, reference):
    ex = read(ENUMERATION + f"{reference} later praised Germany for its help.", gazetteer)
    assert plural(ex) == {}
    assert not {s for s, _ in facts(ex, "supports")} & TRIO


def test_extract_groups_s9_both_sides_are_the_two_states_of_the_last_pair(gazetteer):
    ex = read("Armenia and Azerbaijan held talks in Moscow on Sunday. Both sides later criticized Turkey.",
              gazetteer, "2008-11-02")
    assert plural(ex) == {"Both sides": {"armenia", "azerbaijan"}}
    assert {("armenia", "turkey"), ("azerbaijan", "turkey")} <= facts(ex, "criticizes")


def test_extract_groups_s9_an_organization_among_the_parties_resolves_nothing(gazetteer):
    ex = read("Russia and the European Union held talks in Brussels. The two sides later criticized Belarus.",
              gazetteer, "2006-05-25")
    assert plural(ex) == {}
    assert ("russia", "belarus") not in facts(ex, "criticizes")


def test_extract_groups_s9_leaders_are_the_officials_named_before(gazetteer):
    ex = read("President George W. Bush and Russian President Vladimir Putin arrived in Moscow on Friday. "
              "Their countries are old rivals. The two presidents later signed the Treaty of Moscow.",
              gazetteer, "2002-05-24")
    refs = plural(ex)
    assert refs["Their countries"] == {"united_states", "russia"}
    assert refs["The two presidents"] == {"george_w_bush", "vladimir_putin"}
    assert {m.type for m in ex.mentions if m.text == "The two presidents"} == {"Official"}


def test_extract_groups_s9_new_members_are_the_states_a_sentence_said_joined(gazetteer):
    joined = read("Croatia and Albania joined NATO on Wednesday. Canada welcomed the new members on Thursday.",
                  gazetteer, "2009-04-01")
    assert plural(joined) == {"the new members": {"croatia", "albania"}}
    assert {("canada", "croatia"), ("canada", "albania")} <= facts(joined, "supports")
    other = read("Croatia and Albania criticized Serbia on Wednesday. Canada welcomed the new members on Thursday.",
                 gazetteer, "2009-04-01")
    assert plural(other) == {}


def test_extract_groups_s9_their_leaders_only_right_after_the_group(gazetteer):
    near = read("Estonia and Latvia protested on Monday. Their leaders met Finland's president in Helsinki.",
                gazetteer, "2005-05-09")
    assert plural(near) == {"Their leaders": {"estonia", "latvia"}}
    far = read("Estonia and Latvia protested on Monday. Trade grew. Prices rose. "
               "Their leaders met Finland's president in Helsinki.", gazetteer, "2005-05-09")
    assert plural(far) == {}


def test_extract_groups_s9_a_reference_naming_its_states_is_left_alone(gazetteer):
    ex = read(ENUMERATION + "The two leaders of Slovakia and Slovenia praised Germany.", gazetteer)
    assert plural(ex) == {}


def test_extract_groups_s9_find_references_spans_number_and_noun(gazetteer):
    ex = read("Both countries and the seven new members met; the three heads of state spoke.", gazetteer)
    assert ex.mentions == ()  # nothing named: the references are found but stand for nothing
    from diplograph.graph.extract.lexicon import default_rules
    from diplograph.graph.extract.parse import parse
    p = parse(Document(id="t", text="Both countries and the seven new members met; the three heads of state spoke."),
              gazetteer, default_rules())
    found = [(p.span_text(i, j), n, new) for i, j, n, _, new in plurals.find_references(p, [])]
    assert found == [("Both countries", 2, False), ("the seven new members", 7, True),
                     ("the three heads of state", 3, False)]


def test_extract_groups_s9_six_world_powers_is_the_named_grouping(gazetteer):
    ex = read("Iran and six world powers held talks in Vienna.", gazetteer, "2015-07-10")
    assert {("iran", s) for s in SIX} <= facts(ex, "met")


def test_extract_groups_s9_a_deal_reached_with_a_named_grouping_means_talks(gazetteer):
    ex = read("Iran and the six powers reached an agreement on a nuclear deal in Vienna.", gazetteer, "2015-07-14")
    met = facts(ex, "met")
    assert {("iran", s) for s in SIX} <= met
    assert not {(a, b) for a, b in met if a in SIX and b in SIX}  # the powers among themselves: no
    parties = {s for s, _ in facts(ex, "partyTo")}
    assert SIX | {"iran"} <= parties


@pytest.mark.parametrize("text", [
    "Iran and the six powers failed to reach an agreement on a nuclear deal in Vienna.",
    "Iran and the six powers will reach an agreement on a nuclear deal next week.",
])
def test_extract_groups_s9_a_deal_not_reached_says_nothing_of_talks(gazetteer, text):
    ex = read(text, gazetteer, "2015-07-14")
    assert not facts(ex, "met")
    assert not [e for e in ex.events if e.event_type == "CONSULT"]


def test_extract_groups_s9_states_named_one_by_one_get_no_talks_from_the_grouping_rule(gazetteer):
    ex = read("Iran and France reached an agreement on a nuclear deal in Vienna.", gazetteer, "2015-07-14")
    assert groupings.negotiated(list(ex.events), [], gazetteer) == list(ex.events)
    assert not [e for e in ex.events if e.event_type == "CONSULT"]


def test_extract_groups_s9_example_and_rerun_are_stable(gazetteer):
    from pathlib import Path
    text = (Path(__file__).resolve().parents[1] / "examples" / "monitor-8-7.txt").read_text(encoding="utf-8")
    doc = Document(id="monitor-8-7", text=text, date=PartialDate.parse("2002-01-08"))
    first, second = extract(doc, gazetteer), extract(doc, gazetteer)
    assert first == second
    # the example's "the two countries" and "the two sides" are Russia and China, named together before
    assert plural(first) == {ref: {"russia", "china"} for ref in ("the two countries", "the two sides",
                                                                  "The two sides")}


DEAL = "Iran and the six powers reached an agreement on a nuclear deal in Vienna on Tuesday. "


@pytest.mark.parametrize("agent", ["the chief negotiator for the six powers",
                                   "who negotiated on behalf of the six powers"])
def test_extract_groups_s9_a_named_grouping_s_representative_met_its_counterparts(gazetteer, agent):
    ex = read(DEAL + f"EU foreign policy chief Federica Mogherini, {agent}, hailed the deal.", gazetteer,
              "2015-07-14")
    mine = {o for s, o in facts(ex, "met") if s == "federica_mogherini"}
    assert mine == {"iran"}  # not the six she acts for


def test_extract_groups_s9_an_official_who_does_not_act_for_the_grouping_gets_no_talks(gazetteer):
    ex = read(DEAL + "EU foreign policy chief Federica Mogherini, a critic of the six powers, hailed the deal.",
              gazetteer, "2015-07-14")
    assert not {o for s, o in facts(ex, "met") if s == "federica_mogherini"}


@pytest.mark.parametrize("gap, acts", [
    (("was", "chief", "negotiator", "for", "the"), True),
    ((",", "who", "negotiates", "on", "behalf", "of", "the"), True),
    ((",", "representing"), True),
    (("was", "angry", "for"), False),
    ((",", "a", "critic", "of", "the"), False),
])
def test_extract_groups_s9_words_that_make_an_official_a_grouping_s_agent(gap, acts):
    assert groupings._acts_for(gap) is acts


def test_extract_groups_s9_states_named_as_places_are_no_antecedent(gazetteer):
    ex = read("Rebels in Sudan and Chad attacked villages on Monday. Their leaders met in Tripoli.", gazetteer,
              "2006-03-21")
    assert plural(ex) == {}
    named = read("Sudan and Chad signed a peace deal on Monday. Their leaders met Libyan leader Muammar Gaddafi "
                 "in Tripoli.", gazetteer, "2006-03-21")
    assert plural(named) == {"Their leaders": {"sudan", "chad"}}
    assert {("sudan", "muammar_gaddafi"), ("chad", "muammar_gaddafi")} <= facts(named, "met")


def test_extract_groups_s9_gulf_states_are_the_gulf_arab_monarchies(gazetteer):
    ex = read("The Gulf states condemned Iran on Sunday.", gazetteer, "2016-01-05")
    members = {"bahrain", "kuwait", "oman", "qatar", "saudi_arabia", "united_arab_emirates"}
    assert facts(ex, "criticizes") == {(s, "iran") for s in members}
