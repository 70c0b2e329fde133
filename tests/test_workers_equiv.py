"""The workers' faster serialisation keeps the bytes.

rdf.py remembers each entity's triples and each fact's ends across documents: each test states the plain definition the fast path replaces (the code before
it) and checks both agree on the customer's example, the dev texts and generated articles, and that the
remembered values do not depend on which documents were read before.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from diplograph.graph import executor, iri, rdf, rdf_records
from diplograph.graph.extract import extract
from diplograph.graph.extract.documents import parse_document

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "monitor-8-7.txt"
DEV = Path("/work/shared/gold/dev")


def _generate(folder: Path, count: int) -> list[Path]:
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    module = sys.modules.setdefault(spec.name, importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)  # registered first: its dataclasses look their module up
    return sorted(module.generate(folder, count, seed=5))


def _extractions(paths: list[Path], gazetteer) -> list:
    return [extract(parse_document(p.read_bytes(), doc_id=f"{i}-{p.stem}", path=str(p)), gazetteer)
            for i, p in enumerate(paths)]


@pytest.fixture(scope="module")
def extractions(gazetteer, tmp_path_factory):
    paths = [EXAMPLE, *sorted(DEV.glob("*.txt"))[:4]] + _generate(tmp_path_factory.mktemp("gen"), 25)
    return _extractions(paths, gazetteer)


def entity_reference(e, gazetteer) -> set[tuple[str, str, str]]:
    """The triples of one entity as rdf.add_entities wrote them before its cache."""
    n = rdf.node(e.id)
    add = {(n, rdf.TYPE, rdf.dg(e.type)), (n, rdf.LABEL, rdf.label(e.label))}
    if e.subtype:
        add.add((n, rdf.TYPE, rdf.dg(e.subtype)))
    add |= {(n, rdf.ALT, rdf.label(alias)) for alias in e.aliases if alias != e.label}
    record = gazetteer.get(e.id) if gazetteer and not e.discovered else None
    wikidata = e.wikidata or (record or {}).get("wikidata")
    if wikidata:
        add.add((n, rdf.uri(rdf.SKOS + "exactMatch"), rdf.uri(rdf.WD + wikidata)))
    if record and record.get("iso3"):
        add.add((n, rdf.dg("isoCode"), rdf.text(record["iso3"])))
    if record and record.get("cameo") and e.type == "Organization":
        add.add((n, rdf.dg("cameoCode"), rdf.text(record["cameo"])))
    return add


def fact_reference(fact, doc_id: str) -> tuple[set[tuple[str, str, str]], str]:
    """A fact's truthy triple and record (without evidence), each term made the plain way, and the record's IRI."""
    doc_iri = iri.document_iri(doc_id)
    s = doc_iri if fact.p == "cites" else iri.entity_iri(fact.s)
    o, o_term = (iri.clean_text(fact.o), rdf.text(fact.o)) if fact.p == "roleTitle" else \
        (iri.entity_iri(fact.o), rdf.uri(iri.entity_iri(fact.o)))
    f, p, s_term = rdf.uri(iri.fact_iri(doc_id, s, fact.p, o, fact.origin)), rdf.dg(fact.p), rdf.uri(s)
    rdf_ns = rdf.RDF_NS
    return {(s_term, p, o_term), (f, rdf.TYPE, rdf.uri(rdf_ns + "Statement")), (f, rdf.uri(rdf_ns + "subject"), s_term),
            (f, rdf.uri(rdf_ns + "predicate"), p), (f, rdf.uri(rdf_ns + "object"), o_term),
            (f, rdf.dg("origin"), rdf.text(fact.origin)), (f, rdf.DERIVED, rdf.uri(doc_iri))}, f


def test_workers_equiv_entities(extractions, gazetteer) -> None:
    seen = 0
    for ex in extractions:
        for e in ex.entities:
            g = rdf.Triples()
            rdf.add_entities(g, type(ex)(document=ex.document, entities=(e,), mentions=(), facts=(), events=(),
                                         unresolved=()), gazetteer)
            assert g.items == entity_reference(e, gazetteer), e.id
            seen += 1
    assert seen > 200


def test_workers_equiv_facts(extractions, gazetteer) -> None:
    kinds = set()
    for ex in extractions:
        doc_id, doc_iri = ex.document.id, iri.document_iri(ex.document.id)
        for fact in (*ex.facts, *rdf.lifted_facts(ex, gazetteer)):
            g = rdf.Triples()
            record = rdf.add_fact(g, fact.__class__(fact.s, fact.p, fact.o, origin=fact.origin), doc_iri, doc_id)
            expected, f = fact_reference(fact, doc_id)
            assert (g.items, record) == (expected, f)
            kinds.add(fact.p)
    assert {"cites", "roleTitle", "officialOf", "memberOf", "met"} <= kinds


def _outputs(extractions, gazetteer) -> dict[str, tuple[bytes, ...]]:
    return {ex.document.id: executor.serialize(ex, gazetteer) for ex in extractions}


def _clear_caches() -> None:
    for cached in (rdf._entity, rdf_records._ends, rdf_records._term_of_office, rdf_records._evidence):
        cached.cache_clear()


def test_workers_equiv_order_does_not_matter(extractions, gazetteer) -> None:
    """Serialised in reverse order with fresh caches, every document gives the same bytes."""
    _clear_caches()
    forward = _outputs(extractions, gazetteer)
    _clear_caches()
    backward = _outputs(extractions[::-1], gazetteer)
    assert forward == backward
    assert len(forward) == len(extractions)


@pytest.mark.slow
def test_workers_equiv_order_300_generated(gazetteer, tmp_path) -> None:
    extractions = _extractions(_generate(tmp_path, 300), gazetteer)
    _clear_caches()
    forward = _outputs(extractions, gazetteer)
    _clear_caches()
    assert _outputs(extractions[::-1], gazetteer) == forward
