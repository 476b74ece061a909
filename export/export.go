// Package export writes coded documents: JSONL (the output contract), a
// pretty text view for people, a GDELT-like TSV table of events, and a
// list of quotations with their speakers for people.
//
// Every writer takes the document alongside its record, so writers that show
// sentence text (pretty, tsv) can cut it from the document. Writers buffer
// their output and flush it after every document; Close flushes what is left
// (and writes the TSV header if no event came) but does not close the
// underlying io.Writer.
package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// Writer writes coded documents in one format. It is not safe for concurrent
// use.
type Writer interface {
	// Write writes one document's record. doc is the document the record
	// was coded from; its Text is what the record's offsets point into.
	Write(doc dyad.Doc, rec dyad.Record) error
	// Close flushes buffered output. It does not close the underlying writer.
	Close() error
}

// Formats lists the names New accepts, the default first.
var Formats = []string{"jsonl", "pretty", "tsv", "quotes"}

// New returns the writer for a format name (see Formats).
func New(format string, w io.Writer) (Writer, error) {
	switch strings.ToLower(format) {
	case "jsonl", "json", "ndjson":
		return NewJSONL(w), nil
	case "pretty", "text":
		return NewPretty(w, PrettyOptions{}), nil
	case "tsv":
		return NewTSV(w), nil
	case "quotes":
		return NewQuotes(w, PrettyOptions{}), nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// flusher is the buffered writer every format shares.
type flusher struct {
	bw  *bufio.Writer
	err error // first write error; sticky
}

func newFlusher(w io.Writer) flusher { return flusher{bw: bufio.NewWriterSize(w, 64<<10)} }

func (f *flusher) flush() error {
	if f.err != nil {
		return f.err
	}
	if err := f.bw.Flush(); err != nil {
		f.err = fmt.Errorf("writing output: %w", err)
	}
	return f.err
}

// cleanField makes a value safe for one TSV cell or one display line: every
// run of white space (tabs and newlines included) becomes a single space.
func cleanField(s string) string {
	if !strings.ContainsAny(s, "\t\n\r\v\f\u0085\u2028\u2029") && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// spanner cuts rune-offset spans out of a text. Spans asked for in
// increasing order cost one pass over the text in all.
type spanner struct {
	text   string
	runeAt int // rune index of the cursor
	byteAt int // byte offset of the cursor
}

func newSpanner(text string) *spanner { return &spanner{text: text} }

// offset returns the byte offset of rune index i, clamped to the text.
func (s *spanner) offset(i int) int {
	if i <= 0 {
		return 0
	}
	if i < s.runeAt {
		s.runeAt, s.byteAt = 0, 0
	}
	for s.runeAt < i && s.byteAt < len(s.text) {
		_, size := utf8.DecodeRuneInString(s.text[s.byteAt:])
		s.byteAt += size
		s.runeAt++
	}
	return s.byteAt
}

// slice returns the text of runes [start, end), or "" for a bad span.
func (s *spanner) slice(start, end int) string {
	if start < 0 || end <= start {
		return ""
	}
	b0 := s.offset(start)
	b1 := s.offset(end)
	return s.text[b0:b1]
}

// sentenceText returns the text of sentence i of rec, or "" if there is no
// such sentence. Byte offsets are used when the pipeline set them.
func sentenceText(sp *spanner, rec *dyad.Record, i int) string {
	if i < 0 || i >= len(rec.Sentences) {
		return ""
	}
	sent := rec.Sentences[i]
	if sent.ByteEnd > sent.ByteStart && sent.ByteStart >= 0 && sent.ByteEnd <= len(sp.text) &&
		utf8.RuneCountInString(sp.text[sent.ByteStart:sent.ByteEnd]) == sent.End-sent.Start {
		return sp.text[sent.ByteStart:sent.ByteEnd]
	}
	return sp.slice(sent.Start, sent.End)
}
