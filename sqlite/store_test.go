package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/bench"
)

func openTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func actor(code, text string) *dyad.Actor {
	return &dyad.Actor{Text: text, Code: code, Country: dyad.OptString(code[:3])}
}

// ev is a test event: source, target, code, root, quad, goldstein, sentence.
func ev(src, tgt, code string, quad int, g float64, sent int) dyad.Event {
	e := dyad.Event{Sentence: sent, Code: code, Root: code[:2], QuadClass: quad, Goldstein: g}
	if src != "" {
		e.Source = actor(src, strings.ToLower(src)+" people")
	}
	if tgt != "" {
		e.Target = actor(tgt, strings.ToLower(tgt)+" folk")
	}
	return e
}

// mkdoc builds a stored document whose sentences are the given texts.
func mkdoc(id, url, source, date, title string, sents []string, events []dyad.Event, quotes []dyad.Quote) dyad.StoredDoc {
	text := strings.Join(sents, " ")
	var ss []dyad.Sentence
	pos := 0
	for _, s := range sents {
		ss = append(ss, dyad.Sentence{Start: pos, End: pos + len([]rune(s))})
		pos += len([]rune(s)) + 1
	}
	doc := dyad.Doc{ID: id, Text: text, Date: date, Source: source, URL: url, Title: title}
	rec := dyad.Record{Doc: dyad.DocInfo{ID: id, Date: dyad.OptString(date), Source: dyad.OptString(source), URL: dyad.OptString(url)},
		Sentences: ss, Events: events, Quotes: quotes, Entities: []dyad.Entity{}, Places: []dyad.Place{}}
	return dyad.StoredDoc{Doc: doc, Record: rec}
}

// fixture is a small store: Freedonia (FRD), Sylvania (SYL), Ruritania
// (RUR), over three months.
func fixture(t *testing.T) *Store {
	s := openTest(t)
	docs := []dyad.StoredDoc{
		mkdoc("a", "http://news.example/a", "Daily Bugle", "2024-01-03", "",
			[]string{"Freedonia's army shelled Sylvanian border posts overnight.", "The Sylvanian foreign office condemned the shelling."},
			[]dyad.Event{ev("FRDMIL", "SYLMIL", "195", 4, -10, 0), ev("SYLGOV", "FRDMIL", "111", 3, -2, 1)},
			[]dyad.Quote{{Text: "We will answer this provocation", Direct: true, Speaker: &dyad.Speaker{Text: "the minister", Code: "SYLGOV"}}}),
		mkdoc("b", "", "Morning Star", "2024-01-10", "",
			[]string{"Ruritanian envoys met the Freedonian cabinet to discuss grain."},
			[]dyad.Event{ev("RURGOV", "FRDGOV", "040", 1, 1, 0)},
			[]dyad.Quote{{Text: "Grain must flow again", Direct: true, Speaker: &dyad.Speaker{Text: "an envoy", Code: "RURGOV"}}}),
		mkdoc("c", "", "Morning Star", "2024-02-20", "",
			[]string{"Sylvania promised humanitarian aid to Ruritanian farmers."},
			[]dyad.Event{ev("SYL", "RURAGR", "0233", 1, 3.4, 0)}, nil),
		mkdoc("d", "", "Daily Bugle", "2024-03-05", "",
			[]string{"Freedonian police arrested protesters near the palace."},
			[]dyad.Event{ev("FRDCOP", "FRDOPP", "173", 4, -5, 0)}, nil),
	}
	if n, err := s.Put(context.Background(), docs); err != nil || n != 4 {
		t.Fatalf("Put: %d, %v", n, err)
	}
	return s
}

func TestMigrations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	for range 2 { // from empty, then again on an up-to-date database
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		v, err := s.Version(context.Background())
		if err != nil || v != SchemaVersion() || v < 1 {
			t.Errorf("version %d, %v; want %d", v, err, SchemaVersion())
		}
		var mode string
		s.DB().QueryRow(`PRAGMA journal_mode`).Scan(&mode)
		if mode != "wal" {
			t.Errorf("journal_mode %q", mode)
		}
		s.Close()
	}
	s, _ := Open(path)
	s.DB().Exec(`INSERT INTO schema_version(version) VALUES (999)`)
	s.Close()
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("a newer schema opened: %v", err)
	}
}

