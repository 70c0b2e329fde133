"""The organization, government body, NGO, company and outlet records (see orgs_data.py)."""

from __future__ import annotations

from orgs_data import (AFRICA, AMERICAS, ASEAN_MEMBERS, COE_1949, COMMONWEALTH_MEMBERS, COE_STATES, COMPANY, CSTO_2002,
                       EU_MEMBERS, G7_MEMBERS, GOV, IGO, MEDIA, NATO_MEMBERS, NGO, OSCE_STATES, P5,
                       SCO_2001, m)

KNOWLEDGE = "editor's knowledge of founding and accession dates"
# Wikidata ids are given only where several public code bases agree on them.


def org(id: str, label: str, aliases: list[str], subtype: str = IGO, **extra) -> dict:
    rec = {"id": id, "type": "Organization", "subtype": subtype, "label": label, "aliases": aliases}
    rec.update(extra)
    rec.setdefault("source", KNOWLEDGE)
    return rec


IGOS = [
    org("un", "United Nations", ["UN", "U.N.", "the United Nations", "the UN", "the U.N."],
        wikidata="Q1065", founded="1945-10-24",
        note="build_gazetteer.py adds every other current member with an unknown start",
        members=m("1945-10-24", "soviet_union", end="1991-12-24") + m("1991-12-24", "russia")
        + m("2000-11-01", "serbia_and_montenegro", end="2006-06-05") + m("2006-06-05", "serbia")
        + m("1993-01-19", "czech_republic", "slovakia")
        + m("1945-10-24", *P5) + m("1973-09-18", "west_germany", "east_germany", end="1990-10-03")
        + m("1990-10-03", "germany") + m("2002-09-10", "switzerland")
        + m("2006-06-28", "montenegro") + m("2011-07-14", "south_sudan")),
    org("unsc", "United Nations Security Council",
        ["UN Security Council", "U.N. Security Council", "UNSC", "the UN Security Council",
         "Security Council"], parent="un", wikidata="Q37470", founded="1945-10-24",
        ambiguous_aliases=["Security Council"], members_complete=False,
        note="members lists the permanent members only",
        members=m("1945-10-24", "france", "united_kingdom", "united_states")
        + m("1945-10-24", "taiwan", end="1971-10-25") + m("1971-10-25", "china")
        + m("1945-10-24", "soviet_union", end="1991-12-24") + m("1991-12-24", "russia")),
    org("un_general_assembly", "United Nations General Assembly",
        ["UN General Assembly", "U.N. General Assembly", "UNGA"], parent="un"),
    org("icj", "International Court of Justice", ["ICJ", "World Court"], parent="un"),
    org("nato", "North Atlantic Treaty Organization",
        ["NATO", "Nato", "North Atlantic Alliance", "the North Atlantic Alliance",
         "Atlantic Alliance", "the Atlantic Alliance"], wikidata="Q7184",
        founded="1949-08-24", members=NATO_MEMBERS),
    org("nato_russia_council", "NATO-Russia Council", ["NATO-Russia council"],
        founded="2002-05-28", members_complete=False, members=m("2002-05-28", "russia")),
    org("eu", "European Union", ["EU", "E.U.", "the EU", "the European Union",
                                 "European Community", "European Communities", "EC", "EEC",
                                 "European Economic Community"],
        wikidata="Q458", founded="1993-11-01",
        note="member dates are those of joining the European Communities", members=EU_MEMBERS),
    org("european_commission", "European Commission", ["EU Commission", "the European Commission"],
        parent="eu"),
    org("european_parliament", "European Parliament", ["the European Parliament"], parent="eu"),
    org("osce", "Organization for Security and Co-operation in Europe",
        ["OSCE", "Organization for Security and Cooperation in Europe",
         "Organisation for Security and Co-operation in Europe", "CSCE",
         "Conference on Security and Co-operation in Europe",
         "Conference on Security and Cooperation in Europe"],
        wikidata="Q81299", founded="1975-08-01", note="CSCE until 1995-01-01",
        members=m(None, *OSCE_STATES) + m("2012-11-21", "mongolia")),
    org("osce_minsk_group", "OSCE Minsk Group", ["Minsk Group", "the Minsk Group"],
        parent="osce", founded="1992-03-24", co_chairs=["france", "russia", "united_states"],
        members=m(None, "armenia", "azerbaijan", "belarus", "finland", "france", "germany", "italy",
                  "russia", "sweden", "turkey", "united_states")),
    org("cis", "Commonwealth of Independent States", ["CIS", "the CIS", "the Commonwealth"],
        wikidata="Q7779", founded="1991-12-08",
        ambiguous_aliases=["the Commonwealth"],
        note="Turkmenistan has been an associate member since 2005-08-26",
        members=m("1991-12-08", "belarus", "russia", "ukraine")
        + m("1991-12-21", "armenia", "kazakhstan", "kyrgyzstan", "moldova", "tajikistan",
            "turkmenistan", "uzbekistan") + m("1993-09-24", "azerbaijan")
        + m("1993-12", "georgia", end="2009-08-18")),
    org("shanghai_five", "Shanghai Five", ["Shanghai Forum"], founded="1996-04-26",
        dissolved="2001-06-15", successor="sco",
        members=m("1996-04-26", "china", "kazakhstan", "kyrgyzstan", "russia", "tajikistan",
                  end="2001-06-15")),
    org("sco", "Shanghai Cooperation Organization",
        ["SCO", "Shanghai Cooperation Organisation", "Shanghai Organization of Cooperation"],
        wikidata="Q485207", founded="2001-06-15",
        members=m("2001-06-15", *SCO_2001) + m("2017-06-09", "india", "pakistan")
        + m("2023-07-04", "iran") + m("2024-07-04", "belarus")),
    org("csto", "Collective Security Treaty Organization",
        ["CSTO", "Collective Security Treaty Organisation", "ODKB"], founded="2002-10-07",
        members=m("2002-10-07", *CSTO_2002) + m("2006", "uzbekistan", end="2012")),
    org("collective_security_council", "Collective Security Council",
        ["CSTO Collective Security Council"], parent="csto"),
    org("guuam", "GUAM", ["GUUAM", "GUAM Organization for Democracy and Economic Development",
                          "Organization for Democracy and Economic Development"],
        founded="1997-10-10", note="GUUAM while Uzbekistan was a member",
        members=m("1997-10-10", "azerbaijan", "georgia", "moldova", "ukraine")
        + m("1999-04-24", "uzbekistan", end="2005-05-05")),
    org("asean", "Association of Southeast Asian Nations",
        ["ASEAN", "Asean", "Association of South-East Asian Nations"], wikidata="Q7768",
        founded="1967-08-08", members=ASEAN_MEMBERS),
    org("arf", "ASEAN Regional Forum", ["ARF"], parent="asean", founded="1994-07-25",
        members_complete=False,
        members=m("1994-07-25", "australia", "canada", "china", "japan", "new_zealand",
                  "russia", "south_korea", "united_states") + m("2000-07", "north_korea")),
    org("apec", "Asia-Pacific Economic Cooperation", ["APEC", "Asia Pacific Economic Cooperation"],
        founded="1989-11",
        members=m("1989-11", "australia", "brunei", "canada", "indonesia", "japan", "malaysia",
                  "new_zealand", "philippines", "singapore", "south_korea", "thailand",
                  "united_states") + m("1991-11", "china", "taiwan")
        + m("1993-11", "mexico", "papua_new_guinea") + m("1994-11", "chile")
        + m("1998-11", "peru", "russia", "vietnam")),
    org("g7", "Group of Seven", ["G7", "G-7", "Group of 7"], founded="1975-11", members=G7_MEMBERS),
    org("g8", "Group of Eight", ["G8", "G-8", "Group of 8"], founded="1997", dissolved="2014-03",
        members=[dict(x, end=x["end"] or "2014-03") for x in G7_MEMBERS
                 if x["state"] != "west_germany"] + m("1997", "russia", end="2014-03"),
        note="the G7 with Russia; Russia was suspended in March 2014"),
    org("g20", "Group of Twenty", ["G20", "G-20", "Group of 20"], founded="1999-09",
        members=m("1999-09", "argentina", "australia", "brazil", "canada", "china", "france",
                  "germany", "india", "indonesia", "italy", "japan", "mexico", "russia",
                  "saudi_arabia", "south_africa", "south_korea", "turkey", "united_kingdom",
                  "united_states")),
    org("wto", "World Trade Organization", ["WTO", "World Trade Organisation"], wikidata="Q7825",
        founded="1995-01-01", members_complete=False,
        members=m("1995-01-01", "united_states", "japan", "india", "brazil", "canada")
        + m("2001-12-11", "china") + m("2002-01-01", "taiwan") + m("2007-01-11", "vietnam")
        + m("2008-05-16", "ukraine") + m("2012-08-22", "russia") + m("2015-11-30", "kazakhstan")),
    org("iaea", "International Atomic Energy Agency", ["IAEA", "the IAEA"], founded="1957-07-29",
        members_complete=False,
        members=m("1957-07-29", "united_states", "soviet_union", end=None)
        + m("1974", "north_korea", end="1994-06-13")),
    org("opec", "Organization of the Petroleum Exporting Countries",
        ["OPEC", "Opec", "Organisation of the Petroleum Exporting Countries"], wikidata="Q7795",
        members_complete=False,
        founded="1960-09-14",
        members=m("1960-09-14", "iran", "iraq", "kuwait", "saudi_arabia", "venezuela")
        + m("1961", "qatar", end="2019-01-01") + m("1962", "libya") + m("1967", "united_arab_emirates")
        + m("1969", "algeria") + m("1971", "nigeria") + m("2017-05-25", "equatorial_guinea")
        + m("2018-06-22", "republic_of_the_congo") + m("2016-07-01", "gabon")
        + m("2007-01", "angola", end="2024-01-01")),
    org("council_of_europe", "Council of Europe", ["CoE"], wikidata="Q8908", founded="1949-05-05",
        members=m("1949-05-05", *COE_1949) + m("1949-08-09", "greece", "turkey")
        + m(None, *COE_STATES) + m("1996-02-28", "russia", end="2022-03-16")),
    org("arab_league", "Arab League", ["League of Arab States", "the Arab League"],
        wikidata="Q7172", founded="1945-03-22",
        members=m("1945-03-22", "egypt", "iraq", "jordan", "lebanon", "saudi_arabia", "syria")
        + m("1953", "libya") + m("1956", "sudan") + m("1958", "morocco", "tunisia")
        + m("1961", "kuwait") + m("1962", "algeria") + m("1971", "bahrain", "oman", "qatar",
                                                          "united_arab_emirates")
        + m("1973", "mauritania") + m("1974", "somalia") + m("1976", "palestine")
        + m("1977", "djibouti") + m("1993", "comoros") + m(None, "yemen")),
    org("oau", "Organization of African Unity", ["OAU", "Organisation of African Unity"],
        founded="1963-05-25", dissolved="2002-07-09", successor="african_union"),
    org("african_union", "African Union", ["AU", "the African Union", "African Union Commission", "AU Commission",
                                           "Peace and Security Council", "AU Peace and Security Council",
                                           "African Union Peace and Security Council"], wikidata="Q7159",
        founded="2002-07-09",
        members=m("2002-07-09", *AFRICA) + m("2011-07", "south_sudan") + m("2017-01-30", "morocco")),
    org("oas", "Organization of American States", ["OAS", "Organisation of American States"],
        wikidata="Q123759", founded="1948-04-30",
        members=m(None, *AMERICAS) + m(None, "venezuela", end="2019-04-27")
        + m(None, "nicaragua", end="2023-11-19")),
    org("gcc", "Gulf Cooperation Council", ["GCC", "Cooperation Council for the Arab States of the Gulf"],
        founded="1981-05-25",
        members=m("1981-05-25", "bahrain", "kuwait", "oman", "qatar", "saudi_arabia",
                  "united_arab_emirates")),
    org("eurasec", "Eurasian Economic Community", ["EurAsEC", "EAEC"],
        founded="2000-10-10", dissolved="2015-01-01", successor="eaeu",
        members=m("2000-10-10", "belarus", "kazakhstan", "kyrgyzstan", "russia", "tajikistan",
                  end="2015-01-01") + m("2006-01-25", "uzbekistan", end="2008-11-12")),
    org("eaeu", "Eurasian Economic Union", ["EAEU", "EEU", "Eurasian Union"], founded="2015-01-01",
        members=m("2015-01-01", "belarus", "kazakhstan", "russia") + m("2015-01-02", "armenia")
        + m("2015-08-12", "kyrgyzstan")),
    org("union_state", "Union State of Russia and Belarus",
        ["Union State", "the Union State", "Russia-Belarus Union State", "Union of Belarus and Russia",
         "Russia-Belarus Union"], founded="2000-01-26",
        members=m("2000-01-26", "belarus", "russia")),
    org("arctic_council", "Arctic Council", ["the Arctic Council"], founded="1996-09-19",
        members=m("1996-09-19", "canada", "denmark", "finland", "iceland", "norway", "russia", "sweden",
                  "united_states")),
    org("brics", "BRICS", ["BRIC"], founded="2009-06-16",
        members=m("2009-06-16", "brazil", "china", "india", "russia") + m("2010-12-24", "south_africa")
        + m("2024-01-01", "egypt", "ethiopia", "iran", "united_arab_emirates")
        + m("2025-01-06", "indonesia")),
    org("warsaw_pact", "Warsaw Pact", ["Warsaw Treaty Organization", "the Warsaw Pact"],
        founded="1955-05-14", dissolved="1991-07-01",
        members=m("1955-05-14", "bulgaria", "czechoslovakia", "hungary", "poland", "romania",
                  "soviet_union", end="1991-07-01") + m("1955-05-14", "albania", end="1968-09-13")
        + m("1956-01-28", "east_germany", end="1990-09-24")),
    org("comecon", "Council for Mutual Economic Assistance", ["Comecon", "CMEA", "COMECON"],
        founded="1949-01-25", dissolved="1991-06-28",
        members=m("1949-01-25", "bulgaria", "czechoslovakia", "hungary", "poland", "romania",
                  "soviet_union", end="1991-06-28") + m("1950", "east_germany", end="1990-10-03")
        + m("1962", "mongolia", end="1991-06-28") + m("1972", "cuba", end="1991-06-28")
        + m("1978", "vietnam", end="1991-06-28")),
    org("imf", "International Monetary Fund", ["IMF", "the IMF"], wikidata="Q7804",
        founded="1945-12-27", members_complete=False, members=m("1992-06-01", "russia")),
    org("world_bank", "World Bank", ["the World Bank"], wikidata="Q7164", members_complete=False),
    org("icc", "International Criminal Court", ["ICC", "the ICC"], wikidata="Q47488", founded="2002-07-01",
        members_complete=False,
        members=m("2002-07-01", "france", "germany", "italy", "united_kingdom")
        + m("2004-12-01", "burundi", end="2017-10-27") + m("2011-11-01", "philippines", end="2019-03-17")),
    org("ecowas", "Economic Community of West African States", ["ECOWAS", "Ecowas"],
        founded="1975-05-28",
        members=m("1975-05-28", "benin", "gambia", "ghana", "guinea", "guinea_bissau", "ivory_coast",
                  "liberia", "nigeria", "senegal", "sierra_leone", "togo")
        + m("1975-05-28", "burkina_faso", "mali", "niger", end="2025-01-29")
        + m("1975-05-28", "mauritania", end="2000-12") + m("1977", "cape_verde")),
    org("saarc", "South Asian Association for Regional Cooperation", ["SAARC"],
        founded="1985-12-08",
        members=m("1985-12-08", "bangladesh", "bhutan", "india", "maldives", "nepal", "pakistan",
                  "sri_lanka") + m("2007-04-03", "afghanistan")),
    org("mercosur", "Mercosur", ["Mercosul", "Southern Common Market"], founded="1991-03-26",
        note="suspensions (Paraguay 2012, Venezuela 2016) are not modelled",
        members=m("1991-03-26", "argentina", "brazil", "paraguay", "uruguay")
        + m("2012-07-31", "venezuela") + m("2024-07", "bolivia")),
    org("oic", "Organisation of Islamic Cooperation",
        ["OIC", "Organization of Islamic Cooperation", "Organization of the Islamic Conference",
         "Organisation of the Islamic Conference"], founded="1969-09-25", members_complete=False,
        members=m(None, "saudi_arabia", "iran", "pakistan", "turkey", "egypt", "indonesia",
                  "azerbaijan", "kazakhstan")),
    org("e3_plus_3", "E3+3", ["P5+1", "E3 plus 3", "P5 plus 1", "EU3+3", "E3/EU+3",
                              "the six world powers", "the six major powers", "the six powers",
                              "six world powers", "six major powers", "the six major world powers",
                              "six major world powers"],
        founded="2006-06",
        members=m("2006-06", "china", "france", "germany", "russia", "united_kingdom",
                  "united_states"),
        grouping="named", note="China, France, Germany, Russia, the United Kingdom and the "
                               "United States negotiating with Iran"),
    org("commonwealth_of_nations", "Commonwealth of Nations",
        ["British Commonwealth", "the Commonwealth", "the Commonwealth of Nations"],
        ambiguous_aliases=["the Commonwealth"], founded="1931-12-11",
        members=list(COMMONWEALTH_MEMBERS)),
    org("nam", "Non-Aligned Movement", ["NAM", "Nonaligned Movement"], founded="1961-09",
        members_complete=False, members=m("1961-09", "india", "egypt", "indonesia")),
    org("opcw", "Organisation for the Prohibition of Chemical Weapons",
        ["OPCW", "Organization for the Prohibition of Chemical Weapons"], founded="1997-04-29"),
    org("who", "World Health Organization", ["WHO", "World Health Organisation"],
        founded="1948-04-07", parent="un"),
    org("unesco", "UNESCO", ["United Nations Educational, Scientific and Cultural Organization"],
        parent="un"),
    org("unhcr", "UN High Commissioner for Refugees",
        ["UNHCR", "UN refugee agency", "Office of the United Nations High Commissioner for Refugees"],
        parent="un"),
    org("interpol", "Interpol", ["International Criminal Police Organization"]),
    org("cica", "Conference on Interaction and Confidence-Building Measures in Asia",
        ["CICA"], founded="1999-09"),
]


