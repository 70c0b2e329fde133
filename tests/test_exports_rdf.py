"""Every registered exporter: parses back, isomorphic to the Turtle, deterministic, safe."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

from diplograph.exports import EXPORTERS, RDF_FORMATS, render
from diplograph.exports.rdf import PREFIXES, read_dataset
from diplograph.exports.registry import RDFLIB_PARSERS
from diplograph.exports.sample import VIEWS, synthetic_dataset
from diplograph.graph.errors import OutputError

OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
              "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}
DG = PREFIXES["dg"]


@pytest.fixture(scope="module")
def dataset() -> rdflib.Dataset:
    return synthetic_dataset(entities=24, events=60, documents=3)


@pytest.fixture(scope="module")
def turtle_graph(dataset) -> rdflib.Graph:
    return rdflib.Graph().parse(data=render("ttl", dataset), format="turtle")


def union(data: bytes, fmt: str) -> rdflib.Graph:
    ds = read_dataset(data, RDFLIB_PARSERS[fmt])
    g = rdflib.Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def _from_ox(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(rdflib.XSD.string):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_exports_rdflib_parses_back_isomorphic_to_turtle(dataset, turtle_graph, fmt):
    g = union(render(fmt, dataset), fmt)
    assert len(g) == len(turtle_graph) > 500
    assert isomorphic(g, turtle_graph)


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_exports_pyoxigraph_parses_back_isomorphic_to_turtle(dataset, turtle_graph, fmt):
    g = rdflib.Graph()
    for q in ox.parse(render(fmt, dataset), format=OX_FORMATS[fmt]):
        g.add((_from_ox(q.subject), _from_ox(q.predicate), _from_ox(q.object)))
    assert isomorphic(g, turtle_graph)


def test_exports_turtle_same_triples_as_input(dataset, turtle_graph):
    source = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        source.add((s, p, o))
    assert isomorphic(source, turtle_graph)


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_exports_two_renders_identical_bytes(fmt):
    assert render(fmt, synthetic_dataset()) == render(fmt, synthetic_dataset())


def test_exports_identical_across_hash_seeds(tmp_path):
    code = ("import sys; from diplograph.exports import render, EXPORTERS;"
            "from diplograph.exports.sample import synthetic_dataset; ds = synthetic_dataset();"
            "sys.stdout.buffer.write(b''.join(render(n, ds) for n in sorted(EXPORTERS)))")
    outs = [subprocess.run([sys.executable, "-c", code], capture_output=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert outs[0] == outs[1] and len(outs[0]) > 10_000


def test_exports_turtle_prefixes_fixed_in_design_order(dataset):
    head = render("ttl", dataset).decode().split("\n\n", 1)[0].splitlines()
    assert [line.split()[1] for line in head] == [f"{p}:" for p in PREFIXES]
    assert list(PREFIXES)[:3] == ["dg", "dgid", "dget"]


def test_exports_named_graph_per_document(dataset):
    ds = read_dataset(render("trig", dataset), "trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert names == {f"https://w3id.org/diplograph/id/doc/doc-{i}" for i in range(3)} | {str(VIEWS)}
    nq = read_dataset(render("nq", dataset), "nquads")
    assert {str(g.identifier) for g in nq.graphs() if len(g)} == names


def test_exports_line_formats_sorted_unique(dataset):
    lines = render("nt", dataset).decode().splitlines()
    assert lines == sorted(set(lines))


def test_exports_nquads_graph_by_graph(dataset):
    lines = render("nq", dataset).decode().splitlines()
    graphs = [line.rsplit(" ", 2)[1] for line in lines]
    assert len(lines) == len(set(lines))
    assert graphs == sorted(graphs)  # graph by graph, in graph IRI order
    for g in set(graphs):
        mine = [line for line in lines if line.rsplit(" ", 2)[1] == g]
        assert mine == sorted(mine)


def test_exports_no_blank_nodes(dataset):
    assert "_:" not in render("nt", dataset).decode()


def test_exports_unsafe_literals_cleaned():
    ds = synthetic_dataset(entities=4, events=2, names={0: "Bad\x00Name\x07 \ud800ok\tx"})
    ttl = render("ttl", ds)
    g = rdflib.Graph().parse(data=ttl, format="turtle")
    labels = {str(o) for o in g.objects(None, rdflib.RDFS.label)}
    assert "BadName ok\tx" in labels
    for fmt in RDF_FORMATS:
        assert b"\x00" not in render(fmt, ds) and b"\x07" not in render(fmt, ds)


def test_exports_language_tag_lowercased():
    ds = rdflib.Dataset(default_union=True)
    ds.graph(URIRef("https://w3id.org/diplograph/id/doc/x")).add(
        (URIRef("https://w3id.org/diplograph/id/x"), rdflib.RDFS.label, Literal("X", lang="EN-GB")))
    assert b'"X"@en-gb' in render("nt", ds)


def test_exports_invalid_iri_rejected_naming_it():
    ds = rdflib.Dataset(default_union=True)
    ds.graph(URIRef("https://w3id.org/diplograph/id/doc/x")).add(
        (URIRef("https://w3id.org/diplograph/id/bad iri"), rdflib.RDFS.label, Literal("x")))
    with pytest.raises(OutputError, match="bad iri"):
        render("ttl", ds)


@pytest.mark.skipif(not shutil.which("rapper"), reason="raptor2-utils not installed")
@pytest.mark.parametrize("fmt,parser", [("ttl", "turtle"), ("nt", "ntriples"), ("nq", "nquads"), ("trig", "trig")])
def test_exports_rapper_validates(dataset, turtle_graph, tmp_path, fmt, parser):
    path = tmp_path / f"graph.{fmt}"
    path.write_bytes(render(fmt, dataset))
    run = subprocess.run(["rapper", "-i", parser, "-c", str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert f"returned {len(turtle_graph) if fmt == 'nt' else ''}" in run.stderr
    if fmt == "ttl":  # a triple stated by several graphs is written in each graph's block: count distinct ones
        nt = subprocess.run(["rapper", "-q", "-i", parser, "-o", "ntriples", str(path)], capture_output=True, text=True)
        assert len(set(nt.stdout.splitlines())) == len(turtle_graph)
    assert "Error" not in run.stderr and "Warning" not in run.stderr


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_exports_gephi_formats_read_back(dataset, tmp_path, fmt, reader):
    path = tmp_path / f"g.{fmt}"
    path.write_bytes(render(fmt, dataset))
    g = reader(path)
    assert g.number_of_nodes() == 24
    assert g.number_of_edges() > 20
    types = {d["type"] for _, d in g.nodes(data=True)}
    assert types == {"State", "Official", "Organization", "Agreement"}
    assert all(v is not None for _, _, d in g.edges(data=True) for v in d.values())


def test_exports_gexf_has_no_date_stamp(dataset):
    assert b"lastmodifieddate" not in render("gexf", dataset)


def test_exports_cli_every_format_to_stdout_and_file(dataset, tmp_path):
    from diplograph.graph.cli import main

    (tmp_path / "graph.nq").write_bytes(render("nq", dataset))
    runner = CliRunner()
    for fmt in EXPORTERS:
        res = runner.invoke(main, ["export", str(tmp_path), "--format", fmt])
        assert res.exit_code == 0, res.output
        assert res.stdout_bytes == render(fmt, read_dataset(render("nq", dataset), "nquads"))
    res = runner.invoke(main, ["export", str(tmp_path), "--format", "ttl", "--out", str(tmp_path / "x.ttl")])
    assert res.exit_code == 0 and (tmp_path / "x.ttl").read_bytes() == render("ttl", dataset)


def test_exports_cli_reads_turtle_when_no_nquads(dataset, tmp_path):
    from diplograph.graph.cli import main

    (tmp_path / "graph.ttl").write_bytes(render("ttl", dataset))
    res = CliRunner().invoke(main, ["export", str(tmp_path), "--format", "nt"])
    assert res.exit_code == 0 and res.stdout_bytes == render("nt", dataset)


def test_exports_cli_missing_graph_names_folder(tmp_path):
    from diplograph.graph.cli import main

    res = CliRunner().invoke(main, ["export", str(tmp_path / "nowhere")])
    assert res.exit_code == 2 and "nowhere" in res.output


def test_exports_cli_format_choices_from_registry():
    from diplograph.graph.cli import main

    res = CliRunner().invoke(main, ["export", "--help"])
    assert all(name in res.output for name in EXPORTERS) and "Example: diplograph export" in res.output


def test_exports_shacl_valid(dataset):
    ontology = pytest.importorskip("diplograph.ontology")
    validate = getattr(ontology, "validate", None)
    if validate is None:
        pytest.skip("diplograph.ontology.validate not written yet")
    for fmt in RDF_FORMATS:
        conforms, report = validate(union(render(fmt, dataset), fmt))[:2]
        assert conforms, report


def test_exports_pipeline_example_round_trips():
    pipeline = pytest.importorskip("diplograph.graph.pipeline")
    example = Path(__file__).parents[1] / "examples" / "monitor-8-7.txt"
    ds = pipeline.build_dataset([example]).dataset
    ttl = rdflib.Graph().parse(data=render("ttl", ds), format="turtle")
    for fmt in RDF_FORMATS:
        assert isomorphic(union(render(fmt, ds), fmt), ttl), fmt
    assert render("ttl", ds) == render("ttl", pipeline.build_dataset([example]).dataset)
    conforms, report = __import__("diplograph.ontology", fromlist=["validate"]).validate(ttl)[:2]
    assert conforms, report


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig"])
def test_exports_store_fast_path_equals_public_api(dataset, monkeypatch, fmt):
    from diplograph.exports import rdf

    fast = render(fmt, dataset)
    monkeypatch.setattr(rdf, "_store_tables", lambda ds: None)
    assert render(fmt, dataset) == fast


def test_exports_turtle_writes_type_first_and_groups_subjects(dataset, turtle_graph):
    blocks = [b for b in render("ttl", dataset).decode().split("\n\n")[1:] if b and not b.startswith("# graph")]
    subjects = {s for s in turtle_graph.subjects() if isinstance(s, URIRef)}
    written = [b.split(" ", 1)[0] for b in blocks]
    assert len(set(written)) == len(subjects) <= len(written)  # once per graph stating something of it
    typed = [b for b in blocks if " a " in b]
    assert typed and all(b.split(" ", 2)[1] == "a" for b in typed)


@pytest.fixture(scope="module")
def example_build(tmp_path_factory) -> Path:
    from diplograph.graph.pipeline import build

    out = tmp_path_factory.mktemp("example-build")
    build([Path(__file__).resolve().parent.parent / "examples" / "monitor-8-7.txt"], out, html=False, store=False)
    return out


@pytest.mark.parametrize("fmt", ["ttl", "nq"])
def test_exports_cli_build_files_read_not_converted(example_build, fmt):
    from diplograph.exports.rdf import built_bytes, load_build
    from diplograph.graph.cli import main

    res = CliRunner().invoke(main, ["export", str(example_build), "--format", fmt])
    assert res.exit_code == 0, res.output
    assert built_bytes(example_build, fmt) is not None
    assert res.stdout_bytes == render(fmt, load_build(example_build))


def test_exports_cli_damaged_nquads_is_one_line_error(example_build, tmp_path):
    from diplograph.graph.cli import main

    out = tmp_path / "damaged"
    shutil.copytree(example_build, out)
    (out / "graph.nq.gz").write_bytes(b"\x1f\x8b\x08\x00 not gzip at all")
    res = CliRunner().invoke(main, ["export", str(out), "--format", "nq"])
    assert res.exit_code != 0 and "graph.nq.gz" in res.output and "Traceback" not in res.output
