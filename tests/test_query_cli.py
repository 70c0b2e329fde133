"""The ``diplograph query`` command, in-process with click's CliRunner."""

from __future__ import annotations

import json

import pytest
import rdflib
from click.testing import CliRunner
from test_store_sample import build_sample

from diplograph.graph.cli import main

ID = "https://w3id.org/diplograph/id/"
DG = rdflib.Namespace("https://w3id.org/diplograph/ontology#")


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp("sample-out"))


def run(*args: str):
    return CliRunner().invoke(main, ["query", *map(str, args)])


def test_query_cli_lists_examples_without_a_store():
    result = run("--list-examples")
    assert result.exit_code == 0
    assert "who-met-whom\n    Who met whom and when" in result.output
    assert "officials-on-date  [state=dgid:russia]" in result.output


def test_query_cli_runs_an_inline_query_as_a_table(out):
    result = run(out, "SELECT ?label WHERE { dgid:china rdfs:label ?label } LIMIT 1")
    assert result.exit_code == 0
    assert result.output.splitlines() == ["label", "-----", "China", "(1 row)"]


def test_query_cli_example_with_params_as_json(out):
    result = run(out, "--example", "memberships", "--param", "actor=china", "--format", "json")
    assert result.exit_code == 0
    bindings = json.loads(result.output)["results"]["bindings"]
    assert [b["name"]["value"] for b in bindings] == ["Shanghai Cooperation Organization"]


def test_query_cli_reads_a_file_and_prints_csv(out, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT ?o WHERE { <https://w3id.org/diplograph/id/doc/may> dg:cites ?o }", encoding="utf-8")
    result = run(out, "--file", rq, "--format", "csv")
    assert result.exit_code == 0 and result.stdout_bytes == b"o\r\nhttps://w3id.org/diplograph/id/interfax\r\n"


def test_query_cli_construct_prints_turtle_whatever_the_format(out):
    result = run(out, "--example", "state-network", "--format", "csv")
    assert result.exit_code == 0 and result.output.startswith("@prefix dg: <https://w3id.org/diplograph/ontology#> .")
    graph = rdflib.Graph().parse(data=result.output, format="turtle")
    assert (rdflib.URIRef(ID + "russia"), DG.met, rdflib.URIRef(ID + "china")) in graph


def test_query_cli_show_prints_the_rendered_query(out):
    result = run("--example", "officials-on-date", "--param", "date=2001-06-01", "--show", out)
    assert result.exit_code == 0
    assert 'STR("2001-06-01"^^xsd:date)' in result.output and "$date" not in result.output.split("\n", 3)[3]


@pytest.mark.parametrize(("args", "code", "message"), [
    (("SELECT ?x WHERE {",), 5, "diplograph: error: query: "),
    (("--example", "no-such-query"), 5, "no example query 'no-such-query'"),
    (("--example", "memberships", "--param", "actor"), 5, "expected NAME=VALUE"),
    (("--example", "memberships", "--param", "country=china"), 5, "no parameter 'country'"),
    ((), 2, "give exactly one of"),
    (("ASK {}", "--example", "documents"), 2, "give exactly one of"),
])
def test_query_cli_errors_are_one_line_with_exit_codes(out, args, code, message):
    result = run(out, *args)
    assert result.exit_code == code
    assert message in result.output
    if code == 5:
        assert len(result.output.strip().splitlines()) == 1


def test_query_cli_missing_store_names_the_folder(tmp_path):
    result = run(tmp_path, "ASK {}")
    assert result.exit_code == 5 and f"{tmp_path / 'store'}: no SPARQL store here" in result.output
