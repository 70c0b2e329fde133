"""Meetings of several parties at once: the host of talks between others met each of them.

Stage contract: ``hosted(events) -> list[Event]``, run on facts.py's events after groupings.talks. Pure.

The extractor reads each trigger from its subject to its objects, so "Egypt hosted talks between
Israel and Jordan" gives a ``met`` pair Israel-Jordan (the talks, read as one group by events.py) and
host events Egypt -> Israel, Egypt -> Jordan that assert no relation (hosting alone is not a meeting:
"Egypt hosted the refugees"). When the parties the host received are the ones the sentence says
held talks, the host took part in them: each host event becomes a ``met`` event (same evidence,
date and modality). The same holds with the host named after the talks ("talks between Israel and
Jordan, hosted by Egypt"). A host event negated or only forecast, or talks not asserted, add nothing.

Second contract: ``brought_together(parsed, events, spans, evidence_of, date_of) -> list[Event]``.
"Norway brought Israel and Jordan together": the guests named between the verb and "together" met
each other, and the subject just before the verb met each guest (with no party as subject, only a
meeting noun may be: "the summit brought A and B together", not "the war brought A and B together";
a place after "in"/"at" is the venue, not a host). Only the past or present of the verb counts
("will bring ... together" is a plan), and a negation or modal just before it cancels it; "closer
together" is a rapprochement, not a meeting.
"""

from __future__ import annotations

from dataclasses import replace

from diplograph.graph.extract.parse import Parsed
from diplograph.graph.extract.spans import Span
from diplograph.graph.model import Event

__all__ = ["BRING", "brought_together", "hosted", "hosted_before"]



def hosted(events: list[Event], host_words: frozenset[str] = frozenset()) -> list[Event]:
    """Add a ``met`` event for each host event whose guest held asserted talks in the same sentence.

    Args:
        events: The document's events (facts.py ``events_of``, after groupings.talks).
        host_words: The phrases of the lexicon's ``host`` entry (the triggers of host events).

    Returns:
        The events, with the host's meetings appended (none duplicated).

    >>> hosted([])
    []
    """
    talks = _talkers(events, host_words)
    held = {(e.evidence.sentence, e.actor, e.target) for e in events if e.relation == "met"}
    out = list(events)
    for e in events:
        if not _host_event(e, host_words) or e.target not in talks.get(e.evidence.sentence, set()) \
                or (e.evidence.sentence, e.actor, e.target) in held:
            continue
        held.add((e.evidence.sentence, e.actor, e.target))
        out.append(replace(e, relation="met"))
    return out


def _asserted(e: Event) -> bool:
    return not e.negated and e.modality != "forecast" and e.target is not None


def _host_event(e: Event, host_words: frozenset[str]) -> bool:
    """An asserted host event between two parties, asserting no relation yet."""
    return e.event_type == "CONSULT" and e.relation is None and _asserted(e) and e.actor != e.target \
        and e.trigger.lower() in host_words


def _talkers(events: list[Event], host_words: frozenset[str]) -> dict[int, set[str]]:
    """Sentence index -> the parties of asserted ``met`` events read from a trigger other than the
    host's own (the talks themselves)."""
    out: dict[int, set[str]] = {}
    for e in events:
        if e.relation == "met" and _asserted(e) and e.trigger.lower() not in host_words:
            out.setdefault(e.evidence.sentence, set()).update((e.actor, e.target))
    return out


BRING = frozenset({"brought", "brings"})  # "bring"/"bringing" need a tense word before them: plans too
CANCEL = frozenset({"not", "never", "n't", "will", "would", "could", "may", "might", "to", "failed", "fail"})
PARTIES = frozenset({"State", "Official"})
GUEST_GAP = 12  # tokens from the verb to "together"
MEETINGS = frozenset({"summit", "meeting", "talks", "conference", "forum", "gathering"})  # a host of no party
HOST_GAP = 3  # tokens from the host's mention to the verb ("Norway has brought", "Norway, which brought")


def brought_together(p: Parsed, events: list[Event], spans: list[Span], evidence_of, date_of) -> list[Event]:
    """Add the meetings of "X brought A and B together": A met B, X met each (CONSULT ``met``).

    Args:
        p: The parsed document.
        events: The document's events.
        spans: The linked spans.
        evidence_of: Sentence index -> its Evidence (facts.evidence).
        date_of: Sentence index -> the event date (the sentence's first date, else the document's).
    """
    out = list(events)
    seen = {(e.evidence.sentence, frozenset((e.actor, e.target))) for e in events if e.relation == "met"}
    for k in p.positions(BRING, lower=True):
        sent = p.sent_of[k]
        host, guests = _gathering(p, k, [s for s in spans if s.sent == sent and s.type in PARTIES and s.eid])
        guests = guests or _read_guests(events, sent)  # "It brought together A and B": read by the lexicon
        host = host or (_named_host(p, k, spans) if guests else None)
        host = host if host not in guests else None
        pairs = [(a, b) for n, a in enumerate(guests) for b in guests[n + 1:]] + [(host, g) for g in guests if host]
        for a, b in pairs:
            if a != b and (sent, frozenset((a, b))) not in seen:
                seen.add((sent, frozenset((a, b))))
                out.append(Event(event_type="CONSULT", actor=a, target=b, relation="met", evidence=evidence_of(sent),
                                 date=date_of(sent), modality="act", negated=False, hedged=False, confidence=0.8,
                                 trigger=p.span_text(k, k + 1)))
    return out


