package lexicon

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// findEntries returns the entries of l with the given kind and phrase.
func findEntries(l *Lexicon, kind, phrase string) []*ActorEntry {
	var out []*ActorEntry
	for _, e := range l.Actors {
		if e.Kind == kind && e.Phrase == phrase && strings.Join(e.Keys, " ") == strings.ToLower(strings.ReplaceAll(phrase, " ...", "")) {
			out = append(out, e)
		}
	}
	return out
}

// hasSkipped reports whether some line of r.Skipped contains every part.
func hasSkipped(r *Report, parts ...string) bool {
	for _, s := range r.Skipped {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(s, p)
		}
		if ok {
			return true
		}
	}
	return false
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestPaDate(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"330101", "1933-01-01", ""},
		{"300101", "2030-01-01", ""},
		{"310101", "1931-01-01", ""},
		{"000229", "2000-02-29", ""},
		{"19991231", "1999-12-31", ""},
		{"19000229", "", "does not exist"},
		{"991301", "", "does not exist"},
		{"9901", "", "not YYMMDD"},
		{"1920030320", "", "not YYMMDD"},
		{"99O101", "", "not YYMMDD"},
	}
	for _, tt := range tests {
		got, err := paDate(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("paDate(%q) = %q, %v; want error %q", tt.in, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("paDate(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestPaCode(t *testing.T) {
	tests := []struct{ in, code, from, to, err string }{
		{"FRD", "FRD", "", "", ""},
		{"frdgov <330101", "FRDGOV", "", "1933-01-01", ""},
		{"FRD < 330101", "FRD", "", "1933-01-01", ""},
		{"SYL >20060101", "SYL", "2006-01-01", "", ""},
		{"SYL > 060101", "SYL", "2006-01-01", "", ""},
		{"RUR 950601-19990815", "RUR", "1995-06-01", "1999-08-15", ""},
		{"RUR 950601 - 990815", "RUR", "1995-06-01", "1999-08-15", ""},
		{" ~GOV", "", "", "", "not an actor code"},
		{"---", "---", "", "", ""},
		{"FRD/SYL", "FRD/SYL", "", "", ""},
		{"", "", "", "", "no code"},
		{"981105-020317", "", "", "", "not an actor code"},
		{"RUR 950601", "", "", "", "not <date, >date or date-date"},
		{"RUR 990101-980101", "", "", "", "ends before it starts"},
		{"RUR <9901", "", "", "", "not YYMMDD"},
	}
	for _, tt := range tests {
		c, err := paCode(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("paCode(%q) = %+v, %v; want error %q", tt.in, c, err, tt.err)
			}
			continue
		}
		if err != nil || c.code != tt.code || c.from != tt.from || c.to != tt.to {
			t.Errorf("paCode(%q) = %+v, %v; want %s %s..%s", tt.in, c, err, tt.code, tt.from, tt.to)
		}
	}
}

func TestPETRARCHActors(t *testing.T) {
	l, r, err := LoadPETRARCH("testdata/petrarch/Test.actors.txt")
	if err != nil {
		t.Fatal(err)
	}
	type want struct{ code, from, to string }
	tests := []struct {
		phrase, name string
		line         int
		codes        []want
	}{
		{"FREEDONIA", "FREEDONIA", 5, []want{{"FRD", "", ""}}},
		{"FREEDONIAN", "FREEDONIA", 6, []want{{"FRD", "", ""}}},
		{"REPUBLIC OF FREEDONIA", "FREEDONIA", 7, []want{{"FRD", "", ""}}},
		{"FREEDONIA ... CITY", "FREEDONIA", 8, []want{{"FRD", "", ""}}},
		{"RUFUS T. FIREFLY", "RUFUS T. FIREFLY", 10, []want{{"FRDELI", "", "1933-01-01"},
			{"FRDGOV", "1933-01-01", "1935-12-31"}, {"FRDOPP", "1936-01-01", ""}, {"FRDELI", "", ""}}},
		{"FIREFLY", "RUFUS T. FIREFLY", 11, []want{{"FRDELI", "", "1933-01-01"},
			{"FRDGOV", "1933-01-01", "1935-12-31"}, {"FRDOPP", "1936-01-01", ""}, {"FRDELI", "", ""}}},
		{"SYLVANIA", "SYLVANIA", 17, []want{{"SYL", "", ""}, {"SYLGOV", "2020-01-01", ""}, {"SYLELI", "2005-06-01", "2007-12-31"}}},
		{"TRENTINO", "SYLVANIA", 18, []want{{"SYL", "", ""}, {"SYLGOV", "2020-01-01", ""}, {"SYLELI", "2005-06-01", "2007-12-31"}}},
		{"RURITANIA", "RURITANIA", 21, []want{{"RUR", "", ""}, {"RURGOV", "", ""}}},
		{"ZENDA", "ZENDA", 29, []want{{"RUR", "", ""}}},
		{"NOCODE PLACE", "", 0, nil},
		{"BADDATE", "", 0, nil},
	}
	total := 0
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			es := findEntries(l, KindActor, tt.phrase)
			var got []want
			for _, e := range es {
				got = append(got, want{e.Code, e.From, e.To})
				rule := "Test.actors.txt:" + strconv.Itoa(tt.line)
				if e.Name != tt.name || e.Rule != rule || e.Stem || e.Case || len(e.Keys) == 0 {
					t.Errorf("%s: name %q rule %q stem %v case %v keys %v; want %q, %q, no stem", tt.phrase, e.Name, e.Rule, e.Stem, e.Case, e.Keys, tt.name, rule)
				}
			}
			if !slices.Equal(got, tt.codes) {
				t.Errorf("%s: codes %v, want %v", tt.phrase, got, tt.codes)
			}
		})
		total += len(tt.codes)
	}
	if r.Actors != total || len(l.Actors) != total {
		t.Errorf("Report.Actors = %d, %d entries; want %d", r.Actors, len(l.Actors), total)
	}
	for _, s := range [][]string{
		{"Test.actors.txt:27:", "NOCODE PLACE has no code"},
		{"Test.actors.txt:28:", "[XYZ 9901]", "not <date, >date or date-date"},
		{"Test.actors.txt:28:", "BADDATE has no code"},
		{"Test.actors.txt:29:", "RURMIL", "ends before it starts"},
	} {
		if !hasSkipped(r, s...) {
			t.Errorf("Skipped lacks %q: %q", s, r.Skipped)
		}
	}
	if len(r.Skipped) != 4 {
		t.Errorf("Skipped = %q, want 4 lines", r.Skipped)
	}

	// The imported entries are found by MatchName, by date.
	matches := []struct {
		text, date, code string
		n                int
	}{
		{"Freedonia City said", "", "FRD", 2},
		{"the Republic of Freedonia said", "", "", 0},
		{"Firefly spoke", "1920-05-01", "FRDELI", 1},
		{"Firefly spoke", "1934-05-01", "FRDGOV", 1},
		{"Firefly spoke", "1950-05-01", "FRDOPP", 1},
		{"Rufus T. Firefly spoke", "1935-12-31", "FRDGOV", 3},
		{"Trentino said", "2006-03-01", "SYLELI", 1},
		{"Trentino said", "2010-03-01", "SYL", 1},
		{"Sylvania said", "2021-03-01", "SYLGOV", 1},
		{"Zenda said", "", "RUR", 1},
	}
	for _, m := range matches {
		tk := toks(m.text)
		e, j := l.MatchName(tk, 0, m.date)
		code := ""
		if e != nil {
			code = e.Code
		}
		if code != m.code || e != nil && j != m.n {
			t.Errorf("MatchName(%q, %s) = %s, %d; want %s, %d", m.text, m.date, code, j, m.code, m.n)
		}
	}
}

