// Package memstore is a dyad.Store held in memory: every query scans all
// events. It serves tests and small demonstrations of the HTTP API; the
// event database proper is package sqlite.
package memstore

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad"
)

// DefaultLimit is the page size when a filter's Limit is 0.
const DefaultLimit = 100

// Store is an in-memory dyad.Store, safe for concurrent use.
type Store struct {
	mu     sync.RWMutex
	docs   []dyad.StoredDoc
	byID   map[string]int
	seen   map[string]bool // URLs and content hashes
	events []dyad.StoredEvent
	quotes []dyad.StoredQuote
}

// New returns an empty store.
func New() *Store {
	return &Store{byID: map[string]int{}, seen: map[string]bool{}}
}

var _ dyad.Store = (*Store)(nil)

// Put adds the documents not stored yet (same URL, else same text hash).
func (s *Store) Put(ctx context.Context, docs []dyad.StoredDoc) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	added := 0
	for _, d := range docs {
		if d.Hash == "" {
			sum := sha256.Sum256([]byte(d.Doc.Text))
			d.Hash = hex.EncodeToString(sum[:])
		}
		key := "hash:" + d.Hash
		if d.Doc.URL != "" {
			key = "url:" + d.Doc.URL
		}
		if s.seen[key] {
			continue
		}
		if _, dup := s.byID[d.Doc.ID]; dup {
			continue
		}
		s.seen[key] = true
		s.byID[d.Doc.ID] = len(s.docs)
		s.docs = append(s.docs, d)
		added++
		runes := []rune(d.Doc.Text)
		for _, e := range d.Record.Events {
			se := dyad.StoredEvent{Event: e, ID: int64(len(s.events) + 1), DocID: d.Doc.ID, Date: d.Doc.Date}
			if e.Sentence >= 0 && e.Sentence < len(d.Record.Sentences) {
				sen := d.Record.Sentences[e.Sentence]
				if sen.Start >= 0 && sen.Start <= sen.End && sen.End <= len(runes) {
					se.Text = string(runes[sen.Start:sen.End])
				}
			}
			s.events = append(s.events, se)
		}
		for _, q := range d.Record.Quotes {
			s.quotes = append(s.quotes, dyad.StoredQuote{Quote: q, DocID: d.Doc.ID, Date: d.Doc.Date})
		}
	}
	return added, nil
}

// actorMatches reports whether a passes a source or target filter: a
// country (3 letters) matches the actor's country or code, a longer value
// the code.
func actorMatches(a *dyad.Actor, want string) bool {
	if want == "" {
		return true
	}
	if a == nil {
		return false
	}
	if len(want) == 3 && string(a.Country) == want {
		return true
	}
	return a.Code == want
}

// textMatches reports whether every word of q appears in text, ignoring case.
func textMatches(text, q string) bool {
	if q == "" {
		return true
	}
	lower := strings.ToLower(text)
	for _, w := range strings.Fields(strings.ToLower(q)) {
		if !strings.Contains(lower, strings.Trim(w, `"*`)) {
			return false
		}
	}
	return true
}

func (s *Store) match(e *dyad.StoredEvent, f dyad.EventFilter) bool {
	return actorMatches(e.Source, f.Source) && actorMatches(e.Target, f.Target) &&
		(f.Code == "" || e.Code == f.Code) && (f.Root == "" || e.Root == f.Root) &&
		(f.Quad == 0 || e.QuadClass == f.Quad) && (f.From == "" || e.Date >= f.From) &&
		(f.To == "" || e.Date != "" && e.Date <= f.To) && (f.Doc == "" || e.DocID == f.Doc) &&
		textMatches(e.Text, f.Q)
}

func (s *Store) filtered(f dyad.EventFilter) []dyad.StoredEvent {
	var out []dyad.StoredEvent
	for i := range s.events {
		if s.match(&s.events[i], f) {
			out = append(out, s.events[i])
		}
	}
	return out
}

func page[T any](list []T, f dyad.EventFilter) []T {
	limit := f.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	if f.Offset >= len(list) {
		return []T{}
	}
	list = list[f.Offset:]
	return list[:min(limit, len(list))]
}

func code(a *dyad.Actor) string {
	if a == nil {
		return ""
	}
	return a.Code
}

