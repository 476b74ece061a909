package coder

import (
	"sort"

	"github.com/dyad-events/dyad"
)

// Defaults are the actors TABARI puts in place of a missing source or
// target (its "DEFAULT:" option). The zero value puts none.
type Defaults struct {
	// Source is the code of the default source ("" = none).
	Source string
	// SourcePrior uses Source whenever no actor stands before the verb
	// (TABARI's PRIOR). Without it the first actor after the verb is the
	// source (the next one its target), and Source is used only when the
	// sentence offers none.
	SourcePrior bool
	// Target is the code of the default target ("" = none).
	Target string
	// TargetAfter uses Target whenever no actor follows the verb
	// (TABARI's AFTER). Without it a compound source gives its first
	// member as the source and the others as targets, and Target is used
	// only when there is no such compound.
	TargetAfter bool
}

// defaultKind marks the mentions the coder makes up for default and
// forwarded actors.
const defaultKind = "default"

// synthetic adds a mention of code that stands for no words (it lies past
// the sentence's last token) and returns its index.
func (st *sent) synthetic(code string) int {
	n := len(st.toks)
	for i, m := range st.ments {
		if m.Kind == defaultKind && m.Code == code {
			return i
		}
	}
	st.ments = append(st.ments, dyad.Mention{Sentence: st.idx, Tok0: n, Tok1: n, Code: code, Kind: defaultKind})
	return len(st.ments) - 1
}

// actorBefore reports whether an actor mention ends at or before token k.
func actorBefore(st *sent, k int) bool {
	for _, m := range st.ments {
		if m.Kind != defaultKind && m.Tok1 <= k {
			return true
		}
	}
	return false
}

// defaultSource fills a missing source from the Defaults: the default
// source, or (without PRIOR) the first actor after the match, with the
// next actor after that as its target.
func (c *Coder) defaultSource(st *sent, m *match, tgts []int) ([]int, []int) {
	d := c.opts.Default
	if d.Source == "" || actorBefore(st, m.head) {
		return nil, tgts
	}
	if !d.SourcePrior {
		if first := linearTarget(st, m.end, nil); first >= 0 {
			srcs := []int{first}
			tgts = nil
			if lt := linearTarget(st, st.ments[first].Tok1, srcs); lt >= 0 {
				tgts = conjoined(st, lt)
			}
			return srcs, tgts
		}
	}
	return []int{st.synthetic(d.Source)}, tgts
}

// defaultTarget fills a missing target: with the default target when
// TargetAfter says so, else with the actors before the verb that are not
// the source (TABARI with ClauseActors or a default target: a compound
// source's first member acts on the others, "Freedonia and Sylvania …"),
// else with the default target.
func (c *Coder) defaultTarget(st *sent, m *match, srcs []int) ([]int, []int) {
	d := c.opts.Default
	if d.Target != "" && d.TargetAfter {
		return srcs, []int{st.synthetic(d.Target)}
	}
	if c.opts.ClauseActors || d.Target != "" {
		if len(srcs) > 1 {
			return srcs[:1], srcs[1:]
		}
		if len(srcs) == 1 && st.ments[srcs[0]].Kind != defaultKind {
			for k := st.ments[srcs[0]].Tok1; k < m.head; k++ {
				if mi := st.startAt[k]; mi >= 0 && st.ments[mi].Code != st.ments[srcs[0]].Code {
					return srcs, []int{mi}
				}
			}
		}
	}
	if d.Target != "" {
		return srcs, []int{st.synthetic(d.Target)}
	}
	return srcs, nil
}

// clauseSource is TABARI's source when the clause analysis found none: the
// first actor of the verb's clause (clauseStarts) before the verb, with
// the actors compounded with it; nil when there is none.
func clauseSource(st *sent, m *match) []int {
	starts := clauseStarts(st)
	from := 0
	for k := m.head; k > 0; k-- {
		if starts[k] {
			from = k
			break
		}
	}
	for k := from; k < m.head; k++ {
		if mi := st.startAt[k]; mi >= 0 && st.ments[mi].Tok1 <= m.head {
			return conjoined(st, mi)
		}
	}
	return nil
}

// subjectPronouns stand for an actor named earlier.
var subjectPronouns = set("he", "she", "it", "they")

// forwardedSubject reports whether the verb chain starting at head has as
// its subject a personal pronoun that the sentence gives no antecedent: no
// actor stands before it ("He has also asked …", "In a statement it
// promised …"; but not "… aid to Freedonia if it would agree").
func forwardedSubject(st *sent, head int) bool {
	for k := head - 1; k >= 0; k-- {
		t := st.toks[k]
		if st.coveredBy[k] >= 0 {
			return false
		}
		if subjectPronouns[t.Lower] {
			return !actorBefore(st, k)
		}
		if t.Tag != "RB" && t.Tag != "MD" && !beForms[t.Lower] && !auxHave[t.Lower] {
			return false
		}
	}
	return false
}

// auxHave are the forms of "have" and "do" that stand before a verb as
// auxiliaries.
var auxHave = set("have", "has", "had", "do", "does", "did")

