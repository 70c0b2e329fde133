"""The embedded store on a hand-written dataset in graph/DESIGN.md shape.

``SAMPLE_TRIG`` is shared with the query, serve and push tests (``from test_store_sample import ...``):
two document graphs (January and May 2002) and the views graph, with events, officials and their
terms, agreements, memberships, citations, dyads with quarterly slices, a triangle and evidence.
The sentences are our own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from diplograph.graph.errors import OutputError, QueryError
from diplograph.graph.store import format_result, open_store, query, store_path, write_store

SAMPLE_TRIG = """
@base <https://w3id.org/diplograph/id/> .
@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix dgid: <https://w3id.org/diplograph/id/> .
@prefix dget: <https://w3id.org/diplograph/eventtype/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <http://schema.org/> .
@prefix dct: <http://purl.org/dc/terms/> .

<doc/jan> {
  <doc/jan> a dg:Document, schema:NewsArticle ; rdfs:label "January digest"@en ;
      schema:datePublished "2002-01-07"^^xsd:date ; schema:publisher "Monitor" ;
      dg:cites dgid:interfax, dgid:strana_ru .
  dgid:russia a dg:State ; rdfs:label "Russia"@en ; skos:altLabel "Moscow"@en .
  dgid:china a dg:State ; rdfs:label "China"@en .
  dgid:united_states a dg:State ; rdfs:label "United States"@en .
  dgid:sco a dg:Organization, dg:IntergovernmentalOrganization ; rdfs:label "Shanghai Cooperation Organization"@en .
  dgid:interfax a dg:Organization, dg:MediaOutlet ; rdfs:label "Interfax"@en .
  dgid:strana_ru a dg:Organization, dg:MediaOutlet ; rdfs:label "Strana.ru"@en .
  dgid:abm_treaty a dg:Agreement, dg:Treaty ; rdfs:label "Anti-Ballistic Missile Treaty"@en .
  <agreement/friendship-treaty> a dg:Agreement, dg:Treaty ; rdfs:label "Friendship Treaty"@en .
  dgid:igor_ivanov a dg:Official ; rdfs:label "Igor Ivanov"@en ; dg:officialOf dgid:russia ; dg:roleTitle "Foreign Minister" .
  dgid:yevgeny_primakov a dg:Official ; rdfs:label "Yevgeny Primakov"@en ; dg:officialOf dgid:russia ; dg:roleTitle "Foreign Minister" .
  dgid:vladimir_putin a dg:Official ; rdfs:label "Vladimir Putin"@en ; dg:officialOf dgid:russia ; dg:roleTitle "President" .
  dgid:jiang_zemin a dg:Official ; rdfs:label "Jiang Zemin"@en ; dg:officialOf dgid:china ; dg:roleTitle "President" .
  dgid:tang_jiaxuan a dg:Official ; rdfs:label "Tang Jiaxuan"@en ; dg:officialOf dgid:china .
  dgid:george_w_bush a dg:Official ; rdfs:label "George W. Bush"@en ; dg:officialOf dgid:united_states .

  dgid:russia dg:memberOf dgid:sco ; dg:partyTo dgid:abm_treaty, <agreement/friendship-treaty> ; dg:met dgid:china .
  dgid:china dg:memberOf dgid:sco ; dg:partyTo <agreement/friendship-treaty> ; dg:criticizes dgid:united_states .
  dgid:united_states dg:partyTo dgid:abm_treaty ; dg:withdrawsFrom dgid:abm_treaty .
  dgid:igor_ivanov dg:met dgid:jiang_zemin, dgid:tang_jiaxuan .
  dgid:vladimir_putin dg:signed <agreement/friendship-treaty> .

  <fact/f1> a rdf:Statement ; rdf:subject dgid:igor_ivanov ; rdf:predicate dg:officialOf ; rdf:object dgid:russia ;
      dg:origin "gazetteer" ; prov:wasDerivedFrom <doc/jan> ; schema:startDate "1998-09-11"^^xsd:date ; schema:endDate "2004-03-09"^^xsd:date .
  <fact/f2> a rdf:Statement ; rdf:subject dgid:yevgeny_primakov ; rdf:predicate dg:officialOf ; rdf:object dgid:russia ;
      dg:origin "gazetteer" ; prov:wasDerivedFrom <doc/jan> ; schema:startDate "1996-01-09"^^xsd:date ; schema:endDate "1998-09-11"^^xsd:date .
  <fact/f3> a rdf:Statement ; rdf:subject dgid:vladimir_putin ; rdf:predicate dg:officialOf ; rdf:object dgid:russia ;
      dg:origin "text" ; prov:wasDerivedFrom <doc/jan> .
  <fact/f4> a rdf:Statement ; rdf:subject dgid:igor_ivanov ; rdf:predicate dg:met ; rdf:object dgid:jiang_zemin ;
      dg:origin "text" ; prov:wasDerivedFrom <doc/jan> ; dg:evidence <evidence/q1> .
  <fact/f5> a rdf:Statement ; rdf:subject dgid:russia ; rdf:predicate dg:met ; rdf:object dgid:china ;
      dg:origin "lifted" ; prov:wasDerivedFrom <doc/jan> ; dg:evidence <evidence/q1> .
  <fact/f7> a rdf:Statement ; rdf:subject dgid:jiang_zemin ; rdf:predicate dg:officialOf ; rdf:object dgid:china ;
      dg:origin "text" ; prov:wasDerivedFrom <doc/jan> .
  <fact/f6> a rdf:Statement ; rdf:subject dgid:russia ; rdf:predicate dg:memberOf ; rdf:object dgid:sco ;
      dg:origin "gazetteer" ; prov:wasDerivedFrom <doc/jan> .

  <event/e1> a dg:Event ; dg:eventType dget:CONSULT ; dg:actor dgid:igor_ivanov ; dg:target dgid:jiang_zemin ;
      dg:relation dg:met ; dg:date "2002-01-07"^^xsd:date ; dg:modality dg:act ; dg:negated false ; dg:hedged false ;
      dg:evidence <evidence/q1> ; prov:wasDerivedFrom <doc/jan> .
  <event/e2> a dg:Event ; dg:eventType dget:CONSULT ; dg:actor dgid:igor_ivanov ; dg:target dgid:tang_jiaxuan ;
      dg:relation dg:met ; dg:date "2002-01-07"^^xsd:date ; dg:modality dg:act ; dg:negated false ; dg:hedged false ;
      dg:evidence <evidence/q1> ; prov:wasDerivedFrom <doc/jan> .
  <event/e3> a dg:Event ; dg:eventType dget:CONSULT ; dg:actor dgid:igor_ivanov ; dg:target dgid:george_w_bush ;
      dg:relation dg:met ; dg:date "2002-01-07"^^xsd:date ; dg:modality dg:act ; dg:negated true ; dg:hedged false ;
      dg:evidence <evidence/q2> ; prov:wasDerivedFrom <doc/jan> .
  <event/e4> a dg:Event ; dg:eventType dget:DISAPPROVE ; dg:actor dgid:jiang_zemin ; dg:target dgid:united_states ;
      dg:relation dg:criticizes ; dg:date "2002-01"^^xsd:gYearMonth ; dg:modality dg:statement ; dg:negated false ;
      dg:evidence <evidence/q3> ; prov:wasDerivedFrom <doc/jan> .
  <event/e5> a dg:Event ; dg:eventType dget:AGREE ; dg:actor dgid:vladimir_putin ; dg:target <agreement/friendship-treaty> ;
      dg:relation dg:signed ; dg:date "2001"^^xsd:gYear ; dg:modality dg:act ; dg:negated false ;
      dg:evidence <evidence/q4> ; prov:wasDerivedFrom <doc/jan> .

  <evidence/q1> a dg:Evidence ; dg:document <doc/jan> ; dg:sentence 1 ; dg:start 10 ; dg:end 80 ;
      dg:quote "The Russian foreign minister sat down with the Chinese president in Shanghai." .
  <evidence/q2> a dg:Evidence ; dg:document <doc/jan> ; dg:sentence 2 ; dg:start 81 ; dg:end 140 ;
      dg:quote "No meeting with the American president took place." .
  <evidence/q3> a dg:Evidence ; dg:document <doc/jan> ; dg:sentence 3 ; dg:start 141 ; dg:end 200 ;
      dg:quote "Beijing's leader faulted Washington over missile defence." .
  <evidence/q4> a dg:Evidence ; dg:document <doc/jan> ; dg:sentence 4 ; dg:start 201 ; dg:end 260 ;
      dg:quote "Last summer the two presidents put their names to a friendship treaty." .
}

