package quote

import (
	"strings"
	"unicode"

	"github.com/dyad-events/dyad"
)

// isHead reports whether a token can end a speaker noun phrase.
func isHead(t dyad.Token) bool {
	switch t.Lower {
	case "another", "others", "some", "many", "several", "most", "few", "both", "one", "all", "each":
		return true // "Another said …"
	}
	switch t.Tag {
	case "NN", "NNS", "NNP", "NNPS", "CD":
		return true
	case "PRP":
		switch t.Lower {
		case "he", "she", "they", "we", "i", "it", "you":
			return true
		}
	}
	return false
}

// isNominal reports whether a token can sit inside a speaker noun phrase.
func isNominal(t dyad.Token) bool {
	switch t.Tag {
	case "NN", "NNS", "NNP", "NNPS", "CD", "JJ", "JJR", "JJS", "DT", "PRP$", "POS", "VBN", "HYPH":
		return true
	}
	switch t.Lower {
	case "’s", "'s", "-", "&", "mr.", "ms.", "mrs.", "dr.":
		return true
	}
	return false
}

// isLink reports whether a preposition may join two nouns of one speaker
// phrase ("a spokesman for the ministry", "officials in Kabul").
func isLink(t dyad.Token) bool {
	switch t.Lower {
	case "of", "for", "in", "at", "from", "with", "on":
		return true
	}
	return false
}

// isAux reports whether a token is an auxiliary or adverb that may stand
// between a subject and its verb ("has also said", "would not say").
func isAux(t dyad.Token) bool {
	switch t.Tag {
	case "MD", "RB", "RBR", "RBS":
		return true
	}
	switch t.Lower {
	case "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "’s", "'s", "n't", "not", "’ve", "'ve":
		return true
	}
	return false
}

// leftNP finds the speaker before token c: the noun phrase ending just
// before it (skipping auxiliaries, adverbs and an appositive set off by
// commas: "Ali Ahmadi, the ministry's spokesman, said").
func (d *doc) leftNP(si, c int) span {
	toks := d.toks(si)
	p := c - 1
	for p >= 0 && !d.quoted(si, p) && isAux(toks[p]) && !(p == 0 && capitalised(toks[p]) && toks[p].Tag == "RB") {
		p--
	}
	if p < 0 || d.quoted(si, p) {
		return span{}
	}
	if toks[p].Tag == "CC" && p > 0 {
		// "… looked up, frowned and said …": the subject of the nearest
		// verb before it that has one (the head of the coordination)
		for v := p - 1; v >= 0; v-- {
			t := toks[v]
			if d.quoted(si, v) || !strings.HasPrefix(t.Tag, "VB") || isAux(t) || t.Tag == "VBG" || t.Tag == "VBN" {
				continue
			}
			if sp := d.leftNP(si, v); sp.ok() {
				return sp
			}
		}
		return span{}
	}
	p = skipParen(toks, p)
	if toks[p].Text == "," {
		// an appositive or relative clause set off by commas: the speaker
		// is the first noun phrase of the clause ("Ann Lee, whose town,
		// Kapra, is flooding, said"); failing that, the one before the
		// nearest comma
		if sp := d.clauseSubject(si, p); sp.ok() {
			return sp
		}
		k := p - 1
		for k > 0 && toks[k].Text != "," && !d.quoted(si, k) {
			k--
		}
		if k <= 0 || toks[k].Text != "," || d.quoted(si, k-1) {
			return span{}
		}
		p = skipParen(toks, k-1)
		if !isHead(toks[p]) {
			return span{}
		}
	}
	if !isHead(toks[p]) && !(p == 0 && capitalised(toks[p]) && toks[p].Tag != "DT" && toks[p].Tag != "IN" && toks[p].Tag != "CC" && toks[p].Tag != "WRB" && toks[p].Tag != "WP") {
		// (a name opening the sentence is sometimes mistagged: "Moore")
		return span{}
	}
	t0 := p
	for t0 > 0 && !d.quoted(si, t0-1) {
		prev := toks[t0-1]
		if isNominal(prev) && prev.Tag != "VBN" {
			t0--
			continue
		}
		if (isLink(prev) || prev.Lower == "and") && t0 >= 2 && !d.quoted(si, t0-2) && isHead(toks[t0-2]) && toks[t0-2].Tag != "PRP" {
			t0--
			continue
		}
		break
	}
	for t0 < p && (isLink(toks[t0]) || toks[t0].Tag == "POS") {
		t0++
	}
	if isTemporal(toks[p]) && t0 > 0 {
		// "The ministry two weeks ago said", "in 2006 saying": a time,
		// not the speaker; look further left
		k := t0
		for k > 0 && !d.quoted(si, k-1) && (isLink(toks[k-1]) || isAux(toks[k-1]) || toks[k-1].Lower == "than" || toks[k-1].Lower == "less" || toks[k-1].Lower == "more" || toks[k-1].Tag == "CD") {
			k--
		}
		if k < t0 {
			if sp := d.leftNP(si, k); sp.ok() {
				return sp
			}
		}
		return span{}
	}
	return span{si, t0, p + 1}
}

