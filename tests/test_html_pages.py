"""HTML pages opened in headless Chromium (Debian's, via Playwright) with every network request blocked."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from diplograph.exports import charts
from diplograph.exports import html as pages
from diplograph.exports.network import network
from diplograph.exports.sample import synthetic_dataset

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">'
HOSTILE_QUOTE = 'He said </script><script>window.__pwned=1</script> and left.'
STATES = {f"https://w3id.org/diplograph/id/state-{c}": n for c, n in (("a", "Aland"), ("b", "Borduria"),
                                                                     ("c", "Carpania"), ("d", HOSTILE_NAME))}


def dyad_rows() -> list[dict]:
    ids = sorted(STATES)
    rows = []
    for i, (a, b) in enumerate([(ids[0], ids[1]), (ids[0], ids[2]), (ids[1], ids[2]), (ids[2], ids[3])]):
        periods = [{"period": f"2002-Q{q}", "score": (q - 2) * 3.0 * (1 if i % 2 else -1), "sign": "+-0"[q % 3],
                    "count": q} for q in range(1, 5)]
        rows.append({"a": a, "b": b, "a_label": STATES[a], "b_label": STATES[b], "score": 2.5 - i * 2,
                     "sign": "+" if i < 2 else "-", "count": 4 + i, "periods": periods})
    return rows


def triangle_rows() -> list[dict]:
    ids = sorted(STATES)
    return [{"members": ids[:3], "labels": [STATES[i] for i in ids[:3]], "signs": ["+", "+", "-"], "cls": "romantic",
             "pivot": STATES[ids[0]], "balanced": False, "count": 11,
             "periods": [{"period": "2002-Q1", "cls": "romantic", "signs": ["+", "+", "-"]},
                         {"period": "2002-Q2", "cls": "menage", "signs": ["+", "+", "+"]}]},
            {"members": ids[1:], "labels": [STATES[i] for i in ids[1:]], "signs": ["-", "-", "-"], "cls": "unit_veto",
             "pivot": None, "balanced": None, "count": 3, "periods": []}]


@pytest.fixture(scope="module")
def dataset():
    return synthetic_dataset(entities=30, events=70, documents=2, names={0: HOSTILE_NAME, 5: "Zed </title> & Co"},
                             quotes={k: HOSTILE_QUOTE for k in range(70)})


@pytest.fixture(scope="module")
def generated(dataset, tmp_path_factory) -> dict[str, tuple[Path, int]]:
    folder = tmp_path_factory.mktemp("pages")
    nodes, edges = network(dataset)
    center = nodes[0]["id"]
    ego_nodes, _ = pages.ego_records(nodes, edges, center, 1)
    made = {
        "graph": (pages.render_graph_page(dataset, title=f"Graph of {HOSTILE_NAME}"), len(nodes)),
        "ego": (pages.render_ego_page(dataset, center), len(ego_nodes)),
        "dyads": (pages.render_dyads_page(dyad_rows(), title=HOSTILE_NAME), len(STATES)),
        "triangle": (pages.render_triangle_page(triangle_rows()), len(STATES)),
    }
    out = {}
    for name, (text, count) in made.items():
        path = folder / f"{name}.html"
        path.write_text(text, encoding="utf-8")
        out[name] = (path, count)
    return out


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser, path: Path) -> tuple[object, dict]:
    """Open a page with the network blocked; returns the page and what it tried and logged."""
    page = browser.new_page()
    seen = {"errors": [], "requests": []}
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))

    def route(r):
        if r.request.url == path.as_uri():
            r.continue_()
        else:
            seen["requests"].append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_function("document.documentElement.getAttribute('data-drawn') === 'true'", timeout=30_000)
    return page, seen


def hover_node(page, node_id: str) -> None:
    """Move the mouse over a node and wait for our tooltip."""
    xy = page.evaluate("""(id) => { const d = window.diplograph.network;
        d.focus(id, {scale: 1.5, animation: false}); const p = d.canvasToDOM(d.getPosition(id));
        const r = document.getElementById('network').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }""", node_id)
    page.mouse.move(xy[0] + 40, xy[1] + 40)
    page.mouse.move(*xy)
    page.wait_for_selector("#tip:not([hidden])", timeout=5_000)


def test_html_static_page_has_no_remote_reference(generated):
    for path, _ in generated.values():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text, re.I)
        assert "cdn" not in text.lower().replace("cdnjs", "")[:3000]
        assert text.count("</script>") == 3 and "Content-Security-Policy" in text


def test_html_embedded_json_escaped(generated):
    text = generated["graph"][0].read_text(encoding="utf-8")
    block = text.split('id="diplograph-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "&" not in block
    data = json.loads(block)
    assert any(n["label"] == HOSTILE_NAME for n in data["nodes"])
    assert any(x["quote"] == HOSTILE_QUOTE for e in data["edges"] for x in e["evidence"])


@pytest.mark.browser
@pytest.mark.parametrize("name", ["graph", "ego", "dyads", "triangle"])
def test_html_page_draws_offline(browser, generated, name):
    path, count = generated[name]
    page, seen = open_page(browser, path)
    try:
        assert seen["errors"] == [] and seen["requests"] == []
        assert page.evaluate("window.diplograph.nodes.length") == count
        assert page.evaluate("window.diplograph.network.body.data.nodes.length") == count
        assert page.evaluate("document.querySelectorAll('#network canvas').length") == 1
        drawn = page.evaluate("""() => { const c = document.querySelector('#network canvas');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i]) n++; } return n; }""")
        assert drawn > 500
        legend = page.locator("#legend-nodes .legend-item")
        assert legend.count() >= 1 and page.locator("#legend-edges .legend-item").count() == 3
    finally:
        page.close()


@pytest.mark.browser
def test_html_hostile_text_stays_text(browser, generated):
    for name in ("graph", "dyads", "triangle"):
        page, seen = open_page(browser, generated[name][0])
        try:
            assert page.evaluate("typeof window.__pwned") == "undefined"
            assert page.locator("img").count() == 0 and seen["errors"] == []
            if name == "dyads":
                assert HOSTILE_NAME in page.locator("h1").inner_text()
                assert HOSTILE_NAME in page.locator("#dyads").inner_text()
            if name == "graph":
                assert HOSTILE_NAME in page.title()
                options = page.evaluate("Array.from(document.querySelectorAll('#names option')).map(o => o.value)")
                assert HOSTILE_NAME in options
                tip = page.evaluate("""() => { const d = window.diplograph;
                    const i = d.data.edges.findIndex(e => e.evidence.some(x => x.quote.includes('__pwned')));
                    const el = d.edgeTip('e' + i); const box = document.getElementById('tip');
                    box.replaceChildren(el); box.hidden = false; return el.textContent; }""")
                assert "</script><script>window.__pwned=1</script>" in tip
                hover_node(page, next(n["id"] for n in page.evaluate("window.diplograph.data.nodes")
                                      if n["label"] == HOSTILE_NAME))
                assert HOSTILE_NAME in page.locator("#tip").inner_text()
            assert page.locator("img").count() == 0
            assert page.evaluate("typeof window.__pwned") == "undefined"
        finally:
            page.close()


@pytest.mark.browser
def test_html_filters_and_search(browser, generated):
    page, _ = open_page(browser, generated["graph"][0])
    try:
        total = page.evaluate("window.diplograph.shown.nodes")
        states = page.evaluate("window.diplograph.data.nodes.filter(n => n.type === 'State').length")
        page.locator("#legend-nodes input[value='State']").uncheck()
        assert page.evaluate("window.diplograph.shown.nodes") == total - states
        edges = page.evaluate("window.diplograph.shown.edges")
        page.locator("#date-from").fill("2001")
        assert 0 < page.evaluate("window.diplograph.shown.edges") < edges
        page.locator("#search").fill("Actor 1")
        page.locator("#search-form button").click()
        assert re.match(r"\d+ found", page.locator("#search-result").inner_text())
        assert len(page.evaluate("window.diplograph.network.getSelectedNodes()")) >= 1
    finally:
        page.close()


def test_html_two_renders_identical(dataset):
    assert pages.render_graph_page(dataset, title="x") == pages.render_graph_page(dataset, title="x")
    assert pages.render_dyads_page(dyad_rows()) == pages.render_dyads_page(dyad_rows())


def test_html_dyads_charts_and_triangle_classes(generated):
    dyads = generated["dyads"][0].read_text(encoding="utf-8")
    assert dyads.count('<svg class="chart"') == 4 and "2002-Q3: score" in dyads
    assert "&lt;img src=x" in dyads and HOSTILE_NAME not in dyads.split("<script")[0]
    tri = generated["triangle"][0].read_text(encoding="utf-8")
    assert "2002-Q2 menage" in tri and "romantic" in tri and "unit_veto" in tri


def test_html_rows_from_views_records():
    views = pytest.importorskip("diplograph.graph.views")
    d = views.Dyad("a", "b", None, 2, 6.0, 3.0, "+")
    rows = charts.dyad_rows({("a", "b"): d}, {"2002-Q1": {("a", "b"): d}}, {"a": "A", "b": "B"})
    assert rows[0]["periods"] == [{"period": "2002-Q1", "score": 3.0, "sign": "+", "count": 2}]


@pytest.mark.browser
@pytest.mark.slow
def test_html_pipeline_example_pages_draw(browser, tmp_path):
    pipeline = pytest.importorskip("diplograph.graph.pipeline")
    from diplograph.exports.viewpages import view_pages

    ds = pipeline.build_dataset([Path(__file__).parents[1] / "examples" / "monitor-8-7.txt"]).dataset
    made = {"graph.html": pages.render_graph_page(ds), **view_pages(ds)}
    assert made == {"graph.html": pages.render_graph_page(ds), **view_pages(ds)}
    for name, text in made.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        page, seen = open_page(browser, path)
        try:
            assert seen == {"errors": [], "requests": []}
            count = page.evaluate("window.diplograph.nodes.length")
            assert count == len(json.loads(text.split('id="diplograph-data">')[1].split("</script>")[0])["nodes"])
            assert count >= (3 if name != "graph.html" else 8)
            labels = page.evaluate("window.diplograph.nodes.get().map(n => n.label)")
            assert {"Russia", "China"} <= set(labels)
        finally:
            page.close()


@pytest.mark.browser
@pytest.mark.slow
def test_html_corpus_page_from_views_draws(browser, tmp_path, monkeypatch):
    """A build too large for an rdflib Dataset draws graph.html from the views' graph: same entities."""
    pipeline = pytest.importorskip("diplograph.graph.pipeline")
    from diplograph.exports.network import network_from_views
    from diplograph.graph import outputs

    example = Path(__file__).parents[1] / "examples" / "monitor-8-7.txt"
    monkeypatch.setattr(outputs, "HTML_DATASET_LIMIT", 0)
    result = pipeline.build([example], tmp_path / "out", store=False)
    nodes, edges = network_from_views(result.views)
    full_nodes, _ = network(result.dataset)
    assert {n["id"] for n in nodes} == {n["id"] for n in full_nodes}
    assert edges and all(len(e["evidence"]) <= 5 for e in edges)
    page, seen = open_page(browser, tmp_path / "out" / "graph.html")
    try:
        assert seen == {"errors": [], "requests": []}
        assert page.evaluate("window.diplograph.nodes.length") == len(nodes)
        assert {"Russia", "China"} <= set(page.evaluate("window.diplograph.nodes.get().map(n => n.label)"))
    finally:
        page.close()
