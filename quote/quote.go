// Package quote is the quote stage of the pipeline: it finds quotations and
// reported speech in a document, with the word that attributes them (the
// cue: "said", "told", "according to") and the speaker, resolved to the
// document's entities.
//
// It reads what the text stage (sentences, tokens, tags) and the actor
// stage (mentions, entities) wrote and adds dyad.Analysis.Quotes, plus an
// entity for each named speaker the actor stage did not know (a person or
// organisation with no CAMEO code). It works in two passes:
//
//  1. Quotation marks: straight and curly, double and single, “ ” and
//     doubled apostrophes are paired per paragraph (line). A quotation
//     still open at a line end continues only when the next line reopens
//     the mark (the newswire convention for several paragraphs); otherwise
//     it stops at the line end, so a stray mark never swallows the rest of
//     the article. A closing mark without an opening one starts its
//     quotation at the line start.
//  2. Attributions: each cue outside quotation marks looks for its speaker
//     (the noun phrase before it, skipping an appositive, or after it in
//     "…,” said the minister") and its content: a quotation next to it, the
//     clause after it ("said that …", "told reporters: …") or the clause
//     before it ("…, the ministry said"). Quotations left over are given
//     to the subject and verb of their sentence ("X called the plan “a
//     disaster”"), or continue the previous speaker's quotation.
//
// A quote is direct when its content holds quotation marks (a full or a
// partial quotation), indirect otherwise. Direct content spans include the
// marks; indirect content ends before the sentence's final full stop.
package quote

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/dyad-events/dyad"
)

// Extractor finds the quotations of a document. It is safe for concurrent
// use.
type Extractor struct {
	cues *Cues
}

// New returns an extractor using the given cues (DefaultCues when nil).
func New(c *Cues) *Extractor {
	if c == nil {
		c = DefaultCues()
	}
	return &Extractor{cues: c}
}

// Extract fills a.Quotes and adds entities for the people and
// organisations the text names that the actor stage did not code.
func (x *Extractor) Extract(a *dyad.Analysis) error {
	d := newDoc(a, x.cues)
	d.addNames()
	d.attributeCues()
	d.attributeLeftovers()
	d.finish()
	return nil
}

// span is a token range [t0, t1) in sentence s.
type span struct {
	s, t0, t1 int
}

func (p span) ok() bool { return p.t1 > p.t0 }

// cand is a quotation being built.
type cand struct {
	segs    [][2]int // content pieces in runes
	speaker span     // token span of the speaker (may be empty)
	cue     span     // token span of the cue (may be empty)
	// from copies the speaker of an earlier quotation (continuations).
	from int
}

type doc struct {
	a    *dyad.Analysis
	cues *Cues
	rs   []rune
	regs []region
	used []bool
	// qr[s][t] is the region holding token t of sentence s, or -1.
	qr    [][]int
	cands []cand
	// spoken are the speakers resolved so far, in candidate order.
	spoken []*dyad.Speaker
}

func newDoc(a *dyad.Analysis, cues *Cues) *doc {
	d := &doc{a: a, cues: cues, rs: []rune(a.Doc.Text)}
	from, to := a.Body.Start, a.Body.End
	if to <= from || to > len(d.rs) {
		from, to = 0, len(d.rs)
	}
	d.regs = findRegions(d.rs, from, to)
	d.used = make([]bool, len(d.regs))
	d.qr = make([][]int, len(a.Sentences))
	for si, s := range a.Sentences {
		q := make([]int, len(s.Tokens))
		for ti, t := range s.Tokens {
			q[ti] = d.regionAt(t.Start, t.End)
		}
		d.qr[si] = q
	}
	return d
}

// regionAt returns the region containing [start, end), or -1.
func (d *doc) regionAt(start, end int) int {
	i := sort.Search(len(d.regs), func(i int) bool { return d.regs[i].end > start })
	if i < len(d.regs) && d.regs[i].start <= start && end <= d.regs[i].end {
		for _, g := range d.regs[i].segs {
			if g[0] <= start && end <= g[1] {
				return i
			}
		}
	}
	return -1
}

func (d *doc) toks(s int) []dyad.Token { return d.a.Sentences[s].Tokens }

func (d *doc) quoted(s, t int) bool { return d.qr[s][t] >= 0 }

// attributeCues runs pass 2 over every cue outside quotation marks.
func (d *doc) attributeCues() {
	for si := range d.a.Sentences {
		toks := d.toks(si)
		for c := 0; c < len(toks); c++ {
			if d.quoted(si, c) {
				continue
			}
			if n := d.phraseAt(si, c); n > 0 {
				d.attributePhrase(si, c, n)
				c += n - 1
				continue
			}
			if d.isCueVerb(si, c) {
				d.attributeVerb(si, c)
			}
		}
	}
}

