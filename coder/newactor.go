package coder

import (
	"sort"
	"strings"

	"github.com/dyad-events/dyad"
)

// New actors (Options.NewActorLength, PETRARCH's new_actor_length).
//
// PETRARCH-1 reads every simple noun phrase as a possible actor. A phrase
// that names no actor of its dictionaries is coded with its own words, in
// upper case and quotation marks ("THE HARBOUR COUNCIL"), when it has at
// most new_actor_length words (a possessive 's is no word); a longer one
// stays uncoded, which blocks the source or target slot it stands in, as
// "---" does. A phrase takes in one "of" phrase after it ("the Council of
// Elders"); a phrase joined by a preposition to an actor ("the talks with
// Freedonia") and a phrase an actor owns ("Freedonia's council") belong
// to that actor and code nothing of their own.

// newActorKind marks the mentions made up for uncoded noun phrases.
const newActorKind = "new"

// noActorCode is the code of an uncoded noun phrase too long to be a new
// actor: it fills a slot but is no actor.
const noActorCode = "---"

// npTag reports whether a token with this tag may stand inside a simple
// noun phrase.
func npTag(tag string) bool {
	switch tag {
	case "DT", "PRP$", "JJ", "JJR", "JJS", "CD", "POS", "NN", "NNS", "NNP", "NNPS":
		return true
	}
	return false
}

// npOpener reports whether a token may only open a noun phrase (a
// determiner or possessive pronoun), not continue one.
func npOpener(tag string) bool { return tag == "DT" || tag == "PRP$" }

