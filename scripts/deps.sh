#!/usr/bin/env bash
# Installs what ISMS Desk needs to build and test on Debian or Ubuntu: system packages
# (with sudo when not root), the Wails CLI at the pinned version and the Node packages.
# Usage: scripts/deps.sh [build|test]   (test adds Xvfb, Chromium, NSIS for the release and friends)
set -euo pipefail
cd "$(dirname "$0")/.."

WAILS_VERSION=v2.16.0
what=${1:-build}

need() { command -v "$1" >/dev/null 2>&1 || { echo "deps: $2" >&2; exit 1; }; }
need go "Go 1.26 or newer is required (https://go.dev/dl); put it on PATH"
need node "Node.js 20 or newer is required; put it on PATH"
need npm "npm is required (it comes with Node.js)"

pkgs=(build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev)
if [[ $what == test ]]; then
  pkgs+=(xvfb xauth xdotool imagemagick chromium libreoffice-calc-nogui poppler-utils python3 curl nsis)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo=sudo
  echo "deps: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

gobin=$(go env GOPATH)/bin
if ! "$gobin/wails" version 2>/dev/null | grep -q "$WAILS_VERSION"; then
  echo "deps: installing the Wails CLI $WAILS_VERSION"
  go install "github.com/wailsapp/wails/v2/cmd/wails@$WAILS_VERSION"
fi

if [[ ! -d frontend/node_modules ]] || [[ frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]]; then
  echo "deps: installing the Node packages"
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
fi
