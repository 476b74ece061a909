package quote

import (
	"sort"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
)

// finish turns the candidates into dyad.Quotes: overlapping candidates
// keep the first, speakers resolve to mentions and entities, and named
// speakers the actor stage did not know become entities.
func (d *doc) finish() {
	type out struct {
		q    dyad.Quote
		cand int
	}
	var qs []out
	taken := [][2]int{}
	speakers := make([]*dyad.Speaker, len(d.cands))
	for i, c := range d.cands {
		// resolve the speaker first: a later quotation may borrow it even
		// when this candidate loses to an overlapping one
		switch {
		case c.speaker.ok():
			speakers[i] = d.speaker(c.speaker)
			d.spoken = append(d.spoken, speakers[i])
		case c.from >= 0:
			speakers[i] = speakers[c.from]
		}
		segs := normalize(c.segs)
		if len(segs) == 0 || overlapsAny(segs, taken) {
			continue
		}
		taken = append(taken, segs...)
		q := dyad.Quote{Start: segs[0][0], End: segs[len(segs)-1][1]}
		var parts []string
		for _, g := range segs {
			q.Segments = append(q.Segments, [2]int{g[0], g[1]})
			parts = append(parts, string(d.rs[g[0]:g[1]]))
			q.Sentences = appendSentences(q.Sentences, d.a.Sentences, g)
		}
		q.Text = strings.Join(parts, " ")
		q.Direct = d.hasRegion(segs)
		if c.cue.ok() {
			toks := d.toks(c.cue.s)
			q.Cue = &dyad.TextSpan{Text: string(d.rs[toks[c.cue.t0].Start:toks[c.cue.t1-1].End]), Start: toks[c.cue.t0].Start, End: toks[c.cue.t1-1].End}
		}
		q.Speaker = speakers[i]
		qs = append(qs, out{q, i})
	}
	sort.SliceStable(qs, func(i, j int) bool { return qs[i].q.Start < qs[j].q.Start })
	d.a.Quotes = d.a.Quotes[:0]
	for _, o := range qs {
		d.a.Quotes = append(d.a.Quotes, o.q)
	}
}

