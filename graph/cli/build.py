"""``diplograph build``: text in, knowledge graph out."""

from __future__ import annotations

import sys

import click
from diplograph.graph.cli import friendly, main, one_line
from diplograph.graph.limits import MAX_BYTES


def _echo_summary(summary: dict, outputs, up_to_date: bool = False) -> None:
    ents = ", ".join(f"{n} {k}" for k, n in summary["entities"].items())
    click.echo(f"documents: {summary['documents']}  entities: {ents}")
    click.echo(f"facts: {summary['facts']}  events: {summary['events']}")
    if up_to_date:
        click.echo("nothing changed: the outputs are up to date")
    else:
        click.echo("wrote " + ", ".join(str(p) for p in outputs))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), help="Output folder.")
@click.option("--date", help="Publication date (YYYY, YYYY-MM or YYYY-MM-DD); overrides the texts' own.")
@click.option("--publication", help="Publication name, e.g. Monitor (knows its volume numbering).")
@click.option("--no-html", is_flag=True, help="Skip the HTML pages.")
@click.option("--no-store", is_flag=True, help="Skip the embedded SPARQL store.")
@click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Worker processes extracting documents.")
@click.option("--no-cache", is_flag=True, help="Extract every document again, ignoring OUT/.cache.")
@click.option("--progress/--no-progress", default=None, help="Progress on stderr [default: when a terminal].")
@click.option("--timestamp", is_flag=True, help="Record the build time in OUT/manifest.json.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where documents are extracted: local processes, or a Dask cluster.")
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="Dask scheduler (default: a local cluster of --workers).")
@click.option("--max-bytes", type=click.IntRange(1), default=MAX_BYTES, show_default=True,
              help="Skip input files larger than this.")
@friendly
def build(paths, out, date, publication, no_html, no_store, workers, no_cache, progress, timestamp, executor,
          scheduler, max_bytes):
    """Build OUT/graph.ttl, graph.nq.gz, graph.html, a SPARQL store and manifest.json from files, folders or globs.

    Inputs are .txt, .md, .html and .htm files; a rerun extracts only new or changed documents.

    Example: diplograph build 'corpus/**/*.txt' --out out --workers 2
    """
    from diplograph.graph.pipeline import build as run

    result = run(list(paths), out, date=date, publication=publication, html=not no_html, store=not no_store,
                 workers=workers, cache=not no_cache, progress=progress, timestamp=timestamp,
                 keep_extractions=False, executor=executor, scheduler=scheduler, max_bytes=max_bytes)
    for path, message in result.failures:
        click.echo(f"diplograph: skipped: {one_line(message)}", err=True)
    _echo_summary(result.summary(), result.outputs, result.up_to_date)
    if result.failures:
        sys.exit(2)
