package sqlite

import (
	"cmp"
	"container/heap"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dyad-events/dyad"
)

// memIndex is the store's in-memory index of events and event groups: the
// columns the filters of Events and Dyads read (dates, actor codes and
// countries, event codes, roots, QuadClasses, Goldstein values), interned,
// and partitioned by source and target country and month. A query scans the
// partitions its filter allows (a country has a few percent of the events,
// a date range a few months) instead of counting rows of SQLite indexes,
// and only the page of events it returns is read from the database (or a
// cache of decoded rows).
//
// Events are only ever appended (ids grow) and a group's columns do not
// change after it is created, except its mentions and sources, which change
// only when an event of the group is added. So the index follows the
// database by loading the events whose id is above the largest it holds,
// and the groups of those events (new ones, and the counts of known ones):
// after every Put of this process, and at most staleAfter after a write of
// another process.
type memIndex struct {
	refresh  sync.Mutex   // one loader at a time
	writes   atomic.Int64 // the writes counter when last checked
	checked  atomic.Int64 // when the database was last checked, UnixNano
	mu       sync.RWMutex // guards the fields from here to idLoc
	maxID    int64
	strs     interner // actor and event codes, roots
	ctry     interner // countries (the first three letters of actor codes)
	dates    interner
	dateRank []uint32 // by date number: its rank in date order
	// Events and groups are held in partitions by source country and
	// month and, copied, by target country and month (see parts).
	evBySrc parts[memEvent]
	evByTgt parts[memEvent]
	gBySrc  parts[memGroup]
	gByTgt  parts[memGroup]
	months  interner         // "YYYY-MM" of the dates
	grpLoc  map[int64]uint64 // group id → location in gBySrc
	idLoc   []uint64         // event id → location in evBySrc (0: none); ids are dense

	dmu   sync.Mutex
	docs  map[int64]docRef // docs.n → id and URL, a bounded cache (docs do not change)
	docs0 map[int64]docRef // the previous generation of docs

	smu      sync.Mutex
	searches map[string]search // full-text query → its event ids, a bounded cache

	emu     sync.Mutex
	events  map[int64]*cachedEvent // event id → its decoded row, a bounded cache (rows do not change)
	events0 map[int64]*cachedEvent // the previous generation

	pmu      sync.Mutex
	periodBy map[string]*periodTable // by interval
}

// periodTable numbers the periods of an interval and gives the period of
// each date number.
type periodTable struct {
	ofDate []uint32
	names  []string
	no     map[string]uint32
	rank   []uint32 // by period number: its place in name order
}

// periods returns the period number of each date, the periods' names and
// their ranks in name order, for an interval. The caller holds ix.mu
// (read).
func (ix *memIndex) periods(interval string) ([]uint32, []string, []uint32) {
	ix.pmu.Lock()
	defer ix.pmu.Unlock()
	if ix.periodBy == nil {
		ix.periodBy = map[string]*periodTable{}
	}
	t := ix.periodBy[interval]
	if t == nil {
		t = &periodTable{no: map[string]uint32{}}
		ix.periodBy[interval] = t
	}
	for i := len(t.ofDate); i < len(ix.dates.strs); i++ {
		p := periodOf(ix.dates.strs[i], interval)
		n, ok := t.no[p]
		if !ok {
			n = uint32(len(t.names))
			t.no[p] = n
			t.names = append(t.names, p)
		}
		t.ofDate = append(t.ofDate, n)
	}
	if len(t.rank) != len(t.names) {
		t.rank = ranks(t.names)
	}
	return t.ofDate[:len(ix.dates.strs)], t.names, t.rank
}

// ranks returns the place of each string in sorted order.
func ranks(strs []string) []uint32 {
	order := make([]uint32, len(strs))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int { return strings.Compare(strs[a], strs[b]) })
	rank := make([]uint32, len(strs))
	for r, i := range order {
		rank[i] = uint32(r)
	}
	return rank
}

// memEvent is one event row as the index holds it.
type memEvent struct {
	id                   int64
	doc                  int64  // docs.n
	grp                  uint64 // location of its group (0: none)
	date                 uint32
	src, tgt, srcC, tgtC uint32
	code, root           uint32
	quad                 int32
}

// memGroup is one event group as the index holds it.
type memGroup struct {
	date                 uint32
	src, tgt, srcC, tgtC uint32
	code, root           uint32
	quad                 int32
	goldstein            float64
	// The group's NumMentions and NumSources, as of the last load (kept
	// up to date in gBySrc only).
	mentions, sources int32
}

// interner maps strings to small numbers and back.
type interner struct {
	ids  map[string]uint32
	strs []string
}