// CodeUnit says how many events the coder takes from a stretch of text
// (TABARI's "SET: CODE BY CLAUSE", "SET: CODE BY SENTENCE", "SET: CODE
// ALL").
type CodeUnit uint8

// The code units.
const (
	// CodeAll codes every verb match: dyad's and PETRARCH's way.
	CodeAll CodeUnit = iota
	// CodeByClause codes one verb per clause (clauses end at "but", ";"
	// and at an "and"/"or" that starts a new verb phrase): the first whose
	// match yields an event.
	CodeByClause
	// CodeBySentence codes one verb per sentence.
	CodeBySentence
)

// A code ending in '!' is dominant: its verb is coded in place of the
// others of its clause (and codes whatever the unit). A code ending in '?'
// is subordinate: its verb codes only when no other verb of the clause
// does (TABARI's "SAID [023?]"). Neither mark is part of the code.
const (
	dominantMark    = '!'
	subordinateMark = '?'
)

// codeMark returns code without a trailing dominant or subordinate mark
// and the mark (0 when none).
func codeMark(code string) (string, byte) {
	if n := len(code); n > 1 && (code[n-1] == dominantMark || code[n-1] == subordinateMark) {
		return code[:n-1], code[n-1]
	}
	return code, 0
}

// clauseStarts marks the tokens that open a new clause for CodeByClause:
// the word after "but", "while", "whereas" or ";", and after an "and" or
// "or" that does not join two actors and is followed by a verb (after an
// optional subject: an actor or a pronoun).
func clauseStarts(st *sent) []bool {
	starts := make([]bool, len(st.toks)+1)
	for k, t := range st.toks {
		switch t.Lower {
		case "but", "while", "whereas", ";":
			starts[k+1] = true
		case "and", "or":
			if k > 0 && st.coveredBy[k-1] >= 0 && st.startAt[k+1] >= 0 {
				// "Freedonia and Sylvania …": a compound actor, unless a
				// verb follows the second one in a new clause whose first
				// verb is already behind us
				if !verbBefore(st, k) {
					continue
				}
			}
			j := k + 1
			for j < len(st.toks) && (st.toks[j].Tag == "RB" || st.toks[j].Tag == "DT" || st.toks[j].Tag == "PRP") {
				j++
			}
			if j < len(st.toks) && st.coveredBy[j] >= 0 {
				j = st.ments[st.coveredBy[j]].Tok1
			}
			if j < len(st.toks) && (isVerb(st.toks[j].Tag)) {
				starts[k+1] = true
			}
		}
	}
	return starts
}

// verbBefore reports whether a finite verb stands before token k since the
// last clause punctuation.
func verbBefore(st *sent, k int) bool {
	for j := k - 1; j >= 0; j-- {
		t := st.toks[j]
		if t.Text == ";" {
			return false
		}
		switch t.Tag {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

// oneEventPer keeps, of the events of each clause (or of the sentence), the
// ones of a single match: a dominant match if one yields events, else the
// first match that yields events with a code that is not subordinate, else
// the first subordinate one. evs[i] are the events of ms[i], already
// filtered by the caller's needs (a target, where one is required).
func oneEventPer(st *sent, ms []*match, evs [][]dyad.Event, unit CodeUnit) []dyad.Event {
	clause := make([]int, len(st.toks)+1)
	if unit == CodeByClause {
		starts := clauseStarts(st)
		for k := 1; k < len(clause); k++ {
			clause[k] = clause[k-1]
			if starts[k] {
				clause[k]++
			}
		}
	}
	order := make([]int, 0, len(ms))
	for i := range ms {
		order = append(order, i)
	}
	sort.SliceStable(order, func(a, b int) bool { return ms[order[a]].first() < ms[order[b]].first() })
	type pick struct{ best, sub, dom int }
	picks := map[int]*pick{}
	var clauses []int
	for _, i := range order {
		if len(evs[i]) == 0 {
			continue
		}
		cl := clause[ms[i].anchor]
		p := picks[cl]
		if p == nil {
			p = &pick{-1, -1, -1}
			picks[cl] = p
			clauses = append(clauses, cl)
		}
		switch _, mark := codeMark(ms[i].pat.Code); {
		case mark == dominantMark && p.dom < 0:
			p.dom = i
		case mark == subordinateMark && p.sub < 0:
			p.sub = i
		case mark == 0 && p.best < 0:
			p.best = i
		}
	}
	var out []dyad.Event
	for _, cl := range clauses {
		p := picks[cl]
		switch {
		case p.dom >= 0:
			out = append(out, evs[p.dom]...)
		case p.best >= 0:
			out = append(out, evs[p.best]...)
		default:
			out = append(out, evs[p.sub]...)
		}
	}
	return out
}

// dominant returns the events of the dominant matches when some yield
// events, else all the events.
func dominant(ms []*match, evs [][]dyad.Event) []dyad.Event {
	var dom, all []dyad.Event
	for i, m := range ms {
		if _, mark := codeMark(m.pat.Code); mark == dominantMark {
			dom = append(dom, evs[i]...)
		}
		all = append(all, evs[i]...)
	}
	if len(dom) > 0 {
		return dom
	}
	return all
}