// phraseAt returns the length of the cue phrase starting at token c, or 0.
func (d *doc) phraseAt(si, c int) int {
	toks := d.toks(si)
	for _, p := range d.cues.phrases {
		if c+len(p) > len(toks) {
			continue
		}
		ok := true
		for k, w := range p {
			if toks[c+k].Lower != w || d.quoted(si, c+k) {
				ok = false
				break
			}
		}
		if ok {
			return len(p)
		}
	}
	return 0
}

// isCueVerb reports whether token c is a verb of saying used as one.
func (d *doc) isCueVerb(si, c int) bool {
	toks := d.toks(si)
	t := toks[c]
	if !d.cues.verbs[t.Lemma] {
		return false
	}
	if !strings.HasPrefix(t.Tag, "VB") && !(strings.HasPrefix(t.Tag, "NN") && (t.Lower == "says" || t.Lower == "said" || d.strongNext(si, c+1))) {
		return false
	}
	if c+1 < len(toks) {
		next := toks[c+1].Lower
		switch t.Lemma {
		case d.lemma("call"):
			if next == "for" || next == "on" || next == "off" || next == "in" || next == "up" {
				return false
			}
		case d.lemma("agree"), d.lemma("continue"), d.lemma("promise"), d.lemma("pledge"), d.lemma("vow"), d.lemma("hope"), d.lemma("urge"), d.lemma("ask"):
			if next == "to" || next == "with" || next == "on" || next == "for" {
				return false
			}
		}
	}
	if c > 0 && toks[c-1].Lower == "the" {
		return false // "the said agreement"
	}
	return true
}

func (d *doc) lemma(base string) string { return lemmaOf(base) }

// attributePhrase handles "according to X, …" and "…, according to X".
func (d *doc) attributePhrase(si, c, n int) {
	toks := d.toks(si)
	sp := d.rightNP(si, c+n)
	if !sp.ok() {
		return
	}
	var segs [][2]int
	if c > 0 && toks[c-1].Text == "," {
		segs = d.contentBefore(si, c-1)
	} else if c <= 2 {
		// "According to a report by the ministry published on Monday, …"
		j := sp.t1
		for j < len(toks) && j < sp.t1+30 && toks[j].Text != "," && !d.quoted(si, j) {
			j++
		}
		if j < len(toks) && toks[j].Text == "," {
			segs = d.contentAfter(si, j+1, false)
		}
	}
	if len(segs) == 0 {
		return
	}
	d.add(cand{segs: segs, speaker: sp, cue: span{si, c, c + n}, from: -1})
}