func TestPutIdempotent(t *testing.T) {
	tests := []struct {
		name      string
		first     []dyad.StoredDoc
		second    []dyad.StoredDoc
		wantAdded [2]int
		wantDocs  int
	}{
		{"same docs twice",
			[]dyad.StoredDoc{mkdoc("x", "", "", "2024-01-01", "", []string{"One thing happened."}, nil, nil), mkdoc("y", "", "", "2024-01-01", "", []string{"Another thing."}, nil, nil)},
			[]dyad.StoredDoc{mkdoc("x", "", "", "2024-01-01", "", []string{"One thing happened."}, nil, nil), mkdoc("y", "", "", "2024-01-01", "", []string{"Another thing."}, nil, nil)},
			[2]int{2, 0}, 2},
		{"URL identity: same URL, new text",
			[]dyad.StoredDoc{mkdoc("x", "http://e.example/1", "", "", "", []string{"First version."}, nil, nil)},
			[]dyad.StoredDoc{mkdoc("x2", "http://e.example/1", "", "", "", []string{"Edited version."}, nil, nil)},
			[2]int{1, 0}, 1},
		{"hash identity: same text, other id",
			[]dyad.StoredDoc{mkdoc("p/a.txt", "", "", "", "", []string{"Same words."}, nil, nil)},
			[]dyad.StoredDoc{mkdoc("q/a.txt", "", "", "", "", []string{"Same words."}, nil, nil)},
			[2]int{1, 0}, 1},
		{"same id, other text: renamed",
			[]dyad.StoredDoc{mkdoc("a.txt", "", "", "", "", []string{"Words here."}, nil, nil)},
			[]dyad.StoredDoc{mkdoc("a.txt", "", "", "", "", []string{"Other words."}, nil, nil)},
			[2]int{1, 1}, 2},
		{"duplicate inside one call",
			[]dyad.StoredDoc{mkdoc("a", "", "", "", "", []string{"Twice."}, nil, nil), mkdoc("b", "", "", "", "", []string{"Twice."}, nil, nil)},
			nil, [2]int{1, 0}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			for i, batch := range [][]dyad.StoredDoc{tt.first, tt.second} {
				n, err := s.Put(context.Background(), batch)
				if err != nil || n != tt.wantAdded[i] {
					t.Errorf("Put %d: %d, %v; want %d", i+1, n, err, tt.wantAdded[i])
				}
			}
			st, _ := s.Stats(context.Background())
			if st.Docs != tt.wantDocs {
				t.Errorf("%d docs, want %d", st.Docs, tt.wantDocs)
			}
		})
	}
}

func TestEventsFilters(t *testing.T) {
	s := fixture(t)
	tests := []struct {
		name  string
		f     dyad.EventFilter
		codes []string // expected event codes, in order
		total int
	}{
		{"all, newest first", dyad.EventFilter{}, []string{"173", "0233", "040", "111", "195"}, 5},
		{"source country", dyad.EventFilter{Source: "FRD"}, []string{"173", "195"}, 2},
		{"source country lower case", dyad.EventFilter{Source: "frd"}, []string{"173", "195"}, 2},
		{"source full code", dyad.EventFilter{Source: "FRDMIL"}, []string{"195"}, 1},
		{"target country", dyad.EventFilter{Target: "FRD"}, []string{"173", "040", "111"}, 3},
		{"target full code", dyad.EventFilter{Target: "RURAGR"}, []string{"0233"}, 1},
		{"code", dyad.EventFilter{Code: "040"}, []string{"040"}, 1},
		{"root", dyad.EventFilter{Root: "02"}, []string{"0233"}, 1},
		{"quad", dyad.EventFilter{Quad: 4}, []string{"173", "195"}, 2},
		{"from", dyad.EventFilter{From: "2024-02-01"}, []string{"173", "0233"}, 2},
		{"to", dyad.EventFilter{To: "2024-01-03"}, []string{"111", "195"}, 2},
		{"doc", dyad.EventFilter{Doc: "a"}, []string{"111", "195"}, 2},
		{"full text", dyad.EventFilter{Q: "grain"}, []string{"040"}, 1},
		{"full text phrase", dyad.EventFilter{Q: `"border posts"`}, []string{"195"}, 1},
		{"full text bad syntax", dyad.EventFilter{Q: `humanitarian "aid`}, []string{"0233"}, 1},
		{"paging", dyad.EventFilter{Limit: 2, Offset: 1}, []string{"0233", "040"}, 5},
		{"past the end", dyad.EventFilter{Offset: 10}, nil, 5},
		{"nothing", dyad.EventFilter{Source: "XXX"}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, total, err := s.Events(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var codes []string
			for _, e := range evs {
				codes = append(codes, e.Code)
			}
			if fmt.Sprint(codes) != fmt.Sprint(tt.codes) || total != tt.total {
				t.Errorf("got %v (total %d), want %v (total %d)", codes, total, tt.codes, tt.total)
			}
		})
	}
	evs, _, _ := s.Events(context.Background(), dyad.EventFilter{Code: "195"})
	if len(evs) != 1 || evs[0].DocID != "a" || evs[0].URL != "http://news.example/a" || evs[0].Date != "2024-01-03" ||
		!strings.Contains(evs[0].Text, "shelled") || evs[0].Source == nil || evs[0].Source.Code != "FRDMIL" ||
		evs[0].NumMentions != 1 || evs[0].NumSources != 1 {
		t.Errorf("stored event: %+v", evs)
	}
}

