package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/pipeline"
)

// geoGoldLine is one LGL-format record of our own: two toponyms, one of
// them without coordinates, positions in runes.
const geoGoldLine = `{"id":"g1","text":"Storms hit Brennhall and the Corran Flats on Tuesday.","toponyms":[` +
	`{"start":11,"end":20,"name":"Brennhall","lat":44.8,"lon":19.1,"country":"RS","geonameid":"9000004","feature_code":"PPL"},` +
	`{"start":29,"end":41,"name":"Corran Flats","lat":null,"lon":null,"country":null}]}` + "\n"

// hasGeoStage reports whether this build's pipeline resolves gold spans.
func hasGeoStage() bool {
	var p *pipeline.Pipeline
	_, ok := any(p).(spanResolver)
	return ok
}

func TestEvalGeoCLI(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{
		"gold.jsonl":  []byte(geoGoldLine),
		"gold2.jsonl": []byte(geoGoldLine),
		"bad.jsonl":   []byte(geoGoldLine + `{"id":"g2","text":"Hail.","toponyms":[{"start":0,"end":9}]}` + "\n"),
	})
	const summary = "geo: acc@161 "
	spansCode, spansOut := 1, []string{"this build has no geo stage"}
	spansLast := ""
	if hasGeoStage() {
		spansCode, spansOut, spansLast = 0, []string{"geo evaluation, on gold spans: 1 records, 2 gold toponyms (1 without coordinates)"}, summary
	}
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		out      []string // substrings of stdout + stderr
		lastLine string   // prefix of stdout's last line, when set
	}{
		{"no arguments", []string{"eval", "geo"}, 2, []string{"no gold file given", "usage: dyad eval geo"}, ""},
		{"bad flag", []string{"eval", "geo", "--nope", "gold.jsonl"}, 2, []string{"not defined: -nope"}, ""},
		{"help", []string{"eval", "geo", "-h"}, 0, []string{"usage: dyad eval geo", "--gold-spans", "acc@161km"}, ""},
		{"kinds list geo", []string{"eval", "-h"}, 0, []string{"geo      toponyms against LGL / GeoWebNews"}, ""},
		{"missing file", []string{"eval", "geo", "missing.jsonl"}, 1, []string{"missing.jsonl"}, ""},
		{"bad line", []string{"eval", "geo", "-q", "bad.jsonl"}, 1, []string{"bad.jsonl:2:", "outside the text"}, ""},
		{"quiet", []string{"eval", "geo", "-q", "gold.jsonl"}, 0,
			[]string{"== gold.jsonl ==", "geo evaluation, end to end: 1 records, 2 gold toponyms (1 without coordinates)", "definitions:", "strict span"}, summary},
		{"verbose by default", []string{"eval", "geo", "gold.jsonl"}, 0, []string{"by feature_code", "- g1"}, summary},
		{"two files", []string{"eval", "geo", "-q", "gold.jsonl", "gold2.jsonl"}, 0,
			[]string{"== gold2.jsonl ==", "== all 2 files =="}, summary},
		{"gold spans", []string{"eval", "geo", "--gold-spans", "-q", "gold.jsonl"}, spansCode, spansOut, spansLast},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, dir, "", tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, stdout, stderr)
			}
			out := stdout + stderr
			for _, w := range tc.out {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			if tc.lastLine != "" {
				lines := strings.Split(strings.TrimRight(stdout, "\n"), "\n")
				if last := lines[len(lines)-1]; !strings.HasPrefix(last, tc.lastLine) {
					t.Errorf("last line = %q, want prefix %q", last, tc.lastLine)
				}
			}
		})
	}
}

// TestEvalGeoShared runs the scorer on the shared LGL file; it only runs
// where the shared gold is present.
func TestEvalGeoShared(t *testing.T) {
	path, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "gold", "geo", "lgl.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Skipf("shared gold not present (%s): %v", path, err)
	}
	if testing.Short() {
		t.Skip("codes 588 articles; skipped with -short")
	}
	code, stdout, stderr := runCmd(t, "", "", "eval", "geo", "-q", path)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "588 records, 5088 gold toponyms (626 without coordinates)") {
		t.Errorf("unexpected counts:\n%s", stdout)
	}
}
