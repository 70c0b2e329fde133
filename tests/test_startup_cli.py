"""Commands register cheaply: a command's module is imported when the command is looked up (cli/__init__.py).

``diplograph build`` must not pay for the views, the exporters or the store, nor a rerun with nothing to
read for spaCy; ``diplograph --help`` and ``main.commands`` must still show every command. Import checks
run in fresh interpreters (this one has imported everything already).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.graph import cli
from diplograph.graph.cli import COMMANDS, main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "monitor-8-7.txt"
HEAVY = ("spacy", "networkx", "rdflib", "pyoxigraph", "pyvis", "diplograph.graph.views", "diplograph.exports")


def _fresh(code: str, cwd: Path | None = None) -> str:
    env = dict(os.environ, XDG_CACHE_HOME=str(cwd / "xdg")) if cwd else None  # the phrase cache goes there
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=cwd,
                          env=env)
    return done.stdout.strip()


def _loaded(after: str) -> str:
    """Code that runs ``after`` then prints the command modules and heavy libraries it imported."""
    return (f"import sys\nfrom diplograph.graph.cli import main\n{after}\n"
            "mods = sorted(m.rsplit('.', 1)[1] for m in sys.modules if m.startswith('diplograph.graph.cli.'))\n"
            f"heavy = sorted(m for m in {HEAVY!r} if m in sys.modules)\n"
            "print(' '.join(mods) + ' | ' + ' '.join(heavy))")


def test_startup_cli_commands_map_names_every_command():
    modules = [m.name for m in pkgutil.iter_modules(cli.__path__)]
    owner = {}
    for name in modules:
        module = importlib.import_module(f"diplograph.graph.cli.{name}")
        for command in dict.values(main.commands):
            if command.callback.__module__ == module.__name__:  # @friendly keeps the function's module
                owner[command.name] = name
    assert owner == COMMANDS
    assert sorted(main.commands) == sorted(COMMANDS)


def test_startup_cli_import_loads_no_command():
    assert _fresh(_loaded("")) == "|"


@pytest.mark.parametrize("name", ["build", "query", "triangle", "export"])
def test_startup_cli_lookup_imports_only_its_module(name):
    mods, heavy = _fresh(_loaded(f"assert main.commands.get({name!r}).name == {name!r}")).split("|")
    assert mods.split() == [COMMANDS[name]]
    if name == "build":
        assert heavy.split() == []  # the pipeline, rdflib and spaCy come when the build runs


def test_startup_cli_help_lists_every_command():
    mods, _ = _fresh(_loaded("from click.testing import CliRunner\nCliRunner().invoke(main, ['--help'])")).split("|")
    assert mods.split() == sorted(set(COMMANDS.values()))
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line.strip()]
    assert listed == sorted(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_startup_cli_every_command_help(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert f"Example: diplograph {name}" in result.output


def test_startup_cli_unknown_command_suggests():
    result = CliRunner().invoke(main, ["biuld", "x"])
    assert result.exit_code == 2
    assert "No such command 'biuld'" in result.output and "build" in result.output
    assert main.commands.get("biuld") is None and "biuld" not in main.commands


def test_startup_cli_query_examples_run():
    result = CliRunner().invoke(main, ["query", "--list-examples"])
    assert result.exit_code == 0
    assert "who-met-whom" in result.output


@pytest.mark.slow
def test_startup_cli_rerun_with_nothing_to_read_loads_no_spacy(tmp_path):
    run = (f"from diplograph.graph.cli import main\nimport sys\n"
           f"try:\n    main(['build', {str(EXAMPLE)!r}, '--out', 'out', '--no-store', '--no-html'])\n"
           "except SystemExit as e:\n    assert not e.code, e.code\n"
           "print('spacy' in sys.modules)")
    assert _fresh(run, tmp_path).endswith("True")  # the first build reads the text
    out = _fresh(run, tmp_path)
    assert "nothing changed" in out and out.endswith("False")
