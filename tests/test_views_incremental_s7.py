"""A rerun after a document's publication date moved (views/delta.py): the events and facts the date dates
join the delta, only their pairs of states are computed again, and the views chunks, the counts, graph.ttl
and graph.nq.gz are those of a clean build, byte for byte. Each rerun here must take the incremental path."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from diplograph.graph import merge
from diplograph.graph.pipeline import build
from diplograph.graph.views import delta, incremental
from diplograph.graph.views.stream import Folder
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

GEN = Path(__file__).resolve().parents[1] / "bench" / "gen_corpus.py"


def outputs(result, out: Path) -> tuple:
    """The views chunks' bytes and keys, the counts, graph.ttl, graph.nq.gz."""
    views = [p for p in result.parts if p.graph == merge.VIEWS_GRAPH]
    return (b"".join(p.read_nquads() for p in views), [p.key for p in views], result.counts,
            (out / "graph.ttl").read_bytes(), (out / "graph.nq.gz").read_bytes())


def clean(tmp: Path, files: list[Path]) -> tuple:
    out = tmp / "clean"
    shutil.rmtree(out, ignore_errors=True)
    return outputs(build(files, out, html=False, store=False, cache=False), out)


def rerun(tmp: Path, files: list[Path]) -> tuple:
    out = tmp / "out"
    return outputs(build(files, out, html=False, store=False), out)


def redate(path: Path, date: str | None, drop_last_paragraph: bool = False) -> None:
    """Set (None: remove) the front matter's ``date:``; optionally edit the body too."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^date: \S+\n", f"date: {date}\n" if date else "", text, count=1, flags=re.MULTILINE)
    if drop_last_paragraph:
        text = text.rstrip("\n").rsplit("\n\n", 1)[0] + "\n"
    path.write_text(text, encoding="utf-8")


def periods(tmp: Path) -> set[str]:
    saved = incremental.load_saved(tmp / "out" / ".cache" / "views")
    return set(saved.by_period)


def generated(factory, seed: int) -> Path:
    """24 articles of the dense profile (bench/gen_corpus.py): many pairs of states, many officials."""
    out = factory.mktemp("corpus") / "c"
    subprocess.run([sys.executable, str(GEN), "--count", "24", "--seed", str(seed), "--profile", "dense",
                    "--out", str(out)], check=True, capture_output=True)
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return generated(tmp_path_factory, 3)


@pytest.mark.slow
def test_a_moved_publication_date_reruns_incrementally_and_matches_a_clean_build(tmp_path, corpus, full):
    shutil.copytree(corpus, tmp_path / "in")
    files = sorted((tmp_path / "in").rglob("*.txt"))
    first = rerun(tmp_path, files)
    known = periods(tmp_path)
    doc = files[5]
    original = doc.read_text(encoding="utf-8")
    y, m, d = map(int, re.search(r"^date: (\d{4})-(\d\d)-(\d\d)$", original, re.MULTILINE).groups())
    steps = [("within a quarter", f"{y}-{m:02d}-{1 if d > 1 else 2:02d}", False),
             ("across quarters", f"{y}-{m % 12 + 3 if m < 10 else m - 9:02d}-15", False),
             ("across years", f"{y + 3}-{m:02d}-15", False), ("a new period", "1990-06-15", False),
             ("with a body edit", f"{y + 1}-01-05", True), ("no date", None, False)]
    before = first
    for what, date, body in steps:
        redate(doc, date, body)
        calls = len(full)
        got = rerun(tmp_path, files)
        assert len(full) == calls, what  # the incremental path: no full view_tables
        assert got == clean(tmp_path, files), what
        if what != "within a quarter":
            assert got[0] != before[0], what  # the move changes the views: the test is about something
        if what == "a new period":
            assert {"1990-Q2"} <= periods(tmp_path) - known  # a period no other document has
        before = got
    doc.write_text(original, encoding="utf-8")
    calls = len(full)
    assert rerun(tmp_path, files) == first
    assert len(full) == calls


@pytest.mark.slow
def test_two_documents_moved_at_once_in_different_buckets(tmp_path, corpus, full):
    shutil.copytree(corpus, tmp_path / "in")
    files = sorted((tmp_path / "in").rglob("*.txt"))
    rerun(tmp_path, files)
    redate(files[2], "2004-04-04")
    redate(files[17], "1996-12-31", drop_last_paragraph=True)
    calls = len(full)
    got = rerun(tmp_path, files)
    assert len(full) == calls
    assert got == clean(tmp_path, files)


def test_bucket_delta_names_what_a_moved_date_dates():
    """Without a change to any event or record, a moved date puts the document's undated events and its
    records' facts in the delta; an event with a date of its own stays out."""
    doc, other = "http://x/doc/a", "http://x/doc/b"
    old, new = Folder(), Folder()
    for f, date in ((old, "2001-01-01"), (new, "2002-06-01")):
        f.published[doc] = {date}
        f.published[other] = {"2000-01-01"}
        f.events = {"e1": [None, "s1", "s2", None, None, None, None, None, None, doc],
                    "e2": [None, "s1", "s2", None, "1999-01-01", None, None, None, None, doc],
                    "e3": [None, "s1", "s2", None, None, None, None, None, None, other]}
        f.records = {("s1", "https://w3id.org/diplograph/ontology#criticizes", "s2"): "r1",
                     ("s1", "https://w3id.org/diplograph/ontology#supports", "s2"): "r2"}
        f.record_docs = {"r1": doc, "r2": other}
    got = delta.bucket_delta(old, new)
    assert got.dates == {doc} and got.events == {"e1"}
    assert got.facts == {("s1", "criticizes", "s2")}
    assert delta.bucket_delta(old, old) == delta.Delta(set(), set(), set())


