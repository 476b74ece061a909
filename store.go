package dyad

import "context"

// Store is the event database: coded documents go in, events, dyads,
// actors, quotes and documents come out. The embedded implementation is
// package sqlite; the HTTP API and the exporters read through this
// interface only.
type Store interface {
	// Put stores coded documents. A document already stored (same URL,
	// else same content hash) is skipped, so ingesting the same input
	// twice adds nothing; Put reports how many documents were new. Each
	// call is atomic: after a crash either all of its documents are
	// stored or none is.
	Put(ctx context.Context, docs []StoredDoc) (added int, err error)
	// Events returns the events that pass the filter, newest first, and
	// the number of such events (for paging).
	Events(ctx context.Context, f EventFilter) (events []StoredEvent, total int, err error)
	// Dyads counts events per (source country, target country), and per
	// period when f.Interval is set.
	Dyads(ctx context.Context, f DyadFilter) ([]DyadCount, error)
	// Actors counts events per actor code (as source or target).
	Actors(ctx context.Context, f EventFilter) ([]ActorCount, error)
	// Quotes returns the quotations that pass the filter (Doc, From, To,
	// Q, Source as the speaker's country or code) and their number.
	Quotes(ctx context.Context, f EventFilter) (quotes []StoredQuote, total int, err error)
	// Doc returns a stored document and its record; ok is false when there
	// is none with that id.
	Doc(ctx context.Context, id string) (doc StoredDoc, ok bool, err error)
	// Close closes the store.
	Close() error
}

// StoredDoc is a document with its coded record, as stored.
type StoredDoc struct {
	Doc    Doc    `json:"doc"`
	Record Record `json:"record"`
	// Hash is the SHA-256 of the document text (hex); the store fills it
	// when empty.
	Hash string `json:"hash"`
	// DupOf is the id of the stored document this one is a near-duplicate
	// of (the first of its cluster), empty when none; the store sets it.
	DupOf string `json:"dup_of,omitempty"`
}

// EventFilter selects events. Zero values select everything.
type EventFilter struct {
	// Source and Target are a country (3 letters: "IRN") or a full actor
	// code ("IRNMIL").
	Source, Target string
	Code           string // a CAMEO code, exact ("043")
	Root           string // a CAMEO root ("04")
	Quad           int    // a QuadClass 1..4
	From, To       string // dates YYYY-MM-DD, inclusive
	Q              string // full-text search over the sentence text
	Doc            string // a document id
	Limit, Offset  int    // paging; Limit 0 means the store's default
}

// StoredEvent is an event as the store returns it: the output contract's
// event plus where it comes from and how often it was reported.
type StoredEvent struct {
	Event
	ID    int64  `json:"id"`
	DocID string `json:"doc_id"`
	Date  string `json:"date"`
	// URL is the document's URL, empty when it has none.
	URL string `json:"url,omitempty"`
	// Sentence text of the event, for display and search.
	Text string `json:"text"`
	// NumMentions counts the documents that report this event (same date,
	// source, target and code); NumSources the distinct sources among
	// them (GDELT's NumMentions and NumSources).
	NumMentions int `json:"num_mentions"`
	NumSources  int `json:"num_sources"`
}

// DyadFilter selects events for dyad counts; Interval is "", "day",
// "week" or "month".
type DyadFilter struct {
	EventFilter
	Interval string
}

// DyadCount is the number of events from one country to another (in one
// period when counted per interval) and the sum of their Goldstein values.
type DyadCount struct {
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Period    string  `json:"period,omitempty"` // first day of the period
	Count     int     `json:"count"`
	Goldstein float64 `json:"goldstein"`
}

// ActorCount is how often an actor code appears as source or target.
type ActorCount struct {
	Code    string `json:"code"`
	Name    string `json:"name,omitempty"` // a name the documents give it
	Country string `json:"country,omitempty"`
	Source  int    `json:"as_source"`
	Target  int    `json:"as_target"`
}

// StoredQuote is a quotation with the document it comes from.
type StoredQuote struct {
	Quote
	DocID string `json:"doc_id"`
	Date  string `json:"date"`
}
