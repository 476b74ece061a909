// Package ingest reads input documents for the pipeline: plain-text files,
// directories of them, JSONL and JSON article collections, HTML pages (files
// or http(s) URLs), RSS/RDF/Atom feeds (files or URLs), WARC archives and
// standard input.
//
// Read turns every input into a stream of Items in a deterministic order. A bad
// input never stops the stream: it becomes an Item whose Err says what was
// wrong, and reading goes on with the next document. Follow polls feeds and
// sends their new entries.
//
// # Inputs
//
//   - A file named on the command line is read whatever its name. Files ending
//     in .jsonl or .ndjson hold one article per line; files ending in .json hold
//     one article object or an array of them; .html, .htm and .xhtml files are
//     web pages; .rss, .atom and .xml files are feeds; .warc files are WARC
//     archives. Anything else is sniffed: JSONL if its first non-space byte is
//     '{', an HTML page if it starts with an HTML document type or element, a
//     feed if its root element is rss, feed or rdf:RDF, a WARC archive if it
//     starts with "WARC/", and plain text otherwise.
//   - A directory is walked recursively in lexical order. Only files ending in
//     .txt, .text, .md, .jsonl, .ndjson, .json, .html, .htm, .xhtml, .rss, .atom
//     or .warc (optionally followed by .gz) are read; hidden files and
//     directories (names starting with '.'), and README, LICENSE and NOTICE
//     files, are skipped, and symbolic links to directories are not followed.
//   - An http:// or https:// URL is fetched (Options.Client; at most
//     Options.MaxBytes; status 200 only) and read as an HTML page or, when
//     the body is one, a feed. Other content types are an error.
//   - "-" is standard input, sniffed as a file of unknown name.
//   - A name ending in .gz is decompressed with gzip, whether it is one gzip
//     member or many (a .warc.gz file gzipped record by record, as in Common
//     Crawl).
//
// # HTML pages
//
// The article text is found by readability (go-readability): navigation,
// advertisements, footers and scripts are left out; block elements become
// paragraphs separated by a blank line, <br> a line break. The title is the
// page's (og:title, JSON-LD, <title> or the headline); the date the first
// of article:published_time (and og: variants), JSON-LD datePublished,
// date meta tags, <time datetime>; the URL its canonical link (or og:url)
// when absolute, else the URL it was fetched from; the source its site
// name (og:site_name, JSON-LD publisher), else the URL's host. A page with
// no article text is an ErrEmpty item; an unreadable date is ignored.
//
// # Feeds
//
// Every entry of an RSS, RDF or Atom feed (gofeed) is one Item, in feed
// order: the page its link points to is fetched and read as above (a few
// at a time), and when that fails, or Options.NoFetch is set, the entry's
// own content or description is the text. Title, date and source fall back
// to the entry's title and date and the feed's title. The Input of an entry
// is its link, else "feed#N". A feed that cannot be parsed is an ErrFeed
// item.
//
// # WARC archives
//
// Each response record (gowarc) with HTTP status 200 and an HTML payload is
// one document: its URL is the WARC-Target-URI (or the page's canonical
// link) and its date the page's, else the WARC-Date. Other records are
// skipped silently. A malformed record (a bad Content-Length, a missing
// required field, a broken header, bytes that are no record) is an ErrWARC
// item naming its byte offset (in the decompressed data of a .warc.gz
// file), and reading goes on at the next record. The
// Input of a record is "path#N", N counting records from 1.
//
// # Limits
//
// Options.MaxBytes bounds every body read: files, HTTP responses and WARC
// payloads; a larger one is an ErrTooLarge item. HTTP requests time out
// (DefaultTimeout with the default client); a status other than 200 or a
// network failure is an ErrHTTP item, a content type that is not HTML (or
// a feed) an ErrNotHTML item.
//
// # JSON articles
//
// A JSON article is an object with the fields "id", "text", "date", "source",
// "url" and "title"; only "text" is required and other fields are ignored.
// "id" may be a string or a number.
//
// # Document ids
//
// The id of a document is its JSON "id" when it has one; the URL of a web
// page, feed entry or WARC record when it has one; otherwise the file path
// as given ("corpus/a.txt"), "path:LINE" for a JSONL line, "path#N" for the
// N-th (1-based) article of a JSON array or entry of a feed, and "stdin"
// (or "stdin:LINE") for standard input.
//
// # Dates
//
// Dates are accepted as YYYY-MM-DD, YYYYMMDD or RFC 3339 (and a few close
// variants such as "2023-07-24 10:15:00") and normalised to YYYY-MM-DD; see
// ParseDate. A document without a date gets Options.DefaultDate.
package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// DefaultMaxBytes is the default limit on the size of one document's text.
const DefaultMaxBytes = 5 << 20

