#!/usr/bin/env bash
# Checks the Windows packages (scripts/package.sh windows) under Wine:
#   - the portable program: its icon and version resources, the GUI subsystem (no console
#     window from Explorer), its `check` of the built-in corpus printed to this terminal, and a
#     window under Xvfb that writes a screenshot, which must be the map (not an empty or black
#     window);
#   - with --setup, the installer: a silent install for the current user, the program, the
#     Start-menu entry, the .atlas association and the uninstall entry; the installed program's
#     `check`; then the silent uninstall, which must remove all of it and keep the user's
#     library.
# Needs Debian's wine64, xvfb, imagemagick, icoutils, and mingw-w64 for the
# bcryptprimitives.dll stand-in that Wine 8 lacks (scripts/windows/bcryptprimitives.c; real
# Windows has the DLL). Prints the start-to-screenshot time beside the Linux build's.
#
#   bash scripts/check_windows.sh target/packages/mediation-atlas.exe \
#        [--setup target/packages/mediation-atlas-0.1.0-setup.exe] [--linux target/release/mediation-atlas]
set -euo pipefail
exe="$(realpath "$1")"
shift
setup="" linux=""
while [ $# -gt 0 ]; do
    case "$1" in
        --setup) setup="$(realpath "$2")"; shift ;;
        --linux) linux="$(realpath "$2")"; shift ;;
        *) echo "check_windows: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"; [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true' EXIT
fail() { echo "check_windows: $*" >&2; exit 1; }

# Resources and subsystem, read from the file.
resources=$(wrestool -l "$exe")
grep -q 'type=14' <<<"$resources" || fail "no icon in $exe"
grep -q 'type=16' <<<"$resources" || fail "no version information in $exe"
# (Its strings are UTF-16: ASCII with a zero byte after each letter.)
version_info=$(wrestool -x --raw --type=16 "$exe" | tr -d '\0')
grep -aqF 'ProductNameMediation Atlas' <<<"$version_info" \
    || fail "the version information does not name the program"
headers=$(x86_64-w64-mingw32-objdump -p "$exe")
grep -q 'Subsystem.*Windows GUI' <<<"$headers" \
    || fail "$exe is a console program: a console window would open from Explorer"
echo "check_windows: icon, version information, GUI subsystem"

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
wine mediation-atlas.exe check | tee check.txt
grep -q . check.txt || fail "'check' printed nothing"
start=$(date +%s.%N)
wine mediation-atlas.exe --screenshot shot.png --size 1024x768 >/dev/null
windows_s=$(echo "$(date +%s.%N) - $start" | bc)
# A drawn map has thousands of colours; an empty or black window a handful.
read -r w h colours < <(identify -format '%w %h %k\n' shot.png)
[ "$w $h" = "1024 768" ] || fail "the screenshot is ${w}x${h}"
[ "$colours" -gt 500 ] || fail "only $colours colours: not the map"
echo "check_windows: a ${w}x${h} screenshot with $colours colours"
echo "check_windows: start to screenshot under Wine: ${windows_s} s"
if [ -n "$linux" ]; then
    start=$(date +%s.%N)
    "$linux" --screenshot "$work/linux.png" --size 1024x768 >/dev/null
    echo "check_windows: the same with the Linux build: $(echo "$(date +%s.%N) - $start" | bc) s"
fi

[ -n "$setup" ] || exit 0
users="$WINEPREFIX/drive_c/users/$(id -un)"
dir="$users/AppData/Local/Programs/Mediation Atlas"
menu="$users/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Mediation Atlas.lnk"
library="$users/AppData/Roaming/Mediation Atlas/mediation-atlas/data"
reg() { wine reg query "$1" /ve 2>/dev/null | tr -d '\r' | sed -nE 's/.*REG_SZ +//p'; }
wine "$setup" /S
[ -f "$dir/mediation-atlas.exe" ] || fail "the installer put no program in $dir"
[ -f "$dir/uninstall.exe" ] || fail "the installer put no uninstaller in $dir"
[ -f "$menu" ] || fail "no Start-menu entry"
[ "$(reg 'HKCU\Software\Classes\.atlas')" = "MediationAtlas.LessonPack" ] || fail ".atlas is not associated"
command=$(reg 'HKCU\Software\Classes\MediationAtlas.LessonPack\shell\open\command')
[ "$command" = '"C:\users\'"$(id -un)"'\AppData\Local\Programs\Mediation Atlas\mediation-atlas.exe" "%1"' ] \
    || fail "the .atlas open command is $command"
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\MediationAtlas' >/dev/null 2>&1 \
    || fail "no uninstall entry"
wine "$dir/mediation-atlas.exe" check >/dev/null || fail "the installed program's check failed"
echo "check_windows: installed: program, Start-menu entry, .atlas association, uninstall entry"
mkdir -p "$library"
echo "the user's" > "$library/sentinel"
wine "$dir/uninstall.exe" /S '_?=C:\users\'"$(id -un)"'\AppData\Local\Programs\Mediation Atlas'
sleep 1
[ ! -e "$dir/mediation-atlas.exe" ] || fail "the uninstaller left the program"
[ ! -e "$menu" ] || fail "the uninstaller left the Start-menu entry"
[ -z "$(reg 'HKCU\Software\Classes\.atlas')" ] || fail "the uninstaller left the .atlas association"
[ -f "$library/sentinel" ] || fail "the uninstaller removed the user's library"
echo "check_windows: uninstalled, the user's library kept"
