"""The Python API: the CLI's commands as functions, for notebooks.

Each function takes the same arguments as its command and returns data instead of printing it.

>>> from diplograph.graph import api
>>> result = api.build(["examples/monitor-8-7.txt"], "out")
>>> result.summary()["documents"]
1
>>> api.triangle("out", "Russia", "China", "United States").cls
'romantic'
>>> [(d.sign) for d in api.dyads("out", state="China")]
['+', '-']
>>> rows = api.query("out", "SELECT (COUNT(*) AS ?n) WHERE { ?e a dg:Event }").rows
>>> int(rows[0][0].value) > 0
True
>>> api.export("out", "nt").startswith(b"<")
True
"""

from __future__ import annotations

from pathlib import Path

from diplograph.graph import views
from diplograph.graph.pipeline import BuildResult
from diplograph.graph.pipeline import build as _build


def build(paths, out_dir: str | Path, *, date: str | None = None, publication: str | None = None,
          html: bool = True, store: bool = True) -> BuildResult:
    """Build ``out_dir``/graph.ttl, graph.nq.gz, graph.html and the SPARQL store (``diplograph build``)."""
    return _build(list(paths), out_dir, date=date, publication=publication, html=html, store=store)


def graph(out_dir: str | Path):
    """The built graph as a networkx MultiDiGraph (entity IRIs as nodes, events as edges)."""
    return views.load_graph(out_dir)


def dyads(out_dir: str | Path, *, state: str | None = None) -> list:
    """Signed dyads between states, overall (``diplograph dyads``); ``state`` keeps those of one state."""
    G = views.load_graph(out_dir)
    table = views.dyads(G)
    if state:
        return views.of_state(table, views.resolve(G, state, where=str(out_dir)))
    return [table[k] for k in sorted(table)]


def triangle(out_dir: str | Path, a: str, b: str, c: str):
    """Dittmer's class of the triangle of three named states (``diplograph triangle``)."""
    G = views.load_graph(out_dir)
    x, y, z = (views.resolve(G, name, where=str(out_dir)) for name in (a, b, c))
    return views.triangle(views.dyads(G), x, y, z)


def balance(out_dir: str | Path):
    """Share of balanced triangles and the frustration index of the state network (``diplograph balance``)."""
    return views.balance(views.dyads(views.load_graph(out_dir)))


def ego(out_dir: str | Path, name: str, depth: int = 1):
    """The ego network of an actor to ``depth`` hops (``diplograph ego``), as a read-only networkx view."""
    G = views.load_graph(out_dir)
    return views.ego_view(G, views.resolve(G, name, where=str(out_dir)), depth)


def query(out_dir: str | Path, sparql: str):
    """Run SPARQL on the build's embedded store (``diplograph query``); the dg: prefixes are predeclared."""
    from diplograph.graph.store import query as run

    return run(out_dir, sparql)


def export(out_dir: str | Path, fmt: str = "ttl") -> bytes:
    """The build's graph in one of the registered formats (``diplograph export``)."""
    from diplograph.exports.rdf import load_build
    from diplograph.exports.registry import render

    return render(fmt, load_build(Path(out_dir)))
