"""``diplograph export``: write a built graph in another format (formats from the exporter registry)."""

from __future__ import annotations

from pathlib import Path

import click

from diplograph.exports.rdf import built_bytes, load_build
from diplograph.exports.registry import EXPORTERS, render
from diplograph.graph.cli import friendly, main


@main.command("export")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORTERS)), default="ttl", show_default=True,
              help="Output format.")
@click.option("--out", "dest", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout).")
@friendly
def export_command(out: Path, fmt: str, dest: Path | None) -> None:
    """Export the graph of build folder OUT as Turtle, N-Triples, N-Quads, TriG, JSON-LD, GraphML or GEXF.

    Example: diplograph export out --format trig --out out/graph.trig
    """
    data = built_bytes(out, fmt)
    data = render(fmt, load_build(out)) if data is None else data
    if dest is None:
        click.get_binary_stream("stdout").write(data)
    else:
        dest.write_bytes(data)
