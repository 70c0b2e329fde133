"""Hand-written tables behind organizations.jsonl and outlets.jsonl (see build_gazetteer.py).

Membership dates are the editor's knowledge of accession and withdrawal dates; a date is left
null (or given to the year or month only) where not known to the day. ``members_complete: false``
marks organizations whose member list names only the members relevant to our texts.
GROUPINGS are sets of states that act through their members ("the Baltic states", "the P5"):
``grouping`` is "named" for a set with a name of its own, "descriptive" for one a phrase describes.
"""

from __future__ import annotations

IGO = "IntergovernmentalOrganization"
GOV = "GovernmentBody"
NGO = "NonGovernmentalOrganization"
MEDIA = "MediaOutlet"
COMPANY = "Company"


def m(start: str | None, *states: str, end: str | None = None) -> list[dict]:
    """Member entries for states that joined (and left) on the same dates."""
    return [{"state": s, "start": start, "end": end} for s in states]


NATO_1949 = ("belgium", "canada", "denmark", "france", "iceland", "italy", "luxembourg",
             "netherlands", "norway", "portugal", "united_kingdom", "united_states")
NATO_2004 = ("bulgaria", "estonia", "latvia", "lithuania", "romania", "slovakia", "slovenia")
NATO_MEMBERS = (
    m("1949-08-24", *NATO_1949) + m("1952-02-18", "greece", "turkey")
    + m("1955-05-06", "west_germany", end="1990-10-03") + m("1990-10-03", "germany")
    + m("1982-05-30", "spain") + m("1999-03-12", "czech_republic", "hungary", "poland")
    + m("2004-03-29", *NATO_2004) + m("2009-04-01", "albania", "croatia")
    + m("2017-06-05", "montenegro") + m("2020-03-27", "macedonia")
    + m("2023-04-04", "finland") + m("2024-03-07", "sweden")
)

EU_2004 = ("cyprus", "czech_republic", "estonia", "hungary", "latvia", "lithuania", "malta",
           "poland", "slovakia", "slovenia")
EU_MEMBERS = (
    m("1958-01-01", "belgium", "france", "italy", "luxembourg", "netherlands")
    + m("1958-01-01", "west_germany", end="1990-10-03") + m("1990-10-03", "germany")
    + m("1973-01-01", "denmark", "ireland") + m("1973-01-01", "united_kingdom", end="2020-01-31")
    + m("1981-01-01", "greece") + m("1986-01-01", "portugal", "spain")
    + m("1995-01-01", "austria", "finland", "sweden") + m("2004-05-01", *EU_2004)
    + m("2007-01-01", "bulgaria", "romania") + m("2013-07-01", "croatia")
)

OSCE_STATES = (
    "albania", "andorra", "armenia", "austria", "azerbaijan", "belarus", "belgium",
    "bosnia_and_herzegovina", "bulgaria", "canada", "croatia", "cyprus", "czech_republic",
    "denmark", "estonia", "finland", "france", "georgia", "germany", "greece", "vatican",
    "hungary", "iceland", "ireland", "italy", "kazakhstan", "kyrgyzstan", "latvia",
    "liechtenstein", "lithuania", "luxembourg", "malta", "moldova", "monaco", "montenegro",
    "netherlands", "macedonia", "norway", "poland", "portugal", "romania", "russia",
    "san_marino", "serbia", "slovakia", "slovenia", "spain", "sweden", "switzerland",
    "tajikistan", "turkey", "turkmenistan", "ukraine", "united_kingdom", "united_states",
    "uzbekistan",
)
COE_STATES = (
    "albania", "andorra", "armenia", "austria", "azerbaijan", "bosnia_and_herzegovina",
    "bulgaria", "croatia", "cyprus", "czech_republic", "estonia", "finland", "georgia",
    "germany", "hungary", "iceland", "latvia", "liechtenstein", "lithuania", "malta", "moldova",
    "monaco", "montenegro", "macedonia", "poland", "portugal", "romania", "san_marino",
    "serbia", "slovakia", "slovenia", "spain", "switzerland", "ukraine",
)
COE_1949 = ("belgium", "denmark", "france", "ireland", "italy", "luxembourg", "netherlands",
            "norway", "sweden", "united_kingdom")
