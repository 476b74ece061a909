package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/lexicon"
)

// fixturePetrarch is a tiny PETRARCH dictionary folder of our own: two
// made-up states and one verb block.
var fixturePetrarch = filepath.Join("testdata", "petrarch")

// skipUntilLoaded skips a test while the PETRARCH or TABARI importer is
// still a stub.
func skipUntilLoaded(t *testing.T, err error) {
	t.Helper()
	if err != nil && strings.Contains(err.Error(), "not implemented yet") {
		t.Skipf("importer not implemented yet: %v", err)
	}
}

func TestDictList(t *testing.T) {
	fs := newFlagSet("test")
	var d dictList
	fs.Var(&d, "dict", dictUsage)
	if _, err := parseCommandLine(fs, []string{"--dict", "own", "a.txt", "--dict=petrarch:x", "b.txt"}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(d, "|"); got != "own|petrarch:x" {
		t.Errorf("--dict values %q, want own|petrarch:x", got)
	}
}

func TestParseDictSpec(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{
		"p/Mini.actors.txt":    []byte("FREEDONIA [FRD]\n"),
		"one/Demo.project":     []byte("<actorsfile> a.actors\n"),
		"two/A.project":        []byte("\n"),
		"two/B.project":        []byte("\n"),
		"none/readme.txt":      []byte("\n"),
		"single.verbs.txt":     []byte("\n"),
		"tabari/Plain.project": []byte("\n"),
	})
	tests := []struct {
		spec     string
		kind     string
		path     string // relative to dir; "" = no path
		wantErr  string // substring; "" = no error
		wantHint string
	}{
		{"own", "own", "", "", ""},
		{" OWN ", "own", "", "", ""},
		{"petrarch:p", "petrarch", "p", "", ""},
		{"PETRARCH:p", "petrarch", "p", "", ""},
		{"petrarch:single.verbs.txt", "petrarch", "single.verbs.txt", "", ""},
		{"petrarch:p/Mini.*", "petrarch", "p", "", ""},
		{"tabari:tabari/Plain.project", "tabari", "tabari/Plain.project", "", ""},
		{"tabari:one", "tabari", "one/Demo.project", "", ""},
		{"", "", "", `--dict ""`, "own, petrarch:DIR or tabari:PROJECT"},
		{"own:x", "", "", "own takes no path", ""},
		{"cameo", "", "", "unknown dictionaries", "petrarch:DIR"},
		{"verbnet:p", "", "", `unknown dictionary kind "verbnet"`, "tabari:PROJECT"},
		{"petrarch:", "", "", "no path", "CAMEO.2.0.txt"},
		{"petrarch:missing", "", "", "petrarch:missing: no such directory or file", "give the folder that holds CAMEO.2.0.txt and the *.actors.txt files"},
		{"petrarch:p/Nothing.*", "", "", `no file of p matches "Nothing.*"`, "CAMEO.2.0.txt"},
		{"petrarch:gone/PETR.*", "", "", "no such directory gone", "CAMEO.2.0.txt"},
		{"petrarch:p/[", "", "", "bad file pattern", ""},
		{"tabari:missing.project", "", "", "no such file", ".project file"},
		{"tabari:two", "", "", "2 .project files (A.project, B.project)", "name one"},
		{"tabari:none", "", "", "no .project file", ".project file"},
	}
	t.Chdir(dir)
	for _, tc := range tests {
		t.Run(tc.spec, func(t *testing.T) {
			got, err := parseDictSpec(tc.spec)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), tc.wantHint) {
					t.Fatalf("err = %v, want one with %q and %q", err, tc.wantErr, tc.wantHint)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if wantFiles := strings.Contains(tc.spec, "*"); (got.files != "") != wantFiles {
				t.Errorf("files pattern %q", got.files)
			}
			if got.kind != tc.kind || got.path != tc.path {
				t.Errorf("parsed %q as %s %q, want %s %q", tc.spec, got.kind, got.path, tc.kind, tc.path)
			}
		})
	}
}

