"""Tokenise a document once with spaCy and return plain offsets: tokens, sentences, rule hits.

The pipeline (``spacy.blank("en")``'s tokenizer, tokenizer.py, and two sets of rule matchers, compiled from
``span_ruler``-shaped patterns) is built once per gazetteer version and process; spaCy is imported
then, not before. One set finds the gazetteer's surface forms exactly (``ORTH``); the other finds
titles and event triggers case-insensitively (``LOWER``). Phrases are found by a
:class:`~diplograph.graph.extract.phrases.PhraseTable` of their token hashes (tokenised once and
cached on disk: phrases.py), token patterns by spaCy's ``Matcher``; both give ``(key, start, end)``
triples, so no ``Span`` is built per match as a ``span_ruler`` component would. Every offset returned
is absolute into :attr:`Document.text`; spaCy objects never leave this module.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from functools import cached_property
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from numpy import flatnonzero, fromiter, intp, ndarray, unique, zeros

from diplograph.graph.extract import phrases
from diplograph.graph.extract.lexicon import Rules, span_patterns
from diplograph.graph.extract.phrases import PhraseTable
from diplograph.graph.extract.sentences import name_stops, sentence_starts, sentences
from diplograph.graph.extract.tokenizer import EXTRA_INFIXES, CacheFiller, english
from diplograph.graph.model import Document

if TYPE_CHECKING:  # spaCy is imported when a pipeline is built: commands that read no text never load it
    from spacy.language import Language
    from spacy.matcher import Matcher

_CACHE: dict[tuple[str, int], Pipeline] = {}
CHUNK = 500_000  # characters per spaCy call (its max_length is 1,000,000)


class Hit(NamedTuple):
    """A rule match: token range [i, j), character range [start, end), label and entry id.

    A named tuple, like the matcher's own ``(key, start, end)``: thousands are made per long
    document, and a tuple is built several times faster than a frozen dataclass."""

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

    def positions(self, wanted, lower: bool = False) -> list[int]:
        """Indexes, in order, of the tokens in ``wanted`` (a set, dict or tuple of words), read
        in :attr:`words` or, with ``lower``, in :attr:`lower`: ``[k for k, w in
        enumerate(words) if w in wanted]``, from an array of word codes made once per document
        (several stages each look for a few words: a Python loop over every token for each costs
        more than the rest of their work)."""
        codes, ids = self._lower_codes if lower else self._word_codes
        if len(wanted) < len(codes):
            hit = [codes[w] for w in wanted if w in codes]
        else:
            hit = [n for w, n in codes.items() if w in wanted]
        if not hit:
            return []
        mask = zeros(len(codes), dtype=bool)
        mask[hit] = True
        return flatnonzero(mask[ids]).tolist()

    @cached_property
    def _word_codes(self) -> tuple[dict[str, int], ndarray]:
        return _codes(self.words)

    @cached_property
    def _lower_codes(self) -> tuple[dict[str, int], ndarray]:
        return _codes(self.lower)


def _codes(words: tuple[str, ...]) -> tuple[dict[str, int], ndarray]:
    """Each distinct word's code, and the code of every token."""
    codes = dict(zip(dict.fromkeys(words), count()))
    return codes, fromiter(map(codes.__getitem__, words), dtype=intp, count=len(words))


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


@dataclass(frozen=True)
class Pipeline:
    """The tokenizer and the rule matchers. Each (label, id) is one match key (an int); ``rank`` maps a
    key to its place in ``entries``, the sorted (label, id) pairs, so that matches are
    deduplicated and sorted as plain integers."""

    nlp: Language
    gaz: tuple[PhraseTable | Matcher, ...]
    cue: tuple[PhraseTable | Matcher, ...]
    entries: tuple[tuple[str, str], ...]
    rank: dict[int, int]
    filler: CacheFiller

    def matches(self, matchers: tuple[PhraseTable | Matcher, ...], doc, base: int) -> list[tuple[int, int, int]]:
        """(first token, minus the end token, rank of the (label, id)) of every match, token
        indexes shifted by ``base``: sorted, they come in text order, longest first."""
        rank = self.rank
        return [(i + base, -j - base, rank[key]) for m in matchers for key, i, j in m(doc) if i != j]


def _matchers(nlp: Language, patterns: list[dict], attr: str, keys: dict[int, tuple[str, str]],
              cache: Path | None = None) -> tuple[PhraseTable | Matcher, ...]:
    """Compile ``span_ruler`` patterns (a phrase, or a list of token patterns) into matchers: a
    :class:`PhraseTable` of the phrases, whose token hashes are read from the ``cache`` folder when it
    holds them, and spaCy's ``Matcher`` for the token patterns. Each (label, id) becomes one match
    key, recorded in ``keys``."""
    from spacy.matcher import Matcher

    tokens = Matcher(nlp.vocab, validate=False)
    texts: list[str] = []
    text_keys: list[int] = []
    ids = {pair: key for key, pair in keys.items()}
    for entry in patterns:
        pair = (entry["label"], entry.get("id", ""))
        if (key := ids.get(pair)) is None:
            key = ids[pair] = len(keys) + 1  # match keys of our own: no string to hash and store
            keys[key] = pair
        if isinstance(entry["pattern"], str):
            texts.append(entry["pattern"])
            text_keys.append(key)
        else:
            tokens.add(key, [entry["pattern"]])
    hashes = phrases.cached_tokens(nlp, texts, attr, EXTRA_INFIXES, cache)
    table = PhraseTable(attr, zip(text_keys, hashes, strict=True))
    return tuple(m for m in (table, tokens) if len(m))


