package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/dyad-events/dyad"
)

// QuoteGold is one gold record of a quotation file (PolNeAR format): an
// article and every attribution in it.
type QuoteGold struct {
	ID   string
	Text string
	// Date is YYYY-MM-DD ("date" or meta.date), "" when the record has none.
	Date string
	// Title and Source are meta.title and meta.publisher, when present.
	Title, Source string
	Quotes        []GoldQuote
}

// GoldQuote is one gold attribution. Every position is a half-open range
// of Unicode code points into the record's text.
type GoldQuote struct {
	// Start and End span the whole attributed content.
	Start, End int
	// Content are the content pieces ([Start, End) when the gold gives
	// none); gold content keeps its quotation marks and "that".
	Content [][2]int
	// Speaker is the surface source string; HasSpeaker is false when the
	// gold speaker is null.
	Speaker    string
	HasSpeaker bool
	// SpeakerSegments and CueSegments are the source and cue spans.
	SpeakerSegments [][2]int
	// Cue is the surface cue string ("" when none).
	Cue         string
	CueSegments [][2]int
	// Direct is the gold's direct flag (the content holds quotation
	// marks); when the record omits it, it is computed the same way.
	Direct bool
}

// LoadQuoteGold reads a JSONL file of quotation gold records:
// {id, text, quotes:[{start, end, speaker, cue, content_segments,
// speaker_segments, cue_segments, direct}]}, with an optional "date" or
// meta.date. Blank lines are ignored; a malformed line or a span outside
// the text is an error naming the file and line. A record without an id is
// named "lineN"; a repeated id gets a "#2", "#3", ... suffix.
func LoadQuoteGold(path string) ([]QuoteGold, error) {
	return loadRecords(path, ReadQuoteGold)
}

// ReadQuoteGold reads JSONL quotation gold records from r; LoadQuoteGold is
// the same for a named file. Errors start with the line number and a colon
// ("12: ...") so that LoadQuoteGold can prefix the file name as "FILE:12:".
func ReadQuoteGold(r io.Reader) ([]QuoteGold, error) {
	return readRecords(r, "", parseQuoteGold, func(g *QuoteGold) *string { return &g.ID })
}

type quoteGoldJSON struct {
	ID   any     `json:"id"`
	Text *string `json:"text"`
	Date string  `json:"date"`
	Meta *struct {
		Date      string `json:"date"`
		Title     string `json:"title"`
		Publisher string `json:"publisher"`
	} `json:"meta"`
	Quotes []*struct {
		Start           *int    `json:"start"`
		End             *int    `json:"end"`
		Speaker         *string `json:"speaker"`
		Cue             *string `json:"cue"`
		ContentSegments [][]int `json:"content_segments"`
		SpeakerSegments [][]int `json:"speaker_segments"`
		CueSegments     [][]int `json:"cue_segments"`
		Direct          *bool   `json:"direct"`
	} `json:"quotes"`
}

