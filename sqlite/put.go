package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// Near-duplicate thresholds (see the package documentation).
const (
	simhashMaxDistance = 3
	simhashMinShingles = 8
	titleMinWords      = 4
	titleMaxDays       = 3
)

// putStmts are the statements of one Put transaction.
type putStmts struct {
	known, idTaken, insDoc, band, cands, docByN, titleCands *sql.Stmt
	// rows waiting for a multi-row INSERT at the end of the call
	events, quotes []any
	groups         map[int64]*groupAgg
	groupOrder     []int64
}

// groupAgg is what one Put call adds to an event group.
type groupAgg struct {
	key                    groupKey
	srcCountry, tgtCountry string
	root                   string
	quad                   int
	goldstein              float64
	mentions               int
	sources                []string
}

var putSQL = map[string]string{
	"known":      `SELECT 1 FROM docs WHERE ident = ?`,
	"idTaken":    `SELECT 1 FROM docs WHERE id = ?`,
	"insDoc":     `INSERT INTO docs(id, ident, hash, url, date, source, title, title_key, simhash, dup_of, text, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING n`,
	"band":       `INSERT OR IGNORE INTO doc_bands(band, doc) VALUES (?, ?)`,
	"cands":      `SELECT d.n, d.simhash, d.dup_of FROM doc_bands b JOIN docs d ON d.n = b.doc WHERE b.band IN (?, ?, ?, ?)`,
	"docByN":     `SELECT id FROM docs WHERE n = ?`,
	"titleCands": `SELECT n, date, dup_of FROM docs WHERE title_key = ? ORDER BY n LIMIT 50`,
}

// The multi-row inserts of events and quotes.
const (
	eventInsert  = `INSERT INTO events(doc, idx, grp, date, code, root, quad, goldstein, src_code, src_country, src_name, tgt_code, tgt_country, tgt_name, text, event) VALUES `
	eventCols    = 16
	quoteInsert  = `INSERT INTO quotes(doc, idx, date, spk_code, spk_country, text, quote) VALUES `
	quoteCols    = 7
	groupInsert  = `INSERT INTO event_groups(id, date, src_code, tgt_code, code, src_country, tgt_country, root, quad, goldstein, mentions, sources) VALUES `
	groupCols    = 12
	groupUpsert  = ` ON CONFLICT(id) DO UPDATE SET mentions = mentions + excluded.mentions, sources = sources + excluded.sources`
	sourceInsert = `INSERT OR IGNORE INTO group_sources(grp, source) VALUES `
	sourceCols   = 2
	chunkRows    = 200
)

// insertRows inserts rows of cols values each, chunkRows at a time.
func insertRows(ctx context.Context, tx *sql.Tx, head string, cols int, args []any, tail string) error {
	row := "(" + strings.Repeat("?,", cols-1) + "?)"
	var full *sql.Stmt
	for len(args) > 0 {
		n := min(len(args)/cols, chunkRows)
		q := head + strings.Repeat(row+",", n-1) + row + tail
		var err error
		if n == chunkRows {
			if full == nil {
				if full, err = tx.PrepareContext(ctx, q); err != nil {
					return err
				}
				defer full.Close()
			}
			_, err = full.ExecContext(ctx, args[:n*cols]...)
		} else {
			_, err = tx.ExecContext(ctx, q, args[:n*cols]...)
		}
		if err != nil {
			return err
		}
		args = args[n*cols:]
	}
	return nil
}

func prepare(ctx context.Context, tx *sql.Tx) (*putStmts, error) {
	st := &putStmts{}
	targets := map[string]**sql.Stmt{
		"known": &st.known, "idTaken": &st.idTaken, "insDoc": &st.insDoc, "band": &st.band,
		"cands": &st.cands, "docByN": &st.docByN, "titleCands": &st.titleCands,
	}
	st.groups = map[int64]*groupAgg{}
	for name, q := range putSQL {
		s, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("preparing %s: %w", name, err)
		}
		*targets[name] = s
	}
	return st, nil
}

// Put stores coded documents in one transaction and reports how many were
// new; see the package documentation for identity, near-duplicates and
// mentions.
func (s *Store) Put(ctx context.Context, docs []dyad.StoredDoc) (int, error) {
	isNew, err := s.PutNew(ctx, docs)
	added := 0
	for _, n := range isNew {
		if n {
			added++
		}
	}
	return added, err
}

