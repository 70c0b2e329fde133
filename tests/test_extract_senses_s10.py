"""Trigger words in their other senses (session 10): "met the deadline" is no meeting, "attacked the plan"
a criticism, "released a report" no concession, "a heart attack" no assault (senses.jsonl read by senses.py;
compounds in cues.jsonl ``non_event_compound``, read by hits.py). Each wrong sense has a test that it gives
no event of the wrong type, and its trigger's true sense a test that it is still read. Sentences are ours."""

from __future__ import annotations

import pytest
from diplograph.graph.errors import DataFileError
from diplograph.graph.extract.lexicon import default_rules
from diplograph.graph.extract.senses import default_senses, load_senses
from diplograph.graph.model import PartialDate
from extract_helpers import core_facts, read, triples


def _events(gazetteer, text: str) -> set[tuple]:
    return triples(read(text, gazetteer, PartialDate(2010, 5, 4)))


def _facts(gazetteer, text: str) -> set[tuple]:
    return core_facts(read(text, gazetteer, PartialDate(2010, 5, 4)))


def _types(gazetteer, text: str) -> set[str]:
    return {kind for kind, _, _ in _events(gazetteer, text)}


@pytest.mark.parametrize("text, wrong", [
    # meeting a goal, a need or a deadline is no meeting, kept or failed
    ("Russia failed to meet the deadline set by the United States.", {"CONSULT", "REJECT", "AGREE"}),
    ("Greece has met the targets set by Germany.", {"CONSULT"}),
    ("Turkey meets the Copenhagen criteria of the European Union.", {"CONSULT"}),
    # a heart attack, price support and life support are no assault and no support
    ("The Egyptian president suffered a heart attack during a visit to Libya.", {"ASSAULT"}),
    ("Japan announced price support for rice imported from Thailand.", {"SUPPORT"}),
    ("Venezuela kept the Cuban leader on life support.", {"SUPPORT"}),
    # talks that came to a halt were not halted by sanctions; talks needed are not held
    ("Talks between Russia and Japan came to a halt last year.", {"SANCTION"}),
    ("Russia saw the need for talks with Japan.", {"CONSULT"}),
    # remembering is no recall of an envoy; publishing a report releases nobody
    ("Putin recalled that Russia and China had signed a treaty in 2001.", {"SANCTION"}),
    ("China released a report on human rights in Japan.", {"CONCEDE"}),
    # ending a visit signs nothing; visiting a website is no visit
    ("The Chinese premier concluded his visit to Pakistan on Friday.", {"AGREE"}),
    ("Pakistan visited the website of the Indian embassy.", {"CONSULT"}),
    # showing resolve, a comeback and riot police are no protest
    ("Russia demonstrated its resolve to Georgia.", {"PROTEST"}),
    ("The Kenyan minister staged a comeback against Uganda.", {"PROTEST"}),
    ("Egyptian riot police guarded the Israeli embassy.", {"PROTEST"}),
    # receiving aid or a loan is no reception of a guest
    ("Ukraine received aid from Poland.", {"CONSULT"}),
    # seizing a chance, capturing attention, fighting corruption: no force
    ("Venezuela seized the opportunity to criticize Colombia.", {"COERCE"}),
    ("Pakistan captured the attention of India.", {"ASSAULT"}),
    ("Nigeria is fighting corruption with help from Britain.", {"ASSAULT"}),
    # approving a plan is no sanction; leaving a capital for another is travel
    ("The UN sanctioned the French plan to send troops to Haiti.", {"SANCTION"}),
    ("The Indian minister left Moscow for Beijing on Monday.", {"REJECT", "RETREAT"}),
    # "thanks to" gives a cause, "backed away" retreats, "hailed from" an origin
    ("Germany survived the winter thanks to Russian gas.", {"SUPPORT"}),
    ("Britain backed away from the deal with Iran.", {"SUPPORT"}),
    ("The Egyptian general hailed from Syria.", {"SUPPORT"}),
    ("Israel defended its decision to bomb Syria.", {"SUPPORT"}),
    # demand for goods is a market's; pressing ahead presses no one; an urgent issue presses no one
    ("China's demand for Russian gas rose.", {"DEMAND"}),
    ("Iran pressed ahead with its plans despite Russia.", {"DEMAND"}),
    ("Japan said the most pressing issue for Tokyo was Korea's missile test.", {"DEMAND"}),
    # a dispatch is a report; coordinated attacks are attacks; a shot at someone is a jibe
    ("In a dispatch from Beijing, the Xinhua agency quoted Japan.", {"MOBILIZE"}),
    ("Rebels staged coordinated attacks on Malian troops.", {"COOPERATE", "PROTEST"}),
    ("The Iraqi prime minister fired the minister after a shot at Iran.", {"ASSAULT"}),
    # a problem confronted, a need recognized: nobody is blamed or backed
    ("Russia confronted the problem of Ukraine's debt.", {"DISAPPROVE"}),
    ("Russia recognized the importance of ties with Japan.", {"SUPPORT"}),
    # "a welcome step", "with ease", "a host of", "seized on": adjectives, manners, quantities, seizing words
    ("Britain said it was a welcome step by France.", {"SUPPORT"}),
    ("Brazil beat Argentina with ease.", {"CONCEDE"}),
    ("Libya was host of a summit of African leaders.", {"CONSULT"}),
    ("Egyptian police seized on the remarks of the Sudanese president.", {"COERCE"}),
    # a price freeze is no sanction; cardiac arrest no arrest; a row that explodes no bomb
    ("Egypt agreed to a price freeze on Jordanian goods.", {"SANCTION"}),
    ("The Egyptian president died of cardiac arrest during a visit to Libya.", {"COERCE"}),
    ("The row between Japan and China exploded into a crisis.", {"ASSAULT"}),
    # a plan that meets with resistance meets nobody; spirits and exports lifted are no concession
    ("Japan met with resistance from China.", {"CONSULT"}),
    ("The Georgian side lifted the spirits of Russia.", {"CONCEDE"}),
    ("Strong demand from China lifted Australian exports.", {"CONCEDE", "DEMAND"}),
    ("Russian gas is in high demand in Europe.", {"DEMAND"}),
    # speaking to the press is no consultation with the state it is spoken in; an early warning no threat
    ("The Russian foreign minister spoke to reporters in Beijing.", {"CONSULT"}),
    ("The Iranian president talked to journalists in Baghdad.", {"CONSULT"}),
    ("Japan built an early warning system against North Korea.", {"THREATEN"}),
    # "talks up" and "he talks" are verbs: no talks held
    ("The Russian president talks up ties with China.", {"CONSULT"}),
])
def test_senses_other_sense_gives_no_wrong_event(gazetteer, text, wrong):
    assert not _types(gazetteer, text) & wrong


