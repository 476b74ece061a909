package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// Words, countries and codes of the randomised stores of these tests.
var (
	rndCountries = strings.Fields("FRD SYL RUR GRN BAN")
	rndSectors   = strings.Fields("GOV MIL OPP")
	rndCodes     = []struct {
		code string
		quad int
		g    float64
	}{{"040", 1, 1}, {"042", 1, 1.9}, {"0233", 1, 3.4}, {"111", 3, -2}, {"173", 4, -5}, {"195", 4, -10}}
	rndWords = strings.Fields("harvest river summit ferry lantern")
)

// randomDocs makes n documents of up to 4 events with random actors, codes
// and dates (some undated, some actors missing), many of them repeating
// an event of another (same date, actors and code) from another source.
func randomDocs(r *rand.Rand, n int) []dyad.StoredDoc {
	var docs []dyad.StoredDoc
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	actorCode := func() string {
		switch r.IntN(8) {
		case 0:
			return ""
		case 1, 2:
			return pick(rndCountries)
		}
		return pick(rndCountries) + pick(rndSectors)
	}
	for i := range n {
		date := ""
		if r.IntN(10) > 0 {
			date = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(70)).Format("2006-01-02")
		}
		var sents []string
		var events []dyad.Event
		for j := range 1 + r.IntN(4) {
			c := rndCodes[r.IntN(len(rndCodes))]
			sents = append(sents, fmt.Sprintf("Item %d %d tells of the %s and the %s.", i, j, pick(rndWords), pick(rndWords)))
			events = append(events, ev(actorCode(), actorCode(), c.code, c.quad, c.g, j))
		}
		docs = append(docs, mkdoc(fmt.Sprintf("r%d", i), "", fmt.Sprintf("Outlet %d", r.IntN(3)), date, "", sents, events, nil))
	}
	return docs
}

// randomFilter makes a filter of the kinds the API takes.
func randomFilter(r *rand.Rand) dyad.EventFilter {
	var f dyad.EventFilter
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	switch r.IntN(4) {
	case 0:
		f.Source = pick(rndCountries)
	case 1:
		f.Source = pick(rndCountries) + pick(rndSectors)
	}
	switch r.IntN(4) {
	case 0:
		f.Target = pick(rndCountries)
	case 1:
		f.Target = strings.ToLower(pick(rndCountries) + pick(rndSectors))
	}
	c := rndCodes[r.IntN(len(rndCodes))]
	switch r.IntN(5) {
	case 0:
		f.Code = c.code
	case 1:
		f.Root = c.code[:2]
	case 2:
		f.Quad = c.quad
	}
	if r.IntN(2) == 0 {
		from := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(60))
		f.From = from.Format("2006-01-02")
		if r.IntN(3) > 0 {
			f.To = from.AddDate(0, 0, r.IntN(30)).Format("2006-01-02")
		}
	} else if r.IntN(4) == 0 {
		f.To = "2024-02-01"
	}
	if r.IntN(5) == 0 {
		f.Q = pick(rndWords)
	}
	if r.IntN(10) == 0 {
		f.Doc = fmt.Sprintf("r%d", r.IntN(50))
	}
	f.Limit = 1 + r.IntN(30)
	if r.IntN(3) == 0 {
		f.Offset = r.IntN(40)
	}
	return f
}

// refEvents is the SQL query Events answered before the in-memory index:
// the reference the index must agree with.
func refEvents(t *testing.T, db *sql.DB, f dyad.EventFilter) ([]int64, int) {
	t.Helper()
	limit, offset := limits(&f)
	w := eventWhere(&f, f.Q)
	var total int
	if err := db.QueryRow(`SELECT count(*) FROM events e`+w.String(), w.args...).Scan(&total); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`SELECT e.id FROM events e`+w.String()+` ORDER BY e.date DESC, e.id DESC LIMIT ? OFFSET ?`, append(w.args, limit, offset)...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids, total
}

