package http

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/ingest"
)

// postDoc is one document of a POST /api/docs body. The id may be a string
// or a number.
type postDoc struct {
	ID     json.RawMessage `json:"id"`
	Text   string          `json:"text"`
	Date   string          `json:"date"`
	Source string          `json:"source"`
	URL    string          `json:"url"`
	Title  string          `json:"title"`
}

// postResult is the body of a POST /api/docs answer.
type postResult struct {
	// Received is the number of documents in the request; Added the number
	// the store did not have yet.
	Received int         `json:"received"`
	Added    int         `json:"added"`
	Docs     []postCoded `json:"docs"`
	Errors   []postError `json:"errors"`
}

// postCoded says what was found in one stored document.
type postCoded struct {
	ID     string `json:"id"`
	Events int    `json:"events"`
	Quotes int    `json:"quotes"`
	Places int    `json:"places"`
}

// postError is a document the pipeline could not code.
type postError struct {
	Index int    `json:"index"`
	ID    string `json:"id"`
	Error string `json:"error"`
}

func (s *Server) handlePostDocs(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dyad"`)
		msg := "a valid token is required: Authorization: Bearer TOKEN"
		if s.opts.Token == "" {
			msg = "this server accepts no documents: start it with --token or DYAD_TOKEN"
		}
		writeError(w, http.StatusUnauthorized, msg)
		return
	}
	if s.pipe == nil {
		writeError(w, http.StatusServiceUnavailable, "this server has no pipeline to code documents")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is larger than %d bytes", tooBig.Limit))
			return
		}
		writeError(w, http.StatusBadRequest, "reading the body: "+err.Error())
		return
	}
	docs, err := decodeDocs(body, time.Now().UTC().Format("2006-01-02"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	stored, res := s.code(docs)
	if len(stored) > 0 {
		added, err := s.store.Put(r.Context(), stored)
		if err != nil {
			s.internal(w, r, err)
			return
		}
		res.Added = added
	}
	status := http.StatusOK
	if len(stored) == 0 {
		status = http.StatusUnprocessableEntity
	}
	writeJSON(w, status, res)
}

// code runs the pipeline over docs on every core and returns the coded
// documents in input order, with a summary.
func (s *Server) code(docs []dyad.Doc) ([]dyad.StoredDoc, postResult) {
	type out struct {
		rec dyad.Record
		err error
	}
	outs := make([]out, len(docs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(docs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				outs[i].rec, outs[i].err = s.pipe.Process(docs[i])
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()

	res := postResult{Received: len(docs), Docs: []postCoded{}, Errors: []postError{}}
	var stored []dyad.StoredDoc
	for i, o := range outs {
		if o.err != nil {
			res.Errors = append(res.Errors, postError{Index: i, ID: docs[i].ID, Error: o.err.Error()})
			continue
		}
		stored = append(stored, dyad.StoredDoc{Doc: docs[i], Record: o.rec})
		res.Docs = append(res.Docs, postCoded{ID: docs[i].ID, Events: len(o.rec.Events),
			Quotes: len(o.rec.Quotes), Places: len(o.rec.Places)})
	}
	return stored, res
}

// decodeDocs reads one JSON document or an array of them and checks each:
// text must be non-empty UTF-8 and the date a date. A document without an
// id gets one from its text's hash; one without a date gets today.
func decodeDocs(body []byte, today string) ([]dyad.Doc, error) {
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, errors.New("the body is empty: want a JSON document {\"text\": ...} or an array of them")
	}
	var list []postDoc
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	var err error
	switch trimmed[0] {
	case '{':
		var d postDoc
		err = dec.Decode(&d)
		list = []postDoc{d}
	case '[':
		err = dec.Decode(&list)
	default:
		return nil, errors.New("the body is not a JSON object or array")
	}
	if err != nil {
		return nil, fmt.Errorf("bad JSON: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("bad JSON: data after the document")
	}
	if len(list) == 0 {
		return nil, errors.New("the array holds no document")
	}
	docs := make([]dyad.Doc, len(list))
	for i, p := range list {
		where := "document"
		if trimmed[0] == '[' {
			where = fmt.Sprintf("document %d", i+1)
		}
		id, err := docID(p.ID)
		if err != nil {
			return nil, fmt.Errorf("%s: id: %v", where, err)
		}
		if strings.TrimSpace(p.Text) == "" {
			return nil, fmt.Errorf("%s: text is empty", where)
		}
		if !utf8.ValidString(p.Text) {
			return nil, fmt.Errorf("%s: text is not valid UTF-8", where)
		}
		date, err := ingest.ParseDate(p.Date)
		if err != nil {
			return nil, fmt.Errorf("%s: date: %v", where, err)
		}
		if date == "" {
			date = today
		}
		if id == "" {
			sum := sha256.Sum256([]byte(p.Text))
			id = "sha256-" + hex.EncodeToString(sum[:8])
		}
		docs[i] = dyad.Doc{ID: id, Text: p.Text, Date: date, Source: strings.TrimSpace(p.Source),
			URL: strings.TrimSpace(p.URL), Title: strings.TrimSpace(p.Title)}
	}
	return docs, nil
}

// docID reads an id given as a JSON string or number; null or absent is "".
func docID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", err
		}
		return strings.TrimSpace(s), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		return "", errors.New("want a string or a number")
	}
	return n.String(), nil
}
