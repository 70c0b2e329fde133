"""The query library on the embedded Oxigraph store against rdflib's SPARQL engine, side by side.

usage: python bench/sparql_bench.py [--sizes 100000 1000000] [--runs 5] [--rdflib-runs 3] [--cap 120] [--queries NAME ...]

For each size, a seeded, diplograph-shaped dataset of about that many quads (documents as named
graphs with their events, evidence, entity descriptions and reified facts; a views graph with dyads,
quarterly slices and triangles) is loaded into an Oxigraph store (``write_store``) and into an rdflib
``Dataset(default_union=True)``. Every example query of graph/queries/ runs on both; printed: the
median of ``--runs`` runs on Oxigraph and of ``--rdflib-runs`` on rdflib, the ratio, and the row
counts. rdflib runs in a forked child killed after ``--cap`` seconds, reported as ``>cap``
(so its ratio is a lower bound). Goal: Oxigraph at least 30x faster.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
from collections import Counter
import statistics
import tempfile
import time
from pathlib import Path

import rdflib

from diplograph.graph.iri import EVENT_TYPE, ID, ONTOLOGY, digest
from diplograph.graph.store import examples, open_store, run, write_store

RDF, RDFS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/2000/01/rdf-schema#"
XSD, PROV, SCHEMA = "http://www.w3.org/2001/XMLSchema#", "http://www.w3.org/ns/prov#", "http://schema.org/"
TYPES = {"CONSULT": "met", "DISAPPROVE": "criticizes", "SUPPORT": "supports", "AGREE": "signed", "COOPERATE": None,
         "THREATEN": None, "REQUEST": None, "ACCUSE": "criticizes", "AID": "supports", "PROTEST": None}
ROLES = ("President", "Prime Minister", "Foreign Minister", "Defence Minister")


def iri(local: str) -> str:
    return f"<{ID}{local}>"


def dg(term: str) -> str:
    return f"<{ONTOLOGY}{term}>"


def lit(value: object, dtype: str | None = None, lang: str | None = None) -> str:
    text = '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text + (f"@{lang}" if lang else f"^^<{XSD}{dtype}>" if dtype else "")


class World:
    """The actors every document draws on: states, officials with terms, organizations, outlets, agreements."""

    def __init__(self, rng: random.Random, states: int = 190):
        self.states = [f"state_{i:03d}" for i in range(states)]
        self.officials = {f"official_{i:04d}": (self.states[i % states], ROLES[i % 4]) for i in range(states * 4)}
        self.orgs = [f"org_{i:02d}" for i in range(40)]
        self.outlets = [f"outlet_{i:02d}" for i in range(20)]
        self.agreements = [f"agreement/treaty-{i:03d}" for i in range(80)]
        self.members = {s: rng.sample(self.orgs, 4) for s in self.states}
        self.parties = {s: rng.sample(self.agreements, 5) for s in self.states}
        self.terms = {o: rng.randrange(1990, 2010) for o in self.officials}


def describe(q: list[str], w: World, actor: str, g: str) -> None:
    kind = "Official" if actor in w.officials else "State" if actor in w.states else "Organization"
    q += [f"{iri(actor)} <{RDF}type> {dg(kind)} {g} .", f"{iri(actor)} <{RDFS}label> {lit(actor.title(), lang='en')} {g} ."]
    if kind == "Official":
        state, role = w.officials[actor]
        q += [f"{iri(actor)} {dg('officialOf')} {iri(state)} {g} .", f"{iri(actor)} {dg('roleTitle')} {lit(role)} {g} ."]
        fact(q, g, actor, "officialOf", state, "gazetteer", start=f"{w.terms[actor]}-01-01", end=f"{w.terms[actor] + 6}-01-01")


def fact(q: list[str], g: str, s: str, p: str, o: str, origin: str, evidence: str | None = None,
         start: str | None = None, end: str | None = None) -> None:
    f = iri(f"fact/{digest(g, s, p, o)}")
    q += [f"{f} <{RDF}type> <{RDF}Statement> {g} .", f"{f} <{RDF}subject> {iri(s)} {g} .",
          f"{f} <{RDF}predicate> {dg(p)} {g} .", f"{f} <{RDF}object> {iri(o)} {g} .",
          f"{f} {dg('origin')} {lit(origin)} {g} .", f"{f} <{PROV}wasDerivedFrom> {g} ."]
    q += [f"{f} {dg('evidence')} {evidence} {g} ."] if evidence else []
    q += [f"{f} <{SCHEMA}startDate> {lit(start, 'date')} {g} .", f"{f} <{SCHEMA}endDate> {lit(end, 'date')} {g} ."] if start else []


def event(q: list[str], w: World, rng: random.Random, g: str, doc: str, date: str, n: int) -> tuple[str, str, str]:
    actor, target = rng.sample(list(w.officials) + w.states, 2)
    etype = rng.choice(list(TYPES))
    e, ev = iri(f"event/{doc}-{n}"), iri(f"evidence/{doc}-{n}")
    q += [f"{e} <{RDF}type> {dg('Event')} {g} .", f"{e} {dg('eventType')} <{EVENT_TYPE}{etype}> {g} .",
          f"{e} {dg('actor')} {iri(actor)} {g} .", f"{e} {dg('target')} {iri(target)} {g} .",
          f"{e} {dg('date')} {lit(date, 'date')} {g} .", f"{e} {dg('modality')} {dg('act')} {g} .",
          f"{e} {dg('negated')} {lit(str(rng.random() < 0.05).lower(), 'boolean')} {g} .",
          f"{e} {dg('hedged')} {lit('false', 'boolean')} {g} .", f"{e} {dg('confidence')} {lit('0.8', 'decimal')} {g} .",
          f"{e} {dg('evidence')} {ev} {g} .", f"{e} <{PROV}wasDerivedFrom> {g} .",
          f"{ev} <{RDF}type> {dg('Evidence')} {g} .", f"{ev} {dg('document')} {g} .", f"{ev} {dg('sentence')} {lit(n, 'integer')} {g} .",
          f"{ev} {dg('start')} {lit(n * 100, 'integer')} {g} .", f"{ev} {dg('end')} {lit(n * 100 + 90, 'integer')} {g} .",
          f"{ev} {dg('quote')} {lit(f'Sentence {n} of {doc}: {actor} and {target} ({etype.lower()}).')} {g} ."]
    relation = TYPES[etype]
    if relation and target not in w.agreements:
        q += [f"{e} {dg('relation')} {dg(relation)} {g} .", f"{iri(actor)} {dg(relation)} {iri(target)} {g} ."]
        fact(q, g, actor, relation, target, "text", ev)
    for actor_ in (actor, target):
        describe(q, w, actor_, g)
    return actor, target, etype


def document(q: list[str], w: World, rng: random.Random, k: int) -> list[tuple[str, str, str, str]]:
    doc, g = f"doc-{k:05d}", iri(f"doc/doc-{k:05d}")
    date = f"{rng.randrange(1995, 2013)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    q += [f"{g} <{RDF}type> {dg('Document')} {g} .", f"{g} <{RDFS}label> {lit('Report ' + doc, lang='en')} {g} .",
          f"{g} <{SCHEMA}datePublished> {lit(date, 'date')} {g} ."]
    for outlet in rng.sample(w.outlets, rng.randrange(0, 3)):
        q.append(f"{g} {dg('cites')} {iri(outlet)} {g} .")
        q += [f"{iri(outlet)} <{RDF}type> {dg('Organization')} {g} .", f"{iri(outlet)} <{RDFS}label> {lit(outlet, lang='en')} {g} ."]
    for state in rng.sample(w.states, 2):
        for org in w.members[state][:2]:
            q += [f"{iri(state)} {dg('memberOf')} {iri(org)} {g} .", f"{iri(org)} <{RDF}type> {dg('Organization')} {g} ."]
            fact(q, g, state, "memberOf", org, "gazetteer")
        for agreement in w.parties[state][:2]:
            q += [f"{iri(state)} {dg('partyTo')} {iri(agreement)} {g} .", f"{iri(agreement)} <{RDF}type> {dg('Agreement')} {g} ."]
    return [(date, *event(q, w, rng, g, doc, date, n)) for n in range(8)]


def views(q: list[str], w: World, events: list[tuple[str, str, str, str]]) -> None:
    g, slices = iri("graph/views"), {}
    state_of = lambda a: w.officials[a][0] if a in w.officials else a  # noqa: E731
    for date, a, b, _ in events:
        pair = tuple(sorted((state_of(a), state_of(b))))
        if pair[0] != pair[1]:
            key = (pair, f"{date[:4]}-Q{(int(date[5:7]) - 1) // 3 + 1}")
            slices[key] = slices.get(key, 0) + 1
    for (pair, period), n in sorted(slices.items()):
        d = iri(f"dyad/{pair[0]}--{pair[1]}")
        s = iri(f"dyad/{pair[0]}--{pair[1]}/{period}")
        q += [f"{d} <{RDF}type> {dg('Dyad')} {g} .", f"{d} {dg('member')} {iri(pair[0])} {g} .", f"{d} {dg('member')} {iri(pair[1])} {g} .",
              f"{d} {dg('sign')} {lit('+' if int(digest(*pair), 16) % 3 else '-')} {g} .",
              f"{s} <{RDF}type> {dg('DyadSlice')} {g} .", f"{s} {dg('sliceOf')} {d} {g} .", f"{s} {dg('period')} {lit(period)} {g} .",
              f"{s} {dg('member')} {iri(pair[0])} {g} .", f"{s} {dg('member')} {iri(pair[1])} {g} .",
              f"{s} {dg('sign')} {lit('+' if n % 2 else '-')} {g} .", f"{s} {dg('score')} {lit(n * 1.5, 'decimal')} {g} .",
              f"{s} {dg('eventCount')} {lit(n, 'integer')} {g} ."]
    for i in range(0, 60, 3):
        a, b, c = w.states[i:i + 3]
        t = iri(f"triangle/{a}--{b}--{c}")
        q += [f"{t} <{RDF}type> {dg('Triangle')} {g} .", f"{t} {dg('triangleClass')} {lit('romantic')} {g} .",
              f"{t} {dg('pivot')} {iri(b)} {g} .", f"{t} {dg('balanced')} {lit('false', 'boolean')} {g} ."]
        q += [f"{t} {dg('member')} {iri(x)} {g} ." for x in (a, b, c)]


def generate(quads: int, seed: int = 7) -> tuple[bytes, dict[str, dict[str, str]]]:
    """About ``quads`` N-Quads lines of diplograph-shaped data (the same for the same arguments),
    and parameters for the library's queries that name actors and periods present in it."""
    rng, lines, events = random.Random(seed), [], []
    world, k = World(rng), 0
    while len(lines) < quads * 0.8:
        events += document(lines, world, rng, k)
        k += 1
    views(lines, world, events)
    return ("\n".join(lines) + "\n").encode("utf-8"), params_for(world, events)


