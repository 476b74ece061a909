#!/bin/sh
# Regenerates http/ui/static/world.json, the web UI's world map, from the
# npm packages world-atlas (ISC, Mike Bostock; outlines from Natural Earth,
# public domain) and world-countries (ODbL 1.0, for the ISO codes); see
# NOTICE.
#
# Usage, from anywhere in the repository:  sh scripts/worldmap/gen.sh
# Needs npm and go. The packages are installed into a temporary directory
# that is removed afterwards; nothing is added to the repository but the
# output.
set -eu

atlas=2.0.2
countries=5.1.0
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

npm install --silent --no-audit --no-fund --prefix "$tmp" "world-atlas@$atlas" "world-countries@$countries"
cd "$root"
go run ./scripts/worldmap -version "$atlas" \
	-atlas "$tmp/node_modules/world-atlas/countries-110m.json" \
	-countries "$tmp/node_modules/world-countries/countries.json" \
	-out http/ui/static/world.json