# Our own sentences, between states only (no official whose office depends on the date), without a time
# expression: their events are dated by their document's publication date.
TEXTS = (
    "Russia condemned the United States over the sanctions. France praised Germany for its help.",
    "China criticized Japan over the disputed islands. Germany supported France in the budget talks.",
    "Russia praised China for the border agreement.",
    "The United States criticized Russia over the sanctions.",
    "China condemned Japan over the disputed islands.",
)
DATES = ("2003-01-14", "2003-02-27", "2003-05-14", "2004-11-02", "1999-07-01", None)


def write(folder: Path, docs: dict[str, tuple[str, str | None]]) -> list[Path]:
    """One file per document (``name -> (text, date or None)``); other files removed, unchanged ones kept."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        if old.stem not in docs:
            old.unlink()
    for name, (text, date) in sorted(docs.items()):
        path = folder / f"{name}.txt"
        content = (f"---\ndate: {date}\n---\n" if date else "") + text + "\n"
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
    return sorted(folder.glob("*.txt"))


@pytest.mark.slow
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["date", "date", "edit", "add", "remove"]), st.integers(0, 6),
                          st.integers(0, len(TEXTS) - 1), st.sampled_from(DATES)), min_size=2, max_size=5))
def test_random_sequences_with_date_moves_match_a_clean_build(tmp_path_factory, monkeypatch, edits):
    tmp = tmp_path_factory.mktemp("seq")
    calls = []
    real = incremental.view_tables
    monkeypatch.setattr(incremental, "view_tables", lambda *a, **k: (calls.append(1), real(*a, **k))[1])
    docs = {f"doc-{n}": (TEXTS[n % len(TEXTS)], DATES[n % 3]) for n in range(6)}
    rerun(tmp, write(tmp / "in", docs))
    for what, i, j, date in edits:
        name, before = f"doc-{i}", dict(docs)
        if what == "remove":
            docs.pop(name, None)
        elif what == "add":
            docs[name] = (TEXTS[j], date)
        elif what == "date":
            docs[name] = (docs.get(name, (TEXTS[j], None))[0], date)
        else:
            docs[name] = (docs.get(name, (TEXTS[0], date))[0] + " " + TEXTS[j], docs.get(name, (None, date))[1])
        if docs == before or not docs:
            docs = before
            continue
        n = len(calls)
        got = rerun(tmp, write(tmp / "in", docs))
        if what == "date" and name in before:
            assert len(calls) == n, (what, i, date)  # a date moved: the incremental path
        assert got == clean(tmp, write(tmp / "clean-in", docs)), (what, i, j, date)


# Documents written as graphs (views/synth.py): undated events, and direct facts between states that no event
# covers, each with its record derived from its document, so both are dated by the document's date alone.
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def synth_part(doc: str, published: str | None, events: list[tuple[str, str]],
               facts: list[tuple[str, str, str]], graph: str | None = None) -> merge.Part:
    """A document's Part (graph = its document IRI, as the pipeline's, unless ``graph``): undated events
    ``(actor, target)`` and facts ``(s, relation, o)`` with their records."""
    from diplograph.graph.iri import ID
    from diplograph.graph.views import synth

    d = f"<{ID}doc/{doc}>"
    extra = synth.document_lines(doc, published) if published else [f"{d} <{RDF_NS}type> <{synth.DG}Document> ."]
    for n, (s, p, o) in enumerate(facts):
        r = f"<{ID}fact/{doc}-{n}>"
        extra += [f"{r} <{RDF_NS}type> <{RDF_NS}Statement> .", f"{r} <{RDF_NS}subject> <{ID}{s}> .",
                  f"{r} <{RDF_NS}predicate> <{synth.DG}{p}> .", f"{r} <{RDF_NS}object> <{ID}{o}> .",
                  f"{r} <{synth.DERIVED}> {d} ."]
    text = synth.ntriples([synth.Ev(a, b, "DISAPPROVE", None, doc=doc, quote=f"{doc} {a} {b}") for a, b in events],
                          states=("s1", "s2", "s3", "s4"), facts=facts, extra=extra)
    graph = graph or f"{ID}doc/{doc}"
    lines = sorted(line[:-2] + f" <{graph}> ." for line in text.splitlines() if line)
    nquads = ("\n".join(lines) + "\n").encode("utf-8")
    return merge.Part(graph, nquads, key=hashlib.sha256(nquads).hexdigest()[:32])


def synth_docs(dates: dict[str, str | None]) -> list[merge.Part]:
    plan = {"d0": ([("s1", "s2")], [("s3", "supports", "s4")]), "d1": ([("s2", "s3")], [("s1", "criticizes", "s4")]),
            "d2": ([("s1", "s2"), ("s3", "s1")], [("s3", "supports", "s4"), ("s2", "joins", "s4")]),
            "d3": ([("s4", "s1")], [("s2", "criticizes", "s3")])}
    return [synth_part(doc, dates[doc], *plan[doc]) for doc in sorted(dates)]


def assembled(parts: list[merge.Part], folder: Path) -> tuple:
    from diplograph.graph.pipeline import assemble

    out, _, counts, quads = assemble(parts, folder=folder)
    views = [p for p in out if p.graph == merge.VIEWS_GRAPH]
    return b"".join(p.read_nquads() for p in views), [p.key for p in views], counts, quads


@pytest.mark.parametrize("moved", ["2003-02-20", "2003-08-02", "2005-01-30", "1990-06-15", None])
def test_undated_events_and_fact_records_follow_their_document_date(tmp_path, full, moved):
    dates = {"d0": "2003-02-14", "d1": "2003-03-01", "d2": "2003-02-14", "d3": "2004-05-05"}
    first = assembled(synth_docs(dates), tmp_path / "views")
    now = {**dates, "d2": moved}
    calls = len(full)
    got = assembled(synth_docs(now), tmp_path / "views")
    assert len(full) == calls  # the incremental path
    assert got == assembled(synth_docs(now), tmp_path / f"clean-{len(full)}")
    if moved != "2003-02-20":
        assert got[0] != first[0]  # the date moves the document's events and facts to other periods
    back = assembled(synth_docs(dates), tmp_path / "views")
    assert back == first


def test_a_document_dated_by_two_buckets_takes_the_full_path(tmp_path, full):
    """Not made by the pipeline (a document's graph is its own): a second graph, in another bucket, states
    the document's date too; the rerun cannot tell that bucket's date apart, so it takes the full path."""
    from diplograph.graph.iri import ID
    from diplograph.graph.views.stream import bucket_plan

    dates = {"d0": "2003-02-14", "d1": "2003-03-01", "d2": "2003-02-14", "d3": "2004-05-05"}
    copy = synth_part("d2", "2003-11-11", [("s1", "s4")], [("s1", "supports", "s3")], graph=f"{ID}doc/copy")
    buckets = bucket_plan([*synth_docs(dates), copy])
    assert len(buckets) == 5  # the copy's graph is in a bucket of its own
    assembled([*synth_docs(dates), copy], tmp_path / "views")
    now = [*synth_docs({**dates, "d2": "2003-08-02"}), copy]
    calls = len(full)
    got = assembled(now, tmp_path / "views")
    assert len(full) == calls + 1
    assert got == assembled(now, tmp_path / "clean")