def body(id: str, label: str, aliases: list[str], state: str, **extra) -> dict:
    return org(id, label, aliases, GOV, state=state, **extra)


GOVERNMENT_BODIES = [
    body("state_department", "State Department",
         ["US State Department", "U.S. State Department", "the State Department",
          "Department of State", "United States Department of State"], "united_states"),
    body("pentagon", "Pentagon",
         ["the Pentagon", "Department of Defense", "US Department of Defense",
          "U.S. Department of Defense", "Defense Department", "the Defense Department",
          "US Defense Department", "U.S. Defense Department"], "united_states"),
    body("us_congress", "United States Congress",
         ["US Congress", "U.S. Congress", "the US Congress", "the U.S. Congress"], "united_states"),
    body("us_senate", "United States Senate", ["US Senate", "U.S. Senate", "the US Senate",
                                               "the U.S. Senate"], "united_states"),
    body("cia", "Central Intelligence Agency", ["CIA", "the CIA"], "united_states"),
    body("russian_foreign_ministry", "Russian Foreign Ministry",
         ["Russian Ministry of Foreign Affairs", "Foreign Ministry of Russia",
          "Russia's Foreign Ministry", "Ministry of Foreign Affairs of the Russian Federation"],
         "russia"),
    body("russian_defense_ministry", "Russian Defense Ministry",
         ["Russian Ministry of Defense", "Russian Defence Ministry", "Russia's Defense Ministry",
          "Ministry of Defence of the Russian Federation"], "russia"),
    body("state_duma", "State Duma", ["Duma", "the Duma", "the State Duma", "Russian Duma",
                                      "Russian State Duma"], "russia"),
    body("federation_council", "Federation Council",
         ["the Federation Council", "Russian Federation Council"], "russia"),
    body("security_council_of_russia", "Security Council of Russia",
         ["Russian Security Council", "Security Council of the Russian Federation",
          "Security Council"], "russia", ambiguous_aliases=["Security Council"]),
    body("chinese_foreign_ministry", "Chinese Foreign Ministry",
         ["Chinese Ministry of Foreign Affairs", "China's Foreign Ministry",
          "Foreign Ministry of China"], "china"),
    body("chinese_defense_ministry", "Chinese Defense Ministry",
         ["Chinese Ministry of National Defense", "China's Defense Ministry"], "china"),
    body("national_peoples_congress", "National People's Congress",
         ["NPC", "the National People's Congress"], "china"),
    body("pla", "People's Liberation Army", ["PLA", "the People's Liberation Army"], "china"),
    body("foreign_office", "Foreign and Commonwealth Office",
         ["Foreign Office", "the Foreign Office", "British Foreign Office", "FCO",
          "Foreign, Commonwealth and Development Office"], "united_kingdom"),
    body("bundestag", "Bundestag", ["the Bundestag", "German Bundestag"], "germany"),
    body("verkhovna_rada", "Verkhovna Rada", ["the Verkhovna Rada", "Ukrainian parliament"],
         "ukraine"),
    body("knesset", "Knesset", ["the Knesset"], "israel"),
]