// refDyads is the SQL query Dyads answered before the in-memory index.
func refDyads(t *testing.T, db *sql.DB, f dyad.DyadFilter) []dyad.DyadCount {
	t.Helper()
	period, err := periodExpr("date", f.Interval)
	if err != nil {
		t.Fatal(err)
	}
	var from string
	var w *where
	if f.Doc == "" && f.Q == "" {
		w = &where{}
		w.common("", &f.EventFilter)
		from = "event_groups"
	} else {
		w = eventWhere(&f.EventFilter, f.Q)
		from = "(SELECT DISTINCT g.* FROM events e JOIN event_groups g ON g.id = e.grp" + w.String() + ")"
		w = &where{args: w.args}
	}
	w.add("src_country <> '' AND tgt_country <> ''")
	if f.Interval != "" {
		w.add("date <> ''")
	}
	rows, err := db.Query(`SELECT src_country, tgt_country, `+period+` AS period, count(*), total(goldstein) FROM `+from+w.String()+`
GROUP BY src_country, tgt_country, period ORDER BY period, count(*) DESC, src_country, tgt_country`, w.args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []dyad.DyadCount
	for rows.Next() {
		var d dyad.DyadCount
		if err := rows.Scan(&d.Source, &d.Target, &d.Period, &d.Count, &d.Goldstein); err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

// TestIndexMatchesSQL checks Events and Dyads, answered through the
// in-memory index, against the plain SQL queries, for random filters over
// a random store that grows between the checks.
func TestIndexMatchesSQL(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(3, 4))
	docs := randomDocs(r, 600)
	for round, batch := range [][]dyad.StoredDoc{docs[:200], docs[200:450], docs[450:]} {
		if _, err := s.Put(ctx, batch); err != nil {
			t.Fatal(err)
		}
		for i := range 150 {
			f := randomFilter(r)
			name := fmt.Sprintf("round %d filter %d %+v", round, i, f)
			got, total, err := s.Events(ctx, f)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			wantIDs, wantTotal := refEvents(t, s.DB(), f)
			var gotIDs []int64
			for _, e := range got {
				gotIDs = append(gotIDs, e.ID)
			}
			if total != wantTotal || !reflect.DeepEqual(gotIDs, wantIDs) {
				t.Errorf("%s: events %v total %d, want %v total %d", name, gotIDs, total, wantIDs, wantTotal)
			}
			df := dyad.DyadFilter{EventFilter: f, Interval: []string{"", "day", "week", "month"}[r.IntN(4)]}
			gotD, err := s.Dyads(ctx, df)
			if err != nil {
				t.Fatalf("%s: dyads: %v", name, err)
			}
			wantD := refDyads(t, s.DB(), df)
			if len(gotD) != len(wantD) {
				t.Errorf("%s %s: %d dyads, want %d", name, df.Interval, len(gotD), len(wantD))
				continue
			}
			for j := range gotD {
				a, b := gotD[j], wantD[j]
				if a.Source != b.Source || a.Target != b.Target || a.Period != b.Period || a.Count != b.Count || math.Abs(a.Goldstein-b.Goldstein) > 1e-9 {
					t.Errorf("%s %s: dyad %d %+v, want %+v", name, df.Interval, j, a, b)
					break
				}
			}
		}
	}
}

// TestIndexFollowsWrites checks that Events sees what later Puts add, of
// this Store and of another one on the same file (another process), and
// the counts of mentions they change.
func TestIndexFollowsWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "follow.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	one := []dyad.Event{ev("FRDGOV", "SYLGOV", "040", 1, 1, 0)}
	put := func(st *Store, id, source string) {
		t.Helper()
		d := mkdoc(id, "", source, "2024-05-01", "", []string{"The cabinets talked about " + id + "."}, one, nil)
		if _, err := st.Put(ctx, []dyad.StoredDoc{d}); err != nil {
			t.Fatal(err)
		}
	}
	check := func(wantTotal, wantMentions, wantSources int) {
		t.Helper()
		evs, total, err := s.Events(ctx, dyad.EventFilter{Source: "FRD"})
		if err != nil {
			t.Fatal(err)
		}
		if total != wantTotal || len(evs) != wantTotal || evs[0].NumMentions != wantMentions || evs[0].NumSources != wantSources {
			t.Fatalf("total %d, %d events, first %+v; want %d, mentions %d sources %d", total, len(evs), evs, wantTotal, wantMentions, wantSources)
		}
	}
	put(s, "x1", "Outlet A")
	check(1, 1, 1)
	put(s, "x2", "Outlet B")
	check(2, 2, 2)
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	put(other, "x3", "Outlet B")
	time.Sleep(2 * staleAfter)
	check(3, 3, 2)
}

// TestUpgradeFrom1 checks that a store of schema version 1 holding data
// is upgraded and answers as before: the store is written, then put back
// to version 1 (its dropped indexes made again).
func TestUpgradeFrom1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	ctx := context.Background()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(5, 6))
	if _, err := s.Put(ctx, randomDocs(r, 80)); err != nil {
		t.Fatal(err)
	}
	f := dyad.EventFilter{Source: "FRD", Limit: 1000}
	want, wantTotal, err := s.Events(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	wantD, err := s.Dyads(ctx, dyad.DyadFilter{EventFilter: f, Interval: "week"})
	if err != nil {
		t.Fatal(err)
	}
	// Back to version 1.
	for _, q := range []string{
		`CREATE INDEX events_code ON events(code, date)`, `CREATE INDEX events_quad ON events(quad, date)`,
		`CREATE INDEX events_src_country ON events(src_country, date)`, `CREATE INDEX events_tgt_country ON events(tgt_country, date)`,
		`CREATE INDEX groups_src ON event_groups(src_country, tgt_country, date)`, `CREATE INDEX groups_tgt ON event_groups(tgt_country, date)`,
		`DELETE FROM schema_version WHERE version > 1`,
	} {
		if _, err := s.DB().Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.Version(ctx); v != SchemaVersion() {
		t.Errorf("version %d after the upgrade, want %d", v, SchemaVersion())
	}
	var n int
	s.DB().QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('events_code', 'events_quad', 'events_src_country', 'events_tgt_country', 'groups_src', 'groups_tgt')`).Scan(&n)
	if n != 0 {
		t.Errorf("%d dropped indexes remain", n)
	}
	got, gotTotal, err := s.Events(ctx, f)
	if err != nil || gotTotal != wantTotal || !reflect.DeepEqual(got, want) {
		t.Errorf("events after the upgrade: %d, %v; want %d", gotTotal, err, wantTotal)
	}
	gotD, err := s.Dyads(ctx, dyad.DyadFilter{EventFilter: f, Interval: "week"})
	if err != nil || !reflect.DeepEqual(gotD, wantD) {
		t.Errorf("dyads after the upgrade: %v, %v; want %v", gotD, err, wantD)
	}
}

// TestConcurrentQueries runs Events and Dyads while documents are put (for
// the race detector) and checks that every answer is consistent: the page
// is no larger than the total and the total never shrinks.
func TestConcurrentQueries(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	docs := randomDocs(rand.New(rand.NewPCG(7, 8)), 300)
	done := make(chan struct{})
	errs := make(chan error, 4)
	for w := range 3 {
		go func() {
			r := rand.New(rand.NewPCG(uint64(w), 9))
			last := 0
			for {
				select {
				case <-done:
					errs <- nil
					return
				default:
				}
				evs, total, err := s.Events(ctx, dyad.EventFilter{Limit: 20})
				if err == nil && (len(evs) > total || total < last) {
					err = fmt.Errorf("%d events, total %d after %d", len(evs), total, last)
				}
				if err == nil {
					last = total
					_, err = s.Dyads(ctx, dyad.DyadFilter{EventFilter: randomFilter(r), Interval: "week"})
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for i := 0; i < len(docs); i += 30 {
		if _, err := s.Put(ctx, docs[i:i+30]); err != nil {
			t.Fatal(err)
		}
	}
	close(done)
	for range 3 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestWarm(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if n, err := s.Warm(ctx); err != nil || n != 0 {
		t.Fatalf("Warm on an empty store = %d, %v", n, err)
	}
	r := rand.New(rand.NewPCG(5, 6))
	if _, err := s.Put(ctx, randomDocs(r, 40)); err != nil {
		t.Fatal(err)
	}
	var want int
	if err := s.DB().QueryRow(`SELECT count(*) FROM events`).Scan(&want); err != nil {
		t.Fatal(err)
	}
	if want == 0 {
		t.Fatal("the random documents hold no events")
	}
	n, err := s.Warm(ctx)
	if err != nil || n != want {
		t.Errorf("Warm = %d, %v; want %d events", n, err, want)
	}
}
