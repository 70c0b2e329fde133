"""``diplograph export``: write a built graph in another format (formats from the exporter registry)."""

from __future__ import annotations

from pathlib import Path

import click

from diplograph.exports.rdf import read_dataset
from diplograph.exports.registry import EXPORTERS, render
from diplograph.graph.cli import friendly, main
from diplograph.graph.errors import InputError


def load_build(out: Path):
    """The Dataset of a build folder: OUT/graph.nq (named graphs) if present, else OUT/graph.ttl."""
    for name, fmt in (("graph.nq", "nquads"), ("graph.ttl", "turtle")):
        path = out / name
        if path.is_file():
            try:
                return read_dataset(path.read_bytes(), fmt)
            except Exception as exc:  # rdflib raises many parser exception types
                raise InputError(f"{path}: cannot parse {fmt}: {str(exc).splitlines()[0] if str(exc) else exc!r}") from None
    raise InputError(f"{out}: no graph.nq or graph.ttl (run `diplograph build` first)")


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
    data = render(fmt, load_build(out))
    if dest is None:
        click.get_binary_stream("stdout").write(data)
    else:
        dest.write_bytes(data)
