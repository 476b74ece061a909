package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/gazetteer"
)

func TestGazetteerBuild(t *testing.T) {
	dir := t.TempDir()
	cities := filepath.Join(dir, "cities.txt")
	countries := filepath.Join(dir, "countries.json")
	out := filepath.Join(dir, "out.tsv.lz")
	// Two invented places in the cities500 layout (19 fields) and one country.
	row := func(f ...string) string { return strings.Join(append(f, "", "", "Zone/X", "2020-01-01"), "\t") }
	os.WriteFile(cities, []byte(row("9001", "Marwick", "Marwick", "Marwik,MWK", "10.5", "20.5", "P", "PPLC", "FD", "", "01", "", "", "", "900000", "", "12")+"\n"+
		row("9002", "Tiny", "Tiny", "", "10", "20", "P", "PPL", "FD", "", "01", "", "", "", "50", "", "3")+"\n"), 0o644)
	os.WriteFile(countries, []byte(`[{"name":{"common":"Freedonia","official":"Republic of Freedonia"},"cca2":"FD","cca3":"FRD",
		"independent":true,"altSpellings":["FD"],"latlng":[10,20],"demonyms":{"eng":{"m":"Freedonian","f":"Freedonian"}}}]`), 0o644)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"build", "--cities", cities, "--countries", countries, "--out", out}, 0, "1 countries, 1 places"},
		{[]string{"build", "--cities", cities, "--countries", countries, "--out", out, "--min-population", "10"}, 0, "2 places"},
		{[]string{"build", "--cities", cities}, 2, "required"},
		{[]string{"build", "--cities", filepath.Join(dir, "none"), "--countries", countries, "--out", out}, 1, "cities"},
		{[]string{"frobnicate"}, 2, "build"},
		{[]string{"build", "--help"}, 0, "Usage: dyad gazetteer build"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"gazetteer"}, c.args...), nil, &stdout, &stderr)
		if code != c.code || !strings.Contains(stdout.String()+stderr.String(), c.want) {
			t.Errorf("%v: code %d, output %q; want %d and %q", c.args, code, stdout.String()+stderr.String(), c.code, c.want)
		}
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	es, err := gazetteer.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	g := gazetteer.New(es)
	if e, ok := g.Demonym("Freedonians"); !ok || e.Country != "FRD" {
		t.Errorf("Demonym(Freedonians) = %+v %v", e, ok)
	}
	if l := g.Lookup("marwik"); len(l) != 1 || l[0].ID != 9001 || l[0].Country != "FRD" {
		t.Errorf("Lookup(marwik) = %+v", l)
	}
}
