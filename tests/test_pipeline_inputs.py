"""Inputs: folders, glob patterns, and HTML pages reduced to their article text."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.graph.errors import InputError
from diplograph.graph.html_input import html_to_text, parse_html_document
from diplograph.graph.pipeline import build_dataset, expand_paths

PAGE = """<!doctype html>
<html><head><title>Ministers meet | The Daily Desk</title>
<meta property="article:published_time" content="2001-05-14T09:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Ivanov and Tang meet in Moscow</h1>
<p>Russian Foreign Minister Igor Ivanov met Chinese Foreign Minister Tang Jiaxuan in Moscow on Monday.</p>
<p>Ivanov criticized NATO for its plans to expand eastward, and said Moscow and Beijing would act together.</p>
</article>
<footer>Copyright The Daily Desk. Subscribe to our newsletter.</footer></body></html>
"""


def test_html_page_reduced_to_article_text():
    text = html_to_text(PAGE.encode(), "page.html")
    assert text.startswith("---\n") and "date: '2001-05-14'" in text
    assert "Igor Ivanov met Chinese Foreign Minister Tang Jiaxuan" in text
    assert "Subscribe" not in text and "Sport" not in text


def test_html_document_offsets_index_the_extracted_text():
    from diplograph.graph.extract import extract
    from diplograph.ontology import gazetteer

    doc = parse_html_document(PAGE.encode(), doc_id="page", path="page.html")
    assert doc.date.iso() == "2001-05-14" and doc.title == "Ivanov and Tang meet in Moscow"
    ex = extract(doc, gazetteer.load())
    assert {"igor_ivanov", "tang_jiaxuan"} <= {m.entity_id for m in ex.mentions}
    for m in ex.mentions:
        assert doc.text[m.start:m.end] == m.text
    for ev in ex.events:
        assert doc.text[ev.evidence.start:ev.evidence.end] == ev.evidence.quote


def test_html_page_without_text_is_an_input_error():
    with pytest.raises(InputError, match="empty.html"):
        html_to_text(b"<html><body><nav></nav></body></html>", "empty.html")


@pytest.fixture
def mixed(tmp_path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "sub" / "note.md").write_text("Putin met Schroeder in Berlin.\n", encoding="utf-8")
    (folder / "sub" / "brief.txt").write_text("Chirac criticized the United States.\n", encoding="utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return folder


def test_folder_takes_text_markdown_and_html(mixed):
    names = [p.name for p in expand_paths([mixed])]
    assert names == ["page.html", "brief.txt", "note.md"]


def test_glob_pattern_selects_files(mixed):
    assert [p.name for p in expand_paths([str(mixed / "**" / "*.txt")])] == ["brief.txt"]
    assert [p.name for p in expand_paths([str(mixed / "*.htm*")])] == ["page.html"]
    with pytest.raises(InputError, match="nothing-"):
        expand_paths([str(mixed / "nothing-*.txt")])


def test_build_over_folder_with_html(mixed):
    result = build_dataset([mixed])
    assert result.documents == ["brief", "note", "page"]
    assert result.failures == []
    quotes = {str(o) for o in result.dataset.objects(None, None) if "Tang Jiaxuan in Moscow" in str(o)}
    assert quotes, "evidence quoted from the HTML page's text"
