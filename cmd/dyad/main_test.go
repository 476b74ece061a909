package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/export"
)

func dyadDoc(id, text string) dyad.Doc { return dyad.Doc{ID: id, Text: text} }

// runCmd runs the command in dir and returns its exit status and output.
func runCmd(t *testing.T, dir string, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	if dir != "" {
		t.Chdir(dir)
	}
	var in *strings.Reader
	if stdin != "" {
		in = strings.NewReader(stdin)
	}
	var out, errOut bytes.Buffer
	if in == nil {
		code = run(args, nil, &out, &errOut)
	} else {
		code = run(args, in, &out, &errOut)
	}
	return code, out.String(), errOut.String()
}

func writeFiles(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// ids decodes JSONL output and returns the document ids in order.
func ids(t *testing.T, out string) []string {
	t.Helper()
	var list []string
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		var rec struct {
			Doc struct {
				ID   string `json:"id"`
				Date string `json:"date"`
			} `json:"doc"`
			Events []json.RawMessage `json:"events"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("output line %d is not a JSON record: %v\n%s", i+1, err, line)
		}
		list = append(list, rec.Doc.ID)
	}
	return list
}

const story = "TEHRAN (Wire) - Iran's defence minister met his Syrian counterpart in Tehran on Monday.\n"

func noise() []byte {
	r := rand.New(rand.NewPCG(3, 4))
	b := make([]byte, 800)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return b
}

func TestCodeGoodAroundBad(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{
		"a.txt":       []byte(story),
		"b.txt":       nil,
		"c.txt":       noise(),
		"d.jsonl":     []byte(`{"id":"d1","text":"Russia accused Ukraine of shelling Kharkiv.","date":"20230725"}` + "\n" + `{"id":"d2","text":` + "\n" + `{"id":"d3","text":"China hosted Brazil's president in Beijing."}` + "\n"),
		"e.txt":       []byte("The Egyptian foreign ministry condemned the attack.\n"),
		"big/huge.md": bytes.Repeat([]byte("x "), 600),
	})
	code, out, errOut := runCmd(t, dir, "", "code", "a.txt", "b.txt", "c.txt", "d.jsonl", "--max-bytes", "1K", "big", "e.txt", "nothing.txt")
	if code != 1 {
		t.Errorf("exit %d, want 1; stderr:\n%s", code, errOut)
	}
	got := strings.Join(ids(t, out), " ")
	if got != "a.txt d1 d3 e.txt" {
		t.Errorf("records %q, want a.txt d1 d3 e.txt in order", got)
	}
	for _, want := range []string{
		"dyad: b.txt: empty document\n",
		"dyad: c.txt: binary data",
		"dyad: d.jsonl:2: invalid JSON",
		"dyad: big/huge.md: document is 1.2 KB, over the 1 KB limit; raise --max-bytes\n",
		"dyad: nothing.txt: no such file or directory\n",
		"coded 4 documents, ",
		"; 5 failed\n",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

func TestCodeFormats(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{"a.txt": []byte(story), "b.txt": []byte("Nothing to see.\n"),
		"q.txt": []byte("\"The border stays closed,\" the spokesman said.\n")})
	tests := []struct {
		name  string
		args  []string
		check func(t *testing.T, out string)
	}{
		{"jsonl default", []string{"code", "a.txt", "b.txt"}, func(t *testing.T, out string) {
			if got := strings.Join(ids(t, out), " "); got != "a.txt b.txt" {
				t.Errorf("ids %q", got)
			}
		}},
		{"tsv", []string{"code", "--format", "tsv", "a.txt", "b.txt"}, func(t *testing.T, out string) {
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if lines[0] != strings.Join(export.TSVColumns, "\t") {
				t.Errorf("header %q", lines[0])
			}
			for _, l := range lines {
				if n := len(strings.Split(l, "\t")); n != len(export.TSVColumns) {
					t.Errorf("%d columns in %q", n, l)
				}
			}
		}},
		{"quotes command", []string{"quotes", "q.txt", "b.txt"}, func(t *testing.T, out string) {
			for _, want := range []string{"── q.txt · ", "the spokesman said:\n    \"The border stays closed,\"", "── b.txt · 1 sentence, 0 quotes\n  (no quotes)"} {
				if !strings.Contains(out, want) {
					t.Errorf("quotes output lacks %q:\n%s", want, out)
				}
			}
		}},
		{"quotes in the records", []string{"code", "q.txt"}, func(t *testing.T, out string) {
			var rec dyad.Record
			if err := json.Unmarshal([]byte(out), &rec); err != nil {
				t.Fatal(err)
			}
			if len(rec.Quotes) != 1 || rec.Quotes[0].Speaker == nil || rec.Quotes[0].Speaker.Text != "the spokesman" || !rec.Quotes[0].Direct {
				t.Errorf("quotes %+v", rec.Quotes)
			}
		}},
		{"pretty", []string{"code", "--format=pretty", "--date", "2023-07-24", "a.txt", "b.txt"}, func(t *testing.T, out string) {
			for _, want := range []string{"── a.txt · 2023-07-24", "── b.txt · 2023-07-24"} {
				if !strings.Contains(out, want) {
					t.Errorf("pretty output lacks %q:\n%s", want, out)
				}
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, dir, "", tc.args...)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			tc.check(t, out)
		})
	}
}

func TestCodeStdinAndOutputFile(t *testing.T) {
	dir := t.TempDir()
	var in strings.Builder
	var want []string
	for i := range 40 {
		fmt.Fprintf(&in, `{"id":"n%02d","text":"Story %d: the minister met the envoy."}`+"\n", i, i)
		want = append(want, fmt.Sprintf("n%02d", i))
	}
	code, out, errOut := runCmd(t, dir, in.String(), "code", "--workers", "4", "-o", "out.jsonl", "-")
	if code != 0 || out != "" || errOut != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	data, err := os.ReadFile(filepath.Join(dir, "out.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids(t, string(data)), " "); got != strings.Join(want, " ") {
		t.Errorf("ids out of order:\n%s", got)
	}

	// No PATH and a piped standard input: stdin is read.
	code, out, _ = runCmd(t, dir, story, "code")
	if code != 0 || strings.Join(ids(t, out), " ") != "stdin" {
		t.Errorf("implicit stdin: exit %d, output %q", code, out)
	}
}

func TestUsage(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{"a.txt": []byte(story)})
	tests := []struct {
		args   []string
		code   int
		stdout string // substring
		stderr string // substring
	}{
		{nil, 2, "", "Usage:"},
		{[]string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{[]string{"help"}, 0, "Commands:", ""},
		{[]string{"--help"}, 0, "Commands:", ""},
		{[]string{"help", "code"}, 0, "Usage: dyad code", ""},
		{[]string{"help", "bench"}, 0, "Usage: dyad bench", ""},
		{[]string{"help", "quotes"}, 0, "Usage: dyad quotes", ""},
		{[]string{"help", "nope"}, 2, "", "unknown command"},
		{[]string{"version"}, 0, "dyad ", ""},
		{[]string{"code", "--help"}, 0, "Exit status", ""},
		{[]string{"code", "-h"}, 0, "Examples:", ""},
		{[]string{"code", "--bogus", "a.txt"}, 2, "", "flag provided but not defined: -bogus"},
		{[]string{"code", "--format", "xml", "a.txt"}, 2, "", `unknown format "xml"`},
		{[]string{"code", "--date", "24/07/2023", "a.txt"}, 2, "", "invalid date"},
		{[]string{"code", "--workers", "0", "a.txt"}, 2, "", "--workers must be at least 1"},
		{[]string{"code", "--max-bytes", "lots", "a.txt"}, 2, "", "invalid size"},
		{[]string{"bench", "--docs", "0"}, 2, "", "--docs must be at least 1"},
		{[]string{"code", "--", "-"}, 0, "", ""}, // "-" after "--" is still stdin
	}
	t.Run("code without input", func(t *testing.T) {
		code, _, errOut := runCmd(t, dir, "", "code")
		if code != 2 || !strings.Contains(errOut, "no input") {
			t.Errorf("exit %d, stderr %q", code, errOut)
		}
	})
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, out, errOut := runCmd(t, dir, story, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr %q", code, tc.code, errOut)
			}
			if !strings.Contains(out, tc.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tc.stdout, out)
			}
			if !strings.Contains(errOut, tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, errOut)
			}
		})
	}
}

func TestBenchCommand(t *testing.T) {
	code, out, errOut := runCmd(t, "", "", "bench", "--docs", "4", "--workers", "1")
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, errOut)
	}
	for _, want := range []string{"command      dyad bench --docs 4 --workers 1", "documents/s", "sentences/s", "load", "peak RSS"} {
		if !strings.Contains(out, want) {
			t.Errorf("bench output lacks %q:\n%s", want, out)
		}
	}

	dir := writeFiles(t, map[string][]byte{"x/a.txt": []byte(story), "x/b.txt": nil})
	code, out, errOut = runCmd(t, dir, "", "bench", "--docs", "3", "x")
	if code != 0 || !strings.Contains(out, "3 documents from 1 read (1 unreadable, skipped)") || !strings.Contains(errOut, "x/b.txt: empty document") {
		t.Errorf("bench on files: exit %d\n%s\n%s", code, out, errOut)
	}
}

func TestReason(t *testing.T) {
	if got := reason(fmt.Errorf("plain")); got != "plain" {
		t.Errorf("reason = %q", got)
	}
}

func TestProcessDocRecovers(t *testing.T) {
	// A nil pipeline makes Process panic; processDoc must turn that into an
	// error naming the document.
	_, err := processDoc(nil, dyadDoc("x.txt", "Iran met Syria."))
	if err == nil {
		t.Skip("Process does not panic on a nil pipeline")
	}
	if got := reason(err); !strings.Contains(got, "internal error: panic") {
		t.Errorf("reason %q", got)
	}
}