func TestPETRARCHAgents(t *testing.T) {
	l, r, err := LoadPETRARCH("testdata/petrarch/Test.agents.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		keys, code string
		prefix     bool
		name       string
	}{
		{"consul", "GOV", false, "CONSUL"},
		{"consuls", "GOV", false, "CONSUL"},
		{"deputy", "LEG", false, "DEPUTY"},
		{"deputies", "LEG", false, "DEPUTY"},
		{"countess", "ELI", false, "COUNTESS"},
		{"countesses", "ELI", false, "COUNTESS"},
		{"embassy", "GOV", false, "EMBASSY"},
		{"embassies", "", false, ""},
		{"harbour pilot", "CVL", false, "HARBOUR PILOT"},
		{"harbour pilots guild", "CVL", false, "HARBOUR PILOT"},
		{"harbour pilots", "", false, ""},
		{"lighthouseman", "CVL", false, "LIGHTHOUSEMAN"},
		{"lighthousewoman", "CVL", false, "LIGHTHOUSEMAN"},
		{"lighthouseperson", "CVL", false, "LIGHTHOUSEMAN"},
		{"lighthousemen", "", false, ""},
		{"ministry of lighthouses", "GOVCVL", false, "MINISTRY OF LIGHTHOUSES"},
		{"department of lighthouses", "GOVCVL", false, "MINISTRY OF LIGHTHOUSES"},
		{"ministries of lighthouses", "", false, ""},
		{"charity board", "NGO", true, "CHARITY BOARD"},
		{"charity boards", "NGO", true, "CHARITY BOARD"},
		{"harbour guard", "MILCOP", false, "HARBOUR GUARD"},
		{"harbour guards", "MILCOP", false, "HARBOUR GUARD"},
		{"stray agent", "", false, ""},
		{"bad tilde", "", false, ""},
	}
	byKeys := map[string]*ActorEntry{}
	for _, e := range l.Actors {
		if e.Kind != KindAgent {
			t.Errorf("non-agent entry %+v", e)
		}
		byKeys[strings.Join(e.Keys, " ")] = e
	}
	want := 0
	for _, tt := range tests {
		e := byKeys[tt.keys]
		if tt.code == "" {
			if e != nil {
				t.Errorf("%q: unexpected entry %+v", tt.keys, e)
			}
			continue
		}
		want++
		if e == nil {
			t.Errorf("%q: no entry", tt.keys)
			continue
		}
		if e.Code != tt.code || e.Prefix != tt.prefix || !e.Full || e.Stem || e.Name != tt.name || !strings.HasPrefix(e.Rule, "Test.agents.txt:") {
			t.Errorf("%q: %+v; want code %s prefix %v full name %q", tt.keys, e, tt.code, tt.prefix, tt.name)
		}
	}
	if r.Agents != want || len(l.Actors) != want {
		t.Errorf("Report.Agents = %d, %d entries; want %d", r.Agents, len(l.Actors), want)
	}
	for _, s := range [][]string{
		{"Test.agents.txt:14:", "STRAY_AGENT", "no [code]"},
		{"Test.agents.txt:15:", "!NOWHERE!", "not defined"},
		{"Test.agents.txt:16:", "[GOV]", "'~'"},
	} {
		if !hasSkipped(r, s...) {
			t.Errorf("Skipped lacks %q: %q", s, r.Skipped)
		}
	}
	for _, m := range []struct {
		text string
		i    int
		code string
		end  int
	}{
		{"the consuls met", 1, "GOV", 2},
		{"the Department of Lighthouses said", 1, "GOVCVL", 4},
		{"a charity board said", 1, "NGO", 3},
	} {
		e, j := l.MatchAgent(toks(m.text), m.i, "")
		if e == nil || e.Code != m.code || j != m.end {
			t.Errorf("MatchAgent(%q) = %+v, %d; want %s, %d", m.text, e, j, m.code, m.end)
		}
	}
}

