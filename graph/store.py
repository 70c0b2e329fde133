"""The embedded SPARQL store: an Oxigraph database in ``OUT/store/`` and queries over it.

The store is written by store_build.py (``write_store``, re-exported here): one named graph per
document, and the merge of all graphs (each triple once) in the default graph, which alone holds the
views graph ``dgid:graph/views`` (:func:`views_triples` reads it back). ``query`` runs SELECT, ASK, CONSTRUCT or DESCRIBE and returns a
materialised, immutable :class:`QueryResult`, which the ``format_*`` functions render as a table,
CSV, TSV, SPARQL results JSON or Turtle (graph/query_result.py). ``GRAPH ?g { ... }`` still reaches each
document. ``examples`` loads the query library shipped in ``graph/queries/*.rq`` (graph/query_library.py).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from diplograph.graph.errors import QueryError
from diplograph.graph.query_library import Example, coerce_param, example, examples, with_prefixes  # noqa: F401
from diplograph.graph.query_result import (FORMATS, PREFIXES, QueryResult, Term, _triple_key,  # noqa: F401
                                           compact, format_json, format_result, format_table, format_turtle)
from diplograph.graph.store_build import to_nquads, with_union, write_store  # noqa: F401 - re-exported


def store_path(out_dir: str | Path) -> Path:
    """Where the store of a build output directory lives."""
    return Path(out_dir) / "store"


def open_store(out_dir: str | Path) -> ox.Store:
    """Open ``OUT/store`` read-only (several readers, a server included, may share it)."""
    path = store_path(out_dir)
    if not (path / "CURRENT").is_file():
        raise QueryError(f"{path}: no SPARQL store here; run `diplograph build ... --out {out_dir}` first")
    try:
        return ox.Store.read_only(str(path))
    except OSError as exc:
        raise QueryError(f"{path}: cannot open the SPARQL store: {exc}") from exc


def run(store: ox.Store, sparql: str, *, use_default_graph_as_union: bool = False) -> QueryResult:
    """Run a query on an open store and materialise its answer.

    The default graph already holds the merge of all graphs; ``use_default_graph_as_union=True``
    asks for Oxigraph's on-the-fly union instead (default graph included, so triples repeat).

    Raises:
        QueryError: The query does not parse or fails while evaluating.
    """
    try:
        answer = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=use_default_graph_as_union)
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(answer))
        if isinstance(answer, ox.QueryTriples):
            # DESCRIBE over an on-the-fly union returns a triple once per graph holding it
            return QueryResult("graph", triples=tuple(sorted(set(answer), key=_triple_key)))
        names = tuple(v.value for v in answer.variables)
        return QueryResult("select", names, tuple(tuple(s[n] for n in names) for s in answer))
    except (SyntaxError, OSError, ValueError) as exc:
        raise QueryError(f"query: {_one_line(str(exc))}") from exc


def views_triples(store: ox.Store) -> list[ox.Triple]:
    """The views graph's triples, in the store's order: the default graph's about view nodes (dyads, triangles,
    their slices).

    The store does not name the views graph (graph/DESIGN.md); this is what ``GRAPH dgid:graph/views`` held.
    """
    from diplograph.graph.store_load import VIEW_NODES

    nodes = " || ".join(f'STRSTARTS(STR(?s), "{node}")' for node in VIEW_NODES)
    found = store.query(f"SELECT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER({nodes}) }}")
    return [ox.Triple(row["s"], row["p"], row["o"]) for row in found]


def _one_line(message: str) -> str:
    """Oxigraph's parse errors list every token it expected; keep the position and the gist."""
    message = " ".join(message.split())
    return message if len(message) <= 160 else message[:159] + "…"


def query(out_dir: str | Path, sparql: str, *, use_default_graph_as_union: bool = False) -> QueryResult:
    """Run a SPARQL query against ``OUT/store``, whose default graph is the merge of all graphs.

    The dg, dgid, dget, rdf, rdfs, owl, xsd, skos, prov, org, schema, dct and wd prefixes are predeclared.
    """
    return run(open_store(out_dir), sparql, use_default_graph_as_union=use_default_graph_as_union)
