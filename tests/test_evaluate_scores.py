"""The evaluation: numbers worked out by hand, and equality with the reference scorer."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from diplograph.graph.cli import main
from diplograph.graph.errors import InputError
from diplograph.graph.evaluate import evaluate, fold, load_graph, score_document

GOLD = {
    "doc_id": "hand-case",
    "published": "2002-01",
    "entities": [
        {"id": "russia", "type": "State", "label": "Russia", "aliases": ["Russian", "Moscow"]},
        {"id": "china", "type": "State", "label": "China", "aliases": ["Chinese", "Beijing"]},
        {"id": "united_states", "type": "State", "label": "United States", "aliases": ["U.S.", "American"]},
        {"id": "igor_ivanov", "type": "Official", "label": "Igor Ivanov", "aliases": ["Ivanov"]},
        {"id": "tang_jiaxuan", "type": "Official", "label": "Tang Jiaxuan", "aliases": ["Tang"]},
        {"id": "sco", "type": "Organization", "label": "Shanghai Cooperation Organization", "aliases": ["SCO"]},
        {"id": "interfax", "type": "Organization", "label": "Interfax", "aliases": []},
        {"id": "abm_treaty", "type": "Agreement", "label": "Anti-Ballistic Missile Treaty", "aliases": ["ABM Treaty"]},
    ],
    "facts": [
        {"s": "igor_ivanov", "p": "officialOf", "o": "russia"},
        {"s": "igor_ivanov", "p": "roleTitle", "o": "Foreign Minister"},
        {"s": "tang_jiaxuan", "p": "officialOf", "o": "china"},
        {"s": "igor_ivanov", "p": "met", "o": "tang_jiaxuan"},
        {"s": "russia", "p": "met", "o": "china"},
        {"s": "russia", "p": "memberOf", "o": "sco", "required": False},
        {"s": "united_states", "p": "withdrawsFrom", "o": "abm_treaty"},
        {"s": "russia", "p": "criticizes", "o": "united_states"},
        {"s": "doc", "p": "cites", "o": "interfax"},
    ],
    "dyads": [{"a": "russia", "b": "china", "sign": "+"}, {"a": "russia", "b": "united_states", "sign": "-"},
              {"a": "china", "b": "united_states", "sign": "0"}],
    "triangle": {"states": ["russia", "china", "united_states"], "class": "marriage", "pivot": "united_states"},
}

# Moscow duplicates Russia (and, sorting first by IRI, claims it); France is not in the gold; the
# ABM Treaty is typed as an organization, so it matches nothing; Tang's office is missing.
GRAPH = """\
@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
ex:ru a dg:State ; rdfs:label "Russia"@en ; dg:memberOf ex:sco ; dg:supports ex:moscow .
ex:moscow a dg:State ; rdfs:label "Moscow" ; dg:criticizes ex:cn .
ex:cn a dg:State ; skos:altLabel "Beijing"@en ; dg:met ex:ru .
ex:us a dg:State ; rdfs:label "the United States" ; dg:withdrawsFrom ex:abm .
ex:fr a dg:State ; rdfs:label "France" .
ex:ivanov a dg:Official ; rdfs:label "Igor Ivanov" ; dg:officialOf ex:ru ;
    dg:roleTitle "foreign minister"@en ; dg:met ex:tang .
