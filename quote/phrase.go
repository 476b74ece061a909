package quote

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// isHead reports whether a token can end a speaker noun phrase.
func isHead(t dyad.Token) bool {
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
	for p >= 0 && !d.quoted(si, p) && isAux(toks[p]) {
		p--
	}
	if p < 0 || d.quoted(si, p) {
		return span{}
	}
	if toks[p].Tag == "CC" && p > 0 {
		// "… met the envoy and said …": the subject of the first verb
		if v := d.firstVerb(si, p); v >= 0 && v < p {
			return d.leftNP(si, v)
		}
		return span{}
	}
	p = skipParen(toks, p)
	if toks[p].Text == "," {
		// an appositive: find the comma that opens it
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
	if !isHead(toks[p]) {
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
	return span{si, t0, p + 1}
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
			return false
		}
		if t.Text == "," {
			// "…,” he said, “…” continues a quotation: that is handled by
			// continuation; anything else after a comma is a new clause
			if k+1 < len(toks) && d.quoted(si, k+1) {
				return true
			}
			if n > 0 {
				continue
			}
			return k+1 >= len(toks) || isEnd(toks[k+1])
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
				start := 0
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
	start := 0
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
			// the quotation, and the rest of the sentence after it
			last := d.lastContentToken(si)
			if last >= 0 && toks[last].End > r.end {
				return [][2]int{{r.start, toks[last].End}}
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
// modal: reported speech is a clause ("said the talks would resume").
func (d *doc) hasFiniteVerb(si, k, last int) bool {
	toks := d.toks(si)
	for j := k; j <= last && j < len(toks); j++ {
		switch toks[j].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}