<doc/may> {
  <doc/may> a dg:Document, schema:NewsArticle ; rdfs:label "May digest"@en ;
      schema:datePublished "2002-05-24"^^xsd:date ; dg:cites dgid:interfax .
  dgid:russia a dg:State ; rdfs:label "Russia"@en .
  dgid:united_states a dg:State ; rdfs:label "United States"@en .
  dgid:interfax a dg:Organization, dg:MediaOutlet ; rdfs:label "Interfax"@en .
  dgid:vladimir_putin a dg:Official ; rdfs:label "Vladimir Putin"@en ; dg:officialOf dgid:russia .
  dgid:george_w_bush a dg:Official ; rdfs:label "George W. Bush"@en ; dg:officialOf dgid:united_states .
  <agreement/moscow-treaty> a dg:Agreement, dg:Treaty ; rdfs:label "Moscow Treaty"@en .
  dgid:russia dg:joins <agreement/moscow-treaty> .
  dgid:vladimir_putin dg:met dgid:george_w_bush .

  <event/e6> a dg:Event ; dg:eventType dget:CONSULT ; dg:actor dgid:vladimir_putin ; dg:target dgid:george_w_bush ;
      dg:relation dg:met ; dg:date "2002-05-24"^^xsd:date ; dg:modality dg:act ; dg:negated false ;
      dg:evidence <evidence/q5> ; prov:wasDerivedFrom <doc/may> .
  <event/e7> a dg:Event ; dg:eventType dget:CONSULT ; dg:actor dgid:igor_ivanov ; dg:target dgid:jiang_zemin ;
      dg:relation dg:met ; dg:date "2002-01-07"^^xsd:date ; dg:modality dg:act ; dg:negated false ;
      dg:evidence <evidence/q6> ; prov:wasDerivedFrom <doc/may> .
  <evidence/q5> a dg:Evidence ; dg:document <doc/may> ; dg:sentence 1 ; dg:start 0 ; dg:end 50 ;
      dg:quote "The two presidents talked for three hours in the Kremlin." .
  <evidence/q6> a dg:Evidence ; dg:document <doc/may> ; dg:sentence 5 ; dg:start 300 ; dg:end 360 ;
      dg:quote "In January the Russian minister had already seen the Chinese leader." .
}

