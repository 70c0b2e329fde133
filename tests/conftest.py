"""Shared fixtures: the bundled example, a build of it, the shipped gazetteer, and the golden-file switch."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "monitor-8-7.txt"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="Rewrite golden files from current output.")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def example_build(tmp_path_factory):
    """The example built once per session into a temporary OUT folder (BuildResult; .outputs[0].parent is OUT)."""
    from diplograph.graph.pipeline import build

    out = tmp_path_factory.mktemp("example-out")
    result = build([EXAMPLE], out)
    result.out_dir = out
    return result


@pytest.fixture(scope="session")
def gaz():
    """The shipped gazetteer (loaded and validated once; ``gazetteer.load()`` keeps it)."""
    from diplograph.ontology.gazetteer import load

    return load()


@pytest.fixture(scope="session")
def gazetteer(gaz):
    """The shipped gazetteer, under the name some modules use."""
    return gaz


@pytest.fixture
def full(monkeypatch):
    """Counts the views' full-path runs on a build (views/incremental.py ``view_tables``: every pair's dyads
    computed); a test of the incremental path asserts the count did not grow."""
    from diplograph.graph.views import incremental

    calls = []
    real = incremental.view_tables

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(incremental, "view_tables", counted)
    return calls
