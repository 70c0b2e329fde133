"""Exports: RDF formats, GraphML/GEXF and offline HTML pages from an rdflib Dataset.

``render(name, dataset) -> bytes`` over the registry :data:`EXPORTERS`; HTML pages in
:mod:`diplograph.exports.html`.
"""

from diplograph.exports.registry import EXPORTERS, RDF_FORMATS, Exporter, render

__all__ = ["EXPORTERS", "RDF_FORMATS", "Exporter", "render"]
