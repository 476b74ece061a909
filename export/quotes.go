package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/dyad-events/dyad"
)

// quotesWriter writes the quotations of each document for people.
type quotesWriter struct {
	flusher
	width int
	n     int
}

// NewQuotes returns a writer that lists each document's quotations, one
// block per quotation: the speaker with its actor code and entity, the
// cue, and the quotation wrapped and indented; indirect speech is marked.
//
//	── wire/a.txt · Tehran (IP) · 12 sentences, 3 quotes
//	Brig. Gen. Farahani (IRNMIL, e1) said:
//	    "Our cooperation is defensive and is not directed against any
//	    third country."
//
// A quotation with no speaker found shows "(unattributed)".
func NewQuotes(w io.Writer, opts PrettyOptions) Writer {
	if opts.Width <= 0 {
		opts.Width = 80
	}
	return &quotesWriter{flusher: newFlusher(w), width: opts.Width}
}

// Write writes one document's quotations.
func (q *quotesWriter) Write(doc dyad.Doc, rec dyad.Record) error {
	if q.err != nil {
		return q.err
	}
	if q.n > 0 {
		q.bw.WriteByte('\n')
	}
	q.n++
	parts := append(headerParts(&rec), fmt.Sprintf("%s, %s", plural(len(rec.Sentences), "sentence"), plural(len(rec.Quotes), "quote")))
	q.bw.WriteString("── " + strings.Join(parts, " · ") + "\n")
	if len(rec.Quotes) == 0 {
		q.bw.WriteString("  (no quotes)\n")
		return q.flush()
	}
	sp := newSpanner(doc.Text)
	for _, qt := range rec.Quotes {
		who := "(unattributed)"
		if s := qt.Speaker; s != nil {
			who = cleanField(s.Text)
			var tags []string
			if s.Code != "" {
				tags = append(tags, string(s.Code))
			}
			if s.Entity != "" {
				tags = append(tags, string(s.Entity))
			}
			if len(tags) > 0 {
				who += " (" + strings.Join(tags, ", ") + ")"
			}
		}
		if qt.Cue != nil {
			who += " " + cleanField(qt.Cue.Text)
		}
		if !qt.Direct {
			who += " [indirect]"
		}
		q.bw.WriteString(who + ":\n")
		var pieces []string
		for _, g := range qt.Segments {
			pieces = append(pieces, sp.slice(g[0], g[1]))
		}
		if len(pieces) == 0 {
			pieces = append(pieces, sp.slice(qt.Start, qt.End))
		}
		text := cleanField(strings.Join(pieces, " … "))
		for _, line := range wrap(text, q.width-4) {
			q.bw.WriteString("    " + line + "\n")
		}
	}
	return q.flush()
}

// Close flushes the output.
func (q *quotesWriter) Close() error { return q.flush() }
