package http

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/http/memstore"
	"github.com/dyad-events/dyad/pipeline"
)

// Fictional actors of our own: Freedonia (FRD), Sylvania (SYL), Ruritania (RUR).
const (
	docA = "Freedonia's defence minister met Sylvanian officials in the capital on Monday."
	docB = "Sylvania's army shelled a border post held by Ruritanian troops."
)

func actor(text string, start int, code, country string) *dyad.Actor {
	return &dyad.Actor{Text: text, Start: start, End: start + len([]rune(text)), Code: code, Country: dyad.OptString(country)}
}

// fixture returns a store holding two documents with three events.
func fixture(t *testing.T) *memstore.Store {
	t.Helper()
	st := memstore.New()
	docs := []dyad.StoredDoc{
		{Doc: dyad.Doc{ID: "a/1", Text: docA, Date: "2024-03-04", Source: "Wire One"},
			Record: dyad.Record{
				Sentences: []dyad.Sentence{{Start: 0, End: len(docA)}},
				Entities:  []dyad.Entity{{ID: "e1", Name: "Freedonia's defence minister", Code: "FRDMIL", Mentions: [][2]int{{0, 28}}}},
				Events: []dyad.Event{{Code: "043", Root: "04", QuadClass: 1, Goldstein: 2.8, Label: "Host a visit",
					Source: actor("Freedonia's defence minister", 0, "FRDMIL", "FRD"),
					Target: actor("Sylvanian officials", 33, "SYLGOV", "SYL"),
					Verb:   dyad.TextSpan{Text: "met", Start: 29, End: 32}, Rule: "verbs.txt:1 043: meet"}},
				Quotes: []dyad.Quote{{Start: 0, End: 10, Text: "Freedonia'", Direct: true,
					Speaker: &dyad.Speaker{Text: "minister", Code: "FRDMIL"}}},
			}},
		{Doc: dyad.Doc{ID: "b", Text: docB, Date: "2024-04-20", Source: "Wire Two", URL: "https://example.org/b"},
			Record: dyad.Record{
				Sentences: []dyad.Sentence{{Start: 0, End: len(docB)}},
				Events: []dyad.Event{
					{Code: "195", Root: "19", QuadClass: 4, Goldstein: -10, Label: "Employ aerial weapons",
						Source: actor("Sylvania's army", 0, "SYLMIL", "SYL"),
						Target: actor("Ruritanian troops", 47, "RURMIL", "RUR"),
						Verb:   dyad.TextSpan{Text: "shelled", Start: 16, End: 23}, Rule: "verbs.txt:2"},
					{Code: "190", Root: "19", QuadClass: 4, Goldstein: -10,
						Source: actor("Sylvania's army", 0, "SYLMIL", "SYL"),
						Target: actor("Ruritanian troops", 47, "RURMIL", "RUR"),
						Verb:   dyad.TextSpan{Text: "shelled", Start: 16, End: 23}, Rule: "verbs.txt:3"},
				},
			}},
	}
	if _, err := st.Put(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	return st
}

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

func testPipeline(t *testing.T) *pipeline.Pipeline {
	t.Helper()
	pipeOnce.Do(func() { pipe, pipeErr = pipeline.New(pipeline.Options{}) })
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipe
}

func quietLog() *log.Logger { return log.New(io.Discard, "", 0) }

// do sends one request and decodes the JSON answer into out (when not nil).
func do(t *testing.T, h http.Handler, method, target, body string, header map[string]string, out any) *httptest.ResponseRecorder {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if out != nil {
		if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Fatalf("%s %s: content type %q, want JSON; body %s", method, target, ct, w.Body)
		}
		if err := json.Unmarshal(w.Body.Bytes(), out); err != nil {
			t.Fatalf("%s %s: %v: %s", method, target, err, w.Body)
		}
	}
	return w
}

