package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// maxLine is the longest JSONL line read for a document limit of max bytes:
// JSON escapes can make a line several times longer than its text.
func maxLine(max int64) int64 { return 4*max + 64<<10 }

// jsonl reads one article per line. Blank lines are skipped.
func (r *reader) jsonl(input, id string, br *bufio.Reader) bool {
	limit := maxLine(r.opts.MaxBytes)
	docs := 0
	for lineNo := 1; ; lineNo++ {
		if r.ctx.Err() != nil {
			return false
		}
		line, n, err := readLine(br, limit)
		if err != nil && err != io.EOF {
			return r.fail(fmt.Sprintf("%s:%d", input, lineNo), fmt.Errorf("reading: %w", pathError(err)))
		}
		at := fmt.Sprintf("%s:%d", input, lineNo)
		if lineNo == 1 {
			line = bytes.TrimPrefix(line, []byte{0xEF, 0xBB, 0xBF})
		}
		switch {
		case n > limit:
			docs++
			if !r.fail(at, reasonf(ErrTooLarge, "line is %s, over %s (4 × the %s document limit); raise --max-bytes", FormatSize(n), FormatSize(limit), FormatSize(r.opts.MaxBytes))) {
				return false
			}
		case len(bytes.TrimSpace(line)) > 0:
			docs++
			doc, perr := r.article(line, fmt.Sprintf("%s:%d", id, lineNo))
			if !r.send(Item{Input: at, Doc: doc, Err: perr}) {
				return false
			}
		}
		if err == io.EOF {
			break
		}
	}
	if docs == 0 {
		return r.fail(input, reasonf(ErrEmpty, "empty document (no JSON lines)"))
	}
	return true
}

// readLine reads one line, without its line ending. A line longer than limit
// is read to its end but not kept: n reports its full length. err is io.EOF
// on the last line.
func readLine(br *bufio.Reader, limit int64) (line []byte, n int64, err error) {
	for {
		chunk, e := br.ReadSlice('\n')
		n += int64(len(chunk))
		if n <= limit {
			line = append(line, chunk...)
		} else {
			line = nil
		}
		if e == bufio.ErrBufferFull {
			continue
		}
		if e != nil {
			err = e
		}
		break
	}
	line = bytes.TrimSuffix(line, []byte{'\n'})
	line = bytes.TrimSuffix(line, []byte{'\r'})
	if n > limit {
		return nil, n, err
	}
	return line, n, err
}

// json reads a .json file: one article object or an array of them.
func (r *reader) json(input, id string, br *bufio.Reader) bool {
	c, err := firstNonSpace(br)
	if err == io.EOF {
		return r.fail(input, ErrEmpty)
	}
	if err != nil {
		return r.fail(input, fmt.Errorf("reading: %w", pathError(err)))
	}
	switch c {
	case '{':
		limit := maxLine(r.opts.MaxBytes)
		data, err := io.ReadAll(io.LimitReader(br, limit+1))
		if err != nil {
			return r.fail(input, fmt.Errorf("reading: %w", pathError(err)))
		}
		if int64(len(data)) > limit {
			n, _ := io.Copy(io.Discard, br)
			return r.fail(input, tooLarge(int64(len(data))+n, r.opts.MaxBytes))
		}
		doc, err := r.article(data, id)
		return r.send(Item{Input: input, Doc: doc, Err: err})
	case '[':
	default:
		return r.fail(input, reasonf(ErrInvalidJSON, "invalid JSON: want an article object or an array of them"))
	}
	dec := json.NewDecoder(br)
	if _, err := dec.Token(); err != nil { // the '['
		return r.fail(input, jsonError(err, nil))
	}
	n := 0
	for dec.More() {
		if r.ctx.Err() != nil {
			return false
		}
		n++
		at := fmt.Sprintf("%s#%d", input, n)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			// The decoder cannot resynchronise after a syntax error.
			return r.fail(at, jsonError(err, nil))
		}
		doc, err := r.article(raw, fmt.Sprintf("%s#%d", id, n))
		if !r.send(Item{Input: at, Doc: doc, Err: err}) {
			return false
		}
	}
	if _, err := dec.Token(); err != nil { // the ']'
		return r.fail(input, jsonError(err, nil))
	}
	if n == 0 {
		return r.fail(input, reasonf(ErrEmpty, "empty document (an empty JSON array)"))
	}
	return true
}

