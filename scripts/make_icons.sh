#!/usr/bin/env bash
# Makes the Windows icon (assets/icon/mediation-atlas.ico: 16 to 256 pixels) and the web app's
# icons (assets/web/icon-192.png, icon-512.png) from the scalable icon
# assets/icon/mediation-atlas.svg (CC0, drawn for this project). They are committed; run this
# again after changing the SVG.
# Needs Debian's librsvg2-bin (rsvg-convert) and icoutils (icotool).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
pngs=()
for size in 16 24 32 48 64 128 256; do
    rsvg-convert -w "$size" -h "$size" assets/icon/mediation-atlas.svg -o "$tmp/$size.png"
    pngs+=("$tmp/$size.png")
done
# The 256-pixel image stays PNG inside the .ico (as Windows Vista and later expect), the small
# ones are stored as bitmaps for older readers.
icotool --create --raw="$tmp/256.png" "${pngs[@]:0:6}" -o assets/icon/mediation-atlas.ico
for size in 192 512; do
    rsvg-convert -w "$size" -h "$size" assets/icon/mediation-atlas.svg -o "assets/web/icon-$size.png"
done
icotool --list assets/icon/mediation-atlas.ico
