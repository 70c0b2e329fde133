"""``diplograph push`` against real Oxigraph servers on loopback (Graph Store HTTP Protocol)."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner
from test_store_sample import build_sample

from diplograph.graph import remote
from diplograph.graph.cli import main
from diplograph.graph.errors import RemoteError
from diplograph.graph.merge import VIEWS_GRAPH
from diplograph.graph.store import open_store, views_triples

COUNT = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp("sample-out"))


@pytest.fixture
def writable():
    """A fresh in-memory, writable Oxigraph server."""
    running = remote.start_server(["serve"], "127.0.0.1", free_port())
    yield running
    running.stop()


def counts(server) -> dict[str, int]:
    url = server.query_url + "?" + urllib.parse.urlencode({"query": COUNT})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        rows = json.loads(response.read())["results"]["bindings"]
    return {r["g"]["value"]: int(r["n"]["value"]) for r in rows}


def push(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, ["push", *map(str, args)], env=env)


def expected_counts(out) -> dict[str, int]:
    """Each document graph's triples, and the views graph's (kept in the store's default graph only)."""
    store = open_store(out)
    counts = {g.value: len({q.triple for q in store.quads_for_pattern(None, None, None, g)})
              for g in store.named_graphs()}
    return {**counts, VIEWS_GRAPH: len(views_triples(store))}


@pytest.mark.server
def test_push_twice_leaves_the_same_triples(out, writable):
    first = push(out, "--endpoint", writable.url + "/store")
    assert first.exit_code == 0, first.output
    after_one = counts(writable)
    assert after_one == expected_counts(out) and len(after_one) == 3
    assert first.output == f"pushed 3 graphs ({sum(after_one.values())} triples) to {writable.url}/store\n"
    second = push(out, "--endpoint", writable.url + "/store")
    assert second.exit_code == 0 and counts(writable) == after_one


@pytest.mark.server
def test_push_replaces_a_graph_that_changed_on_the_server(out, writable):
    assert push(out, "--endpoint", writable.url + "/store").exit_code == 0
    update = urllib.request.Request(writable.url + "/update", method="POST",
                                    data=b"INSERT DATA { GRAPH <https://w3id.org/diplograph/id/doc/jan> { <urn:x> <urn:y> 1 } }",
                                    headers={"Content-Type": "application/sparql-update"})
    urllib.request.urlopen(update, timeout=10).read()
    assert counts(writable) != expected_counts(out)
    assert push(out, "--endpoint", writable.url + "/store").exit_code == 0
    assert counts(writable) == expected_counts(out)


def test_push_to_a_closed_port_fails_clearly(out):
    endpoint = f"http://127.0.0.1:{free_port()}/store"
    result = push(out, "--endpoint", endpoint, env={"DIPLOGRAPH_PUSH_USER": "ana", "DIPLOGRAPH_PUSH_PASSWORD": "s3cret-pw"})
    assert result.exit_code == 6
    assert result.output.startswith(f"diplograph: error: {endpoint}: cannot reach the endpoint")
    assert "0 of 3 graphs pushed" in result.output and len(result.output.strip().splitlines()) == 1
    assert "pushed 3" not in result.output and "s3cret-pw" not in result.output


@pytest.mark.server
def test_push_refused_by_a_read_only_server_reports_the_http_error(out):
    server = remote.serve(out, "127.0.0.1", free_port())
    try:
        result = push(out, "--endpoint", server.url + "/store")
    finally:
        server.stop()
    assert result.exit_code == 6
    assert f"{server.url}/store: HTTP 403 Forbidden for graph <https://w3id.org/diplograph/id/doc/jan>" in result.output
    assert "pushed 3" not in result.output


@pytest.mark.parametrize(("endpoint", "message"), [
    ("ftp://example.org/store", "must be an http:// or https:// URL"),
    ("localhost:7878/store", "must be an http:// or https:// URL"),
    ("http://ana:s3cret-pw@127.0.0.1:1/store", "put credentials in $DIPLOGRAPH_PUSH_USER"),
])
def test_push_validates_the_endpoint_url_without_echoing_secrets(out, endpoint, message):
    result = push(out, "--endpoint", endpoint)
    assert result.exit_code == 6 and message in result.output and "s3cret-pw" not in result.output


def test_push_auth_headers_come_from_the_environment():
    assert remote.auth_headers({}) == {}
    assert remote.auth_headers({"DIPLOGRAPH_PUSH_TOKEN": "tok"}) == {"Authorization": "Bearer tok"}
    basic = remote.auth_headers({"DIPLOGRAPH_PUSH_USER": "ana", "DIPLOGRAPH_PUSH_PASSWORD": "pw"})
    assert basic == {"Authorization": "Basic YW5hOnB3"}
    with pytest.raises(RemoteError, match="set both"):
        remote.auth_headers({"DIPLOGRAPH_PUSH_USER": "ana"})


class _Refuse(BaseHTTPRequestHandler):
    """Records what a client sends and answers 401, as a store with the wrong password would."""

    seen: list[tuple[str, str, str]] = []

    def do_PUT(self):  # noqa: N802 (http.server naming)
        self.rfile.read(int(self.headers["Content-Length"]))
        _Refuse.seen.append((self.path, self.headers["Content-Type"], self.headers.get("Authorization", "")))
        self.send_response(401, "Unauthorized")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_push_sends_credentials_from_the_environment_and_reports_401(out):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Refuse)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    endpoint = f"http://127.0.0.1:{httpd.server_address[1]}/ds/data"
    try:
        result = push(out, "--endpoint", endpoint, env={"DIPLOGRAPH_PUSH_TOKEN": "tok-123"})
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert _Refuse.seen == [("/ds/data?graph=https%3A%2F%2Fw3id.org%2Fdiplograph%2Fid%2Fdoc%2Fjan",
                             "application/n-triples", "Bearer tok-123")]
    assert result.exit_code == 6 and "HTTP 401 Unauthorized" in result.output and "tok-123" not in result.output