AFRICA = (
    "algeria", "angola", "benin", "botswana", "burkina_faso", "burundi", "cameroon",
    "cape_verde", "central_african_republic", "chad", "comoros", "democratic_republic_of_the_congo",
    "republic_of_the_congo", "ivory_coast", "djibouti", "egypt", "equatorial_guinea", "eritrea",
    "eswatini", "ethiopia", "gabon", "gambia", "ghana", "guinea", "guinea_bissau", "kenya",
    "lesotho", "liberia", "libya", "madagascar", "malawi", "mali", "mauritania", "mauritius",
    "mozambique", "namibia", "niger", "nigeria", "rwanda", "sao_tome_and_principe", "senegal",
    "seychelles", "sierra_leone", "somalia", "south_africa", "sudan", "tanzania",
    "togo", "tunisia", "uganda", "zambia", "zimbabwe",
)
AMERICAS = (
    "antigua_and_barbuda", "argentina", "bahamas", "barbados", "belize", "bolivia", "brazil",
    "canada", "chile", "colombia", "costa_rica", "cuba", "dominica", "dominican_republic",
    "ecuador", "el_salvador", "grenada", "guatemala", "guyana", "haiti", "honduras", "jamaica",
    "mexico", "panama", "paraguay", "peru", "saint_kitts_and_nevis", "saint_lucia",
    "saint_vincent_and_the_grenadines", "suriname", "trinidad_and_tobago", "united_states",
    "uruguay",
)
ASEAN_MEMBERS = (
    m("1967-08-08", "indonesia", "malaysia", "philippines", "singapore", "thailand")
    + m("1984-01-07", "brunei") + m("1995-07-28", "vietnam") + m("1997-07-23", "laos", "myanmar")
    + m("1999-04-30", "cambodia") + m("2025-10", "east_timor")
)
CSTO_2002 = ("armenia", "belarus", "kazakhstan", "kyrgyzstan", "russia", "tajikistan")
SCO_2001 = ("china", "kazakhstan", "kyrgyzstan", "russia", "tajikistan", "uzbekistan")
G7_MEMBERS = (
    m("1975-11", "france", "italy", "japan", "united_kingdom", "united_states")
    + m("1975-11", "west_germany", end="1990-10-03") + m("1990-10-03", "germany")
    + m("1976-06", "canada")
)
P5 = ("china", "france", "united_kingdom", "united_states")
# The Commonwealth of Nations: founders of 1931 (the Statute of Westminster), then accessions by
# independence or admission; Ireland left in 1949, South Africa 1961-1994, Pakistan 1972-1989, Zimbabwe
# from 2003, the Gambia 2013-2018, the Maldives 2016-2020 (suspensions are not withdrawals).
COMMONWEALTH_MEMBERS = (
    m("1931-12-11", "united_kingdom", "canada", "australia", "new_zealand")
    + m("1931-12-11", "ireland", end="1949-04-18") + m("1931-12-11", "south_africa", end="1961-05-31")
    + m("1994-06-01", "south_africa") + m("1947-08-15", "india")
    + m("1947-08-14", "pakistan", end="1972-01-30") + m("1989-10-01", "pakistan") + m("1948-02-04", "sri_lanka")
    + m("1957-03-06", "ghana") + m("1957-08-31", "malaysia") + m("1960-10-01", "nigeria")
    + m("1961", "cyprus", "sierra_leone", "tanzania") + m("1962", "jamaica", "trinidad_and_tobago", "uganda")
    + m("1963-12-12", "kenya") + m("1964", "malawi", "malta", "zambia")
    + m("1965", "gambia", end="2013-10-03") + m("2018-02-08", "gambia") + m("1965-08-09", "singapore")
    + m("1966", "barbados", "botswana", "guyana", "lesotho") + m("1968", "eswatini", "mauritius", "nauru")
    + m("1970", "fiji", "samoa", "tonga") + m("1972-04-18", "bangladesh") + m("1973-07-10", "bahamas")
    + m("1974-02-07", "grenada") + m("1975-09-16", "papua_new_guinea") + m("1976-06-29", "seychelles")
    + m("1978", "dominica", "solomon_islands", "tuvalu")
    + m("1979", "kiribati", "saint_lucia", "saint_vincent_and_the_grenadines") + m("1980-07-30", "vanuatu")
    + m("1980-04-18", "zimbabwe", end="2003-12-07") + m("1981", "antigua_and_barbuda", "belize")
    + m("1982-07-09", "maldives", end="2016-10-13") + m("2020-02-01", "maldives")
    + m("1983-09-19", "saint_kitts_and_nevis") + m("1984-01-01", "brunei") + m("1990-03-21", "namibia")
    + m("1995-11", "cameroon", "mozambique") + m("2009-11-29", "rwanda") + m("2022-06-25", "gabon", "togo")
)


GROUPING_KNOWLEDGE = "editor's knowledge of the grouping, its names, members and dates"
SOVIET_END = "1991-12-26"


def grouping(id: str, label: str, aliases: list[str], kind: str, note: str, members: list[dict],
             founded: str | None = None) -> dict:
    """A grouping-of-states record: typed as an IGO, ``grouping`` is "named" or "descriptive"."""
    rec = {"id": id, "type": "Organization", "subtype": IGO, "label": label, "aliases": aliases,
           "members": members}
    if founded is not None:
        rec["founded"] = founded
    return {**rec, "grouping": kind, "note": note, "source": GROUPING_KNOWLEDGE}