// isTemporal reports whether a noun names a time rather than a speaker.
func isTemporal(t dyad.Token) bool {
	switch t.Lower {
	case "ago", "week", "weeks", "day", "days", "month", "months", "year", "years", "hour", "hours",
		"morning", "afternoon", "evening", "night", "today", "yesterday", "tonight",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	if t.Tag == "CD" {
		for _, r := range t.Text {
			if r < '0' || r > '9' {
				return false
			}
		}
		return len(t.Text) == 4 // a year
	}
	return false
}

// clauseSubject returns the first noun phrase of the clause that ends at
// the comma p: the clause starts after the last boundary before p (the
// sentence start, a quotation, "that", a colon or semicolon); an
// introductory phrase ("In Kapra,", "Asked about it,") is skipped. The
// phrase must end with a head noun right before a comma.
func (d *doc) clauseSubject(si, p int) span {
	toks := d.toks(si)
	s := p
	for s > 0 && !d.quoted(si, s-1) {
		w := toks[s-1]
		if w.Lower == "that" || w.Text == ":" || w.Text == ";" {
			break
		}
		s--
	}
	// the comma-separated chunks of [s, p)
	for s < p {
		e := s
		for e < p && toks[e].Text != "," {
			e++
		}
		if e > s && isNominal(toks[s]) && toks[s].Tag != "VBN" && isHead(toks[e-1]) && !d.hasFiniteVerb(si, s, e-1) {
			return span{si, s, e}
		}
		if e > s && (toks[s].Tag == "IN" || strings.HasPrefix(toks[s].Tag, "VB") || toks[s].Tag == "RB") {
			s = e + 1 // an introductory phrase
			continue
		}
		break
	}
	return span{}
}

// rightNP finds the speaker starting at token k ("said the minister").
func (d *doc) rightNP(si, k int) span {
	toks := d.toks(si)
	if k >= len(toks) || d.quoted(si, k) {
		return span{}
	}
	t1 := k
	last := -1
	for t1 < len(toks) && !d.quoted(si, t1) {
		t := toks[t1]
		if isHead(t) {
			last = t1
		} else if t.Tag == "PRP" || !isNominal(t) {
			if !(t.Lower == "of" && last >= 0 && t1+1 < len(toks) && isNominal(toks[t1+1])) {
				break
			}
		}
		t1++
	}
	if last < 0 {
		return span{}
	}
	return span{si, k, last + 1}
}

// skipObject skips the hearer after "told", "assured", … ("told reporters
// in Tehran that …"), returning the token after it.
func (d *doc) skipObject(si, k int) int {
	toks := d.toks(si)
	if k < len(toks) && toks[k].Lower == "that" {
		return k
	}
	np := d.rightNP(si, k)
	if np.ok() {
		return np.t1
	}
	return k
}

// skipParticle skips a particle after a verb ("pointed out").
func (d *doc) skipParticle(si, k int) int {
	toks := d.toks(si)
	if k < len(toks) && toks[k].Tag == "RP" && !d.quoted(si, k) {
		return k + 1
	}
	return k
}

// onlyAdjuncts reports whether the tokens from k to the end of the
// sentence are at most an adjunct ("on Tuesday", "in a statement", "to
// reporters") and the final punctuation: the attribution closes the
// sentence.
func (d *doc) onlyAdjuncts(si, k int) bool {
	toks := d.toks(si)
	n := 0
	for ; k < len(toks); k++ {
		t := toks[k]
		if d.quoted(si, k) {
			// a quotation opening in the sentence's last tokens belongs to
			// the next sentence
			return k == len(toks)-1 && d.opensAtEnd(si, d.qr[si][k])
		}
		if t.Text == "," {
			// "…,” he said, “…” continues a quotation: that is handled by
			// continuation; an appositive or adjunct with no verb of its
			// own ("…, said Ann Lee, an analyst at the bank.") ends the
			// attribution too; a clause after the comma does not
			if k+1 < len(toks) && d.quoted(si, k+1) {
				return true
			}
			return !d.hasFiniteVerb(si, k+1, len(toks)-1) && !d.quotedAfter(si, k+1)
		}
		if isEnd(t) {
			return true
		}
		if strings.HasPrefix(t.Tag, "VB") && !isAux(t) {
			return false
		}
		if t.Lower == "that" {
			return false
		}
		n++
		if n > 12 {
			return false
		}
	}
	return true
}

func isEnd(t dyad.Token) bool {
	switch t.Text {
	case ".", "!", "?", ";", "…":
		return true
	}
	return false
}

// contentBefore returns the content that ends at token k (a comma or a
// closing quotation mark before the attribution): the quotation that ends
// there, else the clause from the sentence start.
func (d *doc) contentBefore(si, k int) [][2]int {
	toks := d.toks(si)
	// a quotation ending at k or just before the comma at k; when it
	// opens inside this sentence, the clause it completes comes with it
	// ("using the tax ''is a misguided approach,'' he said")
	for _, j := range []int{k, k - 1} {
		if j >= 0 && d.quoted(si, j) {
			r := d.regs[d.qr[si][j]]
			segs := append([][2]int(nil), r.segs...)
			if len(toks) > 0 && r.start > toks[0].Start && !d.hasCueBefore(si, r.start) {
				start := d.clauseStart(si, j)
				for start < j && (toks[start].Tag == "CC" || toks[start].Text == ",") {
					start++
				}
				if toks[start].Start < r.start {
					segs[0][0] = toks[start].Start
				}
			}
			return segs
		}
	}
	if toks[k].Text != "," {
		return nil
	}
	start := d.clauseStart(si, k)
	// a sentence opening with a conjunction or an earlier attribution:
	// start after the latest cue or the "but"
	for start < k && (toks[start].Tag == "CC" || toks[start].Text == ",") {
		start++
	}
	if k-start < 2 {
		return nil
	}
	return [][2]int{{toks[start].Start, toks[k-1].End}}
}

// contentAfter returns the content that starts at token k: a quotation
// opening there (with the rest of its sentence), else the clause from k
// (with its "that") to the end of the sentence. weak verbs take only a
// quotation or a clause opened by "that" or a colon.
func (d *doc) contentAfter(si, k int, weak bool) [][2]int {
	toks := d.toks(si)
	// skip a short adjunct before a delimiter: "said on Tuesday that",
	// "said in a statement: “…”"
	if k < len(toks) && (isLink(toks[k]) || isTime(toks[k])) {
		for j := k + 1; j < len(toks) && j < k+9; j++ {
			t := toks[j]
			if t.Lower == "that" || t.Text == ":" || t.Text == "," || d.quoted(si, j) {
				k = j
				break
			}
			if strings.HasPrefix(t.Tag, "VB") {
				break
			}
		}
	}
	if k >= len(toks) {
		return nil
	}
	strong := false
	switch toks[k].Text {
	case ":", "—", "–", "--":
		k++
		strong = true
	case ",":
		k++
	}
	if k >= len(toks) {
		// "He added:" with the quotation in the next sentence
		if strong && si+1 < len(d.a.Sentences) {
			nt := d.toks(si + 1)
			if len(nt) > 0 && d.quoted(si+1, 0) {
				r := d.regs[d.qr[si+1][0]]
				return append([][2]int(nil), r.segs...)
			}
		}
		return nil
	}
	if toks[k].Lower == "that" {
		strong = true
	}
	var end int
	if d.quoted(si, k) {
		r := d.regs[d.qr[si][k]]
		if r.start >= toks[k].Start {
			strong = true
			// the quotation, with the words that complete its noun
			// phrase (“Girl Power” signs); a verb, preposition or
			// conjunction after it starts the reporter's words
			end := r.end
			for j := k; j < len(toks); j++ {
				if d.quoted(si, j) {
					continue
				}
				if toks[j].Start < r.end {
					continue
				}
				t := toks[j]
				if (t.Tag == "NN" || t.Tag == "NNS") && j-k < 40 {
					end = t.End
					continue
				}
				break
			}
			if end > r.end {
				return [][2]int{{r.start, end}}
			}
			return append([][2]int(nil), r.segs...)
		}
	}
	if weak && !strong {
		return nil
	}
	last := d.lastContentToken(si)
	if cut := d.coordinateCut(si, k+1, last); cut > 0 {
		last = cut
	}
	// a full stop inside the "sentence" is a boundary the splitter missed
	// (". ''If we …,'' he said"): the clause ends there
	for j := k + 1; j < last; j++ {
		if !d.quoted(si, j) && isEnd(toks[j]) && toks[j].Text != ";" && j+1 <= last && (d.quoted(si, j+1) || capitalised(toks[j+1])) {
			last = j - 1
			break
		}
	}
	if last < k {
		return nil
	}
	end = toks[last].End
	if ri := d.qr[si][last]; ri >= 0 && d.regs[ri].end > end {
		end = d.regs[ri].end
	}
	if last-k < 1 && !d.quoted(si, k) {
		return nil
	}
	if !d.hasRegion([][2]int{{toks[k].Start, end}}) && !d.hasFiniteVerb(si, k, last) {
		return nil // "announced on Monday new aid": an object, not a claim
	}
	return [][2]int{{toks[k].Start, end}}
}

// lastContentToken returns the last token of the sentence that is not its
// final full stop (a full stop inside a quotation counts as content).
func (d *doc) lastContentToken(si int) int {
	toks := d.toks(si)
	last := len(toks) - 1
	for last >= 0 && !d.quoted(si, last) && (isEnd(toks[last]) || toks[last].Text == ",") {
		last--
	}
	return last
}

// continuation returns the quotation that resumes after the attribution
// ("“…,” he said, “…”"), if any.
func (d *doc) continuation(si, k int) [][2]int {
	toks := d.toks(si)
	for ; k < len(toks) && !d.quoted(si, k); k++ {
		if toks[k].Text != "," && toks[k].Text != ":" {
			return nil
		}
	}
	if k < len(toks) && d.quoted(si, k) {
		ri := d.qr[si][k]
		if r := d.regs[ri]; r.start >= toks[k].Start {
			return append([][2]int(nil), r.segs...)
		}
	}
	return nil
}

// isTime reports whether a token opens a time or place adjunct.
func isTime(t dyad.Token) bool {
	switch t.Lower {
	case "on", "in", "at", "during", "after", "before", "late", "early", "earlier", "later", "last", "this", "yesterday", "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "to", "via", "while", "when":
		return true
	}
	return false
}

// coordinateCut returns the last token before a coordinated verb phrase
// that starts a new claim ("… was “a con” and encouraged voters to …"): a
// conjunction outside quotation marks followed by a finite verb. It
// returns -1 when there is none between k and last.
func (d *doc) coordinateCut(si, k, last int) int {
	toks := d.toks(si)
	for j := k; j < last; j++ {
		if d.quoted(si, j) || toks[j].Tag != "CC" {
			continue
		}
		n := j + 1
		for n <= last && !d.quoted(si, n) && (toks[n].Tag == "RB" || toks[n].Tag == "MD") {
			n++
		}
		if n > last || d.quoted(si, n) {
			continue
		}
		switch toks[n].Tag {
		case "VBD", "VBZ", "VBP":
			if isAux(toks[n]) && n+1 <= last && strings.HasPrefix(toks[n+1].Tag, "VB") {
				// "and has said" still starts a new verb phrase
			}
			end := j - 1
			for end > k && toks[end].Text == "," {
				end--
			}
			return end
		}
	}
	return -1
}

// hasCueBefore reports whether sentence si has a verb of saying outside
// quotation marks before rune offset pos.
func (d *doc) hasCueBefore(si, pos int) bool {
	toks := d.toks(si)
	for t := 0; t < len(toks) && toks[t].Start < pos; t++ {
		if !d.quoted(si, t) && (d.isCueVerb(si, t) || d.phraseAt(si, t) > 0) {
			return true
		}
	}
	return false
}

// skipParen steps back over a parenthesis that ends at token p ("Rep. Ann
// Lee (D-Ore.) said") and returns the token before it, or p.
func skipParen(toks []dyad.Token, p int) int {
	if toks[p].Text != ")" {
		return p
	}
	k := p - 1
	for k > 0 && toks[k].Text != "(" && p-k < 8 {
		k--
	}
	if k > 0 && toks[k].Text == "(" {
		return k - 1
	}
	return p
}

// hasFiniteVerb reports whether tokens k..last hold a finite verb or a
// modal: reported speech is a clause ("said the talks would resume"). A
// possessive "'s" tagged as a verb does not count.
func (d *doc) hasFiniteVerb(si, k, last int) bool {
	toks := d.toks(si)
	for j := k; j <= last && j < len(toks); j++ {
		if toks[j].Lower == "'s" || toks[j].Lower == "’s" {
			continue
		}
		switch toks[j].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

// quotedAfter reports whether a token from k on lies in a quotation.
func (d *doc) quotedAfter(si, k int) bool {
	n := len(d.qr[si])
	for ; k < n; k++ {
		if d.quoted(si, k) && !(k == n-1 && d.opensAtEnd(si, d.qr[si][k])) {
			return true
		}
	}
	return false
}

// capitalised reports whether a token starts with a capital letter.
func capitalised(t dyad.Token) bool {
	for _, r := range t.Text {
		return unicode.IsUpper(r)
	}
	return false
}

// clauseStart returns the first token of the sentence, or the token after
// the last full stop before token k outside quotation marks (a sentence
// boundary the splitter missed).
func (d *doc) clauseStart(si, k int) int {
	toks := d.toks(si)
	for j := k - 1; j > 0; j-- {
		if !d.quoted(si, j) && isEnd(toks[j]) && toks[j].Text != ";" && j+1 < k && (d.quoted(si, j+1) || capitalised(toks[j+1])) {
			return j + 1
		}
	}
	return 0
}
