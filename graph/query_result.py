"""A SPARQL query's materialised answer (:class:`QueryResult`) and its renderings.

The ``format_*`` functions render a result as a table, CSV, TSV, SPARQL results JSON or Turtle, with the
fixed :data:`PREFIXES` (the prefixes every query of graph/store.py runs with) for short names.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

import pyoxigraph as ox

from diplograph.graph.errors import QueryError
from diplograph.graph.iri import EVENT_TYPE, ID, ONTOLOGY

PREFIXES: dict[str, str] = {
    "dg": ONTOLOGY,
    "dgid": ID,
    "dget": EVENT_TYPE,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "schema": "http://schema.org/",
    "dct": "http://purl.org/dc/terms/",
    "wd": "http://www.wikidata.org/entity/",
}
FORMATS = ("table", "csv", "tsv", "json")
_XSD_STRING = PREFIXES["xsd"] + "string"
_TABLE_CELL = 120

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass(frozen=True)
class QueryResult:
    """The materialised answer of one query.

    Attributes:
        kind: "select", "ask" or "graph" (CONSTRUCT and DESCRIBE).
        variables: Column names of a SELECT, without the leading ``?``.
        rows: One tuple per solution, aligned with ``variables``; None where unbound.
        boolean: The answer of an ASK.
        triples: The triples of a CONSTRUCT or DESCRIBE, sorted.
    """

    kind: str
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = ()

    def values(self) -> list[dict[str, str]]:
        """Rows as ``{variable: lexical value}`` dicts, unbound variables left out."""
        return [{v: _lexical(t) for v, t in zip(self.variables, row) if t is not None} for row in self.rows]


def _triple_key(t: ox.Triple) -> tuple[str, str, str]:
    return (str(t.subject), str(t.predicate), str(t.object))


def _lexical(term: Term | None) -> str:
    if term is None:
        return ""
    return str(term) if isinstance(term, ox.Triple) else term.value


def compact(term: Term | None) -> str:
    """A short human form: ``dgid:russia``, ``Igor Ivanov``, ``2002-01-07``."""
    if isinstance(term, ox.NamedNode):
        for prefix, ns in PREFIXES.items():
            local = term.value[len(ns):]
            if term.value.startswith(ns) and local and " " not in local:
                return f"{prefix}:{local}"
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return _lexical(term)


def _cell(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _TABLE_CELL else text[: _TABLE_CELL - 1] + "…"


def format_table(result: QueryResult) -> str:
    """Aligned columns for a terminal (cells cut at 120 characters), with a row count."""
    if result.kind != "select":
        return format_result(result, "table")
    grid = [[_cell(compact(t)) if t is not None else "" for t in row] for row in result.rows]
    widths = [max([len(v)] + [len(r[i]) for r in grid]) for i, v in enumerate(result.variables)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    body = [line(result.variables), line("-" * w for w in widths)] + [line(r) for r in grid]
    return "\n".join(body + [f"({len(grid)} row{'s' if len(grid) != 1 else ''})"]) + "\n"


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": str(term)}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != _XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def format_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON (https://www.w3.org/TR/sparql11-results-json/)."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
    bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]
    doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _delimited(result: QueryResult, fmt: str) -> str:
    buf = io.StringIO()
    if fmt == "csv":  # SPARQL CSV: plain values, CRLF, RFC 4180 quoting
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(result.variables)
        writer.writerows([_lexical(t) for t in row] for row in result.rows)
        return buf.getvalue()
    lines = ["\t".join("?" + v for v in result.variables)]  # SPARQL TSV: terms in Turtle syntax
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def format_turtle(result: QueryResult) -> str:
    """The triples of a CONSTRUCT or DESCRIBE as Turtle, prefixes declared in our fixed order."""
    body = (ox.serialize(result.triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b"").decode("utf-8")
    lines = body.splitlines(keepends=True)
    while lines and lines[0].startswith("@prefix "):  # Oxigraph's own prefix order is not ours
        lines.pop(0)
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())
    return header + "\n" + "".join(lines)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render any result: graphs always as Turtle, ASK as ``true``/``false`` (or JSON)."""
    if fmt not in FORMATS:
        raise QueryError(f"--format {fmt}: choose one of {', '.join(FORMATS)}")
    if result.kind == "graph":
        return format_turtle(result)
    if fmt == "json":
        return format_json(result)
    if result.kind == "ask":
        return ("true" if result.boolean else "false") + "\n"
    return format_table(result) if fmt == "table" else _delimited(result, fmt)
