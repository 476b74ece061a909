package coder

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/lexicon"
)

func root(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}

// locatives introduce a place rather than a participant.
var locatives = set("in", "at", "near", "across", "throughout", "inside", "outside")

// quantity words head a phrase whose actor follows "of".
var quantity = set("thousands", "hundreds", "dozens", "millions", "scores", "tens", "group", "groups",
	"spokesman", "spokeswoman", "spokesperson", "representative", "representatives", "envoy", "delegation",
	"members", "member", "number", "crowd", "crowds", "band", "team", "delegation",
	"some", "many", "most", "all", "several", "few", "handful", "majority", "hundred", "thousand", "million")

// subject finds the mention that is the subject of the verb chain starting
// at head: the nearest actor to the left in the same clause that is not the
// object of a preposition. Unresolved pronouns and "that"-clauses after a
// say verb pass the search on to the matrix clause ("Israel announced it
// would free …" → Israel).
func subject(st *sent, head int) int {
	toks := st.toks
	if v := documentIssuer(st, head); v >= 0 {
		// "issued a statement demanding …": whoever issued it
		return subject(st, v)
	}
	if hn := objectRelativeHead(st, head); hn >= 0 {
		// "… four executives it accused of …": an object relative clause
		// whose pronoun subject is the main clause's: the sentence's
		// first actor not after a preposition (the tagger misreads too
		// many main verbs to look for the verb itself)
		for x := 0; x < hn; x++ {
			if x0 := st.ments[x].Tok0; x0 == 0 || !preps[toks[x0-1].Lower] && toks[x0-1].Lower != "and" {
				return x
			}
		}
		return -1
	}
	if unknownNameSubject(st, head) {
		// "The women told police Bassett threatened to stab them": the
		// subject is a name no dictionary knows, not the police
		return -1
	}
	sawNoun := false // a common noun between the verb and the search point
	for k := head - 1; k >= 0; k-- {
		t := toks[k]
		if mi := st.coveredBy[k]; mi >= 0 {
			m := st.ments[mi]
			if st.attrib[m.Tok0] {
				k = m.Tok0
				continue
			}
			if m.Tok0 > 1 && (toks[m.Tok0-1].Lower == "of" || toks[m.Tok0-1].Lower == "for") && (quantity[toks[m.Tok0-2].Lower] || toks[m.Tok0-2].Tag == "CD") {
				// "thousands of Egyptian protesters rallied"
				return mi
			}
			if pp := participleObject(st, mi); pp >= 0 {
				k = pp // "Iraqi forces backed by Shi'ite militias launched …": the militias back, they are no subject
				continue
			}
			if p := betweenPartner(st, mi); p >= 0 {
				k = st.ments[p].Tok0 // "clashes between Russian and Ukrainian troops killed …"
				continue
			}
			first := m.Tok0
			if m.Tok0 > 0 && m.Kind != "pair" {
				// (a member of a coordination; "the two sides" after "and"
				// refers back to actors, it is no list's member)
				if l := toks[m.Tok0-1].Lower; l == "," || l == "and" || l == "or" {
					first = firstConjoined(st, mi)
				}
			}
			if f := first; f > 1 {
				// "a mechanism involving the UN and the Church will …":
				// the object of a participle after a noun is not its
				// clause's subject
				j := f - 1
				for j > 1 && (toks[j].Tag == "DT" || toks[j].Tag == "JJ") {
					j--
				}
				if toks[j].Tag == "VBG" && (isNoun(toks[j-1].Tag) || st.coveredBy[j-1] >= 0) {
					k = j
					continue
				}
			}
			j := first - 1 // "of the Israeli-occupied West Bank", "of Texas, Arizona and New Mexico": past determiners, adjectives and the coordination
			for j > 0 && (toks[j].Tag == "DT" || toks[j].Tag == "JJ" || toks[j].Tag == "VBN" || toks[j].Tag == "JJS" || toks[j].Tag == "RBS" || toks[j].Tag == "PDT" || strings.Contains(toks[j].Text, "-")) {
				j--
			}
			if j >= 0 && subordinators[toks[j].Lower] && chainBetween(st, m.Tok1, head) {
				return mi // "after the ICC issued a warrant": a clause's subject, not a preposition's object
			}
			if j >= 0 && toks[j].Lower == "with" && m.Tok1 <= head && m.Tok1 < len(toks) && toks[m.Tok1].Tag == "VBG" {
				return mi // "with Baghdad committing to disarm …": the gerund's subject
			}
			if j >= 0 && preps[toks[j].Lower] && toks[j].Tag != "TO" && toks[j].Lower != "to" && !approxNumber(st, j) {
				k = m.Tok0
				continue
			}
			if j >= 0 && j < first-1 && toks[j].Lower == "to" && !(j > 0 && toks[j-1].Lower == "up") {
				k = m.Tok0 // "to most West Africans"
				continue
			}
			if m.Tok0 > 0 && toks[m.Tok0-1].Lower == "to" && !(m.Tok0 > 1 && toks[m.Tok0-2].Lower == "up") {
				k = m.Tok0 // "to Iran", but "up to 1,000 Turks" is a subject
				continue
			}
			return mi
		}
		if (t.Text == "—" || t.Text == "--" || t.Text == "–" || t.Text == ")") && k+1 == head {
			// "The governors of Texas — three states that border Mexico —
			// backed …": the subject is before the aside
			open := "("
			if t.Text != ")" {
				open = t.Text
			}
			for j := k - 1; j >= 0 && j >= k-25; j-- {
				if toks[j].Text == open {
					// (only an aside with a verb of its own: "(ILO)" is
					// the subject's abbreviation)
					for x := j + 1; x < k; x++ {
						if isVerb(toks[x].Tag) || toks[x].Tag == "WDT" || toks[x].Tag == "WP" || toks[x].Lower == "that" || toks[x].Lower == "who" || toks[x].Lower == "which" {
							k = j
							break
						}
					}
					break
				}
			}
			continue
		}
		if t.Text == "," {
			// skip a relative clause or appositive: ", which …," / ", who …,"
			if p := prevComma(st, k); p >= 0 && p+1 < k && (toks[p+1].Tag == "WDT" || toks[p+1].Tag == "WP") {
				k = p
				continue
			}
			// an appositive right before the verb, its subject before it:
			// "The Observatory, a UK-based group that tracks the war, said"
			// (an appositive that is itself an actor, "X, a spokesman for
			// the junta, said", is found as before)
			if p := prevComma(st, k); k+1 == head && p > 0 && p+1 < k && (toks[p+1].Lower == "a" || toks[p+1].Lower == "an") &&
				st.coveredBy[p-1] >= 0 && !actorIn(st, p+1, min(p+3, k)) && !roleNouns[toks[p+2].Lower] {
				return st.coveredBy[p-1]
			}
		}
		if (t.Tag == "WDT" || t.Tag == "WP") && relativeSubject(st, k, head) {
			// "the minister, who visited Moscow": the antecedent
			j := k - 1
			if j >= 0 && st.toks[j].Text == "," {
				j--
			}
			if j >= 0 && st.coveredBy[j] >= 0 {
				return st.coveredBy[j]
			}
			return -1
		}
		if t.Text == ";" || t.Tag == "WDT" || t.Tag == "WP" {
			return -1
		}
		if (t.Lower == "and" || t.Lower == "but" || t.Lower == "or") && k+1 == head {
			// coordinated verbs ("accused X of …, and called for …"):
			// the subject of the first verb
			// (the nearest such verb whose subject is an actor: in "X said
			// the case was closed and warned Y", X)
			tries := 0
			for v := k - 1; v >= 0 && tries < 3; v-- {
				if tg := toks[v].Tag; (tg == "VBD" || tg == "VBZ" || tg == "VBP") && !st.attrib[v] && !adjectivalVBD(st, v) {
					tries++
					if s := subject(st, v); s >= 0 {
						return s
					}
				}
			}
			return -1
		}
		if (t.Lower == "and" || t.Lower == "but") && k > 0 && toks[k-1].Text == "," && k+1 < head && st.coveredBy[k+1] < 0 {
			// ", and the two sides signed …": a new clause with a subject
			// that is no actor
			return -1
		}
		if adjectivalVBD(st, k) {
			continue // "precision guided missiles": a participle between nouns
		}
		if sawNoun && (t.Tag == "WRB" || t.Tag == "IN" && subordinators[t.Lower]) {
			// "… when a patrol was reported": the clause's own subject
			// is that noun, no actor
			return -1
		}
		if t.Tag == "PRP" && st.coveredBy[k] < 0 && subjectPronouns[t.Lower] && !sawNoun {
			// an unresolved pronoun is the clause's subject: after "told
			// reporters", the teller's ("Iran told reporters it would
			// attack"), never the object before it
			for v := k - 1; v >= 0 && v >= k-6; v-- {
				if boundary(toks[v]) || toks[v].Text == "," {
					break
				}
				if isVerb(toks[v].Tag) {
					if sayVerbs[toks[v].Lower] || sayVerbs[toks[v].Lemma] {
						return subject(st, v)
					}
					break
				}
			}
			return -1
		}
		if isNoun(t.Tag) && st.coveredBy[k] < 0 && !timeWords[t.Lower] {
			sawNoun = true
		}
		if (t.Tag == "VBD" || t.Tag == "VBN") && k > 0 && k+1 < head && (toks[k+1].Tag == "IN" || toks[k+1].Tag == "TO") &&
			!sayVerbs[t.Lower] && (st.coveredBy[k-1] >= 0 || isNoun(toks[k-1].Tag)) && participleModifier[t.Lower] {
			continue // "hackers linked to Russia attacked …": a participle after the subject
		}
		if isVerb(t.Tag) && !beForms[t.Lower] && !modals[t.Lower] && t.Tag != "VBN" && t.Tag != "VBG" && t.Tag != "MD" && !perfectSay(st, k) {
			// another finite verb: its subject is ours only through a
			// say/report verb with a pronoun clause ("X said it would …"),
			// not "X said the strikes hit homes"
			if !sayVerbs[t.Lower] && !sayVerbs[t.Lemma] || sawNoun {
				return -1
			}
		}
	}
	return -1
}

// participleModifier are participles that describe a noun phrase
// ("linked to", "backed by", "allied with") rather than head a clause.
var participleModifier = set("linked", "backed", "allied", "aligned", "affiliated", "loyal", "tied", "connected",
	"supported", "funded", "armed", "trained", "based", "led", "sponsored", "associated", "close")

// allegationWords put what follows "of"/"with"/"for" as a charge: "suspected
// of planning", "charged with attacking" ("guilty of", "convicted of" report
// what was done, and are coded).
var allegationWords = set("accused", "suspected", "charged", "arrested", "detained", "acquitted", "cleared",
	"indicted", "blamed", "wanted", "tried", "innocent")

// attemptWords are gerunds whose "to"-complement is what a charge is
// about: "accused of trying to annex".
var attemptWords = set("trying", "attempting", "planning", "plotting", "seeking", "conspiring", "preparing", "aiming")

// allegedContent reports whether the verb at head is what someone is
// accused, suspected or charged of: a gerund after "of"/"with"/"for"
// ("suspected of planning", "charged with attacking"), or the
// "to"-complement of such a gerund ("accused Moscow of trying to annex"),
// where the allegation word stands before "of", at most a short noun phrase
// away ("accused the rebels of"). ("guilty of", "convicted of" report what
// was done, and are coded.)
func allegedContent(st *sent, head int) bool {
	if head < 2 || head >= len(st.toks) {
		return false
	}
	g := head
	if st.toks[g].Tag == "VB" && st.toks[g-1].Lower == "to" && g >= 3 && attemptWords[st.toks[g-2].Lower] {
		g -= 2
	}
	if st.toks[g].Tag != "VBG" {
		return false
	}
	switch st.toks[g-1].Lower {
	case "of", "with", "for":
	default:
		return false
	}
	for k := g - 2; k >= 0 && k >= g-8; k-- {
		t := st.toks[k]
		if allegationWords[t.Lower] || allegationLemmas[t.Lemma] {
			return true
		}
		if boundary(t) || t.Text == "," || isVerb(t.Tag) {
			return false
		}
	}
	return false
}

// allegationLemmas are the verbs whose forms put what follows "of" as a
// charge, whatever their inflection ("accusing the army of").
var allegationLemmas = set("accuse", "suspect", "charge", "indict", "blame")

// approxNumber reports whether token j is a preposition that rounds the
// number after it ("About 200 supporters", "over 150 prisoners").
func approxNumber(st *sent, j int) bool {
	switch st.toks[j].Lower {
	case "about", "around", "over", "under", "nearly", "almost", "some":
		return j+1 < len(st.toks) && st.toks[j+1].Tag == "CD"
	}
	return false
}

// perfectSay reports whether token k is the "have" of a verb of saying in
// the perfect ("has said it will …", "had repeatedly stated"), which
// passes the search for a subject on as the say verb itself does.
func perfectSay(st *sent, k int) bool {
	switch st.toks[k].Lower {
	case "has", "have", "had", "'ve", "'d":
	default:
		return false
	}
	j := k + 1
	for j < len(st.toks) && st.toks[j].Tag == "RB" {
		j++
	}
	return j < len(st.toks) && (st.toks[j].Tag == "VBN" || st.toks[j].Tag == "VBD") && (sayVerbs[st.toks[j].Lower] || sayVerbs[st.toks[j].Lemma])
}