// Item is one document read from an input, or the error reading it.
type Item struct {
	// Doc is the document; its Text is valid, non-empty UTF-8 when Err is nil.
	Doc dyad.Doc
	// Input names where the item came from: the file path or URL,
	// "path:LINE" for a JSONL line, "path#N" for an article of a JSON array
	// or a WARC record, a feed entry's link (else "feed#N"), "-" (or
	// "-:LINE") for standard input.
	Input string
	// Err is the reason the item could not be read, without the input name
	// (callers print "INPUT: Err"). It matches one of the Err* values below
	// with errors.Is where the reason is one of theirs.
	Err error
}

// Options configures Read.
type Options struct {
	// MaxBytes is the largest document text accepted, in bytes; 0 means
	// DefaultMaxBytes.
	MaxBytes int64
	// DefaultDate is the date (YYYY-MM-DD) given to documents that carry none.
	DefaultDate string
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader
	// Client fetches http(s) inputs, feeds and the pages feed entries link
	// to; nil means a client with a DefaultTimeout timeout. Every request
	// carries the UserAgent header.
	Client *http.Client
	// NoFetch keeps feed entries to their own content or description
	// instead of fetching the pages they link to. URLs given as inputs are
	// still fetched.
	NoFetch bool
}

// The kinds of bad input. Item.Err matches one of them with errors.Is when the
// input itself is at fault (as opposed to, say, a missing file).
var (
	ErrEmpty       = errors.New("empty document")
	ErrBinary      = errors.New("binary data, not text")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrTooLarge    = errors.New("document too large")
	ErrInvalidJSON = errors.New("invalid JSON")
	ErrNoText      = errors.New("no text field")
	ErrDate        = errors.New("invalid date")
)

// reasonError is an error with its own message that matches a kind.
type reasonError struct {
	kind error
	msg  string
}

func (e *reasonError) Error() string        { return e.msg }
func (e *reasonError) Is(target error) bool { return target == e.kind }

func reasonf(kind error, format string, args ...any) error {
	return &reasonError{kind: kind, msg: fmt.Sprintf(format, args...)}
}

// reader carries the state of one Read call.
type reader struct {
	ctx       context.Context
	opts      Options
	out       chan<- Item
	stdinRead bool
}

// Read reads every input in order and sends one Item per document (or per
// failure) on out, closing out when it is done. Items come in a
// deterministic order: inputs as given, directory entries in lexical order,
// JSONL lines in file order. Read stops early only when ctx is cancelled.
func Read(ctx context.Context, inputs []string, opts Options, out chan<- Item) {
	defer close(out)
	r := newReader(ctx, opts, out)
	for _, in := range inputs {
		if !r.input(in) {
			return
		}
	}
}

// newReader fills in the defaults of opts.
func newReader(ctx context.Context, opts Options, out chan<- Item) *reader {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if d, err := ParseDate(opts.DefaultDate); err == nil {
		opts.DefaultDate = d
	}
	if opts.Stdin == nil {
		opts.Stdin = os.Stdin
	}
	return &reader{ctx: ctx, opts: opts, out: out}
}

// send delivers an item; it reports false when the context is done.
func (r *reader) send(it Item) bool {
	if it.Err == nil && it.Doc.Date == "" {
		it.Doc.Date = r.opts.DefaultDate
	}
	select {
	case <-r.ctx.Done():
		return false
	case r.out <- it:
		return true
	}
}

func (r *reader) fail(input string, err error) bool {
	return r.send(Item{Input: input, Err: err})
}

// input reads one command-line input.
func (r *reader) input(in string) bool {
	if r.ctx.Err() != nil {
		return false
	}
	if in == "-" {
		if r.stdinRead {
			return r.fail("-", errors.New("standard input given more than once"))
		}
		r.stdinRead = true
		return r.stream("-", "stdin", r.opts.Stdin, formatSniff)
	}
	if isURL(in) {
		return r.url(in)
	}
	fi, err := os.Stat(in)
	if err != nil {
		return r.fail(in, pathError(err))
	}
	if fi.IsDir() {
		return r.walk(in)
	}
	return r.file(in, formatOf(in, true))
}

