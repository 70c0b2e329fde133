"""Views on a rerun: only the pairs of states a change touches are computed again (views/incremental.py),
and the views chunks, the counts and graph.ttl are those of a clean build, byte for byte."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from diplograph.graph import merge
from diplograph.graph.pipeline import build
from diplograph.graph.views import incremental
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Our own sentences. Every official and state in EDITS appears in BASE too, so adding, removing or editing
# a document of EDITS leaves every entity's state and every state's label as they were.
BASE = (
    ("Russian Foreign Minister Igor Ivanov met Chinese Foreign Minister Tang Jiaxuan in Moscow on Monday. "
     "China criticized the United States over its missile defence plans."),
    ("France praised Germany for its help with the European budget. Japan and South Korea signed an agreement "
     "on fisheries."),
    ("Russia condemned the United States over the sanctions. Russian Foreign Minister Igor Ivanov met Chinese "
     "Foreign Minister Tang Jiaxuan in Beijing."),
    "Germany criticized France over farm subsidies. China praised Russia for its support on Taiwan.",
    "Japan criticized China over the disputed islands. The United States supported Japan in the talks.",
)
EDITS = (
    "Russia praised China for the border agreement.",
    "The United States criticized Russia over the sanctions.",
    "France and Germany signed an agreement on energy cooperation.",
    "Japan praised South Korea for its help with the fisheries talks.",
    "China condemned Japan over the disputed islands.",
    "Germany supported France in the talks on the European budget.",
)
NEW_STATE = "India criticized Pakistan over the border incident."  # two states no other document names


def dated_by_name(name: str, text: str) -> tuple[str, str]:
    """A document's text and its date, taken from its name alone."""
    n = zlib.crc32(name.encode("utf-8"))
    return text, f"2003-{1 + n % 12:02d}-{10 + n % 18}"


def write(folder: Path, docs: dict, dated=dated_by_name) -> list[Path]:
    """One file per document (``name -> what dated(name, what) makes text and date of``); other files in
    ``folder`` removed; a file already as it should be is left untouched."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        if old.stem not in docs:
            old.unlink()
    for name, what in sorted(docs.items()):
        text, date = dated(name, what)
        path = folder / f"{name}.txt"
        content = f"---\ndate: {date}\n---\n{text}\n"
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
    return sorted(folder.glob("*.txt"))


def outputs(result, out: Path) -> tuple:
    views = b"".join(p.read_nquads() for p in result.parts if p.graph == merge.VIEWS_GRAPH)
    return views, result.counts, (out / "graph.ttl").read_bytes(), (out / "graph.nq.gz").read_bytes()


def clean(tmp: Path, docs: dict[str, str]) -> tuple:
    out = tmp / "clean"
    return outputs(build(write(tmp / "clean-in", docs), out, html=False, store=False, cache=False), out)


class Full:
    """Counts the full path's runs (incremental.view_tables: every pair's dyads computed)."""

    def __init__(self, monkeypatch) -> None:
        self.calls = 0
        real = incremental.view_tables

        def counted(*args, **kwargs):
            self.calls += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(incremental, "view_tables", counted)


def rerun(tmp: Path, docs: dict[str, str]) -> tuple:
    out = tmp / "out"
    return outputs(build(write(tmp / "in", docs), out, html=False, store=False), out)


def base_docs() -> dict[str, str]:
    return {f"base-{n}": text for n, text in enumerate(BASE)} | {"edit-0": EDITS[0], "edit-1": EDITS[1]}


@pytest.mark.slow
def test_views_incremental_edit_add_remove_match_a_clean_build(tmp_path, monkeypatch):
    full = Full(monkeypatch)
    docs = base_docs()
    assert rerun(tmp_path, docs) == clean(tmp_path, docs)
    assert full.calls == 2  # the first build (no saved state) and the clean one
    steps = [("edit", {**docs, "edit-0": EDITS[0] + " " + EDITS[4]}),
             ("add", {**docs, "edit-0": EDITS[0] + " " + EDITS[4], "edit-2": EDITS[2]}),
             ("remove", {k: v for k, v in docs.items() if k != "edit-1"} | {"edit-2": EDITS[2]})]
    for what, now in steps:
        calls = full.calls
        got = rerun(tmp_path, now)
        assert full.calls == calls, what  # the incremental path
        assert got == clean(tmp_path, now), what
        assert got[0] != clean(tmp_path, docs)[0] or what == "remove"


@pytest.mark.slow
def test_views_incremental_falls_back_when_the_states_change(tmp_path, monkeypatch):
    full = Full(monkeypatch)
    docs = base_docs()
    rerun(tmp_path, docs)
    now = {**docs, "edit-1": EDITS[1] + " " + NEW_STATE}  # two new states: the state map changes
    calls = full.calls
    got = rerun(tmp_path, now)
    assert full.calls == calls + 1
    assert got == clean(tmp_path, now)
    calls = full.calls
    back = rerun(tmp_path, docs)  # and back: both states gone again
    assert full.calls == calls + 1
    assert back == clean(tmp_path, docs)


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["truncated", "garbage", "stale", "missing fold"])
def test_views_incremental_damaged_state_gives_the_right_views(tmp_path, monkeypatch, damage):
    full = Full(monkeypatch)
    docs = base_docs()
    views = tmp_path / "out" / ".cache" / "views"
    rerun(tmp_path, docs)
    first = (views / incremental.STATE).read_bytes()
    rerun(tmp_path, {**docs, "edit-2": EDITS[2]})
    state = views / incremental.STATE
    if damage == "truncated":
        state.write_bytes(state.read_bytes()[: state.stat().st_size // 2])
    elif damage == "garbage":
        state.write_bytes(b"\0" * 64)
    elif damage == "stale":  # the first build's state, as a build killed before writing its own leaves it
        state.write_bytes(first)
    else:  # a build killed after pruning its old bucket folds, before writing its state
        state.write_bytes(first)
        for fold in views.glob("fold-*.marshal"):
            fold.unlink()
    now = {**docs, "edit-2": EDITS[2], "edit-3": EDITS[3]}
    calls = full.calls
    got = rerun(tmp_path, now)
    if damage in ("truncated", "garbage"):  # a stale state is still right when its old bucket folds are there
        assert full.calls == calls + 1
    assert got == clean(tmp_path, now)


@pytest.mark.slow
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["edit", "add", "remove"]), st.integers(0, len(EDITS) - 1),
                          st.integers(0, len(EDITS) - 1)), min_size=2, max_size=4))
def test_views_incremental_random_edit_sequences(tmp_path_factory, edits):
    tmp = tmp_path_factory.mktemp("seq")
    docs = base_docs()
    rerun(tmp, docs)
    for what, i, j in edits:
        name, before = f"edit-{i}", dict(docs)
        if what == "remove":
            docs.pop(name, None)
        else:
            docs[name] = EDITS[i] + ("" if what == "add" else " " + EDITS[j])
        if docs == before:
            continue  # nothing changed: the build is up to date and does nothing
        assert rerun(tmp, docs) == clean(tmp, docs), (what, i, j)