// newClauseSubject reports whether mention next, after mention prev,
// opens a new clause as its subject: a nominative pronoun, or a mention
// after ", and" that a finite verb follows while prev is the object of a
// verb or preposition ("… attacked Syrian rebels, and Iran condemned …";
// but "Iran, Syria, and Russia condemned" is one list).
func newClauseSubject(st *sent, prev, next int) bool {
	p, m := st.ments[prev], st.ments[next]
	switch st.toks[m.Tok0].Lower {
	case "he", "she", "they", "we", "i":
		return true
	}
	if m.Tok1 >= len(st.toks) || p.Tok0 == 0 || !hasConj(st, p.Tok1, m.Tok0) {
		return false
	}
	comma := false
	for k := p.Tok1; k < m.Tok0; k++ {
		comma = comma || st.toks[k].Text == ","
	}
	switch st.toks[m.Tok1].Tag {
	case "VBD", "VBZ", "VBP", "MD":
	default:
		return false
	}
	before := st.toks[p.Tok0-1]
	return comma && (isVerb(before.Tag) || before.Tag == "IN")
}

// objectRelativeHead returns the actor an object relative clause with a
// pronoun subject hangs on ("four executives (that) it accused of …"), for
// the verb chain starting at head, or -1.
func objectRelativeHead(st *sent, head int) int {
	k := head - 1
	if k < 1 || st.coveredBy[k] >= 0 || (st.toks[k].Lower != "it" && st.toks[k].Lower != "they") {
		return -1
	}
	if tg := st.toks[head].Tag; tg != "VBD" && tg != "VBZ" && tg != "VBP" {
		return -1
	}
	j := k - 1
	if l := st.toks[j].Lower; (l == "whom" || l == "which") && j > 0 {
		j-- // (not "that", which as often opens a complement: "told Iraq that it must")
	}
	return st.coveredBy[j]
}

// firstConjoined returns the first token of the coordination mention mi
// belongs to ("the UN and the Church" for "the Church").
func firstConjoined(st *sent, mi int) int {
	f := st.ments[mi].Tok0
	for _, x := range conjoinedMentions(st, mi) {
		f = min(f, st.ments[x].Tok0)
	}
	return f
}

// inside finds an actor inside the words a pattern spans but did not name:
// "support Turkey's efforts", "give Tanzania a grant".
func inside(st *sent, m *match) int {
	for k := m.anchor + 1; k < m.end && k < len(st.toks); k++ {
		if mi := st.startAt[k]; mi >= 0 && mi != m.source {
			return mi
		}
	}
	return -1
}

// topicModifier reports whether mention mi modifies a noun in a phrase
// after "on", "about" or "over" that names a topic ("negotiations on an
// Israeli troop pullback", "talks on limiting European-based missiles").
func topicModifier(st *sent, mi int) bool {
	m := st.ments[mi]
	if m.Tok1 >= len(st.toks) || !isNoun(st.toks[m.Tok1].Tag) || st.coveredBy[m.Tok1] >= 0 {
		return false
	}
	for k := m.Tok0 - 1; k >= 0 && k >= m.Tok0-6; k-- {
		switch t := st.toks[k]; {
		case t.Lower == "on" || t.Lower == "about" || t.Lower == "over" || t.Lower == "regarding" || t.Lower == "concerning":
			return true
		case t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "CD" || t.Tag == "VBG" || t.Tag == "NN" || t.Tag == "NNS" || t.Tag == "IN" && t.Lower == "of":
			continue
		}
		return false
	}
	return false
}

// hasTargetSlot reports whether pattern p names its target ("+").
func hasTargetSlot(p *lexicon.VerbPattern) bool {
	for _, e := range p.Elems {
		if e.Kind == lexicon.ElemTarget {
			return true
		}
	}
	return false
}

// ownedBy reports whether mention mi is a source's own, by a possessive
// pronoun ("its troops", "their forces") and the same country (or the
// organisation's forces, which carry no country of their own).
func ownedBy(st *sent, mi int, srcs []int) bool {
	m := st.ments[mi]
	k := m.Tok0
	if w := st.toks[k].Lower; w != "its" && w != "their" && w != "his" && w != "her" {
		if k == 0 {
			return false
		}
		if w := st.toks[k-1].Lower; w != "its" && w != "their" && w != "his" && w != "her" {
			return false
		}
	}
	for _, s := range srcs {
		sc := st.ments[s].Country
		if sc != "" && sc == m.Country || strings.HasPrefix(st.ments[s].Code, "IGO") && (m.Country == "" || strings.HasPrefix(m.Code, "IGO")) {
			return true
		}
	}
	return false
}

// demandWords govern a that-clause whose verb is demanded, not done.
var demandWords = set("demand", "demanded", "demands", "demanding", "insist", "insisted", "insists",
	"urge", "urged", "urges", "urging", "request", "requested", "requests", "ask", "asked", "asks",
	"recommend", "recommended", "recommends", "propose", "proposed", "proposes", "suggest",
	"suggested", "suggests", "require", "required", "requires", "call", "called", "calls")

// demandedContent reports whether the verb at head is the base form in a
// that-clause after a word of demanding ("demanded that Hamas renounce
// violence", "its demand that Israel ease restrictions"): the clause's
// subject, then the verb, after "that".
func demandedContent(st *sent, head int) bool {
	if head <= 0 || head >= len(st.toks) {
		return false
	}
	switch t := st.toks[head]; t.Tag {
	case "VBD", "VBZ", "VBN", "VBG", "MD":
		if t.Lower != t.Lemma || t.Tag == "MD" {
			return false // ("insisted that Israel eased …": a claim of what was done)
		}
		// (a base form the tagger took for a past: "that the government
		// scrap the tax")
	}
	for k := head - 1; k > 0 && k >= head-10; k-- {
		t := st.toks[k]
		if boundary(t) || t.Text == "," || isVerb(t.Tag) && t.Tag != "VBN" && t.Tag != "VBG" {
			return false
		}
		if t.Lower == "that" && k+1 < head {
			j := k - 1
			for j > 0 && (timeWords[st.toks[j].Lower] || st.toks[j].Tag == "RB") {
				j-- // "reiterated its demand today that Israel ease …"
			}
			return demandWords[st.toks[j].Lower]
		}
	}
	return false
}

// domesticForce reports whether a is a state's police or courts, whose
// acts fall on the state's own people.
func domesticForce(a *dyad.Actor) bool {
	if a == nil || a.Country == "" || len(a.Code) < 6 {
		return false
	}
	sec := a.Code[3:6]
	return sec == "COP" || sec == "JUD"
}

// possessiveMention reports whether mention mi is followed by a
// possessive "'s" ("Turkey's").
func possessiveMention(st *sent, mi int) bool {
	k := st.ments[mi].Tok1
	if k < len(st.toks) {
		if t := st.toks[k]; t.Tag == "POS" || t.Lower == "'s" || t.Lower == "’s" {
			return true
		}
	}
	last := st.toks[k-1].Lower
	return strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "’s")
}

// relativeSubject reports whether the relative pronoun at k is the subject
// of the verb chain starting at head ("who visited", "which has attacked").
func relativeSubject(st *sent, k, head int) bool {
	switch st.toks[k].Lower {
	case "who", "which", "that":
	default:
		return false
	}
	for j := k + 1; j < head; j++ {
		t := st.toks[j]
		if !(t.Tag == "RB" || t.Tag == "MD" || beForms[t.Lower] || t.Lower == "has" || t.Lower == "have" || t.Lower == "had") {
			return false
		}
	}
	return true
}

// prevComma returns the index of the comma before position k, or -1.
func prevComma(st *sent, k int) int {
	for p := k - 1; p >= 0 && p >= k-20; p-- {
		if st.toks[p].Text == "," {
			return p
		}
	}
	return -1
}

// object finds the first actor after the match in the same clause. With
// strict set, a common noun that is no actor ends the search: the pattern's
// object slot was taken by something else ("received assurances from …").
func object(st *sent, from int, strict bool) (found int) {
	toks := st.toks
	place := -1
	defer func() {
		if found < 0 {
			found = place
		}
	}()
	for k := from; k < len(toks) && k < from+12; k++ {
		if st.attrib[k] {
			return -1
		}
		if mi := st.startAt[k]; mi >= 0 {
			if om := st.ments[mi]; (om.Kind == "capital" || om.Kind == "place") && om.Tok1 < len(toks) && attackNouns[toks[om.Tok1].Lower] {
				k = om.Tok1 - 1 // "condemned the Moscow attacks": where they were, not whom
				continue
			}
			if k > 0 && locatives[toks[k-1].Lower] {
				// "protested in Ramallah against the occupation": a place
				// is the target only when no participant follows
				if place < 0 {
					place = mi
				}
				k = st.ments[mi].Tok1 - 1
				continue
			}
			return mi
		}
		t := toks[k]
		if boundary(t) || (t.Text == "," && (k > from || k+1 < len(toks) && toks[k+1].Lower == "with")) || subordinators[t.Lower] && t.Tag == "IN" ||
			k > from && (t.Tag == "WRB" || t.Tag == "WDT" || t.Tag == "WP") {
			return -1 // (nor in a relative clause: "a curfew in Montenegro, where 28 people …")
		}
		if (t.Tag == "VBN" || t.Tag == "VBD") && k+1 < len(toks) && toks[k+1].Lower == "by" {
			return -1 // "an agreement brokered by the United States"
		}
		if k > from && (t.Lower == "and" || t.Lower == "but") && k+1 < len(toks) && (strings.HasPrefix(toks[k+1].Tag, "VB") || toks[k+1].Tag == "JJ" && strings.HasSuffix(toks[k+1].Lower, "ed")) {
			return -1 // "denied the group was behind the attack and accused X": the next verb's object
		}
		if k > from && finiteParticiple(st, k) {
			return -1 // "said such a step enjoyed support from Moscow"
		}
		if isVerb(t.Tag) && t.Tag != "VBN" && t.Tag != "VBG" && !determinedVBD(st, k) {
			// "to help defend Saudi Arabia": pass through infinitives
			if !(t.Tag == "VB" && k > from && (toks[k-1].Lower == "to" || toks[k-1].Tag == "VB")) {
				return -1
			}
		}
		if strict && isNoun(t.Tag) {
			return -1
		}
	}
	return -1
}

// determinedVBD reports whether token k, tagged a past verb, is an
// adjective inside a noun phrase: after a determiner or number and before
// a noun ("the two exiled dissidents").
func determinedVBD(st *sent, k int) bool {
	t := st.toks
	if t[k].Tag != "VBD" || k == 0 || k+1 >= len(t) {
		return false
	}
	switch t[k-1].Tag {
	case "DT", "CD", "PRP$", "JJ":
	default:
		return false
	}
	return isNoun(t[k+1].Tag) || st.startAt[k+1] >= 0
}

// byAgent finds "by ACTOR" after a passive verb.
func byAgent(st *sent, from int) int {
	for k := from; k < len(st.toks) && k < from+8; k++ {
		if st.toks[k].Lower == "by" {
			j := k + 1
			for j < len(st.toks) && st.startAt[j] < 0 && skippable(st.toks[j]) {
				j++
			}
			if j < len(st.toks) {
				return st.startAt[j]
			}
			return -1
		}
		if boundary(st.toks[k]) {
			return -1
		}
	}
	return -1
}

// conjoined returns mi and the mentions coordinated with it ("Iran and
// Syria", "Iran, Iraq and Syria"), left and right.
func conjoined(st *sent, mi int) []int {
	out := sharedPlaces(st, conjoinedMentions(st, mi))
	// "the two sides" stands for two actors
	var pairs []int
	for _, x := range out {
		if st.ments[x].Kind != "pair" {
			continue
		}
		for y, m := range st.ments {
			if y != x && m.Kind == "pair" && m.Tok0 == st.ments[x].Tok0 {
				pairs = append(pairs, y)
			}
		}
	}
	return append(out, pairs...)
}

// sharedPlaces gives a country-less agent that opens a coordinated list
// the countries of the agents after it that a trailing "in/of/from
// COUNTRY" phrase places: "lawmakers and officials in Freedonia and
// Sylvania" are the lawmakers of both countries as well as their
// officials. The agent's mention is replaced by one mention per country
// (added to st.ments once). Other lists are returned as they are.
func sharedPlaces(st *sent, out []int) []int {
	if len(out) < 2 {
		return out
	}
	first := st.ments[out[0]]
	if first.Country != "" || !strings.HasPrefix(first.Code, "---") || len(first.Code) <= 3 || first.Kind == "pronoun" {
		return out
	}
	next := st.ments[out[1]]
	placed := false
	for k := next.Tok0 + 1; k+1 < next.Tok1 && k < len(st.toks); k++ {
		switch st.toks[k].Lower {
		case "in", "of", "from":
			placed = true
		}
	}
	if !placed || next.Country == "" || next.Tok0 <= first.Tok1 {
		return out
	}
	for k := first.Tok1; k < next.Tok0; k++ {
		if l := st.toks[k].Lower; l != "and" && l != "or" {
			return out
		}
	}
	var countries []dyad.OptString
	for _, x := range out[1:] {
		c := st.ments[x].Country
		if c != "" && !slices.Contains(countries, c) {
			countries = append(countries, c)
		}
	}
	var spread []int
	for _, c := range countries {
		m := first
		m.Country, m.Code, m.Entity = c, string(c)+first.Code[3:], ""
		at := -1
		for y, o := range st.ments {
			if o.Tok0 == m.Tok0 && o.Tok1 == m.Tok1 && o.Code == m.Code {
				at = y
				break
			}
		}
		if at < 0 {
			st.ments = append(st.ments, m)
			at = len(st.ments) - 1
		}
		spread = append(spread, at)
	}
	return append(spread, out[1:]...)
}

