package eval

import (
	"bufio"
	"fmt"
	"io"
	"time"

	"github.com/dyad-events/dyad"
)

// quoteMissRunes is how much of a quotation a miss listing shows.
const quoteMissRunes = 100

// Write prints the report as plain text: a table per class (direct,
// indirect, all), the definitions and, with verbose, per record the gold
// direct quotes that were missed, the matched direct quotes with a wrong
// speaker and the spurious direct predictions. The last line is always
// QuoteStats.Summary of the direct quotes.
func (r *QuoteReport) Write(w io.Writer, verbose bool) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }

	all := r.Stats[ClassAll]
	p("quote evaluation: %d records, %d gold attributions (%d direct, %d indirect), %d predicted (%d direct, %d indirect)",
		r.Records, all.Quotes.Gold, r.Stats[ClassDirect].Quotes.Gold, r.Stats[ClassIndirect].Quotes.Gold,
		all.Quotes.Predicted, r.Stats[ClassDirect].Quotes.Predicted, r.Stats[ClassIndirect].Quotes.Predicted)
	if r.Errors > 0 {
		p(", %d coder errors", r.Errors)
	}
	p("\n")
	if r.Records > 0 && r.Elapsed >= time.Millisecond {
		p("coder time: %s (%.1f records/s), scoring time: %s\n", r.Elapsed.Round(time.Millisecond),
			float64(r.Records)/r.Elapsed.Seconds(), r.Scoring.Round(time.Microsecond))
	}

	for _, c := range []struct {
		class QuoteClass
		title string
	}{
		{ClassDirect, "direct quotes (gold direct=true, predicted direct=true)"},
		{ClassIndirect, "indirect attributions (gold direct=false, predicted direct=false)"},
		{ClassAll, "all attributions"},
	} {
		s := r.Stats[c.class]
		p("\n%s:\n", c.title)
		p("  %-24s %9s %9s %9s %7s %7s %7s\n", "metric", "matched", "predicted", "gold", "P", "R", "F1")
		prf := func(name string, m PRF) {
			p("  %-24s %9d %9d %9d %7.3f %7.3f %7.3f\n", name, m.Matched, m.Predicted, m.Gold, m.Precision(), m.Recall(), m.F1())
		}
		prf("quotes (overlap >= 50%)", s.Quotes)
		prf("speaker", s.Speaker)
		prf("content exact", s.Exact)
		p("  %-24s %9s %9d %9d %7.3f %7.3f %7.3f\n", "content overlap (soft)", "", s.Quotes.Predicted, s.Quotes.Gold,
			s.OverlapPrecision(), s.OverlapRecall(), s.OverlapF1())
		prf("cue", s.Cue)
		p("  speaker accuracy on matched quotes: %.3f (%d/%d)\n", s.SpeakerAccuracy(), s.Speaker.Matched, s.Quotes.Matched)
	}

	p("\ndefinitions:\n")
	for _, d := range []string{
		"content = union of the content pieces in runes (gold content_segments; predicted segments, else [start,end));",
		"  overlap = runes in the intersection of two contents",
		"quotes: a prediction matches a gold quote when overlap >= 50% of the gold content and >= 50% of the",
		"  predicted content; one-to-one, greedy by largest overlap; P = matched/predicted, R = matched/gold (micro)",
		"speaker: a matched pair is right when the predicted speaker span overlaps a gold speaker segment, or the",
		"  normalised strings are equal or one ends with the other's words; a null gold speaker is right only",
		"  against no predicted speaker; P = right/predicted, R = right/gold; accuracy = right/matched",
		"content exact: a matched pair with identical pieces after trimming whitespace and punctuation at their ends",
		"content overlap (soft): P = sum of overlap/|pred| over matched pairs / predicted,",
		"  R = sum of overlap/|gold| / gold (unmatched quotes count 0)",
		"cue: a matched pair whose predicted cue overlaps a gold cue segment; P over predicted quotes with a cue,",
		"  R over gold quotes with a cue",
		"direct / indirect: gold direct flag (content holds quote marks) against the predicted direct flag; all: every",
		"  attribution against every prediction",
	} {
		p("  %s\n", d)
	}

	if verbose {
		n := 0
		for _, res := range r.Results {
			m := res.Classes[ClassDirect]
			wrong := 0
			for _, pr := range m.Pairs {
				if !pr.SpeakerRight {
					wrong++
				}
			}
			if res.Err == nil && len(m.Missed) == 0 && len(m.Spurious) == 0 && wrong == 0 {
				continue
			}
			if n == 0 {
				p("\nmisses (direct quotes):\n")
			}
			n++
			writeQuoteMiss(bw, res)
		}
	}
	p("\n%s\n", r.Stats[ClassDirect].Summary())
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("eval: write report: %w", err)
	}
	return nil
}

func writeQuoteMiss(w io.Writer, res QuoteResult) {
	text := []rune(res.Text)
	m := res.Classes[ClassDirect]
	fmt.Fprintf(w, "\n- %s\n", res.ID)
	if res.Err != nil {
		fmt.Fprintf(w, "  coder error: %v\n", res.Err)
	}
	for _, i := range m.Missed {
		g := res.Gold[i]
		fmt.Fprintf(w, "  missed: %s  speaker=%s\n", quoteExcerpt(text, g.Content), goldSpeaker(g))
	}
	for _, pr := range m.Pairs {
		if pr.SpeakerRight {
			continue
		}
		g, q := res.Gold[pr.Gold], res.Predicted[pr.Pred]
		fmt.Fprintf(w, "  wrong speaker: %s  gold=%s predicted=%s\n", quoteExcerpt(text, g.Content), goldSpeaker(g), predSpeaker(q.Speaker))
	}
	for _, i := range m.Spurious {
		q := res.Predicted[i]
		cue := "-"
		if q.Cue != nil {
			cue = fmt.Sprintf("%q", q.Cue.Text)
		}
		fmt.Fprintf(w, "  spurious: %s  speaker=%s cue=%s\n", quoteExcerpt(text, predSegments(q)), predSpeaker(q.Speaker), cue)
	}
}

// quoteExcerpt shows the first quoteMissRunes runes of the content, with
// its position.
func quoteExcerpt(text []rune, segs [][2]int) string {
	u := union(segs)
	pos := "[]"
	if len(u) > 0 {
		pos = fmt.Sprintf("[%d,%d)", u[0][0], u[len(u)-1][1])
	}
	return fmt.Sprintf("%s %q", pos, truncate(spanText(text, u), quoteMissRunes))
}

func goldSpeaker(g GoldQuote) string {
	if !g.HasSpeaker {
		return "(none)"
	}
	return fmt.Sprintf("%q", g.Speaker)
}

func predSpeaker(s *dyad.Speaker) string {
	if s == nil {
		return "(none)"
	}
	out := fmt.Sprintf("%q", s.Text)
	if c := string(s.Code); c != "" {
		out += " " + c
	}
	return out
}
