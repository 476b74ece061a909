package eval

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// ev builds a predicted event; an empty source or target means no actor.
func ev(src, tgt, code, plover, rule string) dyad.Event {
	e := dyad.Event{Code: code, Plover: plover, Rule: rule, Verb: dyad.TextSpan{Text: "verb-" + rule}}
	if src != "" {
		e.Source = &dyad.Actor{Code: src}
	}
	if tgt != "" {
		e.Target = &dyad.Actor{Code: tgt}
	}
	return e
}

// fakeCoder answers from a table keyed by document id and records the docs
// it was given.
type fakeCoder struct {
	events map[string][]dyad.Event
	fail   map[string]bool
	seen   map[string]dyad.Doc
}

func (f *fakeCoder) code(d dyad.Doc) (dyad.Record, error) {
	if f.seen == nil {
		f.seen = map[string]dyad.Doc{}
	}
	f.seen[d.ID] = d
	if f.fail[d.ID] {
		return dyad.Record{}, errors.New("boom")
	}
	return dyad.Record{Events: f.events[d.ID]}, nil
}

func mustLoad(t *testing.T, path string) []EventGold {
	t.Helper()
	g, err := LoadEventGold(path)
	if err != nil {
		t.Fatalf("LoadEventGold(%s): %v", path, err)
	}
	return g
}

func TestLoadEventGold(t *testing.T) {
	cameo := mustLoad(t, filepath.Join("testdata", "cameo_small.jsonl"))
	plover := mustLoad(t, filepath.Join("testdata", "plover_small.jsonl"))
	byID := map[string]EventGold{}
	for _, g := range append(cameo, plover...) {
		byID[g.ID] = g
	}
	if len(cameo) != 7 || len(plover) != 5 {
		t.Fatalf("got %d CAMEO and %d PLOVER records, want 7 and 5", len(cameo), len(plover))
	}
	tests := []struct {
		id       string
		date     string
		flavour  Flavour
		skip     bool
		noEvents bool
		expected []GoldEvent
	}{
		{"t1", "2024-03-11", FlavourCAMEO, false, false, []GoldEvent{{"KENGOV", "TZAGOV", "040", ""}, {"TZAGOV", "KENGOV", "040", ""}}},
		{"t2", "2023-05-02", FlavourCAMEO, false, false, []GoldEvent{{"NOR", "SDN", "073", ""}}},
		{"t3", "2023-01-02", FlavourCAMEO, false, true, nil},
		{"t4", "2023-01-03", FlavourCAMEO, true, false, []GoldEvent{{"GHA", "TGO", "051", ""}}},
		{"t5", "2023-01-04", FlavourCAMEO, false, false, []GoldEvent{{"EGYCOP", "", "173", ""}}},
		{"t6", "2023-01-05", FlavourCAMEO, true, false, []GoldEvent{{"PER", "CHL", "057", ""}}},
		{"t7", "", FlavourCAMEO, false, false, []GoldEvent{{"CHL", "BOL", "161", ""}}},
		{"p1", "2000-01-01", FlavourPLOVER, false, false, []GoldEvent{{"THAGOV", "", "", "AGREE"}, {"KHMGOV", "", "", "AGREE"}}},
		{"p4", "2000-01-01", FlavourPLOVER, false, false, []GoldEvent{{"JAPGOV", "VTNGOV", "", "CONSULT"}}},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			g, ok := byID[tc.id]
			if !ok {
				t.Fatalf("record %s not loaded", tc.id)
			}
			if g.Date != tc.date || g.Flavour != tc.flavour || g.Skip != tc.skip || g.ExpectNoEvents != tc.noEvents {
				t.Errorf("got date %q flavour %s skip %v noevents %v; want %q %s %v %v",
					g.Date, g.Flavour, g.Skip, g.ExpectNoEvents, tc.date, tc.flavour, tc.skip, tc.noEvents)
			}
			if len(g.Expected) != len(tc.expected) {
				t.Fatalf("expected = %+v, want %+v", g.Expected, tc.expected)
			}
			for i := range g.Expected {
				if g.Expected[i] != tc.expected[i] {
					t.Errorf("expected[%d] = %+v, want %+v", i, g.Expected[i], tc.expected[i])
				}
			}
			if g.Raw["text"] != g.Text {
				t.Errorf("Raw does not hold the record")
			}
		})
	}
}

