#!/usr/bin/env bash
# Checks the artefacts of scripts/release.sh: the checksums match, the .deb unpacks and its
# binary runs headless (version, demo, list), the Windows binary and installer are PE files
# stamped with the version.
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/release
[[ -f $out/SHA256SUMS ]] || { echo "release-test: run make release first" >&2; exit 1; }
(cd "$out" && sha256sum --quiet -c SHA256SUMS)

deb=$(ls "$out"/ismsdesk_*_amd64.deb | head -n1)
version=$(dpkg-deb -f "$deb" Version)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp/root"
bin=$tmp/root/usr/bin/ismsdesk
[[ -x $bin && -f $tmp/root/usr/share/applications/ismsdesk.desktop && -f $tmp/root/usr/share/pixmaps/ismsdesk.png ]] \
  || { echo "release-test: the .deb lacks the binary, the desktop entry or the icon" >&2; exit 1; }
"$bin" version | grep -qF "$version" || { echo "release-test: the packaged binary does not say $version" >&2; exit 1; }
"$bin" --data "$tmp/data" demo >/dev/null
n=$("$bin" --data "$tmp/data" list controls --json | grep -c '"ref": "A\.' || true)
[[ $n == 93 ]] || { echo "release-test: the packaged binary's demo has $n Annex A controls, want 93" >&2; exit 1; }

numeric=${version%%+*}
for exe in "$out"/ismsdesk-*-windows-amd64.exe "$out"/ismsdesk-*-windows-amd64-installer.exe; do
  [[ $(head -c 2 "$exe") == MZ ]] || { echo "release-test: $exe is not a Windows executable" >&2; exit 1; }
done
exe=$(ls "$out"/ismsdesk-*-windows-amd64.exe | grep -v installer | head -n1)
strings -el "$exe" | grep -qF "$numeric" || { echo "release-test: $exe has no version $numeric in its resources" >&2; exit 1; }
strings -el "$exe" | grep -qF "ISMS Desk" || { echo "release-test: $exe has no product name in its resources" >&2; exit 1; }
echo "release-test: $(basename "$deb") installs and runs (version $version, demo with 93 controls); Windows binary and installer stamped $numeric"
