package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// rng is a half-open byte range of the document text.
type rng struct{ s, e int }

// headingShare: a line without final punctuation that is shorter than this
// share of the longest line of its block ends a paragraph (a heading or a
// one-line paragraph in plain text); longer lines are hard-wrapped prose.
const headingShare = 0.6

// paragraphs splits the body of s into paragraphs: blocks separated by
// blank lines (or lines left out of the body), themselves split at single
// newlines where the next line starts a new paragraph (the line before ends
// a sentence, is a short heading, or the next line is a list item).
func paragraphs(s string, body bodyInfo, t *tables) []rng {
	start, end, holes := body.start, body.end, body.holes
	var out []rng
	var lines []rng // the non-blank lines of the current block, trimmed
	flush := func() {
		if len(lines) == 0 {
			return
		}
		maxLen := 0
		for _, l := range lines {
			maxLen = max(maxLen, l.e-l.s)
		}
		ps := lines[0].s
		for i := 1; i < len(lines); i++ {
			if paraBreak(s[lines[i-1].s:lines[i-1].e], s[lines[i].s:lines[i].e], maxLen, t) {
				out = append(out, rng{ps, lines[i-1].e})
				ps = lines[i].s
			}
		}
		out = append(out, rng{ps, lines[len(lines)-1].e})
		lines = lines[:0]
	}
	for ls := start; ls < end; {
		le := strings.IndexByte(s[ls:end], '\n')
		if le < 0 {
			le = end
		} else {
			le += ls
		}
		a := skipSpace(s, ls, le)
		for len(holes) > 0 && holes[0].e <= a {
			holes = holes[1:]
		}
		if len(holes) > 0 && holes[0].s <= a {
			// A line, or the head of a line, left out of the body.
			flush()
			a = skipSpace(s, holes[0].e, le)
		}
		if a >= le {
			flush() // a blank line
		} else {
			lines = append(lines, rng{a, trimEnd(s, a, le)})
		}
		ls = le + 1
	}
	flush()
	return out
}

// paraBreak reports whether a single newline between the lines prev and
// next (both trimmed) starts a new paragraph.
func paraBreak(prev, next string, maxLen int, t *tables) bool {
	r, n := utf8.DecodeRuneInString(next)
	switch r {
	case '•', '·', '▪', '■', '●', '◦', '*', '-', '–', '—':
		// A list item.
		return n < len(next) && next[n] == ' '
	}
	if !(unicode.IsUpper(r) || unicode.IsDigit(r) || isOpenQuote(r) || r == '(' || r == '[') {
		return false
	}
	end := strings.TrimRight(prev, "\"'”’)]»")
	last, _ := utf8.DecodeLastRuneInString(end)
	switch last {
	case '.':
		// Unless the period cannot end the sentence: "Lt. Gen.", "the U.S.
		// Treasury", "George W. Bush".
		return !joinSentences(prev, next, t)
	case '!', '?', ':':
		return true
	case ',', ';', '-', '–', '—', '(', '/':
		return false
	}
	if len(prev) <= 80 && float64(len(prev)) < headingShare*float64(maxLen) {
		return true
	}
	return false
}

// lastWord returns the last white-space separated word of s.
func lastWord(s string) string {
	i := strings.LastIndexAny(s, " \t\n\r")
	w := s[i+1:]
	// Opening punctuation glued to the word: "(Gen."
	return strings.TrimLeft(w, "(\"'“‘[")
}

// isInitial reports whether w is one capital letter and a period: "W.".
func isInitial(w string) bool {
	if len(w) < 2 || w[len(w)-1] != '.' {
		return false
	}
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w)-1 && unicode.IsUpper(r)
}

// isAcronym reports whether w is letters each followed by a period, at least
// two of them: "U.S.", "U.N.", "E.U.".
func isAcronym(w string) bool {
	if len(w) < 4 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		c := w[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') || w[i+1] != '.' {
			return false
		}
	}
	return true
}

// sentenceRanges segments one paragraph with the Punkt model and repairs
// the result.
func sentenceRanges(s string, para rng, m *models) []rng {
	if oneSentence(s[para.s:para.e]) {
		return []rng{para}
	}
	raw := m.seg.Segment(s[para.s:para.e])
	out := make([]rng, 0, len(raw))
	for _, r := range raw {
		out = append(out, rng{para.s + r.Start, para.s + r.End()})
	}
	return splitMissed(s, repairSentences(s, out, m.t), m.t)
}

