"""Intergovernmental bodies added in session 11: regional groupings, organs of the EU, NATO, the
Council of Europe, the OSCE, the CIS and the Arab League, export-control regimes, development
banks and UN and regional missions. (The NATO-Ukraine Commission is left to discovery: its name
names two actors, and tests/test_extract_linking_s9.py reads it as a discovered body of no state.)

Helpers and conventions as in groups_table.py: a founding or dissolution date only where it is
well established; members (with dated intervals) only where the editor knows them for certain,
``members_complete: false`` where the list names the founders or the members relevant to our texts.
No acronym that is also a common word or another body's acronym ("NSG", "EAS", "RATS", "EEC").
"""

from __future__ import annotations

from groups_table import igo, un_body
from orgs_data import GOV, m
from orgs_table import org

BSEC_1992 = ("albania", "armenia", "azerbaijan", "bulgaria", "georgia", "greece", "moldova", "romania", "russia",
             "turkey", "ukraine")
TURKIC_2009 = ("azerbaijan", "kazakhstan", "kyrgyzstan", "turkey")

REGIONAL = [
    igo("ibsa", "IBSA Dialogue Forum", ["IBSA", "India-Brazil-South Africa Dialogue Forum", "IBSA forum"],
        founded="2003-06-06", members=m("2003-06-06", "india", "brazil", "south_africa")),
    igo("bsec", "Organization of the Black Sea Economic Cooperation",
        ["BSEC", "Black Sea Economic Cooperation", "Black Sea Economic Cooperation Organization",
         "Organisation of the Black Sea Economic Cooperation"], founded="1992-06-25",
        members=m("1992-06-25", *BSEC_1992), members_complete=False),
    igo("turkic_council", "Organization of Turkic States",
        ["Turkic Council", "Cooperation Council of Turkic Speaking States", "Cooperation Council of Turkic-Speaking States",
         "Organisation of Turkic States"], founded="2009-10-03",
        members=m("2009-10-03", *TURKIC_2009) + m("2019", "uzbekistan")),
    igo("eco", "Economic Cooperation Organization", ["Economic Cooperation Organisation"], founded="1985",
        members=m("1985", "iran", "pakistan", "turkey")
        + m("1992", "afghanistan", "azerbaijan", "kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan")),
    igo("eurasian_customs_union", "Eurasian Customs Union",
        ["Customs Union of Russia, Belarus and Kazakhstan", "Customs Union of Belarus, Kazakhstan and Russia",
         "Russia-Belarus-Kazakhstan Customs Union"], founded="2010-01-01",
        members=m("2010-01-01", "russia", "belarus", "kazakhstan") + m("2015-01-02", "armenia")
        + m("2015-08-12", "kyrgyzstan")),
    igo("eurasian_economic_commission", "Eurasian Economic Commission", [], parent="eaeu", founded="2012"),
    igo("cis_executive_committee", "CIS Executive Committee",
        ["Executive Committee of the CIS", "Executive Committee of the Commonwealth of Independent States"], parent="cis"),
    igo("cis_council_heads_of_state", "CIS Council of Heads of State",
        ["Council of CIS Heads of State", "Council of Heads of State of the CIS"], parent="cis"),
    igo("cis_interparliamentary_assembly", "CIS Interparliamentary Assembly",
        ["Interparliamentary Assembly of the CIS", "CIS Inter-Parliamentary Assembly"], parent="cis"),
    igo("asean_plus_three", "ASEAN Plus Three", ["ASEAN+3", "ASEAN plus Three", "ASEAN Plus 3"], parent="asean"),
    igo("east_asia_summit", "East Asia Summit", [], founded="2005-12-14"),
    igo("asem", "Asia-Europe Meeting", ["ASEM"], founded="1996"),
    igo("bimstec", "BIMSTEC", ["Bay of Bengal Initiative for Multi-Sectoral Technical and Economic Cooperation"],
        founded="1997"),
    igo("pacific_islands_forum", "Pacific Islands Forum", [], founded="1971"),
    igo("unasur", "Union of South American Nations", ["UNASUR", "Unasur", "Unasul"], founded="2008-05-23"),
    igo("alba", "Bolivarian Alliance for the Peoples of Our America",
        ["ALBA", "Bolivarian Alliance for the Americas", "ALBA-TCP"], founded="2004-12-14",
        members=m("2004-12-14", "venezuela", "cuba") + m("2006", "bolivia") + m("2007", "nicaragua"),
        members_complete=False),
    igo("celac", "Community of Latin American and Caribbean States", ["CELAC"], founded="2011-12-03"),
    igo("union_for_the_mediterranean", "Union for the Mediterranean", ["UfM"], founded="2008-07-13"),
    igo("cbss", "Council of the Baltic Sea States", ["CBSS"], founded="1992-03-06"),
    igo("g77", "Group of 77", ["G77", "G-77", "Group of Seventy-Seven", "G77 and China"], founded="1964-06-15"),
    igo("paris_club", "Paris Club", [], founded="1956"),
    igo("middle_east_quartet", "Middle East Quartet",
        ["Quartet on the Middle East", "Mideast Quartet", "the Quartet", "international Quartet"], founded="2002",
        note="the UN, the EU, the United States and Russia"),
    igo("trilateral_contact_group", "Trilateral Contact Group",
        ["Trilateral Contact Group on Ukraine", "Trilateral Contact Group on Donbas"], founded="2014",
        note="Ukraine, Russia and the OSCE"),
    igo("peninsula_shield", "Peninsula Shield Force", ["Peninsula Shield", "Peninsula Shield Forces"], parent="gcc",
        founded="1984"),
    igo("arab_league_council", "Council of the Arab League",
        ["Arab League Council", "Arab League's council", "Arab League ministerial council"], parent="arab_league"),
    igo("amisom", "AMISOM", ["African Union Mission in Somalia", "AU Mission in Somalia"], parent="african_union",
        founded="2007", dissolved="2022"),
    igo("ecowas_commission", "ECOWAS Commission", [], parent="ecowas"),
]

