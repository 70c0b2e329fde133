"""Tokenise a document once with spaCy and return plain offsets: tokens, sentences, rule hits.

The spaCy pipeline (``spacy.blank("en")`` + ``sentencizer`` + two ``span_ruler`` components) is built
once per gazetteer version and cached. One ruler matches the gazetteer's surface forms exactly
(``ORTH``); the other matches titles and event triggers case-insensitively (``LOWER``). Every offset
returned is absolute into :attr:`Document.text`; spaCy objects never leave this module.
"""

from __future__ import annotations

from dataclasses import dataclass

import spacy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.util import compile_infix_regex

from diplograph.graph.extract.lexicon import Rules, span_patterns
from diplograph.graph.model import Document

_CACHE: dict[tuple[str, int], object] = {}


@dataclass(frozen=True)
class Hit:
    """A rule match: token range [i, j), character range [start, end), label and entry id."""

    i: int
    j: int
    start: int
    end: int
    label: str
    id: str


@dataclass(frozen=True)
class Parsed:
    """A tokenised document: parallel token arrays, sentence ranges and rule hits."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    words: tuple[str, ...]
    lower: tuple[str, ...]
    sents: tuple[tuple[int, int], ...]  # token ranges [i, j)
    sent_of: tuple[int, ...]
    gaz: tuple[Hit, ...]
    titles: tuple[Hit, ...]
    triggers: tuple[Hit, ...]

    def span_text(self, i: int, j: int) -> str:
        return self.text[self.starts[i]:self.ends[j - 1]] if j > i else ""

    def sent_span(self, s: int) -> tuple[int, int]:
        i, j = self.sents[s]
        return self.starts[i], self.ends[j - 1]


def _variants(surface: str) -> list[str]:
    # "the Kremlin" also opens sentences as "The Kremlin"
    out = [surface]
    if surface[:1].islower():
        out.append(surface[:1].upper() + surface[1:])
    return out


def gazetteer_patterns(gazetteer) -> list[dict]:
    """Phrase patterns for every surface form; the same phrase may carry several ids (ambiguity)."""
    if gazetteer is None:
        return []
    pats = []
    for surface, type_, id_, kind in gazetteer.surface_forms():
        if not surface.strip():
            continue
        pats.extend({"label": f"{kind}|{type_}", "pattern": v, "id": id_} for v in _variants(surface))
    return pats


def build_nlp(gazetteer, rules: Rules):
    """A blank English pipeline with a sentencizer and the two rulers (not cached)."""
    nlp = spacy.blank("en")
    # split "U.S.-led" into "U.S." "-" "led" so the state abbreviation is matched
    infixes = list(nlp.Defaults.infixes) + [r"(?<=\.)-(?=[A-Za-z])", r"(?<=[a-z])[\u2013\u2014](?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("sentencizer")
    patterns = gazetteer_patterns(gazetteer)
    if patterns:  # without a gazetteer the ruler would warn on every document
        gaz = nlp.add_pipe("span_ruler", name="gazetteer",
                           config={"spans_key": "gaz", "phrase_matcher_attr": "ORTH", "validate": False})
        gaz.add_patterns(patterns)
    cue = nlp.add_pipe("span_ruler", name="cues",
                       config={"spans_key": "cue", "phrase_matcher_attr": "LOWER", "validate": False})
    cue.add_patterns(span_patterns(rules))
    return nlp


def get_nlp(gazetteer, rules: Rules):
    """The cached pipeline for this gazetteer version (and rule set)."""
    key = (getattr(gazetteer, "version", "none") if gazetteer is not None else "none", id(rules))
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = build_nlp(gazetteer, rules)
    return _CACHE[key]


def _hits(spans, starts: tuple[int, ...], ends: tuple[int, ...]) -> tuple[Hit, ...]:
    # char offsets from our arrays: asking spaCy's Span for them builds Token objects
    out = {Hit(i, j, starts[i], ends[j - 1], label, id_)
           for i, j, label, id_ in ((s.start, s.end, s.label_, s.id_) for s in spans)}
    return tuple(sorted(out, key=lambda h: (h.i, -h.j, h.label, h.id)))


def _sentences(first: list[int], words: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Sentence token ranges from the sentencizer's first tokens, dropping whitespace-only ones."""
    bounds = sorted({0, *first}) + [len(words)]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        while a < b and words[a].isspace():  # a paragraph break opens the next sentence
            a += 1
        if a < b:
            out.append((a, b))
    return tuple(out)


def parse(document: Document, gazetteer, rules: Rules) -> Parsed:
    """Run the pipeline on the body of the document; offsets stay absolute."""
    nlp = get_nlp(gazetteer, rules)
    off = document.body_start
    text = document.text
    doc = nlp(text[off:])
    # arrays, not Token objects: this is the hot loop on long documents
    arr = doc.to_array([IDX, LENGTH, SENT_START]) if len(doc) else None
    starts = tuple((arr[:, 0] + off).tolist()) if arr is not None else ()
    ends = tuple((arr[:, 0] + arr[:, 1] + off).tolist()) if arr is not None else ()
    words = tuple(map(text.__getitem__, map(slice, starts, ends)))
    first = (arr[:, 2] == 1).nonzero()[0].tolist() if arr is not None else []
    sents = _sentences(first, words) or ((0, 0),)
    sent_of = [0] * len(words)
    for n, (i, j) in enumerate(sents):
        sent_of[i:j] = [n] * (j - i)
    cues = _hits(doc.spans["cue"], starts, ends)
    return Parsed(
        text=text, starts=starts, ends=ends, words=words,
        lower=tuple(w.lower() for w in words),
        sents=sents, sent_of=tuple(sent_of),
        gaz=_hits(doc.spans["gaz"], starts, ends) if "gaz" in doc.spans else (),
        titles=tuple(h for h in cues if h.label.startswith("TITLE")),
        triggers=tuple(h for h in cues if h.label == "TRIG"),
    )
