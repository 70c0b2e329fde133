"""Sentence boundaries from token arrays: spaCy's sentencizer rule on plain lists, and the breaks it
misses after a known name whose last word the tokenizer keeps with its full stop ("... Hun Sen. The
talks ..."). Moved out of parse.py, which calls them once per chunk.
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diplograph.graph.extract.parse import Pipeline

__all__ = ["name_stops", "punct_chars", "sentence_starts", "sentences"]


@cache
def punct_chars() -> frozenset[str]:
    """The sentencizer's sentence-final marks."""
    from spacy.pipeline.sentencizer import Sentencizer

    return frozenset(Sentencizer.default_punct_chars)


def sentence_starts(words: list[str], is_punct: list[int]) -> list[int]:
    """Indexes of the tokens that open a sentence: spaCy's sentencizer rule (the first token that
    is not punctuation after a sentence-final mark) on plain lists."""
    out, k, n, marks = [0], 0, len(words), punct_chars()
    # only the sentence-final marks are visited: the words between them need no test
    for final in [m for m, w in enumerate(words) if w in marks]:
        if final < k:
            continue  # inside the run of marks already passed
        k = final + 1
        while k < n and (is_punct[k] or words[k] in marks):
            k += 1
        if k < n:
            out.append(k)
    return out


NOT_FINAL = frozenset({"jr.", "sr."})  # a name's suffix, not a sentence's end ("X Jr. Corp")


def name_stops(pipe: Pipeline, words: list[str], names: list[tuple[int, int, int]]) -> list[int]:
    """Sentence starts the sentencizer misses: after a known name whose last word the tokenizer keeps
    with the full stop as an abbreviation ("... met Hun Sen. The talks ..."), when a capitalised word
    follows. ``names`` are gazetteer matches (first token, minus the end token, rank): the name is the
    match followed by such a word (without its stop) when the gazetteer knows the whole; a name written
    with inner dots ("U.S.") ends no sentence this way. Rare, so each candidate is matched on its own."""
    out = set()
    for i, neg_end, _ in names:
        k = -neg_end
        if k + 1 >= len(words) or not _stop_word(words[k]) or not words[k + 1][:1].isupper():
            continue
        doc = pipe.nlp.make_doc(" ".join([*words[i:k], words[k][:-1]]))
        if any(a == 0 and -b == len(doc) for a, b, _ in pipe.matches(pipe.gaz, doc, 0)):
            out.add(k + 1)
    return sorted(out)


def _stop_word(w: str) -> bool:
    """Whether token w is a capitalised word kept with its full stop ("Sen.")."""
    return len(w) > 2 and w[-1] == "." and w[:-1].isalpha() and w[0].isupper() and w.lower() not in NOT_FINAL


def sentences(first: list[int], words: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Sentence token ranges from the sentencizer's first tokens, dropping whitespace-only ones."""
    bounds = sorted({0, *first}) + [len(words)]
    out = []
    for a, b in pairwise(bounds):
        while a < b and words[a].isspace():  # a paragraph break opens the next sentence
            a += 1
        if a < b:
            out.append((a, b))
    return tuple(out)