func conjoinedMentions(st *sent, mi int) []int {
	out := []int{mi}
	seen := map[string]bool{st.ments[mi].Entity: true}
	add := func(x int, front bool) bool {
		m := st.ments[x]
		if st.attrib[m.Tok0] {
			return false
		}
		if m.Entity != "" && seen[m.Entity] {
			return true // an appositive of the same entity
		}
		seen[m.Entity] = true
		if front {
			out = append([]int{x}, out...)
		} else {
			out = append(out, x)
		}
		return true
	}
	sawConj := false
	for cur := mi; cur > 0; {
		prev := cur - 1
		a, b := st.ments[prev].Tok1, st.ments[cur].Tok0
		pm := st.ments[prev]
		if newClauseSubject(st, prev, cur) {
			break
		}
		if parenGap(st, a, b) {
			// "the National Liberation Army (ELN) rebel group": one
			// phrase around its abbreviation
			cur = prev
			continue
		}
		if !coordinated(st, a, b) || !hasConj(st, a, b) && !sawConj && !(prev > 0 && coordinated(st, st.ments[prev-1].Tok1, pm.Tok0)) {
			break
		}
		sawConj = sawConj || hasConj(st, a, b)
		if pm.Tok0 > 0 && preps[st.toks[pm.Tok0-1].Lower] && !subordinators[st.toks[pm.Tok0-1].Lower] {
			break // "In New Delhi, an Indian Army official …" (but "after Iran and Iraq signed …")
		}
		if !add(prev, true) {
			break
		}
		cur = prev
	}
	// rightwards, a list joined only by commas counts when it ends in
	// "and"/"or" or has three members: "Iran, Iraq and Syria", not
	// "militants, Reuters".
	var right []int
	keep := 0
	for cur := mi; cur+1 < len(st.ments); {
		next := cur + 1
		a, b := st.ments[cur].Tok1, st.ments[next].Tok0
		if !coordinated(st, a, b) || st.attrib[st.ments[next].Tok0] || newClauseSubject(st, cur, next) {
			break
		}
		right = append(right, next)
		if hasConj(st, a, b) {
			keep = len(right)
		}
		cur = next
	}
	if keep == 0 && len(right) >= 2 {
		keep = len(right) // "Iran, Libya, North Korea, Sudan" is a list too
	}
	for _, x := range right[:keep] {
		add(x, false)
	}
	return out
}

// reciprocal reports whether an event of this code between coordinated
// subjects and no object is one they do with each other ("Iran and Syria
// signed an agreement"): intents, consultations, diplomatic and material
// cooperation.
func reciprocal(code string) bool {
	switch code {
	case "042", "043", "045", "051", "052", "053", "054", "055", "056":
		// visiting, hosting, mediating, praising, defending, rallying,
		// recognising, apologising, forgiving: "Egypt and Qatar hosted
		// talks" are co-hosts, not each other's guests
		return false
	}
	switch root(code) {
	case "03", "04", "05", "06":
		return true
	}
	return code == "0871" // "Mali and the rebels signed a ceasefire": with each other
}

// negatedCode is the code of a pattern's action when it is negated or
// refused: the pattern's neg= code, else CAMEO's refusal (12x) of it, else
// "" (no event: "did not attack" is not coded).
func negatedCode(p *lexicon.VerbPattern, code string) string {
	if p.Neg != "" {
		return p.Neg
	}
	return cameo.Refusal(code)
}

// neitherNor reports whether "neither" or "nor" stands in tokens [from-1,
// to): a subject negated by them.
func neitherNor(st *sent, from, to int) bool {
	for k := max(from-1, 0); k < to; k++ {
		if l := st.toks[k].Lower; l == "neither" || l == "nor" {
			return true
		}
	}
	return false
}

// placeMention reports whether mention mi is a place ("in Baghdad").
func placeMention(st *sent, mi int) bool {
	k := st.ments[mi].Tok0
	return k > 0 && locatives[st.toks[k-1].Lower]
}

// afterInfinitive reports whether a "to VERB" lies in tokens [from, to).
func afterInfinitive(st *sent, from, to int) bool {
	for k := from; k+1 < to; k++ {
		if st.toks[k].Lower == "to" && st.toks[k+1].Tag == "VB" {
			return true
		}
	}
	return false
}

// attackNouns name an attack whose victim may follow "on"/"against".
var attackNouns = set("attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "aggression",
	"raid", "raids", "bombing", "bombings", "shelling", "offensive", "incursion", "incursions", "assault", "invasion")

// attackerOf answers who a condemnation of an attack is aimed at: "We
// condemn any attack on Syria" targets the attacker, not Syria. The
// attacker is the attack's owner ("Israel's attack on Syria"), else the
// source of the latest violent event against the victim's country coded
// earlier in the document. nil keeps the victim as the target.
func attackerOf(a *dyad.Analysis, st *sent, m *match, code string, victim int) *dyad.Actor {
	if root(code) != "11" || victim < 0 {
		return nil
	}
	vm := st.ments[victim]
	noun := -1
	for k := m.anchor + 1; k < vm.Tok0 && k < len(st.toks); k++ {
		if attackNouns[st.toks[k].Lower] {
			noun = k
		}
	}
	if noun < 0 || noun+1 >= len(st.toks) {
		return nil
	}
	switch st.toks[noun+1].Lower {
	case "on", "against", "targeting":
	default:
		return nil
	}
	for k := noun - 1; k > m.anchor; k-- {
		if mi := st.coveredBy[k]; mi >= 0 && mi != victim {
			return actorOf(st.ments[mi]) // "Israel's attack on Syria"
		}
	}
	for i := len(a.Events) - 1; i >= 0; i-- {
		e := a.Events[i]
		if e.Root >= "14" && e.Target != nil && e.Target.Country != "" && e.Target.Country == vm.Country && e.Source.Country != vm.Country {
			src := *e.Source
			return &src
		}
	}
	return nil
}

// conditional reports whether an "if" or "unless" clause follows.
func conditional(st *sent, from int) bool {
	for k := from; k < len(st.toks); k++ {
		if l := st.toks[k].Lower; l == "if" || l == "unless" {
			return true
		}
	}
	return false
}

// thingSubject reports whether the subject of the passive verb chain
// starting at head is a common noun no actor covers ("The projects have
// been executed"), the noun right before the chain or before a reduced
// relative's participle.
func thingSubject(st *sent, head int) bool {
	k := head - 1
	for k >= 0 && (st.toks[k].Lemma == "have" || beForms[st.toks[k].Lower] || st.toks[k].Lower == "been" || st.toks[k].Tag == "RB" || st.toks[k].Tag == "MD") {
		k--
	}
	if k < 0 || st.coveredBy[k] >= 0 {
		return false
	}
	t := st.toks[k]
	return (t.Tag == "NN" || t.Tag == "NNS") && !meetingNouns[t.Lower]
}

// personalCode reports whether an event of this code is done to actors
// only: cooperation and its refusal (roots 01-08), assaults on persons and
// assassinations (182, 185, 186) — not an attack, which may hit a thing.
func personalCode(code string) bool {
	r := root(code)
	return r < "09" || strings.HasPrefix(code, "182") || strings.HasPrefix(code, "185") || strings.HasPrefix(code, "186")
}

// meetingNouns name gatherings, which are hosted, mediated and attended as
// actors are: "the talks were hosted by Egypt".
var meetingNouns = set("talks", "meeting", "meetings", "summit", "summits", "conference", "conferences",
	"negotiations", "dialogue", "consultations", "visit", "visits")

// foreignVictims returns the place of a violent passive whose victims,
// the subject subj, are of another country than the place ("Russian
// soldiers were killed in Ukraine": by Ukraine), or -1.
func (c *Coder) foreignVictims(st *sent, m *match, code string, subj int) int {
	if root(code) != "18" && root(code) != "19" && code != "173" {
		// (and arrests: "20 Syrian rebels were arrested in Turkey" are
		// Turkey's arrests)
		return -1
	}
	if pl := placeAfter(st, m.end); pl >= 0 && st.ments[pl].Country != "" && st.ments[subj].Country != "" &&
		st.ments[pl].Country != st.ments[subj].Country && c.lex.IsState(string(st.ments[subj].Country)) {
		// (a people is no foreigner: "Kurdish fighters killed in Afrin")
		return pl
	}
	return -1
}

// monitorReport returns the speaker of the say verb the clause of an
// event depends on when that speaker is a rights monitor or another
// non-governmental body (sector HRI or NGO) and none of the sources, or -1.
func monitorReport(st *sent, m *match, srcs, tgts []int) int {
	first := -1
	for _, x := range append(append([]int(nil), srcs...), tgts...) {
		if st.ments[x].Tok0 < m.head && (first < 0 || st.ments[x].Tok0 < st.ments[first].Tok0) {
			first = x
		}
	}
	if first < 0 {
		return -1
	}
	sp := sayGovernor(st, []int{first})
	if sp < 0 || slices.Contains(srcs, sp) {
		return -1
	}
	spm := st.ments[sp]
	if !slices.Contains(spm.Sectors, "HRI") && !slices.Contains(spm.Sectors, "NGO") {
		return -1
	}
	for _, s := range srcs {
		if st.ments[s].Code == spm.Code || spm.Entity != "" && st.ments[s].Entity == spm.Entity {
			return -1
		}
	}
	return sp
}

// placeAfter returns the first place mention ("in Ukraine") in the clause
// after token from, or -1.
func placeAfter(st *sent, from int) int {
	for k := from; k < len(st.toks) && k < from+8; k++ {
		if mi := st.startAt[k]; mi >= 0 && placeMention(st, mi) {
			return mi
		}
		if boundary(st.toks[k]) {
			return -1
		}
	}
	return -1
}

// actorIn reports whether an agent or a person (a mention with sectors,
// not a bare country as in "UK-based") starts in tokens [from, to): for an
// appositive, whether its head ("a spokesman for …") is one.
func actorIn(st *sent, from, to int) bool {
	for k := from; k < to; k++ {
		if mi := st.startAt[k]; mi >= 0 && len(st.ments[mi].Sectors) > 0 {
			return true
		}
	}
	return false
}

// roleNouns head appositives that say whom a person speaks or acts for
// ("X, a spokesman for the junta,"): the subject search goes on to the
// body they name.
var roleNouns = set("spokesman", "spokeswoman", "spokesperson", "member", "official", "leader", "head", "chief",
	"commander", "adviser", "advisor", "minister", "envoy", "ambassador", "representative", "director", "aide")

// documentNouns name texts that speak for whoever issued them.
var documentNouns = set("statement", "statements", "report", "reports", "communique", "communiqué", "declaration",
	"memo", "letter", "bulletin", "study", "document", "dossier", "resolution", "decree")

// ownedThings are nouns for what belongs to or shelters an actor: done to
// them, it is done to the actor ("the home of a Syrian opposition leader
// was attacked").
var ownedThings = set("home", "homes", "house", "houses", "residence", "residences", "headquarters", "office",
	"offices", "camp", "camps", "convoy", "convoys", "embassy", "embassies", "consulate", "consulates", "compound",
	"compounds", "base", "bases", "bus", "buses", "vehicle", "vehicles", "car", "cars", "ship", "ships", "boat",
	"boats", "plane", "planes", "positions", "position", "village", "villages", "property", "properties",
	"mosque", "mosques", "church", "churches", "school", "schools", "hospital", "hospitals", "shelter", "shelters")

// thingOwner returns, for a passive verb chain at head whose subject is
// no actor, the actor whose thing the subject names ("a camp for Congolese
// refugees", "the offices of the opposition", "a convoy carrying aid
// workers"), or -1.
func thingOwner(st *sent, head int) int {
	toks := st.toks
	for k := head - 1; k >= 1; k-- {
		t := toks[k]
		if isVerb(t.Tag) && t.Tag != "VBG" || boundary(t) || t.Text == "," {
			return -1
		}
		mi := st.startAt[k]
		if mi < 0 {
			continue
		}
		j := k - 1
		for j > 0 && (toks[j].Tag == "DT" || toks[j].Tag == "JJ" || toks[j].Tag == "CD") && st.coveredBy[j] < 0 {
			j--
		}
		switch toks[j].Lower {
		case "of", "for", "carrying", "housing", "belonging":
			n := j - 1
			if toks[j].Lower == "belonging" || n >= 0 && toks[n].Lower == "to" {
				return -1
			}
			for n > 0 && (toks[n].Tag == "JJ" || toks[n].Tag == "NN") && !ownedThings[toks[n].Lower] {
				n--
			}
			if n >= 0 && ownedThings[toks[n].Lower] {
				return mi
			}
		}
		return -1
	}
	return -1
}

// documentIssuer returns the verb that puts out the document a participle
// at head speaks for ("issued a statement demanding …", "sent a letter
// urging …"), or -1: the participle follows a document noun (and
// adverbs), which follows that verb (and a determiner or adjectives).
func documentIssuer(st *sent, head int) int {
	toks := st.toks
	for head < len(toks) && toks[head].Tag == "RB" {
		head++ // a verb chain's adverbs ("strongly condemning")
	}
	if head < 3 || head >= len(toks) || toks[head].Tag != "VBG" {
		return -1
	}
	d := head - 1
	for d > 0 && toks[d].Tag == "RB" {
		d--
	}
	if !documentNouns[toks[d].Lower] || st.coveredBy[d] >= 0 {
		return -1
	}
	v := d - 1
	for v > 0 && d-v <= 3 && (toks[v].Tag == "DT" || toks[v].Tag == "JJ" || toks[v].Tag == "PRP$" || toks[v].Tag == "CD") {
		v--
	}
	if issueForms[toks[v].Lower] && isVerb(toks[v].Tag) {
		return v
	}
	return -1
}

