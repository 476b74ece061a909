package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// sample returns a document with two sentences and three events: one with a
// target, one without, one negated in a sentence with a tab and a newline.
func sample() (dyad.Doc, dyad.Record) {
	text := "DAMASCUS (Wire) - Iran's minister met Syria's envoy in Damascus.\n\nThe army did not\tattack\n“rebels” – officials said."
	doc := dyad.Doc{ID: "wire/a.txt", Text: text, Date: "2023-07-24"}
	runes := []rune(text)
	idx := func(sub string) int {
		b := strings.Index(text, sub)
		return len([]rune(text[:b]))
	}
	s0, s1 := idx("Iran's"), idx("The army")
	a := dyad.Analysis{
		Doc:       doc,
		Dateline:  &dyad.Dateline{Place: "DAMASCUS", Agency: "Wire", Start: 0, End: 15},
		Sentences: []dyad.Sentence{{Start: s0, End: idx("\n\nThe")}, {Start: s1, End: len(runes)}},
		Events: []dyad.Event{
			{Sentence: 0, Code: "043", Root: "04", Label: "Host a visit", QuadClass: 1, Goldstein: 2.8,
				Source: &dyad.Actor{Code: "IRNGOV"}, Target: &dyad.Actor{Code: "SYRGOV"},
				Verb: dyad.TextSpan{Text: "met"}, Rule: "verbs.txt:12 043: meet +",
				Place: &dyad.Place{Name: "Damascus", Gazetteer: "Damascus", Country: "SYR", Admin1: "13", Lat: 33.5102, Lon: 36.2913, GeonameID: 170654, Feature: "PPLC", Kind: "place"}},
			{Sentence: 1, Code: "190", Root: "19", Label: "Use conventional military force", QuadClass: 4, Goldstein: -10,
				Source: &dyad.Actor{Code: "---MIL"}, Verb: dyad.TextSpan{Text: "attack"}, Negated: true, Rule: "verbs.txt:99"},
			{Sentence: 0, Code: "040", Root: "04", Label: "Consult", QuadClass: 1, Goldstein: 1,
				Source: &dyad.Actor{Code: "SYRGOV"}, Target: &dyad.Actor{Code: "IRNGOV"}, Verb: dyad.TextSpan{Text: "met"}},
		},
	}
	return doc, a.Record()
}

func empty() (dyad.Doc, dyad.Record) {
	doc := dyad.Doc{ID: "b.txt", Text: "Nothing happened."}
	a := dyad.Analysis{Doc: doc, Sentences: []dyad.Sentence{{Start: 0, End: 17}}}
	return doc, a.Record()
}