ex:tang a dg:Official ; rdfs:label "Tang Jiaxuan" ; dg:met ex:ivanov .
ex:sco a dg:Organization ; rdfs:label "SCO" .
ex:interfax a dg:Organization ; rdfs:label "Interfax" .
ex:abm a dg:Organization ; rdfs:label "ABM Treaty" .
ex:doc a dg:Document ; dg:cites ex:interfax .
ex:d1 a dg:Dyad ; dg:member ex:ru, ex:cn ; dg:sign "+" .
ex:d2 a dg:Dyad ; dg:member ex:ru, ex:us ; dg:sign "+" .
ex:d3 a dg:Dyad ; dg:member ex:ru, ex:fr ; dg:sign "-" .
ex:t a dg:Triangle ; dg:member ex:ru, ex:cn, ex:us ; dg:triangleClass "marriage" ; dg:pivot ex:us .
"""


@pytest.fixture
def hand_case(tmp_path):
    gold, graph = tmp_path / "hand-case.json", tmp_path / "graph.ttl"
    gold.write_text(json.dumps(GOLD))
    graph.write_text(GRAPH)
    return gold, graph


def test_evaluate_hand_worked_numbers(hand_case):
    result = score_document(GOLD, load_graph(hand_case[1]))
    # 10 typed nodes; 7 gold entities found; Moscow/Russia duplicate, France, ABM-as-organization wrong
    assert result["entities"] == {"tp": 7, "fp": 3, "fn": 1, "precision": 0.7, "recall": 0.875, "f1": 0.778}
    assert result["duplicate_entities"] == ["russia"]
    assert result["missed_entities"] == ["abm_treaty"]
    # predicted: officialOf, roleTitle, met (three graph triples, one lifted fact), cites: right;
    # russia criticizes china and the withdrawal from an unmatched node: wrong; memberOf is optional.
    assert result["facts"] == {"tp": 4, "fp": 2, "fn": 3, "precision": 0.667, "recall": 0.571, "f1": 0.615}
    assert result["missed_facts"] == ["russia criticizes united_states", "tang_jiaxuan officialOf china",
                                      "united_states withdrawsFrom abm_treaty"]
    assert result["spurious_facts"] == ["russia criticizes china",
                                        "united_states withdrawsFrom ?http://example.org/abm"]
    assert result["dyads"] == {"right": 1, "of": 3}
    assert result["triangle"] == {"expected": "marriage", "pivot": "united_states", "found": ["marriage"],
                                  "right": True}


def test_evaluate_matches_reference_scorer_on_hand_case(hand_case, reference_scorer):
    ours = score_document(GOLD, load_graph(hand_case[1]))
    theirs = reference_scorer.score(GOLD, reference_scorer.load([str(hand_case[1])]))
    assert ours == theirs


@pytest.mark.parametrize("text, folded", [("The U.S.", "us"), ("Strana.ru", "stranaru"),
                                          ("Gerhard Schröder", "gerhardschroder"), ("theocracy", "theocracy")])
def test_evaluate_fold(text, folded):
    assert fold(text) == folded


def test_evaluate_cli_table_and_json(hand_case):
    gold, graph = hand_case
    table = CliRunner().invoke(main, ["eval", str(gold), "--graph", str(graph)])
    assert table.exit_code == 0, table.output
    row = next(line for line in table.output.splitlines() if line.startswith("hand-case"))
    assert row.split()[1:7] == ["0.700", "0.875", "0.778", "0.667", "0.571", "0.615"]
    assert "1/3" in row and "marriage ok" in row
    as_json = CliRunner().invoke(main, ["eval", str(gold), "--graph", str(graph), "--json"])
    report = json.loads(as_json.output)
    assert report["micro"]["facts"]["tp"] == 4 and report["micro"]["triangles"] == {"right": 1, "of": 1}


def test_evaluate_out_dir_and_missing_graph(hand_case, tmp_path):
    gold, graph = hand_case
    other = dict(GOLD, doc_id="not-built", triangle=None)
    (tmp_path / "golds").mkdir()
    (tmp_path / "golds" / "hand-case.json").write_text(json.dumps(GOLD))
    (tmp_path / "golds" / "not-built.json").write_text(json.dumps(other))
    (tmp_path / "out" / "hand-case").mkdir(parents=True)
    (tmp_path / "out" / "hand-case" / "graph.ttl").write_text(GRAPH)
    report = evaluate([tmp_path / "golds"], out_dir=tmp_path / "out")
    assert [r["doc_id"] for r in report["documents"]] == ["hand-case", "not-built"]
    assert report["documents"][1]["missing_graph"]
    # not built: all 8 entities and the 8 required gold facts missed (counted as listed, like score_set.py)
    assert report["micro"]["entities"]["fn"] == 1 + 8 and report["micro"]["facts"]["fn"] == 3 + 8
    assert report["micro"]["dyads"] == {"right": 1, "of": 3}


def test_evaluate_errors_name_the_file(tmp_path, hand_case):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(InputError, match="bad.json"):
        evaluate([bad], graph=hand_case[1])
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle .")
    with pytest.raises(InputError, match="broken.ttl"):
        evaluate([hand_case[0]], graph=broken)
    result = CliRunner().invoke(main, ["eval", str(hand_case[0]), "--graph", str(tmp_path / "none.ttl")])
    assert result.exit_code == 2 and "none.ttl" in result.output


@pytest.fixture(scope="module")
def reference_scorer():
    """The reference scorer beside the repository (../shared/gold/score.py); CI has it."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "shared" / "gold" / "score.py"
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