def params_for(w: World, events: list[tuple[str, str, str, str]]) -> dict[str, dict[str, str]]:
    """The busiest state, its busiest partner, a date one of its officials was in office, two quarters it was in the news."""
    state_of = lambda a: w.officials[a][0] if a in w.officials else a  # noqa: E731
    busy = Counter(state_of(a) for _, a, _, _ in events).most_common(1)[0][0]
    partner = Counter(state_of(b) for _, a, b, _ in events if state_of(a) == busy and state_of(b) != busy).most_common(1)[0][0]
    year = Counter(d[:4] for d, a, _, _ in events if state_of(a) == busy).most_common(1)[0][0]
    in_office = min(w.terms[o] for o, (state, _) in w.officials.items() if state == busy) + 2
    return {"agreements-of-state": {"state": busy}, "describe-actor": {"actor": busy},
            "evidence-for-edge": {"a": busy, "b": partner}, "memberships": {"actor": busy},
            "officials-on-date": {"state": busy, "date": f"{in_office}-06-01"},
            "dyad-changes": {"before": f"{year}-Q1", "after": f"{year}-Q2"}}


_DATASET: rdflib.Dataset | None = None  # set before forking, shared copy-on-write with each child


def _rdflib_child(text: str, conn) -> None:
    start = time.perf_counter()
    rows = len(list(_DATASET.query(text)))
    conn.send((time.perf_counter() - start, rows))