func TestParseEventFilter(t *testing.T) {
	tests := []struct {
		query   string
		want    dyad.EventFilter
		wantErr string // the parameter the error names
	}{
		{"", dyad.EventFilter{}, ""},
		{"source=irn&target=SYRGOV&code=043&root=04&quad=1&from=2024-01-01&to=2024-02-01&q=talks+gaza&doc=x/1&limit=10&offset=20",
			dyad.EventFilter{Source: "IRN", Target: "SYRGOV", Code: "043", Root: "04", Quad: 1, From: "2024-01-01", To: "2024-02-01",
				Q: "talks gaza", Doc: "x/1", Limit: 10, Offset: 20}, ""},
		{"source=---GOV", dyad.EventFilter{Source: "---GOV"}, ""},
		{"unknown=1", dyad.EventFilter{}, ""},
		{"source=IR", dyad.EventFilter{}, "source"},
		{"target=IRN%27--", dyad.EventFilter{}, "target"},
		{"code=04a", dyad.EventFilter{}, "code"},
		{"code=12345", dyad.EventFilter{}, "code"},
		{"root=4", dyad.EventFilter{}, "root"},
		{"quad=5", dyad.EventFilter{}, "quad"},
		{"quad=x", dyad.EventFilter{}, "quad"},
		{"from=2024-13-01", dyad.EventFilter{}, "from"},
		{"to=yesterday", dyad.EventFilter{}, "to"},
		{"from=2024-02-01&to=2024-01-01", dyad.EventFilter{}, "from"},
		{"limit=-1", dyad.EventFilter{}, "limit"},
		{"limit=1001", dyad.EventFilter{}, "limit"},
		{"offset=x", dyad.EventFilter{}, "offset"},
		{"q=" + strings.Repeat("a", 501), dyad.EventFilter{}, "q"},
	}
	for _, tt := range tests {
		v, _ := url.ParseQuery(tt.query)
		got, err := parseEventFilter(v)
		if tt.wantErr != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr+":") {
				t.Errorf("%q: error %v, want one naming %s", tt.query, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%q: got %+v, %v; want %+v", tt.query, got, err, tt.want)
		}
	}
}

func TestParseDyadFilter(t *testing.T) {
	tests := []struct {
		query, interval string
		ok              bool
	}{
		{"", "", true}, {"interval=day", "day", true}, {"interval=Week", "week", true},
		{"interval=month&source=FRD", "month", true}, {"interval=year", "", false}, {"interval=day&quad=9", "", false},
	}
	for _, tt := range tests {
		v, _ := url.ParseQuery(tt.query)
		f, err := parseDyadFilter(v)
		if (err == nil) != tt.ok || tt.ok && f.Interval != tt.interval {
			t.Errorf("%q: got %q, %v", tt.query, f.Interval, err)
		}
	}
}

func TestEvents(t *testing.T) {
	s := NewServer(fixture(t), nil, Options{Log: quietLog()})
	tests := []struct {
		query     string
		wantCodes []string
		wantTotal int
	}{
		{"", []string{"195", "190", "043"}, 3},
		{"source=FRD", []string{"043"}, 1},
		{"source=frdmil", []string{"043"}, 1},
		{"source=FRDGOV", nil, 0},
		{"target=RUR", []string{"195", "190"}, 2},
		{"code=190", []string{"190"}, 1},
		{"root=19&limit=1", []string{"195"}, 2},
		{"root=19&limit=1&offset=1", []string{"190"}, 2},
		{"quad=1", []string{"043"}, 1},
		{"from=2024-04-01", []string{"195", "190"}, 2},
		{"to=2024-03-31", []string{"043"}, 1},
		{"q=border+post", []string{"195", "190"}, 2},
		{"doc=a/1", []string{"043"}, 1},
	}
	for _, tt := range tests {
		var got eventsResponse
		w := do(t, s, "GET", "/api/events?"+tt.query, "", nil, &got)
		if w.Code != 200 {
			t.Errorf("%q: status %d: %s", tt.query, w.Code, w.Body)
			continue
		}
		var codes []string
		for _, e := range got.Events {
			codes = append(codes, e.Code)
		}
		if !reflect.DeepEqual(codes, tt.wantCodes) || got.Total != tt.wantTotal {
			t.Errorf("%q: codes %v total %d; want %v total %d", tt.query, codes, got.Total, tt.wantCodes, tt.wantTotal)
		}
	}
	// Each event carries its document, date and sentence; an empty result is [].
	var got eventsResponse
	do(t, s, "GET", "/api/events?code=043", "", nil, &got)
	if e := got.Events[0]; e.DocID != "a/1" || e.Date != "2024-03-04" || e.Text != docA || e.Source.Code != "FRDMIL" {
		t.Errorf("event = %+v", e)
	}
	w := do(t, s, "GET", "/api/events?code=999", "", nil, nil)
	if !strings.Contains(w.Body.String(), `"events":[]`) {
		t.Errorf("empty result: %s", w.Body)
	}
}

