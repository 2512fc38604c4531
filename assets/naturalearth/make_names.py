#!/usr/bin/env python3
"""Build country-names.tsv: short German and English country names for the base map.

Usage:
    python3 make_names.py WORLD_ATLAS_DIR I18N_ISO_COUNTRIES_DIR > country-names.tsv

WORLD_ATLAS_DIR is the unpacked npm package world-atlas 2.0.2 (its countries-10m.json
decides which ids get a row); I18N_ISO_COUNTRIES_DIR is the unpacked npm package
i18n-iso-countries 7.14.0 (codes.json, langs/de.json, langs/en.json).

Output columns: numeric, alpha2, name_de, name_en, name_ru (tab separated, header line first,
sorted by numeric code). Features without an id in world-atlas (Kosovo, Somaliland,
N. Cyprus, Baikonur, ...) get no row: the map still draws them as land.

Standard library only.
"""

import json
import os
import sys

# i18n-iso-countries gives either one name or a list (official form first). A map
# wants the short everyday form, so the verbose ones are overridden here.
SHORT_DE = {
    "RU": "Russland",
    "SY": "Syrien",
    "US": "USA",
    "MD": "Moldau",
    "CZ": "Tschechien",
    "TR": "Türkei",
    "IR": "Iran",
    "GB": "Vereinigtes Königreich",
    "TZ": "Tansania",
    "PS": "Palästina",
    "CD": "DR Kongo",
    "CG": "Republik Kongo",
    "HK": "Hongkong",
    "BN": "Brunei",
    "UM": "US-Überseeinseln",
    "TF": "Französische Südgebiete",
    "GS": "Südgeorgien",
    "IO": "Britisches Territorium im Ind. Ozean",
    "VA": "Vatikan",
    "AX": "Åland",
}
SHORT_EN = {
    "RU": "Russia",
    "SY": "Syria",
    "US": "United States",
    "MD": "Moldova",
    "CZ": "Czechia",
    "TR": "Türkiye",
    "IR": "Iran",
    "GB": "United Kingdom",
    "TZ": "Tanzania",
    "PS": "Palestine",
    "CD": "DR Congo",
    "CG": "Congo",
    "CN": "China",
    "KR": "South Korea",
    "MK": "North Macedonia",
    "LA": "Laos",
    "NL": "Netherlands",
    "CI": "Côte d'Ivoire",
    "GM": "Gambia",
    "VA": "Vatican City",
    "TW": "Taiwan",
    "PN": "Pitcairn Islands",
    "AX": "Åland",
    "BN": "Brunei",
    "FM": "Micronesia",
    "VI": "U.S. Virgin Islands",
    "VG": "British Virgin Islands",
    "FK": "Falkland Islands",
    "UM": "U.S. Minor Outlying Islands",
    "TF": "French Southern Lands",
    "GS": "South Georgia",
    "IO": "British Indian Ocean Territory",
    "HM": "Heard and McDonald Islands",
    "AE": "United Arab Emirates",
    "MF": "Saint Martin",
}

# Russian: of a list, the shortest form is the one a map shows ("Россия", not "Российская
# Федерация"); these are written out where the package's only form is long.
SHORT_RU = {
    "CN": "Китай",
    "KP": "КНДР",
    "KR": "Южная Корея",
    "CD": "ДР Конго",
    "CG": "Республика Конго",
    "GS": "Южная Георгия",
    "IO": "Брит. терр. в Индийском океане",
    "SH": "Остров Святой Елены",
    "TF": "Французские Южные территории",
    "UM": "Внешние малые острова США",
    "VG": "Британские Виргинские острова",
    "VI": "Виргинские острова США",
    "BQ": "Бонэйр, Синт-Эстатиус и Саба",
}


def shortest(name):
    """A name entry is a string or a list of forms: the shortest."""
    return min(name, key=len) if isinstance(name, list) else name


def first(name):
    """A name entry is a string or a list whose first item is the main form."""
    return name[0] if isinstance(name, list) else name


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    atlas_dir, i18n_dir = sys.argv[1], sys.argv[2]
    with open(os.path.join(atlas_dir, "countries-10m.json"), encoding="utf-8") as f:
        topo = json.load(f)
    with open(os.path.join(i18n_dir, "codes.json"), encoding="utf-8") as f:
        codes = json.load(f)
    langs = {}
    for lang in ("de", "en", "ru"):
        with open(os.path.join(i18n_dir, "langs", lang + ".json"), encoding="utf-8") as f:
            langs[lang] = json.load(f)["countries"]

    alpha2_by_numeric = {numeric: alpha2 for alpha2, _alpha3, numeric, *_ in codes}
    rows = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id")
        if numeric is None:
            continue
        atlas_name = geometry.get("properties", {}).get("name", numeric)
        alpha2 = alpha2_by_numeric.get(numeric)
        if alpha2 is None:
            # Not in ISO 3166 (none at the time of writing): keep the atlas name.
            rows[numeric] = ("", atlas_name, atlas_name, atlas_name)
            continue
        name_de = SHORT_DE.get(alpha2) or first(langs["de"].get(alpha2, atlas_name))
        name_en = SHORT_EN.get(alpha2) or first(langs["en"].get(alpha2, atlas_name))
        name_ru = SHORT_RU.get(alpha2) or shortest(langs["ru"].get(alpha2, name_en))
        # Duplicate ids (Australia and Ashmore and Cartier Is. share "036") keep one row.
        rows.setdefault(numeric, (alpha2, name_de, name_en, name_ru))

    out = sys.stdout
    out.write("numeric\talpha2\tname_de\tname_en\tname_ru\n")
    for numeric in sorted(rows):
        alpha2, name_de, name_en, name_ru = rows[numeric]
        out.write(f"{numeric}\t{alpha2}\t{name_de}\t{name_en}\t{name_ru}\n")


if __name__ == "__main__":
    main()
