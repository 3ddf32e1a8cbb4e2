#!/usr/bin/env python3
"""Regenerates places_geonames.tsv (countries and U.S. states) from ../shared/data/gazetteer-ko.

Usage: python3 data/kb/make_places_geonames.py [SHARED_DATA_DIR] > data/kb/places_geonames.tsv
Names come from GeoNames (CC BY 4.0) and Unicode CLDR (Unicode License v3); the extra common
forms below (news spellings such as "U.S." or "한국") are facts added by hand.
"""
import csv
import re
import sys

shared = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
gaz = shared + "/gazetteer-ko"

# Preferred English name (GeoNames uses some formal names) and extra aliases.
NAME_EN = {"KR": "South Korea", "US": "United States", "CZ": "Czech Republic", "MK": "North Macedonia",
           "HK": "Hong Kong", "MO": "Macao", "CD": "Democratic Republic of the Congo",
           "CG": "Republic of the Congo"}
EXTRA = {
    "KR": ["Korea", "S. Korea", "Republic of Korea", "ROK", "한국", "남한"],
    "KP": ["DPRK", "N. Korea", "조선민주주의인민공화국"],
    "US": ["U.S.", "US", "USA", "U.S.A.", "United States of America", "America", "미 합중국", "美"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "CN": ["PRC", "People's Republic of China", "中國", "中国"],
    "JP": ["日本"],
    "TW": ["Republic of China", "Chinese Taipei"],
    "AE": ["UAE", "U.A.E."],
    "SA": ["사우디"],
    "NL": ["Holland"],
    "TR": ["Turkey", "터키"],
    "VN": ["Viet Nam"],
    "CZ": ["Czechia"],
    "HK": ["홍콩"],
    "MO": ["Macau", "마카오"],
    "RU": ["Russian Federation"],
    "MM": ["Burma"],
}
# Names that stand for something else in business news, or that a city row claims.
SKIP_ALIAS = {"美"}
# Names kept for display but never matched in text: common words or personal names
# ("수단" means, "인도" delivery, "오만" arrogance, "Chad", "Jordan"), and "Georgia"/"조지아",
# which business news uses for the U.S. state far more than for the country.
NO_MATCH = {"Jordan", "Chad", "Georgia", "조지아", "인도", "수단", "가나", "오만", "기니", "말리",
            "차드", "토고", "가봉", "몰타", "피지", "통가", "Niger", "Togo", "Guinea", "Mali"}


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def clean(name):
    return re.sub(r"\s*\(.*?\)\s*", "", name).strip()


def main():
    rows = []
    with open(gaz + "/geonames_en_ko.tsv", encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        rows = list(reader)
    cldr = {}
    with open(gaz + "/cldr_territories_en_ko.tsv", encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for code, en, ko in reader:
            base = code.split("-")[0]
            cldr.setdefault(base, []).extend([en, ko])

    used = set()
    out = []

    def emit(pid, kind, parent, en, ko, aliases, no_match=frozenset()):
        names = []
        for n in [en, ko] + aliases:
            n = clean(n)
            if not n or n in SKIP_ALIAS or "SAR" in n or "&" in n:
                continue
            variants = [n]
            if re.search(r"[\uac00-\ud7a3] [\uac00-\ud7a3]", n):
                variants.append(n.replace(" ", ""))
            for v in variants:
                if v in no_match:
                    v = "~" + v
                if (v.startswith("~") or v not in used) and v not in names:
                    names.append(v)
        if not names:
            return
        used.update(n for n in names if not n.startswith("~"))
        def pick(name):
            for n in names:
                if n.lstrip("~") == clean(name):
                    return n
            return ""
        en_name = pick(en) or names[0]
        ko_name = pick(ko)
        rest = [n for n in names if n != en_name and n != ko_name]
        out.append("\t".join([pid, kind, parent, en_name, ko_name, "|".join(rest)]))

    for kind, key, en, ko in rows:
        if kind != "country":
            continue
        emit(key.lower(), "country", "", NAME_EN.get(key, en), ko,
             EXTRA.get(key, []) + cldr.get(key, []), NO_MATCH)
    for kind, key, en, ko in rows:
        if kind != "admin1" or not key.startswith("US."):
            continue
        code = key[3:].lower()
        if code == "dc":
            continue  # Washington, D.C. is a city row in places.tsv.
        en = en.replace("State of ", "")
        base_ko = ko.replace(" 주", "")
        aliases = [base_ko + "주", base_ko + " 주"]
        if en == "Georgia":
            ko = "조지아주"
            aliases = ["조지아", "조지아 주"]
        elif en in ("New York", "Washington"):
            # The bare name is the city (New York, Washington) or the country (Georgia).
            en = en + " State"
            ko = base_ko + "주"
        else:
            aliases.append(base_ko)
        emit("us-" + code, "state", "us", en, ko, aliases)

    print("# Derived from GeoNames (https://www.geonames.org), CC BY 4.0, via the Debian package")
    print("# libgeonames-common, and Unicode CLDR 48 territory names (Unicode License v3, see")
    print("# LICENSE-UNICODE.txt). Generated by make_places_geonames.py; do not edit by hand.")
    print("# Columns: id, kind, parent, name_en, name_ko, aliases ('|'-separated).")
    print("id\tkind\tparent\tname_en\tname_ko\taliases")
    print("\n".join(out))


main()