// issueForms put out a document that then speaks for its issuer.
var issueForms = set("issue", "issued", "issues", "issuing", "release", "released", "releases", "releasing",
	"publish", "published", "publishes", "publishing", "send", "sent", "sends", "sending", "deliver", "delivered",
	"delivers", "read", "reads", "broadcast", "broadcasts", "post", "posted", "posts", "circulate", "circulated",
	"circulates", "distribute", "distributed", "distributes", "adopt", "adopted", "adopts", "adopting", "wrote",
	"written", "write", "writes", "signed", "sign", "signs", "submit", "submitted", "submits", "present",
	"presented", "presents", "pass", "passed", "passes", "approve", "approved", "approves")

// documentSource returns the issuer of a document that is the subject of
// the verb at head, or -1: "A statement issued in Tehran condemned …" (the
// government of the capital it came from), "a report released by the
// ministry said …".
func documentSource(st *sent, head int) int {
	toks := st.toks
	for d := head - 2; d >= 0 && d >= head-14; d-- {
		if !documentNouns[toks[d].Lower] || !issueForms[toks[d+1].Lower] {
			continue
		}
		for k := d + 2; k < head; k++ {
			mi := st.startAt[k]
			if mi < 0 {
				if t := toks[k]; t.Text == "," || isVerb(t.Tag) {
					return -1
				}
				continue
			}
			switch toks[k-1].Lower {
			case "by":
				return mi
			case "in", "from":
				// a country or its capital ("in Tehran", "in the Rwandan
				// capital"), not any town
				m := st.ments[mi]
				if m.Kind == "capital" || m.Kind == "country" || m.Tok1 < len(toks) && toks[m.Tok1].Lower == "capital" {
					return mi
				}
			}
			return -1
		}
		return -1
	}
	return -1
}

// accidentNouns are the heads of phrases that name an accident or a
// disaster rather than someone who acts ("killed by the MH17 crash").
var accidentNouns = set("crash", "crashes", "accident", "accidents", "collision", "derailment", "fire", "fires",
	"blaze", "storm", "storms", "flood", "floods", "flooding", "earthquake", "quake", "landslide", "mudslide",
	"avalanche", "hurricane", "typhoon", "cyclone", "tornado", "heatwave", "drought", "disease", "outbreak")

// accidentAgent reports whether by-agent mention mi only modifies an
// accident noun that follows it in the same phrase ("by the Malaysia
// Airlines flight MH17 crash").
func accidentAgent(st *sent, mi int) bool {
	for k := st.ments[mi].Tok1; k < len(st.toks) && k < st.ments[mi].Tok1+4; k++ {
		t := st.toks[k]
		if accidentNouns[t.Lower] {
			return true
		}
		if !strings.HasPrefix(t.Tag, "NN") && t.Tag != "CD" && t.Tag != "JJ" {
			return false
		}
	}
	return false
}

// allSectors reports whether every mention in ms has one of the sectors.
func allSectors(st *sent, ms []int, sectors ...string) bool {
	for _, mi := range ms {
		if !slices.ContainsFunc(st.ments[mi].Sectors, func(s string) bool { return slices.Contains(sectors, s) }) {
			return false
		}
	}
	return len(ms) > 0
}

// allOfficial reports whether every mention in ms is a state or its
// officials: a country or capital named as such, or a government,
// legislative, judicial or diplomatic agent.
func allOfficial(st *sent, ms []int) bool {
	for _, mi := range ms {
		m := st.ments[mi]
		if m.Country == "" || m.Country == "IGO" {
			return false
		}
		if len(m.Sectors) == 0 {
			if m.Kind != "country" && m.Kind != "capital" {
				return false // "Palestinians protested": people, not a state
			}
			continue
		}
		for _, sec := range m.Sectors {
			switch sec {
			case "GOV", "ELI", "LEG", "JUD", "SPY":
			default:
				return false
			}
		}
	}
	return len(ms) > 0
}

// riotCode reports whether a code is violence that, done by protesters,
// CAMEO codes as a riot (145): destroying property, physical assault and
// unspecified attacks.
func riotCode(code string) bool {
	return code == "1712" || code == "180" || code == "182" || code == "1821" || code == "1823" || code == "190"
}

// allProtesters reports whether every mention is a crowd of protesters,
// demonstrators or rioters (sector OPP with such a title).
func allProtesters(st *sent, ms []int) bool {
	for _, mi := range ms {
		m := st.ments[mi]
		if !slices.Contains(m.Sectors, "OPP") || !slices.ContainsFunc(st.toks[m.Tok0:m.Tok1], func(t dyad.Token) bool { return protestHeads[t.Lower] }) {
			return false // ("protesters in Tehran": the head before the place)
		}
	}
	return len(ms) > 0
}

// sameCountry reports whether two mentions are of one country, or one
// of them of none named.
func sameCountry(st *sent, a, b int) bool {
	ca, cb := st.ments[a].Country, st.ments[b].Country
	return ca == "" || cb == "" || ca == cb
}

// allForces reports whether every mention is a state's police or
// military.
func allForces(st *sent, ms []int) bool {
	for _, mi := range ms {
		if !slices.ContainsFunc(st.ments[mi].Sectors, func(s string) bool { return s == "MIL" || s == "COP" }) {
			return false
		}
	}
	return len(ms) > 0
}

// allArmed reports whether every mention is an armed force: military,
// rebels, armed groups.
func allArmed(st *sent, ms []int) bool {
	for _, mi := range ms {
		if !slices.ContainsFunc(st.ments[mi].Sectors, func(s string) bool { return s == "MIL" || s == "REB" || s == "UAF" }) {
			return false
		}
	}
	return len(ms) > 0
}

// unownedTroops reports whether a mention of forces names no owner of its
// own: no country, or one only inferred from the dateline, a place or the
// document ("additional troops"), or from where they are ("troops in
// Iran", whose country is the place's).
func unownedTroops(st *sent, mi int) bool {
	m := st.ments[mi]
	if m.Country == "" || strings.Contains(m.Kind, "+dateline") || strings.Contains(m.Kind, "+location") ||
		strings.Contains(m.Kind, "+document") {
		return true
	}
	for k := m.Tok0 + 1; k < m.Tok1 && k < len(st.toks); k++ {
		if placePreps[st.toks[k].Lower] {
			return true
		}
	}
	return false
}

// stateForces reports whether every mention in ms is a state's (or an
// international body's) regular armed forces: a military agent with a
// country, and no rebel, insurgent or irregular sector.
func stateForces(st *sent, ms []int) bool {
	for _, mi := range ms {
		m := st.ments[mi]
		state := len(m.Sectors) == 0 && m.Code == string(m.Country) && (m.Kind == "country" || m.Kind == "adjective" || m.Kind == "capital")
		if m.Country == "" || !slices.Contains(m.Sectors, "MIL") && !state {
			// (a state itself is its forces: "US Predator attacks killed
			// eight al-Qaeda leaders")
			return false
		}
		for _, sec := range m.Sectors {
			switch sec {
			case "REB", "UAF", "INS", "CRM", "SEP", "RAD":
				return false
			}
		}
	}
	return len(ms) > 0
}

// protestHeads are the nouns that name people protesting.
var protestHeads = set("protester", "protesters", "protestor", "protestors", "demonstrator", "demonstrators",
	"rioter", "rioters", "crowd", "crowds", "mob", "mobs")

// inCondition reports whether token head lies in an "if" or "unless"
// clause: one of those words before it, with no comma or semicolon
// between.
func inCondition(st *sent, head int) bool {
	for k := head - 1; k >= 0; k-- {
		switch st.toks[k].Lower {
		case "if", "unless":
			return true
		case "before", "until", "once":
			// "… must agree to changes before they demobilize": a
			// clause the main clause's modal makes future
			if k+1 < len(st.toks) && st.toks[k+1].Tag != "VBG" && modalBefore(st, k) {
				return true
			}
		case ",", ";", ":":
			return false
		}
	}
	return false
}

// modalBefore reports whether a modal of obligation, intent or future
// ("must", "will", "would", "should", "can") stands in the clause before
// token k.
func modalBefore(st *sent, k int) bool {
	for j := k - 1; j >= 0; j-- {
		t := st.toks[j]
		if boundary(t) || t.Text == "," || t.Text == ";" {
			return false
		}
		switch t.Lower {
		case "must", "will", "would", "should", "shall", "can", "could", "'ll":
			return true
		}
	}
	return false
}

// conditionSubject returns the mention that opens the first "if" or
// "unless" clause after token from ("unless Israel rescinded …", "if the
// United States goes ahead …"), or -1: the subject of the condition.
func conditionSubject(st *sent, from int) int {
	for k := from; k < len(st.toks); k++ {
		l := st.toks[k].Lower
		if l != "if" && l != "unless" {
			continue
		}
		for j := k + 1; j < len(st.toks) && j <= k+4; j++ {
			if mi := st.startAt[j]; mi >= 0 {
				return mi
			}
			if t := st.toks[j]; isVerb(t.Tag) || boundary(t) {
				break
			}
		}
		return -1
	}
	return -1
}

// asWellAs reports whether token k is part of "as well as".
func asWellAs(st *sent, k int) bool {
	for s := k - 2; s <= k; s++ {
		if s >= 0 && s+2 < len(st.toks) && st.toks[s].Lower == "as" && st.toks[s+1].Lower == "well" && st.toks[s+2].Lower == "as" {
			return true
		}
	}
	return false
}

// hasConj reports whether tokens [a, b) hold "and", "or" or "&".
// parenGap reports whether tokens [a, b) are only brackets: the gap
// around an abbreviation in parentheses.
func parenGap(st *sent, a, b int) bool {
	if b == a && a > 0 && st.toks[a-1].Text == ")" {
		return true // the mention took in its closing bracket
	}
	if b <= a || b-a > 2 {
		return false
	}
	for k := a; k < b; k++ {
		if t := st.toks[k].Text; t != "(" && t != ")" {
			return false
		}
	}
	return true
}

func hasConj(st *sent, a, b int) bool {
	for k := a; k < b; k++ {
		switch st.toks[k].Lower {
		case "and", "or", "nor", "&":
			return true
		}
	}
	return false
}

// coordinated reports whether tokens [a, b) join two actors: "and", ",",
// "as well as", "or", with optional determiners.
func coordinated(st *sent, a, b int) bool {
	if b <= a || b-a > 4 {
		return false
	}
	conj := false
	for k := a; k < b; k++ {
		t := st.toks[k]
		switch {
		case t.Lower == "and" || t.Lower == "or" || t.Lower == "nor" || t.Text == "," || t.Lower == "&":
			conj = true
		case t.Lower == "both":
		case (t.Lower == "as" || t.Lower == "well") && k+2 <= b && asWellAs(st, k):
		case t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "PRP$":
		case (t.Tag == "NNP" || t.Tag == "NNPS") && k == b-1 && st.coveredBy[k] < 0:
			// "the government and Muslim rebels": a modifier the
			// tagger took for a name, right before the member
		default:
			return false
		}
	}
	return conj
}

