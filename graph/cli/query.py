"""Commands ``query``, ``serve`` and ``push``: SPARQL over a build's ``OUT/store``."""

from __future__ import annotations

import ipaddress
import signal
import sys
from pathlib import Path

import click

from diplograph.graph import remote, store
from diplograph.graph.cli import friendly, main
from diplograph.graph.errors import QueryError, RemoteError

OUT = click.Path(file_okay=False, path_type=Path)


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    if any("=" not in p for p in pairs):
        raise QueryError(f"--param {next(p for p in pairs if '=' not in p)}: expected NAME=VALUE")
    return dict(p.split("=", 1) for p in pairs)


def _listing() -> str:
    lines = []
    for name, ex in store.examples().items():
        params = " ".join(f"[{n}={d}]" for n, d in ex.params)
        lines.append(f"{name}{'  ' + params if params else ''}\n    {ex.description}")
    return "\n".join(lines)


def _usage(out: Path | None, sparql: str | None, file: Path | None, example: str | None,
           params: tuple[str, ...], show: bool) -> tuple[Path | None, str | None]:
    """Check the shape of the arguments (click usage errors, exit code 2) before any work."""
    if show and out is not None and sparql is None and not (file or example):
        out, sparql = None, str(out)  # `query --show 'SELECT ...'` needs no OUT
    if len([x for x in (sparql, file, example) if x]) != 1:
        raise click.UsageError("give exactly one of: a SPARQL string, --file FILE, --example NAME")
    if params and not example:
        raise click.UsageError("--param only applies to --example queries")
    if out is None and not show:
        raise click.UsageError("missing OUT (the folder `diplograph build` wrote)")
    return out, sparql


@friendly
def _run(out, sparql, file, example, params, show, fmt) -> None:
    if file:
        text = file.read_text(encoding="utf-8")
    else:
        text = store.example(example).render(_params(params)) if example else sparql
    click.echo(store.with_prefixes(text) if show else store.format_result(store.query(out, text), fmt), nl=False)


@main.command("query")
@click.argument("out", type=OUT, required=False)
@click.argument("sparql", required=False)
@click.option("--file", "file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read the query from a .rq file.")
@click.option("--example", metavar="NAME", help="Run a query of the library (see --list-examples).")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Set a parameter of an --example query.")
@click.option("--list-examples", is_flag=True, help="List the library's queries and their parameters.")
@click.option("--show", is_flag=True, help="Print the query text instead of running it.")
@click.option("--format", "fmt", type=click.Choice(store.FORMATS), default="table", show_default=True,
              help="Output for SELECT/ASK (json = SPARQL 1.1 results JSON); CONSTRUCT/DESCRIBE print Turtle.")
def query_cmd(out, sparql, file, example, params, list_examples, show, fmt):
    """Run a SPARQL query on OUT/store (default graph: the merge of all graphs; dg:, dgid:, ... predeclared).

    Example: diplograph query out --example who-met-whom
    """
    if list_examples:
        return friendly(lambda: click.echo(_listing()))()
    out, sparql = _usage(out, sparql, file, example, params, show)
    _run(out, sparql, file, example, params, show, fmt)


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


@main.command("serve")
@click.argument("out", type=OUT)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535))
@click.option("--timeout", default=30, show_default=True, type=click.IntRange(1), help="Per-query time limit, seconds.")
@friendly
def serve_cmd(out, host, port, timeout):
    """Serve OUT/store as a read-only SPARQL 1.1 endpoint (Oxigraph's server) until Ctrl-C.

    Example: diplograph serve out --port 7878
    """
    if not _is_loopback(host):
        click.echo(f"diplograph: warning: listening on {host}: anyone who can reach it can query", err=True)
    server = remote.serve(out, host, port, timeout)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # so `finally` stops the server on kill
    click.echo(f"SPARQL endpoint (read-only): {server.query_url}\nOpen in a browser: {server.url}/\nCtrl-C to stop.")
    try:
        code = server.process.wait()
    except KeyboardInterrupt:  # Ctrl-C reaches oxigraph too; stopping is the expected outcome
        code = 0
    finally:
        server.stop()
    if code:
        raise RemoteError(f"{server.url}: oxigraph stopped with exit code {code}")


@main.command("push")
@click.argument("out", type=OUT)
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store Protocol URL, e.g. http://localhost:3030/ds/data (Fuseki), "
                   "http://localhost:7878/store (Oxigraph).")
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(0.1), help="Per-request timeout, seconds.")
@friendly
def push_cmd(out, endpoint, timeout):
    """PUT every graph of OUT/store to a triple store (SPARQL 1.1 Graph Store HTTP Protocol); idempotent.

    Credentials come from $DIPLOGRAPH_PUSH_USER and $DIPLOGRAPH_PUSH_PASSWORD, or $DIPLOGRAPH_PUSH_TOKEN (bearer).

    Example: diplograph push out --endpoint http://localhost:7878/store
    """
    graphs, triples = remote.push(out, endpoint, timeout=timeout)
    click.echo(f"pushed {graphs} graphs ({triples} triples) to {endpoint}")