func writeAll(t *testing.T, format string) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := New(format, &buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []func() (dyad.Doc, dyad.Record){sample, empty} {
		doc, rec := f()
		if err := w.Write(doc, rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestJSONL(t *testing.T) {
	out := writeAll(t, "jsonl")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want 2:\n%s", len(lines), out)
	}
	for i, line := range lines {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		for _, k := range []string{"doc", "sentences", "entities", "events", "quotes", "places"} {
			if _, ok := m[k]; !ok {
				t.Errorf("line %d: no %q field", i+1, k)
			}
		}
	}
	var rec dyad.Record
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Doc.ID != "wire/a.txt" || len(rec.Events) != 3 || rec.Events[0].Target.Code != "SYRGOV" {
		t.Errorf("round trip: got %+v", rec)
	}
	if strings.Contains(out, `\u003c`) || !strings.Contains(lines[1], `"events":[]`) {
		t.Errorf("unexpected encoding: %s", out)
	}
}

func TestTSV(t *testing.T) {
	out := writeAll(t, "tsv")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("got %d lines, want header + 3 events:\n%s", len(lines), out)
	}
	if lines[0] != strings.Join(TSVColumns, "\t") {
		t.Errorf("header %q", lines[0])
	}
	tests := []struct {
		line int
		want map[string]string
	}{
		{1, map[string]string{"date": "2023-07-24", "source": "IRNGOV", "target": "SYRGOV", "code": "043", "root": "04",
			"quad_class": "1", "goldstein": "2.8", "sentence": "Iran's minister met Syria's envoy in Damascus.", "verb": "met", "doc_id": "wire/a.txt",
			"action_geo_name": "Damascus", "action_geo_country": "SYR", "action_geo_adm1": "13", "action_geo_lat": "33.5102", "action_geo_lon": "36.2913", "action_geo_featureid": "170654"}},
		{2, map[string]string{"target": "", "goldstein": "-10", "sentence": "The army did not attack “rebels” – officials said.", "action_geo_name": "", "action_geo_lat": ""}},
		{3, map[string]string{"code": "040", "goldstein": "1"}},
	}
	for _, tc := range tests {
		cells := strings.Split(lines[tc.line], "\t")
		if len(cells) != len(TSVColumns) {
			t.Fatalf("line %d: %d columns, want %d: %q", tc.line, len(cells), len(TSVColumns), lines[tc.line])
		}
		for col, want := range tc.want {
			i := indexOf(TSVColumns, col)
			if cells[i] != want {
				t.Errorf("line %d column %s = %q, want %q", tc.line, col, cells[i], want)
			}
		}
	}

	// No events at all: the header alone.
	var buf bytes.Buffer
	w := NewTSV(&buf)
	doc, rec := empty()
	if err := w.Write(doc, rec); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if buf.String() != strings.Join(TSVColumns, "\t")+"\n" {
		t.Errorf("header only: got %q", buf.String())
	}
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

func TestPretty(t *testing.T) {
	out := writeAll(t, "pretty")
	for _, want := range []string{
		"── wire/a.txt · 2023-07-24 · DAMASCUS (Wire) · 2 sentences, 3 events\n",
		"Iran's minister met Syria's envoy in Damascus.\n",
		`  IRNGOV → SYRGOV  043  Host a visit                     "met" @ Damascus  [verbs.txt:12]` + "\n",
		`  SYRGOV → IRNGOV  040  Consult                          "met"` + "\n",
		`  ---MIL → —       190  Use conventional military force  "attack" (negated)  [verbs.txt:99]` + "\n",
		"The army did not attack “rebels” – officials said.\n",
		"\n── b.txt · 1 sentence, 0 events\n  (no events)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("pretty output lacks %q:\n%s", want, out)
		}
	}
	// Events are grouped under their sentence: the sentence-0 events come
	// before the sentence-1 text.
	if strings.Index(out, "040  Consult") > strings.Index(out, "The army") {
		t.Errorf("events not grouped by sentence:\n%s", out)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		if strings.HasSuffix(sc.Text(), " ") {
			t.Errorf("trailing space: %q", sc.Text())
		}
	}
}

func TestShortRule(t *testing.T) {
	for in, want := range map[string]string{
		"":                                "",
		"verbs/04.txt:18 040: hold talks": "verbs/04.txt:18",
		"verbs.txt:99":                    "verbs.txt:99",
		"petrarch pattern x":              "petrarch pattern x",
		"a:b c":                           "a:b c",
	} {
		if got := shortRule(in); got != want {
			t.Errorf("shortRule(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  []string
	}{
		{"", 10, nil},
		{"one two three", 7, []string{"one two", "three"}},
		{"one two three", 80, []string{"one two three"}},
		{"supercalifragilistic is long", 5, []string{"supercalifragilistic", "is", "long"}},
		{"ünïcödé wörds hère", 13, []string{"ünïcödé wörds", "hère"}},
	}
	for _, tc := range tests {
		got := wrap(tc.text, tc.width)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("wrap(%q, %d) = %q, want %q", tc.text, tc.width, got, tc.want)
		}
	}
}

func TestSpanner(t *testing.T) {
	sp := newSpanner("aé€😀b")
	tests := []struct {
		start, end int
		want       string
	}{
		{0, 1, "a"}, {1, 3, "é€"}, {3, 5, "😀b"}, {0, 5, "aé€😀b"}, {4, 99, "b"}, {2, 2, ""}, {-1, 2, ""},
	}
	for _, tc := range tests {
		if got := sp.slice(tc.start, tc.end); got != tc.want {
			t.Errorf("slice(%d, %d) = %q, want %q", tc.start, tc.end, got, tc.want)
		}
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrors(t *testing.T) {
	for _, format := range Formats {
		w, err := New(format, failWriter{})
		if err != nil {
			t.Fatal(err)
		}
		doc, rec := sample()
		if err := w.Write(doc, rec); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("%s: Write error %v, want disk full", format, err)
		}
		if err := w.Close(); err == nil {
			t.Errorf("%s: Close: no error", format)
		}
	}
	if _, err := New("xml", nil); err == nil {
		t.Error("New(xml): no error")
	}
}

func TestPrettyLabelsAreCapped(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Consult", "Consult"},
		{"Express intent to engage in diplomatic cooperation (such as policy support)", "Express intent to engage in diploma…"},
	} {
		if got := truncate(tc.in, maxLabel); got != tc.want {
			t.Errorf("truncate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