// article parses one JSON article. defID is its id when it has none.
func (r *reader) article(data []byte, defID string) (dyad.Doc, error) {
	if !utf8.Valid(data) {
		return dyad.Doc{}, reasonf(ErrInvalidUTF8, "invalid UTF-8 at byte %d", invalidAt(data))
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return dyad.Doc{}, jsonError(err, data)
	}
	if fields == nil {
		return dyad.Doc{}, reasonf(ErrInvalidJSON, "invalid JSON: want an article object, got null")
	}
	doc := dyad.Doc{ID: defID}
	if raw, ok := fields["id"]; ok && !isNull(raw) {
		switch raw[0] {
		case '"':
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return dyad.Doc{}, jsonError(err, raw)
			}
			if s = strings.TrimSpace(s); s != "" {
				doc.ID = s
			}
		default:
			var num json.Number
			if err := json.Unmarshal(raw, &num); err != nil {
				return dyad.Doc{}, reasonf(ErrInvalidJSON, `invalid JSON: field "id" is %s, want a string or a number`, jsonKind(raw))
			}
			doc.ID = num.String()
		}
	}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"text", &doc.Text}, {"date", &doc.Date}, {"source", &doc.Source}, {"url", &doc.URL}, {"title", &doc.Title}} {
		raw, ok := fields[f.name]
		if !ok || isNull(raw) {
			continue
		}
		if raw[0] != '"' {
			return dyad.Doc{}, reasonf(ErrInvalidJSON, "invalid JSON: field %q is %s, want a string", f.name, jsonKind(raw))
		}
		if err := json.Unmarshal(raw, f.dst); err != nil {
			return dyad.Doc{}, jsonError(err, raw)
		}
	}
	if raw, ok := fields["text"]; !ok || isNull(raw) {
		keys := make([]string, 0, len(fields))
		for k := range fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if len(keys) == 0 {
			return dyad.Doc{}, reasonf(ErrNoText, `no "text" field (the object is empty)`)
		}
		return dyad.Doc{}, reasonf(ErrNoText, `no "text" field (fields: %s)`, strings.Join(keys, ", "))
	}
	if int64(len(doc.Text)) > r.opts.MaxBytes {
		return dyad.Doc{}, tooLarge(int64(len(doc.Text)), r.opts.MaxBytes)
	}
	doc.Text = strings.TrimPrefix(doc.Text, "\uFEFF")
	if strings.TrimSpace(doc.Text) == "" {
		return dyad.Doc{}, reasonf(ErrEmpty, `empty document ("text" is empty)`)
	}
	if strings.IndexByte(doc.Text, 0) >= 0 {
		return dyad.Doc{}, reasonf(ErrBinary, `binary data, not text ("text" contains NUL characters)`)
	}
	if doc.Date != "" {
		d, err := ParseDate(doc.Date)
		if err != nil {
			return dyad.Doc{}, err
		}
		doc.Date = d
	}
	doc.Source = strings.TrimSpace(doc.Source)
	doc.URL = strings.TrimSpace(doc.URL)
	doc.Title = strings.TrimSpace(doc.Title)
	return doc, nil
}

func isNull(raw json.RawMessage) bool { return len(raw) == 0 || string(raw) == "null" }

// jsonKind names the JSON type of a value.
func jsonKind(raw json.RawMessage) string {
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// jsonError explains a decoding error; data, when given, is the text that
// was decoded, to turn offsets into columns.
func jsonError(err error, data []byte) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		if data != nil {
			return reasonf(ErrInvalidJSON, "invalid JSON at column %d: %v", utf8.RuneCount(data[:min(int(se.Offset), len(data))]), se)
		}
		return reasonf(ErrInvalidJSON, "invalid JSON: %v", se)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return reasonf(ErrInvalidJSON, "invalid JSON: want an article object, got %s", te.Value)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return reasonf(ErrInvalidJSON, "invalid JSON: unexpected end of input")
	}
	return reasonf(ErrInvalidJSON, "invalid JSON: %v", err)
}

// dateLayouts are the accepted date forms, tried in order.
var dateLayouts = []string{
	"2006-01-02",
	"20060102",
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02 15:04:05 -0700",
}

// ParseDate normalises a date to YYYY-MM-DD. It accepts YYYY-MM-DD,
// YYYYMMDD and RFC 3339 (the date is taken as written, in the time's own
// offset), and also a date and time without zone ("2023-07-24 10:15:00",
// "2023-07-24T10:15"). The empty string is returned unchanged. The error
// matches ErrDate.
func ParseDate(s string) (string, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", nil
	}
	for _, layout := range dateLayouts {
		if d, err := time.Parse(layout, t); err == nil {
			return d.Format("2006-01-02"), nil
		}
	}
	return "", reasonf(ErrDate, "invalid date %s: want YYYY-MM-DD, YYYYMMDD or RFC 3339", strconv.Quote(s))
}
