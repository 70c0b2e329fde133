"""Hand-written table behind ontology/gazetteer/states.jsonl (see build_gazetteer.py).

One row per state: ``iso2|id|label|capital|metonyms|adjectives|demonyms|aliases|prefixes|wikidata``.
List fields are separated by ``;``. ``demonyms`` empty means "adjective + s" (see the builder),
``-`` means none. The capital is always a metonym unless it equals the label (Singapore) or is a
common English word (Male, Victoria). A ``*`` after a form marks it as knowingly shared with
another state (it goes to ``ambiguous_aliases``). ISO codes and official names come from pycountry;
the names, adjectives and capitals are the editor's knowledge, checked against the Phoenix
country dictionaries (Open Event Data Alliance, MIT).
"""

MEMBERS = """
AF|afghanistan|Afghanistan|Kabul||Afghan|Afghans|||Q889
AL|albania|Albania|Tirana|Tirane|Albanian||||Q222
DZ|algeria|Algeria|Algiers||Algerian||||Q262
AD|andorra|Andorra|Andorra la Vella||Andorran||||Q228
AO|angola|Angola|Luanda||Angolan||||
AG|antigua_and_barbuda|Antigua and Barbuda|St. John's||Antiguan||Antigua||
AR|argentina|Argentina|Buenos Aires||Argentine;Argentinian;Argentinean|Argentines;Argentinians;Argentineans|||Q414
AM|armenia|Armenia|Yerevan|Erevan|Armenian||||Q399
AU|australia|Australia|Canberra||Australian||||Q408
AT|austria|Austria|Vienna||Austrian|||Austro-|Q40
AZ|azerbaijan|Azerbaijan|Baku||Azerbaijani;Azeri|Azerbaijanis;Azeris|||Q227
BS|bahamas|Bahamas|Nassau||Bahamian||the Bahamas||
BH|bahrain|Bahrain|Manama||Bahraini||||Q398
BD|bangladesh|Bangladesh|Dhaka|Dacca|Bangladeshi||||Q902
BB|barbados|Barbados|Bridgetown||Barbadian||||
BY|belarus|Belarus|Minsk||Belarusian;Belarusan;Belarussian;Byelorussian;Belorussian|Belarusians|Byelorussia;Belorussia;Belarussia||Q184
BE|belgium|Belgium|Brussels||Belgian|||Belgo-|Q31
BZ|belize|Belize|Belmopan||Belizean||||
BJ|benin|Benin|Porto-Novo|Cotonou|Beninese|-|Dahomey||
BT|bhutan|Bhutan|Thimphu||Bhutanese|-|||
BO|bolivia|Bolivia|Sucre|La Paz|Bolivian||||
BA|bosnia_and_herzegovina|Bosnia and Herzegovina|Sarajevo||Bosnian;Herzegovinian|Bosnians;Herzegovinians|Bosnia;Bosnia-Herzegovina;Bosnia and Hercegovina;Bosnia-Hercegovina||Q225
BW|botswana|Botswana|Gaborone||Botswanan|Batswana;Motswana|||
BR|brazil|Brazil|Brasilia|Brasília|Brazilian||||Q155
BN|brunei|Brunei|Bandar Seri Begawan||Bruneian||||
BG|bulgaria|Bulgaria|Sofia||Bulgarian||||Q219
BF|burkina_faso|Burkina Faso|Ouagadougou||Burkinabe;Burkinabé|-|Upper Volta||
BI|burundi|Burundi|Gitega|Bujumbura|Burundian||||
CV|cape_verde|Cape Verde|Praia||Cape Verdean||Cabo Verde||
KH|cambodia|Cambodia|Phnom Penh||Cambodian;Kampuchean|Cambodians;Kampucheans|Kampuchea||Q424
CM|cameroon|Cameroon|Yaounde|Yaoundé|Cameroonian||||
CA|canada|Canada|Ottawa||Canadian||||Q16
CF|central_african_republic|Central African Republic|Bangui||Central African||the Central African Republic;CAR||
TD|chad|Chad|N'Djamena|Ndjamena|Chadian||||
CL|chile|Chile|Santiago||Chilean||||Q298
CN|china|China|Beijing|Peking;Zhongnanhai|Chinese|-|PRC;People's Republic of China;the People's Republic of China;P.R.C.|Sino-|Q148
CO|colombia|Colombia|Bogota|Bogotá|Colombian||||Q739
KM|comoros|Comoros|Moroni||Comoran;Comorian||the Comoros||
CG|republic_of_the_congo|Republic of the Congo|Brazzaville||Congolese*|-|Congo-Brazzaville;Congo Republic;Congo*;the Republic of the Congo||
CD|democratic_republic_of_the_congo|Democratic Republic of the Congo|Kinshasa||Congolese*;Zairean;Zairian|Zaireans;Zairians|DR Congo;DRC;Congo-Kinshasa;Zaire;Democratic Republic of Congo;the Democratic Republic of the Congo;Congo*||
CR|costa_rica|Costa Rica|San Jose|San José|Costa Rican||||
CI|ivory_coast|Ivory Coast|Yamoussoukro|Abidjan|Ivorian||Côte d'Ivoire;Cote d'Ivoire;the Ivory Coast||
HR|croatia|Croatia|Zagreb||Croatian;Croat|Croatians;Croats|||Q224
CU|cuba|Cuba|Havana||Cuban||||Q241
CY|cyprus|Cyprus|Nicosia||Cypriot||||Q229
CZ|czech_republic|Czech Republic|Prague*||Czech|Czechs|Czechia;the Czech Republic||Q213
DK|denmark|Denmark|Copenhagen||Danish|Danes||Dano-|
DJ|djibouti|Djibouti|Djibouti||Djiboutian||||
DM|dominica|Dominica|Roseau||Dominican*|-|||
DO|dominican_republic|Dominican Republic|Santo Domingo||Dominican*|-|the Dominican Republic||
EC|ecuador|Ecuador|Quito||Ecuadorian;Ecuadorean||||
EG|egypt|Egypt|Cairo||Egyptian||||Q79
SV|el_salvador|El Salvador|San Salvador||Salvadoran;Salvadorean||||
GQ|equatorial_guinea|Equatorial Guinea|Malabo||Equatorial Guinean;Equatoguinean||||
ER|eritrea|Eritrea|Asmara||Eritrean||||
EE|estonia|Estonia|Tallinn|Tallin|Estonian||||Q191
SZ|eswatini|Eswatini|Mbabane|Lobamba|Swazi||Swaziland||
ET|ethiopia|Ethiopia|Addis Ababa||Ethiopian||||Q115
FJ|fiji|Fiji|Suva||Fijian||||
FI|finland|Finland|Helsinki||Finnish|Finns|||Q33
FR|france|France|Paris|the Elysee;Elysee;the Élysée;Élysée;the Elysee Palace;the Élysée Palace;the Quai d'Orsay;Quai d'Orsay|French|Frenchmen;Frenchman||Franco-|Q142
GA|gabon|Gabon|Libreville||Gabonese|-|||
GM|gambia|Gambia|Banjul||Gambian||the Gambia||
GE|georgia|Georgia*|Tbilisi|Tiflis|Georgian*|Georgians*|||Q230
DE|germany|Germany|Berlin|Bonn*|German|Germans|Federal Republic of Germany*;FRG*||Q183
GH|ghana|Ghana|Accra||Ghanaian||||
GR|greece|Greece|Athens||Greek|Greeks|Hellenic Republic|Greco-;Graeco-|Q41
GD|grenada|Grenada|St. George's||Grenadian||||
GT|guatemala|Guatemala|Guatemala City||Guatemalan||||
GN|guinea|Guinea|Conakry||Guinean||Guinea-Conakry||
GW|guinea_bissau|Guinea-Bissau|Bissau||Bissau-Guinean||Guinea Bissau||
GY|guyana|Guyana|Georgetown||Guyanese|-|||
HT|haiti|Haiti|Port-au-Prince||Haitian||||
HN|honduras|Honduras|Tegucigalpa||Honduran||||
HU|hungary|Hungary|Budapest||Hungarian||||Q28
IS|iceland|Iceland|Reykjavik|Reykjavík|Icelandic|Icelanders;Icelander|||Q189
IN|india|India|New Delhi|Delhi|Indian|||Indo-|Q668
ID|indonesia|Indonesia|Jakarta||Indonesian||||Q252
IR|iran|Iran|Tehran|Teheran|Iranian||Islamic Republic of Iran;Persia||Q794
IQ|iraq|Iraq|Baghdad||Iraqi||||Q796
IE|ireland|Ireland|Dublin||Irish|Irishman;Irishmen;Irishwoman|Republic of Ireland;Eire;Éire||Q27
IL|israel|Israel|Jerusalem|Tel Aviv|Israeli||||Q801
IT|italy|Italy|Rome||Italian|||Italo-|Q38
JM|jamaica|Jamaica|Kingston||Jamaican||||
JP|japan|Japan|Tokyo||Japanese|-|||Q17
JO|jordan|Jordan|Amman||Jordanian||||Q810
KZ|kazakhstan|Kazakhstan|Astana|Almaty;Alma-Ata;Akmola;Nur-Sultan|Kazakh;Kazakhstani|Kazakhs;Kazakhstanis|Kazakstan||Q232
KE|kenya|Kenya|Nairobi||Kenyan||||Q114
KI|kiribati|Kiribati|Tarawa|South Tarawa|||||
KP|north_korea|North Korea|Pyongyang||North Korean|North Koreans|DPRK;D.P.R.K.;Democratic People's Republic of Korea;the Democratic People's Republic of Korea||Q423
KR|south_korea|South Korea|Seoul|the Blue House;Cheong Wa Dae;Blue House|South Korean|South Koreans|ROK;R.O.K.;Republic of Korea;the Republic of Korea||Q884
KW|kuwait|Kuwait|Kuwait City||Kuwaiti||||Q817
KG|kyrgyzstan|Kyrgyzstan|Bishkek|Frunze|Kyrgyz;Kirghiz;Kyrgyzstani|-|Kyrgyz Republic;Kirghizia;Kirgizia||Q813
LA|laos|Laos|Vientiane||Lao;Laotian|Laotians|Lao PDR;Lao People's Democratic Republic||Q819
LV|latvia|Latvia|Riga||Latvian||||Q211
LB|lebanon|Lebanon|Beirut|Tripoli*|Lebanese|-|||Q822
LS|lesotho|Lesotho|Maseru||Basotho|-|||
LR|liberia|Liberia|Monrovia||Liberian||||
LY|libya|Libya|Tripoli*||Libyan||Libyan Arab Jamahiriya||Q1016
LI|liechtenstein|Liechtenstein|Vaduz|||Liechtensteiners;Liechtensteiner|||Q347
LT|lithuania|Lithuania|Vilnius||Lithuanian||||Q37
LU|luxembourg|Luxembourg|Luxembourg||Luxembourgish|Luxembourgers;Luxembourger|||Q32
MG|madagascar|Madagascar|Antananarivo||Malagasy|-|||
MW|malawi|Malawi|Lilongwe||Malawian||||
MY|malaysia|Malaysia|Kuala Lumpur|Putrajaya|Malaysian||||Q833
MV|maldives|Maldives|Malé||Maldivian||the Maldives||
ML|mali|Mali|Bamako||Malian||||
MT|malta|Malta|Valletta||Maltese|-|||Q233
MH|marshall_islands|Marshall Islands|Majuro||Marshallese|-|the Marshall Islands||
MR|mauritania|Mauritania|Nouakchott||Mauritanian||||
MU|mauritius|Mauritius|Port Louis||Mauritian||||
MX|mexico|Mexico|Mexico City||Mexican||||Q96
FM|micronesia|Micronesia|Palikir||Micronesian||Federated States of Micronesia||
MD|moldova|Moldova|Chisinau|Chișinău;Kishinev|Moldovan;Moldavian||Moldavia;Republic of Moldova;the Republic of Moldova||Q217
MC|monaco|Monaco|Monaco||Monegasque|Monegasques|||Q235
MN|mongolia|Mongolia|Ulaanbaatar|Ulan Bator|Mongolian||||Q711
ME|montenegro|Montenegro|Podgorica||Montenegrin||||Q236
MA|morocco|Morocco|Rabat||Moroccan||||Q1028
MZ|mozambique|Mozambique|Maputo||Mozambican||||
MM|myanmar|Myanmar|Naypyidaw|Nay Pyi Taw;Naypyitaw;Yangon;Rangoon|Burmese|-|Burma||Q836
NA|namibia|Namibia|Windhoek||Namibian||||
NR|nauru|Nauru|||Nauruan||||
NP|nepal|Nepal|Kathmandu||Nepalese;Nepali|Nepalis|||Q837
NL|netherlands|Netherlands|Amsterdam|The Hague|Dutch|Dutchman;Dutchmen;Dutchwoman;Netherlander;Netherlanders|the Netherlands;Holland||
NZ|new_zealand|New Zealand|Wellington|||New Zealanders;New Zealander|||Q664
NI|nicaragua|Nicaragua|Managua||Nicaraguan||||
NE|niger|Niger|Niamey||Nigerien||||
NG|nigeria|Nigeria|Abuja|Lagos|Nigerian||||Q1033
MK|macedonia|North Macedonia|Skopje||Macedonian||Macedonia;FYROM;Former Yugoslav Republic of Macedonia;the former Yugoslav Republic of Macedonia;Republic of North Macedonia||Q221
NO|norway|Norway|Oslo||Norwegian||||Q20
OM|oman|Oman|Muscat||Omani||||Q842
PK|pakistan|Pakistan|Islamabad||Pakistani||||Q843
PW|palau|Palau|Ngerulmud|Koror|Palauan||||
PA|panama|Panama|Panama City||Panamanian||||
PG|papua_new_guinea|Papua New Guinea|Port Moresby||Papua New Guinean||PNG||
PY|paraguay|Paraguay|Asuncion|Asunción|Paraguayan||||
PE|peru|Peru|Lima||Peruvian||||Q419
PH|philippines|Philippines|Manila||Philippine;Filipino|Filipinos;Filipina;Filipinas|the Philippines||Q928
PL|poland|Poland|Warsaw||Polish|Poles|||Q36
PT|portugal|Portugal|Lisbon||Portuguese|-||Luso-|Q45
QA|qatar|Qatar|Doha||Qatari||||Q846
RO|romania|Romania|Bucharest||Romanian;Rumanian||Rumania||Q218
RU|russia|Russia|Moscow*|the Kremlin*;Kremlin*|Russian|Russians|Russian Federation;the Russian Federation|Russo-|Q159
RW|rwanda|Rwanda|Kigali||Rwandan;Rwandese|Rwandans|||Q1037
KN|saint_kitts_and_nevis|Saint Kitts and Nevis|Basseterre||Kittitian;Nevisian|Kittitians;Nevisians|St. Kitts and Nevis;St Kitts and Nevis||
LC|saint_lucia|Saint Lucia|Castries||Saint Lucian||St. Lucia;St Lucia||
VC|saint_vincent_and_the_grenadines|Saint Vincent and the Grenadines|Kingstown||Vincentian||St. Vincent and the Grenadines;St Vincent and the Grenadines||
WS|samoa|Samoa|Apia||Samoan||Western Samoa||
SM|san_marino|San Marino|San Marino||Sammarinese|-|||Q238
ST|sao_tome_and_principe|Sao Tome and Principe|São Tomé|Sao Tome|||São Tomé and Príncipe||
SA|saudi_arabia|Saudi Arabia|Riyadh||Saudi;Saudi Arabian|Saudis;Saudi Arabians|||Q851
SN|senegal|Senegal|Dakar||Senegalese|-|||
RS|serbia|Serbia|Belgrade*||Serbian;Serb|Serbs;Serbians||Serbo-|Q403
SC|seychelles|Seychelles|Victoria||Seychellois|-|the Seychelles||
SL|sierra_leone|Sierra Leone|Freetown||Sierra Leonean||||
SG|singapore|Singapore|Singapore||Singaporean||||Q334
SK|slovakia|Slovakia|Bratislava||Slovak;Slovakian|Slovaks|Slovak Republic;the Slovak Republic||Q214
SI|slovenia|Slovenia|Ljubljana||Slovenian;Slovene|Slovenians;Slovenes|||Q215
SB|solomon_islands|Solomon Islands|Honiara|||Solomon Islanders;Solomon Islander|the Solomon Islands||
SO|somalia|Somalia|Mogadishu||Somali;Somalian|Somalis;Somalians|||
ZA|south_africa|South Africa|Pretoria|Cape Town|South African||||Q258
SS|south_sudan|South Sudan|Juba||South Sudanese|-|||
ES|spain|Spain|Madrid||Spanish|Spaniards;Spaniard||Hispano-|Q29
LK|sri_lanka|Sri Lanka|Sri Jayawardenepura Kotte|Colombo|Sri Lankan|Sri Lankans;Ceylonese|Ceylon||Q854
SD|sudan|Sudan|Khartoum||Sudanese|-|the Sudan||Q1049
SR|suriname|Suriname|Paramaribo||Surinamese|-|Surinam||
SE|sweden|Sweden|Stockholm||Swedish|Swedes;Swede|||Q34
CH|switzerland|Switzerland|Bern|Berne|Swiss|-|Swiss Confederation||Q39
SY|syria|Syria|Damascus||Syrian||Syrian Arab Republic||Q858
TJ|tajikistan|Tajikistan|Dushanbe||Tajik;Tajikistani;Tadjik;Tadzhik|Tajiks|Tadzhikistan;Tadjikistan||Q863
TZ|tanzania|Tanzania|Dodoma|Dar es Salaam|Tanzanian||United Republic of Tanzania||
TH|thailand|Thailand|Bangkok||Thai|Thais|Siam||Q869
TL|east_timor|East Timor|Dili||East Timorese;Timorese|-|Timor-Leste||
TG|togo|Togo|Lomé|Lome|Togolese|-|||
TO|tonga|Tonga|Nuku'alofa||Tongan||||
TT|trinidad_and_tobago|Trinidad and Tobago|Port of Spain||Trinidadian||||
TN|tunisia|Tunisia|Tunis||Tunisian||||Q948
TR|turkey|Turkey|Ankara||Turkish|Turks;Turk|Türkiye;Turkiye|Turco-;Turko-|Q43
TM|turkmenistan|Turkmenistan|Ashgabat|Ashkhabad|Turkmen|Turkmens|Turkmenia||Q874
TV|tuvalu|Tuvalu|Funafuti||Tuvaluan||||
UG|uganda|Uganda|Kampala||Ugandan||||
UA|ukraine|Ukraine|Kyiv|Kiev|Ukrainian||the Ukraine||Q212
AE|united_arab_emirates|United Arab Emirates|Abu Dhabi||Emirati||UAE;the UAE;the United Arab Emirates;U.A.E.||Q878
GB|united_kingdom|United Kingdom|London|Whitehall;Downing Street|British|Britons;Briton|Britain;Great Britain;UK;U.K.;the United Kingdom;the UK;the U.K.;United Kingdom of Great Britain and Northern Ireland|Anglo-|Q145
US|united_states|United States|Washington|the White House;White House;Foggy Bottom|American|Americans|the United States;U.S.;US;USA;U.S.A.;America;United States of America;the United States of America;the U.S.;the US||Q30
UY|uruguay|Uruguay|Montevideo||Uruguayan||||
UZ|uzbekistan|Uzbekistan|Tashkent||Uzbek;Uzbekistani|Uzbeks|||Q265
VU|vanuatu|Vanuatu|Port Vila||Vanuatuan|Ni-Vanuatu|||
VE|venezuela|Venezuela|Caracas||Venezuelan||||Q717
VN|vietnam|Vietnam|Hanoi*||Vietnamese|-|Viet Nam;Socialist Republic of Vietnam||Q881
YE|yemen|Yemen|Sanaa*|Sana'a*;San'a*|Yemeni|Yemenis|||Q805
ZM|zambia|Zambia|Lusaka||Zambian||||
ZW|zimbabwe|Zimbabwe|Harare||Zimbabwean||||
"""

