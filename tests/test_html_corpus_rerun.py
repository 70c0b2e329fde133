"""A corpus' HTML pages on a rerun: graph.html's relations recounted from the changed buckets only
(exports/network_state.py) and the dyad rows and layouts kept from the last build (exports/fragments.py) give
the pages a clean build draws, byte for byte, edit after edit."""

from __future__ import annotations

import pytest
from diplograph.exports import fragments, network_state
from diplograph.graph import outputs, pipeline
from test_views_incremental import BASE, EDITS, NEW_STATE, write

PAGES = ("graph.html", "dyads.html", "triangles.html")
SHARED = "On 12 March 2003 Russia condemned Japan over the disputed islands."  # our own sentence


class Paths:
    """Counts the full path's runs (every bucket fold read) and the reruns that recounted a change."""

    def __init__(self, monkeypatch) -> None:
        self.full = self.rerun = 0
        full, rerun = network_state._full, network_state._rerun

        def counted_full(*args, **kwargs):
            self.full += 1
            return full(*args, **kwargs)

        def counted_rerun(*args, **kwargs):
            got = rerun(*args, **kwargs)
            self.rerun += got is not None
            return got

        monkeypatch.setattr(network_state, "_full", counted_full)
        monkeypatch.setattr(network_state, "_rerun", counted_rerun)


@pytest.fixture
def corpus_pages(monkeypatch):
    monkeypatch.setattr(outputs, "HTML_DATASET_LIMIT", 0)  # draw as for a corpus
    monkeypatch.setattr(outputs, "PAGE_EDGES", 5)  # fewer relations drawn than there are: the ranking counts
    return Paths(monkeypatch)


def _pages(out) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in PAGES}


def _clean(tmp_path, docs: dict[str, str]) -> dict[str, bytes]:
    out = tmp_path / "clean"
    pipeline.build(write(tmp_path / "clean-in", docs), out, store=False, cache=False)
    return _pages(out)


STEPS = (
    ("a sentence added", lambda d: {**d, "b": d["b"] + " " + EDITS[0]}),
    ("a document added", lambda d: {**d, "e1": EDITS[1] + " " + EDITS[3]}),
    ("two states no one named before", lambda d: {**d, "e2": NEW_STATE}),
    ("a document removed", lambda d: {k: v for k, v in d.items() if k != "c"}),
    ("the two states gone again", lambda d: {k: v for k, v in d.items() if k != "e2"}),
    ("a sentence taken out", lambda d: {**d, "b": BASE[1]}),
    # an event with a date of its own is one event whoever reports it: a second report puts it in two buckets
    ("a dated event reported", lambda d: {**d, "s1": SHARED}),
    ("the same event reported again", lambda d: {**d, "s2": EDITS[5] + " " + SHARED}),
    ("the second report gone", lambda d: {k: v for k, v in d.items() if k != "s2"}),
)


def test_html_corpus_rerun_pages_equal_a_clean_builds_edit_after_edit(corpus_pages, tmp_path, monkeypatch):
    docs = dict(zip("abcde", BASE))
    out = tmp_path / "rerun"
    pipeline.build(write(tmp_path / "in", docs), out, store=False)
    assert corpus_pages.full == 1 and (out / ".cache" / "views" / network_state.STATE).is_file()
    assert _pages(out) == _clean(tmp_path, docs)  # the full path draws what strongest_of_fold draws
    unions = []
    union = network_state._union
    monkeypatch.setattr(network_state, "_union", lambda folds, e: unions.append(e) or union(folds, e))
    for what, step in STEPS:
        docs = step(docs)
        pipeline.build(write(tmp_path / "in", docs), out, store=False)
        assert _pages(out) == _clean(tmp_path, docs), what
    assert (corpus_pages.full, corpus_pages.rerun) == (1, len(STEPS))  # clean builds draw from their fold
    assert unions  # the shared event was read from both its buckets, not recounted from every fold


def test_html_corpus_rerun_full_path_when_the_state_is_damaged_or_stale(corpus_pages, tmp_path):
    docs = dict(zip("abcde", BASE))
    out = tmp_path / "rerun"
    pipeline.build(write(tmp_path / "in", docs), out, store=False)
    views = out / ".cache" / "views"
    state = views / network_state.STATE
    state.write_bytes(state.read_bytes()[:-7])  # truncated: not read
    (views / fragments.FRAGMENTS).write_bytes(b"damaged")
    docs = {**docs, "a": docs["a"] + " " + EDITS[2]}
    pipeline.build(write(tmp_path / "in", docs), out, store=False)
    assert (corpus_pages.full, corpus_pages.rerun) == (2, 0)
    assert _pages(out) == _clean(tmp_path, docs)
    pipeline.build(write(tmp_path / "in", docs), out, store=False, html=False)  # up to date: nothing done
    for n, edit in enumerate(EDITS):  # more buckets changed than a rerun recounts: the full path
        docs[f"x{n}"] = edit
    pipeline.build(write(tmp_path / "in", docs), out, store=False, html=False)
    docs["a"] = BASE[0]
    pipeline.build(write(tmp_path / "in", docs), out, store=False)
    assert _pages(out) == _clean(tmp_path, docs)
    assert (corpus_pages.full, corpus_pages.rerun) == (3, 0)


def test_html_corpus_rerun_fragments_are_pure_pieces(tmp_path):
    memo = fragments.Fragments(tmp_path / fragments.FRAGMENTS)
    made = []
    assert memo.get(("row", 1, 2.5), lambda: made.append(1) or "<tr>1</tr>") == "<tr>1</tr>"
    memo.save()
    again = fragments.Fragments(tmp_path / fragments.FRAGMENTS)
    assert again.get(("row", 1, 2.5), lambda: made.append(2) or "other") == "<tr>1</tr>"
    assert again.get(("row", 1, 2.50001), lambda: made.append(3) or "<tr>2</tr>") == "<tr>2</tr>"
    assert made == [1, 3]
    again.save()
    assert set(fragments.Fragments(tmp_path / fragments.FRAGMENTS).old) == set(again.new)  # only those used
