"""Benchmark: how fast our HTML page draws in headless Chromium, against pyvis's own page.

Our page: 5,000 actors (and 1,000 for comparison), precomputed layout, physics off; measured from
navigation start to vis-network's first ``afterDrawing``. pyvis's page: the same nodes and edges
through ``pyvis.network.Network`` (vis-network inlined with ``cdn_resources="in_line"``, its
Bootstrap links blocked like every request), measured until its physics reports stabilized, with a
timeout. Prints medians.

Usage: python bench/html_bench.py [--nodes 5000] [--pyvis-nodes 1000] [--repeat 3] [--timeout 120]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright
from pyvis.network import Network

from diplograph.exports import html
from diplograph.exports.network import network
from diplograph.exports.sample import synthetic_dataset

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
COLORS = {t["name"]: t["color"] for t in html.TYPES}


def records(n: int) -> tuple[list[dict], list[dict]]:
    return network(synthetic_dataset(entities=n, events=int(n * 1.6), documents=4))


def pyvis_page(nodes: list[dict], edges: list[dict]) -> str:
    net = Network(height="750px", width="100%", directed=True, cdn_resources="in_line")
    for n in nodes:
        net.add_node(n["id"], label=n["label"], color=COLORS.get(n["type"], "#999"), title=n["type"])
    for e in edges:
        net.add_edge(e["source"], e["target"], title=e["relation"])
    return net.generate_html()


def open_timed(browser, path: Path, ready: str, timeout_s: float) -> float | None:
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.route("**/*", lambda r: r.continue_() if r.request.url == path.as_uri() else r.abort())
    try:
        page.goto(path.as_uri(), timeout=timeout_s * 1000)
        page.wait_for_function(ready, timeout=timeout_s * 1000, polling=50)
        return page.evaluate("(window.__diplographDrawn || performance.now())") / 1000
    except PlaywrightTimeout:
        return None
    finally:
        page.close()


def median_or_timeout(times: list[float | None], timeout_s: float) -> str:
    done = [t for t in times if t is not None]
    if len(done) < len(times):
        return f"> {timeout_s:.0f} s (timed out {len(times) - len(done)}/{len(times)})"
    return f"{statistics.median(done):.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--pyvis-nodes", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="diplograph-bench-"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for n in args.nodes:
            nodes, edges = records(n)
            start = time.perf_counter()
            text = html.render_network_page(nodes, edges, title=f"{n} actors")
            built = time.perf_counter() - start
            path = folder / f"ours-{n}.html"
            path.write_text(text, encoding="utf-8")
            ready = "document.documentElement.getAttribute('data-drawn') === 'true'"
            times = [open_timed(browser, path, ready, args.timeout) for _ in range(args.repeat)]
            print(f"ours   {len(nodes):>5} nodes {len(edges):>5} edges: drawn in {median_or_timeout(times, args.timeout)}"
                  f" (page built in {built:.1f} s, {len(text) / 1e6:.1f} MB)", flush=True)
        nodes, edges = records(args.pyvis_nodes)
        path = folder / f"pyvis-{args.pyvis_nodes}.html"
        path.write_text(pyvis_page(nodes, edges), encoding="utf-8")
        ready = "typeof network !== 'undefined' && network.physics && network.physics.stabilized === true"
        times = [open_timed(browser, path, ready, args.timeout) for _ in range(max(1, args.repeat // 3))]
        print(f"pyvis  {len(nodes):>5} nodes {len(edges):>5} edges: settled in {median_or_timeout(times, args.timeout)}",
              flush=True)
        browser.close()


if __name__ == "__main__":
    main()
