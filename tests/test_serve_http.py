"""A real ``oxigraph serve-read-only`` on loopback answers as ``diplograph query`` does and refuses updates."""

from __future__ import annotations

import json
import os
import selectors
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from test_store_sample import build_sample

from diplograph.graph import remote
from diplograph.graph.errors import RemoteError
from diplograph.graph.store import examples, query

pytestmark = pytest.mark.server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return build_sample(tmp_path_factory.mktemp("sample-out"))


@pytest.fixture(scope="module")
def server(out):
    running = remote.serve(out, "127.0.0.1", free_port(), timeout=10)
    yield running
    running.stop()


def http(url: str, *, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read()


def ask_over_http(server, sparql: str, accept: str) -> bytes:
    url = server.query_url + "?" + urllib.parse.urlencode({"query": sparql})
    return http(url, headers={"Accept": accept})[1]


def value(binding: dict) -> str:
    return binding["value"]


@pytest.mark.parametrize("name", sorted(examples()))
def test_serve_every_example_answers_like_the_embedded_store(out, server, name):
    text = examples()[name].render()
    local = query(out, text)
    if local.kind == "graph":
        body = ask_over_http(server, text, "application/n-triples")
        remote_triples = {str(t) for t in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)}
        assert remote_triples == {str(t) for t in local.triples} and remote_triples
    else:
        doc = json.loads(ask_over_http(server, text, "application/sparql-results+json"))
        assert doc["head"]["vars"] == list(local.variables)
        remote_rows = [{k: value(v) for k, v in b.items()} for b in doc["results"]["bindings"]]
        assert remote_rows == local.values()


@pytest.mark.parametrize(("method", "path", "body", "ctype"), [
    ("POST", "/update", b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
    ("PUT", "/store?default", b"<urn:a> <urn:b> <urn:c> .", "application/n-triples"),
    ("DELETE", "/store?graph=" + urllib.parse.quote("https://w3id.org/diplograph/id/doc/jan", safe=""), None, "text/plain"),
])
def test_serve_refuses_updates(out, server, method, path, body, ctype):
    with pytest.raises(urllib.error.HTTPError) as refused:
        http(server.url + path, data=body, method=method, headers={"Content-Type": ctype})
    assert refused.value.code == 403
    assert query(out, "SELECT (COUNT(*) AS ?n) WHERE { <urn:a> ?p ?o }").values() == [{"n": "0"}]
    doc = json.loads(ask_over_http(server, "ASK { GRAPH ?g { ?s <https://w3id.org/diplograph/ontology#quote> ?q } }",
                                   "application/sparql-results+json"))
    assert doc["boolean"] is True


def test_serve_refuses_a_port_in_use(out, server):
    port = int(server.url.rsplit(":", 1)[1])
    with pytest.raises(RemoteError, match="in use"):
        remote.serve(out, "127.0.0.1", port)


def _read_line(stream, deadline: float) -> str:
    selector = selectors.DefaultSelector()
    selector.register(stream, selectors.EVENT_READ)
    if not selector.select(timeout=max(0.0, deadline - time.monotonic())):
        raise AssertionError("diplograph serve printed nothing in time")
    return stream.readline()


@pytest.mark.slow  # a fresh interpreter importing the CLI takes seconds on a loaded machine
def test_serve_command_prints_the_url_and_stops_its_server(out):
    port = free_port()
    cli = [sys.executable, "-c", "from diplograph.graph.cli import main; main()", "serve", str(out), "--port", str(port)]
    # its own process group, so that a failing test can still stop the oxigraph child by group id
    proc = subprocess.Popen(cli, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        line = _read_line(proc.stdout, time.monotonic() + 120)
        assert line.strip() == f"SPARQL endpoint (read-only): http://127.0.0.1:{port}/query"
        url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
        assert json.loads(http(url, headers={"Accept": "application/sparql-results+json"})[1])["boolean"] is True
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
        assert remote.port_free("127.0.0.1", port), "the oxigraph child outlived diplograph serve"
    finally:
        if proc.poll() is None or not remote.port_free("127.0.0.1", port):
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_serve_missing_store_fails_before_starting(tmp_path):
    with pytest.raises(Exception, match="no SPARQL store"):
        remote.serve(tmp_path, "127.0.0.1", free_port())
