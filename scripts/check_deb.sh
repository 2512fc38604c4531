#!/usr/bin/env bash
# Installs a package made by scripts/package.sh into a scratch root with dpkg (the host's
# system is not touched) and checks it: the files are where the desktop looks for them, the
# desktop entry names the program and the lesson packs' MIME type, and the installed
# program validates the built-in corpus (`mediation-atlas check`).
#
#   bash scripts/check_deb.sh target/packages/mediation-atlas_*.deb
set -euo pipefail
deb="$1"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/var/lib/dpkg/info" "$scratch/var/lib/dpkg/updates" "$scratch/var/lib/dpkg/triggers"
touch "$scratch/var/lib/dpkg/status"
# The dependencies are the host's business, not the scratch root's.
if ! dpkg --root="$scratch" --force-depends --force-not-root --log=/dev/null -i "$deb" \
        >"$scratch/dpkg.log" 2>&1; then
    cat "$scratch/dpkg.log" >&2
    exit 1
fi
dpkg --root="$scratch" -s mediation-atlas | grep -q '^Status: install ok installed'
for f in usr/bin/mediation-atlas \
         usr/share/applications/mediation-atlas.desktop \
         usr/share/mime/packages/mediation-atlas.xml \
         usr/share/icons/hicolor/scalable/apps/mediation-atlas.svg; do
    [ -f "$scratch/$f" ] || { echo "check_deb: $f is missing" >&2; exit 1; }
done
desktop="$scratch/usr/share/applications/mediation-atlas.desktop"
grep -q '^Exec=mediation-atlas %F$' "$desktop"
grep -q '^Icon=mediation-atlas$' "$desktop"
grep -q '^MimeType=application/x-mediation-atlas-lesson;$' "$desktop"
grep -q 'type="application/x-mediation-atlas-lesson"' "$scratch/usr/share/mime/packages/mediation-atlas.xml"
if command -v desktop-file-validate >/dev/null 2>&1; then desktop-file-validate "$desktop"; fi
# Run from an empty folder, so the built-in corpus is what it checks.
(cd "$scratch" && "$scratch/usr/bin/mediation-atlas" check)
echo "check_deb: $(basename "$deb") ($(du -k "$deb" | cut -f1) KB) installs and runs"