<graph/views> {
  <dyad/china--russia> a dg:Dyad ; dg:member dgid:china, dgid:russia ; dg:sign "+" ; dg:score 4.5 ; dg:eventCount 3 .
  <dyad/china--russia/2002-Q1> a dg:DyadSlice ; dg:sliceOf <dyad/china--russia> ; dg:member dgid:china, dgid:russia ;
      dg:period "2002-Q1" ; dg:sign "+" ; dg:score 7.0 ; dg:eventCount 2 .
  <dyad/china--russia/2002-Q2> a dg:DyadSlice ; dg:sliceOf <dyad/china--russia> ; dg:member dgid:china, dgid:russia ;
      dg:period "2002-Q2" ; dg:sign "-" ; dg:score -2.0 ; dg:eventCount 1 .
  <dyad/russia--united_states> a dg:Dyad ; dg:member dgid:russia, dgid:united_states ; dg:sign "+" ; dg:score 6.0 ; dg:eventCount 3 .
  <dyad/russia--united_states/2002-Q1> a dg:DyadSlice ; dg:sliceOf <dyad/russia--united_states> ;
      dg:member dgid:russia, dgid:united_states ; dg:period "2002-Q1" ; dg:sign "-" ; dg:score -2.0 ; dg:eventCount 1 .
  <dyad/russia--united_states/2002-Q2> a dg:DyadSlice ; dg:sliceOf <dyad/russia--united_states> ;
      dg:member dgid:russia, dgid:united_states ; dg:period "2002-Q2" ; dg:sign "+" ; dg:score 8.0 ; dg:eventCount 2 .
  <dyad/china--united_states> a dg:Dyad ; dg:member dgid:china, dgid:united_states ; dg:sign "-" ; dg:score -4.0 ; dg:eventCount 1 .
  <dyad/china--united_states/2002-Q1> a dg:DyadSlice ; dg:sliceOf <dyad/china--united_states> ;
      dg:member dgid:china, dgid:united_states ; dg:period "2002-Q1" ; dg:sign "-" ; dg:score -4.0 ; dg:eventCount 1 .
  <triangle/china--russia--united_states> a dg:Triangle ; dg:member dgid:china, dgid:russia, dgid:united_states ;
      dg:triangleClass "romantic" ; dg:pivot dgid:russia ; dg:balanced false .
  <triangle/china--russia--united_states/2002-Q1> a dg:TriangleSlice ; dg:member dgid:china, dgid:russia, dgid:united_states ;
      dg:period "2002-Q1" ; dg:triangleClass "unit_veto" ; dg:balanced false .
}
"""


def sample_dataset() -> rdflib.Dataset:
    """The sample as an rdflib Dataset, the type the pipeline hands to write_store."""
    ds = rdflib.Dataset()
    ds.parse(data=SAMPLE_TRIG, format="trig")
    return ds


def sample_quad_count() -> int:
    return len(list(sample_dataset().quads((None, None, None, None))))


def build_sample(out: Path) -> Path:
    """Write the sample's store into ``out/store`` and return ``out``."""
    write_store(sample_dataset(), store_path(out))
    return out


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return build_sample(tmp_path_factory.mktemp("sample-out"))