// attributeVerb handles a verb of saying at token c.
func (d *doc) attributeVerb(si, c int) {
	toks := d.toks(si)
	weak := d.cues.weak(toks[c].Lemma)
	cue := span{si, c, c + 1}
	// the speaker before the verb, or after it ("…,” said the minister)
	var sp span
	participle := c > 0 && toks[c-1].Text == "," && toks[c].Tag == "VBG"
	if !participle {
		sp = d.leftNP(si, c)
		if sp.ok() && toks[c].Tag == "VBG" && sp.t0 > 0 && strings.HasPrefix(toks[sp.t0-1].Tag, "VB") && !isAux(toks[sp.t0-1]) {
			// "issued a statement saying …": the object is not the
			// speaker; the subject of the verb before it is
			if sub := d.leftNP(si, sp.t0-1); sub.ok() {
				sp = sub
			}
		}
	}
	inverted := false
	if !sp.ok() && c > 0 && (toks[c-1].Text == "," || d.quoted(si, c-1)) {
		sp = d.rightNP(si, c+1)
		if sp.ok() && sp.t1 == sp.t0+1 && objectPronouns[toks[sp.t0].Lower] {
			sp = span{} // "…, called it “absurd”": the object, not a speaker
		}
		inverted = sp.ok()
	}
	from := -1
	if !sp.ok() && participle {
		// "…, adding that …": the speaker of the clause before
		if i := d.lastInSentence(si); i >= 0 {
			from = i
		} else if v := d.firstVerb(si, c); v >= 0 {
			sp = d.leftNP(si, v)
		}
	}
	if !sp.ok() && from < 0 {
		return
	}
	after := c + 1
	if inverted {
		after = sp.t1
	}
	// content before: the quotation or clause that ends where the
	// attribution starts ("“…,” he said", "…, the ministry said")
	lead := sp.t0
	if inverted {
		lead = c
	}
	if from >= 0 {
		sp, lead, after = span{}, c, c+1
	}
	closeBefore := lead > 0 && d.quoted(si, lead-1) || lead > 1 && toks[lead-1].Text == "," && d.quoted(si, lead-2)
	if closeBefore || lead > 0 && toks[lead-1].Text == "," && d.onlyAdjuncts(si, after) {
		segs := d.contentBefore(si, lead-1)
		if len(segs) > 0 && (!weak || d.hasRegion(segs)) {
			if more := d.continuation(si, after); len(more) > 0 {
				segs = append(segs, more...)
			} else if closeBefore && d.onlyAdjuncts(si, after) {
				segs = append(segs, d.nextSentenceQuote(si)...)
			}
			d.add(cand{segs: segs, speaker: sp, cue: cue, from: from})
			return
		}
	}
	// "“…?” \n Clinton said. “…”": the attribution is a sentence of its
	// own, after the quotation and before its continuation
	if lead == 0 && si > 0 && (d.onlyAdjuncts(si, after) || !d.opensContent(si, after)) {
		if prev := d.toks(si - 1); len(prev) > 0 && d.quoted(si-1, len(prev)-1) && d.sameParagraph(si-1, si) {
			r := d.regs[d.qr[si-1][len(prev)-1]]
			if !d.used[d.qr[si-1][len(prev)-1]] {
				segs := append([][2]int(nil), r.segs...)
				segs = append(segs, d.nextSentenceQuote(si)...)
				d.add(cand{segs: segs, speaker: sp, cue: cue, from: from})
				return
			}
		}
	}
	// content after: "said (that) …", "told reporters: “…”"
	k := after
	if !inverted && d.cues.objects[toks[c].Lemma] {
		k = d.skipObject(si, k)
	}
	segs := d.contentAfter(si, k, weak)
	if len(segs) == 0 {
		return
	}
	d.add(cand{segs: segs, speaker: sp, cue: cue, from: from})
}

// objectPronouns follow a verb as its object, never as an inverted
// speaker ("said he" but "called it").
var objectPronouns = map[string]bool{"it": true, "him": true, "her": true, "them": true, "us": true, "me": true}

// lastInSentence returns the last candidate whose cue is in sentence si
// and that has a speaker of its own or borrowed, or -1.
func (d *doc) lastInSentence(si int) int {
	for i := len(d.cands) - 1; i >= 0; i-- {
		if d.cands[i].cue.s == si && d.cands[i].cue.ok() && (d.cands[i].speaker.ok() || d.cands[i].from >= 0) {
			return i
		}
	}
	return -1
}

// firstVerb returns the first verb of sentence si before token c outside
// quotation marks, or -1.
func (d *doc) firstVerb(si, c int) int {
	toks := d.toks(si)
	for v := 0; v < c; v++ {
		if !d.quoted(si, v) && strings.HasPrefix(toks[v].Tag, "VB") && !isAux(toks[v]) {
			return v
		}
	}
	return -1
}

// add records a candidate and marks the quotations its content overlaps.
func (d *doc) add(c cand) {
	for _, g := range c.segs {
		for i, r := range d.regs {
			if r.start < g[1] && g[0] < r.end {
				d.used[i] = true
			}
		}
	}
	d.cands = append(d.cands, c)
}

// hasRegion reports whether the content overlaps a quotation.
func (d *doc) hasRegion(segs [][2]int) bool {
	for _, g := range segs {
		for _, r := range d.regs {
			if r.start < g[1] && g[0] < r.end {
				return true
			}
		}
	}
	return false
}

// attributeLeftovers gives each quotation no cue claimed to the subject and
// verb of its sentence, or to the previous speaker.
func (d *doc) attributeLeftovers() {
	for ri, r := range d.regs {
		if d.used[ri] {
			continue
		}
		si, ti := d.tokenAt(r.start)
		if si < 0 {
			continue
		}
		if c, ok := d.dashSpeaker(ri); ok {
			d.add(c)
			continue
		}
		if c, ok := d.transcriptSpeaker(ri); ok {
			d.add(c)
			continue
		}
		if ti == 0 {
			if c, ok := d.colonSpeaker(ri, si); ok {
				d.add(c)
				continue
			}
		}
		if ti > 0 {
			if c, ok := d.subjectVerb(si, ti); ok {
				d.add(c)
				continue
			}
		}
		if prev := d.previousSpeaker(si); prev >= 0 && r.words(d.rs) >= 3 {
			d.add(cand{segs: r.segs, from: prev})
			continue
		}
		if r.words(d.rs) >= 6 {
			d.add(cand{segs: r.segs, from: -1})
		}
	}
}

