"""Score extracted graphs against gold annotations (the rules of the gold FORMAT).

A gold file (JSON) lists the entities, facts, dyad signs and the strategic triangle a careful
reader finds in one text. The graph is read through the core vocabulary by local name, whatever
the namespace, so any RDF extractor can be scored:

* an extracted node matches a gold entity when the type is the same and one of its labels equals
  the gold label or an alias (case, punctuation and a leading "the" folded); a second node for an
  already matched entity is a false positive (a duplicate), but its facts still count;
* facts match on subject, predicate and object; ``met`` is symmetric; ``met``, ``criticizes``,
  ``supports`` and ``joins`` are compared between states (an official stands for the state the
  gold says it serves), duplicates merge and a state's relation to itself is dropped;
* facts marked ``"required": false`` are neither rewarded nor penalised.

``score_document`` returns the same numbers and keys as the reference scorer; ``micro_average``
sums the counts over documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Literal

from diplograph.graph.errors import InputError
from diplograph.graph.evaluate_read import (DOC_TYPES, FACTS, FORMATS, LABELS, TYPES, GraphContent,  # noqa: F401
                                            fold, load_gold, load_graph, local, read_content)

SYMMETRIC = ("met",)
LIFTED = ("met", "criticizes", "supports", "joins")

Triple = tuple[str, str, str]


def prf(tp: int, fp: int, fn: int, digits: int | None = 3) -> dict:
    """Precision, recall and F1 from counts (0.0 where undefined), rounded to ``digits``."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    if digits is not None:
        p, r, f = round(p, digits), round(r, digits), round(f, digits)
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


@dataclass(frozen=True)
class EntityMatch:
    """Which gold entity each extracted node stands for."""

    node_to_gold: dict
    claimed: frozenset
    false_positives: int
    duplicates: tuple[str, ...]


def gold_keys(gold: dict) -> dict[tuple[str, str], str]:
    """(type, folded label or alias) -> gold id; the first entity to claim a key keeps it."""
    keys: dict[tuple[str, str], str] = {}
    for e in gold["entities"]:
        for name in (e["label"], *e.get("aliases", [])):
            keys.setdefault((e["type"], fold(name)), e["id"])
    return keys


def _gold_id(node_types: tuple[str, ...], labels: frozenset, keys: dict) -> str | None:
    # A node with two core types is matched under the first type that finds a gold entity.
    for typ in node_types:
        ids = sorted({keys[(typ, lab)] for lab in labels if (typ, lab) in keys})
        if ids:
            return ids[0]
    return None


def match_entities(gold: dict, content: GraphContent) -> EntityMatch:
    """Match nodes (in IRI order) to gold entities; a second node for a claimed entity is a duplicate."""
    keys = gold_keys(gold)
    node_to_gold: dict = {}
    claimed: set[str] = set()
    fp, dup = 0, []
    for node in sorted(content.types, key=str):
        gid = _gold_id(content.types[node], content.labels.get(node, frozenset()), keys)
        if gid is not None:
            node_to_gold.setdefault(node, gid)
        if gid is None or gid in claimed:
            fp += 1
            dup += [gid] if gid else []
            continue
        claimed.add(gid)
    return EntityMatch(node_to_gold, frozenset(claimed), fp, tuple(sorted(set(dup))))


def _normaliser(gold: dict):
    states = {e["id"] for e in gold["entities"] if e["type"] == "State"}
    serves = {f["s"]: f["o"] for f in gold["facts"] if f["p"] == "officialOf" and f["o"] in states}

    def norm(s: str, p: str, o: str) -> Triple:
        if p == "roleTitle":
            o = fold(o)
        if p in LIFTED:
            s, o = serves.get(s, s), serves.get(o, o)
        if p in SYMMETRIC:
            s, o = sorted((s, o))
        return (s, p, o)

    return norm


def _drop_self(facts: set[Triple]) -> set[Triple]:
    return {f for f in facts if not (f[1] in LIFTED and f[0] == f[2])}


def predicted_facts(content: GraphContent, match: EntityMatch, norm) -> set[Triple]:
    """The graph's facts in gold ids: unmatched nodes become ``?<iri>``, the document ``doc``."""
    out = set()
    for s, p, o in content.facts:
        gs = "doc" if s in content.docs else match.node_to_gold.get(s, f"?{s}")
        if p == "roleTitle":
            go = fold(o) if isinstance(o, Literal) else f"?{o}"
        else:
            go = match.node_to_gold.get(o, f"?{o}")
        out.add(norm(gs, p, go))
    return _drop_self(out)