func TestDyadsActorsQuotes(t *testing.T) {
	s := NewServer(fixture(t), nil, Options{Log: quietLog()})
	var d dyadsResponse
	do(t, s, "GET", "/api/dyads", "", nil, &d)
	want := []dyad.DyadCount{{Source: "SYL", Target: "RUR", Count: 2, Goldstein: -20}, {Source: "FRD", Target: "SYL", Count: 1, Goldstein: 2.8}}
	if !reflect.DeepEqual(d.Dyads, want) {
		t.Errorf("dyads = %+v", d.Dyads)
	}
	do(t, s, "GET", "/api/dyads?interval=month&root=19", "", nil, &d)
	if len(d.Dyads) != 1 || d.Dyads[0].Period != "2024-04-01" || d.Interval != "month" {
		t.Errorf("monthly dyads = %+v", d)
	}
	var a actorsResponse
	do(t, s, "GET", "/api/actors", "", nil, &a)
	if len(a.Actors) != 4 || a.Actors[0].Code != "RURMIL" && a.Actors[0].Code != "SYLMIL" {
		t.Errorf("actors = %+v", a.Actors)
	}
	var q quotesResponse
	do(t, s, "GET", "/api/quotes?source=FRD", "", nil, &q)
	if q.Total != 1 || q.Quotes[0].DocID != "a/1" {
		t.Errorf("quotes = %+v", q)
	}
}

func TestBadFilters(t *testing.T) {
	s := NewServer(fixture(t), nil, Options{Log: quietLog()})
	for _, target := range []string{
		"/api/events?quad=7", "/api/events?from=2024-1-1", "/api/dyads?interval=hour",
		"/api/actors?source=1", "/api/quotes?limit=abc",
	} {
		var e errorResponse
		w := do(t, s, "GET", target, "", nil, &e)
		param := strings.SplitN(strings.SplitN(target, "?", 2)[1], "=", 2)[0]
		if w.Code != 400 || !strings.HasPrefix(e.Error, param+":") {
			t.Errorf("%s: %d %q, want 400 naming %s", target, w.Code, e.Error, param)
		}
	}
}

func TestDoc(t *testing.T) {
	s := NewServer(fixture(t), nil, Options{Log: quietLog()})
	tests := []struct {
		path   string
		status int
		id     string
	}{
		{"/api/docs/b", 200, "b"},
		{"/api/docs/a/1", 200, "a/1"},
		{"/api/docs/a%2F1", 200, "a/1"},
		{"/api/docs/nothing", 404, ""},
		{"/api/nothing", 404, ""},
	}
	for _, tt := range tests {
		var got dyad.StoredDoc
		w := do(t, s, "GET", tt.path, "", nil, nil)
		if w.Code != tt.status {
			t.Errorf("%s: status %d, want %d: %s", tt.path, w.Code, tt.status, w.Body)
			continue
		}
		if tt.status != 200 {
			var e errorResponse
			if json.Unmarshal(w.Body.Bytes(), &e) != nil || e.Error == "" {
				t.Errorf("%s: error body %s", tt.path, w.Body)
			}
			continue
		}
		if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || got.Doc.ID != tt.id || len(got.Record.Events) == 0 {
			t.Errorf("%s: %v %+v", tt.path, err, got.Doc)
		}
	}
}

