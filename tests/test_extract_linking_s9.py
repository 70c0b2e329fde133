"""Session 9 linking of names to states: a discovered organization's state from its name, regions
read as places of their state, a capital qualified by another state, historical and missing
adjectives, and an adjective two states share (all sentences ours)."""

from __future__ import annotations

import pytest

from extract_helpers import core_facts, read


def mentions(ex) -> dict[str, tuple]:
    """Surface text -> (entity id, place, state) of each mention (the last one of a text wins)."""
    return {m.text: (m.entity_id, m.place, m.state) for m in ex.mentions}


@pytest.mark.parametrize("text, name, state", [
    ("The Ghanaian Association of Nurses criticized the new pay rules.", "Ghanaian Association of Nurses", "ghana"),
    ("The Latvian Parliament condemned the decision of Belarus.", "Latvian Parliament", "latvia"),
    ("The Serbia Farmers Association demanded help from the government.", "Serbia Farmers Association", "serbia"),
    ("The Union of Estonian Fishermen criticized the quotas.", "Union of Estonian Fishermen", "estonia"),
])
def test_discovered_organization_takes_the_state_its_name_carries(gaz, text, name, state):
    found = mentions(read(text, gaz))
    assert found[name][0].startswith("organization/") and found[name][2] == state


def test_organization_acronym_shares_the_state_of_its_name(gaz):
    ex = read("The Kenyan Union of Farmers (KUF) ended its protest. KUF leaders thanked the ministers.", gaz)
    states = {m.state for m in ex.mentions if m.text in ("Kenyan Union of Farmers", "KUF")}
    assert states == {"kenya"}


@pytest.mark.parametrize("text, name", [
    ("The Polish-German Youth Council met in Berlin.", "Polish-German Youth Council"),
    ("The Green Renewal Union collected signatures.", "Green Renewal Union"),
    ("The Sudan Contact Group criticized Chad.", "Sudan Contact Group"),
    ("The NATO-Ukraine Commission met in Kiev.", "NATO-Ukraine Commission"),
])
def test_organization_about_a_state_or_of_several_gets_no_state(gaz, text, name):
    found = mentions(read(text, gaz))
    assert found[name][0].startswith("organization/") and found[name][2] is None


@pytest.mark.parametrize("text, region, state", [
    ("Two men were arrested by police in Northern Ireland on Sunday.", "Northern Ireland", "united_kingdom"),
    ("Chinese officials met investors in Hong Kong.", "Hong Kong", "china"),
    ("Thousands marched through Scotland on Saturday.", "Scotland", "united_kingdom"),
])
def test_region_is_a_place_of_its_state(gaz, text, region, state):
    ex = read(text, gaz)
    assert mentions(ex)[region][:2] == (state, True)
    assert "ireland" not in {m.entity_id for m in ex.mentions}


def test_region_never_acts_or_becomes_an_entity(gaz):
    ex = read("Northern Ireland condemned the attack by Libya.", gaz)
    assert not any(f.s == "united_kingdom" for f in ex.facts)
    assert "ireland" not in {e.id for e in ex.entities}


@pytest.mark.parametrize("text", [
    "Clashes erupted in Tripoli, Lebanon, on Tuesday.",
    "Syrian tanks shelled gunmen in northern Lebanon's Tripoli.",
    "Gunmen attacked the army in the Lebanese port city of Tripoli.",
])
def test_capital_qualified_by_another_state_is_a_place_of_it(gaz, text):
    ex = read(text, gaz)
    assert mentions(ex)["Tripoli"][:2] == ("lebanon", True)
    assert "libya" not in {m.entity_id for m in ex.mentions}


def test_unqualified_capital_stays_a_metonym(gaz):
    ex = read("Tripoli condemned the attack by Egypt.", gaz)
    assert mentions(ex)["Tripoli"][:2] == ("libya", False)
    assert ("libya", "criticizes", "egypt") in core_facts(ex)


def test_capital_qualifying_a_noun_after_a_possessive_keeps_its_state(gaz):
    ex = read("Canada's Tripoli embassy was closed on Monday.", gaz)
    assert mentions(ex)["Tripoli"][0] == "libya"


def test_capital_before_a_list_of_states_is_not_qualified(gaz):
    ex = read("Officials in Washington, Britain, France and Germany condemned Iran.", gaz)
    assert mentions(ex)["Washington"][:2] == ("united_states", True)
    assert ("united_kingdom", "criticizes", "iran") in core_facts(ex)


@pytest.mark.parametrize("text, fact", [
    ("The Kampuchean government accused Vietnam of shelling border villages.", ("cambodia", "criticizes", "vietnam")),
    ("The Zairean government criticized Uganda on Friday.",
     ("democratic_republic_of_the_congo", "criticizes", "uganda")),
    ("The Rwandese government criticized France over the report.", ("rwanda", "criticizes", "france")),
])
def test_historical_and_variant_adjectives_name_their_state(gaz, text, fact):
    assert fact in core_facts(read(text, gaz))


def test_shared_adjective_resolves_to_the_state_the_text_names(gaz):
    ex = read("Congolese troops clashed with rebels near Brazzaville.", gaz)
    assert mentions(ex)["Congolese"][0] == "republic_of_the_congo"


def test_shared_adjective_stays_ambiguous_when_no_state_is_named(gaz):
    ex = read("Congolese troops criticized Angola.", gaz)
    assert "Congolese" in {m.text for m in ex.unresolved}
    assert not any(m.entity_id and "congo" in m.entity_id for m in ex.mentions)


def test_name_elsewhere_does_not_override_the_date_between_a_state_and_its_predecessor(gaz):
    ex = read("Moscow rejected the claim that Soviet troops had shelled the town.", gaz)
    assert mentions(ex)["Moscow"][0] == "russia"


@pytest.mark.parametrize("day, city, state", [
    ("1998-03-02", "Juba", "sudan"),
    ("2015-03-02", "Juba", "south_sudan"),
    ("1989-03-02", "Belgrade", "yugoslavia"),
    ("1999-03-02", "Belgrade", "serbia_and_montenegro"),
])
def test_capital_named_before_its_state_existed_is_its_predecessors(gaz, day, city, state):
    from diplograph.graph.extract import extract
    from diplograph.graph.model import Document, PartialDate

    ex = extract(Document(id="t", text=f"Rebels shelled {city} on Sunday.", date=PartialDate.parse(day)), gaz)
    assert mentions(ex)[city][0] == state