func TestPETRARCHDiscards(t *testing.T) {
	l, r, err := LoadPETRARCH("testdata/petrarch/Test.discards.txt")
	if err != nil {
		t.Fatal(err)
	}
	kinds := []struct {
		phrase, kind string
		stem         bool
	}{
		{"TIDDLYWINK", KindDiscardSentence, true},
		{"CROQUET TOURNAMENT", KindDiscardStory, true},
		{"MARCH HARE", KindDiscardSentence, false},
		{"PUDDING CONTEST", KindDiscardStory, false},
	}
	for _, k := range kinds {
		es := findEntries(l, k.kind, k.phrase)
		if len(es) != 1 || es[0].Stem != k.stem || es[0].Code != "-" {
			t.Errorf("%s: entries %+v; want one %s, stem %v", k.phrase, es, k.kind, k.stem)
		}
	}
	if r.Discards != 4 || len(l.Actors) != 4 {
		t.Errorf("Report.Discards = %d, %d entries; want 4", r.Discards, len(l.Actors))
	}
	tests := []struct {
		text, phrase string
		at           int
	}{
		{"They played tiddlywinks all day", "TIDDLYWINK", 2},
		{"The March Hare said so", "MARCH HARE", 1},
		{"The March Hares said so", "", -1},
		{"A croquet tournament opened and tiddlywinks too", "CROQUET TOURNAMENT", 1},
		{"Tiddlywinks came before the croquet tournaments", "CROQUET TOURNAMENT", 4},
		{"The March Hare won the pudding contest", "PUDDING CONTEST", 5},
		{"The pudding contests ended", "", -1},
		{"Freedonia and Sylvania talked", "", -1},
		{"", "", -1},
	}
	for _, tt := range tests {
		e, at := l.DiscardIn(toks(tt.text))
		got := ""
		if e != nil {
			got = e.Phrase
		}
		if got != tt.phrase || at != tt.at {
			t.Errorf("DiscardIn(%q) = %q, %d; want %q, %d", tt.text, got, at, tt.phrase, tt.at)
		}
	}
	if e, _ := l.MatchName(toks("tiddlywink"), 0, ""); e != nil {
		t.Errorf("MatchName found discard %+v", e)
	}
	// DiscardIn is safe for concurrent use and sees entries added later.
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if e, _ := l.DiscardIn(toks("the tiddlywink")); e == nil {
				t.Error("concurrent DiscardIn found nothing")
			}
		})
	}
	wg.Wait()
	o, ro := New(), &Report{}
	o.AddPETRARCHDiscards("more.txt", "QUOITS_\n", ro)
	l.mergeSecondary(o, r)
	if e, at := l.DiscardIn(toks("a game of quoits")); e == nil || at != 3 {
		t.Errorf("DiscardIn after merge = %+v, %d", e, at)
	}
}