func parseQuoteGold(b []byte) (QuoteGold, error) {
	var raw quoteGoldJSON
	if err := json.Unmarshal(b, &raw); err != nil {
		return QuoteGold{}, fmt.Errorf("decode record: %w", err)
	}
	var g QuoteGold
	var err error
	if g.ID, g.Text, err = idAndText(raw.ID, raw.Text); err != nil {
		return g, err
	}
	date := raw.Date
	if raw.Meta != nil {
		if date == "" {
			date = raw.Meta.Date
		}
		g.Title, g.Source = strings.TrimSpace(raw.Meta.Title), strings.TrimSpace(raw.Meta.Publisher)
	}
	if g.Date, err = NormalizeDate(date); err != nil {
		return g, fmt.Errorf("record %q: %w", g.ID, err)
	}
	runes := []rune(g.Text)
	n := len(runes)
	for i, q := range raw.Quotes {
		where := func(format string, args ...any) error {
			return fmt.Errorf("record %q: quotes[%d]: %s", g.ID, i, fmt.Sprintf(format, args...))
		}
		if q == nil {
			return g, where("null attribution")
		}
		if q.Start == nil || q.End == nil {
			return g, where("no start or end")
		}
		gq := GoldQuote{Start: *q.Start, End: *q.End}
		if gq.Start < 0 || gq.End < gq.Start || gq.End > n {
			return g, where("content [%d,%d) outside the text (%d runes)", gq.Start, gq.End, n)
		}
		segs := []struct {
			name string
			in   [][]int
			out  *[][2]int
		}{
			{"content_segments", q.ContentSegments, &gq.Content},
			{"speaker_segments", q.SpeakerSegments, &gq.SpeakerSegments},
			{"cue_segments", q.CueSegments, &gq.CueSegments},
		}
		for _, s := range segs {
			for j, seg := range s.in {
				if len(seg) != 2 {
					return g, where("%s[%d] has %d numbers, want 2", s.name, j, len(seg))
				}
				if seg[0] < 0 || seg[1] < seg[0] || seg[1] > n {
					return g, where("%s[%d] [%d,%d) outside the text (%d runes)", s.name, j, seg[0], seg[1], n)
				}
				*s.out = append(*s.out, [2]int{seg[0], seg[1]})
			}
		}
		if len(gq.Content) == 0 {
			gq.Content = [][2]int{{gq.Start, gq.End}}
		}
		if q.Speaker != nil {
			gq.Speaker, gq.HasSpeaker = *q.Speaker, true
		}
		if q.Cue != nil {
			gq.Cue = *q.Cue
		}
		if q.Direct != nil {
			gq.Direct = *q.Direct
		} else {
			gq.Direct = hasQuoteMark(runes, gq.Content)
		}
		g.Quotes = append(g.Quotes, gq)
	}
	return g, nil
}

// hasQuoteMark reports whether any piece of the text holds a double
// quotation mark, straight or typographic.
func hasQuoteMark(text []rune, segs [][2]int) bool {
	for _, s := range segs {
		for _, r := range text[s[0]:s[1]] {
			switch r {
			case '"', '“', '”', '„', '«', '»':
				return true
			}
		}
	}
	return false
}

// QuoteClass selects which attributions a table scores.
type QuoteClass int

// The quotation classes of a QuoteReport.
const (
	// ClassDirect compares gold direct=true with predicted Direct=true.
	ClassDirect QuoteClass = iota
	// ClassIndirect compares gold direct=false with predicted
	// Direct=false.
	ClassIndirect
	// ClassAll compares every gold attribution with every prediction.
	ClassAll
	numQuoteClasses
)

// String names the class: "direct", "indirect", "all".
func (c QuoteClass) String() string {
	switch c {
	case ClassDirect:
		return "direct"
	case ClassIndirect:
		return "indirect"
	case ClassAll:
		return "all"
	}
	return fmt.Sprintf("QuoteClass(%d)", int(c))
}

func (c QuoteClass) takesGold(q GoldQuote) bool {
	return c == ClassAll || q.Direct == (c == ClassDirect)
}

func (c QuoteClass) takesPred(q dyad.Quote) bool {
	return c == ClassAll || q.Direct == (c == ClassDirect)
}

// QuoteStats holds the figures of one class (see ScoreQuotes for the
// definitions). They add up over records and files.
type QuoteStats struct {
	// Quotes: matched pairs, predicted quotes, gold quotes.
	Quotes PRF
	// Speaker: matched pairs with the right speaker, predicted quotes,
	// gold quotes.
	Speaker PRF
	// Exact: matched pairs whose content is identical, predicted, gold.
	Exact PRF
	// OverlapP and OverlapR sum overlap/|pred| and overlap/|gold| over
	// the matched pairs.
	OverlapP, OverlapR float64
	// Cue: matched pairs whose cues overlap, predicted quotes with a cue,
	// gold quotes with a cue.
	Cue PRF
}

// Add adds o's counts to s.
func (s *QuoteStats) Add(o QuoteStats) {
	s.Quotes.add(o.Quotes)
	s.Speaker.add(o.Speaker)
	s.Exact.add(o.Exact)
	s.OverlapP += o.OverlapP
	s.OverlapR += o.OverlapR
	s.Cue.add(o.Cue)
}

// SpeakerAccuracy is the share of matched pairs with the right speaker.
func (s QuoteStats) SpeakerAccuracy() float64 { return ratio(s.Speaker.Matched, s.Quotes.Matched) }

// OverlapPrecision is OverlapP over the predicted quotes.
func (s QuoteStats) OverlapPrecision() float64 {
	if s.Quotes.Predicted == 0 {
		return 0
	}
	return s.OverlapP / float64(s.Quotes.Predicted)
}

