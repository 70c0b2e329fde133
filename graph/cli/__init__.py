"""The ``diplograph`` command: a thin shell over the library.

Each command lives in a module of this package and registers itself on :data:`main`;
commands print one-line errors and exit with the code of the :class:`DiplographError` raised.
"""

from __future__ import annotations

import functools
import sys
from importlib.metadata import version

import click

from diplograph.graph.errors import DiplographError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version("diplograph"), prog_name="diplograph")
def main() -> None:
    """Build knowledge graphs of states, officials, organizations and agreements from news text.

    Example: diplograph build examples/monitor-8-7.txt --out out
    """


def friendly(fn):
    """Turn DiplographError and OSError into a one-line message and a documented exit code."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except DiplographError as exc:
            click.echo(f"diplograph: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except OSError as exc:
            click.echo(f"diplograph: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), err=True)
            sys.exit(4)
        except KeyboardInterrupt:
            click.echo("diplograph: interrupted", err=True)
            sys.exit(130)

    return wrapper


def _register() -> None:
    # Each module adds its commands to `main`; a module that does not exist yet is simply absent.
    import importlib

    for name in ("build", "views", "export", "query", "evaluate"):
        try:
            importlib.import_module(f"diplograph.graph.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"diplograph.graph.cli.{name}":
                raise


_register()
