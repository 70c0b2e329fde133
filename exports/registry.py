"""The registry of exporters: each a pure ``render(dataset) -> bytes`` with a name, extension and media type.

The CLI derives its ``--format`` choices from :data:`EXPORTERS`; the build writes ``graph.ttl`` and
``graph.nq.gz`` with the same bytes as :func:`render` gives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import rdflib

from diplograph.exports import gephi, rdf


@dataclass(frozen=True)
class Exporter:
    """One output format.

    Attributes:
        name: The ``--format`` name ("ttl").
        extension: File extension without the dot.
        media_type: IANA media type.
        render: Pure function from an rdflib Dataset (one named graph per document) to bytes.
    """

    name: str
    extension: str
    media_type: str
    render: Callable[[rdflib.Dataset], bytes]


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter("ttl", "ttl", "text/turtle", rdf.to_turtle),
        Exporter("nt", "nt", "application/n-triples", rdf.to_ntriples),
        Exporter("nq", "nq", "application/n-quads", rdf.to_nquads),
        Exporter("trig", "trig", "application/trig", rdf.to_trig),
        Exporter("jsonld", "jsonld", "application/ld+json", rdf.to_jsonld),
        Exporter("graphml", "graphml", "application/graphml+xml", gephi.to_graphml),
        Exporter("gexf", "gexf", "application/gexf+xml", gephi.to_gexf),
    )
}

#: Formats that carry RDF (and so must parse back to the same graph).
RDF_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")
#: rdflib parser names of the RDF formats.
RDFLIB_PARSERS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}


def render(name: str, dataset: rdflib.Dataset) -> bytes:
    """Render a dataset in a registered format.

    Args:
        name: A key of :data:`EXPORTERS`.
        dataset: rdflib Dataset with one named graph per document.

    Raises:
        KeyError: for an unknown format name.
        OutputError: when an IRI, language tag or term cannot be written safely.
    """
    return EXPORTERS[name].render(dataset)