NGOS = [
    org("amnesty_international", "Amnesty International", [], NGO),
    org("human_rights_watch", "Human Rights Watch", ["HRW"], NGO, state="united_states"),
    org("icrc", "International Committee of the Red Cross",
        ["ICRC", "the ICRC", "International Red Cross"], NGO, state="switzerland"),
    org("msf", "Médecins Sans Frontières",
        ["MSF", "Medecins Sans Frontieres", "Doctors Without Borders"], NGO),
    org("greenpeace", "Greenpeace", [], NGO),
    org("transparency_international", "Transparency International", [], NGO),
    org("jamestown_foundation", "Jamestown Foundation", ["the Jamestown Foundation"], NGO,
        state="united_states"),
]

COMPANIES = [
    org("gazprom", "Gazprom", ["OAO Gazprom", "PAO Gazprom"], COMPANY, state="russia"),
    org("rosneft", "Rosneft", [], COMPANY, state="russia"),
    org("lukoil", "Lukoil", ["LUKoil", "LUKOIL"], COMPANY, state="russia"),
    org("yukos", "Yukos", ["YUKOS"], COMPANY, state="russia"),
    org("transneft", "Transneft", [], COMPANY, state="russia"),
    org("rosatom", "Rosatom", [], COMPANY, state="russia"),
    org("cnpc", "China National Petroleum Corporation", ["CNPC"], COMPANY, state="china"),
    org("sinopec", "Sinopec", ["China Petroleum and Chemical Corporation"], COMPANY, state="china"),
    org("naftogaz", "Naftogaz", ["Naftogaz Ukrainy", "Naftogaz of Ukraine"], COMPANY, state="ukraine"),
]


