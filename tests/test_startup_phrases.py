"""The extractor's start: phrases matched through a table of token hashes, cached on disk (phrases.py).

The table must give spaCy's ``PhraseMatcher`` answer on real text; a pipeline built from the cache must
extract exactly what a freshly built one does; a corrupt, stale or unwritable cache must cost only time.
Sentences written for these tests; the example is the customer's.
"""

from __future__ import annotations

import importlib
import json
import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.matcher import PhraseMatcher

from diplograph.graph.executor import serialize
from diplograph.graph.extract import extract, phrases, tokenizer
from diplograph.graph.extract.lexicon import default_rules, span_patterns
from diplograph.graph.extract.tokenizer import EXTRA_INFIXES, english
from diplograph.graph.model import Document, PartialDate

parse_mod = importlib.import_module("diplograph.graph.extract.parse")
ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "monitor-8-7.txt"
OWN = ("The Russian Foreign Minister met his Chinese counterpart in Beijing on Monday; the Kremlin said the "
       "talks on the U.S.-led coalition went well. NATO's secretary general criticized Moscow.\n\n"
       "THE UNITED NATIONS Security Council, the United Nations and the UN met again \u2014 in Geneva. "
       "Presidents Putin and Bush signed the treaty; the prime ministers of India and Pakistan did not.")


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> list[str]:
    """The example, our own sentences and three generated articles (bench/gen_corpus.py)."""
    out = tmp_path_factory.mktemp("articles")
    generated = runpy.run_path(str(ROOT / "bench" / "gen_corpus.py"))["generate"](out, 3, seed=5)
    return [EXAMPLE.read_text(encoding="utf-8"), OWN] + [p.read_text(encoding="utf-8") for p in generated]


def _phrase_patterns(gaz) -> dict[str, list[dict]]:
    both = {"ORTH": parse_mod.gazetteer_patterns(gaz), "LOWER": span_patterns(default_rules())}
    return {attr: [p for p in pats if isinstance(p["pattern"], str)] for attr, pats in both.items()}


@pytest.mark.parametrize("attr", ["ORTH", "LOWER"])
def test_startup_phrases_table_agrees_with_phrase_matcher(gaz, texts, attr, tmp_path):
    patterns = _phrase_patterns(gaz)[attr]
    nlp = english()
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    for p in patterns:
        matcher.add(f"{p['label']}\t{p['id']}", [nlp.make_doc(p["pattern"])])
    keys: dict[int, tuple[str, str]] = {}
    table, = parse_mod._matchers(nlp, patterns, attr, keys, tmp_path)
    assert isinstance(table, phrases.PhraseTable)
    total = 0
    for text in texts:
        doc = nlp.make_doc(text)
        expected = sorted({(*nlp.vocab.strings[key].split("\t"), i, j) for key, i, j in matcher(doc)})
        assert sorted({(*keys[key], i, j) for key, i, j in table(doc)}) == expected
        total += len(expected)
    assert total > 100


def test_startup_phrases_table_finds_overlaps_and_stops_at_the_end():
    table = phrases.PhraseTable("ORTH", [(1, [10, 20]), (2, [10, 20, 30]), (3, [20, 30]), (4, [10, 20]),
                                         (5, [30, 40, 50]), (6, [])])
    assert sorted(table.find([10, 20, 30, 10, 20, 30, 40])) == [
        (1, 0, 2), (1, 3, 5), (2, 0, 3), (2, 3, 6), (3, 1, 3), (3, 4, 6), (4, 0, 2), (4, 3, 5)]
    assert table.find([30, 40]) == []  # a phrase cut by the end of the text is no match
    assert len(table) == 4


def test_startup_phrases_tokenizer_cache_filled_once_and_tokens_unchanged(texts, monkeypatch):
    monkeypatch.setattr(tokenizer, "FILL_AFTER", 1000)
    nlp = english()
    filler = tokenizer.CacheFiller(nlp, ["Qelmarian Zorvath", "the Zorvath Ministry", "Qelmarian"])
    before = [nlp.make_doc(t).to_array(["ORTH", "IDX", "LENGTH", "IS_PUNCT"]).tolist() for t in texts]
    filler.reading(999)
    assert not filler.filled and "Zorvath" not in nlp.vocab
    filler.reading(1)
    assert filler.filled and all(w in nlp.vocab for w in ("Qelmarian", "Zorvath", "Ministry"))
    assert [nlp.make_doc(t).to_array(["ORTH", "IDX", "LENGTH", "IS_PUNCT"]).tolist() for t in texts] == before


def _graphs(gaz, texts: list[str]) -> list[bytes]:
    rules = default_rules()
    out = []
    for n, text in enumerate(texts):
        ex = extract(Document(id=f"doc-{n}", text=text, date=PartialDate(2002, 1, 7)), gaz, rules)
        out.append(serialize(ex, gaz)[0])
    return out


