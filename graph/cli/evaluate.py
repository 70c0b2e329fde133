"""``diplograph eval``: score built graphs against gold annotations."""

from __future__ import annotations

import json

import click

from diplograph.graph.cli import friendly, main


def _prf_cells(r: dict) -> str:
    return f"{r['precision']:.3f} {r['recall']:.3f} {r['f1']:.3f}"


def _views_cells(row: dict) -> str:
    dyads = f"{row['dyads']['right']}/{row['dyads']['of']}" if "dyads" in row else "-"
    tri = row.get("triangle")
    tri_cell = "-" if not tri else f"{tri['expected']} {'ok' if tri['right'] else 'WRONG'}"
    return f"{dyads:>5}  {tri_cell}"


def render_text(report: dict, *, details: bool = False) -> str:
    """A table: one line per document, then the micro-average; with ``details`` the misses under each line."""
    lines = [f"{'document':40} {'entities P/R/F1':17}  {'facts P/R/F1':17}  {'dyads':>5}  triangle"]
    for row in report["documents"]:
        if row.get("missing_graph"):
            lines.append(f"{row['doc_id']:40} no graph at {row['graph']}")
            continue
        lines.append(f"{row['doc_id']:40} {_prf_cells(row['entities'])}  {_prf_cells(row['facts'])}  "
                     + _views_cells(row))
        for key in ("missed_entities", "duplicate_entities", "missed_facts", "spurious_facts") if details else ():
            if row[key]:
                lines.append(f"    {key}: " + "; ".join(row[key]))
    m = report["micro"]
    dyads, tri = f"{m['dyads']['right']}/{m['dyads']['of']}", f"{m['triangles']['right']}/{m['triangles']['of']}"
    lines.append(f"{'micro (' + str(m['documents']) + ' documents)':40} {_prf_cells(m['entities'])}  "
                 f"{_prf_cells(m['facts'])}  {dyads:>5}  triangles {tri}")
    return "\n".join(lines) + "\n"


@main.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--graph", type=click.Path(dir_okay=False), help="The graph to score (one gold file only).")
@click.option("--out-dir", type=click.Path(file_okay=False),
              help="Folder holding <doc_id>/graph.ttl for each gold file (default: out).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--details", is_flag=True, help="List missed, duplicate and spurious entities and facts.")
@friendly
def evaluate(gold, graph, out_dir, as_json, details):
    """Print precision, recall and F1 of entities and facts, dyad signs and triangle, per document and micro-averaged.

    GOLD is a gold JSON file or a folder of them.

    \b
    Example: diplograph eval ../shared/gold/monitor-8-7.json --graph out/graph.ttl
    """
    from diplograph.graph.evaluate import evaluate as run

    if graph and out_dir:
        raise click.UsageError("give --graph or --out-dir, not both")
    report = run(list(gold), graph=graph, out_dir=out_dir)
    text = json.dumps(report, indent=2, sort_keys=True) if as_json else render_text(report, details=details)
    click.echo(text.rstrip("\n"))
