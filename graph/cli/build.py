"""``diplograph build``: text in, knowledge graph out."""

from __future__ import annotations

import sys

import click

from diplograph.graph.cli import friendly, main


def _echo_summary(summary: dict, outputs) -> None:
    ents = ", ".join(f"{n} {k}" for k, n in summary["entities"].items())
    click.echo(f"documents: {summary['documents']}  entities: {ents}")
    click.echo(f"facts: {summary['facts']}  events: {summary['events']}")
    click.echo("wrote " + ", ".join(str(p) for p in outputs))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), help="Output folder.")
@click.option("--date", help="Publication date (YYYY, YYYY-MM or YYYY-MM-DD) for texts that lack one.")
@click.option("--publication", help="Publication name, e.g. Monitor (knows its volume numbering).")
@click.option("--no-html", is_flag=True, help="Skip the HTML pages.")
@click.option("--no-store", is_flag=True, help="Skip the embedded SPARQL store.")
@friendly
def build(paths, out, date, publication, no_html, no_store):
    """Build OUT/graph.ttl, graph.nq, graph.html and a SPARQL store from text files or folders.

    Example: diplograph build examples/monitor-8-7.txt --out out
    """
    from diplograph.graph.pipeline import build as run

    result = run(list(paths), out, date=date, publication=publication, html=not no_html, store=not no_store)
    for path, message in result.failures:
        click.echo(f"diplograph: skipped: {message}", err=True)
    _echo_summary(result.summary(), result.outputs)
    if result.failures:
        sys.exit(2)
