"""The triangle, dyads, balance and ego commands, in-process, on an OUT folder holding graph.ttl."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from diplograph.graph.cli import main
from diplograph.graph.views.synth import Ev, entity_lines, to_graph

OFFICIALS = {"igor_ivanov": "russia", "jiang_zemin": "china", "sergei_ivanov": "russia"}


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    events = [Ev("igor_ivanov", "jiang_zemin", "CONSULT", "2002-01-07", relation="met", quote="Ivanov met Jiang."),
              Ev("russia", "china", "SUPPORT", "2002-01"),
              Ev("russia", "united_states", "COOPERATE", "2001-10-02"),
              Ev("russia", "united_states", "DISAPPROVE", "2002-01-07"),
              Ev("china", "united_states", "DISAPPROVE", "2002-01-07")]
    extra = entity_lines("russia", "State", "Russia", ["Moscow"])
    extra += entity_lines("united_states", "State", "United States", ["U.S.", "Washington"])
    extra += entity_lines("igor_ivanov", "Official", "Igor Ivanov", ["Ivanov"], "russia")
    extra += entity_lines("sergei_ivanov", "Official", "Sergei Ivanov", ["Ivanov"], "russia")
    folder = tmp_path_factory.mktemp("out")
    to_graph(events, officials=OFFICIALS, extra=extra).serialize(folder / "graph.ttl", format="turtle")
    return str(folder)


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_triangle_table_with_periods_and_evidence(out):
    r = run("triangle", out, "Moscow", "china", "United States", "--by", "quarter", "--evidence")
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].split()[:5] == ["period", "class", "role", "balanced", "events"]
    assert lines[1].split()[:5] == ["all", "romantic", "pivot", "Russia", "no"]
    assert lines[2].split()[:2] == ["2001-Q4", "incomplete"]
    assert lines[3].split()[:5] == ["2002-Q1", "marriage", "outsider", "United", "States"]
    assert "2002-01-07  CONSULT  Igor Ivanov -> Jiang Zemin  Ivanov met Jiang." in r.output


def test_triangle_json(out):
    r = run("triangle", out, "Russia", "China", "Washington", "--json")
    data = json.loads(r.output)
    assert [(t["class"], t["pivot"], t["period"]) for t in data] == [("romantic", "Russia", None)]
    assert data[0]["members"] == ["dgid:china", "dgid:russia", "dgid:united_states"]
    assert [d["sign"] for d in data[0]["dyads"]] == ["+", "-", "+"]


def test_triangle_without_names_lists_every_triangle_by_period(out):
    r = run("triangle", out, "--by", "quarter")
    lines = [ln.split() for ln in r.output.splitlines()]
    assert lines[0] == ["period", "triangle", "class", "role", "balanced", "events", "signs"]
    assert [(ln[0], ln[7], ln[-3:]) for ln in lines[1:]] == [("all", "romantic", ["+", "-", "+"]),
                                                              ("2002-Q1", "marriage", ["+", "-", "-"])]
    assert len(json.loads(run("triangle", out, "--json").output)) == 1


def test_dyads_of_one_state_by_quarter(out):
    r = run("dyads", out, "--state", "Russia", "--by", "quarter", "--json")
    rows = [(d["period"], d["labels"][0], d["labels"][1], d["sign"]) for d in json.loads(r.output)]
    assert rows == [("2001-Q4", "Russia", "United States", "+"), ("2002-Q1", "China", "Russia", "+"),
                    ("2002-Q1", "Russia", "United States", "-")]
    table = run("dyads", out)
    assert table.exit_code == 0
    assert [ln.split()[:6] for ln in table.output.splitlines()[1:]] == [
        ["all", "China", "–", "Russia", "+", "+2.25"], ["all", "China", "–", "United", "States", "-"],
        ["all", "Russia", "–", "United", "States", "+"]]


def test_balance(out):
    r = run("balance", out)
    assert r.exit_code == 0, r.output
    assert "balanced: 0 (0.0%)" in r.output and "frustration index: 1 (exact)" in r.output
    data = json.loads(run("balance", out, "--json").output)
    assert (data["triangles"], data["frustration"], data["classes"]["romantic"]) == (1, 1, 1)
    assert data["cooperation"][0]["label"] == "Russia"


def test_ego(out):
    r = run("ego", out, "Igor Ivanov", "--depth", "1", "--json")
    data = json.loads(r.output)
    assert [(n["label"], n["distance"]) for n in data["nodes"]] == [("Igor Ivanov", 0), ("Jiang Zemin", 1), ("Russia", 1)]
    text = run("ego", out, "igor ivanov", "--depth", "2")
    assert text.exit_code == 0 and text.output.startswith("Igor Ivanov (dgid:igor_ivanov), depth 2:")


@pytest.mark.parametrize("args, message", [
    (("triangle", "{out}", "Rusia", "China", "United States"), "no actor named 'Rusia'; close matches: Russia"),
    (("ego", "{out}", "Ivanov"), "'Ivanov' is ambiguous: Igor Ivanov (dgid:igor_ivanov), Sergei Ivanov"),
    (("triangle", "{out}", "Igor Ivanov", "China", "Russia"), "'Igor Ivanov' is not a state (Official)"),
    (("triangle", "{out}", "Russia", "Moscow", "China"), "a triangle needs three different states"),
    (("dyads", "{out}/nowhere"), "no such file or folder"),
    (("triangle", "{out}", "Russia", "China"), "name three states, or none"),
])
def test_errors_are_one_line_with_exit_code_2(out, args, message):
    r = run(*(a.format(out=out) for a in args))
    assert r.exit_code == 2
    assert message in r.output and r.output.count("\n") == 1
