"""Surname-only mentions: a gazetteer official's surname inside a longer capitalised name (a place,
someone else's name) or used as a date is not that official; alone, or after the full name, it is.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from diplograph.graph.extract import extract
from diplograph.graph.extract.surnames import fits_name
from diplograph.graph.model import Document, PartialDate


def run(text: str, gaz, on: str = "2005-03-01"):
    return extract(Document(id="t", text=text, date=PartialDate.parse(on)), gaz)


def linked(x, eid: str) -> list[str]:
    """The surface texts of the mentions linked to ``eid``, in text order."""
    return [m.text for m in x.mentions if m.entity_id == eid]


@pytest.mark.parametrize("text", [
    "Crowds gathered in Hong Kong on Sunday to protest.",
    "Hong Kong officials said the border would stay open.",
    "The ferry from Macau reached Hong Kong late at night.",
])
def test_extract_surnames_place_name_is_not_official(gaz, text):
    x = run(text, gaz)
    assert linked(x, "kong_quan") == []
    assert "kong_quan" not in {e.id for e in x.entities}
    assert all(m.entity_id != "kong_quan" for m in x.unresolved)


def test_extract_surnames_bare_surname_after_full_name_still_links(gaz):
    x = run("Chinese Foreign Ministry spokesman Kong Quan spoke on Monday. Asked about the vote in "
            "Hong Kong, Kong said Beijing would wait. Yesterday Kong added nothing.", gaz)
    assert linked(x, "kong_quan") == ["Kong Quan", "Kong", "Kong"]
    spans = [(m.start, m.end) for m in x.mentions if m.entity_id == "kong_quan"]
    hong_kong = x.document.text.index("Hong Kong")
    assert all(not (hong_kong <= a < hong_kong + 9) for a, _ in spans)


def test_extract_surnames_another_persons_name_is_not_official(gaz):
    x = run("Police in Zambia arrested Haroon Rashid Aswad on Sunday.", gaz, "2006-08-01")
    assert linked(x, "abdul_latif_rashid") == []


def test_extract_surnames_title_word_before_a_name_is_a_title(gaz):
    x = run("King Hassan of Morocco received the envoy.", gaz, "1990-01-10")
    assert linked(x, "tom_king") == []
    hassan = next(m for m in x.mentions if m.text == "Hassan")
    assert hassan.role == "King" and hassan.state == "morocco"


@pytest.mark.parametrize("text", [
    "President Bush spoke to reporters.",
    "Mr. Bush spoke to reporters.",
    "Bush Monday spoke to reporters.",
    "Yesterday Bush spoke to reporters.",
    "George Bush spoke to reporters.",
])
def test_extract_surnames_titles_honorifics_weekdays_and_openers_keep_the_link(gaz, text):
    x = run(text, gaz, "2006-03-01")
    assert linked(x, "george_w_bush") == ["Bush"]


def test_extract_surnames_own_name_spelt_differently_keeps_the_link(gaz):
    x = run("Sergei Lavrov flew to Paris.", gaz, "2006-03-01")
    assert linked(x, "sergey_lavrov")


def test_extract_surnames_month_is_a_date_not_the_official(gaz):
    x = run("The summit opens on 1 May. In May the ministers meet again. Prime Minister May said she "
            "was pleased. May said later that talks would go on.", gaz, "2017-03-01")
    mays = [(x.document.text[m.start - 3:m.start], m.text) for m in x.mentions if m.entity_id == "theresa_may"]
    assert [t for _, t in mays] == ["May", "May"]
    assert all(before.strip() not in ("1", "In") for before, _ in mays)


def test_extract_surnames_month_after_full_name_is_still_a_date(gaz):
    x = run("Theresa May spoke in London. She returns in May, her aides said.", gaz, "2017-03-01")
    assert linked(x, "theresa_may") == ["Theresa May"]


@pytest.mark.parametrize("others, names, fits", [
    ([], ["Kong Quan"], True),
    (["Hong"], ["Kong Quan"], False),
    (["Vladimir", "V."], ["Vladimir Putin"], True),
    (["Sergei"], ["Sergey Lavrov"], True),
    (["Omar", "Hassan", "al"], ["Omar Hassan Ahmad al-Bashir"], True),
    (["Abdullah", "II"], ["Tom King"], False),
    (["Gun"], ["Li Peng"], False),
])
def test_extract_surnames_fits_name(others, names, fits):
    assert fits_name(others, names) is fits