def score_facts(gold: dict, content: GraphContent, match: EntityMatch) -> dict:
    """Fact counts and the missed/spurious lists; optional gold facts are ignored both ways."""
    norm = _normaliser(gold)
    required, optional = set(), set()
    for f in gold["facts"]:
        (required if f.get("required", True) else optional).add(norm(f["s"], f["p"], f["o"]))
    required = _drop_self(required)
    predicted = predicted_facts(content, match, norm) - (optional - required)
    return {"facts": prf(len(predicted & required), len(predicted - required), len(required - predicted)),
            "missed_facts": sorted(" ".join(f) for f in required - predicted),
            "spurious_facts": sorted(" ".join(f) for f in predicted - required)}


def score_views(gold: dict, content: GraphContent, match: EntityMatch) -> dict:
    """Dyad signs right out of the gold's, and whether the gold triangle was found with its class."""
    result: dict = {}
    to_gold = match.node_to_gold
    got = {frozenset(to_gold.get(m, "?") for m in members): sign for members, sign in content.dyads}
    gold_dyads = {frozenset((d["a"], d["b"])): d["sign"] for d in gold.get("dyads", [])}
    if gold_dyads:
        result["dyads"] = {"right": sum(got.get(k) == s for k, s in gold_dyads.items()), "of": len(gold_dyads)}
    tri = gold.get("triangle")
    if tri:
        key = frozenset(tri["states"])
        found = sorted((c, to_gold.get(p)) for m, c, p in content.triangles
                       if frozenset(to_gold.get(x, "?") for x in m) == key)
        right = any(c == tri["class"] and (tri.get("pivot") is None or p == tri["pivot"]) for c, p in found)
        result["triangle"] = {"expected": tri["class"], "pivot": tri.get("pivot"),
                              "found": [c for c, _ in found], "right": right}
    return result


def score_document(gold: dict, g: Dataset) -> dict:
    """Score one graph against one gold file.

    Returns:
        ``entities`` and ``facts`` (tp, fp, fn, precision, recall, f1), the missed, duplicate and
        spurious lists, and ``dyads``/``triangle`` when the gold has them.
    """
    content = read_content(g)
    match = match_entities(gold, content)
    claimed = len(match.claimed)
    result = {"entities": prf(claimed, match.false_positives, len(gold["entities"]) - claimed)}
    facts = score_facts(gold, content, match)
    result["facts"] = facts.pop("facts")
    result["missed_entities"] = sorted(e["id"] for e in gold["entities"] if e["id"] not in match.claimed)
    result["duplicate_entities"] = list(match.duplicates)
    result.update(facts)
    result.update(score_views(gold, content, match))
    return result


def score_missing(gold: dict) -> dict:
    """The score of a document whose graph is missing: every gold entity and required fact missed."""
    required = sum(1 for f in gold["facts"] if f.get("required", True))
    return {"entities": prf(0, 0, len(gold["entities"])), "facts": prf(0, 0, required), "missing_graph": True}


def micro_average(results: list[tuple[dict, dict]]) -> dict:
    """Sum counts over (gold, result) pairs; dyads count only scored graphs, triangles every gold."""
    total: dict = {}
    for kind in ("entities", "facts"):
        counts = [sum(r[kind][c] for _, r in results) for c in ("tp", "fp", "fn")]
        total[kind] = prf(*counts, digits=None)
    scored = [r for _, r in results if "dyads" in r]
    total["dyads"] = {"right": sum(r["dyads"]["right"] for r in scored), "of": sum(r["dyads"]["of"] for r in scored)}
    golds = [(g, r) for g, r in results if g.get("triangle")]
    total["triangles"] = {"right": sum(bool(r.get("triangle", {}).get("right")) for _, r in golds), "of": len(golds)}
    total["documents"] = len(results)
    return total


def gold_files(paths: list[str | Path]) -> list[Path]:
    """Gold JSON files named, or found in folders named (sorted)."""
    found: list[Path] = []
    for p in map(Path, paths):
        found += sorted(p.glob("*.json")) if p.is_dir() else [p]
    return found


def evaluate(paths: list[str | Path], *, graph: str | Path | None = None,
             out_dir: str | Path | None = None) -> dict:
    """Score each gold file against its graph: ``graph`` for a single gold, else ``out_dir/<doc_id>/graph.ttl``.

    A graph missing under ``out_dir`` scores as nothing found; a missing ``graph`` is an error.

    Raises:
        InputError: Unreadable gold or graph, or ``graph`` given with several gold files.
    """
    golds = [(p, load_gold(p)) for p in gold_files(paths)]
    if graph is not None and len(golds) != 1:
        raise InputError(f"{graph}: --graph scores one gold file; use --out-dir for {len(golds)}")
    rows, pairs = [], []
    for path, gold in golds:
        target = Path(graph) if graph is not None else Path(out_dir or "out") / gold["doc_id"] / "graph.ttl"
        missing = graph is None and not target.is_file()
        result = score_missing(gold) if missing else score_document(gold, load_graph(target))
        rows.append({"doc_id": gold["doc_id"], "gold": str(path), "graph": str(target), **result})
        pairs.append((gold, result))
    return {"documents": rows, "micro": micro_average(pairs)}
