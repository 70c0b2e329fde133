"""Relationship views: RDF -> networkx -> signed dyads, strategic triangles, balance, ego networks.

``load_graph`` reads any diplograph graph (an rdflib Graph or Dataset, an OUT folder, a Turtle,
TriG or N-Quads file) into one ``MultiDiGraph``; every other function reads it, or a read-only
``nx.subgraph_view`` of it, and none mutates it. ``views_to_rdf`` writes dyads and triangles back.

>>> from diplograph.graph.views import load_graph, dyads, triangle      # doctest: +SKIP
>>> G = load_graph("out")                                                 # doctest: +SKIP
>>> triangle(dyads(G), RU, CN, US).cls                                    # doctest: +SKIP
'romantic'
"""

from diplograph.graph.views.balance import Balance, balance, frustration, signed_network
from diplograph.graph.views.dyads import BAND, Dyad, aggregate, dyad, dyads, dyads_by_period, of_state, sign_of
from diplograph.graph.views.ego import Centrality, centrality, distances, ego_view, interaction_network
from diplograph.graph.views.load import load_graph
from diplograph.graph.views.names import label, resolve
from diplograph.graph.views.periods import (agreement_view, counting_view, membership_view, period_of, period_view,
                                            periods)
from diplograph.graph.views.to_rdf import dyad_iri, triangle_iri, views_to_rdf
from diplograph.graph.views.triangles import (CLASSES, Triangle, TriangleSet, class_counts, classify, classify_all,
                                              timeline, triangle, triangles)

__all__ = [
    "BAND", "CLASSES", "Balance", "Centrality", "Dyad", "Triangle", "TriangleSet", "aggregate", "agreement_view", "balance",
    "centrality", "class_counts", "classify", "classify_all", "counting_view", "distances", "dyad", "dyad_iri", "dyads",
    "dyads_by_period", "ego_view", "frustration", "interaction_network", "label", "load_graph", "membership_view",
    "of_state", "period_of", "period_view", "periods", "resolve", "sign_of", "signed_network", "timeline",
    "triangle", "triangle_iri", "triangles", "views_to_rdf",
]
