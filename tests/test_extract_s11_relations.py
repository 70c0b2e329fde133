"""Relations between states in constructions of diplomatic reporting (session 11): reciprocal objects,
a co-actor joined, a repeated preposition, a criticism aimed at the state a report is about, a meeting's
host named a sentence earlier, "joined Y for talks", a partner named in a relative clause, "the two
leaders" after two officials named apart.

Sentences are our own.
"""

from __future__ import annotations

import pytest

from extract_helpers import core_facts, read, triples


@pytest.mark.parametrize("text, a, b", [
    ("Armenia and Azerbaijan accused each other of shelling villages on Sunday.", "armenia", "azerbaijan"),
    ("Peru and Chile criticized one another over the fishing dispute.", "chile", "peru"),
])
def test_reciprocal_object_makes_each_actor_the_other_s_target(gaz, text, a, b):
    facts = core_facts(read(text, gaz))
    assert {(a, "criticizes", b), (b, "criticizes", a)} <= facts


def test_reciprocal_needs_two_actors(gaz):
    ex = read("Armenia accused each other party of lying.", gaz)
    assert not any(f[1] == "criticizes" and f[2] == "armenia" for f in core_facts(ex))


def test_state_joined_in_condemning_acts_too(gaz):
    facts = core_facts(read("Norway joined Sweden in condemning Belarus on Friday.", gaz))
    assert {("norway", "criticizes", "belarus"), ("sweden", "criticizes", "belarus")} <= facts
    assert not any(f[1] == "joins" for f in facts)


def test_joined_without_a_gerund_adds_no_co_actor(gaz):
    facts = core_facts(read("Norway joined Sweden's campaign and Denmark condemned Belarus.", gaz))
    assert ("sweden", "criticizes", "belarus") not in facts


@pytest.mark.parametrize("text, expected", [
    ("Serbia leaned on Hungary, and on Russia and China, for diplomatic backing.",
     {("hungary", "supports", "serbia"), ("russia", "supports", "serbia"), ("china", "supports", "serbia")}),
    ("Australia relied on Japan, and on India, for support in the talks.",
     {("japan", "supports", "australia"), ("india", "supports", "australia")}),
])
def test_repeated_preposition_adds_each_group(gaz, text, expected):
    assert expected <= core_facts(read(text, gaz))


def test_repeated_preposition_with_a_sanction(gaz):
    evs = triples(read("Canada imposed sanctions on Iran and on Syria.", gaz))
    assert {("SANCTION", "canada", "iran"), ("SANCTION", "canada", "syria")} <= evs


def test_met_with_twice_names_two_meetings_not_one(gaz):
    facts = core_facts(read("Britain met with France, and with Germany.", gaz))
    assert ("france", "met", "germany") not in facts and ("germany", "met", "france") not in facts


def test_crackdown_without_place_is_aimed_at_the_report_s_state(gaz):
    text = ("Security forces in Minsk detained hundreds of protesters on Sunday. Belarus blamed foreign agents "
            "for the unrest. Lithuania condemned the crackdown on Monday.")
    assert ("lithuania", "criticizes", "belarus") in core_facts(read(text, gaz))


@pytest.mark.parametrize("text", [
    # an act with an outside doer names no target
    "Security forces in Minsk detained hundreds on Sunday. Belarus blamed agents. Lithuania condemned the attack.",
    # no state stands out as the report's subject
    "Lithuania condemned the crackdown on Monday.",
    # the critic is the report's state itself
    "Belarus held a vote. Minsk saw protests. Belarus condemned the violence on Monday.",
])
def test_criticism_without_focus_state_stays_untargeted(gaz, text):
    assert not any(f[1] == "criticizes" for f in core_facts(read(text, gaz)))


def test_host_named_a_sentence_before_met_each_guest(gaz):
    text = ("The meeting in Oslo was hosted by Norwegian Foreign Minister Jonas Gahr Store. It brought together "
            "Russian Foreign Minister Sergei Lavrov and Canada's Foreign Minister Stephane Dion.")
    facts = {(s, o) for s, p, o in core_facts(read(text, gaz, on=_d(2007, 5, 1))) if p == "met"}
    assert ("jonas_gahr_store", "sergey_lavrov") in facts and ("jonas_gahr_store", "stephane_dion") in facts


def test_host_in_a_participle_before_brought_together(gaz):
    facts = core_facts(read("The summit, chaired by Egypt, brought together Jordan and Israel.", gaz))
    assert {("egypt", "met", "israel"), ("egypt", "met", "jordan")} <= facts


def test_no_host_for_a_war_bringing_states_together(gaz):
    assert not core_facts(read("The war, hosted by nobody, brought Jordan and Israel together.", gaz))


