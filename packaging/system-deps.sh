#!/usr/bin/env bash
# Install (as root on Debian/Ubuntu) or name (otherwise) the system libraries Qari needs.
#   packaging/system-deps.sh test   what the headless test suite needs (Qt offscreen, poppler)
#   packaging/system-deps.sh run    what a real desktop window needs (adds X11/xcb libraries)
set -euo pipefail
mode=${1:-test}

headless=(libegl1 libgl1 libxkbcommon0 libx11-6 libfontconfig1 libfreetype6 libglib2.0-0
          libdbus-1-3 fontconfig)
tools=(poppler-utils desktop-file-utils appstream)
window=(libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
        libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
        libxcb-xfixes0 libxrender1 libcups2)

case "$mode" in
  test) wanted=("${headless[@]}" "${tools[@]}") ;;
  run) wanted=("${headless[@]}" "${window[@]}") ;;
  *) echo "usage: $0 test|run" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian system; make sure these (or your distribution's" \
       "equivalents) are installed: ${wanted[*]}" >&2
  exit 0
fi

missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "system-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "system-deps: missing system packages: ${missing[*]}" >&2
  echo "system-deps: install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