func TestLoadPETRARCHFolder(t *testing.T) {
	l, r, err := LoadPETRARCH("testdata/petrarch")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"Test.actors.txt", "Test.agents.txt", "Test.discards.txt", "Test.issues.txt"} {
		if !slices.Contains(r.Files, filepath.Join("testdata/petrarch", f)) {
			t.Errorf("Files = %q, lacks %s", r.Files, f)
		}
	}
	if !hasSkipped(r, "Test.issues.txt: not used: 4 issue phrases with 2 issue codes") {
		t.Errorf("Skipped lacks the issues summary: %q", r.Skipped)
	}
	if r.Actors == 0 || r.Agents == 0 || r.Discards != 4 {
		t.Errorf("counts %+v", r)
	}
	if e, _ := l.MatchName(toks("Freedonia"), 0, ""); e == nil || e.Code != "FRD" {
		t.Errorf("MatchName(Freedonia) = %+v", e)
	}
}

// setFiles is a folder with an operational set and a validation set.
var setFiles = map[string]string{
	"Ops.actors.txt":             "FREEDONIA [FRD]\nSYLVANIA [SYL]\n",
	"PETR.Validate.actors.txt":   "SYLVANIA [SLV]\nGONDOLIN [GDL]\nFREEDONIA [FRD]\n",
	"Ops.agents.txt":             "CONSUL [~GOV]\n",
	"PETR.Validate.agents.txt":   "CONSUL [~DIP]\nVIZIER [~GOV]\n",
	"Ops.discards.txt":           "TIDDLYWINK\n",
	"PETR.Validate.discards.txt": "TIDDLYWINK\n+CROQUET\n",
	"CAMEO.2.0.txt":              "",
	"CAMEO.verbpatterns.txt":     "",
	"README.md":                  "not a dictionary\n",
}

func TestLoadPETRARCHSets(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, setFiles)
	valDir := t.TempDir()
	writeFiles(t, valDir, map[string]string{
		"PETR.Validate.actors.txt": setFiles["PETR.Validate.actors.txt"],
		"PETR.Validate.agents.txt": setFiles["PETR.Validate.agents.txt"],
	})
	code := func(l *Lexicon, text string) string {
		if e, _ := l.MatchName(toks(text), 0, ""); e != nil {
			return e.Code
		}
		if e, _ := l.MatchAgent(toks(text), 0, ""); e != nil {
			return "~" + e.Code
		}
		return ""
	}
	tests := []struct {
		name  string
		dir   string
		files []string
		codes map[string]string
	}{
		{"both sets", dir, nil, map[string]string{"Sylvania": "SYL", "Gondolin": "GDL", "Freedonia": "FRD", "consul": "~GOV", "vizier": "~GOV"}},
		{"named set", dir, []string{"PETR.Validate.*"}, map[string]string{"Sylvania": "SLV", "Gondolin": "GDL", "consul": "~DIP"}},
		{"named files", dir, []string{"Ops.actors.txt", "PETR.Validate.actors.txt"}, map[string]string{"Sylvania": "SYL", "Gondolin": "GDL", "consul": ""}},
		{"validation only", valDir, nil, map[string]string{"Sylvania": "SLV", "consul": "~DIP"}},
		{"one file", filepath.Join(dir, "PETR.Validate.agents.txt"), nil, map[string]string{"Sylvania": "", "vizier": "~GOV"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, r, err := LoadPETRARCH(tt.dir, tt.files...)
			if err != nil {
				t.Fatal(err)
			}
			for text, want := range tt.codes {
				if got := code(l, text); got != want {
					t.Errorf("%s → %q, want %q (report %+v)", text, got, want, r)
				}
			}
		})
	}

	l, r, err := LoadPETRARCH(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{
		"PETR.Validate.actors.txt:1: SYLVANIA [SLV]: Ops.actors.txt:2 has [SYL]",
		"PETR.Validate.agents.txt:1: CONSUL [~DIP]: Ops.agents.txt:1 has [~GOV]",
	}; !slices.Equal(r.Shadowed, want) {
		t.Errorf("Shadowed = %q, want %q", r.Shadowed, want)
	}
	for _, s := range [][]string{
		{"CAMEO.verbpatterns.txt: not read", "alternative verb dictionary to CAMEO.2.0.txt"},
		{"README.md: not a PETRARCH dictionary name"},
		{"PETR.Validate.actors.txt: 2 phrases not imported", "1 with other codes"},
		{"PETR.Validate.agents.txt: 1 phrases not imported", "1 with other codes"},
	} {
		if !hasSkipped(r, s...) {
			t.Errorf("Skipped lacks %q: %q", s, r.Skipped)
		}
	}
	if r.Discards != 2 {
		t.Errorf("Discards = %d, want 2 (TIDDLYWINK once, CROQUET)", r.Discards)
	}
	if e, _ := l.DiscardIn(toks("the croquet lawn")); e == nil || e.Kind != KindDiscardStory {
		t.Errorf("DiscardIn(croquet) = %+v", e)
	}
}