// Events returns the matching events, newest first.
func (s *Store) Events(ctx context.Context, f dyad.EventFilter) ([]dyad.StoredEvent, int, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	list := s.filtered(f)
	slices.SortStableFunc(list, func(a, b dyad.StoredEvent) int {
		return cmp.Or(cmp.Compare(b.Date, a.Date), cmp.Compare(a.ID, b.ID))
	})
	total := len(list)
	list = slices.Clone(page(list, f))
	for i := range list {
		e := &list[i]
		sources := map[string]bool{}
		for j := range s.events {
			o := &s.events[j]
			if o.Date == e.Date && o.Code == e.Code && code(o.Source) == code(e.Source) && code(o.Target) == code(e.Target) {
				e.NumMentions++
				sources[s.docs[s.byID[o.DocID]].Doc.Source] = true
			}
		}
		e.NumSources = len(sources)
	}
	return list, total, nil
}

// period returns the first day of the interval date falls in.
func period(date, interval string) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return ""
	}
	switch interval {
	case "week":
		t = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	case "month":
		t = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	case "":
		return ""
	}
	return t.Format("2006-01-02")
}

// Dyads counts events per source and target country (and period).
func (s *Store) Dyads(ctx context.Context, f dyad.DyadFilter) ([]dyad.DyadCount, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	counts := map[[3]string]*dyad.DyadCount{}
	for _, e := range s.filtered(f.EventFilter) {
		if e.Source == nil || e.Target == nil || e.Source.Country == "" || e.Target.Country == "" {
			continue
		}
		k := [3]string{string(e.Source.Country), string(e.Target.Country), period(e.Date, f.Interval)}
		c := counts[k]
		if c == nil {
			c = &dyad.DyadCount{Source: k[0], Target: k[1], Period: k[2]}
			counts[k] = c
		}
		c.Count++
		c.Goldstein += e.Goldstein
	}
	out := make([]dyad.DyadCount, 0, len(counts))
	for _, c := range counts {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b dyad.DyadCount) int {
		return cmp.Or(cmp.Compare(a.Period, b.Period), cmp.Compare(b.Count, a.Count),
			cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	})
	return out, nil
}

// Actors counts events per actor code, most frequent first.
func (s *Store) Actors(ctx context.Context, f dyad.EventFilter) ([]dyad.ActorCount, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	counts := map[string]*dyad.ActorCount{}
	add := func(a *dyad.Actor, source bool) {
		if a == nil || a.Code == "" {
			return
		}
		c := counts[a.Code]
		if c == nil {
			c = &dyad.ActorCount{Code: a.Code, Name: a.Text, Country: string(a.Country)}
			counts[a.Code] = c
		}
		if source {
			c.Source++
		} else {
			c.Target++
		}
	}
	for _, e := range s.filtered(dyad.EventFilter{Code: f.Code, Root: f.Root, Quad: f.Quad, From: f.From, To: f.To, Q: f.Q, Doc: f.Doc,
		Source: f.Source, Target: f.Target}) {
		add(e.Source, true)
		add(e.Target, false)
	}
	out := make([]dyad.ActorCount, 0, len(counts))
	for _, c := range counts {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b dyad.ActorCount) int {
		return cmp.Or(cmp.Compare(b.Source+b.Target, a.Source+a.Target), cmp.Compare(a.Code, b.Code))
	})
	return page(out, f), nil
}

// Quotes returns the matching quotations, newest first.
func (s *Store) Quotes(ctx context.Context, f dyad.EventFilter) ([]dyad.StoredQuote, int, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	var list []dyad.StoredQuote
	for _, q := range s.quotes {
		speaker := ""
		if q.Speaker != nil {
			speaker = string(q.Speaker.Code)
		}
		if (f.Doc == "" || q.DocID == f.Doc) && (f.From == "" || q.Date >= f.From) &&
			(f.To == "" || q.Date != "" && q.Date <= f.To) && textMatches(q.Text, f.Q) &&
			(f.Source == "" || speaker == f.Source || len(f.Source) == 3 && strings.HasPrefix(speaker, f.Source)) {
			list = append(list, q)
		}
	}
	slices.SortStableFunc(list, func(a, b dyad.StoredQuote) int { return cmp.Compare(b.Date, a.Date) })
	return page(list, f), len(list), nil
}

// Doc returns the stored document with the given id.
func (s *Store) Doc(ctx context.Context, id string) (dyad.StoredDoc, bool, error) {
	if err := ctx.Err(); err != nil {
		return dyad.StoredDoc{}, false, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	i, ok := s.byID[id]
	if !ok {
		return dyad.StoredDoc{}, false, nil
	}
	return s.docs[i], true, nil
}

// Close does nothing.
func (s *Store) Close() error { return nil }
