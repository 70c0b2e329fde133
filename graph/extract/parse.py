"""Tokenise a document once with spaCy and return plain offsets: tokens, sentences, rule hits.

The spaCy pipeline (``spacy.blank("en")`` + two ``span_ruler`` components) is built
once per gazetteer version and cached. One ruler matches the gazetteer's surface forms exactly
(``ORTH``); the other matches titles and event triggers case-insensitively (``LOWER``). Every offset
returned is absolute into :attr:`Document.text`; spaCy objects never leave this module.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass

import spacy
from spacy.attrs import IDX, IS_PUNCT, LENGTH
from spacy.pipeline.sentencizer import Sentencizer
from spacy.util import compile_infix_regex

from diplograph.graph.extract.lexicon import Rules, span_patterns
from diplograph.graph.model import Document

_CACHE: dict[tuple[str, int], object] = {}
CHUNK = 500_000  # characters per spaCy call (its max_length is 1,000,000)


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
    """A blank English pipeline with the two rulers (not cached); sentences are split by
    :func:`sentence_starts` over token arrays, which gives the sentencizer's answer without
    building a spaCy Token per word."""
    nlp = spacy.blank("en")
    # split "U.S.-led" into "U.S." "-" "led" so the state abbreviation is matched
    infixes = list(nlp.Defaults.infixes) + [r"(?<=\.)-(?=[A-Za-z])", r"(?<=[a-z])[\u2013\u2014](?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
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
        # the pipeline and gazetteer live as long as the process: keep the cyclic collector from
        # walking their millions of objects again on every full collection during extraction
        gc.freeze()
    return _CACHE[key]


def _hits(found: list[tuple[int, int, str, str]], starts: tuple[int, ...], ends: tuple[int, ...]) -> tuple[Hit, ...]:
    # char offsets from our arrays: asking spaCy's Span for them builds Token objects
    rows = sorted({(i, -j, label, id_) for i, j, label, id_ in found})
    return tuple(Hit(i, -j, starts[i], ends[-j - 1], label, id_) for i, j, label, id_ in rows)


def chunks(text: str, start: int, limit: int = CHUNK) -> list[tuple[int, int]]:
    """Character ranges covering ``text[start:]``, each at most ``limit`` long, cut after a line
    break (else after a space) so that no word is split (spaCy refuses texts over its max_length)."""
    out, a = [], start
    while len(text) - a > limit:
        b = text.rfind("\n", a, a + limit) + 1 or text.rfind(" ", a, a + limit) + 1 or a + limit
        b = b if b > a else a + limit
        out.append((a, b))
        a = b
    out.append((a, len(text)))
    return out


PUNCT_CHARS = frozenset(Sentencizer.default_punct_chars)


def sentence_starts(words: list[str], is_punct: list[int]) -> list[int]:
    """Indexes of the tokens that open a sentence: spaCy's sentencizer rule (the first token that
    is not punctuation after a sentence-final mark) on plain lists."""
    out, seen_end = [0], False
    for k, w in enumerate(words):
        final = w in PUNCT_CHARS
        if seen_end and not final and not is_punct[k]:
            out.append(k)
            seen_end = False
        elif final:
            seen_end = True
    return out


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
    """Run the pipeline on the body of the document, in chunks of at most CHUNK characters cut at
    line breaks; offsets stay absolute."""
    nlp = get_nlp(gazetteer, rules)
    text = document.text
    starts: list[int] = []
    ends: list[int] = []
    first: list[int] = []
    words: list[str] = []
    gaz: list[tuple[int, int, str, str]] = []
    cue: list[tuple[int, int, str, str]] = []
    for a, b in chunks(text, document.body_start, CHUNK):
        doc, base = nlp(text[a:b]), len(starts)
        if not len(doc):
            continue
        # arrays, not Token objects: this is the hot loop on long documents
        arr = doc.to_array([IDX, LENGTH, IS_PUNCT])
        chunk_starts = (arr[:, 0] + a).tolist()
        chunk_ends = (arr[:, 0] + arr[:, 1] + a).tolist()
        chunk_words = list(map(text.__getitem__, map(slice, chunk_starts, chunk_ends)))
        starts.extend(chunk_starts)
        ends.extend(chunk_ends)
        words.extend(chunk_words)
        first.extend(k + base for k in sentence_starts(chunk_words, arr[:, 2].tolist()))
        for key, sink in (("gaz", gaz), ("cue", cue)):
            if key in doc.spans:
                sink.extend((s.start + base, s.end + base, s.label_, s.id_) for s in doc.spans[key])
    sents = _sentences(first, tuple(words)) or ((0, 0),)
    sent_of = [0] * len(words)
    for n, (i, j) in enumerate(sents):
        sent_of[i:j] = [n] * (j - i)
    starts_t, ends_t = tuple(starts), tuple(ends)
    cues = _hits(cue, starts_t, ends_t)
    return Parsed(
        text=text, starts=starts_t, ends=ends_t, words=tuple(words),
        lower=tuple(w.lower() for w in words),
        sents=sents, sent_of=tuple(sent_of),
        gaz=_hits(gaz, starts_t, ends_t),
        titles=tuple(h for h in cues if h.label.startswith("TITLE")),
        triggers=tuple(h for h in cues if h.label == "TRIG"),
    )
