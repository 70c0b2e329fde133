"""The embedded SPARQL store: an Oxigraph database in ``OUT/store/`` and queries over it.

The store is written by store_build.py (``write_store``, re-exported here): one named graph per
document, and the merge of all graphs (each triple once) in the default graph, which alone holds the
views graph ``dgid:graph/views`` (:func:`views_triples` reads it back). ``query`` runs SELECT, ASK, CONSTRUCT or DESCRIBE and returns a
materialised, immutable :class:`QueryResult`, which the ``format_*`` functions render as a table,
CSV, TSV, SPARQL results JSON or Turtle. ``GRAPH ?g { ... }`` still reaches each document.
``examples`` loads the query library shipped in ``graph/queries/*.rq``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox

from diplograph.graph.errors import DataFileError, QueryError
from diplograph.graph.iri import EVENT_TYPE, ID, ONTOLOGY, entity_iri
from diplograph.graph.store_build import to_nquads, with_union, write_store  # noqa: F401 - re-exported

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


# --- The query library: graph/queries/*.rq --------------------------------------------------

_PARAM = re.compile(r"^#\s*param\s+([A-Za-z_]\w*)\s+(\S.*?)\s*$")
_PNAME = re.compile(r"^([a-z]+):[\w\-./%]*$")
_TYPED = re.compile(r'^"[^"\\]*"\^\^(\S+)$')


@dataclass(frozen=True)
class Example:
    """One query of the library.

    Attributes:
        name: File name without ``.rq`` (``who-met-whom``).
        description: The first comment line.
        params: ``(name, default)`` pairs; the body holds ``$name`` placeholders and the
            default is a SPARQL term (``dgid:russia``, ``"2002-Q1"``, ``"2002-01-07"^^xsd:date``).
        text: The query as stored, placeholders included.
    """

    name: str
    description: str
    params: tuple[tuple[str, str], ...]
    text: str

    def render(self, values: Mapping[str, str] | None = None) -> str:
        """The runnable query, each ``$name`` replaced by the given value or the default."""
        values = dict(values or {})
        unknown = sorted(set(values) - {n for n, _ in self.params})
        if unknown:
            known = ", ".join(n for n, _ in self.params) or "none"
            raise QueryError(f"example {self.name}: no parameter {unknown[0]!r} (parameters: {known})")
        text = self.text
        for name, default in self.params:
            term = coerce_param(values[name], default) if name in values else default
            text = re.sub(rf"\${name}\b", lambda _m: term, text)
        return with_prefixes(text)


def with_prefixes(text: str) -> str:
    """Declare the diplograph prefixes a query uses, after its comment header, so any endpoint runs it."""
    lines = text.splitlines(keepends=True)
    head = 0
    while head < len(lines) and lines[head].startswith("#"):
        head += 1
    body = "".join(lines[head:])
    used = [p for p in PREFIXES if re.search(rf"(?<![\w:<]){p}:", body) and not re.search(rf"PREFIX\s+{p}:", body, re.I)]
    return "".join(lines[:head]) + "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in used) + body


def coerce_param(value: str, default: str) -> str:
    """A user's ``--param`` value as a SPARQL term of the same kind as the default.

    >>> coerce_param("china", "dgid:russia")
    '<https://w3id.org/diplograph/id/china>'
    >>> coerce_param("2002-03-01", '"2002-01-07"^^xsd:date')
    '"2002-03-01"^^xsd:date'
    """
    value = value.strip()
    if value.startswith(("<", '"')):
        return value
    if _PNAME.match(value) and value.split(":")[0] in PREFIXES:  # expanded: a '/' is not allowed in a prefixed name
        prefix, local = value.split(":", 1)
        return f"<{PREFIXES[prefix]}{local}>"
    if default.startswith("<") or _PNAME.match(default):
        if not re.fullmatch(r"[\w\-.]+(/[\w\-.]+)?", value):
            raise QueryError(f"--param value {value!r}: expected an entity id such as russia, or dgid:russia")
        return f"<{entity_iri(value)}>"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    typed = _TYPED.match(default)
    if typed:
        return f'"{escaped}"^^{typed.group(1)}'
    if default.startswith('"'):
        return f'"{escaped}"'
    if not re.fullmatch(r"[+-]?\d+(\.\d+)?", value):
        raise QueryError(f"--param value {value!r}: expected a number")
    return value


def _parse_example(name: str, text: str, origin: str) -> Example:
    lines = text.splitlines()
    if not lines or not lines[0].startswith("#") or not lines[0].lstrip("# ").strip():
        raise DataFileError(origin, 1, "a library query must start with a '# description' line")
    params = tuple((m.group(1), m.group(2)) for m in map(_PARAM.match, lines) if m)
    return Example(name, lines[0].lstrip("# ").strip(), params, text)


def examples() -> dict[str, Example]:
    """The query library shipped in ``graph/queries/``, by name, sorted."""
    folder = files("diplograph.graph").joinpath("queries")
    found = sorted((f.name[:-3], f) for f in folder.iterdir() if f.name.endswith(".rq"))
    return {name: _parse_example(name, f.read_text(encoding="utf-8"), f"graph/queries/{f.name}") for name, f in found}


def example(name: str) -> Example:
    """One library query by name; the error lists what exists."""
    library = examples()
    if name not in library:
        raise QueryError(f"no example query {name!r}; try one of: {', '.join(library)}")
    return library[name]