func TestMergeSecondaryVerbs(t *testing.T) {
	l, o := New(), New()
	if errs := l.AddVerbs("p.txt", "040: meet with +\n"); errs != nil {
		t.Fatal(errs)
	}
	if errs := o.AddVerbs("s.txt", "042: visit +\n043: meet +\n"); errs != nil {
		t.Fatal(errs)
	}
	r := &Report{}
	l.mergeSecondary(o, r)
	if len(l.Anchors("visit")) != 1 || len(l.Anchors("meet")) != 1 || r.Patterns != 1 {
		t.Errorf("visit %d, meet %d patterns, Report.Patterns %d; want 1, 1, 1", len(l.Anchors("visit")), len(l.Anchors("meet")), r.Patterns)
	}
	if !hasSkipped(r, "s.txt: 1 patterns not imported", "1 verbs") {
		t.Errorf("Skipped = %q", r.Skipped)
	}
}

func TestLoadPETRARCHErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, setFiles)
	tests := []struct {
		name  string
		path  string
		files []string
		want  string
	}{
		{"missing folder", filepath.Join(dir, "nowhere"), nil, "nowhere"},
		{"missing named file", dir, []string{"Nope.actors.txt"}, "Nope.actors.txt"},
		{"no match", dir, []string{"Nope.*"}, `"Nope.*"`},
		{"unknown kind", filepath.Join(dir, "README.md"), nil, "README.md"},
		{"files of a file", filepath.Join(dir, "Ops.actors.txt"), []string{"x"}, "is a file"},
		{"no dictionaries", t.TempDir(), nil, "has no PETRARCH"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := LoadPETRARCH(tt.path, tt.files...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one naming %q", err, tt.want)
			}
		})
	}
}

// tabariProject returns the fixture project, copied with an empty verbs
// file when the verb fixture is not there.
func tabariProject(t *testing.T) string {
	p := "testdata/tabari/Test.project"
	if _, err := os.Stat("testdata/tabari/Test.verbs"); err == nil {
		return p
	}
	dir := t.TempDir()
	files := map[string]string{"Test.verbs": ""}
	for _, f := range []string{"Test.project", "Test.actors", "Test.agents", "Test.options"} {
		b, err := os.ReadFile(filepath.Join("testdata/tabari", f))
		if err != nil {
			t.Fatal(err)
		}
		files[f] = string(b)
	}
	writeFiles(t, dir, files)
	return filepath.Join(dir, "Test.project")
}