// failing is a store whose every query fails.
type failing struct{ dyad.Store }

var errDisk = errors.New("disk on fire")

func (failing) Events(context.Context, dyad.EventFilter) ([]dyad.StoredEvent, int, error) {
	return nil, 0, errDisk
}
func (failing) Doc(context.Context, string) (dyad.StoredDoc, bool, error) {
	return dyad.StoredDoc{}, false, errDisk
}

func TestStoreFailure(t *testing.T) {
	s := NewServer(failing{}, nil, Options{Log: quietLog()})
	for _, target := range []string{"/api/events", "/api/docs/x"} {
		var e errorResponse
		if w := do(t, s, "GET", target, "", nil, &e); w.Code != 500 || !strings.Contains(e.Error, "disk on fire") {
			t.Errorf("%s: %d %q", target, w.Code, e.Error)
		}
	}
}

func TestPostAuth(t *testing.T) {
	body := `{"id":"x","text":"Freedonia's president visited Sylvania."}`
	tests := []struct {
		name   string
		token  string
		header string
		status int
	}{
		{"no token configured", "", "Bearer s3cret", 401},
		{"no header", "s3cret", "", 401},
		{"wrong token", "s3cret", "Bearer guess", 401},
		{"wrong scheme", "s3cret", "Basic s3cret", 401},
		{"prefix of the token", "s3cret", "Bearer s3c", 401},
	}
	for _, tt := range tests {
		st := memstore.New()
		s := NewServer(st, nil, Options{Token: tt.token, Log: quietLog()})
		var e errorResponse
		w := do(t, s, "POST", "/api/docs", body, map[string]string{"Authorization": tt.header}, &e)
		if w.Code != tt.status || e.Error == "" {
			t.Errorf("%s: status %d %q, want %d", tt.name, w.Code, e.Error, tt.status)
		}
		if _, _, n := mustEvents(t, st); n != 0 {
			t.Errorf("%s: the store was written", tt.name)
		}
	}
}

