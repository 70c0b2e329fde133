"""How Phoenix writes a person's name, and how English news writes it.

Phoenix's TABARI dictionaries write names in capitals with underscores ("F.W._DE_KLERK_",
"NURI_AL_MALIKI_"); :func:`cased` gives the form news uses ("F.W. de Klerk", "Nuri al-Maliki"),
or None for what is not a person's name. :func:`surname` gives the word a person is called by
alone, unless that word is unsafe on its own. Used by import_phoenix_officials.py.
"""

from __future__ import annotations

import re

FAMILY_NAME_FIRST = {"china", "taiwan", "north_korea", "south_korea", "vietnam", "mongolia",
                     "singapore", "hungary", "cambodia", "myanmar"}
TITLES = {"PRESIDENT", "PRIME", "MINISTER", "KING", "QUEEN", "PRINCE", "PRINCESS", "GENERAL", "GEN",
          "DR", "MR", "MRS", "MS", "SHEIKH", "SHEIK", "SHAIKH", "EMIR", "AMIR", "SULTAN", "CHANCELLOR",
          "SENATOR", "COLONEL", "COL", "FOREIGN", "DEFENSE", "DEFENCE", "CROWN", "AYATOLLAH",
          "HOJATOLISLAM", "GRAND", "SIR", "LORD", "MARSHAL", "ADMIRAL", "ADM", "LT", "MAJOR", "CAPTAIN",
          "BRIGADIER", "VICE", "DEPUTY", "SECRETARY", "AMBASSADOR", "PM", "HRH", "HM", "HE", "BISHOP",
          "REV", "FATHER", "MONSIGNOR", "CARDINAL", "CHIEF", "JUDGE", "JUSTICE"}
# Words that mark an institution, not a person ("COMMUNIST_PARTY_OF_THE_SOVIET_UNION").
NOT_A_PERSON = {"OF", "THE", "AND", "FOR", "AUTHORITY", "PARTY", "COMMUNIST", "SOVIET", "MOVEMENT",
                "COUNCIL", "MINISTRY", "GOVERNMENT", "ARMY", "FRONT", "UNION", "COMMITTEE", "ASSEMBLY",
                "PARLIAMENT", "NATIONAL", "PEOPLE'S", "PEOPLES", "REPUBLIC", "STATE", "FORCES", "OFFICE",
                "AGENCY", "BANK", "COURT", "POLICE", "RUSSIAN", "AMERICAN", "BRITISH", "CHINESE", "FRENCH"}
LOWER_PARTICLES = {"de", "del", "della", "di", "da", "dos", "das", "do", "du", "van", "von", "der",
                   "den", "ter", "la", "le", "bin", "bint", "ibn", "y", "e", "al", "el", "ould", "ag"}
ROMAN = {"II", "III", "IV", "VI"}
# Surnames that are also common English or news words, place names or titles: never a bare surname.
SURNAME_STOP = set("""
Abbas Ahmed Ali Allen Baker Bell Bishop Black Blue Bond Brown Bush Camp Carter Case Chance Child Church
Clay Close Cook Cross Day Dean Fair Field Fields Fisher Ford Fox Frank Free French Friend Glass Gold Good
Grace Grant Gray Green Grey Hall Hand Hard Hart Head Hill Holy Hope House Hunt Hunter Island Islam Jordan
Justice King Knight Lamb Land Lane Law Lee Light Little Long Love Major Mark Marsh Martin Mason May Miller
Mills Moon Moore Morning North Page Park Parker Peace Person Post Power Price Prince Read Reed Rice Rich
River Rock Rose Ross Rule Sale Salt Savage Scott Sharp Shaw Short Small Smith Snow South Spring Stone Storm
Strong Summer Sun Sweet Swift Taylor Thomas Turner Walker Wall Ward Water Waters West White Wild Wills
Wilson Winter Wise Wolf Wood Woods Young Chad Georgia Israel Kuwait Malta Nepal Niger Oman Peru Sudan
Paris London Berlin Washington Lincoln Charles George James John Paul Peter Mary Louis Henry
Hassan Hussein Mohammed Muhammad Mohamed Ahmad Abdullah Omar Khan Singh Kumar Ibrahim Yusuf Musa Salem
Said Saleh Salih Mahmoud Mustafa Karim Nasser Rahman Hamid Rashid Aziz Khalil Ismail Yousef Youssef
Santos Silva Costa Garcia Lopez Perez Rodriguez Gonzalez Fernandez Martinez Sanchez Ramirez Torres Flores
Diaz Gomez Ruiz Moreno Alvarez Romero Jimenez Herrera Castro Mendoza Vargas Rojas Reyes Cruz Morales
Ortiz Gutierrez Chavez Ramos Suarez Nunez Pereira Ferreira Oliveira Souza Lima Alves Rocha Ribeiro
Diallo Traore Toure Keita Sow Ba Kone Sylla Camara Ndiaye Mensah Banda Phiri Mwale Moyo Ncube Dlamini
Kim Park Nguyen Tran Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Ma Li
Adam Albert Alexis Arthur Bird Boys Clare Clark Combo Duncan Elias Fall Felix Franco Franks Gordon
Graham Gross Hanna Harris Hills Howard Jacobs Jean Jones Joseph Junior Kirk Leon Luna Mesa Meta
Michel Monde Nelson Note Palmer Perry Plea Reid Rene Reno Ridge Roman Rosa Sabah Sandy Scotty Skate
Tang Chan Kang Tong Thani Bono Lara Werner Breve Hope Justice Major Noble Frost Stern Wolf Fischer
""".split())