func TestLimits(t *testing.T) {
	tests := []struct{ limit, want int }{{0, DefaultLimit}, {-1, DefaultLimit}, {5, 5}, {5000, MaxLimit}}
	for _, tt := range tests {
		if got, _ := limits(&dyad.EventFilter{Limit: tt.limit}); got != tt.want {
			t.Errorf("limit %d → %d, want %d", tt.limit, got, tt.want)
		}
	}
}

func TestDyads(t *testing.T) {
	s := fixture(t)
	tests := []struct {
		name string
		f    dyad.DyadFilter
		want string
	}{
		{"total", dyad.DyadFilter{},
			"FRD>FRD  1 -5|FRD>SYL  1 -10|RUR>FRD  1 1|SYL>FRD  1 -2|SYL>RUR  1 3.4|"},
		{"day", dyad.DyadFilter{Interval: "day", EventFilter: dyad.EventFilter{Source: "FRD"}},
			"FRD>SYL 2024-01-03 1 -10|FRD>FRD 2024-03-05 1 -5|"},
		{"week starts on Monday", dyad.DyadFilter{Interval: "week", EventFilter: dyad.EventFilter{Source: "FRD"}},
			"FRD>SYL 2024-01-01 1 -10|FRD>FRD 2024-03-04 1 -5|"},
		{"month", dyad.DyadFilter{Interval: "month", EventFilter: dyad.EventFilter{To: "2024-01-31"}},
			"FRD>SYL 2024-01-01 1 -10|RUR>FRD 2024-01-01 1 1|SYL>FRD 2024-01-01 1 -2|"},
		{"full text", dyad.DyadFilter{EventFilter: dyad.EventFilter{Q: "grain"}}, "RUR>FRD  1 1|"},
		{"doc", dyad.DyadFilter{EventFilter: dyad.EventFilter{Doc: "a"}}, "FRD>SYL  1 -10|SYL>FRD  1 -2|"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, err := s.Dyads(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, d := range ds {
				fmt.Fprintf(&b, "%s>%s %s %d %g|", d.Source, d.Target, d.Period, d.Count, d.Goldstein)
			}
			if b.String() != tt.want {
				t.Errorf("got  %s\nwant %s", b.String(), tt.want)
			}
		})
	}
	if _, err := s.Dyads(context.Background(), dyad.DyadFilter{Interval: "year"}); err == nil {
		t.Error("interval year accepted")
	}
}

