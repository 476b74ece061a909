// Package sqlite is dyad's embedded event database: an implementation of
// dyad.Store on SQLite (modernc.org/sqlite, pure Go), in WAL mode, with
// full-text search (FTS5) over event sentences and quotations.
//
// # Schema
//
// The schema is built by numbered migrations embedded from migrations/
// (0001_init.sql, …); the table schema_version records the last one applied,
// and Open applies the missing ones, each in its own transaction. A database
// written by a newer dyad (a version this one does not know) is refused.
//
// # Identity
//
// A document is identified by its URL when it has one, else by the SHA-256
// of its text (StoredDoc.Hash). Put skips documents whose identity is
// stored already, so ingesting the same input twice adds nothing, and each
// Put call is one transaction. A new document whose id is taken by a
// different document is stored as "ID#HASH12" (the first 12 hex digits of
// its hash).
//
// # Near-duplicates
//
// A new document is a near-duplicate of a stored one, and its dup_of links
// to the first stored document of that cluster (StoredDoc.DupOf), when
//
//   - the 64-bit simhashes of their coded text (the sentences, dateline and
//     trailers left out; 3-word shingles of lower-cased words, FNV-1a) differ
//     in at most 3 bits, both texts having at least 8 shingles; or
//   - their titles are equal after lower-casing and dropping punctuation,
//     have at least 4 words, and their dates are at most 3 days apart (or
//     one is unknown).
//
// Candidates are found through the four 16-bit bands of the simhash (with
// at most 3 differing bits one band is equal) and the title index.
//
// # Mentions
//
// Events with the same date, source actor code, target actor code and event
// code are one event reported several times: an event group. The group's
// NumMentions is the number of documents reporting it (a document counts
// once however many of its sentences do), its NumSources the number of
// distinct sources among them (Doc.Source, else the URL's host, else
// "unknown"). Near-duplicates count as mentions, as in GDELT. Every event
// row is kept (Events lists each report with its group's counts), but Dyads
// and Actors count groups, not reports: an event reported by ten articles
// counts once, with its Goldstein value once.
//
// # Queries
//
// Events and Dyads filter and count through an in-memory index of the
// events and event groups (index.go), loaded from the database at the first
// query (a few seconds for a million events) and kept up to date from it:
// at once after a Put of the same process, within 50 ms after a write of
// another one. Only the page of events returned is read from the database.
// Queries run on a pool of read-only connections (WAL readers) beside the
// writer's, admitted in arrival order.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/dyad-events/dyad"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Limits of Events and Quotes.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

// Store is the SQLite event database. It is safe for concurrent use; Put
// calls are serialised.
type Store struct {
	db   *sql.DB // the writer's pool (Put, migrations, DB)
	rdb  *sql.DB // read-only connections for queries (WAL readers)
	path string
	mu   sync.Mutex // serialises Put
	mem  *memIndex  // events and groups for Events and Dyads, see index.go
	// slots admits queries in arrival order, as many at once as rdb has
	// connections (database/sql hands a freed connection to a random
	// waiter, which makes the slowest answers under load very slow).
	slots chan struct{}
}

var _ dyad.Store = (*Store)(nil)

// Open opens (creating it if needed) the database at path and brings its
// schema up to date.
func Open(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("sqlite: no database path")
	}
	dsn := func(pragmas ...string) string {
		q := url.Values{}
		for _, p := range pragmas {
			q.Add("_pragma", p)
		}
		q.Set("_txlock", "immediate")
		return "file:" + escapePath(path) + "?" + q.Encode()
	}
	common := []string{"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(0)", "temp_store(MEMORY)", "mmap_size(1073741824)"}
	db, err := sql.Open("sqlite", dsn(append(common, "cache_size(-131072)", "wal_autocheckpoint(8192)")...))
	if err != nil {
		return nil, fmt.Errorf("sqlite: opening %s: %w", path, err)
	}
	db.SetMaxOpenConns(max(4, runtime.GOMAXPROCS(0)+2))
	db.SetMaxIdleConns(max(4, runtime.GOMAXPROCS(0)+2))
	s := &Store{db: db, path: path, mem: newMemIndex()}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	// Readers: the schema is up to date now; each has a smaller page cache
	// (the database is memory-mapped) and cannot write.
	readers := max(4, 2*runtime.GOMAXPROCS(0))
	if s.rdb, err = sql.Open("sqlite", dsn(append(common, "cache_size(-32768)", "query_only(1)")...)); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: opening %s: %w", path, err)
	}
	s.rdb.SetMaxOpenConns(readers)
	s.rdb.SetMaxIdleConns(readers)
	s.slots = make(chan struct{}, readers)
	return s, nil
}

// escapePath makes a file path safe inside a "file:" URI.
func escapePath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
}

// DB returns the underlying database, for tools and tests that need SQL.
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error {
	err := s.rdb.Close()
	if err2 := s.db.Close(); err == nil {
		err = err2
	}
	return err
}

// admit waits for a query slot (in arrival order); the caller calls the
// returned function when done.
func (s *Store) admit(ctx context.Context) (func(), error) {
	select {
	case s.slots <- struct{}{}:
		return func() { <-s.slots }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in version order.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		name := e.Name()
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migrations/%s: name must be NNNN_what.sql", name)
		}
		b, err := migrationFS.ReadFile("migrations/" + name)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migrations/%s: expected version %d", m.name, i+1)
		}
	}
	return out, nil
}

// SchemaVersion is the schema version this package writes.
func SchemaVersion() int {
	ms, _ := migrations()
	return len(ms)
}

// Version returns the schema version of the open database.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v)
	return v, err
}

// migrate applies the migrations the database lacks.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied TEXT NOT NULL DEFAULT (datetime('now')))`); err != nil {
		return fmt.Errorf("creating schema_version: %w", err)
	}
	for {
		cur, err := s.Version(ctx)
		if err != nil {
			return fmt.Errorf("reading schema_version: %w", err)
		}
		if cur > len(ms) {
			return fmt.Errorf("database schema version %d is newer than this dyad's (%d): upgrade dyad", cur, len(ms))
		}
		if cur == len(ms) {
			return nil
		}
		m := ms[cur]
		if err := s.apply(ctx, m); err != nil {
			return err
		}
	}
}

// apply runs one migration in a transaction. Another process may have
// applied it meanwhile: the version is checked again inside.
func (s *Store) apply(ctx context.Context, m migration) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	defer tx.Rollback()
	var cur int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&cur); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if cur >= m.version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version(version) VALUES (?)`, m.version); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	return nil
}
