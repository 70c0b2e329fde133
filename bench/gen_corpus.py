"""Generate a synthetic news corpus for the scale benchmark: dated articles drawing on the gazetteer.

Each article (300-800 words, YAML front matter with ``date`` and ``title``, dated 1995-2010) is built
from sentence templates written for this benchmark: meetings, signings, criticism, support,
withdrawals, joinings, citations of news outlets, and connective filler. Actors come from the
gazetteer: officials in office on the article's date (named with their state and title, later by
surname), states, intergovernmental organizations and agreements. Article ``n`` depends only on
``(seed, n, profile)``, so a corpus of 10,000 starts with the corpus of 1,000.

Two profiles:

* ``realistic`` (the default): an article is about a few states, as reporting is. Its cast is 2-6 states,
  drawn with weights equal to the number of their officials in office in the gazetteer (the states the
  gazetteer covers most are the most reported), one or two officials of each, 0-2 organizations, 0-2
  agreements and 0-3 news outlets; a little under half its sentences report an event. Calibrated against
  the customer's document and the twelve real texts of the development set as diplograph builds them
  (3,585 words): 36 events per 1,000 words and 1.29 quads per word (the customer's document: 40 and 1.33).
  300 realistic articles give 41 events per 1,000 words and 1.28 quads per word.
* ``dense`` (the corpora of the first six runs in bench/RESULTS.md): every event sentence draws two
  officials from all those in office that day (about 180 states), and two sentences in three report an
  event: 57 events per 1,000 words and 2.78 quads per word, 25 officials of 32 states in an article.

Usage: python bench/gen_corpus.py --count 1000 --seed 1 --out /tmp/corpus [--profile dense]
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from diplograph.ontology import gazetteer as gazetteer_mod

START, DAYS = date(1995, 1, 1), (date(2010, 12, 31) - date(1995, 1, 1)).days
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TOPICS = ("energy cooperation", "border security", "the fight against terrorism", "trade in grain",
          "nuclear non-proliferation", "the situation in the Middle East", "arms control", "visa rules",
          "pipeline routes", "regional stability", "debt relief", "peacekeeping operations")
ISSUES = ("its missile defence plans", "its policy in the Caucasus", "interfering in domestic affairs",
          "its stance on sanctions", "delays in troop withdrawals", "its treatment of minorities",
          "raising gas prices", "blocking the talks")
MEET = ("{a} met {b} in {city} on {weekday} to discuss {topic}.",
        "{a} held talks with {b} in {city}, focusing on {topic}.",
        "On {weekday}, {a} received {b} for talks on {topic}.")
SIGN = ("{s1} and {s2} signed an agreement on {topic} in {city}.",
        "{a} and {b} signed a memorandum on {topic} on {weekday}.")
CRITICIZE = ("{a} sharply criticized {b} for {issue}.",
             "{a} accused {s2} of {issue}.",
             "{a} condemned {s2} over {issue}, calling it unacceptable.")
SUPPORT = ("{a} said {s1} supports the position of {s2} on {topic}.",
           "{a} praised {b} for the progress made on {topic}.",
           "{s1} welcomed the proposal by {b} on {topic}.")
WITHDRAW = ("{s1} announced that it would withdraw from the {agreement}.",
            "{a} said {s1} was ready to pull out of the {agreement} if its concerns were ignored.")
JOIN = ("{s1} formally joined the {org} on {weekday}.",
        "{a} said {s1} hoped to join the {org} within two years.")
ORG = ("{a} addressed a meeting of the {org} in {city}.",
       "The {org} called on {s1} and {s2} to resume talks on {topic}.")
SURNAME = ("{surname} told reporters that the talks had been constructive.",
           "{surname} later said that {s1} would not change course on {topic}.",
           "According to {surname}, a further round of talks is planned for next month.")
FILLER = ("Analysts said a breakthrough before the end of the year was unlikely.",
          "The talks were the third such meeting this year.",
          "Officials on both sides described the atmosphere as businesslike.",
          "Diplomats said the question would be taken up again at the next summit.",
          "Observers noted that neither side had made concessions on the main points.",
          "The two delegations also discussed cultural exchanges and student programmes.",
          "Markets reacted calmly to the news, and the national currency held steady.",
          "A joint statement is expected to be published later this week.")
KINDS = (MEET, MEET, SIGN, CRITICIZE, SUPPORT, SUPPORT, WITHDRAW, JOIN, ORG)
FOCUS = (2, 2, 3, 3, 3, 4, 4, 5, 6)  # states in a realistic article's cast
#: Share of filler sentences in each profile.
FILLER_SHARE = {"realistic": 0.55, "dense": 0.35}


@dataclass(frozen=True)
class Cast:
    """The actors available on one date."""

    officials: tuple[tuple[str, str, str, str], ...]  # (name, surname, title phrase, state id)
    states: tuple[str, ...]
    organizations: tuple[str, ...]
    agreements: tuple[str, ...]
    outlets: tuple[str, ...]


class World:
    """The gazetteer, indexed for picking actors on a date."""

    def __init__(self, gaz):
        recs = gaz.records.values()
        self.gaz = gaz
        self.states = {r["id"]: r for r in recs if r["type"] == "State"}
        self.official_ids = sorted(r["id"] for r in recs if r["type"] == "Official")
        self.orgs = sorted(r["label"] for r in recs if r.get("subtype") == "IntergovernmentalOrganization")
        self.agreements = sorted(r["label"] for r in recs if r["type"] == "Agreement")
        self.outlets = sorted(r["label"] for r in recs if r.get("subtype") == "MediaOutlet")

    @lru_cache(maxsize=None)
    def cast(self, on: date) -> Cast:
        officials = []
        for oid in self.official_ids:
            rec = self.gaz.get(oid)
            for office in self.gaz.offices(oid, on):
                state = self.states.get(office.of)
                if state and state.get("adjectives"):
                    title = f"{state['adjectives'][0]} {office.role} {rec['label']}"
                    officials.append((rec["label"], rec.get("surname") or rec["label"].split()[-1], title, office.of))
                    break
        states = tuple(sorted({o[3] for o in officials}))
        return Cast(tuple(officials), states, tuple(self.orgs), tuple(self.agreements), tuple(self.outlets))

    def focus(self, rng: random.Random, cast: Cast) -> Cast:
        """An article's own cast (the realistic profile): a few states drawn by how many officials they
        have in office, up to two officials of each, and a few organizations, agreements and outlets."""
        by_state: dict[str, list] = {}
        for official in cast.officials:
            by_state.setdefault(official[3], []).append(official)
        states, weights = list(by_state), [len(by_state[s]) for s in by_state]
        chosen: list[str] = []
        for _ in range(min(rng.choice(FOCUS), len(states))):
            pick = rng.choices(range(len(states)), weights)[0]
            chosen.append(states.pop(pick))
            weights.pop(pick)
        officials = [o for s in chosen for o in rng.sample(by_state[s], min(rng.choice((1, 1, 2)), len(by_state[s])))]
        return Cast(tuple(officials), tuple(chosen), tuple(rng.sample(cast.organizations, rng.choice((0, 1, 1, 2)))),
                    tuple(rng.sample(cast.agreements, rng.choice((0, 0, 1, 2)))),
                    tuple(rng.sample(cast.outlets, rng.choice((0, 1, 1, 2, 3)))))


def _fill(rng: random.Random, template: str, cast: Cast, world: World, on: date) -> tuple[str, str | None]:
    a, b = rng.sample(cast.officials, 2) if len(cast.officials) >= 2 else (cast.officials * 2)[:2]
    s1, s2 = (world.states[a[3]]["label"], world.states[b[3]]["label"])
    city = world.states[b[3]].get("capital") or world.states[b[3]]["label"]
    text = template.format(a=a[2], b=b[2], s1=s1, s2=s2, city=city, weekday=WEEKDAYS[on.weekday()],
                           topic=rng.choice(TOPICS), issue=rng.choice(ISSUES), org=_any(rng, cast.organizations),
                           agreement=_any(rng, cast.agreements), surname=a[1])
    return text, a[1]


def _any(rng: random.Random, names: tuple[str, ...]) -> str:
    return rng.choice(names) if names else ""


def _cite(rng: random.Random, cast: Cast, on: date) -> str:
    return f" ({rng.choice(cast.outlets)}, {on.strftime('%B')} {on.day})"


def _kinds(cast: Cast) -> tuple:
    """The sentence kinds a cast can fill (no organization, agreement: no sentence needing one)."""
    return tuple(k for k in KINDS if (cast.organizations or k not in (JOIN, ORG)) and
                 (cast.agreements or k is not WITHDRAW))


def article(world: World, seed: int, n: int, profile: str = "realistic") -> str:
    """Article ``n`` of the corpus of ``seed``: front matter and paragraphs of 300-800 words."""
    rng = random.Random(f"{seed}-{n}" if profile == "dense" else f"{seed}-{n}-{profile}")
    on = START + timedelta(days=rng.randrange(DAYS))
    cast = world.cast(on)
    if profile == "realistic":
        cast = world.focus(rng, cast)
    kinds, filler = _kinds(cast), FILLER_SHARE[profile]
    target, words, paragraphs, surname = rng.randint(300, 800), 0, [], None
    while words < target:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            if surname and rng.random() < 0.2:
                text = rng.choice(SURNAME).format(surname=surname, s1=rng.choice(cast.states and
                                                  [world.states[s]["label"] for s in cast.states]),
                                                  topic=rng.choice(TOPICS))
            elif rng.random() < filler:
                text = rng.choice(FILLER)
            else:
                text, surname = _fill(rng, rng.choice(rng.choice(kinds)), cast, world, on)
                if cast.outlets and rng.random() < 0.25:
                    text = text[:-1] + _cite(rng, cast, on) + "."
            sentences.append(text)
        paragraphs.append(" ".join(sentences))
        words += sum(len(s.split()) for s in sentences)
    title = paragraphs[0].split(",")[0].split(" on ")[0].rstrip(".")[:90]
    return f"---\ndate: {on.isoformat()}\ntitle: \"{title}\"\n---\n\n" + "\n\n".join(paragraphs) + "\n"


def generate(out: Path, count: int, seed: int = 1, profile: str = "realistic") -> list[Path]:
    """Write ``count`` articles of ``profile`` under ``out/<year>/``; return their paths."""
    world = World(gazetteer_mod.load())
    paths = []
    for n in range(count):
        text = article(world, seed, n, profile)
        path = out / text[10:14] / f"article-{n:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--profile", choices=sorted(FILLER_SHARE), default="realistic")
    args = parser.parse_args()
    paths = generate(args.out, args.count, args.seed, args.profile)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"wrote {len(paths)} articles, {words:,} words, under {args.out}")


if __name__ == "__main__":
    main()
