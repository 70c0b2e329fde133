"""Resolve the names a researcher types ("Russia", "the Kremlin", "Ivanov") to entity IRIs.

Names are compared case-insensitively with whitespace collapsed, against each node's ``rdfs:label``
first and its ``skos:altLabel`` aliases second, so a name that is one actor's label and another's
alias resolves to the first. An IRI (full, ``dgid:`` prefixed, or the bare local id) is accepted too.
"""

from __future__ import annotations

import difflib

import networkx as nx

from diplograph.graph.errors import InputError
from diplograph.graph.iri import ID


def fold(name: str) -> str:
    """Case- and space-folded form used to compare names.

    >>> fold("  United   States ")
    'united states'
    """
    return " ".join(name.split()).casefold()


def label(G: nx.MultiDiGraph, node: str) -> str:
    """The display label of a node (its local id when it has none)."""
    return G.nodes[node].get("label") or node.rsplit("/", 1)[-1]


def short(node: str) -> str:
    """``dgid:russia`` for an IRI under the diplograph id namespace, the IRI otherwise."""
    return "dgid:" + node[len(ID):] if node.startswith(ID) else node


def _as_iri(G: nx.MultiDiGraph, name: str) -> str | None:
    for candidate in (name, ID + name.removeprefix("dgid:")):
        if candidate in G:
            return candidate
    return None


def _matching(G: nx.MultiDiGraph, key: str, field: str) -> list[str]:
    if field == "label":
        return sorted(n for n, d in G.nodes(data=True) if d.get("type") and fold(d.get("label") or "") == key)
    return sorted(n for n, d in G.nodes(data=True) if d.get("type") and key in {fold(a) for a in d.get("aliases", ())})


def _close(G: nx.MultiDiGraph, key: str) -> list[str]:
    names: dict[str, str] = {}
    for _, d in sorted(G.nodes(data=True)):
        if d.get("type"):
            for n in (d.get("label"), *d.get("aliases", ())):
                if n:
                    names.setdefault(fold(n), n)
    return [names[k] for k in difflib.get_close_matches(key, sorted(names), n=5, cutoff=0.6)]


def resolve(G: nx.MultiDiGraph, name: str, *, where: str = "graph") -> str:
    """The IRI of the one actor called ``name``.

    Args:
        G: A graph from ``load_graph``.
        name: A label, alias, IRI, ``dgid:`` id or bare id.
        where: The file or folder the graph came from, named in error messages.

    Raises:
        InputError: No actor or several actors have that name (the message lists close matches).
    """
    direct = _as_iri(G, name.strip())
    if direct:
        return direct
    key = fold(name)
    for field in ("label", "alias"):
        found = _matching(G, key, field)
        if len(found) == 1:
            return found[0]
        if found:
            listed = ", ".join(f"{label(G, n)} ({short(n)})" for n in found)
            raise InputError(f"{where}: {name!r} is ambiguous: {listed}; give one of these ids")
    close = _close(G, key)
    hint = f"; close matches: {', '.join(close)}" if close else ""
    raise InputError(f"{where}: no actor named {name!r}{hint}")
