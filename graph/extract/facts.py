"""Turn readings and mentions into events and facts, with evidence.

Stage contract: ``events_of(readings, ...) -> list[Event]``, ``event_facts(events, ...)``,
``official_facts(spans, ...)``, ``cite_facts(...)``: pure functions (background memberships:
background.py, re-exported here).
A fact is asserted from an event only when the event is neither negated nor a forecast (a planned
withdrawal counts: FORMAT.md reads "withdrawal, done or announced").
"""

from __future__ import annotations

from datetime import date

from diplograph.graph.extract.background import background_facts  # noqa: F401  (re-exported)
from diplograph.graph.extract.events import Reading
from diplograph.graph.extract.groupings import one_mention
from diplograph.graph.extract.pairs import TARGET_TYPES, expulsion, pairs_of
from diplograph.graph.extract.parse import Parsed
from diplograph.graph.extract.purpose import PLACE_KIND
from diplograph.graph.extract.spans import Span
from diplograph.graph.model import Document, Entity, Event, Evidence, Fact, Mention


def evidence(p: Parsed, doc_id: str, sent: int) -> Evidence:
    """Evidence covering one whole sentence."""
    start, end = p.sent_span(sent)
    return Evidence(doc=doc_id, sentence=sent, start=start, end=end, quote=p.text[start:end])


# PLOVER codes an announced intention by its sign, not by the act announced: "will send aid" is
# AGREE (intent to cooperate), "would impose sanctions" is THREATEN, "will not accept" is REJECT.
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
CONFLICTUAL = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})


def intent_type(event_type: str, modality: str, negated: bool, conditional: bool = False) -> str:
    """The PLOVER type of an event as modality and negation leave it.

    >>> intent_type("AID", "forecast", False), intent_type("SANCTION", "forecast", False)
    ('AGREE', 'THREATEN')
    >>> intent_type("CONCEDE", "forecast", True), intent_type("AID", "act", False)
    ('REJECT', 'AID')
    >>> intent_type("RETREAT", "forecast", False, conditional=True)
    'THREATEN'
    """
    if modality != "forecast":
        return event_type
    if conditional and not negated and event_type in COOPERATIVE | CONFLICTUAL:
        return "THREATEN"  # "will withdraw its force unless ...": a conditional announcement is a threat
    if event_type in COOPERATIVE:
        return "REJECT" if negated else "AGREE"
    return "THREATEN" if event_type in CONFLICTUAL and not negated else event_type


def _domestic(r: Reading, a: Span, t: Span) -> bool:
    """"Israeli police arrested Israeli activists": two mentions of one state, an event within it
    (only for triggers that assert no relation, so no fact links a state to itself); or unnamed
    people counted for the actor's own state (agents.py: the event then asserts no relation)."""
    if "domestic" in (a.kind, t.kind):
        return True
    return r.trigger.relation is None and a.i != t.i and a.type == t.type == "State"


def events_of(readings: list[Reading], p: Parsed, document: Document, dates_of) -> list[Event]:
    """One event per actor-target pair of each reading."""
    out = []
    sentences: dict[int, Evidence] = {}  # one evidence per sentence, shared by its events
    for r in readings:
        found = _apart(pairs_of(r, p))
        pairs = [(a, t) for a, t in found
                 if a.type != "Agreement" and (t is None or a.eid != t.eid or _domestic(r, a, t))]
        if found and not pairs:  # "Israel threatened ... in East Jerusalem": no other party named
            pairs = list({a.eid: (a, None) for a, _ in found if a.type != "Agreement"}.values())
        if not pairs:
            continue
        if r.sent not in sentences:
            sentences[r.sent] = evidence(p, document.id, r.sent)
        ev = sentences[r.sent]
        when = dates_of(r.sent) or document.date
        conf = 0.5 if r.hedged else 0.8
        # an announced plan to withdraw is reported as a statement, not forecast (FORMAT.md)
        modality = "statement" if r.modality == "forecast" and r.trigger.assert_planned else r.modality
        kind = event_kind(r, p)
        conditional = "unless" in p.lower[r.hit.j:p.sents[r.sent][1]]
        signing = r.trigger.relation == "signed"  # co-signers met at the signing (asserted only if done)
        together = _apart(co_actors(r, pairs))
        joint = [(a, t, "AGREE", None) for a, t in together]
        joint += [(a, t, "CONSULT", "met") for a, t in together if signing]
        relation = None if kind == "RETREAT" and r.trigger.relation == "withdrawsFrom" else r.trigger.relation
        own = [(a, t, kind, None if t is not None and ("domestic" in (a.kind, t.kind) or t.kind == PLACE_KIND)
                else relation or expulsion(r, p, t)) for a, t in pairs]
        for a, t, kind, rel in _distinct(own + joint):
            out.append(Event(event_type=intent_type(kind, modality, r.negated, conditional), actor=a.eid,
                             target=t.eid if t else None, relation=rel, evidence=ev, date=when,
                             modality=modality, negated=r.negated, hedged=r.hedged, confidence=conf,
                             trigger=p.text[r.hit.start:r.hit.end]))
    return out