// tokenAt returns the sentence and token at rune offset pos, or -1.
func (d *doc) tokenAt(pos int) (int, int) {
	for si, s := range d.a.Sentences {
		if pos >= s.End {
			continue
		}
		for ti, t := range s.Tokens {
			if t.End > pos {
				return si, ti
			}
		}
		return -1, -1
	}
	return -1, -1
}

// subjectVerb attributes a quotation at token ti to the clause around it:
// the first verb before it outside quotation marks, with its subject.
func (d *doc) subjectVerb(si, ti int) (cand, bool) {
	toks := d.toks(si)
	// the first finite verb before the quotation: the main clause's (a
	// verb coordinated with it shares its subject)
	v := -1
	for j := 0; j < ti; j++ {
		if d.quoted(si, j) {
			continue
		}
		t := toks[j]
		if !strings.HasPrefix(t.Tag, "VB") || isAux(t) {
			continue
		}
		if t.Tag == "VBN" || t.Tag == "VBG" {
			// a participle heads the clause only after an auxiliary ("is
			// promising", "has called")
			a := j - 1
			for a >= 0 && (toks[a].Tag == "RB" || toks[a].Tag == "RBS") {
				a--
			}
			if a < 0 || !isAux(toks[a]) || toks[a].Tag == "RB" {
				continue
			}
		}
		v = j
		break
	}
	if v < 0 {
		return cand{}, false
	}
	sp := d.leftNP(si, v)
	if !sp.ok() {
		if c := v - 1; c > 0 && toks[c].Tag == "CC" {
			if f := d.firstVerb(si, c); f >= 0 {
				sp = d.leftNP(si, f)
			}
		}
	}
	if !sp.ok() {
		return cand{}, false
	}
	segs := d.contentAfter(si, d.skipParticle(si, v+1), false)
	if len(segs) == 0 {
		return cand{}, false
	}
	return cand{segs: segs, speaker: sp, cue: span{si, v, v + 1}, from: -1}, true
}

// previousSpeaker returns the index of the last candidate with a speaker in
// this or the two sentences before si, or -1.
func (d *doc) previousSpeaker(si int) int {
	for i := len(d.cands) - 1; i >= 0; i-- {
		c := d.cands[i]
		s := c.speaker.s
		if !c.speaker.ok() {
			if c.from < 0 {
				continue
			}
			s = d.cands[c.from].speaker.s
		}
		if s <= si && si-s <= 2 {
			return i
		}
	}
	return -1
}

func (d *doc) String() string { return fmt.Sprintf("quote.doc(%s)", d.a.Doc.ID) }

// dashSpeaker attributes a quotation followed by a dash and a name
// ("“…” ― Ann Lee"), the convention of reader comments and epigraphs.
func (d *doc) dashSpeaker(ri int) (cand, bool) {
	r := d.regs[ri]
	si, ti := d.tokenAt(r.end)
	if si < 0 {
		return cand{}, false
	}
	toks := d.toks(si)
	if toks[ti].Start < r.end || ti+1 >= len(toks) || d.quoted(si, ti) {
		return cand{}, false
	}
	switch toks[ti].Text {
	case "―", "—", "–", "--", "-":
	default:
		return cand{}, false
	}
	// the dash follows the closing mark on the same line, or opens the
	// next line and the name ends it ("“…”\n- Ann Lee.")
	nextLine := false
	for i := r.end; i < toks[ti].Start; i++ {
		if d.rs[i] == '\n' {
			nextLine = true
		}
	}
	if nextLine && (ti != 0 || !d.startsLine(r.start)) {
		return cand{}, false // "- Reuters." after a narrative paragraph is a credit
	}
	sp := d.rightNP(si, ti+1)
	if !sp.ok() || !capitalised(toks[sp.t0]) {
		return cand{}, false
	}
	if nextLine && sp.t1 < len(toks) && !isEnd(toks[sp.t1]) {
		return cand{}, false
	}
	return cand{segs: r.segs, speaker: sp, cue: span{si, ti, ti + 1}, from: -1}, true
}

