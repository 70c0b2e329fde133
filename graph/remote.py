"""SPARQL over the network: serve ``OUT/store`` read-only, or push its graphs to a triple store.

``start_server`` runs Oxigraph's own server (the ``oxigraph`` binary from PyPI) and returns once it
answers; ``diplograph serve`` uses it with ``serve-read-only`` on ``OUT/store`` (whose default graph
is the merge of the document graphs), so the endpoint answers exactly as ``diplograph query`` does
and refuses updates.

``push`` speaks the SPARQL 1.1 Graph Store HTTP Protocol: one ``PUT ?graph=IRI`` per named graph,
which replaces that graph, so pushing twice leaves the same data. Credentials come only from the
environment and are never printed; any refusal stops the push with a one-line :class:`RemoteError`.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from diplograph.graph.errors import RemoteError
from diplograph.graph.store import open_store, store_path

USER_VAR, PASSWORD_VAR, TOKEN_VAR = "DIPLOGRAPH_PUSH_USER", "DIPLOGRAPH_PUSH_PASSWORD", "DIPLOGRAPH_PUSH_TOKEN"
LOOPBACK = ("127.0.0.1", "::1", "localhost")


@dataclass(frozen=True)
class Server:
    """A running Oxigraph server: ``url`` is its base (``http://127.0.0.1:7878``)."""

    process: subprocess.Popen
    url: str

    @property
    def query_url(self) -> str:
        return self.url + "/query"

    def stop(self) -> None:
        """Terminate the server and wait for it (kill it if it lingers)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def oxigraph_binary() -> str:
    """The ``oxigraph`` server binary: next to this Python (its venv), else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() and os.access(beside, os.X_OK) else shutil.which("oxigraph")
    if not found:
        raise RemoteError("oxigraph server binary not found; install it with: pip install 'diplograph[serve]'")
    return found


def base_url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def start_server(args: list[str], host: str = "127.0.0.1", port: int = 7878, *, wait: float = 20.0) -> Server:
    """Start ``oxigraph ARGS --bind HOST:PORT`` and return once it answers HTTP.

    Raises:
        RemoteError: The server exited (port taken, store locked...) or did not answer in time.
    """
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    if not port_free(host, port):  # else the readiness poll would be answered by whoever holds the port
        raise RemoteError(f"{bind}: the address is in use (or not ours to bind); choose another --port")
    log = tempfile.TemporaryFile()
    process = subprocess.Popen([oxigraph_binary(), *args, "--bind", bind], stdout=log, stderr=log)
    server = Server(process, base_url(host, port))
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            lines = log.read().decode("utf-8", "replace").strip().splitlines() or [f"exit code {process.returncode}"]
            raise RemoteError(f"{bind}: oxigraph could not start: {lines[-1].strip()}")
        if _answers(server.url):
            return server
        time.sleep(0.05)
    server.stop()
    raise RemoteError(f"{bind}: oxigraph did not answer within {wait:g} s")


def port_free(host: str, port: int) -> bool:
    """True when nothing listens on ``host:port`` and we may bind it."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Oxigraph does: TIME_WAIT is no conflict
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # our own server: never via a proxy


def _answers(url: str) -> bool:
    try:
        with _DIRECT.open(url + "/query?query=ASK%7B%7D", timeout=1) as response:
            return response.status == 200
    except (OSError, urllib.error.URLError):
        return False


def serve(out_dir: str | Path, host: str = "127.0.0.1", port: int = 7878, timeout: int = 30) -> Server:
    """Serve ``OUT/store`` read-only over the SPARQL 1.1 Protocol (default graph: the merge of all graphs)."""
    open_store(out_dir)  # a clear error for a missing store, before any process starts
    args = ["serve-read-only", "--location", str(store_path(out_dir)), "--timeout-s", str(timeout)]
    return start_server(args, host, port)


def validate_endpoint(endpoint: str) -> str:
    """Check a Graph Store endpoint URL: http(s), a host, no credentials in it."""
    parts = urlsplit(endpoint.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        shown = re.sub(r"[^/@\s]*@", "***@", endpoint)  # never echo credentials written into the URL
        raise RemoteError(f"{shown}: the endpoint must be an http:// or https:// URL")
    if parts.username or parts.password:
        raise RemoteError(f"{parts.scheme}://{parts.hostname}: put credentials in ${USER_VAR} and "
                          f"${PASSWORD_VAR} (or ${TOKEN_VAR}), not in the URL")
    return endpoint.strip()


def auth_headers(environ: Mapping[str, str]) -> dict[str, str]:
    """An Authorization header from the environment: a bearer token, or user and password."""
    if environ.get(TOKEN_VAR):
        return {"Authorization": f"Bearer {environ[TOKEN_VAR]}"}
    user, password = environ.get(USER_VAR), environ.get(PASSWORD_VAR)
    if bool(user) != bool(password):
        raise RemoteError(f"set both ${USER_VAR} and ${PASSWORD_VAR}, or neither")
    if not user:
        return {}
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return {"Authorization": f"Basic {token}"}


def graph_payloads(store: ox.Store) -> list[tuple[str, bytes]]:
    """``(graph IRI, N-Triples)`` for every document's graph and the views graph, sorted by IRI; the default
    graph is their merge, not sent (the store keeps the views in its default graph only: store.views_triples)."""
    from diplograph.graph.merge import VIEWS_GRAPH
    from diplograph.graph.store import views_triples

    names = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    out = []
    for name in names:
        triples = sorted((q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(name))), key=str)
        out.append((name, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""))
    views = views_triples(store)
    if views and VIEWS_GRAPH not in names:
        out.append((VIEWS_GRAPH, ox.serialize(sorted(views, key=str), format=ox.RdfFormat.N_TRIPLES) or b""))
    return sorted(out)


def _put(url: str, body: bytes, headers: dict[str, str], timeout: float) -> None:
    request = urllib.request.Request(url, data=body, method="PUT",
                                     headers={"Content-Type": "application/n-triples", **headers})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        response.read()


def push(out_dir: str | Path, endpoint: str, *, environ: Mapping[str, str] = os.environ,
         timeout: float = 30.0) -> tuple[int, int]:
    """PUT every graph of ``OUT/store`` to a Graph Store endpoint; return (graphs, triples) pushed.

    Raises:
        RemoteError: Bad URL, unreachable endpoint, or an HTTP error; the message says how many
            graphs had been replaced before the failure.
    """
    url, headers = validate_endpoint(endpoint), auth_headers(environ)
    payloads = graph_payloads(open_store(out_dir))
    sep = "&" if urlsplit(url).query else "?"
    for done, (name, body) in enumerate(payloads):
        target = url + sep + f"graph={quote(name, safe='')}"
        try:
            _put(target, body, headers, timeout)
        except urllib.error.HTTPError as exc:
            raise RemoteError(f"{endpoint}: HTTP {exc.code} {exc.reason} for graph <{name}>"
                              f" ({done} of {len(payloads)} graphs pushed before the failure)") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise RemoteError(f"{endpoint}: cannot reach the endpoint ({getattr(reason, 'strerror', None) or reason})"
                              f" ({done} of {len(payloads)} graphs pushed before the failure)") from None
    return len(payloads), sum(body.count(b"\n") for _, body in payloads)
