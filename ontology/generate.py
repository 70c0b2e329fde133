"""``namespace.py`` generated from ``diplograph.ttl``: the closed ``DG`` namespace and the fixed prefixes.

:func:`render_namespace_module` gives the module's text (one ``URIRef`` per declared term, by kind, labelled);
:func:`write_namespace_module` writes it. tests/test_ontology_lint.py checks the two agree.
"""

from __future__ import annotations

import keyword
from pathlib import Path

import rdflib
from rdflib import RDFS

from diplograph.ontology import _DG, DG_IRI, NAMESPACE_PY, ONTOLOGY_IRI, ONTOLOGY_TTL, declared_terms, parse_turtle


_HEADER = '''"""Closed namespaces for the diplograph ontology, and the fixed prefix bindings.

GENERATED from ontology/diplograph.ttl by diplograph.ontology.render_namespace_module(): do not
edit by hand. Edit the Turtle, then run
    python -c "from diplograph.ontology import write_namespace_module; write_namespace_module()"
(tests/test_ontology_lint.py fails while the two disagree).
"""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

'''

_FOOTER = '''

DGET = Namespace("https://w3id.org/diplograph/eventtype/")
DGID = Namespace("https://w3id.org/diplograph/id/")

# The fixed prefix bindings of graph/DESIGN.md, in its order: every serialisation uses them.
PREFIXES: tuple[tuple[str, str], ...] = (
    ("dg", "https://w3id.org/diplograph/ontology#"),
    ("dgid", "https://w3id.org/diplograph/id/"),
    ("dget", "https://w3id.org/diplograph/eventtype/"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("org", "http://www.w3.org/ns/org#"),
    ("schema", "http://schema.org/"),
    ("dct", "http://purl.org/dc/terms/"),
    ("wd", "http://www.wikidata.org/entity/"),
)


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the fixed prefixes on ``graph`` (replacing rdflib's defaults) and return it."""
    for prefix, iri in PREFIXES:
        graph.bind(prefix, iri, override=True, replace=True)
    return graph
'''


def _term_lines(graph: rdflib.Graph, names: list[str]) -> list[str]:
    lines = []
    for name in names:
        label = graph.value(_DG[name], RDFS.label) or name
        lines.append(f"    {name}: URIRef  # {' '.join(str(label).split())}")
    return lines


def render_namespace_module() -> str:
    """The text of ``namespace.py``, generated from ``diplograph.ttl``.

    Terms whose local name is not a Python identifier go in ``_extras`` (reachable as
    ``DG["name"]``), as rdflib's own namespaces do.
    """
    graph = parse_turtle(ONTOLOGY_TTL)
    title = graph.value(ONTOLOGY_IRI, rdflib.DCTERMS.title)
    body = ["class DG(DefinedNamespace):", f'    """{title} ({DG_IRI})."""', "", "    _fail = True"]
    extras: list[str] = []
    for title_, names in declared_terms(graph).items():
        ok = [n for n in names if n.isidentifier() and not keyword.iskeyword(n)]
        extras += [n for n in names if n not in ok]
        body += ["", f"    # {title_}", *_term_lines(graph, ok)]
    if extras:
        body += ["", f"    _extras = {sorted(extras)!r}"]
    body += ["", f'    _NS = Namespace("{DG_IRI}")', ""]
    return _HEADER + "\n" + "\n".join(body) + _FOOTER


def write_namespace_module(path: Path = NAMESPACE_PY) -> Path:
    """Regenerate ``namespace.py`` from the Turtle; returns the path written."""
    path.write_text(render_namespace_module(), encoding="utf-8")
    return path
