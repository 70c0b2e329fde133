"""A reaction ("drawing criticism from Y") answers the doer of the act before it (sentences written for these tests)."""

from __future__ import annotations


from diplograph.graph.extract import extract
from diplograph.graph.model import Document, PartialDate


def criticisms(text: str, gaz) -> set[tuple[str, str]]:
    x = extract(Document(id="t", text=text, date=PartialDate.parse("2001-03-01")), gaz)
    return {(f.s, f.o) for f in x.facts if f.p == "criticizes"}


def test_extract_reaction_targets_the_sentence_subject(gaz):
    assert criticisms("Greece tested a new missile, prompting criticism from Turkey.", gaz) == {("turkey", "greece")}


def test_extract_reaction_targets_the_doer_not_the_place_of_the_act(gaz):
    found = criticisms("Talks were postponed after the Greek prime minister, Costas Simitis, visited Cyprus, "
                       "drawing criticism from Turkey.", gaz)
    assert ("turkey", "kostas_simitis") in found and ("turkey", "cyprus") not in found


def test_extract_reaction_from_several_states(gaz):
    found = criticisms("Prime Minister Costas Simitis toured the disputed islet, drawing an angry response "
                       "from Turkey and Albania.", gaz)
    assert {("turkey", "kostas_simitis"), ("albania", "kostas_simitis")} <= found


def test_extract_reaction_without_a_doer_asserts_nothing(gaz):
    assert criticisms("The visit drew criticism from Turkey.", gaz) == set()