func TestLoadTABARI(t *testing.T) {
	proj := tabariProject(t)
	l, r, err := LoadTABARI(proj)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(proj)
	var wantFiles []string
	for _, f := range []string{"Test.actors", "Test.verbs", "Test.agents", "Test.options"} {
		wantFiles = append(wantFiles, filepath.Join(dir, f))
	}
	if !slices.Equal(r.Files, wantFiles) {
		t.Errorf("Files = %q, want %q", r.Files, wantFiles)
	}
	if want := []string{"COMPLEX: VERBS[3] CONJ[2]", "SET: MINIMUM WORDS = 7", "OUTPUT: COMMENT", "LABEL: 010=MAKE STATEMENT"}; !slices.Equal(r.Options, want) {
		t.Errorf("Options = %q, want %q", r.Options, want)
	}
	for _, s := range [][]string{
		{"Test.project:8: <issuesfile> Test.issues not used"},
		{"Test.actors:1: <NOUN> list of 2 words not used"},
	} {
		if !hasSkipped(r, s...) {
			t.Errorf("Skipped lacks %q: %q", s, r.Skipped)
		}
	}

	type want struct {
		code, from, to string
	}
	tests := []struct {
		kind, phrase string
		stem         bool
		codes        []want
	}{
		{KindActor, "FREEDON", true, []want{{"FRD", "", ""}}},
		{KindActor, "SYLVANIA", false, []want{{"SYL", "", ""}}},
		{KindActor, "MOUSE", false, []want{{"MUS", "", ""}}},
		{KindActor, "GRAND ... FENWICK", true, []want{{"GFW", "", "1965-01-01"}, {"GFWGOV", "", ""}}},
		{KindActor, "RURITANIA", true, []want{{"RUR", "", "1999-06-01"}, {"RURGOV", "1999-06-01", "2005-12-31"}, {"RURREB", "2006-01-01", ""}}},
		{KindActor, "ZENDA", false, []want{{"ZEN", "", "1991-12-26"}, {"###", "", ""}}},
		{KindActor, "TWIN CITIES", false, []want{{"FRD/SYL", "", ""}}},
		{KindActor, "TIDDLYWINK", false, nil},
		{KindDiscardSentence, "TIDDLYWINK", false, []want{{"-", "", ""}}},
		{KindActor, "AFTER FINISH", false, nil},
		{KindActor, "TEAPOTS", false, nil},
	}
	for _, tt := range tests {
		var got []want
		for _, e := range findEntries(l, tt.kind, tt.phrase) {
			got = append(got, want{e.Code, e.From, e.To})
			if e.Stem != tt.stem {
				t.Errorf("%s %s: Stem %v, want %v", tt.kind, tt.phrase, e.Stem, tt.stem)
			}
		}
		if !slices.Equal(got, tt.codes) {
			t.Errorf("%s %s: codes %v, want %v", tt.kind, tt.phrase, got, tt.codes)
		}
	}
	agents := []struct {
		keys, code   string
		prefix, stem bool
	}{
		{"consul", "GOV", false, false},
		{"consuls", "GOV", false, false},
		{"harbour master", "CVL", false, false},
		{"harbour masters", "CVL", false, false},
		{"almshouse trust", "NGO", true, false},
		{"pilot", "CVL", false, true},
		{"pilots", "", false, false},
	}
	byKeys := map[string]*ActorEntry{}
	for _, e := range l.Actors {
		if e.Kind == KindAgent {
			byKeys[strings.Join(e.Keys, " ")] = e
		}
	}
	for _, a := range agents {
		e := byKeys[a.keys]
		switch {
		case a.code == "" && e != nil:
			t.Errorf("agent %q: unexpected %+v", a.keys, e)
		case a.code == "":
		case e == nil:
			t.Errorf("agent %q: none", a.keys)
		case e.Code != a.code || e.Prefix != a.prefix || e.Stem != a.stem || !e.Full:
			t.Errorf("agent %q: %+v", a.keys, e)
		}
	}
	if e, _ := l.DiscardIn(toks("a tiddlywink match")); e == nil || e.Phrase != "TIDDLYWINK" {
		t.Errorf("DiscardIn = %+v", e)
	}
	if e, j := l.MatchName(toks("Twin Cities said"), 0, ""); e == nil || e.Code != "FRD/SYL" || j != 2 {
		t.Errorf("MatchName(Twin Cities) = %+v, %d", e, j)
	}
}

func TestLoadTABARIPathsAndErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"proj/ok.project":        "<actorsfile> dicts/a.actors\n<agentsfile>\tdicts/b.agents\n",
		"proj/dicts/a.actors":    "FREEDONIA_ [FRD]\n",
		"proj/dicts/b.agents":    "CONSUL_ [~GOV]\n",
		"proj/missing.project":   "<actorsfile> dicts/a.actors\n<verbsfile> dicts/none.verbs\n",
		"proj/noactors.project":  "<agentsfile> dicts/b.agents\n",
		"proj/emptytag.project":  "<actorsfile>\n<actorsfile> dicts/a.actors\n",
		"proj/absolute.project":  "<actorsfile> " + filepath.Join(dir, "proj/dicts/a.actors") + "\n",
		"proj/dicts/unused.text": "",
	})
	for _, p := range []string{"ok.project", "emptytag.project", "absolute.project"} {
		l, r, err := LoadTABARI(filepath.Join(dir, "proj", p))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if e, _ := l.MatchName(toks("Freedonia"), 0, ""); e == nil || e.Code != "FRD" {
			t.Errorf("%s: MatchName(Freedonia) = %+v (report %+v)", p, e, r)
		}
		if p == "emptytag.project" && !hasSkipped(r, "emptytag.project:1: <actorsfile> names no file") {
			t.Errorf("Skipped = %q", r.Skipped)
		}
	}
	tests := []struct{ project, want string }{
		{"missing.project", "none.verbs"},
		{"noactors.project", "names no <actorsfile> or <verbsfile>"},
		{"absent.project", "absent.project"},
	}
	for _, tt := range tests {
		_, _, err := LoadTABARI(filepath.Join(dir, "proj", tt.project))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want one with %q", tt.project, err, tt.want)
		}
	}
}