func mustEvents(t *testing.T, st dyad.Store) ([]dyad.StoredEvent, int, int) {
	t.Helper()
	ev, total, err := st.Events(context.Background(), dyad.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	d, _, _ := st.Doc(context.Background(), "x")
	return ev, total, len(d.Doc.Text)
}

func TestPostBadBodies(t *testing.T) {
	auth := map[string]string{"Authorization": "Bearer tok"}
	s := NewServer(memstore.New(), testPipeline(t), Options{Token: "tok", MaxBody: 1 << 10, Log: quietLog()})
	tests := []struct {
		name, body string
		status     int
		want       string
	}{
		{"empty", "", 400, "empty"},
		{"not JSON", "hello", 400, "not a JSON"},
		{"broken JSON", `{"text": "a"`, 400, "bad JSON"},
		{"wrong type", `{"text": 5}`, 400, "bad JSON"},
		{"trailing data", `{"text": "a"} {"text": "b"}`, 400, "after the document"},
		{"empty array", `[]`, 400, "no document"},
		{"no text", `{"id": "x"}`, 400, "text is empty"},
		{"bad date", `[{"text": "a b c"}, {"text": "a", "date": "someday"}]`, 400, "document 2: date"},
		{"bad id", `{"id": {"a": 1}, "text": "a"}`, 400, "id"},
		{"too large", `{"text": "` + strings.Repeat("word ", 300) + `"}`, 413, "larger than 1024"},
	}
	for _, tt := range tests {
		var e errorResponse
		w := do(t, s, "POST", "/api/docs", tt.body, auth, &e)
		if w.Code != tt.status || !strings.Contains(e.Error, tt.want) {
			t.Errorf("%s: %d %q, want %d with %q", tt.name, w.Code, e.Error, tt.status, tt.want)
		}
	}
}

func TestPostCodesAndStores(t *testing.T) {
	auth := map[string]string{"Authorization": "Bearer tok"}
	st := memstore.New()
	s := NewServer(st, testPipeline(t), Options{Token: "tok", Log: quietLog()})
	one := `{"id": "p1", "date": "2024-05-02", "source": "Wire", "title": "Talks",
		"text": "Iran's foreign minister met his Syrian counterpart in Damascus on Tuesday."}`
	var res postResult
	if w := do(t, s, "POST", "/api/docs", one, auth, &res); w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if res.Received != 1 || res.Added != 1 || len(res.Docs) != 1 || res.Docs[0].ID != "p1" || res.Docs[0].Events == 0 {
		t.Fatalf("result = %+v", res)
	}
	var doc dyad.StoredDoc
	do(t, s, "GET", "/api/docs/p1", "", nil, &doc)
	if doc.Doc.Title != "Talks" || doc.Doc.Date != "2024-05-02" || len(doc.Record.Events) != res.Docs[0].Events {
		t.Errorf("stored = %+v", doc.Doc)
	}
	var ev eventsResponse
	do(t, s, "GET", "/api/events?source=IRN&target=SYR", "", nil, &ev)
	if ev.Total == 0 || ev.Events[0].DocID != "p1" {
		t.Errorf("events = %+v", ev)
	}

	// A batch: the same document again adds nothing; a numeric id and a
	// document without id or date are accepted.
	batch := `[` + one + `, {"id": 7, "text": "Russia's army shelled Kharkiv on Friday."},
		{"text": "Kenya's police arrested protesters in Nairobi."}]`
	res = postResult{}
	if w := do(t, s, "POST", "/api/docs", batch, auth, &res); w.Code != 200 {
		t.Fatalf("batch: status %d: %s", w.Code, w.Body)
	}
	if res.Received != 3 || res.Added != 2 || len(res.Docs) != 3 || res.Docs[1].ID != "7" || !strings.HasPrefix(res.Docs[2].ID, "sha256-") {
		t.Errorf("batch result = %+v", res)
	}
	if _, ok, _ := st.Doc(context.Background(), res.Docs[2].ID); !ok {
		t.Errorf("document %s was not stored", res.Docs[2].ID)
	}
}

func TestUIAndHealth(t *testing.T) {
	s := NewServer(memstore.New(), nil, Options{Log: quietLog()})
	tests := []struct {
		path, ctype, contains string
	}{
		{"/", "text/html", "<title>dyad"},
		{"/index.html", "", ""}, // redirected to /
		{"/app.js", "javascript", "highlight"},
		{"/style.css", "text/css", "hl-verb"},
		{"/world.json", "application/json", `"IRN"`},
		{"/healthz", "application/json", `"ok"`},
	}
	for _, tt := range tests {
		w := do(t, s, "GET", tt.path, "", nil, nil)
		if tt.ctype == "" {
			if w.Code != http.StatusMovedPermanently {
				t.Errorf("%s: status %d", tt.path, w.Code)
			}
			continue
		}
		if w.Code != 200 || !strings.Contains(w.Header().Get("Content-Type"), tt.ctype) || !strings.Contains(w.Body.String(), tt.contains) {
			t.Errorf("%s: %d %q (%d bytes)", tt.path, w.Code, w.Header().Get("Content-Type"), w.Body.Len())
		}
		if w.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff header", tt.path)
		}
	}
	if w := do(t, s, "GET", "/nothing.js", "", nil, nil); w.Code != 404 {
		t.Errorf("missing asset: %d", w.Code)
	}
	if w := do(t, s, "DELETE", "/api/events", "", nil, nil); w.Code != 405 {
		t.Errorf("DELETE /api/events: %d", w.Code)
	}
	// The page loads nothing from another origin.
	w := do(t, s, "GET", "/", "", nil, nil)
	if b := w.Body.String(); strings.Contains(b, "http://") || strings.Contains(b, "https://") || w.Header().Get("Content-Security-Policy") == "" {
		t.Errorf("index.html refers to another origin or has no CSP")
	}
}