func TestLoadDictsErrors(t *testing.T) {
	tests := []struct {
		specs []string
		want  string
		exit  int
	}{
		{[]string{"own", "bogus:x"}, `unknown dictionary kind "bogus"`, 2},
		{[]string{"petrarch:" + filepath.Join("testdata", "no-such-folder")}, "no such directory", 2},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.specs, " "), func(t *testing.T) {
			var stderr bytes.Buffer
			lex, _, err := loadDicts(tc.specs, &stderr, false)
			if err == nil || lex != nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("lex %v, err %v; want an error with %q", lex != nil, err, tc.want)
			}
			if code := dictExit(err); code != tc.exit {
				t.Errorf("exit status %d, want %d", code, tc.exit)
			}
			if stderr.Len() != 0 {
				t.Errorf("printed %q before failing on a bad spec", stderr.String())
			}
		})
	}
}

func TestLoadDictsOwn(t *testing.T) {
	own, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, specs := range [][]string{nil, {"own"}, {"own", "own"}} {
		var stderr bytes.Buffer
		lex, opts, err := loadDicts(specs, &stderr, false)
		if err != nil {
			t.Fatalf("%q: %v", specs, err)
		}
		if lex != own || opts != nil || stderr.Len() != 0 {
			t.Errorf("%q: got another lexicon (%v), options %q or output %q", specs, lex != own, opts, stderr.String())
		}
	}
	if !ownOnly(nil) || !ownOnly([]string{"own", " Own"}) || ownOnly([]string{"own", "petrarch:x"}) {
		t.Error("ownOnly is wrong")
	}
}

func TestWriteImportSummary(t *testing.T) {
	rep := &lexicon.Report{
		Files: []string{"a", "b"}, Patterns: 12, Actors: 1, Agents: 3, Discards: 0,
		Skipped: []string{"a:1: x", "a:2:   y", "b:3: " + strings.Repeat("z", 200), "b:4: w"},
		Options: []string{"SET: CODE ALL"},
	}
	var buf bytes.Buffer
	writeImportSummary(&buf, "tabari:V.project", rep)
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2:\n%s", len(lines), buf.String())
	}
	if want := "dyad: --dict tabari:V.project: 2 files: 12 verb patterns, 1 actor, 3 agents, 0 discards, 1 option line; 4 constructs not imported"; lines[0] != want {
		t.Errorf("line 1 = %q\nwant     %q", lines[0], want)
	}
	if !strings.HasPrefix(lines[1], "dyad: --dict tabari:V.project: not imported: a:1: x; a:2: y; b:3: zzz") ||
		!strings.HasSuffix(lines[1], "… (and 1 more)") || strings.Contains(lines[1], "b:4") {
		t.Errorf("line 2 = %q", lines[1])
	}
	buf.Reset()
	writeImportSummary(&buf, "petrarch:d", &lexicon.Report{Files: []string{"a"}})
	if strings.Count(buf.String(), "\n") != 1 {
		t.Errorf("want one line when nothing was skipped: %q", buf.String())
	}
}

