package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/lexicon"
)

// knownOwnDataBugs are errors "dyad dict check" finds in the embedded
// dictionaries that are reported for the data's maintainers to decide;
// remove a line here once the data is fixed.
var knownOwnDataBugs = []string{}

func TestDictCheckOwn(t *testing.T) {
	for _, args := range [][]string{{"dict", "check"}, {"dict", "check", "--dict", "own", "-q"}} {
		code, out, errOut := runCmd(t, "", "", args...)
		if errOut != "" {
			t.Errorf("%v: stderr %q", args, errOut)
		}
		unexpected := 0
		for _, line := range strings.Split(out, "\n") {
			if !strings.Contains(line, ": error: ") {
				continue
			}
			known := false
			for _, k := range knownOwnDataBugs {
				known = known || strings.HasPrefix(line, k)
			}
			if !known {
				unexpected++
				t.Errorf("%v: %s", args, line)
			}
		}
		if !regexp.MustCompile(`(?m)^dict check: own: \d+ actor entries, \d+ verb patterns: \d+ errors?, \d+ warnings?$`).MatchString(out) {
			t.Errorf("%v: no summary line:\n%s", args, out)
		}
		if want := map[bool]int{true: 1, false: 0}[strings.Contains(out, ": error: ")]; code != want && unexpected == 0 {
			t.Errorf("%v: exit %d, want %d", args, code, want)
		}
	}
}

func TestDictCheckBadNative(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{
		"bad/actors/a.txt": []byte(`# a small bad dictionary
country FRD: Freedonia
country FRD: Freedonia
actor FRDGOV: Freedonia
actor QQQGOV: Quorum Council
agent GOVX: chancellor ; full
nation FRD: Fredonia
discard-sentence -: croquet match
`),
		"bad/verbs/v.txt": []byte(`042: visit +
043: visit +
042: pay * visit to +
042: pay * visit to +
1010: grumble about +
1010: grumble about + ; foreign
abc: mutter ; foreign ; code2=xyz
`),
	})
	code, out, _ := runCmd(t, dir, "", "dict", "check", "bad")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	a, v := filepath.Join("bad", "actors", "a.txt"), filepath.Join("bad", "verbs", "v.txt")
	for _, want := range []string{
		a + `:3: warning: "freedonia" (country FRD) duplicates ` + a + ":2",
		a + `:4: error: "freedonia" (actor FRDGOV) conflicts with ` + a + ":2 (country FRD)",
		a + `:5: warning: unknown country code "QQQ" in actor code "QQQGOV"`,
		a + `:6: error: agent code "GOVX" is not a run of 3-letter sectors`,
		a + `:7: error: want 'KIND CODE:'`,
		v + `:2: error: "visit +" (code 043) can never win: ` + v + ":1 has the same elements with code 042",
		v + `:4: warning: "pay * visit to +" duplicates ` + v + ":3",
		v + `:5: error: "1010" is not a CAMEO code`,
		"dict check: bad: 7 actor entries, 6 verb patterns: 5 errors, 3 warnings",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, notWant := range []string{v + ":6:", v + ":7:", a + ":8:"} {
		if strings.Contains(out, notWant) {
			t.Errorf("output reports %s (a foreign code, a discard):\n%s", notWant, out)
		}
	}
	// -q drops the warnings, not the errors
	_, out, _ = runCmd(t, dir, "", "dict", "check", "-q", filepath.Join("bad", "verbs", "v.txt"))
	if strings.Contains(out, "warning:") || !strings.Contains(out, "can never win") {
		t.Errorf("-q output:\n%s", out)
	}
}