// pathError strips the path from an *fs.PathError: the caller names the
// input already.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// walk reads the known files under a directory.
func (r *reader) walk(root string) bool {
	found := false
	ok := true
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if r.ctx.Err() != nil {
			return r.ctx.Err()
		}
		if err != nil {
			if !r.fail(path, pathError(err)) {
				return r.ctx.Err()
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		f := formatOf(path, false)
		if f == formatNone {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			fi, err := os.Stat(path)
			if err != nil || !fi.Mode().IsRegular() {
				return nil // dangling link or link to a directory
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		found = true
		if !r.file(path, f) {
			ok = false
			return r.ctx.Err()
		}
		return nil
	})
	if err != nil || !ok {
		return false
	}
	if !found {
		return r.fail(root, errors.New("no .txt, .text, .md, .jsonl, .ndjson, .json, .html, .htm, .rss, .atom or .warc files in the directory"))
	}
	return true
}

// format is how a file's content is read.
type format int

const (
	formatNone  format = iota // not read (directory walk)
	formatText                // one plain-text article
	formatJSONL               // one JSON article per line
	formatJSON                // one article object or an array of them
	formatSniff               // by content: JSONL, HTML, feed, WARC or text
	formatHTML                // one HTML page
	formatFeed                // an RSS, RDF or Atom feed: one article per entry
	formatWARC                // a WARC archive: one article per HTML response
)

// formatOf picks the format from a file name. explicit is true for files
// named on the command line, which are read whatever their extension.
func formatOf(path string, explicit bool) format {
	name := strings.ToLower(filepath.Base(path))
	name = strings.TrimSuffix(name, ".gz")
	if !explicit && (strings.HasPrefix(name, "readme") || strings.HasPrefix(name, "license") || strings.HasPrefix(name, "notice")) {
		return formatNone // a folder's documentation, not an article
	}
	switch filepath.Ext(name) {
	case ".txt", ".text", ".md":
		return formatText
	case ".jsonl", ".ndjson":
		return formatJSONL
	case ".json":
		return formatJSON
	case ".html", ".htm", ".xhtml":
		return formatHTML
	case ".rss", ".atom":
		return formatFeed
	case ".warc":
		return formatWARC
	case ".xml":
		if explicit {
			return formatFeed
		}
	}
	if explicit {
		return formatSniff
	}
	return formatNone
}

// file reads one file in the given format.
func (r *reader) file(path string, f format) bool {
	fh, err := os.Open(path)
	if err != nil {
		return r.fail(path, pathError(err))
	}
	defer fh.Close()
	var src io.Reader = fh
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		zr, err := gzip.NewReader(fh)
		if err != nil {
			return r.fail(path, fmt.Errorf("reading gzip: %w", err))
		}
		defer zr.Close()
		src = zr
	} else if f == formatText || f == formatSniff || f == formatHTML || f == formatFeed {
		// A size known in advance spares reading a huge file.
		if fi, err := fh.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > r.opts.MaxBytes {
			return r.fail(path, tooLarge(fi.Size(), r.opts.MaxBytes))
		}
	}
	return r.stream(path, path, src, f)
}

// stream reads an opened input. input names it in Items; id is the base of
// document ids.
func (r *reader) stream(input, id string, src io.Reader, f format) bool {
	br := bufio.NewReaderSize(src, 64<<10)
	if f == formatSniff {
		f = formatText
		if c, err := firstNonSpace(br); err == nil {
			switch c {
			case '{':
				f = formatJSONL
			case '<', 'W':
				head, _ := br.Peek(sniffLen)
				if g := sniffMarkup(head); g != formatNone {
					f = g
				}
			}
		}
	}
	switch f {
	case formatJSONL:
		return r.jsonl(input, id, br)
	case formatJSON:
		return r.json(input, id, br)
	case formatWARC:
		// A .warc.gz file, gzipped record by record or as a whole, arrives
		// here decompressed: offsets count decompressed bytes.
		return r.warc(input, br)
	case formatHTML, formatFeed:
		data, err := r.readBody(input, br)
		if err != nil {
			return r.fail(input, err)
		}
		if f == formatFeed {
			return r.feed(input, data, nil)
		}
		doc, err := extractHTML(data, "", nil, id)
		if err != nil {
			return r.fail(input, err)
		}
		finishDoc(&doc, "")
		return r.send(Item{Input: input, Doc: doc})
	default:
		return r.text(input, id, br)
	}
}

// readBody reads a whole input of at most MaxBytes (a name ending in .gz
// is decompressed).
func (r *reader) readBody(input string, src io.Reader) ([]byte, error) {
	if _, ok := src.(*os.File); ok && strings.HasSuffix(strings.ToLower(input), ".gz") {
		zr, err := gzip.NewReader(src)
		if err != nil {
			return nil, fmt.Errorf("reading gzip: %w", err)
		}
		defer zr.Close()
		src = zr
	}
	data, err := io.ReadAll(io.LimitReader(src, r.opts.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading: %w", pathError(err))
	}
	if int64(len(data)) > r.opts.MaxBytes {
		n, _ := io.Copy(io.Discard, src)
		return nil, tooLarge(int64(len(data))+n, r.opts.MaxBytes)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	return data, nil
}

// url reads an http(s) input: an HTML page or a feed.
func (r *reader) url(in string) bool {
	resp, err := fetch(r.ctx, &r.opts, in)
	if err != nil {
		if r.ctx.Err() != nil {
			return false
		}
		return r.fail(in, err)
	}
	kind := formatNone
	switch {
	case isHTMLType(resp.contentType):
		kind = formatHTML
		if sniffMarkup(resp.body) == formatFeed {
			kind = formatFeed
		}
	case feedType(resp.contentType), looseType(resp.contentType):
		kind = sniffMarkup(resp.body)
	}
	switch kind {
	case formatFeed:
		return r.feed(in, resp.body, resp.url)
	case formatHTML:
		doc, err := extractHTML(resp.body, resp.contentType, resp.url, in)
		if err != nil {
			return r.fail(in, err)
		}
		finishDoc(&doc, in)
		return r.send(Item{Input: in, Doc: doc})
	}
	return r.fail(in, reasonf(ErrNotHTML, "not an HTML page or a feed (%s)", describeType(resp.contentType)))
}

// sniffLen is how much of an input is looked at to tell its kind.
const sniffLen = 4096

// sniffMarkup tells an HTML page, an RSS/RDF/Atom feed and a WARC file from
// their first bytes; formatNone when the data is none of them.
func sniffMarkup(data []byte) format {
	data = data[:min(len(data), sniffLen)]
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	data = bytes.TrimLeft(data, " \t\r\n\f")
	if bytes.HasPrefix(data, []byte("WARC/")) {
		return formatWARC
	}
	if len(data) == 0 || data[0] != '<' {
		return formatNone
	}
	low := bytes.ToLower(data)
	// Skip the XML declaration, processing instructions, comments and the
	// document type, to the first element.
	for len(low) > 0 {
		low = bytes.TrimLeft(low, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(low, []byte("<!doctype html")):
			return formatHTML
		case bytes.HasPrefix(low, []byte("<!--")):
			i := bytes.Index(low, []byte("-->"))
			if i < 0 {
				return formatNone
			}
			low = low[i+3:]
			continue
		case bytes.HasPrefix(low, []byte("<?")), bytes.HasPrefix(low, []byte("<!")):
			i := bytes.IndexByte(low, '>')
			if i < 0 {
				return formatNone
			}
			low = low[i+1:]
			continue
		case bytes.HasPrefix(low, []byte("<")):
			name := low[1:]
			if i := bytes.IndexAny(name, " \t\r\n/>"); i >= 0 {
				name = name[:i]
			}
			switch string(name) {
			case "rss", "feed", "rdf:rdf", "rdf":
				return formatFeed
			case "html", "head", "body", "meta", "title", "link":
				return formatHTML
			}
			if bytes.Contains(low, []byte("<html")) || bytes.Contains(low, []byte("<body")) {
				return formatHTML
			}
			return formatNone
		}
		return formatNone
	}
	return formatNone
}

// firstNonSpace peeks at the first byte that is not white space.
func firstNonSpace(br *bufio.Reader) (byte, error) {
	for n := 1; ; n++ {
		b, err := br.Peek(n)
		if len(b) < n {
			if err == nil {
				err = io.EOF
			}
			return 0, err
		}
		c := b[n-1]
		switch c {
		case ' ', '\t', '\r', '\n', '\f', '\v':
			if n >= br.Size() {
				return 0, io.EOF
			}
			continue
		}
		// Skip a UTF-8 byte-order mark.
		if n == 1 && c == 0xEF {
			if bom, _ := br.Peek(3); bytes.Equal(bom, []byte{0xEF, 0xBB, 0xBF}) {
				n = 3
				continue
			}
		}
		return c, nil
	}
}

// text reads a plain-text article.
func (r *reader) text(input, id string, br *bufio.Reader) bool {
	data, err := io.ReadAll(io.LimitReader(br, r.opts.MaxBytes+1))
	if err != nil {
		return r.fail(input, fmt.Errorf("reading: %w", pathError(err)))
	}
	if int64(len(data)) > r.opts.MaxBytes {
		n, _ := io.Copy(io.Discard, br)
		return r.fail(input, tooLarge(int64(len(data))+n, r.opts.MaxBytes))
	}
	text, err := checkText(data)
	if err != nil {
		return r.fail(input, err)
	}
	return r.send(Item{Input: input, Doc: dyad.Doc{ID: id, Text: text}})
}

// checkText validates document text and returns it as a string, less a
// leading byte-order mark.
func checkText(data []byte) (string, error) {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if err := sniffBinary(data); err != nil {
		return "", err
	}
	if !utf8.Valid(data) {
		off := invalidAt(data)
		line := 1 + bytes.Count(data[:off], []byte{'\n'})
		return "", reasonf(ErrInvalidUTF8, "invalid UTF-8 at byte %d (line %d); convert the text to UTF-8 (it may be Latin-1 or Windows-1252)", off, line)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", ErrEmpty
	}
	return string(data), nil
}

// magic names common binary formats by their first bytes.
var magic = []struct {
	prefix, name string
}{
	{"%PDF-", "a PDF file"},
	{"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"},
	{"\x1f\x8b", "gzip data (name the file *.gz)"},
	{"\x89PNG", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"\xd0\xcf\x11\xe0", "an MS Office document"},
	{"\x7fELF", "an executable"},
	{"\xff\xfe", "UTF-16 text; convert it to UTF-8"},
	{"\xfe\xff", "UTF-16 text; convert it to UTF-8"},
}

// sniffBinary reports data that is not text at all: known binary formats,
// NUL bytes, or a high share of control bytes and invalid UTF-8 in the first
// 8 KB.
func sniffBinary(data []byte) error {
	for _, m := range magic {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return reasonf(ErrBinary, "binary data, not text (%s)", m.name)
		}
	}
	sample := data
	if len(sample) > 8<<10 {
		sample = sample[:8<<10]
	}
	if bytes.IndexByte(sample, 0) >= 0 {
		return reasonf(ErrBinary, "binary data, not text (contains NUL bytes)")
	}
	bad := 0
	for i := 0; i < len(sample); {
		c := sample[i]
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			bad++
			i++
			continue
		}
		rn, size := utf8.DecodeRune(sample[i:])
		if rn == utf8.RuneError && size == 1 {
			// A rune cut at the end of the sample is not an error.
			if len(sample) < len(data) && len(sample)-i < utf8.UTFMax {
				break
			}
			bad++
		}
		i += size
	}
	if len(sample) > 0 && bad*10 > len(sample) {
		return reasonf(ErrBinary, "binary data, not UTF-8 text")
	}
	return nil
}

// invalidAt returns the offset of the first invalid UTF-8 sequence.
func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		rn, size := utf8.DecodeRune(data[i:])
		if rn == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// tooLarge is the error for a document over the limit.
func tooLarge(size, limit int64) error {
	s, unit := sizeOneDecimal(size)
	if unit == 1 || float64(limit)/float64(unit) >= roundTenth(float64(size)/float64(unit)) {
		// One decimal would not show the difference.
		return reasonf(ErrTooLarge, "document is %d bytes, over the %d-byte limit; raise --max-bytes", size, limit)
	}
	return reasonf(ErrTooLarge, "document is %s, over the %s limit; raise --max-bytes", s, FormatSize(limit))
}
