"""diplograph.graph: extraction, relationship views, the pipeline and the command line.

Data flows one way: text -> documents -> mentions -> linked mentions -> facts and events -> RDF,
then RDF -> networkx views -> exports. The record types in :mod:`diplograph.graph.model` cross
every stage boundary.
"""