# Observers and states outside the UN. Kosovo has no ISO 3166-1 code (XK is user-assigned).
OTHERS = """
VA|vatican|Holy See|Vatican City||Vatican|-|Vatican;the Vatican;the Holy See;Vatican City State||Q237
PS|palestine|Palestine|Ramallah|West Bank;the West Bank;Gaza Strip;the Gaza Strip;Gaza|Palestinian|Palestinians|State of Palestine;Palestinian Authority;the Palestinian Authority;Palestinian National Authority||Q219060
TW|taiwan|Taiwan|Taipei||Taiwanese|-|Republic of China;ROC;Chinese Taipei||Q865
-|kosovo|Kosovo|Pristina|Prishtina|Kosovar;Kosovan|Kosovars|||Q1246
"""

# Historical states: iso2 is the ISO 3166-3 former alpha-2 code where one exists ("-" otherwise).
HISTORICAL = """
SU|soviet_union|Soviet Union|Moscow*|the Kremlin*;Kremlin*|Soviet|Soviets|USSR;U.S.S.R.;the Soviet Union;Union of Soviet Socialist Republics;the USSR||Q15180
YU|yugoslavia|Yugoslavia*|Belgrade*||Yugoslav*;Yugoslavian*|-|Socialist Federal Republic of Yugoslavia;SFRY;SFR Yugoslavia||
CS|serbia_and_montenegro|Serbia and Montenegro|Belgrade*||Yugoslav*;Yugoslavian*|-|Federal Republic of Yugoslavia;FRY;FR Yugoslavia;Yugoslavia*;State Union of Serbia and Montenegro||
CS|czechoslovakia|Czechoslovakia|Prague*||Czechoslovak;Czechoslovakian|-|Czechoslovak Socialist Republic;Czech and Slovak Federative Republic;CSFR|Czecho-|Q33946
DD|east_germany|East Germany|East Berlin||East German|East Germans|German Democratic Republic;GDR;DDR||Q16957
-|west_germany|West Germany|Bonn*||West German|West Germans|Federal Republic of Germany*;FRG*||
-|south_vietnam|South Vietnam|Saigon||South Vietnamese|-|Republic of Vietnam||
VD|north_vietnam|North Vietnam|Hanoi*||North Vietnamese|-|Democratic Republic of Vietnam;DRV||
-|north_yemen|North Yemen|Sanaa*|Sana'a*;San'a*|North Yemeni|North Yemenis|Yemen Arab Republic;YAR||
YD|south_yemen|South Yemen|Aden||South Yemeni|South Yemenis|People's Democratic Republic of Yemen;PDRY||
"""