EUROPEAN = [
    igo("north_atlantic_council", "North Atlantic Council", [], parent="nato", founded="1949"),
    igo("eapc", "Euro-Atlantic Partnership Council", ["EAPC"], parent="nato", founded="1997-05-30"),
    igo("partnership_for_peace", "Partnership for Peace", ["PfP", "NATO's Partnership for Peace"], parent="nato",
        founded="1994-01-10"),
    igo("nato_georgia_commission", "NATO-Georgia Commission", [], parent="nato", founded="2008-09-15"),
    igo("european_court_of_justice", "European Court of Justice",
        ["Court of Justice of the European Union", "ECJ", "CJEU", "EU Court of Justice", "EU's top court"],
        parent="eu"),
    igo("european_court_of_human_rights", "European Court of Human Rights",
        ["ECtHR", "Strasbourg court", "Strasbourg-based European Court of Human Rights"],
        parent="council_of_europe", founded="1959"),
    igo("pace", "Parliamentary Assembly of the Council of Europe", ["PACE", "Council of Europe Parliamentary Assembly"],
        parent="council_of_europe"),
    igo("venice_commission", "Venice Commission", ["European Commission for Democracy through Law"],
        parent="council_of_europe", founded="1990"),
    igo("odihr", "Office for Democratic Institutions and Human Rights", ["ODIHR", "OSCE/ODIHR", "OSCE ODIHR"],
        parent="osce"),
    igo("osce_pa", "OSCE Parliamentary Assembly", ["Parliamentary Assembly of the OSCE"], parent="osce"),
    igo("osce_smm", "OSCE Special Monitoring Mission to Ukraine",
        ["Special Monitoring Mission to Ukraine", "OSCE monitoring mission in Ukraine", "OSCE SMM"], parent="osce",
        founded="2014-03-21", dissolved="2022"),
    igo("eeas", "European External Action Service", ["EEAS"], parent="eu", founded="2010"),
    igo("frontex", "Frontex", ["European Border and Coast Guard Agency"], parent="eu", founded="2004"),
    igo("europol", "Europol", [], parent="eu"),
    igo("eulex", "EULEX", ["EU Rule of Law Mission in Kosovo", "European Union Rule of Law Mission in Kosovo"],
        parent="eu", founded="2008"),
    igo("eumm_georgia", "EU Monitoring Mission in Georgia", ["EUMM", "European Union Monitoring Mission in Georgia"],
        parent="eu", founded="2008-10-01"),
    igo("eufor", "EUFOR", ["EUFOR Althea", "European Union Force"], parent="eu", founded="2004"),
    igo("eurasian_development_bank", "Eurasian Development Bank", [], founded="2006"),
]

