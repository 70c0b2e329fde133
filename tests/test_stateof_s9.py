"""An organization's state (``dg:stateOf``): declared in the ontology, written by graph/rdf.py for a
government body or party of the gazetteer and for an organization whose name carries a state, and read by
every views path so the organization acts for its state in the dyads, as an official does through
``dg:officialOf``. The sentences are our own."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import rdflib
from diplograph.graph import rdf, views
from diplograph.graph.extract import extract
from diplograph.graph.model import Document, PartialDate
from diplograph.graph.pipeline import build
from diplograph.graph.store import example, query
from diplograph.ontology import validate
from diplograph.ontology.namespace import DG
from rdflib.namespace import OWL, RDF, RDFS

ID = "https://w3id.org/diplograph/id/"
PARLIAMENT = ID + "organization/lithuanian-parliament"
TEXTS = {
    "vilnius": ("2021-03-02", "The Lithuanian Parliament condemned Russia on Tuesday."),
    "water": ("2021-03-05", "Israel and Jordan signed a water agreement on Monday. The Knesset condemned Iran."),
    "tehran": ("2021-04-09", "Russia criticized Iran on Friday. Lithuania welcomed the Jordanian proposal."),
}



def read(text: str, gazetteer):
    return extract(Document(id="t", text=text, date=PartialDate(2021, 3, 2)), gazetteer)


def graph_of(text: str, gazetteer) -> rdflib.Graph:
    return rdf.to_rdf(read(text, gazetteer), gazetteer)


def states_of(g: rdflib.Graph) -> set[tuple[str, str]]:
    return {(str(s), str(o)) for s, o in g.subject_objects(DG.stateOf)}


def record(g: rdflib.Graph, s: str, p, o: str) -> rdflib.term.Node:
    [r] = [r for r in g.subjects(RDF.subject, rdflib.URIRef(s))
           if (r, RDF.predicate, p) in g and (r, RDF.object, rdflib.URIRef(o)) in g]
    return r


def test_stateof_is_declared_like_the_other_properties():
    onto = rdflib.Graph().parse(Path(__file__).resolve().parents[1] / "ontology" / "diplograph.ttl")
    assert (DG.stateOf, RDF.type, OWL.ObjectProperty) in onto
    assert onto.value(DG.stateOf, RDFS.domain) == DG.Organization
    assert onto.value(DG.stateOf, RDFS.range) == DG.State
    assert str(onto.value(DG.stateOf, RDFS.label)) == "state of"


def test_a_discovered_organization_gets_the_state_its_name_carries(gazetteer):
    g = graph_of(TEXTS["vilnius"][1], gazetteer)
    assert states_of(g) == {(PARLIAMENT, ID + "lithuania")}
    r = record(g, PARLIAMENT, DG.stateOf, ID + "lithuania")
    assert str(g.value(r, DG.origin)) == "text"
    assert str(g.value(g.value(r, DG.evidence), DG.quote)) == "Lithuanian Parliament"
    assert validate(g)[0]


def test_an_acronym_and_its_name_give_one_state_fact(gazetteer):
    g = graph_of("The Nigerian Union of Teachers (NUT) criticized Ghana. NUT later called a strike.", gazetteer)
    assert states_of(g) == {(ID + "organization/nigerian-union-of-teachers", ID + "nigeria")}
    assert len(list(g.subjects(RDF.predicate, DG.stateOf))) == 1


def test_a_government_body_of_the_gazetteer_gets_its_records_state(gazetteer):
    g = graph_of("The Knesset condemned Iran.", gazetteer)
    assert states_of(g) == {(ID + "knesset", ID + "israel")}
    assert str(g.value(record(g, ID + "knesset", DG.stateOf, ID + "israel"), DG.origin)) == "gazetteer"
    # a government body's relations are restated as its state's, as an official's are (facts._with_body_states)
    assert (rdflib.URIRef(ID + "israel"), DG.criticizes, rdflib.URIRef(ID + "iran")) in g
    assert (rdflib.URIRef(ID + "knesset"), DG.criticizes, rdflib.URIRef(ID + "iran")) in g


@pytest.mark.parametrize("text", ["Abu Sayyaf attacked American troops.",  # an armed group: where it fights
                                  "Human Rights Watch criticized China.",  # an NGO: where it sits
                                  "Gazprom cut gas supplies to Ukraine."])  # a company: where it sits
def test_organizations_that_act_for_no_state_get_none(gazetteer, text):
    ex = read(text, gazetteer)
    assert [e for e in ex.entities if e.type == "Organization"], "the sentence names an organization"
    assert states_of(rdf.to_rdf(ex, gazetteer)) == set()


def test_a_state_fact_is_written_once_and_the_same_in_any_order(gazetteer):
    ex = read("The Lithuanian Parliament condemned Russia. The Lithuanian Parliament also criticized Belarus.",
              gazetteer)
    flipped = type(ex)(document=ex.document, entities=ex.entities[::-1], mentions=ex.mentions[::-1],
                       facts=ex.facts, events=ex.events)
    assert rdf.to_nquads(ex, gazetteer) == rdf.to_nquads(flipped, gazetteer)
    lines = rdf.to_nquads(ex, gazetteer).splitlines()
    assert len([x for x in lines if b"#stateOf> <" + ID.encode() + b"lithuania>" in x]) == 1
    assert len([x for x in lines if b"#predicate> <" + bytes(DG.stateOf.encode()) in x]) == 1  # one record


def test_plover_bench_codes_an_organization_for_its_state(gazetteer):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    try:
        from plover_events import actor_codes
    finally:
        sys.path.pop(0)
    g = graph_of(TEXTS["vilnius"][1], gazetteer)
    assert "LTU" in actor_codes(g, rdflib.URIRef(PARLIAMENT), gazetteer)


def write_corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (day, text) in TEXTS.items():
        (folder / f"{name}.txt").write_text(f"---\ntitle: {name}\ndate: {day}\n---\n{text}\n", encoding="utf-8")
    return sorted(folder.glob("*.txt"))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("stateof") / "out"
    build(write_corpus(out.parent / "in"), out, html=False, cache=False)
    return out


def dyad_nodes(out: Path) -> dict[tuple[str, ...], int]:
    """The overall dyads the build wrote (the folded path): sorted member IRIs -> event count."""
    g = rdflib.Dataset()
    g.parse(out / "graph.trig" if (out / "graph.trig").exists() else out / "graph.ttl")
    return {tuple(sorted(str(m) for m in g.objects(d, DG.member))): int(g.value(d, DG.eventCount))
            for d in g.subjects(RDF.type, DG.Dyad)}


def test_an_organization_serves_its_state_in_the_dyads(built):
    G = views.load_graph(built)
    assert G.nodes[PARLIAMENT]["state"] == ID + "lithuania"
    assert G.nodes[ID + "knesset"]["state"] == ID + "israel"
    table = views.dyads(G)
    russia = table[(ID + "lithuania", ID + "russia")]
    parliament = {k for _, _, k, d in G.out_edges(PARLIAMENT, keys=True, data=True) if d["kind"] == "event"}
    assert russia.sign == "-" and parliament <= set(russia.events)
    assert table[(ID + "iran", ID + "israel")].sign == "-"  # only the Knesset acts for Israel
    # the build's views (folded from the documents' digests) are the networkx graph's
    assert dyad_nodes(built) == {(a, b): d.count for (a, b), d in table.items() if d.count}


def test_evidence_query_finds_a_government_bodys_sentence_for_its_state(built):
    result = query(built, example("evidence-for-edge").render({"a": "israel", "b": "iran"}))
    assert [r.get("quote", "") for r in result.values()] == ["The Knesset condemned Iran."]


def outputs(out: Path, result) -> tuple:
    return result.counts, (out / "graph.ttl").read_bytes(), (out / "graph.nq.gz").read_bytes()


def test_a_rerun_naming_a_new_organization_of_a_state_equals_a_clean_build(tmp_path, full):
    files = write_corpus(tmp_path / "in")
    first = outputs(tmp_path / "out", build(files, tmp_path / "out", html=False, store=False))
    doc = tmp_path / "in" / "tehran.txt"
    original = doc.read_text(encoding="utf-8")
    doc.write_text(original + "The Lithuanian Farmers Union (LFU) met on Friday. LFU criticized Iran on Saturday.\n",
                   encoding="utf-8")  # the acronym acts: no event of Lithuania itself (its adjective) beside it
    calls = len(full)
    got = outputs(tmp_path / "out", build(files, tmp_path / "out", html=False, store=False))
    assert len(full) == calls  # the incremental path: the union is described in the changed document only
    shutil.rmtree(tmp_path / "clean", ignore_errors=True)
    assert got == outputs(tmp_path / "clean", build(files, tmp_path / "clean", html=False, store=False,
                                                     cache=False))
    assert b"iran--lithuania" in got[1] and b"iran--lithuania" not in first[1]  # the new union acts for Lithuania
    doc.write_text(original, encoding="utf-8")
    assert outputs(tmp_path / "out", build(files, tmp_path / "out", html=False, store=False)) == first
