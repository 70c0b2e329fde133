"""Documents: bytes in, a :class:`Document` out (decoded text, metadata, publication date).

Stage contract: ``parse_document(raw, doc_id=...) -> Document`` is pure; ``read_document(path)``
reads the file and calls it. The text keeps every character of the input except that newlines
become ``\\n`` and a byte-order mark is dropped, so offsets into ``Document.text`` are stable.

Metadata (front matter, header lines, publication profiles, the date refined from the body) is
read by metadata.py; the caller's ``date``/``publication`` options win over it. Decoding: UTF-8,
a BOM'd UTF-16/32, else a legacy code page (cp1251 or cp1252, with a warning).
"""

from __future__ import annotations

import hashlib
import re
import stat
from pathlib import Path

from diplograph.graph.errors import InputError
from diplograph.graph.extract.metadata import (
    Profile,
    date_from,
    find_profile,
    load_profiles,
    read_metadata,
    refine_date,
    to_partial_date,
)
from diplograph.graph.iri import slug
from diplograph.graph.limits import MAX_BYTES
from diplograph.graph.model import Document, PartialDate

__all__ = ["MAX_BYTES", "Profile", "decode", "find_profile", "legacy_encoding", "load_profiles", "parse_document",
           "read_bytes", "read_document", "read_metadata", "refine_date", "to_partial_date"]

_MAGIC = (b"\x89PNG", b"%PDF-", b"PK\x03\x04", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b", b"\x7fELF")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def read_document(path: str | Path, *, date: str | None = None, publication: str | None = None,
                  max_bytes: int = MAX_BYTES) -> Document:
    """Read and decode one text file.

    Raises:
        InputError: Missing, unreadable, oversize, binary or empty file, or malformed metadata.
    """
    p = Path(path)
    try:
        raw = read_bytes(p, max_bytes)
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    return parse_document(raw, doc_id=slug(p.stem), path=str(p), date=date, publication=publication)


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``, read without blocking on FIFOs or devices.

    Raises:
        InputError: A folder, a FIFO or device, or a file over the limit (also one that grew while read).
        OSError: The file cannot be opened or read.
    """
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a folder, not a text file")
    if not stat.S_ISREG(info.st_mode):  # reading a FIFO or a terminal would wait forever
        raise InputError(f"{path}: not a regular file")
    if info.st_size > max_bytes:
        raise InputError(f"{path}: {info.st_size} bytes is over the limit of {max_bytes} (raise it with --max-bytes)")
    with path.open("rb") as fh:
        raw = fh.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise InputError(f"{path}: over the limit of {max_bytes} bytes (raise it with --max-bytes)")
    return raw


def parse_document(raw: bytes, *, doc_id: str, path: str | None = None, date: str | None = None,
                   publication: str | None = None) -> Document:
    """Decode ``raw`` and read its metadata (pure: no file access).

    Args:
        raw: The file's bytes.
        doc_id: Slug used to mint the document IRI.
        path: Shown in messages and kept on the document.
        date: Publication date given by the caller (``YYYY[-MM[-DD]]``); wins over the text's.
        publication: Publication name given by the caller; wins over the text's.
    """
    label = path or doc_id
    text, warnings = decode(raw, label)
    meta, body_start, unread = read_metadata(text, label)
    warnings += unread
    if publication:
        meta["publication"] = publication
    profile = find_profile(meta.get("publication"))
    doc_date = _caller_date(date, label) or date_from(meta, profile, label)
    if doc_date and doc_date.precision != "day" and not date:
        doc_date = refine_date(text, body_start, doc_date)
    return Document(id=doc_id, text=text, body_start=body_start, date=doc_date, title=meta.get("title"),
                    source=meta.get("source"), publication=profile.name if profile else meta.get("publication"),
                    url=meta.get("url"), path=path, sha256=hashlib.sha256(raw).hexdigest(),
                    warnings=tuple(warnings))


def decode(raw: bytes, label: str) -> tuple[str, list[str]]:
    """Bytes to text with ``\\n`` newlines; UTF-8 or a BOM'd UTF-16/32, else a legacy code page (warned).

    Raises:
        InputError: The bytes look binary, or hold only whitespace.
    """
    encoding = next((enc for bom, enc in _BOMS if raw.startswith(bom)), None)
    if encoding is None and (raw.startswith(_MAGIC) or b"\x00" in raw):
        raise InputError(f"{label}: looks binary, not text")
    warnings: list[str] = []
    try:
        text = raw.decode(encoding or "utf-8")
    except UnicodeDecodeError:
        if encoding:
            raise InputError(f"{label}: invalid {encoding} after its byte-order mark") from None
        encoding = legacy_encoding(raw)
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:  # a byte the code page leaves undefined: Latin-1 reads every byte
            encoding, text = "latin-1", raw.decode("latin-1")
        warnings.append(f"{label}: not UTF-8; decoded as {encoding}")
    # lstrip: a file saved twice with a BOM (or two files concatenated) starts with several marks.
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{label}: empty document")
    if len(_CONTROL.findall(text)) > 0.3 * len(text):
        raise InputError(f"{label}: looks binary, not text")
    return text, warnings


def legacy_encoding(raw: bytes) -> str:
    """Guess between Windows Cyrillic (cp1251) and Western (cp1252) for non-UTF-8 bytes.

    Read as cp1251, Cyrillic text forms whole words of Cyrillic letters, while Western accents
    turn into single Cyrillic letters inside Latin words ("Schrцder"): count which is more common.
    """
    words = re.findall(r"[^\W\d_]+", raw.decode("cp1251", errors="replace"))
    cyrillic = sum(len(w) >= 2 and all("\u0400" <= c <= "\u04ff" for c in w) for w in words)
    mixed = sum(any("\u0400" <= c <= "\u04ff" for c in w) and any(c.isascii() for c in w) for w in words)
    return "cp1251" if cyrillic > mixed else "cp1252"


def _caller_date(date: str | None, label: str) -> PartialDate | None:
    if not date:
        return None
    try:
        return PartialDate.parse(date)
    except (ValueError, TypeError):
        raise InputError(f"--date {date!r}: expected YYYY, YYYY-MM or YYYY-MM-DD") from None
