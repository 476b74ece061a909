package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// quoteGoldLine is one PolNeAR-format record of our own: a direct quote
// with its speaker and cue, positions in runes.
const quoteGoldLine = `{"id":"q1","text":"“The dam will hold,” said Mayor Ortega of Sylvania.","quotes":[` +
	`{"start":0,"end":20,"speaker":"Mayor Ortega","cue":"said","content_segments":[[0,20]],` +
	`"speaker_segments":[[26,38]],"cue_segments":[[21,25]],"direct":true}]}` + "\n"

func TestEvalQuotesCLI(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{
		"gold.jsonl":  []byte(quoteGoldLine),
		"gold2.jsonl": []byte(quoteGoldLine),
		"bad.jsonl":   []byte(quoteGoldLine + "{not json\n"),
	})
	const summary = "direct quotes: recall "
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		stdout   []string // substrings
		stderr   []string
		lastLine string // prefix of stdout's last line, when set
	}{
		{"no arguments", []string{"eval", "quotes"}, 2, nil, []string{"no gold file given", "usage: dyad eval quotes"}, ""},
		{"bad flag", []string{"eval", "quotes", "--nope", "gold.jsonl"}, 2, nil, []string{"not defined: -nope"}, ""},
		{"help", []string{"eval", "quotes", "-h"}, 0, nil, []string{"usage: dyad eval quotes", "content overlap"}, ""},
		{"missing file", []string{"eval", "quotes", "missing.jsonl"}, 1, nil, []string{"missing.jsonl"}, ""},
		{"bad line", []string{"eval", "quotes", "-q", "bad.jsonl"}, 1, nil, []string{"bad.jsonl:2:"}, ""},
		{"quiet", []string{"eval", "quotes", "-q", "gold.jsonl"}, 0,
			[]string{"== gold.jsonl ==", "quote evaluation: 1 records, 1 gold attributions (1 direct, 0 indirect)", "definitions:"}, nil, summary},
		{"verbose by default", []string{"eval", "quotes", "gold.jsonl"}, 0, []string{"direct quotes (gold direct=true"}, nil, summary},
		{"two files", []string{"eval", "quotes", "-q", "gold.jsonl", "gold2.jsonl"}, 0,
			[]string{"== gold2.jsonl ==", "== all 2 files =="}, nil, summary},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, dir, "", tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, stdout, stderr)
			}
			out := stdout + stderr
			for _, w := range append(tc.stdout, tc.stderr...) {
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

// TestEvalQuotesPolNeAR runs the scorer on the shared dev file; it only
// runs where the shared gold is present.
func TestEvalQuotesPolNeAR(t *testing.T) {
	path, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "gold", "quotes", "polnear_dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Skipf("shared gold not present (%s): %v", path, err)
	}
	if testing.Short() {
		t.Skip("codes 84 articles; skipped with -short")
	}
	code, stdout, stderr := runCmd(t, "", "", "eval", "quotes", "-q", path)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "84 records, 2192 gold attributions") {
		t.Errorf("unexpected counts:\n%s", stdout)
	}
}