func TestReadEventGoldErrors(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{"bad json", `{"id": "a", "text": "x"` + "\n", "line 1"},
		{"not an object", "[1, 2]\n", "line 1"},
		{"expected not a list", `{"id": "a", "text": "x", "expected": "040"}`, "want a list"},
		{"expected item not object", `{"id": "a", "text": "x", "expected": ["040"]}`, "want an object"},
		{"bad date", `{"id": "a", "text": "x", "date": "24 July"}`, "YYYYMMDD"},
		{"no text", `{"id": "a", "text": " "}`, "no text"},
		{"no code", `{"id": "a", "text": "x", "expected": [{"source": "USA", "target": "IRN"}]}`, "no code"},
		{"source not string", `{"id": "a", "text": "x", "expected": [{"source": ["USA"], "code": "040"}]}`, "want a string"},
		{"error on second line", "\n" + `{"id": "a", "text": "x"}` + "\n{oops}\n", "line 3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadEventGold(strings.NewReader(tc.input))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestReadEventGoldIDs(t *testing.T) {
	in := `{"id": "a", "text": "one"}
{"id": "a", "text": "two"}
{"text": "three", "expected": [{"source": "USA", "target": "null", "code": "040"}]}`
	g, err := ReadEventGold(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a", "a#2", "line3"}
	for i, id := range want {
		if g[i].ID != id {
			t.Errorf("record %d id = %q, want %q", i, g[i].ID, id)
		}
	}
	if g[2].Expected[0].Target != "" {
		t.Errorf(`target "null" not normalised: %q`, g[2].Expected[0].Target)
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"20080806", "2008-08-06", true},
		{"2008-08-06", "2008-08-06", true},
		{" 19950107 ", "1995-01-07", true},
		{"950107", "1995-01-07", true},
		{"000101", "2000-01-01", true},
		{"291231", "2029-12-31", true},
		{"300101", "1930-01-01", true},
		{"", "", true},
		{"2008-13-01", "", false},
		{"20080800", "", false},
		{"2008/08/06", "", false},
		{"July 24", "", false},
	}
	for _, tc := range tests {
		got, err := NormalizeDate(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("NormalizeDate(%q) = %q, %v; want %q ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestCountry(t *testing.T) {
	tests := map[string]string{
		"IRNMIL": "IRN", "usa": "USA", "IGOUNO": "IGO", "---GOV": "---", "": "",
		"JAPGOV": "JPN", "ROM": "ROU", "VTNMIL": "VNM", "PS": "PS",
	}
	for in, want := range tests {
		if got := Country(in); got != want {
			t.Errorf("Country(%q) = %q, want %q", in, got, want)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScoreEventsCAMEO(t *testing.T) {
	gold := mustLoad(t, filepath.Join("testdata", "cameo_small.jsonl"))
	fc := &fakeCoder{
		events: map[string][]dyad.Event{
			// One of two right; the other has the wrong code but the right root.
			"t1": {ev("KENGOV", "TZAGOV", "040", "CONSULT", "r1"), ev("TZAGOV", "KENGOV", "042", "CONSULT", "r2")},
			// Right, predicted twice: exact as a set, one false positive.
			"t2": {ev("NOR", "SDN", "073", "AID", "r3"), ev("NOR", "SDN", "073", "AID", "r3")},
			// A target of "null" counts as no target.
			"t5": {ev("EGYCOP", "null", "173", "COERCE", "r4")},
			// Skipped records must not be coded; if they are, this spoils the score.
			"t4": {ev("GHA", "TGO", "051", "", "r5")},
		},
		fail: map[string]bool{"t7": true},
	}
	r, err := ScoreEvents(gold, fc.code)
	if err != nil {
		t.Fatal(err)
	}
	if _, coded := fc.seen["t4"]; coded {
		t.Errorf("skipped record t4 was coded")
	}
	if d := fc.seen["t1"]; d.Date != "2024-03-11" || !strings.HasPrefix(d.Text, "Kenyan President") {
		t.Errorf("doc for t1 = %+v", d)
	}
	checks := []struct {
		name      string
		got, want int
	}{
		{"records", r.Records, 5},
		{"skipped", r.Skipped, 2},
		{"exact", r.Exact, 3},
		{"errors", r.Errors, 1},
		{"cameo records", r.CAMEORecords, 5},
		{"strict matched", r.Strict.Matched, 3},
		{"strict predicted", r.Strict.Predicted, 5},
		{"strict gold", r.Strict.Gold, 5},
		{"country matched", r.Country.Matched, 4},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
	if !near(r.Strict.Precision(), 0.6) || !near(r.Strict.Recall(), 0.6) || !near(r.Strict.F1(), 0.6) {
		t.Errorf("strict P/R/F1 = %v %v %v, want 0.6 each", r.Strict.Precision(), r.Strict.Recall(), r.Strict.F1())
	}
	wantRoots := []CategoryStats{
		{"04", PRF{Matched: 1, Predicted: 2, Gold: 2}},
		{"07", PRF{Matched: 1, Predicted: 2, Gold: 1}},
		{"16", PRF{Matched: 0, Predicted: 0, Gold: 1}},
		{"17", PRF{Matched: 1, Predicted: 1, Gold: 1}},
	}
	if len(r.ByRoot) != len(wantRoots) {
		t.Fatalf("ByRoot = %+v, want %+v", r.ByRoot, wantRoots)
	}
	for i := range wantRoots {
		if r.ByRoot[i] != wantRoots[i] {
			t.Errorf("ByRoot[%d] = %+v, want %+v", i, r.ByRoot[i], wantRoots[i])
		}
	}
	if len(r.ByPlover) != 0 || r.PLOVERRecords != 0 {
		t.Errorf("PLOVER figures on CAMEO gold: %+v", r.ByPlover)
	}

	var quiet, loud bytes.Buffer
	if err := r.Write(&quiet, false); err != nil {
		t.Fatal(err)
	}
	if err := r.Write(&loud, true); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"quiet": quiet.String(), "verbose": loud.String()} {
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		if last := lines[len(lines)-1]; last != "records exact: 3/5" {
			t.Errorf("%s: last line = %q", name, last)
		}
		if !strings.Contains(out, "by CAMEO root") || !strings.Contains(out, "definitions:") {
			t.Errorf("%s: report lacks table or definitions:\n%s", name, out)
		}
	}
	if strings.Contains(quiet.String(), "misses:") {
		t.Errorf("quiet report lists misses")
	}
	v := loud.String()
	for _, want := range []string{"- t1 [cameo]", "TZAGOV -> KENGOV 042  rule=r2 verb=\"verb-r2\"", "- t7", "coder error: boom", "CHL -> BOL 161"} {
		if !strings.Contains(v, want) {
			t.Errorf("verbose report lacks %q:\n%s", want, v)
		}
	}
	for _, notWant := range []string{"- t2 ", "- t3 ", "- t5 "} {
		if strings.Contains(v, notWant) {
			t.Errorf("verbose report lists exact record %q", notWant)
		}
	}
}

func TestScoreEventsNoEvents(t *testing.T) {
	gold := []EventGold{{ID: "n", Text: "Nothing happened.", ExpectNoEvents: true, Flavour: FlavourCAMEO}}
	tests := []struct {
		name   string
		events []dyad.Event
		exact  int
	}{
		{"silent", nil, 1},
		{"spurious", []dyad.Event{ev("USA", "", "010", "", "x")}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fc := &fakeCoder{events: map[string][]dyad.Event{"n": tc.events}}
			r, err := ScoreEvents(gold, fc.code)
			if err != nil {
				t.Fatal(err)
			}
			if r.Exact != tc.exact || r.Strict.Predicted != len(tc.events) || r.Strict.Gold != 0 {
				t.Errorf("exact %d, strict %+v", r.Exact, r.Strict)
			}
		})
	}
}

func TestScoreEventsPLOVER(t *testing.T) {
	gold := mustLoad(t, filepath.Join("testdata", "plover_small.jsonl"))
	fc := &fakeCoder{events: map[string][]dyad.Event{
		"p1": {ev("THAGOV", "", "030", "AGREE", "a"), ev("KHMGOV", "THAGOV", "030", "AGREE", "b")},
		"p2": {ev("---CVL", "KENGOV", "141", "PROTEST", "c")},
		"p3": {ev("IGOUNO", "BLR", "163", "SANCTION", "d")},
		"p4": {ev("RUSGOV", "VNMGOV", "040", "CONSULT", "e"), ev("JPNGOV", "VNMGOV", "040", "CONSULT", "f")},
	}}
	r, err := ScoreEvents(gold, fc.code)
	if err != nil {
		t.Fatal(err)
	}
	s := r.Plover
	if s.Gold != 6 || s.Predicted != 6 || s.Hits != 5 || s.CountryHits != 4 {
		t.Errorf("PLOVER stats = %+v, want gold 6 predicted 6 hits 5 country 4", s)
	}
	if r.Strict.Matched != 1 || r.Country.Matched != 3 || r.Exact != 0 || r.PLOVERRecords != 5 {
		t.Errorf("strict %+v country %+v exact %d plover records %d", r.Strict, r.Country, r.Exact, r.PLOVERRecords)
	}
	want := map[string]PRF{
		"AGREE":    {Matched: 2, Predicted: 2, Gold: 2},
		"CONSULT":  {Matched: 1, Predicted: 2, Gold: 1},
		"FIGHT":    {Matched: 0, Predicted: 0, Gold: 1},
		"PROTEST":  {Matched: 1, Predicted: 1, Gold: 1},
		"SANCTION": {Matched: 1, Predicted: 1, Gold: 1},
	}
	if len(r.ByPlover) != len(want) {
		t.Fatalf("ByPlover = %+v", r.ByPlover)
	}
	for _, c := range r.ByPlover {
		if want[c.Category] != c.PRF {
			t.Errorf("%s = %+v, want %+v", c.Category, c.PRF, want[c.Category])
		}
	}
	var buf bytes.Buffer
	if err := r.Write(&buf, true); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, w := range []string{"PLOVER type: recall 0.833 (5/6), precision 0.833 (5/6), source country agrees on 0.800 of hits (4/5)", "by PLOVER type", "- p5 [plover]", "predicted: (no events)"} {
		if !strings.Contains(out, w) {
			t.Errorf("report lacks %q:\n%s", w, out)
		}
	}
	if !strings.HasSuffix(out, "records exact: 0/5\n") {
		t.Errorf("report does not end with the exact line:\n%s", out)
	}
}

func TestScoreEventsNilCoder(t *testing.T) {
	if _, err := ScoreEvents(nil, nil); err == nil {
		t.Fatal("want an error for a nil coder")
	}
}

// TestRealGoldLoads checks that the shared gold files load; it only runs
// where the shared gold folder exists.
func TestRealGoldLoads(t *testing.T) {
	dir := os.Getenv("DYAD_GOLD")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "gold")
	}
	events := filepath.Join(dir, "events")
	if _, err := os.Stat(events); err != nil {
		t.Skipf("shared gold not found at %s (set DYAD_GOLD): skipping", dir)
	}
	tests := []struct {
		file    string
		flavour Flavour
	}{
		{"gsr78_dev.jsonl", FlavourCAMEO},
		{"plover_gsr_dev.jsonl", FlavourPLOVER},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			g := mustLoad(t, filepath.Join(events, tc.file))
			if len(g) == 0 {
				t.Fatal("no records")
			}
			for _, rec := range g {
				if rec.Flavour != tc.flavour {
					t.Errorf("%s: flavour %s, want %s", rec.ID, rec.Flavour, tc.flavour)
				}
				if !rec.ExpectNoEvents && len(rec.Expected) == 0 && !rec.Skip {
					t.Errorf("%s: no expected events and no expect_noevents", rec.ID)
				}
			}
		})
	}
}

func TestLegacyPlover(t *testing.T) {
	for _, tc := range []struct{ code, want string }{
		{"190", "FIGHT"},   // fighting was its own type in the drafts
		{"191", ""},        // a blockade was coercion then too: the table's type
		{"1712", "COERCE"}, // destroying property, mode "destroy"
		{"111", "DISAPPROVE"},
		{"0831", "CONCEDE"},
		{"173", ""},
	} {
		if got := legacyPlover(tc.code); got != tc.want {
			t.Errorf("legacyPlover(%q) = %q, want %q", tc.code, got, tc.want)
		}
	}
}
