package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/dyad-events/dyad"
)

// where builds a WHERE clause.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// actorCond adds the condition that an actor column pair matches a filter
// value: a 3-letter country or a full actor code.
func (w *where) actor(codeCol, countryCol, v string) {
	v = strings.ToUpper(strings.TrimSpace(v))
	if v == "" {
		return
	}
	if len(v) == 3 {
		w.add(countryCol+" = ?", v)
	} else {
		w.add(countryCol+" = ? AND "+codeCol+" = ?", codeCountry(v), v)
	}
}

// common adds the filters events and event groups share (alias p).
func (w *where) common(p string, f *dyad.EventFilter) {
	w.actor(p+"src_code", p+"src_country", f.Source)
	w.actor(p+"tgt_code", p+"tgt_country", f.Target)
	if c := strings.TrimSpace(f.Code); c != "" {
		w.add(p+"code = ?", c)
	}
	if r := strings.TrimSpace(f.Root); r != "" {
		// A range on the code index; codes start with their root.
		w.add(p+"code >= ? AND "+p+"code < ? AND "+p+"root = ?", r, r+"~", r)
	}
	if f.Quad != 0 {
		w.add(p+"quad = ?", f.Quad)
	}
	if f.From != "" {
		w.add(p+"date >= ?", f.From)
	}
	if f.To != "" {
		w.add(p+"date <= ?", f.To)
	}
}

// eventWhere builds the filter over events (alias e).
func eventWhere(f *dyad.EventFilter, q string) *where {
	w := &where{}
	w.common("e.", f)
	if f.Doc != "" {
		w.add("e.doc = (SELECT n FROM docs WHERE id = ?)", f.Doc)
	}
	if q != "" {
		w.add("e.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)", q)
	}
	return w
}

// limits returns the page size and offset of a filter.
func limits(f *dyad.EventFilter) (int, int) {
	limit := f.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	return limit, max(f.Offset, 0)
}

// withFTS runs fn with the filter's full-text query as FTS5 syntax, and
// again with every term quoted when FTS5 rejects the syntax, so that a
// query such as `U.S. "talks` still searches for its words. (SQLite's
// messages for FTS5 syntax errors vary, so any error is retried once.)
func withFTS(q string, fn func(q string) error) error {
	q = strings.TrimSpace(q)
	err := fn(q)
	if err == nil || q == "" {
		return err
	}
	var terms []string
	for _, t := range strings.Fields(q) {
		terms = append(terms, `"`+strings.ReplaceAll(t, `"`, `""`)+`"`)
	}
	return fn(strings.Join(terms, " "))
}

