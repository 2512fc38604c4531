#!/usr/bin/env bash
# Runs the Windows program (scripts/package.sh windows) under Wine: its `check` of the
# built-in corpus, then a window under Xvfb that writes a screenshot, which must be the map
# (not an empty or black window). Needs Debian's wine64, xvfb and imagemagick, and mingw-w64 for the
# bcryptprimitives.dll stand-in that Wine 8 lacks (scripts/windows/bcryptprimitives.c; real
# Windows has the DLL). Prints the start-to-screenshot time beside the Linux build's.
#
#   bash scripts/check_windows.sh target/packages/mediation-atlas.exe [linux binary]
set -euo pipefail
exe="$(realpath "$1")"
linux="${2:+$(realpath "$2")}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"; [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true' EXIT
cp "$exe" "$work/mediation-atlas.exe"
x86_64-w64-mingw32-gcc -O2 -shared -o "$work/bcryptprimitives.dll" \
    "$here/windows/bcryptprimitives.c" -ladvapi32
export WINEPREFIX="$work/prefix" WINEDEBUG=-all
if [ -z "${DISPLAY:-}" ]; then
    Xvfb :97 -screen 0 1024x768x24 >/dev/null 2>&1 &
    xvfb=$!
    export DISPLAY=:97
    sleep 1
fi
cd "$work"
wine wine64 --version >/dev/null 2>&1 || true   # makes the prefix, outside the timings
wine mediation-atlas.exe check
start=$(date +%s.%N)
wine mediation-atlas.exe --screenshot shot.png --size 1024x768 >/dev/null
windows_s=$(echo "$(date +%s.%N) - $start" | bc)
# A drawn map has thousands of colours; an empty or black window a handful.
read -r w h colours < <(identify -format '%w %h %k\n' shot.png)
[ "$w $h" = "1024 768" ] || { echo "check_windows: the screenshot is ${w}x${h}" >&2; exit 1; }
[ "$colours" -gt 500 ] || { echo "check_windows: only $colours colours: not the map" >&2; exit 1; }
echo "check_windows: a ${w}x${h} screenshot with $colours colours"
echo "check_windows: start to screenshot under Wine: ${windows_s} s"
if [ -n "$linux" ]; then
    start=$(date +%s.%N)
    "$linux" --screenshot "$work/linux.png" --size 1024x768 >/dev/null
    echo "check_windows: the same with the Linux build: $(echo "$(date +%s.%N) - $start" | bc) s"
fi