// events turns one match into events.
func (c *Coder) events(a *dyad.Analysis, st *sent, m *match) []dyad.Event {
	if m.pat.Tree && m.pat.Code == "---" && m.pat.Code2 != "" && m.pat.Code2 != "---" {
		// PETRARCH-2's "[:100]" is a code for the passive reading: "Obama
		// faces pressure from Congress" is Congress's demand of Obama
		pp := *m.pat
		pp.Code, pp.Code2 = pp.Code2, ""
		mm := *m
		mm.pat, mm.passive = &pp, true
		m = &mm
	}
	if c.opts.PhraseVerbs && m.compound >= 0 && st.ments[m.compound].Tok0 > m.anchor {
		// PETRARCH reads "%" as any actor at that point: after the verb,
		// its target ("agreed with Freedonia and Sylvania" is no
		// agreement between them)
		mm := *m
		if mm.compound = -1; m.target < 0 {
			mm.target = m.compound
		}
		m = &mm
	}
	if !m.pat.Foreign && m.head > 0 && st.toks[m.head].Tag == "VBG" {
		switch st.toks[m.head-1].Lower {
		case "against", "without", "from":
			// "a law against supporting terrorist groups", "refrained
			// from attacking": not done
			return nil
		}
	}
	if !m.pat.Foreign && m.governor == nil && allegedContent(st, m.head) {
		// "men suspected of planning attacks", "accused Moscow of trying
		// to annex two regions": what they are suspected or accused of,
		// not an event this sentence reports
		return nil
	}
	if !m.pat.Foreign && m.governor == nil && requestedContent(st, m.head) {
		// "rejected a call for its peacekeeping forces to be deployed":
		// what is called for is not done
		return nil
	}
	if !m.pat.Foreign && m.governor == nil && m.purposeOf == nil && objectControlled(st, m.head) {
		// "appealed to all parties to protect civilians": those appealed
		// to are to act, not the one appealing
		return nil
	}
	if !m.pat.Foreign && inCondition(st, m.head) {
		// "… unless the president resigns": a condition, not an event
		return nil
	}
	if !m.pat.Foreign && m.governor == nil && demandedContent(st, m.head) {
		// "demanded that the government end curbs on the press": what is
		// demanded, not done
		return nil
	}
	code := m.pat.Code
	if m.refinedCode != "" {
		code = m.refinedCode
	}
	if m.pat.Foreign {
		code, _ = codeMark(code) // TABARI's "031!", "023?"
	}
	switch {
	case m.negated || m.refused:
		if code = negatedCode(m.pat, code); code == "" {
			return nil
		}
	case m.intent && m.pat.Tree && m.intentVerb:
		// PETRARCH-2 combines a verb of wanting with its complement's
		// code ("wants to help": 030 with 070 is 033)
		// ("wants to attack": 138); a pledge keeps a coercive act's own
		// code, as dyad's own patterns do ("pledged to expel": 174)
		if r := cameo.Intent(code); r != "" && !(m.commit && root(code) >= "10") {
			code = r
		}
	case m.intent && m.pat.Foreign:
		// imported dictionaries spell modality out in their patterns
	case m.intent:
		if m.commit && root(code) >= "10" {
			break
		}
		if m.modal && !m.intentVerb && root(code) >= "10" && !conditional(st, m.end) {
			// "said it would prohibit all aid": an announced decision,
			// not a threat; "wants to attack", "will attack if …" are
			break
		}
		if r := cameo.Intent(code); r != "" {
			code = r
		}
	}
	if code == "---" {
		return nil // an imported pattern that blocks others and codes nothing
	}
	info, ok := lookupCode(m.pat, code)
	if !ok {
		return nil
	}
	// sources and targets
	var srcs, tgts []int
	strict := m.pat.HasSlot('+')
	subj := subject(st, m.head)
	if g := gerundSubject(st, m.head); g >= 0 && !m.pat.Foreign {
		subj = g // "told reporters after meeting his counterpart": the teller meets
	}
	if subj < 0 {
		subj = documentSource(st, m.head)
	}
	if g := m.governor; g != nil && !g.dropped && !m.dropped {
		// a complement coded beside its governor (CodeAll with
		// ClauseActors): "X urged Y to assist" is X's assistance
		if gs := subject(st, g.head); gs >= 0 {
			subj = gs
		}
	}
	if p := m.purposeOf; p != nil && !m.pat.Foreign {
		// "visited Myanmar to press the junta": the visitor presses
		if ps := subject(st, p.head); ps >= 0 {
			subj = ps
		}
	}
	if subj < 0 && m.head > 0 && st.toks[m.head-1].Lower == "to" {
		// a purpose infinitive ("signed an agreement to attack X"): the
		// subject of the verb it depends on
		for k := m.head - 2; k >= 0; k-- {
			if tg := st.toks[k].Tag; (tg == "VBD" || tg == "VBZ" || tg == "VBP") && !adjectivalVBD(st, k) {
				subj = subject(st, k)
				break
			}
		}
	}
	if t := st.toks[m.head]; t.Tag == "VBG" && m.head > 0 && st.toks[m.head-1].Text == "," {
		// ", killing eight people": the participle's subject is the main
		// clause's
		for k := m.head - 2; k >= 0; k-- {
			if tg := st.toks[k].Tag; (tg == "VBD" || tg == "VBZ" || tg == "VBP" || tg == "VBN") && !adjectivalVBD(st, k) && !timeWords[st.toks[k].Lower] {
				subj = subject(st, k)
				break
			}
		}
	}
	if m.compound >= 0 {
		// "%": the members of a compound actor act on each other
		srcs = conjoined(st, m.compound)
		if len(srcs) < 2 {
			return nil
		}
	} else if m.source >= 0 {
		srcs = conjoined(st, m.source)
		if m.target >= 0 {
			// "+ … $": both slots filled by the pattern
			tgts = conjoined(st, m.target)
		} else if st.ments[m.source].Tok1 <= m.anchor {
			// "$ IN ^ WARN": a source before the verb is its subject; the
			// target is found after the verb as usual
			if o := object(st, m.end, strict); o >= 0 {
				tgts = conjoined(st, o)
			} else if in := inside(st, m); in >= 0 {
				tgts = conjoined(st, in)
			}
		} else if subj >= 0 {
			tgts = conjoined(st, subj)
		} else if o := thingOwner(st, m.head); o >= 0 && !m.pat.Foreign {
			tgts = conjoined(st, o) // "a camp for refugees was attacked by …"
		}
	} else if m.passive && m.pat.Foreign && byAgent(st, m.end) < 0 && subj >= 0 && c.foreignVictims(st, m, code, subj) >= 0 {
		// "There were 10 Russian soldiers killed in Ukraine": imported
		// dictionaries too read foreign victims of violence in a country
		// as that country's
		srcs, tgts = []int{c.foreignVictims(st, m, code, subj)}, conjoined(st, subj)
	} else if m.passive && m.pat.Tree && byAgent(st, m.end) < 0 {
		// PETRARCH-2 reads the source of a passive with no "by" agent in
		// its first "in" or "from" phrase ("were killed in Israeli tank
		// shelling": Israel), the target in its subject
		if pp := passivePhrase(st, m.end); pp >= 0 {
			srcs = conjoined(st, pp)
		}
		if subj >= 0 {
			tgts = conjoined(st, subj)
		}
	} else if m.passive && !(m.pat.Foreign && byAgent(st, m.end) < 0) {
		// (imported dictionaries code a passive without a "by" agent as
		// PETRARCH does: from its subject)
		if !m.pat.Foreign && m.head > 0 && documentNouns[st.toks[m.head-1].Lower] && st.coveredBy[m.head-1] < 0 {
			// "a statement received by the news agency": a document is
			// received or issued, no visitor hosted
			return nil
		}
		if !m.pat.Foreign && strict && subj < 0 && personalCode(code) && thingSubject(st, m.head) {
			// "The projects have been executed by army engineers", "outputs
			// recognized by government programmes": the pattern's target
			// is a thing, so it is not the act the pattern names
			return nil
		}
		if by := byAgent(st, m.end); by >= 0 && !accidentAgent(st, by) {
			srcs = conjoined(st, by)
		} else if o := patternNounOwner(st, m); o >= 0 && !m.pat.Foreign {
			// "were killed in an Israeli air strike": the strike's owner
			srcs = conjoined(st, o)
		}
		if subj >= 0 {
			tgts = conjoined(st, subj)
			if len(srcs) == 0 && !m.pat.Foreign {
				if pl := c.foreignVictims(st, m, code, subj); pl >= 0 {
					srcs = []int{pl}
				}
			}
		} else if o := thingOwner(st, m.head); o >= 0 && !m.pat.Foreign {
			// "a camp for Congolese refugees was attacked": whose camp
			tgts = conjoined(st, o)
		}
	} else if owner := nounOwner(st, m); owner >= 0 && owner != m.target {
		// "Israeli tank shelling killed …", "Iran's attack on Iraq"
		srcs = conjoined(st, owner)
		if m.target >= 0 {
			tgts = conjoined(st, m.target)
		} else if o := object(st, m.end, strict); o >= 0 {
			tgts = conjoined(st, o)
		} else if subj >= 0 && subj != owner && st.ments[subj].Tok1 <= st.ments[owner].Tok0 {
			tgts = conjoined(st, subj)
		}
	} else {
		if subj >= 0 {
			srcs = conjoined(st, subj)
		}
		if m.target >= 0 {
			tgts = conjoined(st, m.target)
		} else if hn := objectRelativeHead(st, m.head); hn >= 0 && !m.pat.Foreign {
			tgts = conjoined(st, hn) // "… four executives it accused of …"
		} else if m.governor != nil && m.governor.target >= 0 {
			tgts = nil
			if o := object(st, m.end, strict); o >= 0 {
				tgts = conjoined(st, o)
			}
		} else if in := inside(st, m); in >= 0 && !m.pat.Foreign && possessiveMention(st, in) && st.ments[in].Tok1 < m.end {
			// "support Turkey's efforts to join the Community": the owner
			// of the pattern's noun, not a name after it
			tgts = conjoined(st, in)
		} else if o := patternNounOwner(st, m); o >= 0 && !m.pat.Foreign && o != subj {
			// "opposed to French mediation in talks with Syria": whose
			// mediation, not the talks' other side
			tgts = conjoined(st, o)
		} else if in := inside(st, m); in >= 0 && m.pat.Foreign && st.ments[in].Tok0 > m.anchor && !preps[st.toks[st.ments[in].Tok0-1].Lower] {
			// "engaged Filipino peacekeepers in a firefight" under "- *
			// (IN FIREFIGHT)": the verb's object before the pattern's
			// phrase, not a place after it
			tgts = conjoined(st, in)
		} else if o := object(st, m.end, strict); o >= 0 {
			if !(root(code) == "04" && topicModifier(st, o)) {
				// ("talks on an Israeli troop pullback": what about, not
				// with whom)
				tgts = conjoined(st, o)
			}
		} else if in := inside(st, m); in >= 0 {
			tgts = conjoined(st, in)
		}
	}
	// people in general give way to the others named with them ("Four
	// children and a man": children), as PETRARCH-2 reads a phrase
	srcs, tgts = withoutGeneralPeople(st, srcs), withoutGeneralPeople(st, tgts)
	if len(srcs) == 0 && m.compound < 0 && m.source < 0 && c.opts.ClauseActors && !m.passive {
		srcs = clauseSource(st, m)
	}
	if len(srcs) == 0 && m.compound < 0 && m.source < 0 {
		if c.opts.Forward != "" && forwardedSubject(st, m.head) {
			srcs = []int{st.synthetic(c.opts.Forward)}
		} else {
			srcs, tgts = c.defaultSource(st, m, tgts)
		}
	}
	between := false
	if len(srcs) == 0 && !m.pat.Foreign && strings.Contains(m.pat.Text, "between + and") && len(tgts) > 1 {
		// "clashes between Russian and Ukrainian troops": the two sides
		// act on each other
		srcs, tgts, between = tgts, nil, true
	}
	if len(srcs) == 0 {
		return nil
	}
	if !m.pat.Foreign && (root(code) == "11" || root(code) == "12") && m.target < 0 && len(tgts) == 1 && len(srcs) == 1 &&
		st.ments[srcs[0]].Country != "" && st.ments[tgts[0]].Country == st.ments[srcs[0]].Country &&
		len(st.ments[srcs[0]].Sectors) > 0 && (st.ments[tgts[0]].Kind == "country" || st.ments[tgts[0]].Kind == "capital") {
		// "The Kremlin accused the West of waging a war against Russia":
		// a state's organ does not accuse or reject its own state; the
		// name found later is what the charge is about
		tgts = nil
	}
	if !m.pat.Foreign && (root(code) == "15" || strings.HasPrefix(code, "087")) && len(tgts) > 0 && !hasTargetSlot(m.pat) && allSectors(st, tgts, "MIL", "COP") && unownedTroops(st, tgts[0]) {
		// "the Lebanese army deployed troops along the border": a show of
		// force moves the source's own troops; they are no target
		tgts = nil
	}
	if !m.pat.Foreign && len(tgts) == 1 && !hasTargetSlot(m.pat) && ownedBy(st, tgts[0], srcs) {
		// "Syria offered its troops to Lebanon's president": the source's
		// own forces are what it offers, the one after them the target
		own := tgts[0]
		tgts = nil
		if o := object(st, st.ments[own].Tok1, false); o >= 0 && !slices.Contains(srcs, o) {
			tgts = conjoined(st, o)
		}
	}
	if !m.pat.Foreign && code == "190" && allSectors(st, srcs, "UAF", "CRM") && allSectors(st, tgts, "CVL", "PPL", "REF") {
		// "a camp for refugees was attacked by militiamen", "gunmen
		// attacked a bus carrying pilgrims": irregulars' violence against
		// civilians is unconventional
		code = "180"
		if info, ok = lookupCode(m.pat, code); !ok {
			return nil
		}
	}
	if !m.pat.Foreign && code == "180" && stateForces(st, srcs) && !allSectors(st, tgts, "OPP") {
		// "Serb forces killed three villagers": violence by a state's
		// armed forces is the use of military force; militias, rebels and
		// bombers are unconventional, and so is the beating of protesters
		code = "190"
		if info, ok = lookupCode(m.pat, code); !ok {
			return nil
		}
	}
	if !m.pat.Foreign && code == "180" && len(tgts) > 0 && allArmed(st, tgts) {
		// killing or wounding soldiers or fighters is the use of military
		// force, unconventional violence is done to civilians
		code = "190"
		if info, ok = lookupCode(m.pat, code); !ok {
			return nil
		}
	}
	if !m.pat.Foreign && code == "043" && len(tgts) > 0 && thingModifier(st, tgts[0]) {
		// "Germany received a surge of Chinese imports": a people's
		// adjective before a thing is no guest
		return nil
	}
	if !m.pat.Foreign && (code == "042" || code == "043") && len(tgts) > 0 && slices.ContainsFunc(srcs, func(x int) bool { return ownOrgan(st.ments[x], st.ments[tgts[0]]) }) {
		// "Brazil hosted leaders … from the eight Amazon countries" that
		// the text leaves Brazil's: a state does not host or visit its
		// own government
		return nil
	}
	if !m.pat.Foreign && (code == "042" || code == "043") && slices.ContainsFunc(srcs, func(x int) bool { return allSectors(st, []int{x}, "CVL", "PPL", "REF") }) {
		// "the family arrived in Greece": travellers and refugees make
		// journeys, not visits (nor "thousands of people -- fighters and
		// their families" leaving for a province)
		return nil
	}
	if !m.pat.Foreign && code == "141" && st.toks[m.anchor].Lemma == "protest" && allOfficial(st, srcs) {
		// "Baghdad protested against the strikes": a government's
		// protest is an official complaint, not a demonstration
		code = "114"
		if info, ok = lookupCode(m.pat, code); !ok {
			return nil
		}
	}
	if !m.pat.Foreign && (root(code) == "18" || root(code) == "19") && allProtesters(st, tgts) && allForces(st, srcs) && sameCountry(st, srcs[0], tgts[0]) {
		// "Protesters were attacked by police": a state's forces'
		// violence against its demonstrators is repression
		code = "175"
		if info, ok = lookupCode(m.pat, code); !ok {
			return nil
		}
	}
	if !m.pat.Foreign && riotCode(code) && allProtesters(st, srcs) {
		// "protesters torched the ministry", "a building demolished by
		// a protester": CAMEO codes violence done in protest as a riot
		code = "145"
		if info, ok = lookupCode(m.pat, code); !ok {
			return nil
		}
	}
	if len(tgts) > 0 && m.target < 0 && !m.pat.Foreign && (root(code) == "04" || root(code) == "05") && placeMention(st, tgts[0]) {
		// "hosted talks in Cairo", "signed the deal in Doha": the venue
		// of a meeting or a diplomatic act is not whom it was done with
		tgts = nil
	}
	if len(tgts) == 0 && m.target < 0 && m.compound < 0 && !m.passive && c.opts.LinearTarget {
		if lt := linearTarget(st, m.end, srcs); lt >= 0 {
			tgts = conjoined(st, lt)
		}
	}
	if len(tgts) == 0 && m.compound < 0 {
		srcs, tgts = c.defaultTarget(st, m, srcs)
	}
	if len(tgts) == 0 && m.spokenAct != nil && !m.pat.Foreign {
		// "denounced Serbia's suppression of the unrest": whose act
		if o := nounOwner(st, m.spokenAct); o >= 0 && !slices.Contains(srcs, o) {
			tgts = conjoined(st, o)
		}
	}
	var told *dyad.Actor // the attacker of an attack the story just told
	if len(tgts) == 0 && root(code) == "11" && !m.pat.Foreign {
		// "Ghani condemned the attack": the attack the story just told,
		// whose attacker is the one condemned
		if e := toldAttack(a, st, m); e != nil && !slices.ContainsFunc(srcs, func(s int) bool { return st.ments[s].Code == e.Source.Code }) {
			src := *e.Source
			told = &src
		}
	}
	if len(tgts) == 0 && root(code) == "13" && !m.pat.Foreign {
		// "threatened a general strike unless Israel rescinded the
		// annexation": the threat is made to whoever must act
		if t := conditionSubject(st, m.end); t >= 0 && !slices.Contains(srcs, t) {
			tgts = conjoined(st, t)
		}
	}
	if !m.pat.Foreign && neitherNor(st, st.ments[srcs[0]].Tok0, m.head) && !m.negated {
		// "Neither India nor Pakistan has condemned the attack" (imported
		// dictionaries spell their negations out in patterns: PETRARCH and
		// TABARI code "neither X nor Y" as the compound X, Y)
		if code = negatedCode(m.pat, code); code == "" {
			return nil
		}
		if info, ok = lookupCode(m.pat, code); !ok {
			return nil
		}
	}
	if len(srcs) > 1 && m.target < 0 && len(tgts) > 0 && st.ments[tgts[0]].Kind != defaultKind && reciprocal(code) && (afterInfinitive(st, m.end, st.ments[tgts[0]].Tok0) || strings.Contains(st.ments[tgts[0]].Kind, "+") || placeMention(st, tgts[0])) {
		// "Jordan and Tajikistan signed an agreement to extradite members
		// of the Taliban": the agreement is between the subjects
		tgts = nil
	}
	// recode gives the event another CAMEO code (dyad's own rules below)
	recode := func(to string) {
		if inf, ok := cameo.Lookup(to); ok {
			code, info = to, inf
		}
	}
	if code == "173" && !m.pat.Foreign && len(tgts) > 0 && !m.negated {
		// "Rebels captured Raqqa": an arrest of a place is its occupation
		if k := st.ments[tgts[0]].Kind; k == "place" || k == "capital" || k == "country" {
			if !armedOrState(st, srcs, false) {
				return nil // "Cruz has captured Iowa": a vote won
			}
			recode("192")
		}
	}
	if !m.pat.Foreign && (code == "0242" || code == "1042") && strings.Contains(m.pat.Text, "withdrawal") && len(tgts) > 0 && allSectors(st, tgts, "MIL") {
		// "called for the withdrawal of US troops": the troops' pull-out
		// is military de-escalation, not a policy's withdrawal
		recode(map[string]string{"0242": "0256", "1042": "1056"}[code])
	}
	if !m.pat.Foreign && (violentRoot(root(code)) || strings.HasPrefix(code, "138")) && len(tgts) > 0 && abstractOwned(st, tgts[0]) {
		// "Beijing said it would fight the Trump administration's latest
		// threats": one fights the threats, not the administration
		return nil
	}
	if !m.pat.Foreign && root(code) == "15" && !armedOrState(st, srcs, true) {
		// "Grassley will face off with Judge": only states and armed
		// groups show force
		return nil
	}
	if !m.pat.Foreign && code == "190" && st.toks[m.anchor].Lemma == "attack" && len(tgts) > 0 &&
		allPersons(st, srcs) && allPersons(st, tgts) {
		// "Clinton attacked Trump, saying …": one politician's attack on
		// another is words
		recode("111")
	}
	if !m.pat.Foreign && len(tgts) == 0 && (root(code) == "12" || code == "016") && !m.negated {
		// "Paris accused Tehran of holding hostages, a charge Iran
		// rejects": the one charged denies the accuser's charge (016)
		if accuser := chargeAccuser(st, srcs); accuser >= 0 {
			recode("016")
			tgts = []int{accuser}
		}
	}
	if m.must {
		// "X said Y must …": X demands of Y
		if speaker := sayGovernor(st, srcs); speaker >= 0 {
			dc := "100"
			if d := complementDigit[root(code)]; d != "" {
				dc = "10" + d
			}
			return c.govEvents(a, st, m, speaker, srcs, dc, "demanded")
		}
		if !m.pat.Foreign {
			// "The police must release everyone held": what one must do is
			// not done, and no one here is said to demand it
			return nil
		}
	}
	if deniedClause(st, srcs) {
		// "The Kremlin denied that Russian forces had targeted civilians":
		// the denial is the event, not what is denied
		return nil
	}
	if m.pat.Tree && len(c.lex.Transforms) > 0 && len(srcs) > 0 {
		// PETRARCH-2's transformations: "X said Y attacked Z" is X's
		// accusation of Y, as its dictionary says
		if evs := c.transformed(a, st, m, srcs, tgts, code); evs != nil {
			return evs
		}
	}
	if claimer := claimGovernor(st, srcs, m); claimer >= 0 && root(code) >= "14" {
		// "X claimed that Y attacked Z": X accuses Y (112), or claims
		// responsibility (015) when Y is X itself.
		return c.claimEvents(a, st, m, claimer, srcs, tgts)
	}
	var out []dyad.Event
	ownForces := dyad.OptString("") // the speaker's state, for its own troops in the report
	if !m.pat.Foreign && violentRoot(root(code)) && !m.negated && m.pat.Code2 == "" {
		// "The US said that Iran had attacked Iraq": a report of
		// another's violence accuses it (112), and of one's own claims
		// it (015: "Russia said it had killed 50 militants"), as
		// PETRARCH-2 codes them; the violence is coded too
		if x := reportGovernor(st, srcs, m); x >= 0 && !m.modal && !m.intent && !m.intentVerb {
			switch xm := st.ments[x]; {
			case !allForcesOfNoState(st, srcs):
				out = append(out, c.claimEvents(a, st, m, x, srcs, tgts)...)
			case xm.Country != "":
				// "The Sri Lankan military said troops had captured a
				// rebel base": a state's own troops, whose deed it claims
				// (an unnamed accused is accused of nothing)
				ownForces = xm.Country
				out = append(out, c.claimEvents(a, st, m, x, []int{x}, tgts)...)
			}
		}
	}
	if !m.pat.Foreign && (violentRoot(root(code)) || strings.HasPrefix(code, "175")) && !m.negated {
		// "The Observatory said eight people were killed in an air strike
		// by government forces": a rights monitor's report of violence
		// accuses the perpetrators (the violence is coded too)
		if mon := monitorReport(st, m, srcs, tgts); mon >= 0 {
			out = append(out, c.govEvents(a, st, m, mon, srcs, "112", "reported by a monitor")...)
		}
	}
	mk := func(s, t int) {
		ev := dyad.Event{
			Sentence: st.idx, Code: code, Root: info.Root, Label: info.Label,
			QuadClass: info.QuadClass, Goldstein: info.Goldstein, Plover: info.Plover,
			Source:  actorOf(st.ments[s]),
			Verb:    verbSpan(a, st, m),
			Rule:    m.pat.Rule + " " + code + ": " + m.pat.Text,
			Negated: m.negated || m.refused,
		}
		if ownForces != "" && ev.Source.Country == "" && strings.HasPrefix(ev.Source.Code, "---") {
			src := *ev.Source
			src.Country, src.Code = ownForces, string(ownForces)+src.Code[3:]
			ev.Source = &src
		}
		if t >= 0 {
			ev.Target = actorOf(st.ments[t])
			if attacker := attackerOf(a, st, m, code, t); attacker != nil {
				ev.Target = attacker
				ev.Rule += " (target: the attacker)"
			} else if !m.pat.Foreign && domesticForce(ev.Source) && ev.Target.Country == "" && strings.HasPrefix(ev.Target.Code, "---") && len(ev.Target.Code) > 3 {
				// "Egyptian police dispersed demonstrators": a state's
				// police and courts act on its own people
				tg := *ev.Target
				tg.Country, tg.Code = ev.Source.Country, string(ev.Source.Country)+tg.Code[3:]
				ev.Target = &tg
			}
		} else if told != nil {
			ev.Target = told
			ev.Rule += " (target: the attacker of the attack told before)"
		}
		out = append(out, ev)
		if c2 := m.pat.Code2; c2 != "" && c2 != "---" && ev.Target != nil && (m.pat.Foreign || code == m.pat.Code) &&
			(m.pat.Foreign || root(c2) != "04" || ev.Source.Country == "" || ev.Source.Country != ev.Target.Country) &&
			(m.pat.Foreign || ev.Target.Code != string(ev.Target.Country) || c.lex.IsState(string(ev.Target.Country))) {
			// "[032:033]": the second code runs the other way. dyad's own
			// second codes are of the act as the pattern codes it ("wants to
			// negotiate with Iran" is Obama's intent, not Iran's
			// negotiation; "refused to receive" hosts no one), and a visit
			// at home ("Zuma arrived at the high court") or to a region
			// ("traveled to Europe") has no host
			if i2, ok := lookupCode(m.pat, c2); ok {
				rev := ev
				rev.Code, rev.Root, rev.Label, rev.QuadClass, rev.Goldstein, rev.Plover = c2, i2.Root, i2.Label, i2.QuadClass, i2.Goldstein, i2.Plover
				rev.Source, rev.Target = ev.Target, ev.Source
				rev.Rule = m.pat.Rule + " " + c2 + " (second code): " + m.pat.Text
				out = append(out, rev)
			}
		}
	}
	if len(tgts) == 0 {
		if len(srcs) > 1 && len(srcs) <= 4 && (reciprocal(code) || m.compound >= 0 || between) && !(m.pat.Tree && m.passive) {
			// (not the sources a PETRARCH-2 passive finds in its phrases:
			// "such a step enjoyed support from Moscow and Beijing")
			// "Iran and Syria signed an agreement": each with the other
			for _, s := range srcs {
				for _, t := range srcs {
					if s != t && st.ments[s].Code != st.ments[t].Code {
						mk(s, t)
					}
				}
			}
			return out
		}
		for _, s := range srcs {
			mk(s, -1)
		}
		return out
	}
	for _, s := range srcs {
		made := false
		for _, t := range tgts {
			if s == t || (st.ments[s].Entity != "" && st.ments[s].Entity == st.ments[t].Entity) || st.ments[s].Code == st.ments[t].Code {
				continue // an actor acting on itself is a misreading
			}
			mk(s, t)
			made = true
		}
		if !made && m.target < 0 && m.source < 0 {
			mk(s, -1) // the object found was the source itself: no target
		}
	}
	return out
}