@pytest.mark.parametrize("text, a, b", [
    ("Germany joined France for talks on Monday.", "germany", "france"),
    ("Chile joined Peru at the signing ceremony.", "chile", "peru"),
    ("The Indian minister joined Russian Foreign Minister Sergei Lavrov for a working lunch.", "india",
     "sergey_lavrov"),
])
def test_joined_for_a_meeting_is_a_meeting(gaz, text, a, b):
    ex = read(text, gaz)
    met = {(e.actor, e.target) for e in ex.events if e.relation == "met"}
    assert any(b == t for _, t in met)
    assert not any(f[1] == "joins" for f in core_facts(ex))


@pytest.mark.parametrize("text", [
    "Cambodia, which is a close partner of China, refused.",
    "Cambodia, which chairs the bloc this year and is a key partner of Beijing, refused.",
])
def test_partner_in_a_relative_clause(gaz, text):
    assert ("cambodia", "supports", "china") in core_facts(read(text, gaz))


def test_two_leaders_after_officials_named_in_two_clauses(gaz):
    text = ("Returning from Kabul, where he had met President Ashraf Ghani, Narendra Modi was greeted by Prime "
            "Minister Nawaz Sharif. The two leaders held talks for an hour.")
    facts = core_facts(read(text, gaz, on=_d(2015, 12, 26)))
    assert ("narendra_modi", "met", "nawaz_sharif") in facts
    assert not any("ashraf_ghani" in (s, o) and "nawaz_sharif" in (s, o) for s, _, o in facts)


def _d(y, m, d):
    from diplograph.graph.model import PartialDate
    return PartialDate(y, m, d)


@pytest.mark.parametrize("text, a, b, c", [
    ("Hungary sided with Poland against Germany in the dispute.", "hungary", "poland", "germany"),
    ("Russia backed Serbia against Kosovo at the United Nations.", "russia", "serbia", "kosovo"),
])
def test_sided_with_y_against_z_criticizes_z(gaz, text, a, b, c):
    assert {(a, "supports", b), (a, "criticizes", c)} <= core_facts(read(text, gaz))


def test_sided_with_y_alone_criticizes_no_one(gaz):
    assert not any(f[1] == "criticizes" for f in core_facts(read("Hungary sided with Poland in the dispute.", gaz)))


@pytest.mark.parametrize("text, host, guest", [
    ("Qatar hosted Afghan President Ashraf Ghani on Sunday.", "qatar", "ashraf_ghani"),
    ("Egypt hosted the Jordanian foreign minister on Monday.", "egypt", "ayman_safadi"),
])
def test_hosting_an_official_is_a_meeting(gaz, text, host, guest):
    assert (host, "met", guest) in core_facts(read(text, gaz))


@pytest.mark.parametrize("text", ["Egypt hosted the conference on Libya.", "Kenya hosted Somali refugees."])
def test_hosting_a_conference_or_people_is_no_meeting(gaz, text):
    assert not any(f[1] == "met" for f in core_facts(read(text, gaz)))


@pytest.mark.parametrize("text", [
    "Indian and Chinese troops clashed on the border on Monday.",
    "Twelve Indian soldiers and several Chinese troops were killed in a clash on the border.",
])
def test_clash_between_two_sides_is_each_side_s_act(gaz, text):
    evs = {(e.actor, e.target) for e in read(text, gaz).events if e.event_type in ("ASSAULT", "FIGHT")}
    assert {("india", "china"), ("china", "india")} <= evs


def test_clash_with_one_side_named_stays_one_way(gaz):
    evs = {(e.actor, e.target) for e in read("Indian troops were killed in a clash on Monday.", gaz).events}
    assert ("india", "india") not in evs and not any(t == "india" and a != "india" for a, t in evs)


def test_aid_sent_without_receiver_goes_to_the_report_s_state(gaz):
    text = ("Saudi Arabia closed its border with Qatar. Doha said the move was unjust. Iran has offered to send "
            "food.")
    assert ("AID", "iran", "qatar") in triples(read(text, gaz))


def test_aid_sent_names_its_receiver(gaz):
    assert ("AID", "iran", "qatar") in triples(read("Iran sent food and medicine to Qatar.", gaz))


@pytest.mark.parametrize("text, kind", [
    ("Colombia and Peru exchanged ambassadors on Friday.", "SUPPORT"),
    ("Israel and Bahrain restored diplomatic relations.", "COOPERATE"),
])
def test_ties_between_two_actors_run_both_ways(gaz, text, kind):
    evs = {(a, t) for k, a, t in triples(read(text, gaz)) if k == kind}
    assert len(evs) == 2 and all(a and t and a != t for a, t in evs)