// PutNew is Put reporting, for each document, whether it was new.
func (s *Store) PutNew(ctx context.Context, docs []dyad.StoredDoc) ([]bool, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	// Hashes, simhashes and JSON need no database: they are made in
	// parallel before the writer's lock.
	preps := prepareAll(docs)
	s.mu.Lock()
	defer s.mu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("sqlite: put: %w", err)
	}
	defer tx.Rollback()
	st, err := prepare(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("sqlite: put: %w", err)
	}
	// The full-text indexes are filled by one statement each at the end:
	// FTS5 flushes its pending terms at every statement savepoint, so
	// row-by-row inserts between other statements cost a flush each.
	var lastEvent, lastQuote int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce((SELECT max(id) FROM events), 0), coalesce((SELECT max(id) FROM quotes), 0)`).Scan(&lastEvent, &lastQuote); err != nil {
		return nil, fmt.Errorf("sqlite: put: %w", err)
	}
	isNew := make([]bool, len(docs))
	for i := range docs {
		ok, err := st.put(ctx, &docs[i], preps[i])
		if err != nil {
			return nil, fmt.Errorf("sqlite: put %s: %w", docs[i].Doc.ID, err)
		}
		isNew[i] = ok
	}
	if err := st.flushGroups(ctx, tx); err != nil {
		return nil, fmt.Errorf("sqlite: put: event groups: %w", err)
	}
	if err := insertRows(ctx, tx, eventInsert, eventCols, st.events, ""); err != nil {
		return nil, fmt.Errorf("sqlite: put: events: %w", err)
	}
	if err := insertRows(ctx, tx, quoteInsert, quoteCols, st.quotes, ""); err != nil {
		return nil, fmt.Errorf("sqlite: put: quotes: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO event_fts(rowid, text) SELECT id, text FROM events WHERE id > ? AND text <> ''`, lastEvent); err != nil {
		return nil, fmt.Errorf("sqlite: put: indexing events: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO quote_fts(rowid, text) SELECT id, text FROM quotes WHERE id > ? AND text <> ''`, lastQuote); err != nil {
		return nil, fmt.Errorf("sqlite: put: indexing quotes: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("sqlite: put: commit: %w", err)
	}
	writes.Add(1) // the in-memory indexes of this process look again
	return isNew, nil
}

// Identity returns a document's identity: "url:URL" when it has a URL, else
// "sha256:HASH" of its text.
func Identity(doc dyad.Doc, hash string) string {
	if u := strings.TrimSpace(doc.URL); u != "" {
		return "url:" + u
	}
	if hash == "" {
		hash = Hash(doc.Text)
	}
	return "sha256:" + hash
}

// Hash returns the hex SHA-256 of a text.
func Hash(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])
}

// exists runs a "SELECT 1" statement.
func exists(ctx context.Context, st *sql.Stmt, arg any) (bool, error) {
	var one int
	err := st.QueryRowContext(ctx, arg).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// prepared is the work on one document that needs no database: done for
// all the documents of a Put in parallel, before the writer's lock.
type prepared struct {
	ident, id, date string // id: the document's id if it is not taken
	sents           []string
	sim             uint64
	shingles        int
	titleKey        string
	recJSON         []byte // the record without events, for id
	source          string
	evJSON          [][]byte
	evText          []string
	srcName         []string
	tgtName         []string
	qJSON           [][]byte
	err             error
}

// prepare does the database-free work on a document and fills its Hash.
func prepareDoc(sd *dyad.StoredDoc) *prepared {
	p := &prepared{}
	doc := sd.Doc
	if sd.Hash == "" {
		sd.Hash = Hash(doc.Text)
	}
	p.ident = Identity(doc, sd.Hash)
	rec := sd.Record
	p.id = doc.ID
	if p.id == "" {
		p.id = rec.Doc.ID
	}
	if p.id == "" {
		p.id = sd.Hash[:12]
	}
	p.date = string(rec.Doc.Date)
	if p.date == "" {
		p.date = doc.Date
	}
	p.sents = sentenceTexts(doc.Text, rec.Sentences)
	p.sim, p.shingles = simhash(p.sents)
	p.titleKey = normTitle(doc.Title)
	p.recJSON, p.err = recordJSON(rec, p.id, p.date)
	if p.err != nil {
		return p
	}
	p.source = sourceName(doc)
	n := len(rec.Events)
	p.evJSON, p.evText, p.srcName, p.tgtName = make([][]byte, n), make([]string, n), make([]string, n), make([]string, n)
	for i := range rec.Events {
		ev := &rec.Events[i]
		if p.evJSON[i], p.err = json.Marshal(ev); p.err != nil {
			return p
		}
		if ev.Sentence >= 0 && ev.Sentence < len(p.sents) {
			p.evText[i] = p.sents[ev.Sentence]
		}
		p.srcName[i], p.tgtName[i] = actorName(ev.Source, &rec), actorName(ev.Target, &rec)
	}
	p.qJSON = make([][]byte, len(rec.Quotes))
	for i := range rec.Quotes {
		if p.qJSON[i], p.err = json.Marshal(&rec.Quotes[i]); p.err != nil {
			return p
		}
	}
	return p
}

// recordJSON is the record as stored: with the document's final id and
// date, without its events (the events table holds them; Doc puts them
// back).
func recordJSON(rec dyad.Record, id, date string) ([]byte, error) {
	rec.Doc.ID = id
	if rec.Doc.Date == "" {
		rec.Doc.Date = dyad.OptString(date)
	}
	rec.Events = []dyad.Event{}
	return json.Marshal(rec)
}

// prepareAll prepares documents with up to GOMAXPROCS goroutines.
func prepareAll(docs []dyad.StoredDoc) []*prepared {
	out := make([]*prepared, len(docs))
	workers := min(runtime.GOMAXPROCS(0), (len(docs)+7)/8)
	if workers <= 1 {
		for i := range docs {
			out[i] = prepareDoc(&docs[i])
		}
		return out
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(docs) {
					return
				}
				out[i] = prepareDoc(&docs[i])
			}
		}()
	}
	wg.Wait()
	return out
}