# Regions that are no state of their own: each names a place in the state it belongs to, never an
# actor ("police in Northern Ireland" are the United Kingdom's, not Ireland's). The builder lists
# them as metonyms and under ``regions``; the extractor reads a region only as a place.
REGIONS = {
    "united_kingdom": ["Northern Ireland", "Scotland", "Wales", "England"],
    "china": ["Hong Kong", "Macau", "Macao"],
    "lebanon": ["Tripoli"],  # Lebanon's northern port, named like Libya's capital
}

# ISO 3166-3 alpha-3 for rows whose former code pycountry lists under a shared alpha-2 ("CS").
HISTORICAL_ALPHA3 = {"serbia_and_montenegro": "SCG", "czechoslovakia": "CSK"}

# id -> (start, end, predecessor, successor); dates are the editor's knowledge.
LIFESPANS = {
    "soviet_union": ("1922-12-30", "1991-12-26", None, "russia"),
    "yugoslavia": ("1945-11-29", "1992-04-27", None, None),
    "serbia_and_montenegro": ("1992-04-27", "2006-06-05", "yugoslavia", "serbia"),
    "czechoslovakia": ("1918-10-28", "1992-12-31", None, None),
    "east_germany": ("1949-10-07", "1990-10-03", None, "germany"),
    "west_germany": ("1949-05-23", "1990-10-03", None, "germany"),
    "south_vietnam": ("1955-10-26", "1975-04-30", None, "vietnam"),
    "north_vietnam": ("1945-09-02", "1976-07-02", None, "vietnam"),
    "north_yemen": ("1962-09-26", "1990-05-22", None, "yemen"),
    "south_yemen": ("1967-11-30", "1990-05-22", None, "yemen"),
    "russia": (None, None, "soviet_union", None),
    "serbia": ("2006-06-05", None, "serbia_and_montenegro", None),
    "montenegro": ("2006-06-03", None, "serbia_and_montenegro", None),
    "czech_republic": ("1993-01-01", None, "czechoslovakia", None),
    "slovakia": ("1993-01-01", None, "czechoslovakia", None),
    "germany": ("1990-10-03", None, "west_germany", None),
    "vietnam": ("1976-07-02", None, "north_vietnam", None),
    "yemen": ("1990-05-22", None, None, None),
    "south_sudan": ("2011-07-09", None, "sudan", None),
    "east_timor": ("2002-05-20", None, None, None),
    "eritrea": ("1993-05-24", None, "ethiopia", None),
    "kosovo": ("2008-02-17", None, None, None),
}