@pytest.mark.parametrize("text, event", [
    # the senses that are events of another type
    ("The French president attacked the German plan in parliament.", ("DISAPPROVE", "nicolas_sarkozy", "germany")),
    ("Iran blocked the resolution drafted by France.", ("REJECT", "iran", "france")),
    ("Iran has met Russia's demands on the reactor.", ("CONCEDE", "iran", "russia")),
    ("Russian troops marched into Georgia.", ("MOBILIZE", "russia", "georgia")),
    ("Israel agreed to freeze settlements in the West Bank.", ("CONCEDE", "israel", "palestine")),
    # withdrawing an objection or a veto yields; withdrawing support downgrades relations
    ("Greece withdrew its objections to Macedonia's membership of NATO.", ("CONCEDE", "greece", "macedonia")),
    ("Turkey withdrew its veto on Cyprus.", ("CONCEDE", "turkey", "cyprus")),
    ("Russia withdrew its support for the Syrian plan.", ("SANCTION", "russia", "syria")),
    ("Russia killed the deal with Ukraine.", ("REJECT", "russia", "agreement/deal")),
    ("The US joined the EU in imposing sanctions on Iran.", ("COOPERATE", "united_states", "eu")),
    ("France's attack on the German plan surprised Brussels.", ("DISAPPROVE", "france", "germany")),
    # the criticism a plan met with is aimed at the plan's owner
    ("Iran's plan met with criticism from Russia.", ("DISAPPROVE", "russia", "iran")),
])
def test_senses_other_sense_gives_its_own_type(gazetteer, text, event):
    events = _events(gazetteer, text)
    assert event in events
    assert not {kind for kind, *_ in events} & {"ASSAULT", "COERCE", "CONSULT", "PROTEST", "SUPPORT", "RETREAT"}