def _apart(pairs: list[tuple[Span, Span | None]]) -> list[tuple[Span, Span | None]]:
    """Drop the pairs within one grouping's mention while anyone else is a party ("Iran and the six
    powers": Iran with each power, not the powers among themselves); a grouping alone keeps them
    ("the two Koreas held talks")."""
    apart = [(a, t) for a, t in pairs if not one_mention(a, t)]
    return apart or pairs


def _distinct(rows: list[tuple[Span, Span | None, str, str | None]]) -> list[tuple]:
    """One row per actor, target, type and relation: a member named both through its grouping and
    by name ("the Baltic states, Estonia, Latvia and Lithuania") is not counted twice."""
    seen, out = set(), []
    for row in rows:
        a, t, kind, rel = row
        key = (a.eid, t.eid if t is not None else None, kind, rel)
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


REFUSAL = frozenset({"refused", "refuses", "refusing", "declined", "declines", "declining", "failed", "fails"})


def event_kind(r: Reading, p: Parsed) -> str:
    """The PLOVER type a reading reports, before modality: a withdrawal from a place (or from no
    named body) is a military RETREAT, from a treaty or an organization a REJECT; a cooperative act
    refused or failed ("refused to meet", "failed to reach agreement") is a REJECT."""
    kind = r.trigger.event_type
    if r.trigger.relation == "withdrawsFrom" and not any(t.type in ("Agreement", "Organization") for t in r.targets):
        return "RETREAT"
    if r.negated and kind in COOPERATIVE and not REFUSAL.isdisjoint(p.lower[max(0, r.hit.i - 3):r.hit.i]):
        return "REJECT"
    return kind


def co_actors(r: Reading, pairs: list[tuple[Span, Span | None]]) -> list[tuple[Span, Span]]:
    """Co-signers of one agreement, or a group that agreed together ("X and Y agreed to ..."):
    each pair of them, for an AGREE event between them that asserts no relation (no extra fact)."""
    if r.trigger.event_type not in ("AGREE", "COOPERATE") or r.trigger.direction == "symmetric":
        return []
    if r.trigger.relation in ("signed", "partyTo"):
        group = [a for a, t in pairs if t is not None]
    elif r.trigger.relation is None and not r.targets:
        group = [a for a, _ in pairs]
    else:
        return []
    people = list({a.eid: a for a in group if a.type in ("State", "Official")}.values())
    return [(x, y) for n, x in enumerate(people) for y in people[n + 1:]]


PAIRWISE = frozenset({"criticizes", "supports", "met"})


def asserts(e: Event) -> bool:
    """Whether an event asserts its relation as a fact."""
    return not e.negated and e.relation is not None and e.target is not None and e.modality != "forecast"


def event_facts(events: list[Event], state_of, type_of, body_state: dict[str, str] | None = None) -> list[Fact]:
    """Facts asserted by events; state-level relations (joins, partyTo...) use the actor's state; a
    relation with a state's own body (``body_state``: "accused the People's Liberation Army") holds
    with that state too."""
    out = []
    for e in events:
        if not asserts(e):
            continue
        if type_of(e.target) not in TARGET_TYPES.get(e.relation, (type_of(e.target),)):
            continue
        if e.relation in PAIRWISE and (state_of(e.actor) == e.target or state_of(e.target) == e.actor):
            continue  # "Putin warned that Russia would act": an official and his own state are no dyad
        kw = {"evidence": (e.evidence,), "date": e.date, "confidence": e.confidence}
        if e.relation in ("joins", "withdrawsFrom", "partyTo"):
            st = state_of(e.actor)
            if st and st != e.target:
                out.append(Fact(st, e.relation, e.target, **kw))
        elif e.relation == "signed":
            out.append(Fact(e.actor, "signed", e.target, **kw))
            st = state_of(e.actor)
            if st:
                out.append(Fact(st, "partyTo", e.target, **kw))
        else:
            out.append(Fact(e.actor, e.relation, e.target, **kw))
            out.extend(_with_body_states(e, body_state or {}, state_of, kw))
    return out