GLOBAL_BODIES = [
    un_body("ecosoc", "United Nations Economic and Social Council",
            ["ECOSOC", "UN Economic and Social Council"]),
    un_body("unodc", "UN Office on Drugs and Crime", ["UNODC", "United Nations Office on Drugs and Crime"]),
    un_body("unomig", "UNOMIG", ["UN Observer Mission in Georgia", "United Nations Observer Mission in Georgia"],
            founded="1993", dissolved="2009"),
    un_body("unmot", "UNMOT", ["UN Mission of Observers in Tajikistan"], founded="1994", dissolved="2000"),
    un_body("unficyp", "UNFICYP", ["UN Peacekeeping Force in Cyprus", "United Nations Peacekeeping Force in Cyprus"],
            founded="1964"),
    un_body("undof", "UNDOF", ["UN Disengagement Observer Force"], founded="1974"),
    un_body("untso", "UNTSO", ["UN Truce Supervision Organization"], founded="1948"),
    un_body("unmee", "UNMEE", ["UN Mission in Ethiopia and Eritrea"], founded="2000", dissolved="2008"),
    un_body("unmis", "UNMIS", ["UN Mission in Sudan", "United Nations Mission in Sudan"], founded="2005",
            dissolved="2011"),
    un_body("unmiss", "UNMISS", ["UN Mission in South Sudan", "United Nations Mission in South Sudan"], founded="2011"),
    un_body("minusma", "MINUSMA", ["UN Multidimensional Integrated Stabilization Mission in Mali"], founded="2013",
            dissolved="2023"),
    un_body("minusca", "MINUSCA", ["UN Multidimensional Integrated Stabilization Mission in the Central African Republic"],
            founded="2014"),
    un_body("unoci", "UNOCI", ["UN Operation in Cote d'Ivoire", "UN Operation in Côte d'Ivoire"], founded="2004",
            dissolved="2017"),
    un_body("unami", "UNAMI", ["UN Assistance Mission for Iraq", "United Nations Assistance Mission for Iraq"],
            founded="2003"),
    un_body("ipcc", "Intergovernmental Panel on Climate Change", ["IPCC"], founded="1988"),
    un_body("icao", "International Civil Aviation Organization", ["ICAO"]),
    un_body("wipo", "World Intellectual Property Organization", ["WIPO"]),
    igo("ctbto", "Comprehensive Nuclear-Test-Ban Treaty Organization",
        ["CTBTO", "CTBTO Preparatory Commission", "Comprehensive Nuclear Test Ban Treaty Organization"], founded="1996"),
    igo("nuclear_suppliers_group", "Nuclear Suppliers Group", [], founded="1974"),
    igo("mtcr", "Missile Technology Control Regime", ["MTCR"], founded="1987"),
    igo("wassenaar_arrangement", "Wassenaar Arrangement", [], founded="1996"),
    igo("australia_group", "Australia Group", [], founded="1985"),
    igo("isdb", "Islamic Development Bank", ["IsDB"], founded="1973"),
    igo("aiib", "Asian Infrastructure Investment Bank", ["AIIB"], founded="2015"),
    igo("new_development_bank", "New Development Bank", ["BRICS Development Bank", "BRICS bank"], founded="2015"),
]

STATE_BODIES = [
    org("aeoi", "Atomic Energy Organization of Iran", ["AEOI", "Atomic Energy Organisation of Iran",
                                                       "Iran's Atomic Energy Organization"], GOV, state="iran"),
]

ALL = REGIONAL + EUROPEAN + GLOBAL_BODIES + STATE_BODIES