// nounOwner returns the actor that owns a noun anchor ("Israeli tank
// shelling", "Iran's attack"), or -1 when the anchor is a verb.
func nounOwner(st *sent, m *match) int {
	if !nominal(st, m.anchor) {
		return -1
	}
	for k := m.anchor - 1; k >= 0 && k >= m.anchor-3; k-- {
		if mi := st.coveredBy[k]; mi >= 0 {
			if om := st.ments[mi]; om.Country == "" || strings.Contains(om.Kind, "+") && om.Kind != "agent+possessive" {
				return -1 // "defence industry cooperation" is no actor's act
			}
			if om := st.ments[mi]; (om.Kind == "capital" || om.Kind == "place") && om.Tok1 == m.anchor {
				return -1 // "the Mumbai attacks", "the Paris bombings": where, not whose (but "Tehran's attack")
			}
			return mi
		}
		tg := st.toks[k].Tag
		if !(tg == "JJ" || tg == "POS" || tg == "NN") {
			break
		}
	}
	return -1
}

// patternNounOwner returns the actor that modifies the noun a pattern ends
// on, when the pattern reaches past its verb ("killed in an Israeli air
// strike", "wounded in Russian shelling"), or -1. Only adjectives and nouns
// may stand between them, so "killed in Syria in an air strike" has none.
func patternNounOwner(st *sent, m *match) int {
	last := m.end - 1
	if last <= m.anchor+1 || last >= len(st.toks) || !isNoun(st.toks[last].Tag) && st.toks[last].Tag != "VBG" {
		return -1
	}
	for k := last - 1; k > m.anchor && k >= last-3; k-- {
		if mi := st.coveredBy[k]; mi >= 0 {
			switch om := st.ments[mi]; {
			case om.Kind == "pronoun" || om.Kind == "place" || om.Kind == "capital":
				return -1 // "killed in a Gaza air strike": where, not whose
			case placeMention(st, mi) && om.Kind != "adjective" && om.Kind != "agent" && om.Kind != "org":
				return -1
			case om.Tok1 > last && om.Country == "":
				return -1 // "promised air defence": the thing itself, no owner
			}
			return mi
		}
		tg := st.toks[k].Tag
		if !(tg == "JJ" || tg == "NN" || tg == "NNP") {
			break
		}
	}
	return -1
}