func TestDictFlagUsage(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{"a.txt": []byte(story), "gold.jsonl": []byte(`{"id": "g", "text": "Freedonia commended Sylvania.", "expected": []}` + "\n")})
	tests := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"code", "--dict", "nope:x", "a.txt"}, 2, "", `unknown dictionary kind "nope"`},
		{[]string{"code", "--dict", "petrarch:missing", "a.txt"}, 2, "", "give the folder that holds CAMEO.2.0.txt"},
		{[]string{"bench", "--docs", "1", "--dict", "tabari:missing.project"}, 2, "", "no such file"},
		{[]string{"eval", "events", "--dict", "petrarch:missing", "gold.jsonl"}, 2, "", "no such directory or file"},
		{[]string{"eval", "events", "--dict", "own", "-q", "gold.jsonl"}, 0, "records exact: ", ""},
		{[]string{"code", "--help"}, 0, "--dict petrarch:", ""},
		{[]string{"bench", "--help"}, 0, "--dict petrarch:", ""},
		{[]string{"eval", "events", "--help"}, 0, "", "--dict tabari:"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, out, errOut := runCmd(t, dir, "", tc.args...)
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

// TestLoadDictsPetrarchFixture loads the fixture folder alone and merged
// with the embedded dictionaries. It skips while LoadPETRARCH is a stub.
func TestLoadDictsPetrarchFixture(t *testing.T) {
	var stderr bytes.Buffer
	mini, opts, err := loadDicts([]string{"petrarch:" + fixturePetrarch}, &stderr, false)
	skipUntilLoaded(t, err)
	if err != nil {
		t.Fatal(err)
	}
	if opts != nil {
		t.Errorf("PETRARCH dictionaries gave TABARI options %q", opts)
	}
	codes := map[string]bool{}
	for _, e := range mini.Actors {
		codes[e.Code] = true
	}
	if !codes["FRD"] || !codes["SYL"] {
		t.Errorf("actor codes %v lack FRD or SYL", codes)
	}
	if len(mini.Patterns) == 0 {
		t.Error("no verb pattern imported")
	}
	if !strings.Contains(stderr.String(), "--dict petrarch:"+fixturePetrarch+": 2 files: ") {
		t.Errorf("summary %q", stderr.String())
	}

	stderr.Reset()
	actorsOnly, _, err := loadDicts([]string{"petrarch:" + filepath.Join(fixturePetrarch, "*.actors.txt")}, &stderr, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(actorsOnly.Patterns) != 0 || len(actorsOnly.Actors) != len(mini.Actors) || !strings.Contains(stderr.String(), ": 1 file: ") {
		t.Errorf("petrarch:DIR/*.actors.txt read %d patterns, %d actors; summary %q", len(actorsOnly.Patterns), len(actorsOnly.Actors), stderr.String())
	}

	stderr.Reset()
	quietLex, _, err := loadDicts([]string{"petrarch:" + fixturePetrarch}, &stderr, true)
	if err != nil || quietLex == nil || stderr.Len() != 0 {
		t.Errorf("quiet load: err %v, output %q", err, stderr.String())
	}

	own, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	both, _, err := loadDicts([]string{"own", "petrarch:" + fixturePetrarch}, &stderr, true)
	if err != nil {
		t.Fatal(err)
	}
	if both == own || both == mini {
		t.Fatal("a merge must build a new lexicon")
	}
	if got, want := len(both.Actors), len(own.Actors)+len(mini.Actors); got != want {
		t.Errorf("merged %d actors, want %d", got, want)
	}
	if got, want := len(both.Patterns), len(own.Patterns)+len(mini.Patterns); got != want {
		t.Errorf("merged %d patterns, want %d", got, want)
	}
}

// TestCodeWithPetrarchFixture codes a sentence with the fixture
// dictionaries only. It skips while LoadPETRARCH is a stub.
func TestCodeWithPetrarchFixture(t *testing.T) {
	if _, _, err := loadDicts([]string{"petrarch:" + fixturePetrarch}, &bytes.Buffer{}, true); err != nil {
		skipUntilLoaded(t, err)
		t.Fatal(err)
	}
	abs, err := filepath.Abs(fixturePetrarch)
	if err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, map[string][]byte{"a.txt": []byte("Freedonia commended Sylvania on Monday.\n")})
	code, out, errOut := runCmd(t, dir, "", "code", "--dict", "petrarch:"+abs, "a.txt")
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "2 files") {
		t.Errorf("no import summary on stderr: %q", errOut)
	}
	var rec struct {
		Events []struct {
			Code   string `json:"code"`
			Source *struct {
				Code string `json:"code"`
			} `json:"source"`
			Target *struct {
				Code string `json:"code"`
			} `json:"target"`
		} `json:"events"`
	}
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatalf("output is not one record: %v\n%s", err, out)
	}
	found := false
	for _, e := range rec.Events {
		if e.Code == "051" && e.Source != nil && e.Source.Code == "FRD" && e.Target != nil && e.Target.Code == "SYL" {
			found = true
		}
	}
	if !found {
		t.Errorf("no FRD -> SYL 051 event in %s", out)
	}

	// -q keeps the import summary off standard error.
	code, _, errOut = runCmd(t, "", "", "code", "-q", "--dict", "petrarch:"+abs, filepath.Join(dir, "a.txt"))
	if code != 0 || strings.Contains(errOut, "--dict") {
		t.Errorf("-q: exit %d, stderr %q", code, errOut)
	}
}
