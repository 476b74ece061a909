package export

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// PrettyOptions configures NewPretty.
type PrettyOptions struct {
	// Width is the column sentences are wrapped at; 0 means 80.
	Width int
}

// prettyWriter writes documents for people to read.
type prettyWriter struct {
	flusher
	width int
	n     int // documents written
}

// NewPretty returns a writer for people. Each document gets a header line
// (id, date, dateline, counts) and its title if any; then every sentence that
// has events is printed, wrapped, with one line per event under it:
//
//	── wire/a.txt · 2023-07-24 · TEHRAN (Reuters) · 3 sentences, 1 event
//	Iran's defence minister met his Syrian counterpart in Tehran on Monday.
//	  IRNMIL → SYRMIL  043  Host a visit  "met"  [verbs.txt:12]
//
// Sentence groups are separated by blank lines, documents too.
// Rules written "file:LINE entry" show only their file:LINE. An event
// without a target shows "—"; a negated event says "(negated)".
// Documents without events say "(no events)".
func NewPretty(w io.Writer, opts PrettyOptions) Writer {
	if opts.Width <= 0 {
		opts.Width = 80
	}
	return &prettyWriter{flusher: newFlusher(w), width: opts.Width}
}

// Write writes one document.
func (p *prettyWriter) Write(doc dyad.Doc, rec dyad.Record) error {
	if p.err != nil {
		return p.err
	}
	if p.n > 0 {
		p.bw.WriteByte('\n')
	}
	p.n++
	p.header(&rec)
	if len(rec.Events) == 0 {
		p.bw.WriteString("  (no events)\n")
		return p.flush()
	}

	// Column widths over the whole document keep the events aligned.
	var wSrc, wTgt, wCode, wLabel int
	for i := range rec.Events {
		ev := &rec.Events[i]
		wSrc = max(wSrc, utf8.RuneCountInString(actorOrDash(ev.Source)))
		wTgt = max(wTgt, utf8.RuneCountInString(actorOrDash(ev.Target)))
		wCode = max(wCode, len(ev.Code))
		wLabel = max(wLabel, utf8.RuneCountInString(ev.Label))
	}
	wLabel = min(wLabel, maxLabel)

	// Events are grouped under their sentences, in sentence order.
	order := make([]int, len(rec.Events))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return rec.Events[order[a]].Sentence < rec.Events[order[b]].Sentence
	})

	sp := newSpanner(doc.Text)
	last := -2
	for _, i := range order {
		ev := &rec.Events[i]
		if ev.Sentence != last {
			if last != -2 {
				p.bw.WriteByte('\n')
			}
			last = ev.Sentence
			text := sentenceText(sp, &rec, ev.Sentence)
			if text == "" {
				text = fmt.Sprintf("(sentence %d)", ev.Sentence)
			}
			for _, line := range wrap(cleanField(text), p.width) {
				p.bw.WriteString(line)
				p.bw.WriteByte('\n')
			}
		}
		var b strings.Builder
		b.WriteString("  ")
		b.WriteString(pad(actorOrDash(ev.Source), wSrc))
		b.WriteString(" → ")
		b.WriteString(pad(actorOrDash(ev.Target), wTgt))
		b.WriteString("  ")
		b.WriteString(pad(ev.Code, wCode))
		b.WriteString("  ")
		b.WriteString(pad(truncate(ev.Label, maxLabel), wLabel))
		if v := cleanField(ev.Verb.Text); v != "" {
			fmt.Fprintf(&b, "  %q", v)
		}
		if ev.Negated {
			b.WriteString(" (negated)")
		}
		if ev.Quote != nil {
			b.WriteString(" (quoted)")
		}
		if ev.Place != nil && ev.Place.Name != "" {
			fmt.Fprintf(&b, " @ %s", cleanField(ev.Place.Name))
		}
		if r := shortRule(ev.Rule); r != "" {
			fmt.Fprintf(&b, "  [%s]", r)
		}
		p.bw.WriteString(strings.TrimRight(b.String(), " "))
		p.bw.WriteByte('\n')
	}
	return p.flush()
}

// maxLabel caps the label column: CAMEO's longest labels ("Express intent
// to engage in diplomatic cooperation (such as policy support)") would
// push the verb and rule off the line.
const maxLabel = 36

// truncate shortens s to n runes, ending it with "…" when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// header writes the document's header line and title.
func (p *prettyWriter) header(rec *dyad.Record) {
	parts := headerParts(rec)
	if rec.Doc.Source != "" {
		parts = append(parts, cleanField(string(rec.Doc.Source)))
	}
	parts = append(parts, fmt.Sprintf("%s, %s", plural(len(rec.Sentences), "sentence"), plural(len(rec.Events), "event")))
	p.bw.WriteString("── " + strings.Join(parts, " · ") + "\n")
	if rec.Doc.Title != "" {
		p.bw.WriteString(cleanField(string(rec.Doc.Title)) + "\n")
	}
}

// headerParts are the first fields of a document's header line for
// people: its id, date and dateline.
func headerParts(rec *dyad.Record) []string {
	parts := []string{cleanField(rec.Doc.ID)}
	if rec.Doc.Date != "" {
		parts = append(parts, string(rec.Doc.Date))
	}
	if dl := rec.Doc.Dateline; dl != nil && dl.Place != "" {
		s := cleanField(dl.Place)
		if dl.Agency != "" {
			s += " (" + cleanField(dl.Agency) + ")"
		}
		parts = append(parts, s)
	}
	return parts
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func actorOrDash(a *dyad.Actor) string {
	if a == nil || a.Code == "" {
		return "—"
	}
	return a.Code
}

// pad right-pads s with spaces to n runes.
func pad(s string, n int) string {
	if k := utf8.RuneCountInString(s); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s
}

// wrap breaks text into lines of at most width runes at spaces; a word
// longer than width gets a line of its own.
func wrap(text string, width int) []string {
	var lines []string
	var line strings.Builder
	n := 0
	for _, w := range strings.Fields(text) {
		k := utf8.RuneCountInString(w)
		if n > 0 && n+1+k > width {
			lines = append(lines, line.String())
			line.Reset()
			n = 0
		}
		if n > 0 {
			line.WriteByte(' ')
			n++
		}
		line.WriteString(w)
		n += k
	}
	if n > 0 {
		lines = append(lines, line.String())
	}
	return lines
}

// shortRule cuts a rule of the form "file.txt:12 the entry text" to its
// "file.txt:12" location; other rules are shown whole.
func shortRule(rule string) string {
	rule = cleanField(rule)
	loc, _, found := strings.Cut(rule, " ")
	if !found {
		return rule
	}
	if i := strings.LastIndexByte(loc, ':'); i > 0 && i < len(loc)-1 && strings.Trim(loc[i+1:], "0123456789") == "" {
		return loc
	}
	return rule
}

// Close flushes the output.
func (p *prettyWriter) Close() error { return p.flush() }