// nominal reports whether the anchor at i is used as a noun: tagged so,
// or a gerund right after a noun ("tank shelling").
func nominal(st *sent, i int) bool {
	t := st.toks[i]
	if isNoun(t.Tag) {
		return true
	}
	// (not "issued a statement demanding …": the statement's act)
	return t.Tag == "VBG" && i > 0 && (isNoun(st.toks[i-1].Tag) || st.coveredBy[i-1] >= 0) && !isVerb(st.toks[i-1].Tag) && documentIssuer(st, i) < 0
}

// denyVerbs introduce a clause that is said not to be true.
var denyVerbs = set("deny", "denied", "denies", "denying", "dismissed", "rejected", "refuted")

// deniedClause reports whether the clause whose subject is srcs[0] is the
// object of a denial: "X denied (that) Y …".
func deniedClause(st *sent, srcs []int) bool {
	k := st.ments[srcs[0]].Tok0 - 1
	if k >= 0 && st.toks[k].Lower == "that" {
		k--
	}
	return k >= 0 && denyVerbs[st.toks[k].Lower]
}

// claimVerbs introduce a claim about someone else's act.
var claimVerbs = set("claim", "claimed", "claims", "allege", "alleged", "alleges")

// claimGovernor finds "X claimed (that) …" governing the clause whose
// subject is srcs[0]; it returns X's mention or -1.
func claimGovernor(st *sent, srcs []int, m *match) int {
	// "Iran claimed that it had attacked …": the subject search passed
	// through the claim verb itself, so the claimer is the subject.
	for k := st.ments[srcs[0]].Tok1; k < m.head; k++ {
		if claimVerbs[st.toks[k].Lower] {
			return srcs[0]
		}
	}
	return governorBefore(st, srcs, claimVerbs)
}

// governorBefore returns the subject of a verb of verbs right before the
// clause whose subject is srcs[0] ("X claimed (that) Y …"), or -1.
func governorBefore(st *sent, srcs []int, verbs map[string]bool) int {
	k := st.ments[srcs[0]].Tok0 - 1
	if k >= 0 && st.toks[k].Lower == "that" {
		k--
	}
	if k < 0 || !verbs[st.toks[k].Lower] {
		return -1
	}
	return subject(st, k)
}

// abstractNouns are things no force is used against ("fight the
// administration's threats", "combat Iran's influence").
var abstractNouns = set("threat", "threats", "policy", "policies", "corruption", "poverty", "terrorism",
	"protectionism", "influence", "pandemic", "inflation", "measure", "measures", "decision", "decisions",
	"tariff", "tariffs", "sanction", "sanctions", "plan", "plans", "move", "moves", "law", "laws", "ruling",
	"accusation", "accusations", "claim", "claims", "allegation", "allegations", "propaganda", "narrative",
	"agenda", "ambitions", "rhetoric", "disinformation", "lies", "bid", "attempt", "attempts", "efforts")

// abstractOwned reports whether mention mi owns or modifies an abstract
// noun right after it ("the administration's latest threats", "US
// sanctions").
func abstractOwned(st *sent, mi int) bool {
	k := st.ments[mi].Tok1
	if k < len(st.toks) && st.startAt[k] >= 0 && st.toks[k].Tag != "POS" {
		mi = st.startAt[k] // "the Trump" "administration's …": one phrase
		k = st.ments[mi].Tok1
	}
	for k < len(st.toks) && (st.toks[k].Tag == "POS" || st.toks[k].Tag == "JJ" || st.toks[k].Tag == "JJS" || st.toks[k].Tag == "JJR") {
		k++
	}
	return k < len(st.toks) && st.coveredBy[k] < 0 && abstractNouns[st.toks[k].Lower]
}

// armedOrState reports whether every mention in ms is a state, its
// government or forces, or an armed group; a named person counts only as
// a soldier unless officials is set (a president deploys troops; a
// politician who "captured Iowa" won a vote).
func armedOrState(st *sent, ms []int, officials bool) bool {
	for _, mi := range ms {
		m := st.ments[mi]
		if m.Code == string(m.Country) && m.Country != "" {
			continue // a state named bare
		}
		if !slices.ContainsFunc(m.Sectors, func(s string) bool {
			switch s {
			case "MIL", "COP", "REB", "UAF", "SPY", "GOV", "INS", "SEP", "RAD":
				return true
			}
			return false
		}) || !officials && m.Kind == "person" && !slices.Contains(m.Sectors, "MIL") {
			return false
		}
	}
	return len(ms) > 0
}

// allPersons reports whether every mention in ms names a person (from the
// dictionaries or titled) who is no soldier or fighter.
func allPersons(st *sent, ms []int) bool {
	for _, mi := range ms {
		m := st.ments[mi]
		if m.Kind != "person" && m.Kind != "name" && m.Kind != "learned" || slices.ContainsFunc(m.Sectors, func(s string) bool {
			return s == "MIL" || s == "REB" || s == "UAF" || s == "INS"
		}) {
			return false
		}
	}
	return len(ms) > 0
}

// thingModifier reports whether mention mi is an adjective before a common
// noun that no mention covers ("Chinese imports", "Iranian oil").
func thingModifier(st *sent, mi int) bool {
	m := st.ments[mi]
	return m.Kind == "adjective" && m.Tok1 < len(st.toks) && st.coveredBy[m.Tok1] < 0 && isNoun(st.toks[m.Tok1].Tag) && st.toks[m.Tok1].Tag != "NNP"
}

// ownOrgan reports whether one of a and b is a state named bare and the
// other that state's government ("BRA" and "BRAGOV").
func ownOrgan(a, b dyad.Mention) bool {
	if a.Country == "" || a.Country != b.Country {
		return false
	}
	bare := func(m dyad.Mention) bool { return m.Code == string(m.Country) }
	gov := func(m dyad.Mention) bool { return slices.Contains(m.Sectors, "GOV") }
	return bare(a) && gov(b) || bare(b) && gov(a)
}

// chargeNouns name what an accuser says.
var chargeNouns = set("charge", "charges", "accusation", "accusations", "allegation", "allegations", "claim", "claims")

// chargeAccuser finds the accuser of "…, a charge X denies": when the
// clause of srcs[0] follows "a charge (that|which)", the sentence's first
// actor, or -1.
func chargeAccuser(st *sent, srcs []int) int {
	k := st.ments[srcs[0]].Tok0 - 1
	if k >= 0 && (st.toks[k].Lower == "that" || st.toks[k].Lower == "which") {
		k--
	}
	if k < 2 || !chargeNouns[st.toks[k].Lower] || st.toks[k-1].Lower != "a" && st.toks[k-1].Lower != "the" && st.toks[k-1].Lower != "an" {
		return -1
	}
	for x, m := range st.ments {
		if m.Tok0 >= k-1 {
			break
		}
		if x != srcs[0] && m.Code != st.ments[srcs[0]].Code {
			return x
		}
	}
	return -1
}

// participleObject returns the position of the participle when mention mi
// is the object of a describing participle after a noun phrase ("forces
// backed by militias", "hackers linked to Russia"), or -1.
func participleObject(st *sent, mi int) int {
	j := st.ments[mi].Tok0 - 1
	for j > 0 && (st.toks[j].Tag == "DT" || st.toks[j].Tag == "JJ" || st.toks[j].Tag == "NNP" && st.coveredBy[j] < 0) {
		j--
	}
	if j < 2 {
		return -1
	}
	switch st.toks[j].Lower {
	case "by", "to", "with":
	default:
		return -1
	}
	p := j - 1
	if !participleModifier[st.toks[p].Lower] || !(st.coveredBy[p-1] >= 0 || isNoun(st.toks[p-1].Tag)) {
		return -1
	}
	return p
}

// betweenPartner returns the first party of "between X and Y" when
// mention mi is Y, or -1.
func betweenPartner(st *sent, mi int) int {
	m := st.ments[mi]
	if st.imported || mi == 0 || m.Tok0 < 3 || st.toks[m.Tok0-1].Lower != "and" {
		return -1
	}
	p := st.ments[mi-1]
	if p.Tok1 != m.Tok0-1 || p.Tok0 < 1 || st.toks[p.Tok0-1].Lower != "between" {
		return -1
	}
	return mi - 1
}

// unknownNameSubject reports whether a run of capitalised words that no
// mention covers stands right before the verb at head, after a say verb
// (and its object) or at the start of the sentence: a subject the
// dictionaries do not know.
func unknownNameSubject(st *sent, head int) bool {
	k := head - 1
	for k >= 0 && st.toks[k].Tag == "RB" {
		k--
	}
	end := k
	for k >= 0 && st.toks[k].Tag == "NNP" && st.coveredBy[k] < 0 && !timeWords[st.toks[k].Lower] {
		k--
	}
	if k == end {
		return false
	}
	if k < 0 {
		return true
	}
	if mi := st.coveredBy[k]; mi >= 0 {
		k = st.ments[mi].Tok0 - 1 // "told police Bassett"
	}
	return k >= 0 && (sayVerbs[st.toks[k].Lower] || st.toks[k].Lower == "that")
}

// allForcesOfNoState reports whether every mention in ms is a force of no
// named state ("troops", "soldiers", "police").
func allForcesOfNoState(st *sent, ms []int) bool {
	for _, mi := range ms {
		m := st.ments[mi]
		if m.Country != "" || !strings.HasPrefix(m.Code, "---") || !slices.ContainsFunc(m.Sectors, func(s string) bool { return s == "MIL" || s == "COP" }) {
			return false
		}
	}
	return len(ms) > 0
}

// reportGovernor finds "X said (that) Y …" governing the clause whose
// subject is srcs[0]; it returns X's mention or -1. An attribution tail
// ("…, X said") is no governor here.
func reportGovernor(st *sent, srcs []int, m *match) int {
	if k := st.ments[srcs[0]].Tok1; k < m.head && reportVerbs[st.toks[k].Lower] {
		// "Russia said it had killed …": the subject search passed
		// through the say verb to the pronoun's antecedent
		j := k + 1
		if j < m.head && st.toks[j].Lower == "that" {
			j++
		}
		if j < m.head && selfPronouns[st.toks[j].Lower] {
			return srcs[0]
		}
		return -1
	}
	if x := governorBefore(st, srcs, reportVerbs); x != srcs[0] {
		return x
	}
	return -1
}

// reportVerbs report what another did: "The US said that Iran had attacked
// Iraq".
var reportVerbs = set("say", "said", "says")

// selfPronouns refer back to the one who speaks of its own deed.
var selfPronouns = set("it", "they", "we")

// sayGovernor finds "X said (that) …" governing the clause whose subject is
// srcs[0]; it returns X's mention or -1.
func sayGovernor(st *sent, srcs []int) int {
	k := st.ments[srcs[0]].Tok0 - 1
	if k < 0 || isQuote(st.toks[k]) {
		// "“The police must release everyone,” said Wanjiru Kamau": the
		// speaker is in the attribution tail
		return tailSpeaker(st)
	}
	if k >= 0 && st.toks[k].Lower == "that" {
		k--
	}
	for k >= 0 && (st.toks[k].Tag == "NNP" || st.toks[k].Tag == "RB" || st.toks[k].Tag == "NN" || timeWords[st.toks[k].Lower]) && !sayVerbs[st.toks[k].Lower] {
		k-- // "said here Wednesday that"
	}
	if k < 0 || !(sayVerbs[st.toks[k].Lower] || sayVerbs[st.toks[k].Lemma]) {
		return -1
	}
	return subject(st, k)
}

func isQuote(t dyad.Token) bool {
	switch t.Text {
	case "\"", "“", "”", "``", "''":
		return true
	}
	return false
}

// tailSpeaker returns the actor next to the say verb of the sentence's
// attribution tail, or -1.
func tailSpeaker(st *sent) int {
	for k, t := range st.toks {
		if !st.attrib[k] || !(sayVerbs[t.Lower] || sayVerbs[t.Lemma]) {
			continue
		}
		if k > 0 && st.coveredBy[k-1] >= 0 && (t.Lemma == "tell" || t.Lower == "told" || t.Lower == "tells") {
			return st.coveredBy[k-1] // "…," the minister told reporters: who is told is no speaker
		}
		if k+1 < len(st.toks) && st.startAt[k+1] >= 0 {
			return st.startAt[k+1] // "…," said the minister
		}
		if k > 0 && st.coveredBy[k-1] >= 0 {
			return st.coveredBy[k-1] // "…," the minister said
		}
	}
	return -1
}

// govEvents codes a governing speaker's act on the clause subjects (a
// demand, an accusation).
func (c *Coder) govEvents(a *dyad.Analysis, st *sent, m *match, gov int, targets []int, code, how string) []dyad.Event {
	info, ok := cameo.Lookup(code)
	if !ok {
		return nil
	}
	var out []dyad.Event
	gm := st.ments[gov]
	for _, t := range targets {
		if st.ments[t].Code == gm.Code {
			continue
		}
		out = append(out, dyad.Event{Sentence: st.idx, Code: code, Root: info.Root, Label: info.Label,
			QuadClass: info.QuadClass, Goldstein: info.Goldstein, Plover: info.Plover,
			Source: actorOf(gm), Target: actorOf(st.ments[t]), Verb: verbSpan(a, st, m),
			Rule: m.pat.Rule + " " + m.pat.Code + ": " + m.pat.Text + " (" + how + ": " + code + ")"})
	}
	return out
}