// nounRuns returns the simple noun phrases of toks as [start, end) pairs:
// maximal runs of noun-phrase words that end in a noun, a determiner or
// possessive pronoun only at their start.
func nounRuns(toks []dyad.Token) [][2]int {
	var out [][2]int
	for i := 0; i < len(toks); {
		if !npTag(toks[i].Tag) || toks[i].Tag == "POS" {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && npTag(toks[j].Tag) && !npOpener(toks[j].Tag) {
			j++
		}
		e := j
		for e > i && !isNoun(toks[e-1].Tag) {
			e--
		}
		if e > i {
			out = append(out, [2]int{i, e})
		}
		i = j
	}
	return out
}

// newActorMentions returns the mentions of the uncoded noun phrases of a
// sentence for new_actor_length n, and ments with each actor that owns a
// phrase ("Freedonia's council") stretched over it. Tokens marked in
// reserved (the anchors of verb patterns) are never part of a new actor.
func newActorMentions(toks []dyad.Token, ments []dyad.Mention, reserved []bool, n int) (owners, made []dyad.Mention, stretched bool) {
	covered := make([]int, len(toks))
	for i := range covered {
		covered[i] = -1
	}
	for mi, m := range ments {
		for k := m.Tok0; k < m.Tok1 && k < len(toks); k++ {
			covered[k] = mi
		}
	}
	owners = ments
	runs := nounRuns(toks)
	for ri := 0; ri < len(runs); ri++ {
		a, b := runs[ri][0], runs[ri][1]
		// an actor in the run: the words it owns after its "'s" join it
		last := -1
		for k := a; k < b; k++ {
			if covered[k] >= 0 {
				last = k
			}
		}
		if last >= 0 {
			mi := covered[last]
			if e := ments[mi].Tok1; e+1 < b && toks[e].Tag == "POS" && free(covered, nil, e+1, b) {
				if !stretched {
					owners, stretched = append([]dyad.Mention(nil), ments...), true
				}
				om := &owners[mi]
				om.Tok1, om.End = b, toks[b-1].End
			}
			continue
		}
		if !free(covered, reserved, a, b) {
			continue
		}
		// one "of" phrase joins the run: "the council of elders"
		if b+1 < len(toks) && toks[b].Lower == "of" && ri+1 < len(runs) && runs[ri+1][0] == b+1 {
			if c := runs[ri+1][1]; free(covered, reserved, b, c) {
				b = c
				ri++
			} else {
				continue // "the council of Freedonia": the actor's phrase
			}
		}
		if actorAfterPrep(toks, covered, b) {
			continue // "the talks with Freedonia": the actor's phrase
		}
		made = append(made, newActor(toks, a, b, n))
	}
	return owners, made, stretched
}

// free reports whether tokens [a, b) hold no actor and no pattern word.
func free(covered []int, reserved []bool, a, b int) bool {
	for k := a; k < b; k++ {
		if covered[k] >= 0 || reserved != nil && reserved[k] {
			return false
		}
	}
	return true
}

// actorAfterPrep reports whether a preposition at b introduces an actor
// (after determiners and adjectives): the phrase before it is that
// actor's.
func actorAfterPrep(toks []dyad.Token, covered []int, b int) bool {
	if b >= len(toks) || toks[b].Tag != "IN" || subordinators[toks[b].Lower] {
		return false
	}
	for k := b + 1; k < len(toks) && k <= b+4; k++ {
		if covered[k] >= 0 {
			return true
		}
		if tg := toks[k].Tag; tg != "DT" && tg != "JJ" && tg != "PRP$" && tg != "CD" {
			return false
		}
	}
	return false
}

// newActor makes the mention of the uncoded phrase [a, b): coded with its
// words when it has at most n of them, else noActorCode.
func newActor(toks []dyad.Token, a, b, n int) dyad.Mention {
	var words []string
	for k := a; k < b; k++ {
		if toks[k].Tag != "POS" {
			words = append(words, strings.ToUpper(toks[k].Text))
		}
	}
	code := noActorCode
	if len(words) <= n {
		code = `"` + strings.Join(words, " ") + `"`
	}
	var text []string
	for k := a; k < b; k++ {
		text = append(text, toks[k].Text)
	}
	return dyad.Mention{Tok0: a, Tok1: b, Span: dyad.Span{Start: toks[a].Start, End: toks[b-1].End},
		Text: strings.Join(text, " "), Code: code, Kind: newActorKind}
}

// withNewActors returns the sentence with new-actor mentions added for the
// uncoded noun phrases that hold no match's anchor (pattern words around
// the anchor may lie in them, as in PETRARCH's noun phrases), and the matches' actor
// slots renumbered to the new mention order. It returns st itself when
// nothing changes.
func withNewActors(st *sent, ms []*match, n int) *sent {
	reserved := make([]bool, len(st.toks)+1)
	for _, m := range ms {
		reserved[m.anchor] = true
	}
	owners, made, stretched := newActorMentions(st.toks, st.ments, reserved, n)
	if len(made) == 0 && !stretched {
		return st
	}
	all := make([]dyad.Mention, 0, len(owners)+len(made))
	all = append(all, owners...)
	all = append(all, made...)
	order := make([]int, len(all)) // new position → old mention index (or -1)
	for i := range order {
		order[i] = i
		if i >= len(owners) {
			order[i] = -1 - i
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return all[idx(order[i])].Tok0 < all[idx(order[j])].Tok0 })
	sorted := make([]dyad.Mention, len(all))
	renum := make(map[int]int, len(owners))
	for pos, o := range order {
		sorted[pos] = all[idx(o)]
		if o >= 0 {
			renum[o] = pos
		}
	}
	ns := newSent(st.idx, st.toks, sorted)
	ns.attrib = st.attrib
	for _, m := range ms {
		for _, p := range []*int{&m.target, &m.source, &m.compound} {
			if *p >= 0 {
				*p = renum[*p]
			}
		}
	}
	return ns
}

// idx decodes an entry of withNewActors' order.
func idx(o int) int {
	if o < 0 {
		return -1 - o
	}
	return o
}

// noActor reports whether an event actor is missing or an uncoded phrase.
func noActor(a *dyad.Actor) bool { return a == nil || a.Code == noActorCode }