// put stores one prepared document; false when it is known already. It
// fills the document's final id and DupOf.
func (st *putStmts) put(ctx context.Context, sd *dyad.StoredDoc, p *prepared) (bool, error) {
	if p.err != nil {
		return false, p.err
	}
	doc := sd.Doc
	if known, err := exists(ctx, st.known, p.ident); err != nil || known {
		return false, err
	}
	rec := &sd.Record
	doc.ID = p.id
	recJSON := p.recJSON
	if taken, err := exists(ctx, st.idTaken, doc.ID); err != nil {
		return false, err
	} else if taken {
		doc.ID += "#" + sd.Hash[:12]
		if taken, err := exists(ctx, st.idTaken, doc.ID); err != nil {
			return false, err
		} else if taken {
			doc.ID = strings.TrimSuffix(doc.ID, sd.Hash[:12]) + sd.Hash
		}
		if recJSON, err = recordJSON(*rec, doc.ID, p.date); err != nil {
			return false, err
		}
	}
	date := p.date
	dup, err := st.findDup(ctx, p.sim, p.shingles, p.titleKey, date)
	if err != nil {
		return false, err
	}
	var dupOf any
	if dup > 0 {
		dupOf = dup
		if err := st.docByN.QueryRowContext(ctx, dup).Scan(&sd.DupOf); err != nil {
			return false, err
		}
	}
	var n int64
	if err := st.insDoc.QueryRowContext(ctx, doc.ID, p.ident, sd.Hash, doc.URL, date, doc.Source, doc.Title,
		p.titleKey, int64(p.sim), dupOf, doc.Text, recJSON).Scan(&n); err != nil {
		return false, err
	}
	if p.shingles >= simhashMinShingles {
		for _, b := range bands(p.sim) {
			if _, err := st.band.ExecContext(ctx, b, n); err != nil {
				return false, err
			}
		}
	}

	// Event groups: one mention per document per group.
	source := p.source
	groups := map[groupKey]int64{}
	for i := range rec.Events {
		ev := &rec.Events[i]
		k := keyOf(date, ev)
		if _, ok := groups[k]; ok {
			continue
		}
		id := k.id()
		groups[k] = id
		g := st.groups[id]
		if g == nil {
			g = &groupAgg{key: k, srcCountry: actorCountry(ev.Source), tgtCountry: actorCountry(ev.Target),
				root: ev.Root, quad: ev.QuadClass, goldstein: ev.Goldstein}
			st.groups[id] = g
			st.groupOrder = append(st.groupOrder, id)
		}
		g.mentions++
		if !slices.Contains(g.sources, source) {
			g.sources = append(g.sources, source)
		}
	}
	for i := range rec.Events {
		ev := &rec.Events[i]
		st.events = append(st.events, n, i, groups[keyOf(date, ev)], date, ev.Code, ev.Root, ev.QuadClass, ev.Goldstein,
			actorCodeOf(ev.Source), actorCountry(ev.Source), p.srcName[i],
			actorCodeOf(ev.Target), actorCountry(ev.Target), p.tgtName[i], p.evText[i], p.evJSON[i])
	}
	for i := range rec.Quotes {
		q := &rec.Quotes[i]
		code := ""
		if q.Speaker != nil {
			code = string(q.Speaker.Code)
		}
		st.quotes = append(st.quotes, n, i, date, code, codeCountry(code), q.Text, p.qJSON[i])
	}
	sd.Doc.ID = doc.ID
	return true, nil
}