func (in *interner) id(s string) uint32 {
	if in.ids == nil {
		in.ids = map[string]uint32{}
	}
	if id, ok := in.ids[s]; ok {
		return id
	}
	id := uint32(len(in.strs))
	in.ids[s] = id
	in.strs = append(in.strs, s)
	return id
}

// lookup returns a string's number; ok is false when it is unknown.
func (in *interner) lookup(s string) (uint32, bool) {
	id, ok := in.ids[s]
	return id, ok
}

func newMemIndex() *memIndex {
	return &memIndex{grpLoc: map[int64]uint64{}}
}

// writes counts the Put calls of this process that stored something, in
// any Store.
var writes atomic.Int64

// staleAfter is how long the index trusts itself when this process has not
// written: writes of other processes appear within this time.
const staleAfter = 50 * time.Millisecond

// fresh brings the index up to date with the database and returns it. The
// database is asked for its latest event id after a write of this process,
// and otherwise at most every staleAfter.
func (s *Store) fresh(ctx context.Context) (*memIndex, error) {
	ix := s.mem
	w, now := writes.Load(), time.Now().UnixNano()
	if ix.writes.Load() == w && now-ix.checked.Load() < int64(staleAfter) {
		return ix, nil
	}
	ix.writes.Store(w)
	ix.checked.Store(now)
	var maxID int64
	if err := s.rdb.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM events`).Scan(&maxID); err != nil {
		ix.checked.Store(0)
		return nil, fmt.Errorf("index: %w", err)
	}
	ix.mu.RLock()
	have := ix.maxID
	ix.mu.RUnlock()
	if maxID <= have {
		return ix, nil
	}
	ix.refresh.Lock()
	defer ix.refresh.Unlock()
	// A load is finished even when the query that asked for it is given
	// up: the next query needs it.
	ctx = context.WithoutCancel(ctx)
	first := have == 0
	if err := ix.load(ctx, s.rdb); err != nil {
		ix.checked.Store(0)
		return nil, fmt.Errorf("index: %w", err)
	}
	if first {
		if err := s.warmDocs(ctx); err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
	}
	return ix, nil
}

// Warm loads the in-memory index of events and groups now, so that the
// first query does not wait for it (about 10 s per million events), and
// hands the memory the load used and no longer needs back to the system.
// It returns the number of events indexed.
func (s *Store) Warm(ctx context.Context) (int, error) {
	ix, err := s.fresh(ctx)
	if err != nil {
		return 0, fmt.Errorf("sqlite: warm: %w", err)
	}
	debug.FreeOSMemory()
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	n := 0
	for _, id := range ix.idLoc {
		if id != 0 {
			n++
		}
	}
	return n, nil
}

// loaded event and group rows, before they enter the index.
type rawEvent struct {
	id, grp                    int64
	date, src, tgt, code, root string
	quad                       int32
	doc                        int64
}

type rawGroup struct {
	id                         int64
	date, src, tgt, code, root string
	srcC, tgtC                 string
	quad                       int32
	goldstein                  float64
	mentions, sources          int32
}

// load adds the events above maxID and their new groups. The caller holds
// refresh.
func (ix *memIndex) load(ctx context.Context, db *sql.DB) error {
	ix.mu.RLock()
	from := ix.maxID
	ix.mu.RUnlock()
	rows, err := db.QueryContext(ctx, `SELECT id, grp, date, src_code, tgt_code, code, root, quad, doc FROM events WHERE id > ? ORDER BY id`, from)
	if err != nil {
		return err
	}
	var evs []rawEvent
	for rows.Next() {
		var e rawEvent
		if err := rows.Scan(&e.id, &e.grp, &e.date, &e.src, &e.tgt, &e.code, &e.root, &e.quad, &e.doc); err != nil {
			rows.Close()
			return err
		}
		evs = append(evs, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(evs) == 0 {
		return nil
	}
	// The groups of the new events: new ones, and known ones whose
	// mentions and sources have changed.
	newGrp := map[int64]bool{}
	for _, e := range evs {
		newGrp[e.grp] = true
	}
	var grs []rawGroup
	scanGroup := func(rows *sql.Rows) error {
		for rows.Next() {
			var g rawGroup
			if err := rows.Scan(&g.id, &g.date, &g.src, &g.tgt, &g.code, &g.srcC, &g.tgtC, &g.root, &g.quad, &g.goldstein, &g.mentions, &g.sources); err != nil {
				return err
			}
			if newGrp[g.id] {
				grs = append(grs, g)
			}
		}
		return rows.Err()
	}
	const groupCols = `SELECT id, date, src_code, tgt_code, code, src_country, tgt_country, root, quad, goldstein, mentions, sources FROM event_groups`
	if len(newGrp) > 5000 {
		rows, err := db.QueryContext(ctx, groupCols)
		if err != nil {
			return err
		}
		err = scanGroup(rows)
		rows.Close()
		if err != nil {
			return err
		}
	} else if len(newGrp) > 0 {
		ids := make([]int64, 0, len(newGrp))
		for id := range newGrp {
			ids = append(ids, id)
		}
		js, _ := json.Marshal(ids)
		rows, err := db.QueryContext(ctx, groupCols+` WHERE id IN (SELECT value FROM json_each(?))`, string(js))
		if err != nil {
			return err
		}
		err = scanGroup(rows)
		rows.Close()
		if err != nil {
			return err
		}
	}

	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, g := range grs {
		if loc, ok := ix.grpLoc[g.id]; ok {
			if mg := ix.gBySrc.at(loc); mg != nil {
				mg.mentions, mg.sources = g.mentions, g.sources
			}
			continue
		}
		mg := memGroup{mentions: g.mentions, sources: g.sources, date: ix.dates.id(g.date), src: ix.strs.id(g.src), tgt: ix.strs.id(g.tgt), code: ix.strs.id(g.code),
			srcC: ix.ctry.id(g.srcC), tgtC: ix.ctry.id(g.tgtC), root: ix.strs.id(g.root), quad: g.quad, goldstein: g.goldstein}
		month := ix.months.id(monthOf(g.date))
		ix.grpLoc[g.id] = ix.gBySrc.add(mg.srcC, month, mg)
		ix.gByTgt.add(mg.tgtC, month, mg)
	}
	for _, e := range evs {
		me := memEvent{id: e.id, doc: e.doc, grp: ix.grpLoc[e.grp], date: ix.dates.id(e.date), src: ix.strs.id(e.src), tgt: ix.strs.id(e.tgt),
			srcC: ix.ctry.id(codeCountry(e.src)), tgtC: ix.ctry.id(codeCountry(e.tgt)), code: ix.strs.id(e.code),
			root: ix.strs.id(e.root), quad: e.quad}
		month := ix.months.id(monthOf(e.date))
		loc := ix.evBySrc.add(me.srcC, month, me)
		ix.evByTgt.add(me.tgtC, month, me)
		if e.id > 0 && e.id < 1<<31 {
			for int64(len(ix.idLoc)) <= e.id {
				ix.idLoc = append(ix.idLoc, 0)
			}
			ix.idLoc[e.id] = loc
		}
	}
	if len(ix.dateRank) != len(ix.dates.strs) {
		ix.dateRank = ranks(ix.dates.strs)
	}
	ix.maxID = evs[len(evs)-1].id
	return nil
}

// memFilter is an EventFilter compiled against the index. none is true
// when a value the filter asks for does not occur at all.
type memFilter struct {
	none                 bool
	srcC, tgtC, src, tgt int64 // -1: any
	code                 int64
	rootID               int64
	codeOK               []bool // by string number, for a root; nil: any
	quad                 int32
	dateOK               []bool // by date number; nil: any
	monthOK              []bool // by month number; nil: any
}

// compile compiles the column filters of f (not Q or Doc). The caller
// holds ix.mu.
func (ix *memIndex) compile(f *dyad.EventFilter) memFilter {
	mf := memFilter{srcC: -1, tgtC: -1, src: -1, tgt: -1, code: -1, rootID: -1, quad: int32(f.Quad)}
	lookupIn := func(in *interner, s string) int64 {
		id, ok := in.lookup(s)
		if !ok {
			mf.none = true
			return -1
		}
		return int64(id)
	}
	lookup := func(s string) int64 { return lookupIn(&ix.strs, s) }
	actor := func(v string, country, code *int64) {
		v = strings.ToUpper(strings.TrimSpace(v))
		if v == "" {
			return
		}
		if len(v) == 3 {
			*country = lookupIn(&ix.ctry, v)
		} else {
			*country = lookupIn(&ix.ctry, codeCountry(v))
			*code = lookup(v)
		}
	}
	actor(f.Source, &mf.srcC, &mf.src)
	actor(f.Target, &mf.tgtC, &mf.tgt)
	if c := strings.TrimSpace(f.Code); c != "" {
		mf.code = lookup(c)
	}
	if r := strings.TrimSpace(f.Root); r != "" {
		mf.rootID = lookup(r)
		mf.codeOK = make([]bool, len(ix.strs.strs))
		for i, c := range ix.strs.strs {
			mf.codeOK[i] = c >= r && c < r+"~"
		}
	}
	if f.From != "" || f.To != "" {
		mf.dateOK = make([]bool, len(ix.dates.strs))
		for i, d := range ix.dates.strs {
			mf.dateOK[i] = (f.From == "" || d >= f.From) && (f.To == "" || d <= f.To)
		}
		from, to := monthOf(f.From), monthOf(f.To)
		mf.monthOK = make([]bool, len(ix.months.strs))
		for i, m := range ix.months.strs {
			mf.monthOK[i] = (f.From == "" || m >= from) && (f.To == "" || m <= to)
		}
	}
	return mf
}

// match reports whether an item's columns pass the filter.
func (mf *memFilter) match(ix *memIndex, date, src, tgt, srcC, tgtC, code, root uint32, quad int32) bool {
	if mf.srcC >= 0 && int64(srcC) != mf.srcC || mf.tgtC >= 0 && int64(tgtC) != mf.tgtC ||
		mf.src >= 0 && int64(src) != mf.src || mf.tgt >= 0 && int64(tgt) != mf.tgt ||
		mf.code >= 0 && int64(code) != mf.code || mf.quad != 0 && quad != mf.quad {
		return false
	}
	if mf.rootID >= 0 && (int64(root) != mf.rootID || !mf.codeOK[code]) {
		return false
	}
	return mf.dateOK == nil || mf.dateOK[date]
}

func (mf *memFilter) event(ix *memIndex, e *memEvent) bool {
	return mf.match(ix, e.date, e.src, e.tgt, e.srcC, e.tgtC, e.code, e.root, e.quad)
}

func (mf *memFilter) group(ix *memIndex, g *memGroup) bool {
	return mf.match(ix, g.date, g.src, g.tgt, g.srcC, g.tgtC, g.code, g.root, g.quad)
}

// parts holds items (events or groups) partitioned by a country and the
// month of their date, each partition contiguous and append-only. A
// location is a partition number << 32 | the index in it + 1.
type parts[T any] struct {
	items  [][]T               // by partition number
	month  []uint32            // by partition number: its month
	no     map[uint64]uint32   // country << 32 | month → partition number
	byCtry map[uint32][]uint32 // country → its partition numbers
	size   map[uint32]int      // country → number of items
}

// add appends an item and returns its location.
func (p *parts[T]) add(ctry, month uint32, item T) uint64 {
	if p.no == nil {
		p.no, p.byCtry, p.size = map[uint64]uint32{}, map[uint32][]uint32{}, map[uint32]int{}
	}
	key := uint64(ctry)<<32 | uint64(month)
	n, ok := p.no[key]
	if !ok {
		n = uint32(len(p.items))
		p.no[key] = n
		p.items = append(p.items, nil)
		p.month = append(p.month, month)
		p.byCtry[ctry] = append(p.byCtry[ctry], n)
	}
	p.items[n] = append(p.items[n], item)
	p.size[ctry]++
	return uint64(n)<<32 | uint64(len(p.items[n]))
}

// at returns the item at a location, nil when none.
func (p *parts[T]) at(loc uint64) *T {
	n, i := int(loc>>32), int(loc&0xffffffff)
	if n >= len(p.items) || i == 0 || i > len(p.items[n]) {
		return nil
	}
	return &p.items[n][i-1]
}

// monthOf is the month of a date, its first 7 bytes: a date passes a
// from/to filter only if its month passes the filter's months.
func monthOf(date string) string { return date[:min(7, len(date))] }

// partition returns the partitions a filter needs to scan: those of its
// source or target country (the smaller), or all, less the months outside
// its date range.
func partition[T any](mf *memFilter, src, tgt *parts[T]) [][]T {
	var nos []uint32
	var p *parts[T]
	switch {
	case mf.srcC >= 0 && (mf.tgtC < 0 || src.size[uint32(mf.srcC)] <= tgt.size[uint32(mf.tgtC)]):
		p, nos = src, src.byCtry[uint32(mf.srcC)]
	case mf.tgtC >= 0:
		p, nos = tgt, tgt.byCtry[uint32(mf.tgtC)]
	default:
		p = src
		nos = make([]uint32, len(src.items))
		for i := range nos {
			nos[i] = uint32(i)
		}
	}
	out := make([][]T, 0, len(nos))
	for _, n := range nos {
		if mf.monthOK == nil || mf.monthOK[p.month[n]] {
			out = append(out, p.items[n])
		}
	}
	return out
}

// eventIDs returns the ids of the events a Q or Doc filter selects
// (ascending), or all=true when f has neither. The ids come as one
// comma-separated string: a full-text match of a frequent word has
// hundreds of thousands of them, too many to read row by row.
func (s *Store) eventIDs(ctx context.Context, f *dyad.EventFilter, q string) (ids []int64, all bool, err error) {
	var list sql.NullString
	switch {
	case f.Doc != "" && q != "":
		err = s.rdb.QueryRowContext(ctx, `SELECT group_concat(id) FROM (SELECT id FROM events WHERE doc = (SELECT n FROM docs WHERE id = ?) AND id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?) ORDER BY id)`, f.Doc, q).Scan(&list)
	case f.Doc != "":
		err = s.rdb.QueryRowContext(ctx, `SELECT group_concat(id) FROM (SELECT id FROM events WHERE doc = (SELECT n FROM docs WHERE id = ?) ORDER BY id)`, f.Doc).Scan(&list)
	case q != "":
		// A search repeated before the index changes is answered from
		// the cache of searches.
		ix := s.mem
		ix.mu.RLock()
		label := ix.maxID
		ix.mu.RUnlock()
		if ids, ok := ix.searched(q, label); ok {
			return ids, false, nil
		}
		defer func() {
			if err == nil {
				ix.remember(q, label, ids)
			}
		}()
		err = s.rdb.QueryRowContext(ctx, `SELECT group_concat(rowid) FROM (SELECT rowid FROM event_fts WHERE event_fts MATCH ? ORDER BY rowid)`, q).Scan(&list)
	default:
		return nil, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	ids = make([]int64, 0, strings.Count(list.String, ",")+1)
	var n int64
	digits := false
	for i := 0; i < len(list.String); i++ {
		c := list.String[i]
		if c == ',' {
			if digits {
				ids = append(ids, n)
			}
			n, digits = 0, false
			continue
		}
		n, digits = n*10+int64(c-'0'), true
	}
	if digits {
		ids = append(ids, n)
	}
	return ids, false, nil
}

// search is a cached full-text search: its event ids (ascending) when the
// index held the events up to maxID. (Ids above maxID it may hold are
// not in the index and are skipped, as in a search made afresh.)
type search struct {
	maxID int64
	ids   []int64
}

// Bounds of the cache of searches: searches, and ids of one search.
const (
	maxSearches   = 1024
	maxSearchHits = 100000
)

// searched returns the cached ids of a full-text query made when the
// index held the events up to maxID.
func (ix *memIndex) searched(q string, maxID int64) ([]int64, bool) {
	ix.smu.Lock()
	defer ix.smu.Unlock()
	c, ok := ix.searches[q]
	if !ok || c.maxID != maxID {
		return nil, false
	}
	return c.ids, true
}

// remember caches the ids of a full-text query.
func (ix *memIndex) remember(q string, maxID int64, ids []int64) {
	if len(ids) > maxSearchHits {
		return
	}
	ix.smu.Lock()
	defer ix.smu.Unlock()
	if ix.searches == nil || len(ix.searches) >= maxSearches {
		ix.searches = map[string]search{}
	}
	ix.searches[q] = search{maxID, ids}
}

// eachEvent calls fn with every event that passes the filter. The caller
// holds ix.mu.
func (ix *memIndex) eachEvent(mf *memFilter, ids []int64, all bool, fn func(e *memEvent)) {
	if mf.none {
		return
	}
	if !all {
		for _, id := range ids {
			if id <= 0 || id >= int64(len(ix.idLoc)) {
				continue
			}
			if e := ix.evBySrc.at(ix.idLoc[id]); e != nil && mf.event(ix, e) {
				fn(e)
			}
		}
		return
	}
	for _, part := range partition(mf, &ix.evBySrc, &ix.evByTgt) {
		for i := range part {
			if mf.event(ix, &part[i]) {
				fn(&part[i])
			}
		}
	}
}

// pageItem is an event of a page being chosen.
type pageItem struct {
	date uint32 // the date's rank in date order
	id   int64
}

// newer reports whether event a comes before event b, newest first (by
// date, then latest stored).
func (ix *memIndex) newer(a, b pageItem) bool {
	if a.date != b.date {
		return a.date > b.date
	}
	return a.id > b.id
}

// topHeap keeps the k newest events; its root is the oldest of them.
type topHeap struct {
	ix    *memIndex
	items []pageItem
}

func (h *topHeap) Len() int           { return len(h.items) }
func (h *topHeap) Less(i, j int) bool { return h.ix.newer(h.items[j], h.items[i]) }
func (h *topHeap) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *topHeap) Push(x any)         { h.items = append(h.items, x.(pageItem)) }
func (h *topHeap) Pop() any {
	x := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return x
}

// page returns the ids of the events of one page (newest first) and the
// number of events that pass the filter.
func (s *Store) page(ctx context.Context, f *dyad.EventFilter, q string, limit, offset int) ([]int64, int, error) {
	ids, all, err := s.eventIDs(ctx, f, q)
	if err != nil {
		return nil, 0, err
	}
	ix, err := s.fresh(ctx)
	if err != nil {
		return nil, 0, err
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	mf := ix.compile(f)
	total := 0
	k := offset + limit
	var sorted []pageItem
	if k <= 10000 {
		h := &topHeap{ix: ix, items: make([]pageItem, 0, k)}
		ix.eachEvent(&mf, ids, all, func(e *memEvent) {
			total++
			it := pageItem{ix.dateRank[e.date], e.id}
			if len(h.items) < k {
				heap.Push(h, it)
			} else if ix.newer(it, h.items[0]) {
				h.items[0] = it
				heap.Fix(h, 0)
			}
		})
		sorted = h.items
	} else {
		ix.eachEvent(&mf, ids, all, func(e *memEvent) {
			total++
			sorted = append(sorted, pageItem{ix.dateRank[e.date], e.id})
		})
	}
	slices.SortFunc(sorted, func(a, b pageItem) int {
		if ix.newer(a, b) {
			return -1
		}
		if ix.newer(b, a) {
			return 1
		}
		return 0
	})
	if offset >= len(sorted) {
		return nil, total, nil
	}
	sorted = sorted[offset:min(len(sorted), k)]
	out := make([]int64, len(sorted))
	for i, it := range sorted {
		out[i] = it.id
	}
	return out, total, nil
}

// docRef is what an event shows of its document.
type docRef struct{ id, url string }

// maxDocCache bounds the document cache (two generations of it).
const maxDocCache = 100000

// warmDocs fills the document cache with the latest documents, those the
// first pages of events show.
func (s *Store) warmDocs(ctx context.Context) error {
	rows, err := s.rdb.QueryContext(ctx, `SELECT n, id, url FROM docs ORDER BY n DESC LIMIT ?`, maxDocCache)
	if err != nil {
		return err
	}
	defer rows.Close()
	docs := map[int64]docRef{}
	for rows.Next() {
		var n int64
		var d docRef
		if err := rows.Scan(&n, &d.id, &d.url); err != nil {
			return err
		}
		docs[n] = d
	}
	if err := rows.Err(); err != nil {
		return err
	}
	ix := s.mem
	ix.dmu.Lock()
	ix.docs0, ix.docs = nil, docs
	ix.dmu.Unlock()
	return nil
}

// docRefs returns the id and URL of documents by number, from the cache or
// the database.
func (s *Store) docRefs(ctx context.Context, ns []int64) (map[int64]docRef, error) {
	ix := s.mem
	out := make(map[int64]docRef, len(ns))
	var missing []int64
	ix.dmu.Lock()
	for _, n := range ns {
		if _, ok := out[n]; ok {
			continue
		}
		if d, ok := ix.docs[n]; ok {
			out[n] = d
		} else if d, ok := ix.docs0[n]; ok {
			out[n] = d
		} else {
			missing = append(missing, n)
		}
	}
	ix.dmu.Unlock()
	if len(missing) == 0 {
		return out, nil
	}
	js, _ := json.Marshal(missing)
	rows, err := s.rdb.QueryContext(ctx, `SELECT n, id, url FROM docs WHERE n IN (SELECT value FROM json_each(?))`, string(js))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	got := map[int64]docRef{}
	for rows.Next() {
		var n int64
		var d docRef
		if err := rows.Scan(&n, &d.id, &d.url); err != nil {
			return nil, err
		}
		out[n], got[n] = d, d
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ix.dmu.Lock()
	if ix.docs == nil || len(ix.docs)+len(got) > maxDocCache {
		ix.docs0, ix.docs = ix.docs, make(map[int64]docRef, len(got))
	}
	for n, d := range got {
		ix.docs[n] = d
	}
	ix.dmu.Unlock()
	return out, nil
}

// cachedEvent is the part of an event row that never changes, decoded.
type cachedEvent struct {
	event      dyad.Event
	date, text string
}

// maxEventCache bounds the event cache (two generations of it).
const maxEventCache = 100000

// copyEvent returns a copy of an event that shares no memory with it, so
// that a caller may change what it is given without changing the cache.
func copyEvent(e *dyad.Event) dyad.Event {
	c := *e
	for _, a := range []**dyad.Actor{&c.Source, &c.Target} {
		if *a != nil {
			x := **a
			x.Sectors = slices.Clone(x.Sectors)
			*a = &x
		}
	}
	if c.Quote != nil {
		q := *c.Quote
		c.Quote = &q
	}
	if c.Place != nil {
		p := *c.Place
		c.Place = &p
	}
	return c
}

// cachedEvents returns the cached rows of events, by id.
func (ix *memIndex) cachedEvents(ids []int64) map[int64]*cachedEvent {
	out := make(map[int64]*cachedEvent, len(ids))
	ix.emu.Lock()
	defer ix.emu.Unlock()
	for _, id := range ids {
		if c, ok := ix.events[id]; ok {
			out[id] = c
		} else if c, ok := ix.events0[id]; ok {
			out[id] = c
			if ix.events != nil {
				ix.events[id] = c
			}
		}
	}
	return out
}

// cacheEvents adds decoded rows to the cache.
func (ix *memIndex) cacheEvents(rows map[int64]*cachedEvent) {
	ix.emu.Lock()
	defer ix.emu.Unlock()
	if ix.events == nil || len(ix.events)+len(rows) > maxEventCache {
		ix.events0, ix.events = ix.events, make(map[int64]*cachedEvent, len(rows))
	}
	for id, c := range rows {
		ix.events[id] = c
	}
}

// eventsByID reads the events with the given ids, in that order: their
// rows from the cache or the database, their documents' ids and URLs and
// their groups' counts from the index.
func (s *Store) eventsByID(ctx context.Context, ids []int64) ([]dyad.StoredEvent, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	ix := s.mem
	type known struct {
		doc               int64
		mentions, sources int
		ok                bool
	}
	info := make([]known, len(ids))
	ns := make([]int64, 0, len(ids))
	ix.mu.RLock()
	for i, id := range ids {
		if id <= 0 || id >= int64(len(ix.idLoc)) {
			continue
		}
		if e := ix.evBySrc.at(ix.idLoc[id]); e != nil {
			info[i] = known{doc: e.doc, ok: true}
			ns = append(ns, e.doc)
			if g := ix.gBySrc.at(e.grp); g != nil {
				info[i].mentions, info[i].sources = int(g.mentions), int(g.sources)
			}
		}
	}
	ix.mu.RUnlock()
	docs, err := s.docRefs(ctx, ns)
	if err != nil {
		return nil, err
	}
	rowsByID := ix.cachedEvents(ids)
	var missing []int64
	for _, id := range ids {
		if rowsByID[id] == nil {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		js, _ := json.Marshal(missing)
		rows, err := s.rdb.QueryContext(ctx, `SELECT id, date, text, event FROM events WHERE id IN (SELECT value FROM json_each(?))`, string(js))
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		read := map[int64]*cachedEvent{}
		for rows.Next() {
			var id int64
			var js []byte
			c := &cachedEvent{}
			if err := rows.Scan(&id, &c.date, &c.text, &js); err != nil {
				return nil, err
			}
			if err := json.Unmarshal(js, &c.event); err != nil {
				return nil, fmt.Errorf("event %d: %w", id, err)
			}
			read[id], rowsByID[id] = c, c
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
		ix.cacheEvents(read)
	}
	out := make([]dyad.StoredEvent, 0, len(ids))
	for i, id := range ids {
		c := rowsByID[id]
		d, ok := docs[info[i].doc]
		if c == nil || !info[i].ok || !ok {
			continue // not in the index: written after this query's view of it
		}
		out = append(out, dyad.StoredEvent{Event: copyEvent(&c.event), ID: id, DocID: d.id, Date: c.date, URL: d.url,
			Text: c.text, NumMentions: info[i].mentions, NumSources: info[i].sources})
	}
	return out, nil
}

// dyadKey is one row of a Dyads answer being counted.
type dyadKey = uint64 // source country << 42 | target country << 21 | period

// kbn is a Kahan-Babuska-Neumaier sum, as SQLite's total() computes.
type kbn struct{ sum, c float64 }

func (k *kbn) add(x float64) {
	t := k.sum + x
	if math.Abs(k.sum) >= math.Abs(x) {
		k.c += (k.sum - t) + x
	} else {
		k.c += (x - t) + k.sum
	}
	k.sum = t
}

// periodOf returns the first day of a date's period ("" for no interval).
func periodOf(date, interval string) string {
	switch interval {
	case "day":
		return date
	case "week":
		t, err := time.Parse("2006-01-02", date)
		if err != nil {
			return ""
		}
		back := (int(t.Weekday()) + 6) % 7 // days since Monday
		return t.AddDate(0, 0, -back).Format("2006-01-02")
	case "month":
		if len(date) < 7 {
			return date + "-01"
		}
		return date[:7] + "-01"
	}
	return ""
}

// memDyads counts event groups per country pair (and period) through the
// index.
func (s *Store) memDyads(ctx context.Context, f *dyad.DyadFilter, q string) ([]dyad.DyadCount, error) {
	if _, err := periodExpr("date", f.Interval); err != nil {
		return nil, err
	}
	ids, all, err := s.eventIDs(ctx, &f.EventFilter, q)
	if err != nil {
		return nil, err
	}
	ix, err := s.fresh(ctx)
	if err != nil {
		return nil, err
	}
	ix.mu.RLock()
	mf := ix.compile(&f.EventFilter)
	periodOfDate, periodNames, periodRank := ix.periods(f.Interval)
	ctryRank := ranks(ix.ctry.strs)
	empty, hasEmpty := ix.ctry.lookup("")
	type acc struct {
		key dyadKey
		n   int
		g   kbn
	}
	slot := map[dyadKey]int32{}
	var accs []acc
	// With the source (or the target) country fixed, a row is found in a
	// dense table by the other country and the period.
	var dense []int32 // accs index + 1
	nPeriods := uint64(len(periodNames))
	fixed := mf.srcC >= 0 || mf.tgtC >= 0
	if fixed && uint64(len(ix.ctry.strs))*nPeriods <= 1<<20 {
		dense = make([]int32, uint64(len(ix.ctry.strs))*nPeriods)
	}
	addGroup := func(g *memGroup) {
		if hasEmpty && (g.srcC == empty || g.tgtC == empty) {
			return
		}
		if f.Interval != "" && ix.dates.strs[g.date] == "" {
			return
		}
		k := uint64(g.srcC)<<42 | uint64(g.tgtC)<<21 | uint64(periodOfDate[g.date])
		var i int32
		if dense != nil && (mf.srcC < 0 || int64(g.srcC) == mf.srcC) && (mf.tgtC < 0 || int64(g.tgtC) == mf.tgtC) {
			other := g.tgtC
			if mf.srcC < 0 {
				other = g.srcC
			}
			d := &dense[uint64(other)*nPeriods+uint64(periodOfDate[g.date])]
			if *d == 0 {
				accs = append(accs, acc{key: k})
				*d = int32(len(accs))
			}
			i = *d - 1
		} else {
			var ok bool
			if i, ok = slot[k]; !ok {
				i = int32(len(accs))
				slot[k] = i
				accs = append(accs, acc{key: k})
			}
		}
		accs[i].n++
		accs[i].g.add(g.goldstein)
	}
	if all && !mf.none {
		for _, part := range partition(&mf, &ix.gBySrc, &ix.gByTgt) {
			for i := range part {
				if mf.group(ix, &part[i]) {
					addGroup(&part[i])
				}
			}
		}
	} else {
		// Events select the groups: each group once.
		seen := map[uint64]bool{}
		ix.eachEvent(&mf, ids, all, func(e *memEvent) {
			if e.grp != 0 && !seen[e.grp] {
				seen[e.grp] = true
				if g := ix.gBySrc.at(e.grp); g != nil {
					addGroup(g)
				}
			}
		})
	}
	// Order: period, count (largest first), source, target, compared as
	// ranks, packed in one number when they fit.
	packed := len(periodRank) < 1<<21 && len(ctryRank) < 1<<10
	for _, c := range accs {
		packed = packed && c.n < 1<<22
	}
	if packed {
		type item struct {
			order uint64
			i     int32
		}
		items := make([]item, len(accs))
		for i, c := range accs {
			k := c.key
			items[i] = item{uint64(periodRank[k&(1<<21-1)])<<42 | uint64(1<<22-1-c.n)<<20 |
				uint64(ctryRank[k>>42])<<10 | uint64(ctryRank[k>>21&(1<<21-1)]), int32(i)}
		}
		slices.SortFunc(items, func(a, b item) int { return cmp.Compare(a.order, b.order) })
		sorted := make([]acc, len(accs))
		for j, it := range items {
			sorted[j] = accs[it.i]
		}
		accs = sorted
	}
	if !packed {
		slices.SortFunc(accs, func(a, b acc) int {
			if c := cmp.Compare(periodRank[a.key&(1<<21-1)], periodRank[b.key&(1<<21-1)]); c != 0 {
				return c
			}
			if a.n != b.n {
				return cmp.Compare(b.n, a.n)
			}
			if c := cmp.Compare(ctryRank[a.key>>42], ctryRank[b.key>>42]); c != 0 {
				return c
			}
			return cmp.Compare(ctryRank[a.key>>21&(1<<21-1)], ctryRank[b.key>>21&(1<<21-1)])
		})
	}
	out := make([]dyad.DyadCount, 0, len(accs))
	for _, c := range accs {
		k := c.key
		out = append(out, dyad.DyadCount{Source: ix.ctry.strs[k>>42], Target: ix.ctry.strs[k>>21&(1<<21-1)], Period: periodNames[k&(1<<21-1)],
			Count: c.n, Goldstein: c.g.sum + c.g.c})
	}
	ix.mu.RUnlock()
	return out, nil
}
