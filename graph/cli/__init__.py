"""The ``diplograph`` command: a thin shell over the library.

Each command lives in a module of this package and registers itself on :data:`main`;
commands print one-line errors and exit with the code of the :class:`DiplographError` raised.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from importlib.metadata import version

import click

from diplograph.graph.errors import DiplographError

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version("diplograph"), prog_name="diplograph")
def main() -> None:
    """Build knowledge graphs of states, officials, organizations and agreements from news text.

    Example: diplograph build examples/monitor-8-7.txt --out out
    """


def friendly(fn):
    """Turn every failure into a one-line message on stderr and a documented exit code.

    DiplographError: its own code (2 input, 3 data file, 4 output, 5 query, 6 remote); any other
    OSError: 4; Ctrl-C: 130; an unexpected exception (a bug): 1, with its traceback shown only when
    the environment sets ``DIPLOGRAPH_DEBUG=1``.
    """

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise  # click prints usage errors itself, with its own exit codes
        except DiplographError as exc:
            _fail(str(exc), exc.exit_code)
        except OSError as exc:
            _fail(_os_message(exc), 4)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except Exception as exc:  # noqa: BLE001 - a bug still gets one line, not a traceback
            if os.environ.get("DIPLOGRAPH_DEBUG") == "1":
                raise
            _fail(f"internal error: {type(exc).__name__}: {one_line(str(exc))} "
                  "(set DIPLOGRAPH_DEBUG=1 for the traceback, and please report it)", 1)

    return wrapper


def _fail(message: str, code: int) -> None:
    click.echo(f"diplograph: error: {one_line(message)}" if code != 130 else "diplograph: interrupted", err=True)
    sys.exit(code)


def _os_message(exc: OSError) -> str:
    where = exc.filename if exc.filename is not None else ""
    return f"{where}: {exc.strerror or exc}" if where else str(exc.strerror or exc)


def one_line(text: str, limit: int = 500) -> str:
    """``text`` made safe to print as one line of a message (also for `skipped:` lines of commands)."""
    # Messages quote user input (file names, URLs): one line, short, and no terminal escape sequences
    # or bidirectional overrides that could disguise what is printed.
    flat = _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", " ".join(text.split()))
    return flat if len(flat) <= limit else flat[:limit - 3] + "..."


def _register() -> None:
    # Each module adds its commands to `main` when imported (after `main` exists, hence here).
    from diplograph.graph.cli import build, evaluate, export, query, views  # noqa: F401


_register()