VIEWS = "https://w3id.org/diplograph/id/graph/views"


def sample_triple_count() -> int:
    return len({(s, p, o) for s, p, o, _ in sample_dataset().quads((None, None, None, None))})


def sample_document_quad_count() -> int:
    """The quads of the documents' graphs: the views graph is in the store's default graph only."""
    return sum(1 for *_, g in sample_dataset().quads((None, None, None, None)) if str(g) != VIEWS)


def test_store_write_keeps_each_document_graph_and_merges_all_into_the_default_graph(tmp_path):
    n = write_store(sample_dataset(), tmp_path / "store")
    assert n == sample_document_quad_count() + sample_triple_count() and sample_triple_count() > 200
    assert sample_document_quad_count() < sample_quad_count()
    store = ox.Store.read_only(str(tmp_path / "store"))
    graphs = {g.value for g in store.named_graphs()}
    assert graphs == {"https://w3id.org/diplograph/id/doc/jan", "https://w3id.org/diplograph/id/doc/may"}
    default = {q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    quads = list(ox.parse(SAMPLE_TRIG.encode(), format=ox.RdfFormat.TRIG))
    assert len(default) == sample_triple_count()  # the store holds values: "-2.0" is -2, compare the keys
    assert {(t.subject, t.predicate) for t in default} == {(q.subject, q.predicate) for q in quads}
    assert any(q.graph_name.value == VIEWS for q in quads)  # the views' triples: in the default graph only


def test_store_write_accepts_pyoxigraph_quads_and_nquads_bytes(tmp_path):
    quads = list(ox.parse(SAMPLE_TRIG.encode(), format=ox.RdfFormat.TRIG))
    assert write_store(quads, tmp_path / "a") == sample_document_quad_count() + sample_triple_count()
    nquads = sample_dataset().serialize(format="nquads", encoding="utf-8")
    assert write_store(nquads, tmp_path / "b") == sample_document_quad_count() + sample_triple_count()


def test_store_write_refuses_a_views_graph_about_other_subjects(tmp_path):
    stray = f"<https://w3id.org/diplograph/id/russia> <urn:p> \"x\" <{VIEWS}> .\n".encode()
    with pytest.raises(OutputError, match="a view node's triple must be in"):
        write_store(stray, tmp_path / "store")
    posing = b"<https://w3id.org/diplograph/id/dyad/a--b> <urn:p> \"x\" <https://w3id.org/diplograph/id/doc/a> .\n"
    with pytest.raises(OutputError, match="a view node's triple must be in"):
        write_store(posing, tmp_path / "store")
    assert not (tmp_path / "store").exists()


def test_store_write_replaces_an_existing_store_atomically(tmp_path):
    target = tmp_path / "store"
    write_store(sample_dataset(), target)
    small = rdflib.Dataset()
    small.graph(rdflib.URIRef("https://w3id.org/diplograph/id/doc/x")).add(
        (rdflib.URIRef("urn:a"), rdflib.URIRef("urn:p"), rdflib.Literal("v")))
    assert write_store(small, target) == 2  # the quad and its copy in the merged default graph
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]
    assert query(tmp_path, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").values() == [{"n": "1"}]


def test_store_failed_build_leaves_the_old_store_intact(tmp_path):
    target = tmp_path / "store"
    before = write_store(sample_dataset(), target)

    def broken():
        yield from list(ox.parse(SAMPLE_TRIG.encode(), format=ox.RdfFormat.TRIG))[:5]
        raise ValueError("extractor crashed")

    with pytest.raises(OutputError, match="cannot build the SPARQL store: extractor crashed"):
        write_store(broken(), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]
    assert len(ox.Store.read_only(str(target))) == before


def test_store_query_sees_each_triple_once_across_document_graphs(out):
    label = "SELECT (COUNT(*) AS ?n) WHERE { dgid:russia rdfs:label ?l }"
    assert query(out, label).values() == [{"n": "1"}]  # stated in both documents, merged once
    per_graph = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { dgid:russia rdfs:label ?l } }"
    assert query(out, per_graph).values() == [{"n": "2"}]
    assert query(out, "ASK { dgid:igor_ivanov dg:met dgid:jiang_zemin }").boolean is True


