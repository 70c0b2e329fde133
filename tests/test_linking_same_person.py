"""A discovered name links to a gazetteer official spelled differently only when the given names are alike."""

from __future__ import annotations

import pytest

from diplograph.graph.extract import extract
from diplograph.graph.model import Document, PartialDate


def _officials(gaz, text: str) -> set[str]:
    ex = extract(Document(id="d", text=text, date=PartialDate(2005, 5, 1)), gaz)
    return {e.id for e in ex.entities if e.type == "Official"}


@pytest.mark.parametrize("text, official", [
    ("Turkmen President Saparpurat Niyazov met Russian President Vladimir Putin.", "saparmurat_niyazov"),
    ("Russian Foreign Minister Sergei Lavrov met the Chinese ambassador.", "sergey_lavrov"),
])
def test_linking_another_spelling_of_a_known_official(gaz, text, official):
    assert official in _officials(gaz, text)


def test_linking_same_surname_and_initial_is_not_the_same_person(gaz):
    # Jacqui Smith is in the gazetteer; a John Smith is somebody else, discovered under his own name
    found = _officials(gaz, "British Defence Secretary John Smith criticized Russia on Monday.")
    assert "jacqui_smith" not in found and "official/john-smith" in found