func TestCommentsAndSections(t *testing.T) {
	src := "A <!-- one --> B\n<!-- two\nthree -->C # four\n<! -- five -->\nD ; six\n<NOUN>\nE\n</NOUN>\nF\n~~FINISH\nG\n"
	var got []string
	var secs []string
	paLines(src, dialPETRARCH, func(num int, line string) {
		got = append(got, strconv.Itoa(num)+":"+strings.Join(strings.Fields(line), " "))
	}, func(tag string, num, n int) {
		secs = append(secs, tag+"@"+strconv.Itoa(num)+"x"+strconv.Itoa(n))
	})
	if want := []string{"1:A B", "3:C", "5:D", "9:F"}; !slices.Equal(got, want) {
		t.Errorf("lines = %q, want %q", got, want)
	}
	if want := []string{"NOUN@6x1"}; !slices.Equal(secs, want) {
		t.Errorf("sections = %q, want %q", secs, want)
	}
}

// TestLoadSharedDictionaries loads the PETRARCH and TABARI dictionaries of
// the shared gold folder when it is there: every file must load within the
// time and memory budget (1 s, 300 MB) with nothing fatal.
func TestLoadSharedDictionaries(t *testing.T) {
	const petr = "../../shared/gold/events/dicts/petrarch2"
	if _, err := os.Stat(petr); err != nil {
		t.Skipf("shared PETRARCH dictionaries not present (%v)", err)
	}
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	start := time.Now()
	l, r, err := LoadPETRARCH(petr)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&m1)
	if err != nil {
		t.Fatal(err)
	}
	alloc := (m1.TotalAlloc - m0.TotalAlloc) >> 20
	t.Logf("LoadPETRARCH(%s): %v, %d MB allocated; %d files; %d patterns, %d actor, %d agent, %d discard entries; %d skipped, %d shadowed",
		petr, elapsed, alloc, len(r.Files), r.Patterns, r.Actors, r.Agents, r.Discards, len(r.Skipped), len(r.Shadowed))
	for _, s := range r.Skipped {
		if f, rest, _ := strings.Cut(s, ":"); !strings.Contains(f, "/") && rest != "" && rest[0] == ' ' {
			t.Logf("  %s", s)
		}
	}
	if r.Patterns == 0 || r.Actors == 0 || r.Agents == 0 || r.Discards == 0 || len(r.Shadowed) == 0 {
		t.Errorf("counts %d %d %d %d %d: want all > 0", r.Patterns, r.Actors, r.Agents, r.Discards, len(r.Shadowed))
	}
	if alloc > 300 {
		t.Errorf("allocated %d MB, budget 300 MB", alloc)
	}
	if elapsed > 3*time.Second { // budget 1 s; slack for -race and busy machines
		t.Errorf("took %v, budget 1 s", elapsed)
	}
	_ = l

	const tab = "../../shared/gold/events/dicts/tabari/Validate.project"
	if _, err := os.Stat(tab); err != nil {
		t.Skipf("shared TABARI project not present (%v)", err)
	}
	_, tr, err := LoadTABARI(tab)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("LoadTABARI(%s): %d patterns, %d actor, %d agent, %d discard entries, %d options, %d skipped",
		tab, tr.Patterns, tr.Actors, tr.Agents, tr.Discards, len(tr.Options), len(tr.Skipped))
	if tr.Actors == 0 || tr.Agents == 0 || len(tr.Options) == 0 {
		t.Errorf("TABARI counts %+v", tr)
	}
}