def time_rdflib(text: str, runs: int, cap: float) -> tuple[float | None, int | None]:
    """Median seconds of rdflib on ``text`` (None when a run exceeds ``cap``) and its row count."""
    times, rows = [], None
    for _ in range(runs):
        parent, child = mp.Pipe(duplex=False)
        proc = mp.get_context("fork").Process(target=_rdflib_child, args=(text, child))
        proc.start()
        if not parent.poll(cap):
            proc.kill()
            proc.join()
            return None, None
        elapsed, rows = parent.recv()
        proc.join()
        times.append(elapsed)
    return statistics.median(times), rows


def time_oxigraph(store, text: str, runs: int) -> tuple[float, int]:
    run(store, text)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = run(store, text)
        times.append(time.perf_counter() - start)
    return statistics.median(times), len(result.rows or result.triples) or int(bool(result.boolean))


def bench_size(quads: int, args: argparse.Namespace) -> list[float]:
    global _DATASET
    data, params = generate(quads)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        n = _load(data, Path(tmp))
        ox_load = time.perf_counter() - start
        start = time.perf_counter()
        _DATASET = rdflib.Dataset(default_union=True)
        _DATASET.parse(data=data, format="nquads")
        rdf_load = time.perf_counter() - start
        lines = data.count(b"\n")
        print(f"\n== {lines:,} quads ({n:,} in the store with the merged default graph): "
              f"load {ox_load:.1f} s into Oxigraph, {rdf_load:.1f} s into rdflib", flush=True)
        print(f"{'query':26} {'oxigraph':>10} {'rdflib':>10} {'ratio':>8} {'rows ox/rdflib':>16}")
        store, ratios = open_store(tmp), []
        for name, ex in examples().items():
            if args.queries and name not in args.queries:
                continue
            text = ex.render(params.get(name, {}))
            ox_s, ox_rows = time_oxigraph(store, text, args.runs)
            rdf_s, rdf_rows = time_rdflib(text, args.rdflib_runs, args.cap)
            ratio = (rdf_s if rdf_s is not None else args.cap) / max(ox_s, 1e-6)
            ratios.append(ratio)
            shown = f"{rdf_s * 1000:9.1f}ms" if rdf_s is not None else f">{args.cap:.0f}s".rjust(11)
            bound = "" if rdf_s is not None else ">="
            print(f"{name:26} {ox_s * 1000:8.1f}ms {shown} {bound + format(ratio, '.0f') + 'x':>8} {ox_rows:>8}/{rdf_rows}",
                  flush=True)
        del store
    geo = statistics.geometric_mean(ratios)
    print(f"median ratio {statistics.median(ratios):.0f}x, geometric mean {geo:.0f}x, "
          f"min {min(ratios):.0f}x (goal >= 30x); '>=' marks rdflib capped at {args.cap:.0f} s")
    return ratios


def _load(data: bytes, tmp: Path) -> int:
    import pyoxigraph as ox

    return write_store(ox.parse(data, format=ox.RdfFormat.N_QUADS), tmp / "store")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=5, help="Oxigraph runs per query (median)")
    parser.add_argument("--rdflib-runs", type=int, default=3, help="rdflib runs per query (median)")
    parser.add_argument("--cap", type=float, default=120.0, help="seconds before an rdflib run is abandoned")
    parser.add_argument("--queries", nargs="*", default=[], metavar="NAME", help="only these library queries")
    args = parser.parse_args()
    for size in args.sizes:
        bench_size(size, args)


if __name__ == "__main__":
    main()
