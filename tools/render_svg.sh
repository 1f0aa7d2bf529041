#!/usr/bin/env bash
# render_svg.sh IN.svg OUT.png: renders an SVG with headless Chromium (Debian's `chromium`),
# at the size the SVG declares, so that a chart can be looked at, or checked in a test, without
# a desktop. Exits 77 (CTest's "skipped", see tests/CMakeLists.txt) when chromium is missing.
#
#   build/examples/chart alexnet > alexnet.svg && tools/render_svg.sh alexnet.svg alexnet.png
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 IN.svg OUT.png" >&2
  exit 2
fi
in=$(realpath "$1")
out=$(realpath -m "$2")

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "render_svg.sh: chromium is not installed (apt-get install chromium); skipped" >&2
  exit 77
fi

# The window takes the SVG's own width and height (netcount's charts declare both).
size=$(head -c 4096 "$in" | tr '\n' ' ' | sed -n 's/.*<svg[^>]* width="\([0-9]*\)" height="\([0-9]*\)".*/\1,\2/p')
size=${size:-1200,800}

# A fresh profile, no network, no sandbox (containers run as root), no GPU.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
rm -f "$out"
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$profile" --window-size="$size" \
  --screenshot="$out" "file://$in" >/dev/null 2>&1 || true

if [ ! -s "$out" ]; then
  echo "render_svg.sh: chromium wrote no image for $in" >&2
  exit 1
fi
echo "$out ($size)"