// OverlapRecall is OverlapR over the gold quotes.
func (s QuoteStats) OverlapRecall() float64 {
	if s.Quotes.Gold == 0 {
		return 0
	}
	return s.OverlapR / float64(s.Quotes.Gold)
}

// OverlapF1 is the harmonic mean of OverlapPrecision and OverlapRecall.
func (s QuoteStats) OverlapF1() float64 {
	p, r := s.OverlapPrecision(), s.OverlapRecall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Summary is the direct-quote line a report ends with, for s holding the
// direct-quote figures: "direct quotes: recall R precision P, speaker S"
// with three decimals.
func (s QuoteStats) Summary() string {
	return fmt.Sprintf("direct quotes: recall %.3f precision %.3f, speaker %.3f",
		s.Quotes.Recall(), s.Quotes.Precision(), s.SpeakerAccuracy())
}

// QuotePair is a matched gold and predicted quotation: indexes into
// QuoteResult.Gold and QuoteResult.Predicted, and what agrees.
type QuotePair struct {
	Gold, Pred int
	// Overlap is the number of content runes the two share.
	Overlap int
	// SpeakerRight, Exact and CueRight say whether the speaker, the
	// content and the cue agree.
	SpeakerRight, Exact, CueRight bool
}

// QuoteMatch is the matching of one class in one record.
type QuoteMatch struct {
	// Pairs are the matched pairs, in gold order.
	Pairs []QuotePair
	// Missed are the gold quotes of the class left unmatched, Spurious the
	// predicted ones; indexes into QuoteResult.Gold and .Predicted.
	Missed, Spurious []int
	// Stats are the record's figures for the class.
	Stats QuoteStats
}

// QuoteResult is the outcome for one record.
type QuoteResult struct {
	ID        string
	Text      string
	Gold      []GoldQuote
	Predicted []dyad.Quote
	// Classes holds the matching per QuoteClass (ClassDirect, ...).
	Classes [3]QuoteMatch
	// Err is the coder's error, if it failed on this record (then
	// Predicted is empty).
	Err error
}

// QuoteReport holds every figure ScoreQuotes computes.
type QuoteReport struct {
	// Records is the number of records scored, Errors those the coder
	// failed on (scored as predicting nothing).
	Records, Errors int
	// Stats holds the figures per QuoteClass: Stats[ClassDirect], ...
	Stats [3]QuoteStats
	// Results has one entry per record, in input order.
	Results []QuoteResult
	// Elapsed is the time spent in the coder, Scoring the time spent
	// matching.
	Elapsed, Scoring time.Duration
}

// Direct returns the direct-quote figures.
func (r *QuoteReport) Direct() QuoteStats { return r.Stats[ClassDirect] }

// ScoreQuotes codes the text of every gold record with code and scores the
// quotations it predicts (dyad.Record.Quotes) against the gold
// attributions. A coder error on a record is recorded in the report (the
// record counts as predicting nothing), not returned; the error result is
// for a missing coder.
//
// Definitions, computed separately for three classes: direct (gold
// direct=true against predicted Direct=true), indirect (direct=false
// against Direct=false) and all (every attribution against every
// prediction):
//
//   - Content: the union of a quote's content pieces, in runes; gold
//     content_segments, predicted Segments or [Start, End) when it has none.
//     Overlap is the number of runes in the intersection of two contents.
//   - Matching: a predicted quote can match a gold one when the overlap is
//     at least half of the gold content and at least half of the predicted
//     content. Pairs are taken greedily by largest overlap, each quote used
//     once. Quotes: P = matched/predicted, R = matched/gold, F1, summed over
//     records before dividing (micro).
//   - Speaker: a matched pair's speaker is right when the predicted speaker
//     span overlaps a gold speaker segment, or else when the normalised
//     strings (lower case, letters and digits, possessive 's dropped) are
//     equal or one ends with the other's words ("Firefly", "Rufus
//     Firefly"). A null gold speaker is right only against a nil predicted
//     speaker; a nil predicted speaker is wrong against a gold one. Speaker
//     accuracy = right/matched; speaker P/R = right/predicted, right/gold.
//   - Content exact: a matched pair whose content pieces are identical once
//     whitespace and punctuation (quotation marks included) are trimmed
//     from the ends of each piece and touching pieces are joined. P/R over
//     predicted and gold quotes.
//   - Content overlap (soft, as in PARC/Citron): P = sum over matched pairs
//     of overlap/|predicted content| divided by the predicted quotes, R =
//     sum of overlap/|gold content| divided by the gold quotes; unmatched
//     quotes count 0.
//   - Cue: a matched pair's cue is right when the predicted cue span
//     overlaps a cue segment of the gold quote. P = right/predicted quotes
//     with a cue, R = right/gold quotes with a cue.
func ScoreQuotes(gold []QuoteGold, code Coder) (*QuoteReport, error) {
	if code == nil {
		return nil, errors.New("eval: ScoreQuotes: nil coder")
	}
	r := &QuoteReport{Results: make([]QuoteResult, 0, len(gold))}
	for _, g := range gold {
		start := time.Now()
		rec, err := code(dyad.Doc{ID: g.ID, Text: g.Text, Date: g.Date, Title: g.Title, Source: g.Source})
		r.Elapsed += time.Since(start)

		start = time.Now()
		res := QuoteResult{ID: g.ID, Text: g.Text, Gold: g.Quotes}
		if err != nil {
			res.Err = err
			r.Errors++
		} else {
			res.Predicted = rec.Quotes
		}
		scoreRecord(&res)
		for c := range numQuoteClasses {
			r.Stats[c].Add(res.Classes[c].Stats)
		}
		r.Records++
		r.Results = append(r.Results, res)
		r.Scoring += time.Since(start)
	}
	return r, nil
}

// scoreRecord fills res.Classes from res.Gold and res.Predicted.
func scoreRecord(res *QuoteResult) {
	goldContent := make([][][2]int, len(res.Gold))
	for i, q := range res.Gold {
		goldContent[i] = union(q.Content)
	}
	predContent := make([][][2]int, len(res.Predicted))
	for i, q := range res.Predicted {
		predContent[i] = union(predSegments(q))
	}
	text := []rune(res.Text)
	for c := range numQuoteClasses {
		var gi, pi []int
		for i, q := range res.Gold {
			if c.takesGold(q) {
				gi = append(gi, i)
			}
		}
		for i, q := range res.Predicted {
			if c.takesPred(q) {
				pi = append(pi, i)
			}
		}
		m := &res.Classes[c]
		m.Stats.Quotes = PRF{Gold: len(gi), Predicted: len(pi)}
		m.Stats.Speaker = PRF{Gold: len(gi), Predicted: len(pi)}
		m.Stats.Exact = PRF{Gold: len(gi), Predicted: len(pi)}
		for _, i := range gi {
			if len(res.Gold[i].CueSegments) > 0 {
				m.Stats.Cue.Gold++
			}
		}
		for _, i := range pi {
			if res.Predicted[i].Cue != nil {
				m.Stats.Cue.Predicted++
			}
		}

		// Candidate pairs, largest overlap first.
		var cands []QuotePair
		for _, g := range gi {
			gl := length(goldContent[g])
			for _, p := range pi {
				pl := length(predContent[p])
				ov := intersect(goldContent[g], predContent[p])
				if ov > 0 && 2*ov >= gl && 2*ov >= pl {
					cands = append(cands, QuotePair{Gold: g, Pred: p, Overlap: ov})
				}
			}
		}
		sort.SliceStable(cands, func(a, b int) bool { return cands[a].Overlap > cands[b].Overlap })
		usedG, usedP := map[int]bool{}, map[int]bool{}
		for _, pr := range cands {
			if usedG[pr.Gold] || usedP[pr.Pred] {
				continue
			}
			usedG[pr.Gold], usedP[pr.Pred] = true, true
			gq, pq := res.Gold[pr.Gold], res.Predicted[pr.Pred]
			pr.SpeakerRight = speakerRight(gq, pq.Speaker)
			pr.Exact = sameContent(text, gq.Content, predSegments(pq))
			pr.CueRight = pq.Cue != nil && len(gq.CueSegments) > 0 &&
				overlapsAny(pq.Cue.Start, pq.Cue.End, gq.CueSegments)
			m.Pairs = append(m.Pairs, pr)

			s := &m.Stats
			s.Quotes.Matched++
			if pr.SpeakerRight {
				s.Speaker.Matched++
			}
			if pr.Exact {
				s.Exact.Matched++
			}
			if pr.CueRight {
				s.Cue.Matched++
			}
			s.OverlapP += float64(pr.Overlap) / float64(length(predContent[pr.Pred]))
			s.OverlapR += float64(pr.Overlap) / float64(length(goldContent[pr.Gold]))
		}
		sort.Slice(m.Pairs, func(a, b int) bool { return m.Pairs[a].Gold < m.Pairs[b].Gold })
		for _, g := range gi {
			if !usedG[g] {
				m.Missed = append(m.Missed, g)
			}
		}
		for _, p := range pi {
			if !usedP[p] {
				m.Spurious = append(m.Spurious, p)
			}
		}
	}
}

// predSegments returns a predicted quote's content pieces: Segments, or
// [Start, End) when it has none.
func predSegments(q dyad.Quote) [][2]int {
	if len(q.Segments) > 0 {
		return q.Segments
	}
	return [][2]int{{q.Start, q.End}}
}

// union sorts and merges pieces into disjoint, non-touching ranges,
// dropping empty ones.
func union(segs [][2]int) [][2]int {
	var out [][2]int
	for _, s := range segs {
		if s[1] > s[0] {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	merged := out[:0]
	for _, s := range out {
		if n := len(merged); n > 0 && s[0] <= merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], s[1])
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

func length(u [][2]int) int {
	n := 0
	for _, s := range u {
		n += s[1] - s[0]
	}
	return n
}

// intersect counts the runes two unions share.
func intersect(a, b [][2]int) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		lo, hi := max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
		if hi > lo {
			n += hi - lo
		}
		if a[i][1] < b[j][1] {
			i++
		} else {
			j++
		}
	}
	return n
}

func overlapsAny(start, end int, segs [][2]int) bool {
	for _, s := range segs {
		if max(start, s[0]) < min(end, s[1]) {
			return true
		}
	}
	return false
}

// speakerRight applies the speaker rule of ScoreQuotes.
func speakerRight(g GoldQuote, p *dyad.Speaker) bool {
	if !g.HasSpeaker && len(g.SpeakerSegments) == 0 {
		return p == nil
	}
	if p == nil {
		return false
	}
	if overlapsAny(p.Start, p.End, g.SpeakerSegments) {
		return true
	}
	a, b := speakerWords(g.Speaker), speakerWords(p.Text)
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	tail := b[len(b)-len(a):]
	for i := range a {
		if a[i] != tail[i] {
			return false
		}
	}
	return true
}

// speakerWords normalises a speaker string to its lower-case words of
// letters and digits, with a possessive 's dropped.
func speakerWords(s string) []string {
	s = strings.ToLower(strings.NewReplacer("’", "'", "‘", "'").Replace(s))
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	out := words[:0]
	for _, w := range words {
		w = strings.TrimSuffix(w, "'s")
		if w = strings.Trim(w, "'"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// sameContent reports whether two contents are identical once each piece
// is trimmed of whitespace and punctuation at its ends and touching pieces
// are joined.
func sameContent(text []rune, a, b [][2]int) bool {
	ta, tb := trimmedUnion(text, a), trimmedUnion(text, b)
	if len(ta) != len(tb) {
		return false
	}
	for i := range ta {
		if ta[i] != tb[i] {
			return false
		}
	}
	return true
}

func trimmedUnion(text []rune, segs [][2]int) [][2]int {
	n := len(text)
	trim := func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }
	var out [][2]int
	for _, s := range union(segs) {
		lo, hi := max(0, min(s[0], n)), max(0, min(s[1], n))
		for lo < hi && trim(text[lo]) {
			lo++
		}
		for hi > lo && trim(text[hi-1]) {
			hi--
		}
		if hi > lo {
			out = append(out, [2]int{lo, hi})
		}
	}
	return union(out)
}

// spanText returns the text of the pieces, joined by " … ", with every run
// of whitespace made one space.
func spanText(text []rune, segs [][2]int) string {
	n := len(text)
	var parts []string
	for _, s := range segs {
		lo, hi := max(0, min(s[0], n)), max(0, min(s[1], n))
		if hi > lo {
			parts = append(parts, oneLine(string(text[lo:hi])))
		}
	}
	return strings.Join(parts, " … ")
}
