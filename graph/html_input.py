"""HTML pages as documents: a web page in, the article's text (with its metadata as front matter) out.

The page is reduced to its main text by trafilatura (boilerplate such as menus, footers and comments
is dropped); the title, publication date and address it reads are written as YAML front matter above
the text, and that whole string becomes ``Document.text``, so every offset indexes the extracted text.
``Document.sha256`` stays the hash of the page's own bytes.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from diplograph.graph.errors import InputError
from diplograph.graph.iri import slug
from diplograph.graph.limits import MAX_BYTES
from diplograph.graph.model import Document

HTML_SUFFIXES = (".html", ".htm")
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@lru_cache(maxsize=1)
def reader_version() -> str:
    """The HTML reader and its version; part of the cache key, since a new reader may read pages differently."""
    return f"trafilatura-{version('trafilatura')}"


def is_html(path: str | Path) -> bool:
    return Path(path).suffix.lower() in HTML_SUFFIXES


def _paragraphs(text: str, title: str | None) -> str:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and title and lines[0] == title.strip():
        lines = lines[1:]  # the headline is in the front matter already
    return "\n\n".join(lines)


def _front_matter(meta: dict) -> str:
    import yaml

    kept = {k: v for k, v in meta.items() if v}
    if not kept:
        return ""
    return "---\n" + yaml.safe_dump(kept, allow_unicode=True, sort_keys=True, width=10_000) + "---\n\n"


def html_to_text(raw: bytes, label: str) -> str:
    """The article text of an HTML page, preceded by front matter (title, date, url) when the page gives them.

    Raises:
        InputError: The page holds no readable text.

    Example:
        >>> page = b"<html><head><title>T</title></head><body><p>Ivanov met Tang in Beijing today.</p></body></html>"
        >>> html_to_text(page, "page.html").endswith("Ivanov met Tang in Beijing today.\\n")
        True
    """
    import trafilatura
    from diplograph.graph.extract.documents import decode

    markup, _ = decode(raw, label)
    found = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False, include_tables=False,
                                        deduplicate=False, date_extraction_params=_DATE_PARAMS)
    title = getattr(found, "title", None) if found else None
    body = _paragraphs(found.text or "", title) if found else ""
    if not body.strip():
        body = _paragraphs(trafilatura.html2txt(markup) or "", None)
    if not body.strip():
        raise InputError(f"{label}: no readable text in this HTML page")
    meta = {"title": title, "date": getattr(found, "date", None), "url": getattr(found, "url", None)} if found else {}
    return _front_matter(meta) + body + "\n"


def parse_html_document(raw: bytes, *, doc_id: str, path: str | None = None, date: str | None = None,
                        publication: str | None = None) -> Document:
    """An HTML page's bytes as a Document (pure: no file access)."""
    import hashlib

    from diplograph.graph.extract.documents import parse_document

    text = html_to_text(raw, path or doc_id)
    doc = parse_document(text.encode("utf-8"), doc_id=doc_id, path=path, date=date, publication=publication)
    return replace(doc, sha256=hashlib.sha256(raw).hexdigest())


def read_html_document(path: str | Path, *, date: str | None = None, publication: str | None = None) -> Document:
    """Read one HTML page from disk.

    Raises:
        InputError: Missing, unreadable, oversize or empty page.
    """
    p = Path(path)
    try:
        if p.stat().st_size > MAX_BYTES:
            raise InputError(f"{p}: over the limit of {MAX_BYTES} bytes")
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    return parse_html_document(raw, doc_id=slug(p.stem), path=str(p), date=date, publication=publication)