// findDup returns the n of the first document of the cluster a new document
// near-duplicates, or 0.
func (st *putStmts) findDup(ctx context.Context, sim uint64, shingles int, titleKey, date string) (int64, error) {
	best := int64(0)
	consider := func(n int64, dupOf sql.NullInt64) {
		root := n
		if dupOf.Valid {
			root = dupOf.Int64
		}
		if best == 0 || root < best {
			best = root
		}
	}
	if shingles >= simhashMinShingles {
		b := bands(sim)
		rows, err := st.cands.QueryContext(ctx, b[0], b[1], b[2], b[3])
		if err != nil {
			return 0, err
		}
		for rows.Next() {
			var n, h int64
			var dupOf sql.NullInt64
			if err := rows.Scan(&n, &h, &dupOf); err != nil {
				rows.Close()
				return 0, err
			}
			if bits.OnesCount64(uint64(h)^sim) <= simhashMaxDistance {
				consider(n, dupOf)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, err
		}
	}
	if titleKey != "" {
		rows, err := st.titleCands.QueryContext(ctx, titleKey)
		if err != nil {
			return 0, err
		}
		for rows.Next() {
			var n int64
			var d string
			var dupOf sql.NullInt64
			if err := rows.Scan(&n, &d, &dupOf); err != nil {
				rows.Close()
				return 0, err
			}
			if datesNear(d, date, titleMaxDays) {
				consider(n, dupOf)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, err
		}
	}
	return best, nil
}

// groupKey identifies an event group.
type groupKey struct{ date, src, tgt, code string }

// id is the group's row id: a 63-bit FNV-1a hash of its key, so that
// events can point to their group before it is written. (Two keys share an
// id with probability about n²/2⁶⁴ for n groups.)
func (k groupKey) id() int64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for i, s := range [4]string{k.date, k.src, k.tgt, k.code} {
		if i > 0 {
			h *= prime // a 0 byte between the parts
		}
		for j := 0; j < len(s); j++ {
			h ^= uint64(s[j])
			h *= prime
		}
	}
	id := int64(h >> 1)
	if id == 0 {
		id = 1
	}
	return id
}

// flushGroups writes what this call adds to event groups: the sources new
// to a group are inserted first (RETURNING names the groups that gained
// one), then mentions and the number of new sources are added to the
// group in one upsert, without counting group_sources again.
func (st *putStmts) flushGroups(ctx context.Context, tx *sql.Tx) error {
	if len(st.groupOrder) == 0 {
		return nil
	}
	var srcRows []any
	for _, id := range st.groupOrder {
		for _, s := range st.groups[id].sources {
			srcRows = append(srcRows, id, s)
		}
	}
	gained := map[int64]int{}
	if err := insertReturning(ctx, tx, sourceInsert, sourceCols, srcRows, " RETURNING grp", func(rows *sql.Rows) error {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		gained[id]++
		return nil
	}); err != nil {
		return err
	}
	rows := make([]any, 0, groupCols*len(st.groupOrder))
	for _, id := range st.groupOrder {
		g := st.groups[id]
		rows = append(rows, id, g.key.date, g.key.src, g.key.tgt, g.key.code, g.srcCountry, g.tgtCountry, g.root, g.quad, g.goldstein, g.mentions, gained[id])
	}
	return insertRows(ctx, tx, groupInsert, groupCols, rows, groupUpsert)
}

// insertReturning inserts rows of cols values each, chunkRows at a time,
// with a RETURNING tail, calling fn for each row returned.
func insertReturning(ctx context.Context, tx *sql.Tx, head string, cols int, args []any, tail string, fn func(*sql.Rows) error) error {
	row := "(" + strings.Repeat("?,", cols-1) + "?)"
	for len(args) > 0 {
		n := min(len(args)/cols, chunkRows)
		rows, err := tx.QueryContext(ctx, head+strings.Repeat(row+",", n-1)+row+tail, args[:n*cols]...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := fn(rows); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		args = args[n*cols:]
	}
	return nil
}

func keyOf(date string, ev *dyad.Event) groupKey {
	return groupKey{date, actorCodeOf(ev.Source), actorCodeOf(ev.Target), ev.Code}
}

func actorCodeOf(a *dyad.Actor) string {
	if a == nil {
		return ""
	}
	return a.Code
}

// actorCountry is the first three letters of the actor's code: its
// country ("---" for an unknown one) or "IGO" for an organisation.
func actorCountry(a *dyad.Actor) string {
	if a == nil {
		return ""
	}
	return codeCountry(a.Code)
}

// codeCountry is the country part of an actor code.
func codeCountry(code string) string {
	if len(code) >= 3 {
		return code[:3]
	}
	return ""
}

// actorName is the name the document gives an actor: its entity's name,
// else its text, less a leading "the".
func actorName(a *dyad.Actor, rec *dyad.Record) string {
	if a == nil {
		return ""
	}
	name := a.Text
	if a.Entity != "" {
		for i := range rec.Entities {
			if rec.Entities[i].ID == string(a.Entity) {
				name = rec.Entities[i].Name
				break
			}
		}
	}
	name = strings.Join(strings.Fields(name), " ")
	for _, the := range []string{"the ", "The "} {
		name = strings.TrimPrefix(name, the)
	}
	return name
}

// sourceName is the source a document counts for in NumSources.
func sourceName(doc dyad.Doc) string {
	if s := strings.TrimSpace(doc.Source); s != "" {
		return s
	}
	if u, err := url.Parse(doc.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	}
	return "unknown"
}

// sentenceTexts cuts the text of each sentence out of the document.
func sentenceTexts(text string, sents []dyad.Sentence) []string {
	out := make([]string, len(sents))
	runeAt, byteAt := 0, 0
	offset := func(r int) int {
		if r < runeAt {
			runeAt, byteAt = 0, 0
		}
		for runeAt < r && byteAt < len(text) {
			_, size := utf8.DecodeRuneInString(text[byteAt:])
			byteAt += size
			runeAt++
		}
		return byteAt
	}
	for i, s := range sents {
		if s.ByteEnd > s.ByteStart && s.ByteStart >= 0 && s.ByteEnd <= len(text) {
			out[i] = text[s.ByteStart:s.ByteEnd]
			continue
		}
		if s.End > s.Start && s.Start >= 0 {
			b0 := offset(s.Start)
			out[i] = text[b0:offset(s.End)]
		}
	}
	return out
}

// simhash returns the 64-bit simhash of the 3-word shingles of the texts'
// lower-cased words (letters and digits), and the number of shingles.
func simhash(texts []string) (uint64, int) {
	const offset, prime = 14695981039346656037, 1099511628211
	var votes [64]int32
	var w [3]uint64 // hashes of the last three words
	nw, shingles := 0, 0
	word := uint64(offset)
	inWord := false
	endWord := func() {
		w[0], w[1], w[2] = w[1], w[2], word
		word, inWord = offset, false
		nw++
		if nw < 3 {
			return
		}
		v := (w[0]*31+w[1])*prime ^ w[2]
		v ^= v >> 29
		v *= 0xbf58476d1ce4e5b9
		v ^= v >> 32
		shingles++
		for b := 0; b < 64; b++ {
			votes[b] += int32(v>>b&1)*2 - 1
		}
	}
	for _, t := range texts {
		for _, r := range t {
			if r < utf8.RuneSelf {
				c := byte(r)
				switch {
				case c >= 'A' && c <= 'Z':
					c += 'a' - 'A'
				case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				default:
					if inWord {
						endWord()
					}
					continue
				}
				word = (word ^ uint64(c)) * prime
				inWord = true
				continue
			}
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				if inWord {
					endWord()
				}
				continue
			}
			word = (word ^ uint64(unicode.ToLower(r))) * prime
			inWord = true
		}
		if inWord {
			endWord()
		}
	}
	var sim uint64
	for b := 0; b < 64; b++ {
		if votes[b] > 0 {
			sim |= 1 << b
		}
	}
	return sim, shingles
}

// bands are the four 16-bit bands of a simhash, each tagged with its index.
func bands(sim uint64) [4]int64 {
	var b [4]int64
	for i := range 4 {
		b[i] = int64(i)<<16 | int64((sim>>(16*i))&0xffff)
	}
	return b
}

// normTitle is a title's comparison key: lower-case words joined by one
// space; "" when it has fewer than titleMinWords words.
func normTitle(title string) string {
	words := strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) < titleMinWords {
		return ""
	}
	return strings.Join(words, " ")
}

// datesNear reports whether two YYYY-MM-DD dates are at most days apart;
// an unknown date is near any.
func datesNear(a, b string, days int) bool {
	ta, err1 := time.Parse("2006-01-02", a)
	tb, err2 := time.Parse("2006-01-02", b)
	if err1 != nil || err2 != nil {
		return true
	}
	d := ta.Sub(tb)
	if d < 0 {
		d = -d
	}
	return d <= time.Duration(days)*24*time.Hour
}