// Events returns the events that pass the filter, newest first (by date,
// then latest stored), and their number.
func (s *Store) Events(ctx context.Context, f dyad.EventFilter) ([]dyad.StoredEvent, int, error) {
	done, err := s.admit(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: events: %w", err)
	}
	defer done()
	limit, offset := limits(&f)
	var events []dyad.StoredEvent
	var total int
	err = withFTS(f.Q, func(q string) error {
		ids, n, err := s.page(ctx, &f, q, limit, offset)
		if err != nil {
			return err
		}
		total = n
		events, err = s.eventsByID(ctx, ids)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: events: %w", err)
	}
	return events, total, nil
}

// EachEvent calls fn for every event that passes the filter (Limit and
// Offset ignored), newest first, streaming: for exports of any size.
func (s *Store) EachEvent(ctx context.Context, f dyad.EventFilter, fn func(*dyad.StoredEvent) error) error {
	err := withFTS(f.Q, func(q string) error {
		return s.scanEvents(ctx, eventWhere(&f, q), "", nil, fn)
	})
	if err != nil {
		return fmt.Errorf("sqlite: events: %w", err)
	}
	return nil
}

// scanEvents runs the events query with a filter and a LIMIT clause.
func (s *Store) scanEvents(ctx context.Context, w *where, limit string, limitArgs []any, fn func(*dyad.StoredEvent) error) error {
	rows, err := s.rdb.QueryContext(ctx, `SELECT e.id, d.id, d.url, e.date, e.text, e.event, g.mentions, g.sources
FROM events e JOIN docs d ON d.n = e.doc JOIN event_groups g ON g.id = e.grp`+w.String()+`
ORDER BY e.date DESC, e.id DESC`+limit, append(append([]any{}, w.args...), limitArgs...)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var ev dyad.StoredEvent
		var js []byte
		if err := rows.Scan(&ev.ID, &ev.DocID, &ev.URL, &ev.Date, &ev.Text, &js, &ev.NumMentions, &ev.NumSources); err != nil {
			return err
		}
		if err := json.Unmarshal(js, &ev.Event); err != nil {
			return fmt.Errorf("event %d: %w", ev.ID, err)
		}
		if err := fn(&ev); err != nil {
			return err
		}
	}
	return rows.Err()
}

// periodExpr is the SQL for the first day of a date's period.
func periodExpr(col, interval string) (string, error) {
	switch interval {
	case "":
		return "''", nil
	case "day":
		return col, nil
	case "week": // weeks start on Monday
		return "date(" + col + ", '-6 days', 'weekday 1')", nil
	case "month":
		return "substr(" + col + ", 1, 7) || '-01'", nil
	}
	return "", fmt.Errorf("unknown interval %q (want day, week or month)", interval)
}

// Dyads counts distinct events (event groups, see the package
// documentation) per source and target country, and per period when
// f.Interval is set. Events without a source or target country are left
// out, and so are undated ones when counting per period. Results come
// ordered by period, then by count (largest first).
func (s *Store) Dyads(ctx context.Context, f dyad.DyadFilter) ([]dyad.DyadCount, error) {
	done, err := s.admit(ctx)
	if err != nil {
		return nil, fmt.Errorf("sqlite: dyads: %w", err)
	}
	defer done()
	var out []dyad.DyadCount
	err = withFTS(f.Q, func(q string) error {
		var err error
		out, err = s.memDyads(ctx, &f, q)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: dyads: %w", err)
	}
	return out, nil
}

// Actors counts distinct events (event groups) per actor code, as source
// and as target, among the events that pass the filter; the most frequent
// first, f.Limit of them (default 100, at most 1000). Name is the name the
// documents give the actor most often (among its latest 50 events).
func (s *Store) Actors(ctx context.Context, f dyad.EventFilter) ([]dyad.ActorCount, error) {
	done, err := s.admit(ctx)
	if err != nil {
		return nil, fmt.Errorf("sqlite: actors: %w", err)
	}
	defer done()
	limit, offset := limits(&f)
	var out []dyad.ActorCount
	err = withFTS(f.Q, func(q string) error {
		out = nil
		var from string
		var w *where
		if f.Doc == "" && q == "" {
			w = &where{}
			w.common("", &f)
			from = "event_groups"
		} else {
			w = eventWhere(&f, q)
			from = "(SELECT DISTINCT g.* FROM events e JOIN event_groups g ON g.id = e.grp" + w.String() + ")"
			w = &where{args: w.args}
		}
		cond := w.String()
		and := " WHERE "
		if cond != "" {
			and = cond + " AND "
		}
		query := `SELECT code, max(country), sum(s), sum(t) FROM (
SELECT src_code AS code, src_country AS country, 1 AS s, 0 AS t FROM ` + from + and + `src_code <> ''
UNION ALL
SELECT tgt_code, tgt_country, 0, 1 FROM ` + from + and + `tgt_code <> ''
) GROUP BY code ORDER BY sum(s) + sum(t) DESC, code LIMIT ? OFFSET ?`
		args := append(append(append([]any{}, w.args...), w.args...), limit, offset)
		rows, err := s.rdb.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var a dyad.ActorCount
			if err := rows.Scan(&a.Code, &a.Country, &a.Source, &a.Target); err != nil {
				rows.Close()
				return err
			}
			out = append(out, a)
		}
		rows.Close()
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: actors: %w", err)
	}
	for i := range out {
		name, err := s.actorName(ctx, out[i].Code)
		if err != nil {
			return nil, fmt.Errorf("sqlite: actors: %w", err)
		}
		out[i].Name = name
	}
	return out, nil
}

// actorName returns the name most often given to an actor code in its
// latest events.
func (s *Store) actorName(ctx context.Context, code string) (string, error) {
	rows, err := s.rdb.QueryContext(ctx, `SELECT name FROM (
SELECT src_name AS name FROM (SELECT src_name FROM events WHERE src_code = ? ORDER BY date DESC, id DESC LIMIT 50)
UNION ALL
SELECT tgt_name FROM (SELECT tgt_name FROM events WHERE tgt_code = ? ORDER BY date DESC, id DESC LIMIT 50))`, code, code)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	count := map[string]int{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return "", err
		}
		if n != "" {
			count[n]++
		}
	}
	names := make([]string, 0, len(count))
	for n := range count {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if count[names[i]] != count[names[j]] {
			return count[names[i]] > count[names[j]]
		}
		return names[i] < names[j]
	})
	if len(names) == 0 {
		return "", rows.Err()
	}
	return names[0], rows.Err()
}