// FuzzImportParsers checks that no input makes the PETRARCH and TABARI
// readers panic and that every entry they add has keys.
func FuzzImportParsers(f *testing.F) {
	for _, p := range []string{"testdata/petrarch/Test.actors.txt", "testdata/petrarch/Test.agents.txt",
		"testdata/petrarch/Test.discards.txt", "testdata/tabari/Test.actors", "testdata/tabari/Test.agents"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("[X]\n+Y\nA [B <1] [~C] {D\n!E! = \n!F!G [~H]\n<T>\n</T>\n+\n[\n")
	f.Fuzz(func(t *testing.T, src string) {
		l, r := New(), &Report{}
		l.AddPETRARCHActors("a", src, r)
		l.AddTABARIActors("b", src, r)
		l.AddPETRARCHAgents("c", src, r)
		l.AddTABARIAgents("d", src, r)
		l.AddPETRARCHDiscards("e", src, r)
		paCountIssues(src)
		for _, e := range l.Actors {
			if len(e.Keys) == 0 || e.Code == "" {
				t.Fatalf("entry without keys or code: %+v", e)
			}
		}
		l.DiscardIn(toks(src))
	})
}

// TestPhraseConnectors checks what a blank and a "_" between the words of
// imported actor and agent phrases mean for matching: a blank lets other
// words come between (Gaps), "_" joins words that must be consecutive, and
// a token whose words are joined by "_" or "-" in the text matches as many
// words of an imported phrase.
func TestPhraseConnectors(t *testing.T) {
	l := New()
	r := &Report{}
	l.AddTABARIActors("c.actors", "DUKE MARSH_VALE [MVL]\nBUZZ_ALDRIN [BZA]\nBUZZ ALDRIN [BZB]\nCOUNT_OF_ZENDA_ [ZEN]\n", r)
	l.AddPETRARCHAgents("c.agents", "STATE BROADCASTER [~GOVMED]\n", r)
	if len(r.Skipped) > 0 {
		t.Fatalf("skipped: %q", r.Skipped)
	}
	if es := findEntries(l, KindActor, "DUKE ... MARSH VALE"); len(es) != 1 || !slices.Equal(es[0].Gaps, []int{1}) || es[0].Name != "DUKE MARSH VALE" {
		t.Fatalf("DUKE MARSH_VALE: %+v", es)
	}
	tok := func(s string) []dyad.Token {
		var out []dyad.Token
		for _, w := range strings.Fields(s) {
			tag := "NN"
			if w == "said" {
				tag = "VBD"
			}
			out = append(out, dyad.Token{Text: w, Lower: strings.ToLower(w), Tag: tag})
		}
		return out
	}
	tests := []struct {
		text, code string
		end        int
	}{
		{"Duke Marsh Vale spoke", "MVL", 3},
		{"Duke of Marsh Vale spoke", "MVL", 4},
		{"Duke of the Marsh_Vale spoke", "MVL", 4},
		{"Duke of the old Marsh Vale", "MVL", 6},
		{"Duke of the very old Marsh Vale", "", 0}, // too many words between
		{"Duke said Marsh Vale", "", 0},            // a finite verb between
		{"Duke , Marsh Vale", "", 0},               // clause punctuation between
		{"Duke Marsh the Vale", "", 0},             // "_" joins Marsh and Vale
		{"Buzz Aldrin", "BZA", 2},                  // the consecutive phrase first
		{"Buzz-Aldrin", "BZA", 1},
		{"Buzz \" Rocket \" Aldrin", "BZB", 5},
		{"Count_of_Zenda", "ZEN", 1},
		{"Count-of-Zendaland", "", 0}, // a complete word: no other ending
	}
	for _, tt := range tests {
		e, end := l.MatchName(tok(tt.text), 0, "")
		code := ""
		if e != nil {
			code = e.Code
		} else {
			end = 0
		}
		if code != tt.code || end != tt.end {
			t.Errorf("%q: %q up to %d, want %q up to %d", tt.text, code, end, tt.code, tt.end)
		}
	}
	if e, end := l.MatchAgent(tok("state television broadcasters said"), 0, ""); e == nil || e.Code != "GOVMED" || end != 3 {
		t.Errorf("agent with a word between: %+v, %d", e, end)
	}
}

func TestPETRARCH2DiscardsAreWhitespaceWords(t *testing.T) {
	// with PETRARCH-2's verb dictionary (CAMEO.2*), discards are checked
	// as PETRARCH-2 checks them: over whitespace-separated words, with a
	// word after the phrase
	dir := t.TempDir()
	copyFile := func(from, to string) {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, to), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFile("testdata/petrarch/Test2.CAMEO.txt", "CAMEO.2.0.txt")
	copyFile("testdata/petrarch/Test.discards.txt", "Test.discards.txt")
	l, _, err := LoadPETRARCH(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Patterns) == 0 || !l.Patterns[0].Tree {
		t.Error("patterns of CAMEO.2.0.txt are not marked Tree")
	}
	tests := []struct {
		text string
		want bool
	}{
		{"The March Hare said so", true},
		{"They met the March Hare, and left", false}, // "HARE," is no word HARE
		{"They met the March Hare", false},           // no word after it
		{"They met the March Hare .", true},
		{"They played tiddlywink games", true},
		{"They played tiddlywinks games", false}, // whole words, no stems
	}
	for _, tt := range tests {
		e, _ := l.DiscardIn(toks(tt.text))
		if got := e != nil; got != tt.want {
			t.Errorf("DiscardIn(%q) found %v, want %v", tt.text, got, tt.want)
		}
	}
}
