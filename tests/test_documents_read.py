"""Reading documents: decoding, metadata, publication profiles and dates, and the errors."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplograph.graph.errors import InputError
from diplograph.graph.extract.documents import load_profiles, parse_document, read_document
from diplograph.graph.model import PartialDate

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "monitor-8-7.txt"
BODY = "Envoys of Ruritania and Freedonia met in the capital (Agence Nord, March 3).\n"


def _doc(raw: bytes | str, **kwargs):
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    return parse_document(data, doc_id="t", path="t.txt", **kwargs)


def test_documents_example_header_profile_and_citation_date():
    doc = read_document(EXAMPLE)
    assert doc.id == "monitor-8-7"
    assert doc.publication == "Monitor"
    assert doc.date == PartialDate(2002, 1, 7)  # volume 8 -> 2002; "(Strana.ru, Interfax, January 7)"
    assert doc.text[doc.body_start:].startswith("With the U.S.-led war")
    assert doc.sha256 == hashlib.sha256(EXAMPLE.read_bytes()).hexdigest()
    assert doc.text == EXAMPLE.read_text(encoding="utf-8")  # every character kept: offsets are stable
    assert doc.warnings == () and doc.path == str(EXAMPLE)


def test_documents_front_matter():
    raw = "---\ntitle: Two envoys meet\ndate: 2003-03-04\nsource: Agence Nord\nurl: https://example.org/a\n" \
          "publication: Nord Weekly\nignored: 1\n---\n\n" + BODY
    doc = _doc(raw)
    assert (doc.title, doc.source, doc.url, doc.publication) == (
        "Two envoys meet", "Agence Nord", "https://example.org/a", "Nord Weekly")
    assert doc.date == PartialDate(2003, 3, 4)
    assert doc.text == raw and doc.text[doc.body_start:] == BODY


@pytest.mark.parametrize("value, iso", [("2003", "2003-03-03"), ('"2003-03"', "2003-03-03"), ('"2003-05"', "2003-05")])
def test_documents_front_matter_partial_date_refined_from_citation(value, iso):
    # the citation gives March 3: it refines 2003 and 2003-03; it does not fit May 2003
    assert _doc(f"---\ndate: {value}\n---\n{BODY}").date.iso() == iso


def test_documents_dateline_refines_year():
    doc = _doc("---\ndate: 2009\n---\nMOSCOW, June 14 (Nord News) - Leaders met on Sunday.\n")
    assert doc.date == PartialDate(2009, 6, 14)


def test_documents_year_end_citations_with_year_only():
    raw = ("Publication: Monitor Volume: 3 Issue: 4\n\n"
           "A statement (Agency, January 6). A review (Daily, December 31-January 1).\n")
    assert _doc(raw).date == PartialDate(1997, 1, 6)


def test_documents_profile_year_without_citation_stays_a_year():
    doc = _doc("Publication: Jamestown Monitor Volume: 7 Issue: 182\n\nThe president left yesterday.\n")
    assert (doc.publication, doc.date) == ("Monitor", PartialDate(2001))


def test_documents_header_lines_and_caller_options_win():
    raw = "Title: Talks resume\nDate: January 7, 2002\nSource: Agence Nord\n\n" + BODY
    doc = _doc(raw)
    assert (doc.title, doc.source, doc.date) == ("Talks resume", "Agence Nord", PartialDate(2002, 1, 7))
    assert doc.text[doc.body_start:] == BODY
    given_ = _doc(raw, date="2002-01", publication="Monitor")
    assert (given_.date, given_.publication) == (PartialDate(2002, 1), "Monitor")  # not refined: the caller said so


def test_documents_no_metadata():
    doc = _doc(BODY)
    assert (doc.date, doc.publication, doc.title, doc.body_start) == (None, None, None, 0)


def test_documents_newlines_normalised_other_characters_kept():
    doc = _doc("Line one\r\nline\u00a0two\rline three \u2013 \u201cquoted\u201d\n")
    assert doc.text == "Line one\nline\u00a0two\nline three \u2013 \u201cquoted\u201d\n"


def test_documents_utf8_bom_stripped():
    doc = _doc(b"\xef\xbb\xbf" + BODY.encode("utf-8"))
    assert doc.text == BODY and doc.warnings == ()


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_documents_utf16_with_bom(codec):
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
    raw = bom + ("Gerhard Schr\u00f6der \u043f\u0440\u0438\u0432\u0435\u0442\n" + BODY).encode(codec)
    doc = _doc(raw)
    assert doc.text.startswith("Gerhard Schr\u00f6der \u043f\u0440\u0438\u0432\u0435\u0442\n") and doc.warnings == ()


def test_documents_cp1251_decoded_with_warning():
    text = "Министр иностранных дел России встретился с коллегой в Пекине.\n"
    doc = _doc(text.encode("cp1251"))
    assert doc.text == text
    assert len(doc.warnings) == 1 and "cp1251" in doc.warnings[0] and "t.txt" in doc.warnings[0]


def test_documents_western_legacy_decoded_with_warning():
    text = "Chancellor Gerhard Schr\u00f6der met Fran\u00e7ois in K\u00f6ln \u2013 \u201ccordial\u201d talks.\n"
    doc = _doc(text.encode("cp1252"))
    assert doc.text == text and "cp1252" in doc.warnings[0]


@pytest.mark.parametrize("raw", [
    b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
    b"plain start\x00 then a NUL byte",
    bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 20 + b"some text",
])
def test_documents_binary_rejected(raw):
    with pytest.raises(InputError, match=r"t\.txt: looks binary, not text"):
        _doc(raw)


@pytest.mark.parametrize("raw", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf\n"])
def test_documents_empty_rejected(raw):
    with pytest.raises(InputError, match=r"t\.txt: empty document"):
        _doc(raw)


def test_documents_file_errors(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(BODY * 10)
    with pytest.raises(InputError, match=r"big\.txt: .*--max-bytes"):
        read_document(big, max_bytes=100)
    assert read_document(big).id == "big"
    with pytest.raises(InputError, match=r"missing\.txt"):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="folder"):
        read_document(tmp_path)


@pytest.mark.parametrize("raw, message", [
    ("---\ntitle: [unclosed\n---\n" + BODY, "not valid YAML"),
    ("---\ntitle: x\n" + BODY, "never closed"),
    ("---\n- a list\n---\n" + BODY, "mapping"),
    ("---\ndate: someday\n---\n" + BODY, "cannot read the date"),
    ("---\ntitle: \"a\x07bell\"\n---\n" + BODY, "not valid YAML"),  # a control character
    ("---\ntitle: !!python/object/apply:os.getcwd []\n---\n" + BODY, "not valid YAML"),  # no code runs
])
def test_documents_bad_front_matter_names_the_file(raw, message):
    with pytest.raises(InputError, match=rf"t\.txt: .*{message}"):
        _doc(raw)


def test_documents_front_matter_with_a_lone_surrogate_is_an_input_error():
    # only a str handed in by a caller can hold one (decoded bytes cannot); libyaml's parser fails to encode it
    from diplograph.graph.extract.metadata import read_metadata

    with pytest.raises(InputError, match=r"t\.txt: front matter is not valid YAML"):
        read_metadata('---\ntitle: "\ud800"\n---\n' + BODY, "t.txt")


def test_documents_unreadable_header_date_is_a_warning():
    doc = _doc("Date: the other day\n\n" + BODY)
    assert doc.date is None and "cannot read the date 'the other day'" in doc.warnings[0]


def test_documents_bad_caller_date():
    with pytest.raises(InputError, match="--date"):
        _doc(BODY, date="2002-13")


def test_documents_doc_id_is_slug_of_stem(tmp_path):
    path = tmp_path / "Monitor 8 (7).txt"
    path.write_text(BODY)
    assert read_document(path).id == "monitor-8-7"


def test_documents_profiles_are_well_formed():
    profiles = load_profiles()
    aliases = [a.lower() for p in profiles for a in {p.name, *p.aliases}]
    assert len(aliases) == len(set(aliases))  # an alias names one periodical
    assert {p.name for p in profiles} >= {"Monitor", "Eurasia Daily Monitor"}


@given(st.text(max_size=200))
def test_documents_text_kept_except_newlines(text):
    if not text.strip() or "\x00" in text or any(text.startswith(m) for m in ("---", "\ufeff")):
        return
    try:
        doc = _doc(text)
    except InputError:
        return  # control-character noise is rejected as binary; that is tested above
    assert doc.text == text.replace("\r\n", "\n").replace("\r", "\n")
    assert 0 <= doc.body_start <= len(doc.text)