def build_pipeline(gazetteer, rules: Rules, cache: Path | None = None) -> Pipeline:
    """A blank English tokenizer with the two matchers (not kept in memory: see :func:`get_pipeline`);
    sentences are split by :func:`sentence_starts` over token arrays, which gives the sentencizer's
    answer without building a spaCy Token per word.

    Args:
        gazetteer: The loaded gazetteer, or None.
        rules: Lexicon, titles and cue words.
        cache: Folder of the tokenised phrases (phrases.py), or None to tokenise them here.
    """
    nlp = english()
    keys: dict[int, tuple[str, str]] = {}
    gaz_patterns, cue_patterns = gazetteer_patterns(gazetteer), span_patterns(rules)
    gaz = _matchers(nlp, gaz_patterns, "ORTH", keys, cache)
    cue = _matchers(nlp, cue_patterns, "LOWER", keys, cache)
    entries = tuple(sorted(set(keys.values())))
    place = {entry: n for n, entry in enumerate(entries)}
    filler = CacheFiller(nlp, [p["pattern"] for p in gaz_patterns + cue_patterns if isinstance(p["pattern"], str)])
    return Pipeline(nlp, gaz, cue, entries, {key: place[entry] for key, entry in keys.items()}, filler)


def get_pipeline(gazetteer, rules: Rules) -> Pipeline:
    """The pipeline for this gazetteer version (and rule set), built once per process; its phrases'
    tokens are cached on disk across processes (:func:`phrases.default_folder`)."""
    key = (getattr(gazetteer, "version", "none") if gazetteer is not None else "none", id(rules))
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = build_pipeline(gazetteer, rules, phrases.default_folder())
        # the pipeline and gazetteer live as long as the process: keep the cyclic collector from
        # walking their millions of objects again on every full collection during extraction
        # (the build's own cyclic garbage is freed first, as the collector may be paused here)
        gc.collect()
        gc.freeze()
    return _CACHE[key]


def _hits(found: list[tuple[int, int, int]], entries: tuple[tuple[str, str], ...],
          starts: tuple[int, ...], ends: tuple[int, ...]) -> tuple[Hit, ...]:
    """Hits from :meth:`Pipeline.matches` rows, each once, sorted by (i, -j, label, id)."""
    # char offsets from our arrays: asking spaCy's Span for them builds Token objects
    return tuple(Hit(i, -j, starts[i], ends[-j - 1], *entries[r]) for i, j, r in sorted(set(found)))


def _words(text: str, starts: list[int], ends: list[int], orth: ndarray, distinct: dict[str, str]) -> list[str]:
    """Token texts, one str object per distinct word (kept in ``distinct``): each word is sliced
    from the text once, at its first token (tokens with the same ORTH id have the same text).
    Scans over all tokens then touch a few hundred strings, not one object per token scattered
    over memory (on long documents that is most of their cost)."""
    _, first, inverse = unique(orth, return_index=True, return_inverse=True)
    forms = [distinct.setdefault(w, w) for w in (text[starts[k]:ends[k]] for k in first.tolist())]
    return list(map(forms.__getitem__, inverse.tolist()))


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


def parse(document: Document, gazetteer, rules: Rules) -> Parsed:
    """Run the pipeline on the body of the document, in chunks of at most CHUNK characters cut at
    line breaks; offsets stay absolute."""
    from spacy.attrs import IDX, IS_PUNCT, LENGTH, ORTH

    pipe = get_pipeline(gazetteer, rules)
    text = document.text
    pipe.filler.reading(len(text) - document.body_start)
    starts: list[int] = []
    ends: list[int] = []
    first: list[int] = []
    words: list[str] = []
    gaz: list[tuple[int, int, int]] = []
    cue: list[tuple[int, int, int]] = []
    distinct: dict[str, str] = {}
    for a, b in chunks(text, document.body_start, CHUNK):
        doc, base = pipe.nlp.make_doc(text[a:b]), len(starts)
        if not len(doc):
            continue
        # arrays, not Token objects: this is the hot loop on long documents
        arr = doc.to_array([IDX, LENGTH, IS_PUNCT, ORTH])
        chunk_starts = (arr[:, 0] + a).tolist()
        chunk_ends = (arr[:, 0] + arr[:, 1] + a).tolist()
        chunk_words = _words(text, chunk_starts, chunk_ends, arr[:, 3], distinct)
        starts.extend(chunk_starts)
        ends.extend(chunk_ends)
        words.extend(chunk_words)
        first.extend(k + base for k in sentence_starts(chunk_words, arr[:, 2].tolist()))
        names = pipe.matches(pipe.gaz, doc, base)
        gaz.extend(names)
        first.extend(name_stops(pipe, words, names))
        cue.extend(pipe.matches(pipe.cue, doc, base))
    sents = sentences(first, tuple(words)) or ((0, 0),)
    sent_of = [0] * len(words)
    for n, (i, j) in enumerate(sents):
        sent_of[i:j] = [n] * (j - i)
    starts_t, ends_t = tuple(starts), tuple(ends)
    cues = _hits(cue, pipe.entries, starts_t, ends_t)
    lower = {w: w.lower() for w in distinct}
    return Parsed(
        text=text, starts=starts_t, ends=ends_t, words=tuple(words),
        lower=tuple(map(lower.__getitem__, words)),
        sents=sents, sent_of=tuple(sent_of),
        gaz=_hits(gaz, pipe.entries, starts_t, ends_t),
        titles=tuple(h for h in cues if h.label.startswith("TITLE")),
        triggers=tuple(h for h in cues if h.label == "TRIG"),
    )
