#!/usr/bin/env bash
# The atlas in the browser, as a student opens it: serves the web build (scripts/build_web.sh)
# on localhost, loads it in headless Chromium (Debian's chromium, with SwiftShader for WebGL2,
# driven by playwright-core from scripts/web), waits for the first frame and the complete first
# screen, and checks the screenshot: the map (thousands of colours) with the event markers
# (MARKER_FILL in src/style.rs). Then the server is stopped and the page opened again in the
# same browser profile: the service worker must bring the whole atlas back without a network.
# Between the two, the user's library (scripts/web/library.mjs): an article dropped and added,
# shared as a lesson (a download) and opened in another browser profile; offline, the article
# is still there, and a second tab finds the library read-only.
# Prints the download size (gzipped) and the times to the first frame and the full screen.
#
#   bash scripts/check_web.sh [DIR]     (default: target/web)
#
# Needs Debian's chromium, node and npm (playwright-core is installed from npm's registry into
# scripts/web/node_modules; no browser is downloaded), python3 for the server, imagemagick,
# unzip.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="$(realpath "${1:-target/web}")"
fail() { echo "check_web: $*" >&2; exit 1; }
[ -f "$dir/index.html" ] || fail "no web build in $dir (bash scripts/build_web.sh)"
(cd scripts/web && npm ci --no-audit --no-fund --silent >/dev/null)
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$dir" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do
    curl -fs "http://127.0.0.1:$port/" >/dev/null && break
    sleep 0.1
done
url="http://127.0.0.1:$port/"

# A drawn map has thousands of colours; an empty canvas a handful. The markers are the
# loudest colour on it.
check_png() {
    read -r w h colours < <(identify -format '%w %h %k\n' "$1")
    [ "$w $h" = "1024 768" ] || fail "$2: the screenshot is ${w}x${h}"
    [ "$colours" -gt 500 ] || fail "$2: only $colours colours: not the map"
    markers=$(convert "$1" -fuzz 6% -fill black +opaque '#C2410C' -fill white -opaque '#C2410C' \
        -format '%[fx:int(mean*w*h)]' info:)
    [ "$markers" -gt 400 ] || fail "$2: only $markers marker-coloured pixels: no markers drawn"
    echo "check_web: $2: ${w}x${h}, $colours colours, $markers marker pixels"
}

node scripts/web/check.mjs "$url" "$work/first.png" "$work/profile" | tee "$work/first.json"
check_png "$work/first.png" "first visit"
cp "$work/first.png" "${CHECK_WEB_SHOTS:-$work}/web-first.png" 2>/dev/null || true

# The user's library in the page's storage: a teacher drops an article and adds it and a CSV of
# meetings as a layer, shares the
# library as a lesson (a download), and a student's browser (another profile) opens it.
own_articles() { sed -n 's/.*"own_articles":"\([0-9]*\)".*/\1/p' "$1"; }
layers() { sed -n 's/.*"layers":"\([0-9]*\)".*/\1/p' "$1"; }
node scripts/web/library.mjs "$url" "$work/profile" add "$work/added.png" | tee "$work/added.json"
[ "$(own_articles "$work/added.json")" = 1 ] || fail "the dropped article was not added"
[ "$(layers "$work/added.json")" = 1 ] || fail "the dropped dataset was not imported"
node scripts/web/library.mjs "$url" "$work/profile" share "$work/shared.png" "$work/lesson.atlas" \
    | tee "$work/shared.json"
[ "$(own_articles "$work/shared.json")" = 1 ] || fail "the added article was not there on the next visit"
listing=$(unzip -l "$work/lesson.atlas")
for f in manifest.toml articles.toml texts/; do
    grep -q "$f" <<<"$listing" || fail "the downloaded lesson has no $f"
done
unzip -p "$work/lesson.atlas" articles.toml | grep -q "Gespräche in Nairobi" \
    || fail "the downloaded lesson lacks the article"
node scripts/web/library.mjs "$url" "$work/student" open "$work/opened.png" "$work/lesson.atlas" \
    | tee "$work/opened.json"
[ "$(own_articles "$work/opened.json")" = 1 ] || fail "the dropped lesson was not taken over"
echo "check_web: library: article and layer added and kept, shared as a download ($(stat -c %s "$work/lesson.atlas") bytes), opened in another browser"

kill "$server"
wait "$server" 2>/dev/null || true
curl -fs "$url" >/dev/null 2>&1 && fail "the server is still there"
node scripts/web/check.mjs "$url" "$work/offline.png" "$work/profile" --second | tee "$work/offline.json"
check_png "$work/offline.png" "offline, from the service worker"
cp "$work/offline.png" "${CHECK_WEB_SHOTS:-$work}/web-offline.png" 2>/dev/null || true
# Offline too, the library is there; a second tab reads it but does not write it.
node scripts/web/library.mjs "$url" "$work/profile" count "$work/kept.png" | tee "$work/kept.json"
[ "$(own_articles "$work/kept.json")" = 1 ] || fail "offline, the library was not there"
[ "$(layers "$work/kept.json")" = 1 ] || fail "offline, the dataset layer was not there"
for f in added shared opened kept kept-second-tab; do
    cp "$work/$f.png" "${CHECK_WEB_SHOTS:-$work}/web-library-$f.png" 2>/dev/null || true
done

wasm=$(gzip -9c "$dir/mediation-atlas_bg.wasm" | wc -c)
js=$(gzip -9c "$dir/mediation-atlas.js" | wc -c)
echo "check_web: download: wasm $(stat -c %s "$dir/mediation-atlas_bg.wasm") bytes ($wasm gzipped), js $js gzipped"