GROUPINGS = [
    grouping("baltic_states", "Baltic states",
             ["Baltic States", "Baltic countries", "Baltic nations", "Baltic republics"],
             "descriptive", "the three states on the Baltic's eastern shore, from the Soviet "
             "recognition of their independence", m("1991-09-06", "estonia", "latvia", "lithuania")),
    grouping("nordic_countries", "Nordic countries", ["Nordic Countries", "Nordic states", "Nordic nations"],
             "descriptive", "Denmark, Finland, Iceland, Norway and Sweden (the Nordic Council is an "
             "organization of its own)",
             m(None, "denmark") + m("1917-12-06", "finland") + m("1944-06-17", "iceland")
             + m("1905-06-07", "norway") + m(None, "sweden")),
    grouping("scandinavian_countries", "Scandinavian countries",
             ["Scandinavian states", "Scandinavian nations"], "descriptive",
             "Denmark, Norway and Sweden",
             m(None, "denmark") + m("1905-06-07", "norway") + m(None, "sweden")),
    grouping("central_asian_states", "Central Asian states",
             ["Central Asian States", "Central Asian republics", "Central Asian countries",
              "Central Asian nations"], "descriptive",
             "the five former Soviet republics of Central Asia, as states from the end of the "
             "Soviet Union",
             m(SOVIET_END, "kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan")),
    grouping("south_caucasus_states", "South Caucasus states",
             ["South Caucasus countries", "South Caucasus republics", "South Caucasian states",
              "Transcaucasian republics"], "descriptive",
             "Armenia, Azerbaijan and Georgia, as states from the end of the Soviet Union",
             m(SOVIET_END, "armenia", "azerbaijan", "georgia")),
    grouping("koreas", "Koreas", ["two Koreas", "both Koreas"], "descriptive",
             "North and South Korea", m("1948-09-09", "north_korea") + m("1948-08-15", "south_korea")),
    grouping("benelux_countries", "Benelux countries", ["Benelux states", "Benelux nations"],
             "descriptive", "Belgium, the Netherlands and Luxembourg",
             m(None, "belgium", "luxembourg", "netherlands")),
    grouping("gulf_arab_states", "Gulf Arab states",
             ["Arab Gulf states", "Gulf Arab countries", "Arab Gulf countries", "Gulf Arab nations",
              "Gulf monarchies", "Gulf states", "Gulf Arab monarchies"], "descriptive",
             "the six Arab monarchies of the Gulf (their Cooperation Council is an organization of "
             "its own)",
             m("1971-08-15", "bahrain") + m("1961-06-19", "kuwait") + m(None, "oman")
             + m("1971-09-03", "qatar") + m("1932-09-23", "saudi_arabia")
             + m("1971-12-02", "united_arab_emirates")),
    grouping("caspian_states", "Caspian states",
             ["Caspian littoral states", "Caspian Sea states", "Caspian countries", "Caspian nations",
              "Caspian Sea littoral states"], "descriptive", "the states on the Caspian Sea's shores",
             m(None, "iran") + m("1922-12-30", "soviet_union", end=SOVIET_END)
             + m(SOVIET_END, "russia", "azerbaijan", "kazakhstan", "turkmenistan")),
    grouping("eu3", "E3", ["EU3", "EU-3", "EU three"], "named",
             "France, Germany and the United Kingdom negotiating with Iran from October 2003",
             m("2003-10", "france", "germany", "united_kingdom"), founded="2003-10"),
    grouping("normandy_format", "Normandy Four", ["Normandy format", "Normandy Quartet", "Normandy group"],
             "named", "France, Germany, Russia and Ukraine meeting on the war in eastern Ukraine "
             "from June 2014", m("2014-06-06", "france", "germany", "russia", "ukraine"),
             founded="2014-06-06"),
    grouping("quad", "Quad", ["Quadrilateral Security Dialogue", "the Quad"],
             "named", "Australia, India, Japan and the United States, in the dialogue revived in "
             "November 2017", m("2017-11-12", "australia", "india", "japan", "united_states"),
             founded="2017-11-12"),
    grouping("p5", "P5", ["P-5", "the five permanent members", "the permanent five", "Permanent Five"],
             "named", "the permanent members of the UN Security Council (China's seat held by the "
             "Republic of China until 1971-10-25, the Soviet Union's by Russia from 1991-12-24)",
             m("1945-10-24", "united_states", "united_kingdom", "france")
             + m("1945-10-24", "taiwan", end="1971-10-25") + m("1971-10-25", "china")
             + m("1945-10-24", "soviet_union", end="1991-12-24") + m("1991-12-24", "russia"),
             founded="1945-10-24"),
]