# Wikidata ids for rows above that leave the field empty: each checked against the location table
# of the public wikirepo project (wikirepo/data/lctn_utils.py), which agrees with every id given
# in the rows above. The Netherlands and Denmark are left out: Wikidata separates the country
# (Q55, Q35) from the kingdom (Q29999, Q756617), and which one news means is not certain.
WIKIDATA = {
    "angola": "Q916", "antigua_and_barbuda": "Q781", "bahamas": "Q778", "barbados": "Q244",
    "belize": "Q242", "benin": "Q962", "bhutan": "Q917", "bolivia": "Q750", "botswana": "Q963",
    "brunei": "Q921", "burkina_faso": "Q965", "burundi": "Q967", "cameroon": "Q1009",
    "cape_verde": "Q1011", "central_african_republic": "Q929", "chad": "Q657", "comoros": "Q970",
    "costa_rica": "Q800", "democratic_republic_of_the_congo": "Q974", "djibouti": "Q977",
    "dominica": "Q784", "dominican_republic": "Q786", "east_timor": "Q574", "ecuador": "Q736",
    "el_salvador": "Q792", "equatorial_guinea": "Q983", "eritrea": "Q986", "eswatini": "Q1050",
    "micronesia": "Q702", "fiji": "Q712", "gabon": "Q1000", "gambia": "Q1005", "ghana": "Q117",
    "grenada": "Q769", "guatemala": "Q774", "guinea": "Q1006", "guinea_bissau": "Q1007",
    "guyana": "Q734", "haiti": "Q790", "honduras": "Q783", "ivory_coast": "Q1008",
    "jamaica": "Q766", "kiribati": "Q710", "lesotho": "Q1013", "liberia": "Q1014",
    "madagascar": "Q1019", "malawi": "Q1020", "maldives": "Q826", "mali": "Q912",
    "marshall_islands": "Q709", "mauritania": "Q1025", "mauritius": "Q1027",
    "mozambique": "Q1029", "namibia": "Q1030", "nauru": "Q697", "nicaragua": "Q811",
    "niger": "Q1032", "palau": "Q695", "panama": "Q804", "papua_new_guinea": "Q691",
    "paraguay": "Q733", "republic_of_the_congo": "Q971", "saint_kitts_and_nevis": "Q763",
    "saint_lucia": "Q760", "saint_vincent_and_the_grenadines": "Q757", "samoa": "Q683",
    "senegal": "Q1041", "seychelles": "Q1042", "sierra_leone": "Q1044",
    "solomon_islands": "Q685", "somalia": "Q1045", "south_sudan": "Q958", "suriname": "Q730",
    "sao_tome_and_principe": "Q1039", "tanzania": "Q924", "togo": "Q945", "tonga": "Q678",
    "trinidad_and_tobago": "Q754", "tuvalu": "Q672", "uganda": "Q1036", "uruguay": "Q77",
    "vanuatu": "Q686", "zambia": "Q953", "zimbabwe": "Q954",
}
