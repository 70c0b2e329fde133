"""Determinism: the same three texts, named in another order and with another worker count, give the same bytes."""

from __future__ import annotations

import gzip
import random

import pytest
from click.testing import CliRunner

from diplograph.graph.cli import main

TEXTS = {
    "alpha.txt": "Publication: Monitor Volume: 8 Issue: 7\n\nPresident Vladimir Putin of Russia met Jiang Zemin "
                 "in Beijing on June 14. They signed a treaty on good-neighbourliness.\n",
    "beta.txt": "Foreign Minister Igor Ivanov said on March 3, 2002 that Russia opposed the plans of the "
                "United States. China and Russia criticized the decision.\n",
    "gamma.txt": "---\ndate: 2001-07-16\n---\nJiang Zemin of China visited Moscow. Russia and China signed the "
                 "Treaty of Good-Neighborliness and Friendly Cooperation. Kazakhstan joined the Shanghai "
                 "Cooperation Organization.\n",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("det")
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build(corpus, out, order: list[str], *extra: str) -> dict[str, bytes]:
    args = ["build", *(str(corpus / n) for n in order), "--out", str(out), "--no-html", "--no-store",
            "--no-cache", "--no-progress", *extra]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    files = {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.nq.gz", "manifest.json")}
    files["graph.nq"] = gzip.decompress(files["graph.nq.gz"])
    return files


def test_hardening_shuffled_order_same_bytes(corpus, tmp_path):
    names = sorted(TEXTS)
    shuffled = names[:]
    random.Random(8).shuffle(shuffled)
    assert shuffled != names
    first = build(corpus, tmp_path / "a", names)
    second = build(corpus, tmp_path / "b", shuffled)
    assert first["graph.ttl"] == second["graph.ttl"]
    assert first["graph.nq"] == second["graph.nq"]
    assert first["manifest.json"] == second["manifest.json"]
    assert b"alpha" in first["graph.nq"] and b"gamma" in first["graph.nq"]


@pytest.mark.slow
def test_hardening_workers_same_bytes(corpus, tmp_path):
    names = sorted(TEXTS)
    one = build(corpus, tmp_path / "one", names, "--workers", "1")
    two = build(corpus, tmp_path / "two", list(reversed(names)), "--workers", "2")
    assert one["graph.ttl"] == two["graph.ttl"] and one["graph.nq"] == two["graph.nq"]
