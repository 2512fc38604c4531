#!/usr/bin/env bash
# Builds the atlas for the browser into a static folder that any web server (or GitHub Pages)
# can serve: eframe's web runner on WebGL2, the corpus and the base map embedded in the .wasm,
# a web app manifest and a service worker that keeps every file, so it opens offline after
# the first visit.
#
#   bash scripts/build_web.sh [--out DIR] [--debug]     (default: target/web, release)
#
# Needs the target (`rustup target add wasm32-unknown-unknown`). wasm-bindgen-cli of exactly the
# version in Cargo.lock is installed from crates.io into target/tools when missing (a few
# minutes, once). Debian's binaryen (wasm-opt) shrinks the module further when it is there and
# understands it; without it the build is still complete. Prints the folder.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/web
profile=release
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out="$2"; shift ;;
        --debug) profile=dev ;;
        *) echo "build_web: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
target=wasm32-unknown-unknown
dir=$([ "$profile" = dev ] && echo debug || echo release)

version=$(sed -nE '/^name = "wasm-bindgen"$/{n;s/^version = "([^"]+)"/\1/p}' Cargo.lock)
tools="$PWD/target/tools"
if ! "$tools/bin/wasm-bindgen" --version 2>/dev/null | grep -qF " $version"; then
    # With its own lock file first; a registry that lacks one of the versions it locks
    # (seen: webpki-roots 1.0.11) gets the newest that matches instead.
    cargo install --locked --root "$tools" wasm-bindgen-cli --version "=$version" >&2 \
        || cargo install --root "$tools" wasm-bindgen-cli --version "=$version" >&2
fi

cargo build --locked --profile "$profile" --target "$target" --bin mediation-atlas >&2
rm -rf "$out"
mkdir -p "$out"
"$tools/bin/wasm-bindgen" --target web --no-typescript --out-dir "$out" --out-name mediation-atlas \
    "target/$target/$dir/mediation-atlas.wasm"
wasm="$out/mediation-atlas_bg.wasm"
if [ "$profile" = release ] && command -v wasm-opt >/dev/null 2>&1; then
    if wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
        --enable-mutable-globals --enable-reference-types --enable-multivalue \
        -o "$wasm.opt" "$wasm" 2>/dev/null; then
        mv "$wasm.opt" "$wasm"
    else
        echo "build_web: wasm-opt could not read the module; it is left as wasm-bindgen wrote it" >&2
        rm -f "$wasm.opt"
    fi
fi

cp assets/web/index.html assets/web/manifest.webmanifest assets/web/icon-192.png \
    assets/web/icon-512.png "$out/"
cp assets/icon/mediation-atlas.svg "$out/icon.svg"
# The service worker keeps exactly these files, under a name that changes with their content.
files=(index.html mediation-atlas.js mediation-atlas_bg.wasm manifest.webmanifest icon.svg icon-192.png icon-512.png)
stamp=$(cd "$out" && cat "${files[@]}" | sha256sum | cut -c1-16)
list=$(printf '"./", '; printf '"%s", ' "${files[@]}" | sed 's/, $//')
sed -e "s/__VERSION__/atlas-$stamp/" -e "s|__FILES__|[$list]|" assets/web/sw.js > "$out/sw.js"
for f in "$wasm" "$out/mediation-atlas.js"; do
    echo "build_web: $(basename "$f"): $(stat -c %s "$f") bytes, $(gzip -9c "$f" | wc -c) gzipped" >&2
done
echo "$out"
