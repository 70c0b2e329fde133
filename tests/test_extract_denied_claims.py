"""An act inside a claim someone denies ("denied accusations that it supports X") is negated: no fact."""

from __future__ import annotations

import pytest

from diplograph.graph.extract import extract
from diplograph.graph.model import Document, PartialDate


def _read(gaz, text: str):
    return extract(Document(id="d", text=text, date=PartialDate(2008, 5, 1)), gaz)


@pytest.mark.parametrize("text, kind, denier, relation", [
    ("Syria denied Israeli accusations that it supports Hezbollah.", "SUPPORT", "syria", "supports"),
    ("Iran rejected claims that it had attacked Iraq.", "ASSAULT", "iran", "criticizes"),
    ("Iran denied that it had attacked Iraq.", "ASSAULT", "iran", "criticizes"),
])
def test_denied_claim_is_negated_and_asserts_nothing(gaz, text, kind, denier, relation):
    # The denied act asserts nothing; the accusation itself may (Israel criticizes Syria).
    ex = _read(gaz, text)
    assert [e.negated for e in ex.events if e.event_type == kind] == [True]
    assert not [f for f in ex.facts if f.s == denier and f.p == relation]


def test_said_that_still_reports_the_act(gaz):
    ex = _read(gaz, "Russia said that it supports Serbia.")
    assert ("russia", "supports", "serbia") in {(f.s, f.p, f.o) for f in ex.facts}