// transcriptSpeaker attributes a quotation that opens with a speaker's
// name in capitals and a colon ("“SMITH: Well, …"), as transcripts do.
func (d *doc) transcriptSpeaker(ri int) (cand, bool) {
	r := d.regs[ri]
	si, ti := d.tokenAt(r.start)
	if si < 0 {
		return cand{}, false
	}
	toks := d.toks(si)
	k := ti
	for k < len(toks) && toks[k].End <= r.start+1 && d.quoted(si, k) && !isWordRune(d.rs[toks[k].Start]) {
		k++ // the opening mark
	}
	n := k
	for n < len(toks) && n-k < 4 && isCapsWord(toks[n].Text) {
		n++
	}
	if n == k || n >= len(toks) || toks[n].Text != ":" {
		return cand{}, false
	}
	return cand{segs: r.segs, speaker: span{si, k, n}, cue: span{si, n, n + 1}, from: -1}, true
}

func isCapsWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// sameParagraph reports whether nothing but spaces (no line break)
// separates sentences a and b.
func (d *doc) sameParagraph(a, b int) bool {
	for i := d.a.Sentences[a].End; i < d.a.Sentences[b].Start && i < len(d.rs); i++ {
		if d.rs[i] == '\n' {
			return false
		}
	}
	return true
}

// nextSentenceQuote returns the quotation that opens the sentence after
// si in the same paragraph, if any ("…,” he said. “…”).
func (d *doc) nextSentenceQuote(si int) [][2]int {
	if si+1 >= len(d.a.Sentences) || !d.sameParagraph(si, si+1) {
		return nil
	}
	nt := d.toks(si + 1)
	if len(nt) == 0 || !d.quoted(si+1, 0) {
		return nil
	}
	ri := d.qr[si+1][0]
	if d.used[ri] || (d.regs[ri].start != nt[0].Start && !d.opensAtEnd(si, ri)) {
		return nil
	}
	for t := range nt {
		if !d.quoted(si+1, t) && (d.isCueVerb(si+1, t) || d.phraseAt(si+1, t) > 0) {
			return nil // it has an attribution of its own
		}
	}
	return append([][2]int(nil), d.regs[ri].segs...)
}

// strongNext reports whether token k opens reported content
// unmistakably: a colon, "that" or an opening quotation mark. A word
// tagged as a noun ("The Courier reports:") is a verb of saying then.
func (d *doc) strongNext(si, k int) bool {
	toks := d.toks(si)
	if k >= len(toks) || k < 2 || !isHead(toks[k-2]) {
		return false
	}
	if d.quoted(si, k) {
		return d.regs[d.qr[si][k]].start == toks[k].Start
	}
	return toks[k].Text == ":" || toks[k].Lower == "that"
}

// colonSpeaker attributes a quotation that opens the sentence after one
// ending in a colon ("The Courier reports:", "She made this comment:") to
// that sentence's subject.
func (d *doc) colonSpeaker(ri, si int) (cand, bool) {
	if si == 0 {
		return cand{}, false
	}
	p := si - 1
	pt := d.toks(p)
	if len(pt) < 2 || pt[len(pt)-1].Text != ":" {
		return cand{}, false
	}
	v := d.firstVerb(p, len(pt)-1)
	var sp span
	if v >= 0 {
		sp = d.leftNP(p, v)
	} else {
		sp = d.leftNP(p, len(pt)-1)
	}
	if !sp.ok() {
		return cand{}, false
	}
	cue := span{p, len(pt) - 1, len(pt)}
	if v >= 0 {
		cue = span{p, v, v + 1}
	}
	return cand{segs: d.regs[ri].segs, speaker: sp, cue: cue, from: -1}, true
}

// opensAtEnd reports whether quotation ri opens in the last tokens of
// sentence si (the splitter may leave an opening mark behind: "… director.
// '" + "'We believe …”").
func (d *doc) opensAtEnd(si, ri int) bool {
	toks := d.toks(si)
	n := len(toks)
	return n > 0 && d.qr[si][n-1] == ri && d.regs[ri].start >= toks[n-1].Start
}

// opensContent reports whether the tokens after a cue open reported
// content: "that", a colon, a quotation.
func (d *doc) opensContent(si, k int) bool {
	toks := d.toks(si)
	if k >= len(toks) {
		return false
	}
	return toks[k].Lower == "that" || toks[k].Text == ":" || d.quoted(si, k) || toks[k].Text == "," && k+1 < len(toks) && d.quoted(si, k+1)
}

// startsLine reports whether only spaces stand between the line start and
// rune offset pos.
func (d *doc) startsLine(pos int) bool {
	for i := pos - 1; i >= 0; i-- {
		if d.rs[i] == '\n' {
			return true
		}
		if !unicode.IsSpace(d.rs[i]) {
			return false
		}
	}
	return true
}