// Quotes returns the quotations that pass the filter (Doc, From, To, Q,
// Source as the speaker's country or code), newest first, and their number.
func (s *Store) Quotes(ctx context.Context, f dyad.EventFilter) ([]dyad.StoredQuote, int, error) {
	done, err := s.admit(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: quotes: %w", err)
	}
	defer done()
	limit, offset := limits(&f)
	var out []dyad.StoredQuote
	var total int
	err = withFTS(f.Q, func(q string) error {
		out, total = nil, 0
		w := &where{}
		w.actor("u.spk_code", "u.spk_country", f.Source)
		if f.From != "" {
			w.add("u.date >= ?", f.From)
		}
		if f.To != "" {
			w.add("u.date <= ?", f.To)
		}
		if f.Doc != "" {
			w.add("u.doc = (SELECT n FROM docs WHERE id = ?)", f.Doc)
		}
		if q != "" {
			w.add("u.id IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?)", q)
		}
		if err := s.rdb.QueryRowContext(ctx, `SELECT count(*) FROM quotes u`+w.String(), w.args...).Scan(&total); err != nil {
			return err
		}
		if total == 0 || offset >= total {
			return nil
		}
		rows, err := s.rdb.QueryContext(ctx, `SELECT d.id, u.date, u.quote FROM quotes u JOIN docs d ON d.n = u.doc`+w.String()+`
ORDER BY u.date DESC, u.id DESC LIMIT ? OFFSET ?`, append(w.args, limit, offset)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var sq dyad.StoredQuote
			var js []byte
			if err := rows.Scan(&sq.DocID, &sq.Date, &js); err != nil {
				return err
			}
			if err := json.Unmarshal(js, &sq.Quote); err != nil {
				return fmt.Errorf("quote of %s: %w", sq.DocID, err)
			}
			out = append(out, sq)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: quotes: %w", err)
	}
	return out, total, nil
}

// Doc returns a stored document by id.
func (s *Store) Doc(ctx context.Context, id string) (dyad.StoredDoc, bool, error) {
	done, err := s.admit(ctx)
	if err != nil {
		return dyad.StoredDoc{}, false, fmt.Errorf("sqlite: doc: %w", err)
	}
	defer done()
	var sd dyad.StoredDoc
	var rec []byte
	var dup sql.NullString
	err = s.rdb.QueryRowContext(ctx, `SELECT d.id, d.text, d.date, d.source, d.url, d.title, d.hash, d.record, p.id
FROM docs d LEFT JOIN docs p ON p.n = d.dup_of WHERE d.id = ?`, id).Scan(
		&sd.Doc.ID, &sd.Doc.Text, &sd.Doc.Date, &sd.Doc.Source, &sd.Doc.URL, &sd.Doc.Title, &sd.Hash, &rec, &dup)
	if errors.Is(err, sql.ErrNoRows) {
		return dyad.StoredDoc{}, false, nil
	}
	if err != nil {
		return dyad.StoredDoc{}, false, fmt.Errorf("sqlite: doc %s: %w", id, err)
	}
	sd.DupOf = dup.String
	if err := json.Unmarshal(rec, &sd.Record); err != nil {
		return dyad.StoredDoc{}, false, fmt.Errorf("sqlite: doc %s: record: %w", id, err)
	}
	rows, err := s.rdb.QueryContext(ctx, `SELECT event FROM events WHERE doc = (SELECT n FROM docs WHERE id = ?) ORDER BY idx`, id)
	if err != nil {
		return dyad.StoredDoc{}, false, fmt.Errorf("sqlite: doc %s: events: %w", id, err)
	}
	defer rows.Close()
	sd.Record.Events = []dyad.Event{}
	for rows.Next() {
		var js []byte
		var ev dyad.Event
		if err := rows.Scan(&js); err != nil {
			return dyad.StoredDoc{}, false, fmt.Errorf("sqlite: doc %s: events: %w", id, err)
		}
		if err := json.Unmarshal(js, &ev); err != nil {
			return dyad.StoredDoc{}, false, fmt.Errorf("sqlite: doc %s: event: %w", id, err)
		}
		sd.Record.Events = append(sd.Record.Events, ev)
	}
	if err := rows.Err(); err != nil {
		return dyad.StoredDoc{}, false, fmt.Errorf("sqlite: doc %s: events: %w", id, err)
	}
	return sd, true, nil
}

// Stats are the store's totals.
type Stats struct {
	Docs, Duplicates, Events, EventGroups, Quotes int
}

// Stats counts what the store holds.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.rdb.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM docs), (SELECT count(*) FROM docs WHERE dup_of IS NOT NULL),
(SELECT count(*) FROM events), (SELECT count(*) FROM event_groups), (SELECT count(*) FROM quotes)`).Scan(
		&st.Docs, &st.Duplicates, &st.Events, &st.EventGroups, &st.Quotes)
	if err != nil {
		return st, fmt.Errorf("sqlite: stats: %w", err)
	}
	return st, nil
}
