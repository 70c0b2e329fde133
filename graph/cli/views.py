"""``diplograph triangle|dyads|balance|ego``: relationship views of a built graph (OUT/graph.ttl)."""

from __future__ import annotations

import json

import click

from diplograph.graph.cli import friendly, main
from diplograph.graph.errors import InputError
from diplograph.graph.views import (balance, centrality, dyads, dyads_by_period, ego_view, load_graph, of_state,
                                    resolve, timeline, triangle, triangles)
from diplograph.graph.views import report
from diplograph.graph.views.periods import PERIODS

BY = click.option("--by", type=click.Choice(PERIODS), default=None, help="Also slice by month, quarter or year.")
JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")


def _state(G, name: str, out: str) -> str:
    node = resolve(G, name, where=out)
    if G.nodes[node]["type"] != "State":
        raise InputError(f"{out}: {name!r} is not a state ({G.nodes[node]['type']})")
    return node


def _print(data, text: str, as_json: bool) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False) if as_json else text)


def _ranked(G, by: str | None, limit: int) -> list:
    rows = triangles(dyads(G), limit=limit)
    for period, table in (dyads_by_period(G, by).items() if by else ()):
        rows += triangles(table, period, limit=limit)
    return rows


def _named(G, out: str, names: tuple[str, ...], by: str | None) -> list:
    if len(names) != 3:
        raise InputError(f"{out}: name three states, or none to list every triangle (got {len(names)})")
    x, y, z = (_state(G, n, out) for n in names)
    if len({x, y, z}) < 3:
        raise InputError(f"{out}: a triangle needs three different states, got {', '.join(names)}")
    return [triangle(dyads(G), x, y, z)] + (timeline(dyads_by_period(G, by), x, y, z) if by else [])


@main.command("triangle")
@click.argument("out", type=click.Path())
@click.argument("names", nargs=-1)
@BY
@JSON
@click.option("--evidence", is_flag=True, help="List the events under each side of a named triangle.")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True,
              help="Without names: how many triangles per period, most events first.")
@friendly
def triangle_command(out: str, names: tuple[str, ...], by: str | None, as_json: bool, evidence: bool, limit: int) -> None:
    """Classify the strategic triangle of three states (menage, romantic, marriage, unit_veto).

    Without names, list the triangles with events on all three sides, most events first.

    Example: diplograph triangle out Russia China "United States" --by quarter
    """
    G = load_graph(out)
    rows = _named(G, out, names, by) if names else _ranked(G, by, limit)
    text = report.triangle_table(G, rows) if names else report.triangles_table(G, rows)
    if evidence and names:
        text += "".join(f"\n\n{report.pair_name(G, d)}\n" + "\n".join(report.evidence_lines(G, d)) for d in rows[0].dyads)
    _print([report.triangle_dict(G, t) for t in rows], text, as_json)


@main.command("dyads")
@click.argument("out", type=click.Path())
@click.option("--state", "name", help="Only the dyads of this state.")
@BY
@JSON
@friendly
def dyads_command(out: str, name: str | None, by: str | None, as_json: bool) -> None:
    """List the signed dyads between states: sign, mean score, events, quad classes.

    Example: diplograph dyads out --state Russia --by quarter
    """
    G = load_graph(out)
    tables = dyads_by_period(G, by) if by else {None: dyads(G)}
    state = _state(G, name, out) if name else None
    rows = [d for t in tables.values() for d in (of_state(t, state) if state else t.values())]
    _print([report.dyad_dict(G, d) for d in rows], report.dyad_table(G, rows), as_json)


@main.command("balance")
@click.argument("out", type=click.Path())
@JSON
@friendly
def balance_command(out: str, as_json: bool) -> None:
    """Structural balance of the state network: balanced triangles, frustration index, centrality.

    Example: diplograph balance out --json
    """
    G = load_graph(out)
    b, coop, conflict = balance(dyads(G)), centrality(G, "cooperation"), centrality(G, "conflict")
    _print(report.balance_dict(b, coop, conflict, G), report.balance_text(b, coop, conflict, G), as_json)


@main.command("ego")
@click.argument("out", type=click.Path())
@click.argument("name")
@click.option("--depth", type=click.IntRange(0, 10), default=1, show_default=True, help="Steps from the actor.")
@JSON
@friendly
def ego_command(out: str, name: str, depth: int, as_json: bool) -> None:
    """The ego network of any actor: officials, states, organizations and agreements around it.

    Example: diplograph ego out "Igor Ivanov" --depth 2
    """
    G = load_graph(out)
    node = resolve(G, name, where=out)
    data = report.ego_dict(G, ego_view(G, node, depth), node, depth)
    _print(data, report.ego_text(G, data), as_json)