// TestLintLexicon checks what the native parser cannot produce: imported
// entries built directly.
func TestLintLexicon(t *testing.T) {
	own, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	l := lexicon.New()
	word := lexicon.Elem{Kind: lexicon.ElemWord, Alts: []string{"grumbl"}}
	opt := lexicon.Elem{Kind: lexicon.ElemWord, Alts: []string{"loud"}, Optional: true}
	for _, src := range []string{
		"country FRD: Freedonia\nactor FRDGOV: Quorum Council",
		"agent GOVMIL: war chancellor ; full",
	} {
		if errs := l.AddActors("x.txt", src); len(errs) > 0 {
			t.Fatal(errs)
		}
	}
	l.Merge(&lexicon.Lexicon{
		Actors: []*lexicon.ActorEntry{
			{Kind: lexicon.KindAgent, Code: "GOVM", Phrase: "minister", Keys: []string{"minister"}, Words: []string{"minister"}, Rule: "I.agents.txt:3", Full: true},
		},
		Patterns: []*lexicon.VerbPattern{
			{Code: "1010", Text: "GRUMBLE [1010]", Elems: []lexicon.Elem{word}, Rule: "I.verbs.txt:4"},
			{Code: "1010", Text: "GRUMBLE [1010]", Elems: []lexicon.Elem{word}, Rule: "I.verbs.txt:5", Foreign: true},
			{Code: "042", Neg: "99", Text: "- (LOUD) [042]", Elems: []lexicon.Elem{opt}, Rule: "I.verbs.txt:6"},
			{Code: "042", Text: "- [042]", Rule: "I.verbs.txt:7"},
		},
	})
	var got []string
	for _, f := range lintLexicon(l, own, "dicts") {
		got = append(got, f.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`dicts/I.agents.txt:3: error: agent code "GOVM" is not a run of 3-letter sectors`,
		`dicts/I.verbs.txt:4: error: code "1010" is not a CAMEO code`,
		`dicts/I.verbs.txt:5: warning: "GRUMBLE [1010]" duplicates dicts/I.verbs.txt:4`,
		`dicts/I.verbs.txt:6: error: neg "99" is not a CAMEO code`,
		`dicts/I.verbs.txt:6: error: "- (LOUD) [042]": no required word`,
		`dicts/I.verbs.txt:7: error: "- [042]": no required word`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("findings lack %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "x.txt") {
		t.Errorf("clean entries reported:\n%s", all)
	}
}

// A tiny PETRARCH dictionary folder in our own words: two made-up states,
// a person with dated codes, agents, discards and two verb blocks.
var petrarchFixture = map[string][]byte{
	"Fictional.actors.txt": []byte(`<!-- dyad test fixture: invented actors -->
FREEDONIA [FRD]
+FREEDONIAN
RUFUS_T_FIREFLY
	[FRDGOV 19330101-19331231]
	[FRDELI >19340101]
SYLVANIA [SYL]  # invented
+SYLVANIAN
`),
	"Fictional.agents.txt": []byte(`<!-- dyad test fixture: invented agents -->
CHANCELLOR [~GOV]
TREASURY_CLERK {} [~GOVBUS]
LOCAL_CHARITY [NGO~]
`),
	"Fictional.discards.txt": []byte(`# dyad test fixture
CROQUET_MATCH
+MARBLES_FINAL
`),
	"Fictional.verbs.txt": []byte(`<!-- dyad test fixture: invented verbs -->
--- PRAISE  [051] ---
PRAISE {PRAISES PRAISED PRAISING}
- * +  [051]
- REFUSED_TO_* [125]
- % * TOGETHER [057:057]
--- GRUMBLE [---] ---
GRUMBLE
- * ABOUT + [1010]
`),
}

func TestDictImportPetrarch(t *testing.T) {
	files := map[string][]byte{}
	for name, b := range petrarchFixture {
		files[filepath.Join("in", name)] = b
	}
	dir := writeFiles(t, files)
	if _, _, err := lexicon.LoadPETRARCH(filepath.Join(dir, "in")); err != nil {
		if strings.Contains(err.Error(), "not implemented yet") {
			t.Skipf("LoadPETRARCH: %v", err)
		}
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, dir, "", "dict", "import", "--from", "petrarch:in", "--out", "out")
	if code != 0 {
		t.Fatalf("exit %d; stderr %q\n%s", code, errOut, out)
	}
	for _, want := range []string{
		"read " + filepath.Join("in", "Fictional.verbs.txt") + "\n",
		"dict import: petrarch:in: 4 files read: ",
		"0 entries not written; wrote 4 files to out\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "not written:") {
		t.Errorf("entries not written:\n%s", out)
	}

	// the native files load into the same entries
	imported, _, err := lexicon.LoadPETRARCH("in")
	if err != nil {
		t.Fatal(err)
	}
	back, err := lexicon.Load(os.DirFS("out"))
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Actors) != len(imported.Actors) || len(back.Patterns) != len(imported.Patterns) {
		t.Fatalf("native files hold %d actors, %d patterns; the import %d, %d",
			len(back.Actors), len(back.Patterns), len(imported.Actors), len(imported.Patterns))
	}
	for i, p := range imported.Patterns {
		q := back.Patterns[i]
		if p.Code != q.Code || p.Code2 != q.Code2 || p.Text != q.Text || p.Foreign != q.Foreign || len(p.Pre) != len(q.Pre) || len(p.Elems) != len(q.Elems) {
			t.Errorf("pattern %d: imported %+v, native %+v", i, *p, *q)
		}
	}
	for i, e := range imported.Actors {
		q := back.Actors[i]
		if e.Kind != q.Kind || e.Code != q.Code || e.Phrase != q.Phrase || strings.Join(e.Keys, " ") != strings.Join(q.Keys, " ") ||
			e.From != q.From || e.To != q.To || e.Full != q.Full || e.Prefix != q.Prefix || e.Stem != q.Stem || e.Name != q.Name {
			t.Errorf("actor %d: imported %+v, native %+v", i, *e, *q)
		}
	}

	// a second import needs --force
	if code, _, errOut := runCmd(t, dir, "", "dict", "import", "--from", "petrarch:in", "--out", "out"); code != 1 || !strings.Contains(errOut, "--force") {
		t.Errorf("second import: exit %d, stderr %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, dir, "", "dict", "import", "-q", "--force", "--from", "petrarch:in", "--out", "out"); code != 0 {
		t.Errorf("import --force: exit %d, stderr %q", code, errOut)
	}
	// and the result can be checked: no malformed line
	_, out, _ = runCmd(t, dir, "", "dict", "check", "out")
	if strings.Contains(out, "want 'KIND CODE:'") || strings.Contains(out, "is not a CAMEO code") || !strings.Contains(out, "dict check: out: ") {
		t.Errorf("dict check out:\n%s", out)
	}
}

func TestDictUsage(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args           []string
		code           int
		stdout, stderr string
	}{
		{[]string{"dict"}, 2, "", "Usage:"},
		{[]string{"dict", "frob"}, 2, "", `unknown command "frob"`},
		{[]string{"help", "dict"}, 0, "dyad dict import", ""},
		{[]string{"help"}, 0, "dict ", ""},
		{[]string{"dict", "import", "--help"}, 0, "--force", ""},
		{[]string{"dict", "check", "--help"}, 0, "Exit status", ""},
		{[]string{"dict", "import", "--out", "x"}, 2, "", "--from is required"},
		{[]string{"dict", "import", "--from", "petrarch:nowhere", "--out", "x"}, 2, "", "nowhere"},
		{[]string{"dict", "import", "--from", "eagle:x", "--out", "x"}, 2, "", "want petrarch:DIR"},
		{[]string{"dict", "check", "nowhere"}, 1, "", "nowhere"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, out, errOut := runCmd(t, dir, "", tc.args...)
			if code != tc.code || !strings.Contains(out, tc.stdout) || !strings.Contains(errOut, tc.stderr) {
				t.Errorf("exit %d (want %d)\nstdout %q (want %q)\nstderr %q (want %q)", code, tc.code, out, tc.stdout, errOut, tc.stderr)
			}
		})
	}
}
