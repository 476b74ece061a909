package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"

	"github.com/nlnwa/gowarc/v3"
)

// ErrWARC is the kind of error for a malformed WARC record.
var ErrWARC = errors.New("malformed WARC record")

// warc reads a WARC file (records optionally gzipped one by one, as in
// Common Crawl): one Item per response record with status 200 and an HTML
// payload; other records are skipped. A malformed record is an Item whose
// Err gives its byte offset, and reading goes on at the next record the
// parser can find.
func (r *reader) warc(input string, src io.Reader) bool {
	wr, err := gowarc.NewWarcFileReaderFromStream(src, 0)
	if err != nil {
		return r.fail(input, reasonf(ErrWARC, "reading WARC: %v", err))
	}
	defer wr.Close()
	lastEnd := int64(-1)
	records := 0
	for n := 1; ; n++ {
		if r.ctx.Err() != nil {
			return false
		}
		var rec gowarc.Record
		err := safely(func() (err error) {
			rec, err = wr.Next()
			return err
		})
		if err == io.EOF && rec.WarcRecord == nil {
			break
		}
		records++
		at := fmt.Sprintf("%s#%d", input, n)
		if err != nil {
			_ = rec.Close()
			if !r.fail(at, reasonf(ErrWARC, "malformed WARC record at byte offset %d: %v", rec.Offset, warcError(err))) {
				return false
			}
			end := rec.Offset + rec.Size
			if end <= lastEnd || errors.Is(err, gowarc.ErrNoRecord) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
				return true // nothing more can be read
			}
			lastEnd = end
			continue
		}
		lastEnd = rec.Offset + rec.Size
		skipped, problems := warcProblems(rec.Validation)
		if skipped != "" {
			if !r.fail(at, reasonf(ErrWARC, "malformed WARC data before byte offset %d skipped (%s)", rec.Offset, skipped)) {
				return false
			}
		}
		if len(problems) > 0 {
			_ = rec.Close()
			if !r.fail(at, reasonf(ErrWARC, "malformed WARC record at byte offset %d: %s", rec.Offset, strings.Join(problems, "; "))) {
				return false
			}
			continue
		}
		var ok bool
		if perr := safely(func() error { ok = r.warcRecord(at, rec); return nil }); perr != nil {
			ok = r.fail(at, reasonf(ErrWARC, "malformed WARC record at byte offset %d: %v", rec.Offset, perr))
		}
		_ = rec.Close()
		if !ok {
			return false
		}
	}
	if records == 0 {
		return r.fail(input, reasonf(ErrEmpty, "empty document (no WARC records)"))
	}
	return true
}

// warcProblems sorts the parser's findings on a record: skipped is the
// note about bytes skipped before it; problems are those that make the
// record unusable (a bad or wrong Content-Length, a missing required
// field, a header line that is not one, an unknown version, a record cut
// short). Digest mismatches and bare LF line ends are tolerated.
func warcProblems(validation []error) (skipped string, problems []string) {
	for _, v := range validation {
		msg := warcError(v)
		var cl *gowarc.ContentLengthError
		var hf *gowarc.HeaderFieldError
		var se *gowarc.SyntaxError
		switch {
		case strings.Contains(msg, "bytes after expected offset"):
			skipped = msg
		case errors.As(v, &cl):
			problems = append(problems, msg)
		case errors.As(v, &hf):
			if hf.FieldName == gowarc.ContentLength || hf.FieldName == gowarc.WarcType || strings.HasPrefix(hf.Msg, "missing required field") {
				problems = append(problems, msg)
			}
		case errors.As(v, &se):
			if strings.Contains(se.Msg, "could not parse header line") || strings.Contains(se.Msg, "missing record version") {
				problems = append(problems, msg)
			}
		case strings.Contains(msg, "unsupported WARC version"), strings.Contains(msg, "too few bytes in end of record"), strings.Contains(msg, "unexpected end of record"):
			problems = append(problems, msg)
		}
	}
	return skipped, problems
}

// warcError drops the package prefix of a gowarc error.
func warcError(err error) string {
	return strings.TrimPrefix(err.Error(), "gowarc: ")
}

// warcRecord sends the document of one WARC record, if it holds one.
func (r *reader) warcRecord(at string, rec gowarc.Record) bool {
	wr := rec.WarcRecord
	if wr.Type() != gowarc.Response {
		return true
	}
	block, ok := wr.Block().(gowarc.HttpResponseBlock)
	if !ok || block.HttpStatusCode() != http.StatusOK {
		return true
	}
	var header http.Header
	if h := block.HttpHeader(); h != nil {
		header = *h
	}
	ct := header.Get("Content-Type")
	size := wr.Block().Size() - int64(len(block.ProtocolHeaderBytes()))
	if !isHTMLType(ct) && !looseType(ct) {
		return true
	}
	if size > r.opts.MaxBytes {
		if !isHTMLType(ct) {
			return true
		}
		return r.fail(at, bodyTooLarge(size, r.opts.MaxBytes))
	}
	pr, err := block.PayloadBytes()
	if err != nil {
		return r.fail(at, reasonf(ErrWARC, "malformed WARC record at byte offset %d: reading the payload: %v", rec.Offset, warcError(err)))
	}
	body, err := io.ReadAll(io.LimitReader(pr, r.opts.MaxBytes+1))
	if err != nil {
		return r.fail(at, reasonf(ErrWARC, "malformed WARC record at byte offset %d: reading the payload: %v", rec.Offset, warcError(err)))
	}
	if int64(len(body)) > r.opts.MaxBytes {
		return r.fail(at, bodyTooLarge(-1, r.opts.MaxBytes))
	}
	body = decodeBody(header, body, r.opts.MaxBytes)
	if !isHTMLType(ct) && sniffMarkup(body) != formatHTML {
		return true
	}
	if int64(len(body)) > r.opts.MaxBytes {
		return r.fail(at, bodyTooLarge(-1, r.opts.MaxBytes))
	}
	target := strings.Trim(strings.TrimSpace(wr.WarcHeader().Get(gowarc.WarcTargetURI)), "<>")
	var base *url.URL
	if u, err := url.Parse(target); err == nil && u.IsAbs() {
		base = u
	}
	doc, err := extractHTML(body, ct, base, at)
	if err != nil {
		return r.fail(at, err)
	}
	if doc.Date == "" {
		if t, err := wr.Date(); err == nil && plausibleYear(t.Year()) {
			doc.Date = t.UTC().Format("2006-01-02")
		}
	}
	finishDoc(&doc, target)
	return r.send(Item{Input: at, Doc: doc})
}

// decodeBody undoes a chunked transfer encoding and a gzip content
// encoding that an archived response may keep. A body that does not decode
// is returned as it is.
func decodeBody(h http.Header, body []byte, limit int64) []byte {
	if strings.Contains(strings.ToLower(h.Get("Transfer-Encoding")), "chunked") {
		if dec, err := io.ReadAll(io.LimitReader(httputil.NewChunkedReader(bufio.NewReader(bytes.NewReader(body))), limit+1)); err == nil {
			body = dec
		}
	}
	switch strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding"))) {
	case "gzip", "x-gzip":
		if zr, err := gzip.NewReader(bytes.NewReader(body)); err == nil {
			if dec, err := io.ReadAll(io.LimitReader(zr, limit+1)); err == nil {
				body = dec
			}
		}
	}
	return body
}
