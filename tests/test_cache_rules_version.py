"""The cache key's code version covers every piece of code whose output a cache entry holds."""

from __future__ import annotations

import pytest
from diplograph.graph import cache
from diplograph.graph.views import folder


@pytest.fixture(autouse=True)
def fresh_version():
    cache.rules_version.cache_clear()
    yield
    cache.rules_version.cache_clear()


def test_the_version_is_stable_within_one_install():
    first = cache.rules_version()
    cache.rules_version.cache_clear()
    assert cache.rules_version() == first
    assert len(first) == 16


def test_a_different_digest_function_changes_the_version(monkeypatch):
    before = cache.rules_version()
    cache.rules_version.cache_clear()

    def digest_of_terms(triples, quads):  # another digest: cached digests made by the old one must not be served
        return b"{}"

    monkeypatch.setattr(folder, "digest_of_terms", digest_of_terms)
    assert cache.rules_version() != before


@pytest.mark.parametrize("name", ["rdf.py", "rdf_terms.py", "rdf_records.py", "turtle.py", "executor.py"])
def test_the_serialising_modules_are_hashed(monkeypatch, name):
    before = cache.rules_version()
    cache.rules_version.cache_clear()
    real = cache.files

    class Edited:
        """The package folder, with one module's bytes edited."""

        def __init__(self, inner):
            self.inner = inner

        def joinpath(self, child):
            entry = self.inner.joinpath(child)
            return _EditedFile(entry) if child == name else entry

        def iterdir(self):
            return self.inner.iterdir()

    monkeypatch.setattr(cache, "files", lambda package: Edited(real(package)))
    assert cache.rules_version() != before


class _EditedFile:
    def __init__(self, entry):
        self.entry, self.name = entry, entry.name

    def read_bytes(self) -> bytes:
        return self.entry.read_bytes() + b"\n# edited\n"