func TestActorsQuotesDoc(t *testing.T) {
	s := fixture(t)
	ctx := context.Background()
	as, err := s.Actors(ctx, dyad.EventFilter{Source: "FRD"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range as {
		got = append(got, fmt.Sprintf("%s:%s:%s:%d/%d", a.Code, a.Country, a.Name, a.Source, a.Target))
	}
	want := "[FRDCOP:FRD:frdcop people:1/0 FRDMIL:FRD:frdmil folk:1/0 FRDOPP:FRD:frdopp folk:0/1 SYLMIL:SYL:sylmil folk:0/1]"
	if fmt.Sprint(got) != want {
		t.Errorf("actors %v\nwant %s", got, want)
	}

	tests := []struct {
		f     dyad.EventFilter
		texts string
	}{
		{dyad.EventFilter{}, "[Grain must flow again We will answer this provocation]"},
		{dyad.EventFilter{Source: "SYL"}, "[We will answer this provocation]"},
		{dyad.EventFilter{Source: "RURGOV"}, "[Grain must flow again]"},
		{dyad.EventFilter{Q: "provocation"}, "[We will answer this provocation]"},
		{dyad.EventFilter{Doc: "b"}, "[Grain must flow again]"},
		{dyad.EventFilter{From: "2024-02-01"}, "[]"},
	}
	for _, tt := range tests {
		qs, total, err := s.Quotes(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, q := range qs {
			texts = append(texts, q.Text)
		}
		if fmt.Sprint(texts) != tt.texts || total != len(texts) {
			t.Errorf("quotes %+v: %v (%d), want %s", tt.f, texts, total, tt.texts)
		}
	}

	d, ok, err := s.Doc(ctx, "a")
	if err != nil || !ok || d.Doc.URL != "http://news.example/a" || len(d.Record.Events) != 2 || d.Record.Events[1].Code != "111" ||
		len(d.Record.Quotes) != 1 || len(d.Record.Sentences) != 2 || d.Hash != Hash(d.Doc.Text) {
		t.Errorf("Doc a: %v %v %+v", ok, err, d)
	}
	if _, ok, err := s.Doc(ctx, "nope"); ok || err != nil {
		t.Errorf("Doc nope: %v %v", ok, err)
	}
}

func TestDuplicatesAndMentions(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	story := []string{
		"Freedonian troops crossed into Sylvania early on Tuesday, officials in the capital said.",
		"The Sylvanian government called the move a grave violation of its borders and recalled its ambassador.",
		"Witnesses reported columns of armoured vehicles moving along the river road toward the mill towns.",
	}
	rewritten := append([]string{"FREEDONIA CITY (Wire) -"}, story...)
	events := func() []dyad.Event {
		return []dyad.Event{ev("FRDMIL", "SYL", "190", 4, -10, 0), ev("SYLGOV", "FRDMIL", "111", 3, -2, 1)}
	}
	docs := []dyad.StoredDoc{
		mkdoc("w1", "http://wire.example/1", "Wire", "2024-05-07", "Troops cross the Sylvanian border", story, events(), nil),
		// the same story from another outlet, with a dateline: near-duplicate by text
		mkdoc("w2", "http://paper.example/x", "Paper", "2024-05-07", "", rewritten, events(), nil),
		// same title, other words, next day, same source as w1: duplicate by title
		mkdoc("w3", "http://wire.example/2", "Wire", "2024-05-08", "Troops cross the Sylvanian border!",
			[]string{"Freedonia denied any incursion.", "Its army said exercises were under way."}, []dyad.Event{ev("FRDMIL", "SYL", "190", 4, -10, 0)}, nil),
		// unrelated story, same date: reports the same event once more, twice in one document
		mkdoc("w4", "", "Herald", "2024-05-07", "", []string{"Markets fell sharply in the Sylvanian capital.", "An invasion began, traders said, as Freedonian troops advanced."},
			[]dyad.Event{ev("FRDMIL", "SYL", "190", 4, -10, 0), ev("FRDMIL", "SYL", "190", 4, -10, 1)}, nil),
	}
	if _, err := s.Put(ctx, docs[:2]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, docs[2:]); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ id, dupOf string }{{"w1", ""}, {"w2", "w1"}, {"w3", "w1"}, {"w4", ""}} {
		d, ok, err := s.Doc(ctx, tt.id)
		if err != nil || !ok || d.DupOf != tt.dupOf {
			t.Errorf("%s: dup_of %q, want %q (%v %v)", tt.id, d.DupOf, tt.dupOf, ok, err)
		}
	}
	evs, total, err := s.Events(ctx, dyad.EventFilter{Code: "190"})
	if err != nil || total != 5 {
		t.Fatalf("190 events: %d, %v", total, err)
	}
	for _, e := range evs {
		want := [2]int{3, 3} // w1, w2, w4 on 2024-05-07: Wire, Paper, Herald
		if e.Date == "2024-05-08" {
			want = [2]int{1, 1}
		}
		if e.NumMentions != want[0] || e.NumSources != want[1] {
			t.Errorf("%s %s: mentions %d sources %d, want %v", e.DocID, e.Date, e.NumMentions, e.NumSources, want)
		}
	}
	ds, err := s.Dyads(ctx, dyad.DyadFilter{EventFilter: dyad.EventFilter{Code: "190"}})
	if err != nil || len(ds) != 1 || ds[0].Count != 2 || ds[0].Goldstein != -20 {
		t.Errorf("dyads count reports, not events: %+v %v", ds, err)
	}
	as, _ := s.Actors(ctx, dyad.EventFilter{Code: "111"})
	if len(as) != 2 || as[0].Source+as[0].Target != 1 {
		t.Errorf("actors count reports, not events: %+v", as)
	}
}

func TestSimhashNearDuplicates(t *testing.T) {
	c := bench.Generate(200, 3)
	sims := make([]uint64, len(c.Docs))
	for i, d := range c.Docs {
		sims[i], _ = simhash([]string{d.Text})
	}
	// Unrelated generated stories are far apart.
	close := 0
	for i := range sims {
		for j := i + 1; j < len(sims); j++ {
			if popcount(sims[i]^sims[j]) <= simhashMaxDistance {
				close++
			}
		}
	}
	if close > 0 {
		t.Errorf("%d pairs of unrelated documents within %d bits", close, simhashMaxDistance)
	}
	// A long story with one word changed stays close (the store hashes the
	// coded sentences, so datelines and trailers do not count).
	long := 0
	for i, n := range c.Sentences {
		if n > c.Sentences[long] {
			long = i
		}
	}
	d := c.Docs[long].Text
	a, _ := simhash([]string{d})
	i := strings.LastIndex(d, " the ")
	if i < 0 {
		t.Skip("no word to change")
	}
	b, _ := simhash([]string{d[:i] + " a " + d[i+5:]})
	if popcount(a^b) > simhashMaxDistance {
		t.Errorf("copy with one word changed is %d bits away", popcount(a^b))
	}
}

func popcount(x uint64) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}
