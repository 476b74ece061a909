package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/export"
)

func TestExportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "e.db")
	corpus := writeCorpus(t, dir, 40, 5)
	var errb bytes.Buffer
	if code := run([]string{"ingest", "--db", db, "-q", corpus}, nil, &errb, &errb); code != 0 {
		t.Fatalf("ingest: %d %s", code, errb.String())
	}
	tests := []struct {
		name  string
		args  []string
		code  int
		check func(t *testing.T, out string)
	}{
		{"jsonl", []string{"--format", "jsonl"}, 0, func(t *testing.T, out string) {
			lines := strings.Split(strings.TrimSpace(out), "\n")
			var ev struct {
				ID    int64  `json:"id"`
				DocID string `json:"doc_id"`
				Code  string `json:"code"`
				Date  string `json:"date"`
				NM    int    `json:"num_mentions"`
			}
			if len(lines) < 40 || json.Unmarshal([]byte(lines[0]), &ev) != nil || ev.ID == 0 || ev.Code == "" || ev.NM < 1 {
				t.Errorf("%d lines, first %s", len(lines), lines[0])
			}
		}},
		{"csv", []string{"--format", "csv", "--source", "IRN"}, 0, func(t *testing.T, out string) {
			rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil || len(rows) < 2 || strings.Join(rows[0], ",") != strings.Join(export.CSVColumns, ",") {
				t.Fatalf("csv: %v %d rows", err, len(rows))
			}
			for _, r := range rows[1:] {
				if r[5] != "IRN" {
					t.Errorf("source country %q in %v", r[5], r)
				}
			}
		}},
		{"gdelt", []string{"--format", "gdelt", "--quad", "4"}, 0, func(t *testing.T, out string) {
			for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
				f := strings.Split(l, "\t")
				if len(f) != 61 || f[29] != "4" || len(f[1]) != 8 {
					t.Errorf("%d columns, QuadClass %q: %s", len(f), f[29], l)
				}
			}
		}},
		{"plover", []string{"--format", "plover", "--root", "04"}, 0, func(t *testing.T, out string) {
			for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
				var p struct {
					Type  string `json:"event_type"`
					CAMEO string `json:"cameo_code"`
				}
				if err := json.Unmarshal([]byte(l), &p); err != nil || p.Type != "CONSULT" || !strings.HasPrefix(p.CAMEO, "04") {
					t.Errorf("%v: %s", err, l)
				}
			}
		}},
		{"full text and dates", []string{"--q", "talks", "--from", "2020-01-01", "--to", "2020-12-31"}, 0, func(t *testing.T, out string) {
			for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
				if l != "" && (!strings.Contains(strings.ToLower(l), "talks") || !strings.Contains(l, `"date":"2020-`)) {
					t.Errorf("line %s", l)
				}
			}
		}},
		{"bad format", []string{"--format", "xml"}, 2, nil},
		{"bad quad", []string{"--quad", "7"}, 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(append([]string{"export", "--db", db}, tt.args...), nil, &out, &errb)
			if code != tt.code {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			if tt.check != nil {
				tt.check(t, out.String())
			}
		})
	}
	// -o FILE, and a missing database.
	outPath := filepath.Join(dir, "out.csv")
	if code := run([]string{"export", "--db", db, "--format", "csv", "-o", outPath}, nil, &errb, &errb); code != 0 {
		t.Fatalf("export -o: %d", code)
	}
	if b, err := os.ReadFile(outPath); err != nil || !strings.HasPrefix(string(b), "id,date,doc_id") {
		t.Errorf("out.csv: %v %.40q", err, b)
	}
	errb.Reset()
	if code := run([]string{"export", "--db", filepath.Join(dir, "none.db")}, nil, &errb, &errb); code != 1 || !strings.Contains(errb.String(), "no database") {
		t.Errorf("missing db: %d %s", code, errb.String())
	}
}
