#!/bin/sh
# Regenerates lexicon/data/actors/countries.txt from the npm package
# world-countries (mledoze/countries, ODbL 1.0; see NOTICE).
#
# Usage, from anywhere in the repository:  sh scripts/countries/gen.sh
# Needs npm and go. The package is installed into a temporary directory that
# is removed afterwards; nothing is added to the repository but the output.
set -eu

version=5.1.0
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

npm install --silent --no-audit --no-fund --prefix "$tmp" "world-countries@$version"
cd "$root"
go run ./scripts/countries \
	-in "$tmp/node_modules/world-countries/countries.json" \
	-out lexicon/data/actors/countries.txt
go run ./scripts/countries -check lexicon/data/actors/countries.txt
echo "wrote lexicon/data/actors/countries.txt from world-countries@$version"
