// Package http serves the event database over HTTP: a JSON API over a
// dyad.Store and a web UI embedded in the binary.
//
// # API
//
//	GET  /api/events     events, newest first: {"events": [...], "total": N}
//	GET  /api/dyads      counts and Goldstein sums per country pair (and period)
//	GET  /api/actors     counts per actor code as source and target
//	GET  /api/quotes     quotations: {"quotes": [...], "total": N}
//	GET  /api/docs/{id}  one stored document and its record; 404 when none
//	POST /api/docs       code and store one document or an array of them
//	GET  /healthz        {"status": "ok"}
//
// The GET endpoints take the filters source and target (a country,
// "IRN", or a full actor code, "IRNMIL"), code (a CAMEO code), root (a
// CAMEO root), quad (QuadClass 1..4), from and to (YYYY-MM-DD, inclusive),
// q (full-text search), doc (a document id), limit and offset; /api/dyads
// also takes interval=day|week|month. A bad value is answered with 400 and
// {"error": "..."} naming the parameter.
//
// POST /api/docs needs the header "Authorization: Bearer TOKEN" with the
// token of Options.Token; without a configured token it always answers
// 401, so a server started without one is read-only.
package http

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/pipeline"
)

// DefaultMaxBody is the largest request body POST /api/docs accepts when
// Options.MaxBody is 0: 20 MiB.
const DefaultMaxBody = 20 << 20

// Options configures a Server.
type Options struct {
	// Token is the bearer token POST /api/docs requires. When empty, every
	// POST is refused with 401.
	Token string
	// MaxBody is the largest POST body in bytes; 0 means DefaultMaxBody.
	MaxBody int64
	// Log receives internal errors (store failures); nil means the
	// standard logger.
	Log *log.Logger
}

// Server is the HTTP API and web UI. It is an http.Handler.
type Server struct {
	store dyad.Store
	pipe  *pipeline.Pipeline
	opts  Options
	mux   *http.ServeMux
}

// NewServer returns a server reading and writing store. p codes the
// documents POSTed to /api/docs; when nil, POST answers 503.
func NewServer(store dyad.Store, p *pipeline.Pipeline, opts Options) *Server {
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.Log == nil {
		opts.Log = log.Default()
	}
	s := &Server{store: store, pipe: p, opts: opts, mux: http.NewServeMux()}
	s.mux.HandleFunc("GET /healthz", s.handleHealth)
	s.mux.HandleFunc("GET /api/events", s.handleEvents)
	s.mux.HandleFunc("GET /api/dyads", s.handleDyads)
	s.mux.HandleFunc("GET /api/actors", s.handleActors)
	s.mux.HandleFunc("GET /api/quotes", s.handleQuotes)
	s.mux.HandleFunc("GET /api/docs/{id...}", s.handleDoc)
	s.mux.HandleFunc("POST /api/docs", s.handlePostDocs)
	s.mux.HandleFunc("/api/", notFound)
	s.mux.Handle("/", uiHandler())
	return s
}

// notFound answers requests under /api/ that no endpoint takes: 405 for a
// known path with another method, else 404.
func notFound(w http.ResponseWriter, r *http.Request) {
	allow := ""
	switch p := r.URL.Path; {
	case p == "/api/events" || p == "/api/dyads" || p == "/api/actors" || p == "/api/quotes":
		allow = "GET, HEAD"
	case p == "/api/docs":
		allow = "POST"
	case strings.HasPrefix(p, "/api/docs/"):
		allow = "GET, HEAD"
	}
	if allow != "" {
		w.Header().Set("Allow", allow)
		writeError(w, http.StatusMethodNotAllowed, "method not allowed: "+r.Method+" "+r.URL.Path+" (allowed: "+allow+")")
		return
	}
	writeError(w, http.StatusNotFound, "no such endpoint: "+r.Method+" "+r.URL.Path)
}

// ServeHTTP dispatches a request to the API or the UI.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	s.mux.ServeHTTP(w, r)
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// eventsResponse is the body of GET /api/events.
type eventsResponse struct {
	Events []dyad.StoredEvent `json:"events"`
	Total  int                `json:"total"`
}

func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	f, err := parseEventFilter(r.URL.Query())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	events, total, err := s.store.Events(r.Context(), f)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	if events == nil {
		events = []dyad.StoredEvent{}
	}
	writeJSON(w, http.StatusOK, eventsResponse{Events: events, Total: total})
}

// dyadsResponse is the body of GET /api/dyads.
type dyadsResponse struct {
	Dyads    []dyad.DyadCount `json:"dyads"`
	Interval string           `json:"interval,omitempty"`
}

func (s *Server) handleDyads(w http.ResponseWriter, r *http.Request) {
	f, err := parseDyadFilter(r.URL.Query())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	dyads, err := s.store.Dyads(r.Context(), f)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	if dyads == nil {
		dyads = []dyad.DyadCount{}
	}
	writeJSON(w, http.StatusOK, dyadsResponse{Dyads: dyads, Interval: f.Interval})
}

// actorsResponse is the body of GET /api/actors.
type actorsResponse struct {
	Actors []dyad.ActorCount `json:"actors"`
}

func (s *Server) handleActors(w http.ResponseWriter, r *http.Request) {
	f, err := parseEventFilter(r.URL.Query())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	actors, err := s.store.Actors(r.Context(), f)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	if actors == nil {
		actors = []dyad.ActorCount{}
	}
	writeJSON(w, http.StatusOK, actorsResponse{Actors: actors})
}

// quotesResponse is the body of GET /api/quotes.
type quotesResponse struct {
	Quotes []dyad.StoredQuote `json:"quotes"`
	Total  int                `json:"total"`
}

func (s *Server) handleQuotes(w http.ResponseWriter, r *http.Request) {
	f, err := parseEventFilter(r.URL.Query())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	quotes, total, err := s.store.Quotes(r.Context(), f)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	if quotes == nil {
		quotes = []dyad.StoredQuote{}
	}
	writeJSON(w, http.StatusOK, quotesResponse{Quotes: quotes, Total: total})
}

func (s *Server) handleDoc(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if id == "" {
		writeError(w, http.StatusBadRequest, "id: a document id is required")
		return
	}
	doc, ok, err := s.store.Doc(r.Context(), id)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	if !ok {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no document with id %q", id))
		return
	}
	writeJSON(w, http.StatusOK, doc)
}

// authorized reports whether r carries the configured bearer token.
func (s *Server) authorized(r *http.Request) bool {
	if s.opts.Token == "" {
		return false
	}
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(token)), []byte(s.opts.Token)) == 1
}

// internal answers 500 for a failure that is not the client's, and logs
// it; a request the client gave up on is not logged.
func (s *Server) internal(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		return
	}
	s.opts.Log.Printf("dyad http: %s %s: %v", r.Method, r.URL.RequestURI(), err)
	writeError(w, http.StatusInternalServerError, "internal error: "+err.Error())
}

// errorResponse is the body of every error answer.
type errorResponse struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorResponse{Error: msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b, _ = json.Marshal(errorResponse{Error: "encoding the answer: " + err.Error()})
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte("\n"))
}