def _gathering(p: Parsed, k: int, spans: list[Span]) -> tuple[str | None, list[str]]:
    """The host and the guests (two at least, else none) of "X brought A and B together" at token k."""
    end = min(p.sents[p.sent_of[k]][1], k + GUEST_GAP + 1)
    together = next((t for t in range(k + 2, end) if p.lower[t] == "together"), None)
    if together is None or p.lower[together - 1] in ("closer", "close") \
            or not CANCEL.isdisjoint(p.lower[max(0, k - 2):k]):
        return None, []  # "brought A and B closer together": a rapprochement, not a meeting
    guests = sorted({s.eid for s in spans if k < s.i and s.j <= together})
    before = [s for s in spans if s.j <= k and k - s.j <= HOST_GAP and p.lower[s.i - 1:s.i] != ("in",)
              and p.lower[s.i - 1:s.i] != ("at",)]  # "the summit in Oslo brought": a venue, no host
    host = max(before, key=lambda s: s.j).eid if before else None
    host = host if host not in guests else None
    if host is None and (MEETINGS | {"it"}).isdisjoint(p.lower[max(0, k - HOST_GAP):k]):
        return None, []  # "the war brought A and B together": no one met ("It brought": the meeting just named)
    return host, (guests if len(guests) >= 2 else [])


def _read_guests(events: list[Event], sent: int) -> list[str]:
    """The parties of the asserted meetings a "brought together" trigger of sentence ``sent`` gave."""
    return sorted({x for e in events if e.relation == "met" and e.evidence.sentence == sent and _asserted(e)
                   and e.trigger.lower().split()[0] in BRING for x in (e.actor, e.target)})


HOSTED_BY = (("hosted", "by"), ("chaired", "by"), ("convened", "by"))
HOST_REACH = 12  # tokens from "by" to the host's mention ("hosted by Danish Foreign Minister X")


def _named_host(p: Parsed, k: int, spans: list[Span]) -> str | None:
    """The host of a gathering "brought together" at token k, named earlier as the meeting's host ("The
    meeting was hosted by X. It brought together A and B", "The summit, chaired by X, brought together"):
    the first party after "hosted by" in the sentence before k or the one before it, when the verb's
    subject is a meeting or "it" (the meeting just named)."""
    sent = p.sent_of[k]
    if (MEETINGS | {"it"}).isdisjoint(p.lower[max(p.sents[sent][0], k - HOST_GAP):k]):
        return None
    lo = p.sents[max(0, sent - 1)][0]
    for b in range(k - 1, lo, -1):
        if p.lower[b - 1:b + 1] in HOSTED_BY:
            after = [s for s in spans if s.type in PARTIES and s.eid and not s.modifier and b < s.i <= b + HOST_REACH
                     and s.j <= k]
            return min(after, key=lambda s: s.i).eid if after else None
    return None


MEETING_NOUNS = MEETINGS | frozenset({"conference", "round", "negotiations", "consultations", "meeting", "meetings"})
BACK_REFERENCE = frozenset({"there", "the talks", "the meeting", "the summit", "the conference", "the negotiations",
                            "the gathering", "the round"})


def hosted_before(p: Parsed, events: list[Event], host_words: frozenset[str]) -> list[Event]:
    """"Egypt hosted the summit on Sunday. The talks between Israel and Jordan lasted five hours": the host of
    a meeting (a host event with no guest named, its object a meeting noun) met each party of the talks the
    same sentence or the next reports, when the next refers back to it ("the talks", "there").

    Args:
        p: The parsed document.
        events: The document's events (after :func:`hosted`).
        host_words: The phrases of the lexicon's ``host`` entry.
    """
    out = list(events)
    seen = {(e.evidence.sentence, frozenset((e.actor, e.target))) for e in events if e.relation == "met"}
    talks = _talkers(events, host_words)
    for e in events:
        sent = e.evidence.sentence
        if e.trigger.lower() not in host_words or not _hosts_meeting(p, sent, host_words) or e.negated \
                or e.modality == "forecast" or (e.target is not None and e.target != e.actor):
            continue
        guests = talks.get(sent, set()) | (talks.get(sent + 1, set()) if _refers_back(p, sent + 1) else set())
        for g in sorted(guests - {e.actor}):
            key = (sent, frozenset((e.actor, g)))
            if key not in seen:
                seen.add(key)
                out.append(replace(e, target=g, relation="met"))
    return out


def _hosts_meeting(p: Parsed, sent: int, host_words: frozenset[str]) -> bool:
    """Whether sentence ``sent`` says someone hosted a meeting ("hosted the summit", "hosts a conference")."""
    s0, s1 = p.sents[sent]
    return any(p.lower[k] in host_words and not MEETING_NOUNS.isdisjoint(p.lower[k + 1:min(s1, k + 4)])
               for k in range(s0, s1))


def _refers_back(p: Parsed, sent: int) -> bool:
    """Whether sentence ``sent`` refers to a meeting just named ("The talks ...", "... held talks there")."""
    if sent >= len(p.sents):
        return False
    s0, s1 = p.sents[sent]
    words = p.lower[s0:s1]
    pairs = {" ".join(words[k:k + 2]) for k in range(len(words) - 1)}
    return "there" in words or not BACK_REFERENCE.isdisjoint(pairs)