// normalize sorts the segments, drops empty ones and merges overlaps.
func normalize(segs [][2]int) [][2]int {
	var out [][2]int
	for _, g := range segs {
		if g[1] > g[0] {
			out = append(out, g)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	merged := out[:0]
	for _, g := range out {
		if n := len(merged); n > 0 && g[0] <= merged[n-1][1] {
			if g[1] > merged[n-1][1] {
				merged[n-1][1] = g[1]
			}
			continue
		}
		merged = append(merged, g)
	}
	return merged
}

func overlapsAny(segs, taken [][2]int) bool {
	for _, g := range segs {
		for _, t := range taken {
			if g[0] < t[1] && t[0] < g[1] {
				return true
			}
		}
	}
	return false
}

func appendSentences(list []int, sents []dyad.Sentence, g [2]int) []int {
	for si, s := range sents {
		if s.Start < g[1] && g[0] < s.End {
			if n := len(list); n == 0 || list[n-1] < si {
				list = append(list, si)
			}
		}
	}
	return list
}

// speaker resolves a speaker span: the actor mention it overlaps (with its
// entity and code), else an entity for the name it holds.
func (d *doc) speaker(sp span) *dyad.Speaker {
	toks := d.toks(sp.s)
	start, end := toks[sp.t0].Start, toks[sp.t1-1].End
	s := &dyad.Speaker{Text: string(d.rs[start:end]), Start: start, End: end}
	if e := d.antecedent(sp); e != nil {
		s.Entity, s.Code = dyad.OptString(e.ID), dyad.OptString(e.Code)
		return s
	}
	if prev := d.titledSpeaker(sp); prev != nil {
		s.Entity, s.Code = prev.Entity, prev.Code
		return s
	}
	// the mention holding the head noun (the last noun before a
	// preposition: "a spokesman for the ministry"), else the last one
	head := sp.t1 - 1
	for t := sp.t0 + 1; t < sp.t1; t++ {
		if isLink(toks[t]) {
			head = t - 1
			break
		}
	}
	hs, he := toks[head].Start, toks[head].End
	var best *dyad.Mention
	bestHead := false
	for i := range d.a.Mentions {
		m := &d.a.Mentions[i]
		if m.Sentence != sp.s || m.Start >= end || m.End <= start {
			continue
		}
		onHead := m.Start < he && hs < m.End
		switch {
		case best == nil, onHead && !bestHead:
		case onHead == bestHead && (m.End > best.End || (m.End == best.End && m.Entity != "" && best.Entity == "")):
		default:
			continue
		}
		best, bestHead = m, onHead
	}
	if best != nil && (best.Entity != "" || best.Code != "") {
		s.Code = dyad.OptString(best.Code)
		if bestHead {
			// a mention of a modifier ("a spokesman for the Ghana …")
			// gives the country and sector, not the speaker's identity
			s.Entity = dyad.OptString(best.Entity)
			if e := d.entity(best.Entity); e != nil && e.Code != "" {
				s.Code = dyad.OptString(e.Code)
			}
		}
		return s
	}
	// a name the actor stage did not code: a person or an organisation
	n0, n1 := -1, -1
	for t := sp.t0; t < sp.t1; t++ {
		if toks[t].Tag == "NNP" || toks[t].Tag == "NNPS" {
			if n0 < 0 || n1 != t {
				n0 = t
			}
			n1 = t + 1
		}
	}
	if n0 < 0 {
		return s
	}
	for n0 < n1 && isHonorific(toks[n0].Lower) {
		n0++
	}
	if n0 == n1 || n1-n0 == 1 && (d.cues.notname[toks[n0].Lower] || d.cues.others[toks[n0].Lower]) {
		return s
	}
	ns, ne := toks[n0].Start, toks[n1-1].End
	name := string(d.rs[ns:ne])
	typ := "PERSON"
	for t := n0; t < n1; t++ {
		if d.cues.orgs[toks[t].Lower] {
			typ = "ORG"
		}
	}
	e := d.namedEntity(name, typ)
	e.Mentions = appendMention(e.Mentions, [2]int{ns, ne})
	s.Entity = dyad.OptString(e.ID)
	s.Code = dyad.OptString(e.Code)
	return s
}

func isHonorific(w string) bool {
	switch w {
	case "mr.", "ms.", "mrs.", "dr.", "mr", "ms", "mrs", "dr", "sen.", "rep.", "gov.", "prof.":
		return true
	}
	return false
}

func appendMention(list [][2]int, m [2]int) [][2]int {
	for _, x := range list {
		if x == m {
			return list
		}
	}
	return append(list, m)
}

// entity returns the entity with this id, or nil.
func (d *doc) entity(id string) *dyad.Entity {
	for i := range d.a.Entities {
		if d.a.Entities[i].ID == id {
			return &d.a.Entities[i]
		}
	}
	return nil
}

// namedEntity finds the entity this name refers to (the same name, or a
// surname of a person named in full earlier) or adds one.
func (d *doc) namedEntity(name, typ string) *dyad.Entity {
	for i := range d.a.Entities {
		e := &d.a.Entities[i]
		if strings.EqualFold(e.Name, name) {
			return e
		}
	}
	for i := range d.a.Entities {
		e := &d.a.Entities[i]
		if e.Type == "PERSON" && typ == "PERSON" && (strings.HasSuffix(e.Name, " "+name) || strings.HasSuffix(name, " "+e.Name)) {
			return e
		}
	}
	max := 0
	for _, e := range d.a.Entities {
		if n, err := strconv.Atoi(strings.TrimPrefix(e.ID, "e")); err == nil && n > max {
			max = n
		}
	}
	d.a.Entities = append(d.a.Entities, dyad.Entity{
		ID: "e" + strconv.Itoa(max+1), Name: name, Type: typ,
		Sectors: []string{}, Titles: []string{},
	})
	return &d.a.Entities[len(d.a.Entities)-1]
}

// antecedent resolves a speaker that is a personal pronoun ("he said")
// or a definite title with no name ("the minister said") to the person
// last mentioned before it outside quotation marks — for a title, the
// last one that bears it. Mentions inside quotations are skipped: "“The
// minister is lying,” he said" is not the minister speaking. It returns
// nil when the speaker is neither or no antecedent is found.
func (d *doc) antecedent(sp span) *dyad.Entity {
	toks := d.toks(sp.s)
	start := toks[sp.t0].Start
	var title string
	switch {
	case sp.t1-sp.t0 == 1 && (toks[sp.t0].Lower == "he" || toks[sp.t0].Lower == "she"):
	case sp.t1-sp.t0 >= 2 && toks[sp.t0].Lower == "the" && d.untitledNoun(sp):
		title = toks[sp.t1-1].Lower
	default:
		return nil
	}
	for i := len(d.a.Mentions) - 1; i >= 0; i-- {
		m := &d.a.Mentions[i]
		if m.Start >= start || m.Entity == "" || d.regionAt(m.Start, m.End) >= 0 {
			continue
		}
		e := d.entity(m.Entity)
		if e == nil || e.Type != "PERSON" {
			continue
		}
		if title == "" {
			// "X met his counterpart Y. … he said": the subject of that
			// sentence, not its object
			if subj := d.sentenceSubject(m.Sentence); subj != nil && subj.Start < m.Start && d.regionAt(subj.Start, subj.End) < 0 {
				if se := d.entity(subj.Entity); se != nil && se.Type == "PERSON" {
					return se
				}
			}
			return e
		}
		if hasWord(m.Text, title) || anyHasWord(e.Titles, title) {
			return e
		}
	}
	return nil
}

// sentenceSubject returns the mention that opens sentence s (only a
// determiner or adjectives before it) when a verb follows it, or nil.
func (d *doc) sentenceSubject(s int) *dyad.Mention {
	toks := d.toks(s)
	for i := range d.a.Mentions {
		m := &d.a.Mentions[i]
		if m.Sentence != s || m.Entity == "" {
			continue
		}
		for k := 0; k < m.Tok0; k++ {
			if t := toks[k].Tag; t != "DT" && t != "JJ" {
				return nil
			}
		}
		if m.Tok1 < len(toks) && strings.HasPrefix(toks[m.Tok1].Tag, "VB") {
			return m
		}
		return nil
	}
	return nil
}

// untitledNoun reports whether the speaker span is "the" and common nouns
// and adjectives only ("the minister", "the Togolese minister").
func (d *doc) untitledNoun(sp span) bool {
	toks := d.toks(sp.s)
	for t := sp.t0 + 1; t < sp.t1; t++ {
		switch toks[t].Tag {
		case "NN", "NNS", "JJ":
		case "NNP", "NNPS":
			if t == sp.t1-1 {
				return false
			}
		default:
			return false
		}
	}
	return strings.HasPrefix(toks[sp.t1-1].Tag, "NN")
}

func hasWord(s, w string) bool {
	for _, f := range strings.Fields(strings.ToLower(s)) {
		if strings.Trim(f, ".,;:()") == w {
			return true
		}
	}
	return false
}

func anyHasWord(list []string, w string) bool {
	for _, s := range list {
		if hasWord(s, w) {
			return true
		}
	}
	return false
}

// titledSpeaker resolves a definite title with no name ("the spokesman
// said") to the last speaker before it whose words hold that title ("a
// spokesman for the customs service said …").
func (d *doc) titledSpeaker(sp span) *dyad.Speaker {
	toks := d.toks(sp.s)
	if sp.t1-sp.t0 < 2 || toks[sp.t0].Lower != "the" || !d.untitledNoun(sp) {
		return nil
	}
	title := toks[sp.t1-1].Lower
	start := toks[sp.t0].Start
	var best *dyad.Speaker
	for _, p := range d.spoken {
		if p != nil && p.Start < start && hasWord(p.Text, title) && (p.Entity != "" || p.Code != "") && (best == nil || p.Start > best.Start) {
			best = p
		}
	}
	return best
}
