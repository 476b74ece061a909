package eval

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// runeSpan returns the [start, end) rune span of the nth occurrence
// (0-based) of sub in text.
func runeSpan(t *testing.T, text, sub string, nth int) [2]int {
	t.Helper()
	from := 0
	for i := 0; ; i++ {
		j := strings.Index(text[from:], sub)
		if j < 0 {
			t.Fatalf("%q: occurrence %d not found", sub, nth)
		}
		if i == nth {
			start := len([]rune(text[:from+j]))
			return [2]int{start, start + len([]rune(sub))}
		}
		from += j + len(sub)
	}
}

func mustLoadQuotes(t *testing.T, path string) []QuoteGold {
	t.Helper()
	g, err := LoadQuoteGold(path)
	if err != nil {
		t.Fatalf("LoadQuoteGold(%s): %v", path, err)
	}
	return g
}

func TestLoadQuoteGold(t *testing.T) {
	gold := mustLoadQuotes(t, filepath.Join("testdata", "quotes_small.jsonl"))
	var ids []string
	for _, g := range gold {
		ids = append(ids, g.ID)
	}
	if want := []string{"frd-1", "syl-2", "line3"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("ids = %v, want %v", ids, want)
	}
	g := gold[0]
	if g.Date != "2031-04-02" || g.Title == "" || g.Source != "Wire" {
		t.Errorf("meta: date %q title %q source %q", g.Date, g.Title, g.Source)
	}
	if len(g.Quotes) != 5 || len(gold[1].Quotes) != 0 || len(gold[2].Quotes) != 2 {
		t.Fatalf("quote counts %d %d %d", len(g.Quotes), len(gold[1].Quotes), len(gold[2].Quotes))
	}
	split := g.Quotes[2]
	if len(split.Content) != 2 || !split.Direct || split.Speaker != "he" || !split.HasSpeaker {
		t.Errorf("split quote = %+v", split)
	}
	if want := runeSpan(t, g.Text, "“but it is not endless.”", 0); split.Content[1] != want {
		t.Errorf("second piece = %v, want %v", split.Content[1], want)
	}
	if null := g.Quotes[4]; null.HasSpeaker || len(null.SpeakerSegments) != 0 || null.Cue != "reportedly" {
		t.Errorf("null-speaker quote = %+v", null)
	}
	if g.Quotes[1].Direct {
		t.Errorf("indirect quote marked direct")
	}
}