def _with_body_states(e: Event, body_state: dict[str, str], state_of, kw: dict) -> list[Fact]:
    """The fact again with a state's body (army, ministry) on either side replaced by its state."""
    a, t = body_state.get(e.actor, e.actor), body_state.get(e.target, e.target)
    if (a, t) == (e.actor, e.target) or state_of(a) == state_of(t) or a == t:
        return []  # no body, or a state's body acting on that state itself
    return [Fact(a, e.relation, t, **kw)]


def official_facts(spans: list[Span], p: Parsed, document: Document, gazetteer, on: date | None) -> list[Fact]:
    """officialOf and roleTitle for every official mentioned: from the text, else the gazetteer's office."""
    out: list[Fact] = []
    by_id: dict[str, list[Span]] = {}
    for s in spans:
        if s.type == "Official" and s.eid:
            by_id.setdefault(s.eid, []).append(s)
    for oid in sorted(by_id):
        mine = by_id[oid]
        text_roles = sorted({(s.role, s.sent) for s in mine if s.role and s.office and s.kind != "office"})
        states = sorted({(s.state_origin != "text", s.state, s.sent) for s in mine if s.state})
        seen_roles = set()
        for role, sent in text_roles:
            if role not in seen_roles:
                seen_roles.add(role)
                out.append(Fact(oid, "roleTitle", role, evidence=(evidence(p, document.id, sent),)))
        if states:
            from_gazetteer, state, sent = states[0]
            out.append(Fact(oid, "officialOf", state, origin="gazetteer") if from_gazetteer else
                       Fact(oid, "officialOf", state, evidence=(evidence(p, document.id, sent),)))
        out.extend(_gazetteer_office(oid, gazetteer, on, need_role=not seen_roles, need_state=not states))
    return out


def _gazetteer_office(oid: str, gazetteer, on, need_role: bool, need_state: bool) -> list[Fact]:
    if gazetteer is None or gazetteer.type_of(oid) != "Official" or not (need_role or need_state):
        return []
    # an office of a known class ("President") says more than one of class "other" held with it
    # ("General Secretary of the Communist Party", a Phoenix "Government member")
    offices = sorted(gazetteer.offices(oid, on), key=lambda o: o.role_class == "other") if on else []
    out = []
    for o in offices[:1]:
        if need_role:
            out.append(Fact(oid, "roleTitle", o.role, origin="gazetteer"))
        if need_state:
            out.append(Fact(oid, "officialOf", o.of, origin="gazetteer"))
    return out


def cite_facts(spans: list[Span], p: Parsed, document: Document, gazetteer) -> list[Fact]:
    """``doc cites outlet`` for every media outlet named as a source."""
    out = {}
    for s in spans:
        if not s.eid or s.type != "Organization":
            continue
        outlet = s.subtype == "MediaOutlet" or s.kind in ("outlet", "outlet-ref")
        if outlet and s.eid not in out:
            out[s.eid] = Fact(document.id, "cites", s.eid, evidence=(evidence(p, document.id, s.sent),))
    return list(out.values())


#: Gazetteer subtypes whose ``state`` is the state's own organization (an armed group's ``state`` is where it
#: fights, an NGO's or a company's where it sits: neither acts for that state).
STATE_BODIES = ("GovernmentBody", "PoliticalParty")


def state_facts(entities: tuple[Entity, ...], mentions: tuple[Mention, ...], document: Document,
                gazetteer) -> list[Fact]:
    """``org stateOf state`` for each organization of a state, once per document.

    A gazetteer organization's is its record's ``state`` when it is a government body or a national party
    (:data:`STATE_BODIES`); a discovered one's is the state its name carries in the text ("the Lithuanian
    Parliament", ``linking.org_states``), read at its first mention, which is the fact's evidence.
    """
    types = {e.id: e.type for e in entities}

    def is_state(eid: str) -> bool:
        return types.get(eid) == "State" or (gazetteer is not None and gazetteer.type_of(eid) == "State")

    out: dict[str, Fact] = {}
    for e in entities:
        rec = gazetteer.get(e.id) if gazetteer is not None and not e.discovered else None
        if e.type == "Organization" and rec and rec.get("subtype") in STATE_BODIES and rec.get("state") \
                and is_state(rec["state"]):
            out[e.id] = Fact(e.id, "stateOf", rec["state"], origin="gazetteer")
    discovered = {e.id for e in entities if e.type == "Organization" and e.discovered}
    for m in sorted(mentions, key=lambda m: (m.start, m.end, m.entity_id or "")):
        if m.entity_id in discovered and m.entity_id not in out and m.state and is_state(m.state):
            where = Evidence(document.id, m.sentence, m.start, m.end, m.text)
            out[m.entity_id] = Fact(m.entity_id, "stateOf", m.state, evidence=(where,))
    return [out[k] for k in sorted(out)]