def test_startup_phrases_cached_pipeline_extracts_the_same(gaz, texts, tmp_path, monkeypatch):
    monkeypatch.setattr(parse_mod, "_CACHE", {})
    monkeypatch.setattr(phrases, "default_folder", lambda: None)  # tokenised here, no file
    fresh = _graphs(gaz, texts)
    monkeypatch.setattr(phrases, "default_folder", lambda: tmp_path)
    for _ in ("cold: writes the files", "warm: reads them"):
        parse_mod._CACHE.clear()
        assert _graphs(gaz, texts) == fresh
        assert len(list(tmp_path.glob("phrases-*.json"))) == 2  # the gazetteer's and the rules' phrases
    assert all(b"<" in g for g in fresh)


def test_startup_phrases_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert phrases.default_folder() == tmp_path / "diplograph"
    monkeypatch.setenv("XDG_CACHE_HOME", "")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert phrases.default_folder() == tmp_path / "home" / ".cache" / "diplograph"


PHRASES = ["foreign minister", "prime minister", "the Kremlin", "U.S.-led", "talks", "met with"]


@pytest.fixture
def small(monkeypatch, tmp_path):
    """A small phrase set that is cached all the same; returns (nlp, folder, the file's path, its tokens)."""
    monkeypatch.setattr(phrases, "MIN_CACHED", 1)
    nlp = english()
    tokens = phrases.cached_tokens(nlp, PHRASES, "LOWER", EXTRA_INFIXES, tmp_path)
    path, = tmp_path.glob("phrases-*.json")
    return nlp, tmp_path, path, tokens


def test_startup_phrases_file_round_trips(small):
    nlp, folder, path, tokens = small
    assert tokens == phrases.tokenize(nlp, PHRASES, "LOWER")
    assert [len(t) for t in tokens] == [2, 2, 2, 3, 1, 2]  # "U.S.-led": U.S. - led
    key = phrases.key_of(PHRASES, "LOWER", EXTRA_INFIXES)
    assert phrases.read(path, key, len(PHRASES)) == tokens
    assert not list(folder.glob(".phrases-*"))  # no temporary file left behind


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "header", "count", "garbage"])
def test_startup_phrases_corrupt_file_is_ignored_and_rebuilt(small, damage):
    nlp, folder, path, tokens = small
    good = path.read_bytes()
    head, _, body = good.partition(b"\n")
    bad = {"truncate": good[:-7], "flip": good[:-3] + bytes([good[-3] ^ 1]) + good[-2:], "empty": b"",
           "header": head.replace(b'"format": 1', b'"format": 2') + b"\n" + body,
           "count": _resealed(head, json.loads(body)[:-1]), "garbage": b"\x00\xff not json"}[damage]
    path.write_bytes(bad)
    key = phrases.key_of(PHRASES, "LOWER", EXTRA_INFIXES)
    assert phrases.read(path, key, len(PHRASES)) is None
    assert phrases.cached_tokens(nlp, PHRASES, "LOWER", EXTRA_INFIXES, folder) == tokens
    assert path.read_bytes() == good


def _resealed(head: bytes, tokens: list) -> bytes:
    """A well-sealed file (right digest) whose body has the wrong number of phrases."""
    body = json.dumps(tokens, separators=(",", ":")).encode()
    header = json.loads(head)
    header["sha256"] = phrases.hashlib.sha256(body).hexdigest()
    return json.dumps(header, sort_keys=True).encode() + b"\n" + body


def test_startup_phrases_stale_file_is_not_used(small):
    nlp, folder, path, tokens = small
    key = phrases.key_of(PHRASES, "LOWER", EXTRA_INFIXES)
    others = [phrases.key_of(PHRASES[:-1] + ["met With"], "LOWER", EXTRA_INFIXES),
              phrases.key_of(PHRASES, "ORTH", EXTRA_INFIXES),
              phrases.key_of(PHRASES, "LOWER", EXTRA_INFIXES[:1])]
    assert len({key, *others}) == 4
    assert all(phrases.read(path, other, len(PHRASES)) is None for other in others)
    changed = PHRASES[:-1] + ["signed"]
    assert phrases.cached_tokens(nlp, changed, "LOWER", EXTRA_INFIXES, folder)[-1] == \
        phrases.tokenize(nlp, ["signed"], "LOWER")[0]
    assert len(list(folder.glob("phrases-*.json"))) == 2


def test_startup_phrases_unwritable_folder_only_costs_time(monkeypatch, tmp_path):
    monkeypatch.setattr(phrases, "MIN_CACHED", 1)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    nlp = english()
    got = phrases.cached_tokens(nlp, PHRASES, "ORTH", EXTRA_INFIXES, blocked / "diplograph")
    assert got == phrases.tokenize(nlp, PHRASES, "ORTH")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_startup_phrases_prune_keeps_the_most_recent(small):
    nlp, folder, path, _ = small
    os.utime(path, (0, 0))  # older than every new one
    for n in range(phrases.KEEP + 3):
        phrases.cached_tokens(nlp, [f"word{n}", "talks"], "LOWER", (), folder)
    files = list(folder.glob("phrases-*.json"))
    assert len(files) == phrases.KEEP
    assert path not in files


def test_startup_phrases_spacy_only_on_first_text():
    """Importing the extractor loads no spaCy: a command that reads no text (or a rerun) never pays for it."""
    code = ("import sys, diplograph.graph.extract, diplograph.graph.executor, diplograph.graph.cli.build; "
            "print('spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
