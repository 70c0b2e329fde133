"""The ``diplograph`` command: a thin shell over the library.

Each command lives in a module of this package and registers itself on :data:`main` when that module
is imported, which happens the first time the command is looked up (:data:`COMMANDS` says which module
holds which command): ``diplograph build`` imports neither the views nor the exporters nor the store,
while ``diplograph --help`` still lists every command. Commands print one-line errors and exit with the
code of the :class:`DiplographError` raised.
"""

from __future__ import annotations

import functools
import importlib
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


class _Commands(dict):
    """``main.commands``, importing a command's module the first time the command is asked for.

    click's ``Group`` reads its commands only through this dict (``get`` for one, iteration to list
    them), so a lookup by name imports one module and a listing (``--help``) imports them all."""

    def __init__(self, modules: dict[str, str]):
        super().__init__()
        self._modules = modules

    def _import(self, module: str) -> None:
        importlib.import_module(f"{__name__}.{module}")  # its decorators add its commands to this dict

    def _import_all(self) -> None:
        for module in sorted(set(self._modules.values())):
            self._import(module)

    def get(self, name, default=None):
        if not dict.__contains__(self, name) and name in self._modules:
            self._import(self._modules[name])
        return dict.get(self, name, default)

    def __getitem__(self, name):
        self.get(name)
        return dict.__getitem__(self, name)

    def __contains__(self, name) -> bool:
        self.get(name)
        return dict.__contains__(self, name)

    def __iter__(self):
        self._import_all()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._import_all()
        return dict.__len__(self)

    def keys(self):
        self._import_all()
        return dict.keys(self)

    def values(self):
        self._import_all()
        return dict.values(self)

    def items(self):
        self._import_all()
        return dict.items(self)


# Command name -> the module of this package that defines it (tests/test_startup_cli.py checks the list).
COMMANDS = {"build": "build", "eval": "evaluate", "export": "export", "query": "query", "serve": "query",
            "push": "query", "triangle": "views", "dyads": "views", "balance": "views", "ego": "views"}
main.commands = _Commands(COMMANDS)
