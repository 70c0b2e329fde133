"""Our scorer gives the reference scorer's numbers (../shared/gold/score.py, score_set.py).

Graphs are generated from each gold file with a seeded random generator: entities found or not,
found twice, under an alias, with the wrong type, unknown actors; gold facts kept or dropped,
spurious facts, official-to-official relations, optional facts; dyads and triangles with right
and wrong signs and classes. CI has ../shared beside the repository, so these tests never skip.
"""

from __future__ import annotations

import importlib.util
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from diplograph.graph.evaluate import FACTS, evaluate, load_graph, score_document

GOLD_DIR = Path(__file__).resolve().parents[2] / "shared" / "gold"
GOLDS = sorted(GOLD_DIR.glob("*.json")) + sorted((GOLD_DIR / "dev").glob("*.json"))
PREFIXES = """@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix ex: <http://example.org/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
"""
SIGNS = ("+", "-", "0")
CLASSES = ("menage", "romantic", "marriage", "unit_veto")


@pytest.fixture(scope="module")
def reference_scorer():
    spec = importlib.util.spec_from_file_location("reference_score", GOLD_DIR / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lit(text: str) -> str:
    return json.dumps(text)


def _nodes(gold: dict, rng: random.Random) -> tuple[list[str], dict[str, list[str]]]:
    """Turtle lines for typed nodes, and gold id -> node names (first: the right type and label)."""
    lines, by_gold = [], {}
    for i, e in enumerate(gold["entities"]):
        copies = rng.choices((0, 1, 2), weights=(2, 6, 2))[0]
        for c in range(copies):
            node, names = f"ex:e{i}c{c}", [e["label"], *e.get("aliases", [])]
            typ = e["type"] if rng.random() > 0.1 else rng.choice(("State", "Official", "Organization", "Agreement"))
            label = rng.choice(names) if c else e["label"]
            label = label.upper() if rng.random() < 0.2 else label
            lines.append(f"{node} a dg:{typ} ; rdfs:label {_lit(label)}@en ; skos:altLabel {_lit(rng.choice(names))} .")
            by_gold.setdefault(e["id"], []).append(node)
    for j in range(rng.randint(0, 3)):
        lines.append(f"ex:x{j} a dg:{rng.choice(('State', 'Official'))} ; rdfs:label \"Unknown {j}\" .")
        by_gold.setdefault(f"?x{j}", []).append(f"ex:x{j}")
    return lines, by_gold


def _facts(gold: dict, by_gold: dict, rng: random.Random) -> list[str]:
    lines = ["ex:doc a dg:Document ."]
    pick = lambda gid: "ex:doc" if gid == "doc" else rng.choice(by_gold[gid]) if gid in by_gold else None  # noqa: E731
    for f in gold["facts"]:
        s, o = pick(f["s"]), pick(f["o"]) if f["p"] != "roleTitle" else _lit(f["o"].lower())
        if s and o and rng.random() < 0.7:
            s, o = (o, s) if f["p"] == "met" and rng.random() < 0.5 and o.startswith("ex:") else (s, o)
            lines.append(f"{s} dg:{f['p']} {o} .")
    nodes = sorted(n for ns in by_gold.values() for n in ns)
    for _ in range(rng.randint(0, 6)):
        lines.append(f"{rng.choice(nodes)} dg:{rng.choice(FACTS)} {rng.choice(nodes)} .")
    return lines


def _views(gold: dict, by_gold: dict, rng: random.Random) -> list[str]:
    states = [e["id"] for e in gold["entities"] if e["type"] == "State" and e["id"] in by_gold]
    lines = []
    for k, (a, b) in enumerate((a, b) for i, a in enumerate(states) for b in states[i + 1:]):
        if rng.random() < 0.7:  # one dyad per pair, on the first (correctly typed) nodes: keys never collide
            lines.append(f"ex:d{k} a dg:Dyad ; dg:member {by_gold[a][0]}, {by_gold[b][0]} ; "
                         f"dg:sign {_lit(rng.choice(SIGNS))} .")
    if len(states) >= 3:
        trio = rng.sample(states, 3) if rng.random() < 0.5 else (gold.get("triangle") or {}).get("states", [])
        if all(s in by_gold for s in trio) and len(trio) == 3:
            lines.append(f"ex:t a dg:Triangle ; dg:member {', '.join(by_gold[s][0] for s in trio)} ; "
                         f"dg:triangleClass {_lit(rng.choice(CLASSES))} ; dg:pivot {by_gold[rng.choice(trio)][0]} .")
    return lines


def random_graph(gold: dict, seed: int) -> str:
    rng = random.Random(seed)
    nodes, by_gold = _nodes(gold, rng)
    return PREFIXES + "\n".join(nodes + _facts(gold, by_gold, rng) + _views(gold, by_gold, rng)) + "\n"


def _comparable(result: dict) -> dict:
    if "triangle" in result:
        result = dict(result, triangle=dict(result["triangle"], found=sorted(result["triangle"]["found"])))
    return result


@pytest.mark.parametrize("gold_path", GOLDS, ids=[p.stem for p in GOLDS])
def test_evaluate_equals_reference_on_random_graphs(gold_path, reference_scorer, tmp_path):
    gold = json.loads(gold_path.read_text())
    for seed in range(12):
        ttl = tmp_path / f"{seed}.ttl"
        ttl.write_text(random_graph(gold, seed))
        theirs = reference_scorer.score(gold, reference_scorer.load([str(ttl)]))
        assert _comparable(score_document(gold, load_graph(ttl))) == _comparable(theirs), f"seed {seed}"


def test_evaluate_micro_equals_score_set(tmp_path):
    golds, out = tmp_path / "gold", tmp_path / "out"
    golds.mkdir()
    for i, path in enumerate(GOLDS[:6]):
        gold = json.loads(path.read_text())
        (golds / path.name).write_text(json.dumps(gold))
        if i != 2:  # one document left unbuilt
            (out / gold["doc_id"]).mkdir(parents=True)
            (out / gold["doc_id"] / "graph.ttl").write_text(random_graph(gold, 100 + i))
    subprocess.run([sys.executable, str(GOLD_DIR / "score_set.py"), str(golds), str(out)], check=True,
                   capture_output=True)
    theirs = json.loads((out / "summary.json").read_text())
    ours = evaluate([golds], out_dir=out)["micro"]
    for kind in ("entities", "facts"):
        assert [ours[kind][k] for k in ("precision", "recall", "f1")] == pytest.approx(theirs[kind], abs=1e-12)
    assert [ours["triangles"]["right"], ours["triangles"]["of"]] == theirs["triangles"]
    assert [ours["dyads"]["right"], ours["dyads"]["of"]] == theirs["dyads"]


def test_evaluate_example_build_equals_reference(example_build, reference_scorer):
    """On the real graph of the example, both scorers give the same numbers."""
    graph = example_build.out_dir / "graph.ttl"
    gold = json.loads((GOLD_DIR / "monitor-8-7.json").read_text())
    ours = score_document(gold, load_graph(graph))
    assert _comparable(ours) == _comparable(reference_scorer.score(gold, reference_scorer.load([str(graph)])))
    assert ours["entities"]["tp"] >= 8  # the example's states, officials and organization are found
