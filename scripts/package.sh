#!/usr/bin/env bash
# Builds the desktop packages from a clean clone.
#
#   bash scripts/package.sh deb [--debug] [--out DIR]
#   bash scripts/package.sh windows [--out DIR]
#
# deb: a Debian package (dpkg-deb, in every Debian and Ubuntu) with the program in
#   /usr/bin, its desktop entry, its scalable icon, and the MIME type of `.atlas` lesson packs
#   (assets/linux/, assets/icon/). The system's triggers (shared-mime-info, desktop-file-utils,
#   the icon cache) take them up on install, so the package has no maintainer scripts.
#   The release build is stripped of its debug information; --debug packages the debug build
#   instead (CI does, to test the package without a second, optimised build).
#
# windows: a portable mediation-atlas.exe, cross-built for x86_64-pc-windows-gnu with
#   mingw-w64 and stripped (about 12 minutes cold on 2 cores), with its icon and version
#   information (build.rs) and no console window of its own; and its installer
#   mediation-atlas-VERSION-setup.exe (NSIS, assets/windows/installer.nsi: per user, Start
#   menu, .atlas by double-click, uninstaller). Needs the target
#   (`rustup target add x86_64-pc-windows-gnu`) and Debian's gcc-mingw-w64-x86-64 and nsis.
#   scripts/check_windows.sh runs both under Wine. Prints the two paths. --debug builds the
#   debug profile instead (about 6 minutes cold; CI checks that one).
#
# Needs: cargo, dpkg-deb, strip (binutils). The AppImage is not made yet.
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-deb}"
shift || true
profile=release
out=target/packages
while [ $# -gt 0 ]; do
    case "$1" in
        --debug) profile=dev ;;
        --out) out="$2"; shift ;;
        *) echo "package.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
case "$kind" in
    deb) ;;
    windows)
        target=x86_64-pc-windows-gnu
        cargo build --locked --profile "$profile" --target "$target" --bin mediation-atlas
        dir=$([ "$profile" = dev ] && echo debug || echo release)
        mkdir -p "$out"
        x86_64-w64-mingw32-strip -o "$out/mediation-atlas.exe" "target/$target/$dir/mediation-atlas.exe"
        version=$(sed -nE 's/^version = "([^"]+)"/\1/p' Cargo.toml | head -1)
        setup="$out/mediation-atlas-$version-setup.exe"
        makensis -V2 -DVERSION="$version" -DEXE="$(realpath "$out/mediation-atlas.exe")" \
            -DICON="$(realpath assets/icon/mediation-atlas.ico)" -DOUTFILE="$(realpath "$out")/$(basename "$setup")" \
            assets/windows/installer.nsi
        echo "$out/mediation-atlas.exe"
        echo "$setup"
        exit 0 ;;
    *) echo "package.sh: unknown package '$kind' (deb, windows)" >&2; exit 2 ;;
esac

cargo build --locked --profile "$profile" --bin mediation-atlas
dir=$([ "$profile" = dev ] && echo debug || echo release)
version=$(sed -nE 's/^version = "([^"]+)"/\1/p' Cargo.toml | head -1)
arch=$(dpkg --print-architecture)
root="$(mktemp -d)/mediation-atlas"
trap 'rm -rf "$(dirname "$root")"' EXIT

install -Dm755 "target/$dir/mediation-atlas" "$root/usr/bin/mediation-atlas"
[ "$profile" = release ] && strip --strip-debug "$root/usr/bin/mediation-atlas"
install -Dm644 assets/linux/mediation-atlas.desktop "$root/usr/share/applications/mediation-atlas.desktop"
install -Dm644 assets/linux/mediation-atlas-lesson.xml "$root/usr/share/mime/packages/mediation-atlas.xml"
install -Dm644 assets/icon/mediation-atlas.svg "$root/usr/share/icons/hicolor/scalable/apps/mediation-atlas.svg"
install -Dm644 README.md "$root/usr/share/doc/mediation-atlas/README.md"

size_kb=$(du -sk "$root/usr" | cut -f1)
mkdir -p "$root/DEBIAN"
# The program links only the C library and libgcc; the windowing and OpenGL libraries are
# opened at run time (winit, glutin), so they are named here by hand.
cat > "$root/DEBIAN/control" <<CONTROL
Package: mediation-atlas
Version: $version
Architecture: $arch
Maintainer: Mediation Atlas <atlas@example.org>
Installed-Size: $size_kb
Depends: libc6, libgcc-s1, libgl1, libegl1, libx11-6, libxcursor1, libxrandr2, libxi6, libxkbcommon-x11-0
Recommends: libwayland-client0, libwayland-egl1, xdg-utils
Section: education
Priority: optional
Homepage: https://github.com/mediation-atlas/mediation-atlas
Description: interactive map of Central Asian diplomacy
 Articles linked to places, events and peace processes, drawn on an offline map:
 explore, present and teach the geography of mediation. Lesson packs (.atlas)
 open by double-click.
CONTROL
mkdir -p "$out"
deb="$out/mediation-atlas_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
