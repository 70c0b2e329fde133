"""Joining named by a noun after an aspiration or a stance is not a state joining (a forecast, no fact)."""

from __future__ import annotations

import pytest

from diplograph.graph.extract import extract
from diplograph.graph.model import Document, PartialDate


def _joins(gaz, text: str) -> set[tuple[str, str]]:
    ex = extract(Document(id="d", text=text, date=PartialDate(2008, 5, 1)), gaz)
    return {(f.s, f.o) for f in ex.facts if f.p == "joins"}


@pytest.mark.parametrize("text", [
    "Russia voiced opposition to Georgia's membership in NATO.",
    "Russia opposes Ukraine's membership in NATO.",
    "Georgia's bid for membership in NATO angered Moscow.",
    "The United States supports Georgia's eventual membership in NATO.",
])
def test_membership_sought_or_opposed_is_no_joining(gaz, text):
    assert _joins(gaz, text) == set()


@pytest.mark.parametrize("text, pair", [
    ("Poland's membership in NATO began in 1999.", ("poland", "nato")),
    ("Croatia completed its accession to the European Union in 2013.", ("croatia", "eu")),
    ("Estonia joined NATO in 2004.", ("estonia", "nato")),
])
def test_membership_that_happened_is_joining(gaz, text, pair):
    assert pair in _joins(gaz, text)