def test_store_select_json_follows_the_sparql_results_format(out):
    result = query(out, "SELECT ?label ?n WHERE { dgid:russia rdfs:label ?label BIND(2 AS ?n) } LIMIT 1")
    doc = json.loads(format_result(result, "json"))
    assert doc["head"]["vars"] == ["label", "n"]
    assert doc["results"]["bindings"][0]["label"] == {"type": "literal", "value": "Russia", "xml:lang": "en"}
    assert doc["results"]["bindings"][0]["n"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"


def test_store_csv_tsv_and_table_formats(out):
    result = query(out, "SELECT DISTINCT ?s ?q WHERE { ?s dg:quote ?q FILTER(?s = <https://w3id.org/diplograph/id/evidence/q2>) }")
    assert format_result(result, "csv") == ("s,q\r\nhttps://w3id.org/diplograph/id/evidence/q2,"
                                            "No meeting with the American president took place.\r\n")
    assert format_result(result, "tsv").splitlines() == [
        "?s\t?q", '<https://w3id.org/diplograph/id/evidence/q2>\t"No meeting with the American president took place."']
    table = format_result(result, "table").splitlines()
    assert table[0].split() == ["s", "q"] and table[2].startswith("dgid:evidence/q2  No meeting")
    assert table[-1] == "(1 row)"


def test_store_construct_prints_turtle_with_our_prefixes(out):
    result = query(out, "CONSTRUCT { ?a dg:met ?b } WHERE { ?a a dg:State ; dg:met ?b }")
    text = format_result(result, "table")
    assert "@prefix dg: <https://w3id.org/diplograph/ontology#> ." in text
    assert "dgid:russia dg:met dgid:china ." in text
    assert len(rdflib.Graph().parse(data=text, format="turtle")) == 1


def test_store_ask_prints_true_or_false(out):
    assert format_result(query(out, "ASK { dgid:china dg:met dgid:russia }"), "table") == "false\n"
    assert json.loads(format_result(query(out, "ASK { ?s ?p ?o }"), "json")) == {"head": {}, "boolean": True}


def test_store_malformed_query_gives_a_one_line_query_error(out):
    with pytest.raises(QueryError) as err:
        query(out, "SELECT ?x WHERE { ?x ?y }")
    assert "\n" not in str(err.value) and str(err.value).startswith("query: ")


def test_store_missing_store_names_the_folder(tmp_path):
    with pytest.raises(QueryError, match="no SPARQL store"):
        open_store(tmp_path)