def outlet(id: str, label: str, aliases: list[str], state: str | None, **extra) -> dict:
    return org(id, label, aliases, MEDIA, state=state, source="editor's knowledge", **extra)


OUTLETS = [
    outlet("interfax", "Interfax", ["Interfax news agency", "Interfax-AVN", "Interfax-Military News Agency"], "russia"),
    outlet("itar_tass", "ITAR-TASS", ["Itar-Tass", "TASS", "Tass", "ITAR-Tass"], "russia"),
    outlet("ria_novosti", "RIA Novosti", ["RIA", "RIA-Novosti", "Novosti"], "russia"),
    outlet("strana_ru", "Strana.ru", ["Strana.ru website"], "russia"),
    outlet("kommersant", "Kommersant", ["Kommersant-Daily", "Kommersant Daily"], "russia"),
    outlet("izvestia", "Izvestia", ["Izvestiya"], "russia"),
    outlet("nezavisimaya_gazeta", "Nezavisimaya Gazeta", ["Nezavisimaya gazeta"], "russia"),
    outlet("segodnya", "Segodnya", [], "russia"),
    outlet("rossiiskaya_gazeta", "Rossiiskaya Gazeta", ["Rossiyskaya Gazeta"], "russia"),
    outlet("moscow_times", "The Moscow Times", ["Moscow Times"], "russia"),
    outlet("ort", "ORT", ["Russian Public Television", "Channel One Russia", "Pervy Kanal"], "russia"),
    outlet("ntv", "NTV", ["NTV television"], "russia"),
    outlet("rtr", "RTR", ["RTR television", "Rossiya television"], "russia"),
    outlet("xinhua", "Xinhua", ["Xinhua News Agency", "New China News Agency"], "china"),
    outlet("peoples_daily", "People's Daily", ["Renmin Ribao"], "china"),
    outlet("china_daily", "China Daily", [], "china"),
    outlet("cctv", "China Central Television", ["CCTV"], "china"),
    outlet("reuters", "Reuters", [], "united_kingdom"),
    outlet("afp", "Agence France-Presse", ["AFP", "Agence France Presse"], "france"),
    outlet("ap", "Associated Press", ["AP", "the Associated Press"], "united_states"),
    outlet("bbc", "BBC", ["British Broadcasting Corporation", "the BBC"], "united_kingdom"),
    outlet("cnn", "CNN", ["Cable News Network"], "united_states"),
    outlet("voa", "Voice of America", ["VOA"], "united_states"),
    outlet("rferl", "Radio Free Europe/Radio Liberty",
           ["RFE/RL", "Radio Liberty", "Radio Free Europe"], "united_states"),
    outlet("deutsche_welle", "Deutsche Welle", ["DW"], "germany"),
    outlet("new_york_times", "The New York Times", ["New York Times", "NYT"], "united_states"),
    outlet("washington_post", "The Washington Post", ["Washington Post"], "united_states"),
    outlet("wall_street_journal", "The Wall Street Journal", ["Wall Street Journal", "WSJ"],
           "united_states"),
    outlet("guardian", "The Guardian", ["the Guardian"], "united_kingdom"),
    outlet("telegraph", "The Daily Telegraph",
           ["The Telegraph", "the Telegraph", "Daily Telegraph", "the Daily Telegraph", "Telegraph"], "united_kingdom"),
    outlet("financial_times", "Financial Times", ["FT", "the Financial Times"], "united_kingdom"),
    outlet("economist", "The Economist", ["the Economist"], "united_kingdom"),
    outlet("kyodo", "Kyodo News", ["Kyodo", "Kyodo news agency"], "japan"),
    outlet("nhk", "NHK", ["Japan Broadcasting Corporation"], "japan"),
    outlet("yonhap", "Yonhap", ["Yonhap News Agency"], "south_korea"),
    outlet("kcna", "Korean Central News Agency", ["KCNA"], "north_korea"),
    outlet("irna", "Islamic Republic News Agency", ["IRNA"], "iran"),
    outlet("azertag", "AzerTAg", ["AzerTAj", "Azertag", "Azertaj"], "azerbaijan"),
    outlet("trend", "Trend News Agency", ["Trend news agency"], "azerbaijan"),
    outlet("arminfo", "Arminfo", ["ArmInfo"], "armenia"),
    outlet("belapan", "Belapan", ["BelaPAN"], "belarus"),
    outlet("unian", "UNIAN", ["Ukrainian Independent Information Agency"], "ukraine"),
    outlet("kazinform", "Kazinform", [], "kazakhstan"),
    outlet("khabar", "Khabar", ["Khabar Agency"], "kazakhstan"),
    outlet("al_jazeera", "Al Jazeera", ["Al-Jazeera", "Aljazeera"], "qatar"),
    outlet("anadolu", "Anadolu Agency", ["Anadolu"], "turkey"),
    outlet("pti", "Press Trust of India", ["PTI"], "india"),
]