func (c *Coder) claimEvents(a *dyad.Analysis, st *sent, m *match, claimer int, srcs, tgts []int) []dyad.Event {
	var out []dyad.Event
	cm := st.ments[claimer]
	for _, s := range srcs {
		sm := st.ments[s]
		code, target := "112", []int{s}
		if sm.Code == cm.Code || (sm.Entity != "" && sm.Entity == cm.Entity) {
			code, target = "015", tgts
		}
		info, ok := cameo.Lookup(code)
		if !ok {
			continue
		}
		for _, t := range target {
			ev := dyad.Event{Sentence: st.idx, Code: code, Root: info.Root, Label: info.Label,
				QuadClass: info.QuadClass, Goldstein: info.Goldstein, Plover: info.Plover,
				Source: actorOf(cm), Target: actorOf(st.ments[t]), Verb: verbSpan(a, st, m),
				Rule: m.pat.Rule + " " + m.pat.Code + ": " + m.pat.Text + " (claimed: " + code + ")"}
			out = append(out, ev)
		}
	}
	return out
}

func actorOf(m dyad.Mention) *dyad.Actor {
	secs := m.Sectors
	if secs == nil {
		secs = []string{}
	}
	return &dyad.Actor{Text: m.Text, Start: m.Start, End: m.End, Entity: dyad.OptString(m.Entity),
		Code: m.Code, Country: m.Country, Sectors: secs}
}

func verbSpan(a *dyad.Analysis, st *sent, m *match) dyad.TextSpan {
	f, l := st.toks[m.anchor], st.toks[m.last]
	return dyad.TextSpan{Text: a.Doc.Text[f.ByteStart:l.ByteEnd], Start: f.Start, End: l.End}
}

// dedupe removes repeated (source, target, code) events of one sentence.
func dedupe(evs []dyad.Event) []dyad.Event {
	seen := map[string]bool{}
	out := evs[:0]
	for _, e := range evs {
		k := e.Code + "|" + e.Source.Code
		if e.Target != nil {
			k += "|" + e.Target.Code
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, e)
	}
	return out
}

// lookupCode describes code. An imported pattern's code need not be in the
// CAMEO table (the PETRARCH and TABARI test dictionaries use WEIS codes and
// made-up ones): it is kept as written, with the root, scale and classes of
// the nearest CAMEO code when its first digits name one.
func lookupCode(p *lexicon.VerbPattern, code string) (cameo.Info, bool) {
	if info, ok := cameo.Lookup(code); ok || !p.Foreign {
		return info, ok
	}
	info := cameo.Info{Code: code}
	for n := len(code) - 1; n >= 2; n-- {
		if base, ok := cameo.Lookup(code[:n]); ok {
			info = base
			info.Code = code
			break
		}
	}
	if info.Root == "" && len(code) >= 2 {
		info.Root = code[:2]
	}
	return info, true
}

// transformed applies the first of the dictionary's transformations that
// fits the event of m (srcs → tgts, code) reported by the verb right
// before its clause ("X said (that) Y attacked Z"), returning the events it
// makes, or nil. The reporting verb's own events are then dropped.
func (c *Coder) transformed(a *dyad.Analysis, st *sent, m *match, srcs, tgts []int, code string) []dyad.Event {
	start := min(st.ments[srcs[0]].Tok0, m.first())
	if len(tgts) > 0 {
		start = min(start, st.ments[tgts[0]].Tok0)
	}
	k := start - 1
	if k >= 0 && st.toks[k].Lower == "that" {
		k--
	}
	for k >= 0 && (st.toks[k].Tag == "RB" || timeWords[st.toks[k].Lower]) {
		k-- // "said on Monday that", "said here"
	}
	speaker := -1
	if k >= 0 && isVerb(st.toks[k].Tag) && c.bareTreeCode(st.toks[k]) != "" {
		speaker = subject(st, k)
	} else if s0 := st.ments[srcs[0]]; s0.Tok1 < m.first() {
		// "Iran said it attacked Israel": the subject search passed
		// through the reporting verb to its subject
		for j := s0.Tok1; j < m.first(); j++ {
			if boundary(st.toks[j]) || st.toks[j].Text == "," {
				break
			}
			if isVerb(st.toks[j].Tag) && c.bareTreeCode(st.toks[j]) != "" && j+1 < m.first() {
				k, speaker = j, srcs[0]
				break
			}
		}
	}
	if speaker < 0 {
		return nil
	}
	outer := c.bareTreeCode(st.toks[k])
	same := func(x, y int) bool {
		mx, my := st.ments[x], st.ments[y]
		return mx.Code == my.Code || mx.Entity != "" && mx.Entity == my.Entity
	}
	for _, t := range c.lex.Transforms {
		if !t.Covers(t.Outer, outer) || !t.Covers(t.Inner, code) {
			continue
		}
		vars := map[string][]int{t.OuterVar: {speaker}}
		bind := func(v string, ms []int) bool {
			switch {
			case v == ".":
				return true
			case v == "_":
				return len(ms) == 0
			case len(ms) == 0:
				return false
			}
			if b, ok := vars[v]; ok {
				return same(b[0], ms[0])
			}
			for _, b := range vars {
				if same(b[0], ms[0]) {
					return false // another variable's actor
				}
			}
			vars[v] = ms
			return true
		}
		if !bind(t.InnerSrc, srcs) || !bind(t.InnerTgt, tgts) {
			continue
		}
		rc := t.Code
		if rc == "Q" {
			rc = code
		}
		var out []dyad.Event
		for _, s := range vars[t.ResSrc] {
			out = append(out, c.govEvents(a, st, m, s, vars[t.ResTgt], rc, "transformation "+t.Rule+" "+t.Text)...)
		}
		if len(out) == 0 {
			return nil
		}
		st.consumed = append(st.consumed, k)
		return out
	}
	return nil
}

// bareTreeCode is the code a PETRARCH-2 dictionary gives the word at t
// alone ("said": SAY's 010), or "".
func (c *Coder) bareTreeCode(t dyad.Token) string {
	for _, w := range []string{t.Lemma, t.Lower} {
		for _, p := range c.lex.Anchors(w) {
			if p.Tree && len(p.Elems) == 1 && len(p.Pre) == 0 && p.Code != "" && p.Code != "---" {
				return p.Code
			}
		}
	}
	return ""
}

// passivePhrase returns the first actor of the first "in" or "from" phrase
// after a passive verb ending at token end, in its clause, or -1.
func passivePhrase(st *sent, end int) int {
	for k := end; k < len(st.toks); k++ {
		t := st.toks[k]
		if boundary(t) || t.Text == "," || isVerb(t.Tag) && t.Tag != "VBG" && t.Tag != "VBN" {
			return -1
		}
		if t.Lower != "in" && t.Lower != "from" {
			continue
		}
		for j := k + 1; j < len(st.toks) && j <= k+4; j++ {
			if mi := st.startAt[j]; mi >= 0 {
				return mi
			}
			if x := st.toks[j]; x.Tag != "DT" && x.Tag != "JJ" && x.Tag != "CD" {
				break
			}
		}
		return -1
	}
	return -1
}

// withoutGeneralPeople drops the coordinated actors coded as people in
// general (sector PPL alone) when another of them is coded otherwise.
func withoutGeneralPeople(st *sent, ms []int) []int {
	if len(ms) < 2 {
		return ms
	}
	general := func(mi int) bool { c := st.ments[mi].Code; return len(c) == 6 && c[3:] == "PPL" }
	if !slices.ContainsFunc(ms, general) || !slices.ContainsFunc(ms, func(mi int) bool { return !general(mi) }) {
		return ms
	}
	return slices.DeleteFunc(slices.Clone(ms), general)
}

// controlVerbs take an object that is the subject of their
// "to"-infinitive: "urged the parties to talk".
var controlVerbs = set("urge", "urged", "urges", "urging", "appeal", "appealed", "appeals", "appealing",
	"call", "called", "calls", "calling", "ask", "asked", "asks", "asking", "press", "pressed", "presses",
	"pressing", "tell", "told", "tells", "telling", "order", "ordered", "orders", "encourage", "encouraged",
	"encourages", "invite", "invited", "invites", "request", "requested", "requests", "force", "forced",
	"pressure", "pressured", "persuade", "persuaded", "convince", "convinced", "implore", "implored",
	"beg", "begged", "exhort", "exhorted", "instruct", "instructed", "direct", "directed")

// objectControlled reports whether the verb at head is the "to"-infinitive
// of a verb of appeal or command whose object stands between them ("appealed
// to all parties to protect", "urged both sides to refrain"): the object
// is to act.
func objectControlled(st *sent, head int) bool {
	if head < 3 || st.toks[head-1].Lower != "to" {
		return false
	}
	nouns := 0
	for k := head - 2; k >= 0 && k >= head-8; k-- {
		t := st.toks[k]
		if boundary(t) || t.Text == "," {
			return false
		}
		if isVerb(t.Tag) {
			return nouns > 0 && (controlVerbs[t.Lemma] || controlVerbs[t.Lower])
		}
		if isNoun(t.Tag) || t.Tag == "PRP" {
			nouns++
		}
	}
	return false
}

// gerundSubject returns, for a gerund after "after", "before", "while"
// or "upon", the subject of the main clause's verb before it, or -1.
func gerundSubject(st *sent, head int) int {
	toks := st.toks
	if head < 2 || toks[head].Tag != "VBG" || !gerundLinks[toks[head-1].Lower] {
		return -1
	}
	for v := head - 2; v >= 0; v-- {
		if boundary(toks[v]) || toks[v].Text == ";" || toks[v].Text == "," {
			return -1
		}
		if tg := toks[v].Tag; tg == "VBD" || tg == "VBZ" || tg == "VBP" {
			return subject(st, v)
		}
	}
	return -1
}

// gerundLinks open an adverbial gerund clause whose subject is the main
// clause's: "after meeting", "before leaving", "while visiting".
var gerundLinks = set("after", "before", "while", "upon")

// toldAttack returns the latest violent event of this sentence or the two
// before it when the verb at m takes "the attack" (a definite attack noun)
// as its object, or nil.
func toldAttack(a *dyad.Analysis, st *sent, m *match) *dyad.Event {
	// "the attack" right after the match, or ending it ("condemned the
	// attack", "condemned the attack as cowardly")
	n := -1
	for k := max(m.end-1, 1); k <= m.end+1 && k < len(st.toks); k++ {
		if attackNouns[st.toks[k].Lower] && st.toks[k-1].Lower == "the" {
			n = k
			break
		}
	}
	if n < 0 {
		return nil
	}
	for i := len(a.Events) - 1; i >= 0; i-- {
		e := &a.Events[i]
		if e.Sentence < st.idx-2 {
			break
		}
		if violentRoot(e.Root) && e.Source != nil && e.Source.Code != "" {
			return e
		}
	}
	return nil
}

// aimNouns name an aim whose "to"-infinitive is not done.
var aimNouns = set("effort", "efforts", "bid", "bids", "attempt", "attempts", "plan", "plans", "push", "drive",
	"campaign", "initiative", "initiatives", "mission", "mandate", "proposal", "proposals", "offer", "offers",
	"call", "calls", "appeal", "appeals", "request", "requests", "pressure", "ability", "right", "readiness",
	"willingness", "commitment", "pledge", "pledges", "promise", "promises", "threat", "threats", "deal",
	"agreement", "accord", "decision", "order", "orders", "resolution", "motion", "bill", "law", "vote",
	"invitation", "invitations")

// requestNouns name a request whose "for X to …" says what is asked.
var requestNouns = set("call", "calls", "appeal", "appeals", "request", "requests", "demand", "demands",
	"proposal", "proposals", "plea", "pleas", "push", "pressure", "bid")

// requestedContent reports whether the verb at head is the "to"-infinitive
// of "a call for X to …" ("rejected a call for its peacekeeping forces to
// be deployed"): what is asked for, not done.
func requestedContent(st *sent, head int) bool {
	toks := st.toks
	k := head - 1
	for k > 0 && (toks[k].Lower == "be" || toks[k].Tag == "RB") {
		k--
	}
	if k < 2 || toks[k].Lower != "to" {
		return false
	}
	if aimNouns[toks[k-1].Lower] && st.coveredBy[k-1] < 0 {
		return true // "Western efforts to end the fighting", "in a bid to retake the town"
	}
	for j := k - 1; j >= 1 && j >= k-8; j-- {
		t := toks[j]
		if boundary(t) || t.Text == "," || isVerb(t.Tag) && t.Tag != "VBN" && t.Tag != "VBG" {
			return false
		}
		if t.Lower == "for" {
			return requestNouns[toks[j-1].Lower]
		}
	}
	return false
}

// chainBetween reports whether the tokens from i up to the verb at head
// are a verb chain's (auxiliaries, modals, adverbs, negation) and head is
// finite or follows one: "the ICC [has] issued".
func chainBetween(st *sent, i, head int) bool {
	if i > head || head >= len(st.toks) {
		return false
	}
	for k := i; k < head; k++ {
		t := st.toks[k]
		if !(t.Tag == "MD" || t.Tag == "RB" || negWords[t.Lower] || beForms[t.Lower] || t.Lemma == "have" || t.Lower == "been") {
			return false
		}
	}
	switch st.toks[head].Tag {
	case "VBD", "VBZ", "VBP":
		return true
	case "VBN":
		// (a past the tagger took for a participle, an object after it:
		// "after Syrian rebels attacked/VBN Israel")
		return i < head || head+1 < len(st.toks) && (st.startAt[head+1] >= 0 || st.toks[head+1].Tag == "DT")
	case "VBG", "VB":
		return i < head
	}
	return false
}
