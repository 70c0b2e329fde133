"""Session 10, last split: linking.py, mentions.py and dates.py cut into modules of one purpose, and an
agreement's venue ("agreed in Vienna") never read as its target (targets.at_venue).

Sentences are our own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.graph.extract import affiliation, date_resolvers, dates, linking, people, resolve
from diplograph.graph.model import PartialDate
from extract_helpers import read, triples

EXTRACT = Path(__file__).resolve().parents[1] / "graph" / "extract"


@pytest.mark.parametrize("name", ["linking", "resolve", "affiliation", "mentions", "people", "dates",
                                  "date_resolvers", "targets"])
def test_extract_lastsplit_modules_stay_under_300_lines(name):
    assert len((EXTRACT / f"{name}.py").read_text(encoding="utf-8").splitlines()) <= 300


def test_extract_lastsplit_old_names_stay_importable():
    assert linking.fill_states is affiliation.fill_states
    assert linking.org_states is affiliation.org_states
    assert dates.MONTHS is date_resolvers.MONTHS and dates.MONTHS["sept"] == 9
    assert resolve.class_of("Prime Minister") == "head_of_government"
    assert callable(people.find_people)


def test_extract_lastsplit_dates_still_resolve_after_the_move():
    found = dates.find_dates("Talks resumed last week and ended on March 3.", reference=PartialDate(2010, 4, 20))
    assert [(m.text, m.date.iso()) for m in found] == [("last week", "2010-04"), ("March 3", "2010-03-03")]


@pytest.mark.parametrize("text, actor, venue", [
    ("Iran agreed in Vienna to limit enrichment.", "iran", "austria"),
    ("Iran agreed in Austria to limit enrichment.", "iran", "austria"),
    ("Venezuela agreed at Havana to resume talks with Colombia.", "venezuela", "cuba"),
    ("Poland agreed in Warsaw to buy more gas.", "poland", "poland"),
    ("Iran and Iraq agreed in Baghdad to reopen the border.", "iraq", "iraq"),
    ("Iran hosted talks in Tehran with Iraq.", "iran", "iran"),
    ("Japan agreed in Seoul to share data.", "japan", "south_korea"),
])
def test_extract_venue_is_never_the_target(gaz, text, actor, venue):
    events = triples(read(text, gaz))
    assert events, text
    assert not any(a == actor and t == venue for _, a, t in events), events


@pytest.mark.parametrize("text, want", [
    ("Iran hosted talks in Tehran with Iraq.", ("CONSULT", "iran", "iraq")),
    ("Iran agreed on Monday in Vienna with the European Union to limit enrichment.", ("AGREE", "iran", "eu")),
    ("Russia and Ukraine met in Minsk on Tuesday.", ("CONSULT", "russia", "ukraine")),
    ("France agreed with Germany in Berlin to coordinate.", ("SUPPORT", "france", "germany")),
    # true targets stay: a protest in a state is aimed at it, a deployment goes to its place, an arrival
    # consults its host
    ("Thousands of Kenyan students demonstrated in Uganda.", ("PROTEST", "kenya", "uganda")),
    ("Serbia agreed to deploy troops in Kosovo.", ("MOBILIZE", "serbia", "kosovo")),
    ("The Iranian envoy arrived in Moscow for talks.", ("CONSULT", "iran", "russia")),
])
def test_extract_venue_keeps_true_targets(gaz, text, want):
    assert want in triples(read(text, gaz))

