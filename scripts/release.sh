#!/usr/bin/env bash
# Builds the release artefacts in build/release/: the Linux binary packaged as a .deb and the
# Windows binary with its NSIS installer, each stamped with the version from git, and their
# SHA-256 checksums (SHA256SUMS). Offline apart from the package registries.
# The version is the base version of wails.json with the number of commits and the commit:
# 0.1.57+g3f64d4b (the Windows resources take the numeric 0.1.57).
set -euo pipefail
cd "$(dirname "$0")/.."

GOBIN=$(go env GOPATH)/bin
export PATH=$GOBIN:$PATH
out=build/release
base=$(python3 -c 'import json; print(json.load(open("wails.json"))["info"]["productVersion"])')
count=$(git rev-list --count HEAD 2>/dev/null || echo 0)
sha=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
numeric="${base%.*}.$count"
version="$numeric+g$sha"
# Only changed contents make a build dirty (Wails rewrites the bindings' file modes).
[[ -z $(git -c core.fileMode=false status --porcelain 2>/dev/null | grep -v '^??' || true) ]] || version="$version.dirty"
ldflags="-X github.com/ismsdesk/ismsdesk/backend/buildinfo.Version=$version"
echo "release: version $version"

rm -rf "$out" && mkdir -p "$out"

# wails.json carries the version into the Windows resources and the installer; Wails fills
# the installer's template in place. Both are put back as they were whatever happens.
nsh=build/windows/installer/wails_tools.nsh
cp wails.json build/wails.json.orig
cp "$nsh" build/wails_tools.nsh.orig
restore() {
  mv -f build/wails.json.orig wails.json
  mv -f build/wails_tools.nsh.orig "$nsh"
  rm -rf build/windows/installer/tmp
}
trap restore EXIT
python3 - "$numeric" <<'PY'
import json, sys
p = "wails.json"
c = json.load(open(p))
c["info"]["productVersion"] = sys.argv[1]
json.dump(c, open(p, "w"), indent=2)
PY

echo "release: Linux binary"
wails build -tags webkit2_41 -m -trimpath -skipbindings -ldflags "$ldflags" -o ismsdesk >/dev/null
linux=build/bin/ismsdesk
[[ $("$linux" version) == *"$version"* ]] || { echo "release: the Linux binary does not say $version" >&2; exit 1; }

echo "release: Debian package"
deb_version=$version
pkg=$(mktemp -d)
install -Dm755 "$linux" "$pkg/usr/bin/ismsdesk"
install -Dm644 build/appicon.png "$pkg/usr/share/pixmaps/ismsdesk.png"
install -d "$pkg/usr/share/applications" "$pkg/DEBIAN"
cat >"$pkg/usr/share/applications/ismsdesk.desktop" <<EOF
[Desktop Entry]
Type=Application
Name=ISMS Desk
Comment=Run an ISO/IEC 27001 information security management system from one laptop
Exec=ismsdesk
Icon=ismsdesk
Categories=Office;
Terminal=false
EOF
size=$(du -sk "$pkg/usr" | cut -f1)
cat >"$pkg/DEBIAN/control" <<EOF
Package: ismsdesk
Version: $deb_version
Architecture: amd64
Maintainer: ISMS Desk <team@ismsdesk.invalid>
Installed-Size: $size
Depends: libgtk-3-0, libwebkit2gtk-4.1-0
Section: utils
Priority: optional
Homepage: https://ismsdesk.invalid
Description: ISO/IEC 27001 ISMS for a small organisation, offline
 ISMS Desk runs the information security management system of a small
 organisation from one laptop: requirements and gap analysis, policies with
 approval, the Statement of Applicability, risks, training, KPIs, audits,
 management reviews and corrective actions, with Excel in and out.
EOF
dpkg-deb --root-owner-group --build "$pkg" "$out/ismsdesk_${deb_version}_amd64.deb" >/dev/null
rm -rf "$pkg"

echo "release: Windows binary and installer"
command -v makensis >/dev/null || { echo "release: makensis is missing (apt install nsis; scripts/deps.sh release does it)" >&2; exit 1; }
wails build -platform windows/amd64 -nsis -m -trimpath -skipbindings -ldflags "$ldflags" -o ismsdesk.exe >/dev/null
cp build/bin/ismsdesk.exe "$out/ismsdesk-$version-windows-amd64.exe"
installer=$(ls build/bin/*installer*.exe | head -n1)
cp "$installer" "$out/ismsdesk-$version-windows-amd64-installer.exe"
rm -f build/bin/ismsdesk.exe "$installer"

(cd "$out" && sha256sum -- * >SHA256SUMS)
echo "release: artefacts in $out:"
(cd "$out" && ls -l)
