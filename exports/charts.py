"""Inline SVG charts and tables for the dyads and triangle pages (escaped HTML strings).

Row dicts are plain data (see :func:`dyad_rows` and :func:`triangle_rows`, which build them from
the views' ``Dyad`` and ``Triangle`` records), so pages can be made without the views package.
"""

from __future__ import annotations

import html

SIGN_CLASS = {"+": "pos", "-": "neg", "0": "neu"}
SIGN_COLOR = {"+": "#1a7f37", "-": "#c62828", "0": "#8a94a0"}
CLASS_COLOR = {"menage": "#1a7f37", "romantic": "#e39b12", "marriage": "#4e79a7", "unit_veto": "#c62828",
               "incomplete": "#8a94a0"}
DASH = " \u2013 "
SCALE = 10.0  # scores are Goldstein-like, -10..+10


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def score_chart(periods: list[dict], *, width: int = 220, height: int = 44) -> str:
    """A bar per period (up for cooperation, down for conflict), each with a <title> tooltip."""
    n = max(len(periods), 1)
    bar, mid = min(width / n, 28.0), height / 2
    parts = [f'<svg class="chart" role="img" width="{width}" height="{height + 12}" viewBox="0 0 {width} {height + 12}">',
             f'<line x1="0" y1="{mid}" x2="{width}" y2="{mid}" stroke="#d5dae0"/>']
    for i, p in enumerate(periods):
        h = min(abs(float(p["score"])), SCALE) / SCALE * (mid - 2)
        y = mid - h if p["score"] >= 0 else mid
        parts.append(f'<rect x="{i * bar + 1:.1f}" y="{y:.1f}" width="{max(bar - 2, 1):.1f}" height="{max(h, 1):.1f}" '
                     f'fill="{SIGN_COLOR.get(p["sign"], "#8a94a0")}"><title>{esc(p["period"])}: score '
                     f'{float(p["score"]):+.2f}, {int(p["count"])} events</title></rect>')
    if periods:
        parts.append(f'<text x="0" y="{height + 10}">{esc(periods[0]["period"])}</text>')
        parts.append(f'<text x="{width}" y="{height + 10}" text-anchor="end">{esc(periods[-1]["period"])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def dyads_table(rows: list[dict], fragments=None) -> str:
    """The dyads as a table: pair, sign, score, events and the per-period chart.

    Args:
        rows: See :func:`dyad_rows`.
        fragments: A fragments.py ``Fragments`` giving a row drawn by an earlier build from the same data.
    """
    out = ['<section id="dyads"><h2>Dyads</h2><table><thead><tr><th>States</th><th>Sign</th><th>Score</th>'
           '<th>Events</th><th>Score per period</th></tr></thead><tbody>']
    for r in rows:
        if fragments is None:
            out.append(dyad_row(r))
        else:
            periods = tuple((p["period"], p["score"], p["sign"], p["count"]) for p in r.get("periods", ()))
            data = ("dyad", r["a_label"], r["b_label"], r["sign"], r["score"], r["count"], periods)
            out.append(fragments.get(data, lambda r=r: dyad_row(r)))
    out.append("</tbody></table></section>")
    return "".join(out)


def dyad_row(r: dict) -> str:
    """One row of :func:`dyads_table`."""
    cls = SIGN_CLASS.get(r["sign"], "neu")
    return (f'<tr><td>{esc(r["a_label"])} \u2013 {esc(r["b_label"])}</td><td class="{cls}">{esc(r["sign"])}</td>'
            f'<td class="num">{float(r["score"]):+.2f}</td><td class="num">{int(r["count"])}</td>'
            f'<td>{score_chart(r.get("periods", []))}</td></tr>')


def class_strip(periods: list[dict]) -> str:
    """One coloured cell per period naming the triangle's class in that period."""
    cells = "".join(f'<span class="cell" style="background:{CLASS_COLOR.get(p["cls"], "#8a94a0")}" '
                    f'title="{esc(p["period"])}: {esc(p["cls"])} ({esc(" ".join(p.get("signs", ())))})">'
                    f'{esc(p["period"])} {esc(p["cls"])}</span>' for p in periods)
    return f'<div class="cells">{cells}</div>'


def triangles_table(rows: list[dict]) -> str:
    """The triangles as a table: members, class, pivot, balance and the class per period."""
    legend = "".join(f'<span class="cell" style="background:{c}">{esc(k)}</span>' for k, c in CLASS_COLOR.items())
    out = [f'<section id="triangles"><h2>Triangles</h2><div class="cells">{legend}</div><table><thead><tr>'
           '<th>States</th><th>Class</th><th>Pivot / outsider</th><th>Balanced</th><th>Events</th>'
           '<th>Class per period</th></tr></thead><tbody>']
    for r in rows:
        balanced = {True: "yes", False: "no", None: "unknown"}[r.get("balanced")]
        names = DASH.join(esc(x) for x in r["labels"])
        out.append(f'<tr><td>{names}</td><td>{esc(r["cls"])}</td>'
                   f'<td>{esc(r.get("pivot") or "")}</td><td>{balanced}</td><td class="num">{int(r.get("count", 0))}</td>'
                   f'<td>{class_strip(r.get("periods", []))}</td></tr>')
    out.append("</tbody></table></section>")
    return "".join(out)


def dyad_rows(table: dict, by_period: dict, labels: dict[str, str]) -> list[dict]:
    """Rows for :func:`dyads_table` from ``views.dyads(G)`` and ``views.dyads_by_period(G, by)``."""
    dated: dict[tuple[str, str], list[str]] = {}  # each pair's periods, in order: one pass over the slices
    for p, t in sorted(by_period.items()):
        for pair in t:
            if pair in table:
                dated.setdefault(pair, []).append(p)
    rows = []
    for (a, b), d in sorted(table.items()):
        periods = [{"period": p, "score": s.score, "sign": s.sign, "count": s.count}
                   for p in dated.get((a, b), ()) for s in (by_period[p][a, b],)]
        rows.append({"a": a, "b": b, "a_label": labels.get(a, a), "b_label": labels.get(b, b), "score": d.score,
                     "sign": d.sign, "count": d.count, "periods": periods})
    return rows


def triangle_rows(tris: list, timelines: dict, labels: dict[str, str]) -> list[dict]:
    """Rows for :func:`triangles_table` from ``views.triangles(...)`` and ``{members: views.timeline(...)}``."""
    rows = []
    for t in tris:
        special = t.pivot or t.outsider
        rows.append({"members": list(t.members), "labels": [labels.get(m, m) for m in t.members],
                     "signs": list(t.signs), "cls": t.cls, "pivot": labels.get(special, special) if special else None,
                     "balanced": t.balanced, "count": t.count,
                     "periods": [{"period": s.period, "cls": s.cls, "signs": list(s.signs)}
                                 for s in timelines.get(tuple(t.members), [])]})
    return rows