// splitMissed splits sentences at two boundaries the segmenter does not
// see: after a closing single quote ("it 'a crime.' The ...") and after an
// acronym followed by a word that starts sentences ("in the U.S. Officials
// said ..."), unless the word continues a name ("the U.S. Treasury").
func splitMissed(s string, in []rng, t *tables) []rng {
	var out []rng // nil until a sentence is split
	for k, r := range in {
		start := r.s
		for i := r.s + 2; i < r.e-1; i++ {
			if !asciiSpace(s[i]) || asciiSpace(s[i-1]) {
				continue
			}
			if !missedBoundary(s, start, i, r.e, t) {
				continue
			}
			if out == nil {
				out = append(make([]rng, 0, len(in)+2), in[:k]...)
			}
			out = append(out, rng{start, i})
			start = skipSpace(s, i, r.e)
		}
		if out != nil {
			out = append(out, rng{start, r.e})
		}
	}
	if out == nil {
		return in
	}
	return out
}

// missedBoundary reports whether the white space at s[i] inside the
// sentence [start, end) ends a sentence the segmenter missed.
func missedBoundary(s string, start, i, end int, t *tables) bool {
	j := skipSpace(s, i, end)
	if j >= end {
		return false
	}
	next := s[j:end]
	nr, _ := utf8.DecodeRuneInString(next)
	prev := s[start:i]
	if n := len(prev); n >= 3 && prev[n-1] == '\'' && strings.IndexByte(".!?", prev[n-2]) >= 0 {
		return unicode.IsUpper(nr) || isOpenQuote(nr)
	}
	if prev[len(prev)-1] != '.' || !isAcronym(lastWord(prev)) {
		return false
	}
	w := next
	if k := strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }); k >= 0 {
		w = w[:k]
	}
	return t.starters[w] && !t.follows[w]
}

// oneSentence reports whether the segmenter cannot split p (trimmed): it
// holds no sentence-ending punctuation before its final run of punctuation.
func oneSentence(p string) bool {
	core := strings.TrimRight(p, ".?!…\"'”’)]» ")
	return strings.IndexAny(core, ".?!…") < 0
}

// repairSentences fixes the segmenter's boundaries in place: a closing
// quotation mark that starts a sentence goes back to the sentence it
// closes, and a boundary after a title, initial, date abbreviation or an
// acronym that continues ("U.S. Treasury"), or before a lower-case word, is
// removed.
func repairSentences(s string, in []rng, t *tables) []rng {
	out := in[:0]
	for _, cur := range in {
		if len(out) == 0 {
			out = append(out, cur)
			continue
		}
		prev := &out[len(out)-1]
		if q := closingQuoteEnd(s, cur); q > cur.s {
			prev.e = q
			cur.s = skipSpace(s, q, cur.e)
			if cur.s >= cur.e {
				continue
			}
		}
		if joinSentences(s[prev.s:prev.e], s[cur.s:cur.e], t) {
			prev.e = cur.e
			continue
		}
		out = append(out, cur)
	}
	return out
}

// closingQuoteEnd returns the end of the closing quotation marks (and
// closing brackets) that open sentence cur, or cur.s if it opens with none.
// A straight quote closes when no letter or digit follows it.
func closingQuoteEnd(s string, cur rng) int {
	i := cur.s
	for i < cur.e {
		r, n := utf8.DecodeRuneInString(s[i:cur.e])
		switch r {
		case '”', '»', ')', ']':
		case '’', '"', '\'':
			nr, _ := utf8.DecodeRuneInString(s[i+n : cur.e])
			if i+n < cur.e && (unicode.IsLetter(nr) || unicode.IsDigit(nr)) {
				return i
			}
		default:
			return i
		}
		i += n
	}
	return i
}

// joinSentences reports whether the boundary between the sentences prev and
// cur is false.
func joinSentences(prev, cur string, t *tables) bool {
	// The first letter of cur, past opening punctuation.
	first := strings.TrimLeft(cur, "\"'“‘([")
	r, _ := utf8.DecodeRuneInString(first)
	if unicode.IsLower(r) {
		return true
	}
	end := strings.TrimRight(prev, "\"'”’)]»")
	if !strings.HasSuffix(end, ".") || len(end) < len(prev) {
		// A boundary after a closing quote or "?"/"!" is real unless a
		// lower-case word follows (above).
		return false
	}
	lw := lastWord(end)
	switch t.abbrevs[lw] {
	case kindTitle:
		return true
	case kindNumber:
		if unicode.IsDigit(r) {
			return true
		}
	}
	if isInitial(lw) && unicode.IsUpper(r) {
		// "George W. Bush", "J. R. R. Tolkien", but not "... in Plan B."
		before := strings.TrimRight(end[:len(end)-len(lw)], " \t\n\r")
		if before == "" {
			return true
		}
		bw := lastWord(before)
		br, _ := utf8.DecodeRuneInString(bw)
		return isInitial(bw) || unicode.IsUpper(br) && !strings.ContainsAny(bw, ".,;:")
	}
	if isAcronym(lw) {
		fw := first
		if i := strings.IndexAny(fw, " \t\n\r,;:"); i >= 0 {
			fw = fw[:i]
		}
		if t.abbrevs[fw] == kindTitle {
			return true // "the U.S. Sen. ..."
		}
		fw = strings.TrimRight(fw, ".")
		return t.follows[fw]
	}
	return false
}