func TestLoadQuoteGoldDefaults(t *testing.T) {
	in := `{"id":"a","text":"Ann said “yes” and Bob said no.","quotes":[` +
		`{"start":9,"end":14,"speaker":"Ann","cue":"said"},` +
		`{"start":28,"end":30,"speaker":"Bob"}]}` + "\n\n" +
		`{"id":"a","text":"again","quotes":null}`
	gold, err := ReadQuoteGold(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 2 || gold[1].ID != "a#2" {
		t.Fatalf("records = %+v", gold)
	}
	q := gold[0].Quotes
	if !q[0].Direct || q[1].Direct {
		t.Errorf("computed direct flags = %v, %v; want true, false", q[0].Direct, q[1].Direct)
	}
	if !reflect.DeepEqual(q[0].Content, [][2]int{{9, 14}}) {
		t.Errorf("content without segments = %v", q[0].Content)
	}
}

func TestLoadQuoteGoldErrors(t *testing.T) {
	good := `{"id":"ok","text":"Ann said no.","quotes":[]}`
	for _, tc := range []struct {
		name, line, want string
	}{
		{"not json", `{"id":`, "decode record"},
		{"not an object", `[1,2]`, "decode record"},
		{"no text", `{"id":"x","quotes":[]}`, "no text"},
		{"bad date", `{"id":"x","text":"a b","date":"soon"}`, `record "x"`},
		{"end past text", `{"id":"x","text":"short","quotes":[{"start":0,"end":9}]}`, "quotes[0]: content [0,9) outside the text (5 runes)"},
		{"start after end", `{"id":"x","text":"short","quotes":[{"start":3,"end":2}]}`, "outside the text"},
		{"no end", `{"id":"x","text":"short","quotes":[{"start":3}]}`, "no start or end"},
		{"segment of three", `{"id":"x","text":"short","quotes":[{"start":0,"end":2,"content_segments":[[0,1,2]]}]}`, "content_segments[0] has 3 numbers"},
		{"speaker past text", `{"id":"x","text":"short","quotes":[{"start":0,"end":2,"speaker_segments":[[4,7]]}]}`, "speaker_segments[0] [4,7) outside"},
		{"null quote", `{"id":"x","text":"short","quotes":[null]}`, "null attribution"},
		{"id of wrong type", `{"id":{"a":1},"text":"short"}`, `field "id"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bad.jsonl")
			if err := os.WriteFile(path, []byte(good+"\n"+tc.line+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadQuoteGold(path)
			if err == nil {
				t.Fatal("no error")
			}
			if msg := err.Error(); !strings.Contains(msg, path+":2: ") || !strings.Contains(msg, tc.want) {
				t.Errorf("error %q does not name %s:2 and %q", msg, path, tc.want)
			}
		})
	}
	if _, err := LoadQuoteGold(filepath.Join(t.TempDir(), "missing.jsonl")); err == nil {
		t.Error("missing file: no error")
	}
}

// seg builds a single-piece content.
func seg(a, b int) [][2]int { return [][2]int{{a, b}} }

func TestMatchQuotes(t *testing.T) {
	text := strings.Repeat("abcd ", 60) // 300 runes
	gq := func(direct bool, segs ...[2]int) GoldQuote {
		return GoldQuote{Start: segs[0][0], End: segs[len(segs)-1][1], Content: segs, Direct: direct}
	}
	pq := func(direct bool, segs ...[2]int) dyad.Quote {
		return dyad.Quote{Start: segs[0][0], End: segs[len(segs)-1][1], Segments: segs, Direct: direct}
	}
	type want struct {
		pairs           [][2]int // (gold, pred)
		missed, spurous []int
		exact           int
	}
	for _, tc := range []struct {
		name   string
		gold   []GoldQuote
		pred   []dyad.Quote
		direct want
		all    *want // nil: same as direct
	}{
		{"overlap exactly half of both", []GoldQuote{gq(true, [2]int{0, 100})}, []dyad.Quote{pq(true, [2]int{50, 150})},
			want{pairs: [][2]int{{0, 0}}}, nil},
		{"overlap just under half", []GoldQuote{gq(true, [2]int{0, 100})}, []dyad.Quote{pq(true, [2]int{51, 151})},
			want{missed: []int{0}, spurous: []int{0}}, nil},
		{"prediction just too long", []GoldQuote{gq(true, [2]int{0, 10})}, []dyad.Quote{pq(true, [2]int{0, 21})},
			want{missed: []int{0}, spurous: []int{0}}, nil},
		{"prediction twice as long", []GoldQuote{gq(true, [2]int{0, 10})}, []dyad.Quote{pq(true, [2]int{0, 20})},
			want{pairs: [][2]int{{0, 0}}}, nil},
		{"split quote, same pieces", []GoldQuote{gq(true, [2]int{0, 10}, [2]int{20, 30})},
			[]dyad.Quote{pq(true, [2]int{0, 10}, [2]int{20, 30})}, want{pairs: [][2]int{{0, 0}}, exact: 1}, nil},
		{"split quote against one span", []GoldQuote{gq(true, [2]int{0, 10}, [2]int{20, 30})},
			[]dyad.Quote{pq(true, [2]int{0, 30})}, want{pairs: [][2]int{{0, 0}}}, nil},
		{"pieces trimmed of spaces", []GoldQuote{gq(true, [2]int{0, 9})}, []dyad.Quote{pq(true, [2]int{0, 10})},
			want{pairs: [][2]int{{0, 0}}, exact: 1}, nil},
		{"predicted start/end without segments", []GoldQuote{gq(true, [2]int{5, 19})},
			[]dyad.Quote{{Start: 5, End: 19, Direct: true}}, want{pairs: [][2]int{{0, 0}}, exact: 1}, nil},
		{"largest overlap wins", []GoldQuote{gq(true, [2]int{0, 100})},
			[]dyad.Quote{pq(true, [2]int{0, 60}), pq(true, [2]int{0, 100})},
			want{pairs: [][2]int{{0, 1}}, spurous: []int{0}, exact: 1}, nil},
		{"one prediction, two gold", []GoldQuote{gq(true, [2]int{0, 40}), gq(true, [2]int{40, 100})},
			[]dyad.Quote{pq(true, [2]int{30, 100})}, want{pairs: [][2]int{{1, 0}}, missed: []int{0}}, nil},
		{"nothing predicted", []GoldQuote{gq(true, [2]int{0, 40}), gq(false, [2]int{50, 60})}, nil,
			want{missed: []int{0}}, &want{missed: []int{0, 1}}},
		{"no overlap", []GoldQuote{gq(true, [2]int{0, 40})}, []dyad.Quote{pq(true, [2]int{100, 140})},
			want{missed: []int{0}, spurous: []int{0}}, nil},
		{"direct gold, indirect prediction", []GoldQuote{gq(true, [2]int{0, 40})}, []dyad.Quote{pq(false, [2]int{0, 40})},
			want{missed: []int{0}}, &want{pairs: [][2]int{{0, 0}}, exact: 1}},
		{"empty prediction", []GoldQuote{gq(true, [2]int{0, 40})}, []dyad.Quote{{Start: 7, End: 7, Direct: true}},
			want{missed: []int{0}, spurous: []int{0}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := QuoteResult{Text: text, Gold: tc.gold, Predicted: tc.pred}
			scoreRecord(&res)
			check := func(class QuoteClass, w want) {
				m := res.Classes[class]
				var pairs [][2]int
				for _, p := range m.Pairs {
					pairs = append(pairs, [2]int{p.Gold, p.Pred})
				}
				if !reflect.DeepEqual(pairs, w.pairs) || !reflect.DeepEqual(m.Missed, w.missed) || !reflect.DeepEqual(m.Spurious, w.spurous) {
					t.Errorf("%s: pairs %v missed %v spurious %v; want %v %v %v", class, pairs, m.Missed, m.Spurious, w.pairs, w.missed, w.spurous)
				}
				if m.Stats.Exact.Matched != w.exact {
					t.Errorf("%s: exact = %d, want %d", class, m.Stats.Exact.Matched, w.exact)
				}
				if m.Stats.Quotes.Matched != len(w.pairs) {
					t.Errorf("%s: matched = %d, want %d", class, m.Stats.Quotes.Matched, len(w.pairs))
				}
			}
			check(ClassDirect, tc.direct)
			all := tc.direct
			if tc.all != nil {
				all = *tc.all
			}
			check(ClassAll, all)
		})
	}
}

func TestSpeakerRight(t *testing.T) {
	gold := GoldQuote{Speaker: "Rufus Firefly", HasSpeaker: true, SpeakerSegments: [][2]int{{100, 115}}}
	null := GoldQuote{}
	sp := func(text string, a, b int) *dyad.Speaker { return &dyad.Speaker{Text: text, Start: a, End: b} }
	for _, tc := range []struct {
		name string
		gold GoldQuote
		pred *dyad.Speaker
		want bool
	}{
		{"span overlaps", gold, sp("Firefly", 108, 115), true},
		{"span overlaps, other text", gold, sp("she", 110, 112), true},
		{"surname elsewhere", gold, sp("Firefly", 300, 307), true},
		{"full name elsewhere, any case", gold, sp("RUFUS FIREFLY", 300, 315), true},
		{"gold surname, predicted full name", GoldQuote{Speaker: "Firefly", HasSpeaker: true, SpeakerSegments: [][2]int{{5, 12}}}, sp("Rufus Firefly", 300, 315), true},
		{"possessive and curly apostrophe", gold, sp("Firefly’s", 300, 309), true},
		{"first name is not a suffix", gold, sp("Rufus", 300, 307), false},
		{"other person", gold, sp("Teasdale Firefly's aide", 300, 319), false},
		{"touching spans do not overlap", gold, sp("spokesman", 115, 124), false},
		{"no predicted speaker", gold, nil, false},
		{"null gold, none predicted", null, nil, true},
		{"null gold, one predicted", null, sp("Firefly", 0, 7), false},
		{"empty predicted text elsewhere", gold, sp("", 300, 300), false},
	} {
		if got := speakerRight(tc.gold, tc.pred); got != tc.want {
			t.Errorf("%s: speakerRight = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// quoteCoder answers from a table keyed by document id.
type quoteCoder struct {
	quotes map[string][]dyad.Quote
	fail   map[string]bool
	seen   map[string]dyad.Doc
}

func (f *quoteCoder) code(d dyad.Doc) (dyad.Record, error) {
	if f.seen == nil {
		f.seen = map[string]dyad.Doc{}
	}
	f.seen[d.ID] = d
	if f.fail[d.ID] {
		return dyad.Record{}, errors.New("boom")
	}
	return dyad.Record{Quotes: f.quotes[d.ID]}, nil
}

// smallPredictions scores testdata/quotes_small.jsonl with hand-made
// predictions: in frd-1 the first quote is right, the split quote is found
// as one span with the cue but no speaker, the embassy attribution is
// right but for its cue, one quote is spurious; line3 fails in the coder.
func smallPredictions(t *testing.T) ([]QuoteGold, *quoteCoder) {
	t.Helper()
	gold := mustLoadQuotes(t, filepath.Join("testdata", "quotes_small.jsonl"))
	text := gold[0].Text
	span := func(sub string, nth int) [2]int { return runeSpan(t, text, sub, nth) }
	q1 := span("We will not sign this treaty,", 0)
	firefly := span("Rufus Firefly", 0)
	said := span("said", 0)
	split0, split1 := span("“Our patience is long,”", 0), span("“but it is not endless.”", 0)
	calm := span("the border remained calm", 0)
	embassy := span("Sylvanian embassy", 0)
	spurious := span("Firefly added", 0)
	c := &quoteCoder{
		quotes: map[string][]dyad.Quote{
			"frd-1": {
				{Start: q1[0], End: q1[1], Segments: [][2]int{q1}, Direct: true,
					Speaker: &dyad.Speaker{Text: "Rufus Firefly", Start: firefly[0], End: firefly[1]},
					Cue:     &dyad.TextSpan{Text: "said", Start: said[0], End: said[1]}},
				{Start: split0[0] + 1, End: split1[1] - 1, Direct: true,
					Cue: &dyad.TextSpan{Text: "said", Start: span("said", 1)[0], End: span("said", 1)[1]}},
				{Start: calm[0], End: calm[1], Segments: [][2]int{calm},
					Speaker: &dyad.Speaker{Text: "Sylvanian embassy", Start: embassy[0], End: embassy[1]},
					Cue:     &dyad.TextSpan{Text: "embassy", Start: embassy[0], End: embassy[1]}},
				{Start: spurious[0], End: spurious[1], Direct: true,
					Speaker: &dyad.Speaker{Text: "Firefly", Start: spurious[0], End: spurious[0] + 7, Code: "FRDGOV"}},
			},
		},
		fail: map[string]bool{"line3": true},
	}
	return gold, c
}

func TestScoreQuotes(t *testing.T) {
	gold, c := smallPredictions(t)
	r, err := ScoreQuotes(gold, c.code)
	if err != nil {
		t.Fatal(err)
	}
	if d := c.seen["frd-1"]; d.Date != "2031-04-02" || d.Source != "Wire" || d.Text != gold[0].Text {
		t.Errorf("coder got doc %+v", d)
	}
	if r.Records != 3 || r.Errors != 1 {
		t.Errorf("records %d errors %d", r.Records, r.Errors)
	}
	d := r.Direct()
	// Gold direct: 3 in frd-1, 1 in line3. Predicted direct: 3.
	if want := (PRF{Matched: 2, Predicted: 3, Gold: 4}); d.Quotes != want {
		t.Errorf("direct quotes = %+v, want %+v", d.Quotes, want)
	}
	if want := (PRF{Matched: 1, Predicted: 3, Gold: 4}); d.Speaker != want {
		t.Errorf("direct speaker = %+v, want %+v", d.Speaker, want)
	}
	if want := (PRF{Matched: 1, Predicted: 3, Gold: 4}); d.Exact != want {
		t.Errorf("direct exact = %+v, want %+v", d.Exact, want)
	}
	if want := (PRF{Matched: 2, Predicted: 2, Gold: 4}); d.Cue != want {
		t.Errorf("direct cue = %+v, want %+v", d.Cue, want)
	}
	if got := d.SpeakerAccuracy(); got != 0.5 {
		t.Errorf("speaker accuracy = %v", got)
	}
	// Split quote: gold content 23+24 runes (marks included) against a
	// prediction from inside the first mark to inside the last.
	g := gold[0].Quotes[2]
	goldLen := length(union(g.Content))
	predLen := g.Content[1][1] - 1 - (g.Content[0][0] + 1)
	ov := goldLen - 2
	// The first quote is predicted without its two marks.
	q1 := float64(length(union(gold[0].Quotes[0].Content)))
	wantP := (1 + float64(ov)/float64(predLen)) / 3
	wantR := ((q1-2)/q1 + float64(ov)/float64(goldLen)) / 4
	if math.Abs(d.OverlapPrecision()-wantP) > 1e-9 || math.Abs(d.OverlapRecall()-wantR) > 1e-9 {
		t.Errorf("soft overlap P %v R %v, want %v %v", d.OverlapPrecision(), d.OverlapRecall(), wantP, wantR)
	}
	ind := r.Stats[ClassIndirect]
	if want := (PRF{Matched: 1, Predicted: 1, Gold: 3}); ind.Quotes != want || ind.Speaker.Matched != 1 || ind.Exact.Matched != 1 || ind.Cue.Matched != 0 {
		t.Errorf("indirect = %+v", ind)
	}
	if all := r.Stats[ClassAll]; all.Quotes.Gold != 7 || all.Quotes.Predicted != 4 || all.Quotes.Matched != 3 {
		t.Errorf("all = %+v", all.Quotes)
	}
	m := r.Results[0].Classes[ClassDirect]
	if !reflect.DeepEqual(m.Missed, []int{4}) || !reflect.DeepEqual(m.Spurious, []int{3}) {
		t.Errorf("frd-1 direct missed %v spurious %v", m.Missed, m.Spurious)
	}
	if _, err := ScoreQuotes(gold, nil); err == nil {
		t.Error("nil coder: no error")
	}
}

func TestQuoteReportWrite(t *testing.T) {
	gold, c := smallPredictions(t)
	r, err := ScoreQuotes(gold, c.code)
	if err != nil {
		t.Fatal(err)
	}
	var quiet, loud bytes.Buffer
	if err := r.Write(&quiet, false); err != nil {
		t.Fatal(err)
	}
	if err := r.Write(&loud, true); err != nil {
		t.Fatal(err)
	}
	const last = "direct quotes: recall 0.500 precision 0.667, speaker 0.500"
	for name, out := range map[string]string{"quiet": quiet.String(), "verbose": loud.String()} {
		if !strings.HasSuffix(out, "\n"+last+"\n") {
			t.Errorf("%s: report does not end with %q:\n%s", name, last, out)
		}
		for _, w := range []string{
			"quote evaluation: 3 records, 7 gold attributions (4 direct, 3 indirect), 4 predicted (3 direct, 1 indirect), 1 coder errors",
			"direct quotes (gold direct=true, predicted direct=true):",
			"  quotes (overlap >= 50%)          2         3         4   0.667   0.500   0.571",
			"  speaker accuracy on matched quotes: 0.500 (1/2)",
			"indirect attributions", "all attributions", "definitions:",
		} {
			if !strings.Contains(out, w) {
				t.Errorf("%s: report lacks %q:\n%s", name, w, out)
			}
		}
	}
	if strings.Contains(quiet.String(), "misses") {
		t.Errorf("quiet report lists misses")
	}
	v := loud.String()
	for _, w := range []string{
		"misses (direct quotes):",
		"- frd-1",
		`missed: [`, `"The delay was reportedly “a deliberate insult.”"  speaker=(none)`,
		`wrong speaker: [`, `gold="he" predicted=(none)`,
		`spurious: [`, `"Firefly added"  speaker="Firefly" FRDGOV cue=-`,
		"- line3", "coder error: boom", `speaker="Trentino"`,
	} {
		if !strings.Contains(v, w) {
			t.Errorf("verbose report lacks %q:\n%s", w, v)
		}
	}
	if strings.Contains(v, "- syl-2") {
		t.Errorf("a record with nothing to report is listed")
	}
}

func TestQuoteExcerptTruncates(t *testing.T) {
	text := []rune(strings.Repeat("x", 150) + " tail")
	got := quoteExcerpt(text, [][2]int{{0, 155}})
	if want := "[0,155) \"" + strings.Repeat("x", 100) + "…\""; got != want {
		t.Errorf("excerpt = %q, want %q", got, want)
	}
}

// TestRealQuoteGoldAgainstItself scores the shared PolNeAR dev file with
// its own attributions as predictions: every figure must be 1. It only runs
// where the shared gold is present.
func TestRealQuoteGoldAgainstItself(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "gold", "quotes", "polnear_dev.jsonl")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("shared gold not present (%s): %v", path, err)
	}
	gold := mustLoadQuotes(t, path)
	byID := map[string][]dyad.Quote{}
	for _, g := range gold {
		var qs []dyad.Quote
		for _, q := range g.Quotes {
			pq := dyad.Quote{Start: q.Start, End: q.End, Segments: q.Content, Direct: q.Direct}
			if q.HasSpeaker && len(q.SpeakerSegments) > 0 {
				s := q.SpeakerSegments[0]
				pq.Speaker = &dyad.Speaker{Text: q.Speaker, Start: s[0], End: s[1]}
			}
			if len(q.CueSegments) > 0 {
				s := q.CueSegments[0]
				pq.Cue = &dyad.TextSpan{Text: q.Cue, Start: s[0], End: s[1]}
			}
			qs = append(qs, pq)
		}
		byID[g.ID] = qs
	}
	r, err := ScoreQuotes(gold, func(d dyad.Doc) (dyad.Record, error) { return dyad.Record{Quotes: byID[d.ID]}, nil })
	if err != nil {
		t.Fatal(err)
	}
	for c := range numQuoteClasses {
		s := r.Stats[c]
		if s.Quotes.Gold == 0 || s.Quotes.F1() != 1 || s.SpeakerAccuracy() != 1 || s.Exact.F1() != 1 || s.Cue.F1() != 1 ||
			math.Abs(s.OverlapF1()-1) > 1e-9 {
			t.Errorf("%s: %+v (overlap F1 %v)", c, s, s.OverlapF1())
		}
	}
	if r.Stats[ClassDirect].Summary() != "direct quotes: recall 1.000 precision 1.000, speaker 1.000" {
		t.Errorf("summary = %q", r.Stats[ClassDirect].Summary())
	}
}