@pytest.mark.parametrize("text, fact", [
    # joining a state in an act is acting together, not membership of it
    ("France joined Germany in condemning Russia.", ("france", "joins", "germany")),
    ("The US joined the EU in imposing sanctions on Iran.", ("united_states", "joins", "eu")),
    # a goal met and a demand met are no meeting
    ("Greece has met the targets set by Germany.", ("greece", "met", "germany")),
    ("Iran has met Russia's demands on the reactor.", ("iran", "met", "russia")),
    ("Britain met with opposition from France over the budget.", ("united_kingdom", "met", "france")),
    # "thanks to", "defended its decision to bomb": no support
    ("Germany survived the winter thanks to Russian gas.", ("germany", "supports", "russia")),
    ("Israel defended its decision to bomb Syria.", ("israel", "supports", "syria")),
])
def test_senses_other_sense_asserts_no_wrong_fact(gazetteer, text, fact):
    assert fact not in _facts(gazetteer, text)


@pytest.mark.parametrize("text, fact", [
    ("Poland joined NATO in 1999.", ("poland", "joins", "nato")),
    ("France joined Germany in condemning Russia.", ("germany", "criticizes", "russia")),
    ("Italy joined the chorus of criticism of Russia.", ("italy", "criticizes", "russia")),
])
def test_senses_join_true_sense_and_joint_act_kept(gazetteer, text, fact):
    assert fact in _facts(gazetteer, text)


def test_senses_met_demands_is_no_meeting_fact(gazetteer):
    assert not {p for _, p, _ in _facts(gazetteer, "Iran has met Russia's demands on the reactor.")} & {"met"}


@pytest.mark.parametrize("text, event", [
    # the true senses of the same trigger words are still read
    ("Russia met Ukraine in Minsk on Monday.", ("CONSULT", "russia", "ukraine")),
    ("Russian troops attacked Georgian positions.", ("ASSAULT", "russia", "georgia")),
    ("Turkey supported the Syrian opposition.", ("SUPPORT", "turkey", "syria")),
    ("Peru recalled its ambassador from Bolivia.", ("SANCTION", "peru", "bolivia")),
    ("Egypt released two Sudanese prisoners.", ("CONCEDE", "egypt", "sudan")),
    ("The Chinese foreign minister visited Japan.", ("CONSULT", "yang_jiechi", "japan")),
    ("Kenyan students staged a protest against Uganda.", ("PROTEST", "kenya", "kenya")),
    ("The Indian premier received the Chinese foreign minister.", ("CONSULT", "manmohan_singh", "yang_jiechi")),
    ("Venezuela seized two Colombian boats.", ("COERCE", "venezuela", "colombia")),
    ("Russia recognized Kosovo.", ("SUPPORT", "russia", "kosovo")),
    ("Putin flew to Tokyo for talks with Japan.", ("CONSULT", "vladimir_putin", "japan")),
    ("Russia demanded that Georgia withdraw its troops.", ("DEMAND", "russia", "georgia")),
    ("Britain left the European Union.", ("REJECT", "united_kingdom", "eu")),
    ("The United States imposed sanctions on Iran.", ("SANCTION", "united_states", "iran")),
    ("Iran blocked Iraqi ships in the Gulf.", ("COERCE", "iran", "iraq")),
    ("Norway withdrew its troops from Sri Lanka.", ("RETREAT", "norway", "sri_lanka")),
    ("Greece lifted its ban on Turkish imports.", ("CONCEDE", "greece", "turkey")),
    ("Russia killed two Georgian soldiers.", ("ASSAULT", "russia", "georgia")),
    ("Putin met with Chinese officials.", ("CONSULT", "vladimir_putin", "china")),
    ("Border talks between Russia and China resumed.", ("CONSULT", "russia", "china")),
    ("The Russian foreign minister spoke to his Chinese counterpart by telephone.", ("CONSULT", "sergey_lavrov", "china")),
    ("Russia issued a warning to Georgia.", ("THREATEN", "russia", "georgia")),
])
def test_senses_true_sense_still_read(gazetteer, text, event):
    assert event in _events(gazetteer, text)


def test_senses_shipped_data_names_known_cues_and_loads():
    cues = default_rules().cues
    assert default_senses()
    assert {s.cue for s in default_senses()} <= set(cues)
    assert {"heart attack", "price support", "to a halt"} <= cues["non_event_compound"]


def test_senses_bad_row_names_file_and_line(tmp_path):
    bad = tmp_path / "senses.jsonl"
    bad.write_text('{"id": "x", "words": ["meet"], "where": "object", "cue": "goal_object"}\n'
                   '{"id": "y", "words": ["meet"], "where": "beside", "cue": "goal_object"}\n', encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_senses(bad)
    assert err.value.path.endswith("senses.jsonl") and err.value.line == 2 and "beside" in err.value.message