def _word(word: str, first: bool) -> str:
    if word in ROMAN or re.fullmatch(r"(?:[A-Z]\.)+", word):
        return word
    low = word.lower()
    if not first and low in LOWER_PARTICLES:
        return low
    if not first and re.fullmatch(r"(al|el)-.+", low):
        return low[:3] + _word(word[3:], True)
    if low == "jr.":
        return "Jr."
    parts = [p[:1].upper() + p[1:].lower() for p in word.split("-")]
    out = "-".join(parts)
    out = re.sub(r"^Mc([a-z])", lambda m: "Mc" + m.group(1).upper(), out)
    return re.sub(r"^([A-Za-z])'([a-z])", lambda m: m.group(1).upper() + "'" + m.group(2).upper(), out)


def cased(raw: str) -> str | None:
    """A Phoenix name ("F.W._DE_KLERK_") as news writes it ("F.W. de Klerk"); None if unusable."""
    words = [w for w in raw.replace("_", " ").split() if w]
    while words and words[0].rstrip(".") in TITLES:
        words = words[1:]
    if len(words) < 2 or not all(re.fullmatch(r"[A-Z][A-Z.'\-]*", w) for w in words):
        return None
    if any(w in NOT_A_PERSON or w in TITLES for w in words):  # "PALESTINIAN_AUTHORITY", "RUSSIAN_PRESIDENT_X"
        return None
    out = [_word(w, i == 0) for i, w in enumerate(words)]
    if out[-1] in LOWER_PARTICLES:  # a cut name ("..._AL_")
        return None
    for i in range(len(out) - 2, 0, -1):  # "AL_BASHIR" is written "al-Bashir" in English news
        if out[i] in ("al", "el") and out[i + 1][:1].isupper():
            out[i:i + 2] = [f"{out[i]}-{out[i + 1]}"]
    return " ".join(out)


def variants(name: str) -> list[str]:
    """The name, and its form with a capitalised Arabic article ("Bashar Al-Assad", as several
    outlets write it); other particles stay lower-case, as English news writes them ("de Klerk")."""
    caps = " ".join(w if i == 0 or not re.match(r"(al|el)\b", w) else w[:1].upper() + w[1:]
                    for i, w in enumerate(name.split()))
    return [name] if caps == name else [name, caps]


def surname(label: str, state: str, other: set[str]) -> str | None:
    """The name news uses alone ("Kagame", "de Klerk"; "Bashir" for "al-Bashir"), or None when
    that word is unsafe on its own (see the module docstring)."""
    words = [w for w in label.split() if w not in ROMAN and w != "Jr."]
    last = re.sub(r"^(al|el)-", "", words[-1])
    if last != words[-1]:
        words[-1] = last
    if state in FAMILY_NAME_FIRST or len(last) < 4 or "." in last or last in SURNAME_STOP or last in other:
        return None
    k = len(words) - 1
    while k > 1 and words[k - 1] in LOWER_PARTICLES:  # "de Klerk", "van der Bellen"
        k -= 1
    return " ".join(words[k:])