def test_welcoming_the_visit_reported_before_supports_the_visitor(gaz):
    text = "Narendra Modi made a visit to Lahore on Friday. Islamabad welcomed the visit as a sign of goodwill."
    assert ("pakistan", "supports", "narendra_modi") in core_facts(read(text, gaz, on=_d(2015, 12, 26)))


@pytest.mark.parametrize("text", [
    "Japan condemned the visit.",  # no visit reported before
    "China visited Japan. Japan welcomed the visit by Korea.",  # the visit's maker is named
])
def test_judging_an_act_not_reported_before_takes_no_earlier_actor(gaz, text):
    assert not any(f[0] == "japan" and f[2] == "china" for f in core_facts(read(text, gaz)))


@pytest.mark.parametrize("text, principal", [
    ("Venezuela accused the OAS of meddling in its affairs and of doing Washington's bidding.", "united_states"),
    ("Serbia accused Kosovo of being a NATO proxy.", "nato"),
    ("Iran accused Iraq of acting as a puppet of the United States.", "united_states"),
])
def test_whose_bidding_is_criticized_too(gaz, text, principal):
    facts = core_facts(read(text, gaz))
    assert any(f[1] == "criticizes" and f[2] == principal for f in facts)


def test_no_proxy_noun_no_principal(gaz):
    facts = core_facts(read("Venezuela accused the OAS of meddling in its affairs with Washington's help.", gaz))
    assert not any(f[1] == "criticizes" and f[2] == "united_states" for f in facts)


@pytest.mark.parametrize("text, host, guests", [
    ("Egypt hosted the summit on Sunday. The talks between Israel and Jordan lasted five hours.", "egypt",
     {"israel", "jordan"}),
    ("Norway hosted a conference in Oslo on Monday. Israel and Egypt held talks there.", "norway",
     {"israel", "egypt"}),
])
def test_host_of_a_meeting_named_a_sentence_before_the_talks(gaz, text, host, guests):
    met = {o for s, p, o in core_facts(read(text, gaz)) if p == "met" and s == host}
    assert guests <= met


@pytest.mark.parametrize("text", [
    "Egypt hosted the refugees. Israel and Jordan held talks.",  # no meeting hosted
    "Egypt hosted the summit on Sunday. Israel and Jordan held talks in March.",  # no reference back
])
def test_host_without_a_meeting_referred_to_met_no_one(gaz, text):
    assert not any(p == "met" and s == "egypt" for s, p, o in core_facts(read(text, gaz)))


def test_no_focus_state_in_a_report_on_two_states_quarrel(gaz):
    text = ("Colombia and Brazil criticized Venezuela on Saturday. Venezuela accused Colombia of a provocation "
            "and broke off relations with Bogota. China sent medicine.")
    assert not [e for e in read(text, gaz).events if e.event_type == "AID" and e.target]


@pytest.mark.parametrize("text, a, b", [
    ("Britain expelled two Russian diplomats on Monday.", "united_kingdom", "russia"),
    ("Canada recalled its ambassador from Saudi Arabia.", "canada", "saudi_arabia"),
])
def test_diplomats_expelled_or_recalled_is_a_protest(gaz, text, a, b):
    assert (a, "criticizes", b) in core_facts(read(text, gaz))


def test_monitors_withdrawn_assert_no_criticism(gaz):
    assert not core_facts(read("Norway withdrew its monitors from Sri Lanka.", gaz))


@pytest.mark.parametrize("text, parties", [
    ("The ceasefire agreement between Armenia and Azerbaijan collapsed on Sunday.", {"armenia", "azerbaijan"}),
    ("Armenia's ceasefire agreement with Azerbaijan collapsed on Sunday.", {"armenia", "azerbaijan"}),
    ("Iran, a signatory of the nuclear deal, rejected the demand.", {"iran"}),
    ("Iran, a party to the nuclear deal, rejected the demand.", {"iran"}),
])
def test_parties_of_an_agreement_named_in_passing(gaz, text, parties):
    ex = read(text, gaz)
    assert {s for s, p, o in core_facts(ex) if p == "partyTo"} == parties


def test_parties_named_in_passing_make_no_agreement_between_them(gaz):
    ex = read("The ceasefire agreement between Armenia and Azerbaijan collapsed on Sunday.", gaz)
    assert not [e for e in ex.events if {e.actor, e.target} == {"armenia", "azerbaijan"}]


@pytest.mark.parametrize("text", [
    "The proposed ceasefire agreement between Armenia and Azerbaijan was discussed.",
    "Russia and China reached a deal on Sunday.",
])
def test_no_parties_for_a_planned_or_unnamed_deal(gaz, text):
    assert not [f for f in core_facts(read(text, gaz)) if f[1] == "partyTo"]
