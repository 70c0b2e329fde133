"""Classic XSS payloads as entity names, quotes and the page title, opened in headless Chromium.

Each payload, if it ever ran, would set ``window.__pwned``; the page must leave it undefined and show
every payload as plain text (in the name list, the tooltips and the title).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.exports import html as pages
from diplograph.exports.sample import synthetic_dataset

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "<svg onload=window.__pwned=1>",
    '"><script>window.__pwned=1</script>',
    "'><img src=x onerror=window.__pwned=1>",
    "</script><script>window.__pwned=1</script>",
    "<!--<script>window.__pwned=1</script>-->",
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    "javascript:window.__pwned=1",
    "<body onload=window.__pwned=1>",
    "<details open ontoggle=window.__pwned=1>",
    "<input autofocus onfocus=window.__pwned=1>",
    '<a href="javascript:window.__pwned=1">click</a>',
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>",
    "<style>@import 'javascript:window.__pwned=1'</style>",
    "${window.__pwned=1}",
    "{{constructor.constructor('window.__pwned=1')()}}",
    "<scr<script>ipt>window.__pwned=1</scr</script>ipt>",
    "<IMG SRC=x oNeRrOr=window.__pwned=1>",
    '<video><source onerror="window.__pwned=1"></video>',
    '<object data="javascript:window.__pwned=1"></object>',
    "\u2028</script><script>window.__pwned=1</script>",
    "<marquee onstart=window.__pwned=1>x</marquee>",
    '<base href="javascript:window.__pwned=1//">',
    "&lt;script&gt;window.__pwned=1&lt;/script&gt;",
    '"]);window.__pwned=1;//',
    "</title><script>window.__pwned=1</script>",
    "<![CDATA[<script>window.__pwned=1</script>]]>",
]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def page_path(tmp_path_factory) -> Path:
    n = len(PAYLOADS)
    ds = synthetic_dataset(entities=n + 4, events=2 * n, documents=2, names=dict(enumerate(PAYLOADS)),
                           quotes={k: PAYLOADS[k % n] for k in range(2 * n)})
    path = tmp_path_factory.mktemp("xss") / "graph.html"
    path.write_text(pages.render_graph_page(ds, title=PAYLOADS[0] + PAYLOADS[26]), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def page(page_path):
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page()
        seen = {"errors": [], "requests": [], "dialogs": []}
        pg.on("pageerror", lambda e: seen["errors"].append(str(e)))
        pg.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))

        def route(r):
            if r.request.url == page_path.as_uri():
                r.continue_()
            else:  # the network is blocked: a request is a payload reaching for something
                seen["requests"].append(r.request.url)
                r.abort()

        pg.route("**/*", route)
        pg.goto(page_path.as_uri())
        pg.wait_for_function("document.documentElement.getAttribute('data-drawn') === 'true'", timeout=60_000)
        pg.seen = seen
        yield pg
        browser.close()


@pytest.mark.browser
def test_hardening_xss_nothing_executes(page):
    page.wait_for_timeout(300)  # let onload/onfocus/ontoggle handlers fire if any were created
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.seen == {"errors": [], "requests": [], "dialogs": []}
    assert page.evaluate("document.querySelectorAll('#network ~ * img, body img, iframe, svg, object, video').length") == 0
    assert page.evaluate("document.scripts.length") == 3  # only our own scripts (data, library, app)


@pytest.mark.browser
def test_hardening_xss_names_show_as_text(page):
    options = page.evaluate("Array.from(document.querySelectorAll('#names option')).map(o => o.value)")
    tips = page.evaluate("""() => window.diplograph.data.nodes.map(n => window.diplograph.nodeTip(n.id).textContent)""")
    for payload in PAYLOADS:
        assert flat(payload) in {flat(o) for o in options}, payload
        assert any(payload in tip for tip in tips), payload
    assert page.title() == PAYLOADS[0] + PAYLOADS[26]


@pytest.mark.browser
def test_hardening_xss_quotes_show_as_text(page):
    tips = page.evaluate("""() => window.diplograph.data.edges.map((e, i) =>
        window.diplograph.edgeTip('e' + i).textContent)""")
    shown = "\n".join(tips)
    for payload in PAYLOADS:
        assert payload in shown, payload
    assert page.evaluate("typeof window.__pwned") == "undefined"
