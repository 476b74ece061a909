package coder

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/lexicon"
	"github.com/dyad-events/dyad/text"
)

// Closed word classes the clause analysis reads. They are grammar, not
// dictionary: verb patterns and actors live in lexicon data files.
var (
	sayVerbs = set("say", "said", "says", "saying", "tell", "told", "add", "added", "state", "stated",
		"note", "noted", "report", "reported", "quote", "quoted", "explain", "explained", "insist",
		"insisted", "stress", "stressed", "confirm", "confirmed", "write", "wrote", "announce", "announced",
		"declare", "declared", "claim", "claimed", "believe", "believed", "think", "thought", "argue", "argued",
		"remind", "reminded", "reminds")
	// complaintVerbs end a sentence as "…, a rights group complained": the
	// speaker criticises (111) or accuses (112) the clause's subject
	complaintVerbs = map[string]string{"complained": "111", "complains": "111", "protested": "111",
		"protests": "111", "lamented": "111", "laments": "111", "deplored": "111", "deplores": "111",
		"charged": "112", "charges": "112", "alleged": "112", "alleges": "112"}
	beForms  = set("be", "is", "are", "was", "were", "been", "being", "'s", "'re", "am", "get", "got", "gotten", "getting")
	modals   = set("will", "would", "shall", "'ll", "wo")
	negWords = set("not", "n't", "never", "no")
	// verbs whose "to"-complement is only intended
	intentVerbs = set("want", "wish", "seek", "plan", "intend", "hope", "aim", "offer", "pledge", "promise",
		"vow", "propose", "prepare", "expect", "try", "attempt", "threaten", "mull", "consider", "look",
		"ready", "willing", "prepared", "determined", "eager", "keen", "poised", "set", "able", "going", "seeking",
		"planning", "want", "wants", "wanted", "plans", "planned", "seeks", "sought", "offered", "pledged", "vowed",
		"promised", "threatened", "hopes", "hoped", "intends", "intended", "proposed", "swear", "swore", "sworn", "vows")
	// commitments: an intent when what is promised is cooperation, the act
	// itself when it is coercion ("pledged to expel" is 174, not a threat)
	pledgeVerbs = set("pledge", "pledged", "promise", "promised", "offer", "offered", "agree", "agreed")
	// verbs whose "to"-complement is refused
	refuseVerbs = set("refuse", "refused", "refuses", "decline", "declined", "declines", "reject", "rejected", "fail", "failed", "fails")
	// verbs whose complement keeps its own code ("agreed to lift")
	commitVerbs = set("decide", "decided", "decides", "begin", "began", "begun", "start",
		"started", "continue", "continued", "resume", "resumed", "move", "moved", "vote", "voted", "order", "ordered")
	preps = set("in", "at", "on", "from", "to", "with", "by", "of", "for", "against", "into", "over", "near",
		"about", "after", "before", "during", "since", "between", "among", "toward", "towards", "under", "across",
		"through", "throughout", "along", "around", "past", "outside", "inside", "beyond", "onto", "within", "near")
	subordinators = set("because", "while", "although", "though", "after", "before", "when", "whereas",
		"if", "unless", "since", "as", "until")
)

// timeWords may sit between a governing verb and its "to"-complement:
// "threatened on Monday to break relations".
var timeWords = set("on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"today", "yesterday", "tonight", "again", "also", "last", "this", "next", "week", "month", "year",
	"night", "morning", "evening", "afternoon", "earlier", "later", "now", "once", "repeatedly", "overnight")

// statePassives are the verbs whose "be VERBed in" names what the subject
// takes part in ("were engaged in clashes"), not what was done to it.
var statePassives = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"engaged", "involved", "embroiled", "entangled", "mired", "locked", "caught", "implicated"} {
		m[text.Lemma(w)] = true // tokens carry the lemma of their text
	}
	return m
}()

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// attribution marks the tail of a sentence that only says who said it:
// "…, US Deputy Secretary Jeffrey Kupfer said here Wednesday." and
// "…, according to officials."
func attribution(toks []dyad.Token, coveredBy []int) []bool {
	out := make([]bool, len(toks)+1)
	n := len(toks)
	for i := n - 1; i >= 0; i-- {
		t := toks[i]
		if t.Text != "," && t.Text != "”" && t.Text != "\"" && t.Text != "''" {
			continue
		}
		// the rest must be short and contain a say verb or "according to"
		rest := toks[i+1:]
		if len(rest) == 0 || len(rest) > 16 {
			break
		}
		found := false
		if clauseAfterSay(rest) {
			// "In a statement, the ministry said it condemned the
			// attack": the say verb governs a clause, it ends no sentence
			break
		}
		for k, r := range rest {
			if k == 0 && sayVerbs[r.Lower] && !speakerWithin(coveredBy, i+2, min(n, i+5)) {
				// ", claimed the attack.": a verb after the comma with no
				// speaker after it is the sentence's own ("The Islamic
				// State, or IS, claimed the attack"), not ", said the
				// minister"
				break
			}
			if (sayVerbs[r.Lower] && (isVerb(r.Tag) || r.Tag == "NN" || r.Tag == "NNS")) || (r.Lower == "according" && k+1 < len(rest) && rest[k+1].Lower == "to") ||
				complaintVerb(r) && complaintEnd(rest[k+1:]) {
				found = true
			}
			if r.Text == "," && k > 0 && !found {
				// "…, which … , said" is not a plain tail
			}
		}
		if found {
			for k := i; k < n; k++ {
				out[k] = true
			}
		}
		break
	}
	// sentence-initial "According to X," likewise
	if n > 2 && toks[0].Lower == "according" && toks[1].Lower == "to" {
		for k := 0; k < n && toks[k].Text != ","; k++ {
			out[k] = true
		}
	}
	return out
}

// clauseAfterSay reports whether a finite verb follows the first say verb
// of rest outside a relative clause: "the ministry said it condemned the
// attack" is a main clause, "…, said the minister, who arrived on Monday"
// a tail.
func clauseAfterSay(rest []dyad.Token) bool {
	k := slices.IndexFunc(rest, func(r dyad.Token) bool { return sayVerbs[r.Lower] && isVerb(r.Tag) })
	if k < 0 {
		return false
	}
	for _, r := range rest[k+1:] {
		switch {
		case r.Tag == "WDT" || r.Tag == "WP" || r.Lower == "who" || r.Lower == "which" || r.Text == ",":
			return false // (", adding that …" is the tail's own participle)
		case r.Tag == "VBD" || r.Tag == "VBZ" || r.Tag == "VBP" || r.Tag == "MD":
			return true
		}
	}
	return false
}

// speakerWithin reports whether an actor mention covers a token in [i, j).
func speakerWithin(coveredBy []int, i, j int) bool {
	for k := i; k < j && k < len(coveredBy); k++ {
		if coveredBy[k] >= 0 {
			return true
		}
	}
	return false
}

// complaintVerb reports whether t is a complaint verb (the tagger reads a
// sentence-final "charged" as a noun too).
func complaintVerb(t dyad.Token) bool {
	return complaintVerbs[t.Lower] != "" && (isVerb(t.Tag) || t.Tag == "NN" && strings.HasSuffix(t.Lower, "ed"))
}

// complaintEnd reports whether the words after a complaint verb end an
// attribution tail ("…, the group complained on Wednesday.") rather than
// give the verb an object ("police charged 12 of them").
func complaintEnd(rest []dyad.Token) bool {
	if len(rest) == 0 {
		return true
	}
	switch r := rest[0]; {
	case r.Text == "." || r.Text == "," || r.Text == ";":
		return true
	case r.Lower == "on" || r.Lower == "in" || r.Lower == "at" || r.Lower == "here" || r.Lower == "there":
		return true
	case timeWords[r.Lower] || r.Tag == "RB" && r.Lower != "that":
		return true
	}
	return false
}

// analyseChain reads the auxiliaries and modals before the anchor:
// negation, modality, passive voice, and where the verb chain begins.
func analyseChain(st *sent, m *match) {
	toks := st.toks
	a := toks[m.anchor]
	head := m.first()
	for k := m.anchor - 1; k >= head && m.pre0 >= 0; k-- {
		if mi := st.coveredBy[k]; mi >= 0 && mi != m.target && mi != m.source && mi != m.compound {
			// an imported pattern's words before the anchor take in its
			// subject (a pattern "EITHER *" over "Either X or Y sailed"): the
			// verb chain starts after the subject, unless a verb before
			// it is the pattern's main verb ("HINTED * SIGN")
			verb := false
			for j := head; j < st.ments[mi].Tok0; j++ {
				verb = verb || isVerb(toks[j].Tag)
			}
			if !verb {
				head = m.anchor
			}
			break
		}
	}
	sawBe := false
	for k := head - 1; k >= 0 && k >= head-6; k-- {
		t := toks[k]
		if st.coveredBy[k] >= 0 {
			break // an actor ends the verb chain, whatever its tag
		}
		switch {
		case negWords[t.Lower] && !(t.Lower == "not" && k+1 < len(toks) && toks[k+1].Lower == "only"):
			m.negated = true // (but "not only received …, but also")
		case modals[t.Lower]:
			m.intent = true
			m.modal = true
		case t.Lower == "must" || t.Lower == "should":
			m.must = true
		case beForms[t.Lower] || t.Lower == "been":
			sawBe = true
		case t.Tag == "RB" || t.Tag == "MD" || t.Lower == "have" || t.Lower == "has" || t.Lower == "had" ||
			t.Lower == "do" || t.Lower == "does" || t.Lower == "did" || t.Lower == "'ve" || t.Lower == "'d":
		case t.Lower == "to":
			// "wants to attack", "refused to meet": look at the verb or
			// adjective governing the infinitive
			g := k - 1
			if g >= 0 && toks[g].Lower == "yet" && g > 0 && (toks[g-1].Lower == "has" || toks[g-1].Lower == "have" || beForms[toks[g-1].Lower]) {
				m.negated = true // "has yet to condemn": not done
			}
			for g >= 0 && (toks[g].Tag == "RB" || negWords[toks[g].Lower] || timeWords[toks[g].Lower]) {
				if negWords[toks[g].Lower] {
					m.negated = true
				}
				g--
			}
			if g >= 0 {
				gw := toks[g]
				switch {
				case intentVerbs[gw.Lower] || intentVerbs[gw.Lemma]:
					m.intent = true
					m.intentVerb = true
					m.commit = pledgeVerbs[gw.Lower] || pledgeVerbs[gw.Lemma]
					head = g
					k = g
					// the governor's own auxiliaries ("would not want to")
					for x := g - 1; x >= 0 && x >= g-4; x-- {
						tx := toks[x]
						if negWords[tx.Lower] {
							m.negated = true
						} else if beForms[tx.Lower] || modals[tx.Lower] || tx.Tag == "RB" || tx.Tag == "MD" {
						} else {
							break
						}
						head = x
					}
					continue
				case refuseVerbs[gw.Lower] || refuseVerbs[gw.Lemma]:
					m.refused = true
					head = g
					k = g
					continue

				case commitVerbs[gw.Lower] || commitVerbs[gw.Lemma]:
					head = g
					k = g
					continue
				}
				if negatedGovernor(st, g) {
					// "would not allow criminals to hijack", "do not have
					// the legitimacy to demand": nothing is done
					m.negated = true
				}
			}
			k = -1
			continue
		default:
			k = -1
			continue
		}
		head = k
	}
	if sawBe && (a.Tag == "VBN" || a.Tag == "VBD") && !(m.last > m.anchor && toks[m.anchor+1].Tag == "IN" && toks[m.anchor+1].Lower != "by" &&
		byAgent(st, m.end) < 0 && (!m.pat.Foreign && statePassives[a.Lemma] || m.pat.Foreign)) {
		// "was attacked", "were killed in an air strike", but not "were
		// engaged in ethnic cleansing": a participle that names a state
		// its subject is in, whose pattern goes on with the preposition
		// (imported patterns keep the older reading: any pattern that
		// goes on with a preposition other than "by")
		m.passive = true
	}
	// reduced relative: "officials accused of …", "a man arrested in …"
	if !m.passive && head == m.anchor && m.pre0 < 0 && reducedRelative(st, m.anchor) {
		m.passive = true
	}
	if !m.passive && head == m.anchor && m.pre0 < 0 && byPhraseParticiple(st, m) {
		m.passive = true
	}
	m.head = head
}

// byPhraseParticiple reports whether the anchor is a past form after a noun
// phrase, followed by a preposition and, in its clause, a "by" agent: the
// headline "Soldier killed in Syria by Isis", "two soldiers killed in an
// attack by militants" are passives without "was".
func byPhraseParticiple(st *sent, m *match) bool {
	i := m.anchor
	a := st.toks[i]
	if i == 0 || i+1 >= len(st.toks) || (a.Tag != "VBN" && a.Tag != "VBD") || m.pat.Foreign {
		return false
	}
	if p := st.toks[i-1]; st.coveredBy[i-1] < 0 && !isNoun(p.Tag) || p.Tag == "PRP" {
		return false
	}
	if n := st.toks[i+1]; n.Tag != "IN" || n.Lower == "by" || n.Lower == "that" {
		return false
	}
	for k := i + 2; k < len(st.toks) && k < i+8; k++ {
		switch t := st.toks[k]; {
		case t.Text == "," || boundary(t) || isVerb(t.Tag):
			return false // "met on Monday, a day backed by Russia"
		case t.Lower == "by":
			return byAgent(st, k) >= 0
		}
	}
	return false
}

// negatedGovernor reports whether the words before an infinitive's "to",
// ending at g, hold a negated verb of the same clause: "not allow criminals
// (to)", "do not have the right (to)", "no authority (to)".
func negatedGovernor(st *sent, g int) bool {
	toks := st.toks
	for x := g; x >= 0 && x >= g-5; x-- {
		t := toks[x]
		if negWords[t.Lower] {
			return true
		}
		if boundary(t) || t.Text == "," || t.Lower == "that" || t.Lower == "to" || subordinators[t.Lower] && t.Tag == "IN" || t.Lower == "and" || t.Lower == "but" {
			return false
		}
	}
	return false
}

// linkComplements handles a dictionary verb governing another dictionary
// verb through "to": "urged Syria to release", "agreed to lift",
// "threatened to attack". Appeals, demands, rejections and generic intents
// take the complement's root as their sub-code and absorb it; any other
// governor gives way to the complement, which inherits its modality.
//
// With codeAll (TABARI's "SET: CODE ALL") every verb codes: a complement an
// appeal, demand or rejection would absorb is coded as well, from the
// governor's subject ("urged X to assist": the urging and the assistance).
func linkComplements(st *sent, ms []*match, codeAll, phrase bool) {
	for i, g := range ms {
		if g.dropped {
			continue
		}
		for _, c := range ms[i+1:] {
			if c.dropped {
				continue
			}
			if c.head <= g.anchor && c.anchor > g.last && (root(g.pat.Code) == "03" || root(g.pat.Code) == "13" && !g.pat.Foreign) {
				// "is ready to contribute troops": the complement's own
				// intent code already says it
				g.dropped = true
				break
			}
			if c.head <= g.last {
				continue
			}
			if !g.pat.Foreign && root(g.pat.Code) == "01" && root(c.pat.Code) != "01" && documentIssuer(st, c.anchor) == g.anchor {
				// "issued a statement demanding that Turkey release …":
				// what the statement does is the event, not its issue
				g.dropped = true
				break
			}
			// between g's end and c's anchor: optional object, "to", adverbs
			k := g.end
			if k < c.anchor && st.startAt[k] >= 0 {
				// the governor's object, coordinated ones included
				for _, mi := range conjoined(st, st.startAt[k]) {
					if e := st.ments[mi].Tok1; e > k && e <= c.anchor {
						k = e
					}
				}
			}
			for k < c.anchor && st.toks[k].Tag == "IN" && st.toks[k].Lower != "that" && !subordinators[st.toks[k].Lower] {
				// a prepositional phrase of actors: "offered to mediate
				// between Hamas and Israel to end the fighting"
				j := k + 1
				for j < c.anchor && st.startAt[j] < 0 && (st.toks[j].Tag == "DT" || st.toks[j].Tag == "JJ") {
					j++
				}
				if j >= c.anchor || st.startAt[j] < 0 {
					break
				}
				e := st.ments[st.startAt[j]].Tok1
				for _, mi := range conjoined(st, st.startAt[j]) {
					if x := st.ments[mi].Tok1; x > e && x <= c.anchor {
						e = x
					}
				}
				k = e
			}
			for k < c.anchor && (st.toks[k].Tag == "RB" || st.toks[k].Lower == "to" || negWords[st.toks[k].Lower] || timeWords[st.toks[k].Lower]) {
				k++
			}
			if g.target >= 0 {
				for _, mi := range conjoined(st, g.target) {
					if e := st.ments[mi].Tok1; e > k && e <= c.anchor {
						k = e
					}
				}
			}
			for n := 0; n < 2 && k < c.anchor && isNoun(st.toks[k].Tag) && !timeWords[st.toks[k].Lower]; n++ {
				k++ // the object's head noun, if no dictionary word ("partners")
			}
			for k < c.anchor && timeWords[st.toks[k].Lower] {
				k++ // "met Assad Tuesday to discuss"
			}
			if k < c.anchor && st.toks[k].Lower == "to" {
				k++ // "urged partners to help"
			}
			if k < c.anchor && k == c.head && c.passive {
				k = c.anchor // "to be allowed to leave"
			}
			if k < c.anchor && (st.toks[k].Lower == "of" || st.toks[k].Lower == "for") {
				k++ // "accused X of killing", "blamed X for attacking"
			}
			if k == c.anchor && st.toks[c.anchor].Tag == "VBG" && g.end <= c.anchor && (g.end == c.anchor || st.toks[c.anchor-1].Lower == "of" || st.toks[c.anchor-1].Lower == "for") {
				// "accused Rwanda of violating …", "blamed X for attacking":
				// the gerund is what the governor is about
				switch root(g.pat.Code) {
				case "02", "10", "11", "12", "13":
					c.dropped = true
					c.governor = g
				}
				break
			}
			if k != c.anchor || !hasTo(st, g.end, c.anchor) && !(g.end > 0 && st.toks[g.end-1].Lower == "to") {
				// (the governor's pattern may end on the "to": "agree to")
				break
			}
			if ownInfinitive(st, g) && (root(g.pat.Code) == "03" || root(g.pat.Code) == "13") {
				// "offered to mediate between Hamas and Israel to end the
				// fighting": the offer is the event, its aim is not done
				c.dropped = true
				break
			}
			if g.pat.Tree && g.pat.Code == "---" && g.pat.Code2 != "" {
				// a PETRARCH-2 passive reading ("faces pressure from
				// Congress to help Iran"): the infinitive is in the noun
				// phrase, what is pressed for, not an act
				c.dropped = true
				break
			}
			if gr := root(g.pat.Code); !g.pat.Foreign && gr != "02" && gr != "10" && gr != "12" && isNoun(st.toks[g.last].Tag) && g.target < 0 {
				// a governor ending on its noun: the infinitive is what the
				// thing or people named are for or do, not the governor's
				// subject's act ("signed an agreement to tighten security",
				// "invited foreign observers to monitor the vote", "pledged
				// troops to fight")
				c.dropped = true
				break
			}
			if !g.pat.Foreign && len(g.pat.Elems) > 0 && g.pat.Elems[len(g.pat.Elems)-1].Kind == lexicon.ElemSource {
				// "faces pressure from Congress to help Iran": the
				// infinitive is what the pressure is for, in its noun
				// phrase; the demand stays as it is
				c.dropped = true
				break
			}
			if !g.pat.Foreign && commandVerbs[st.toks[g.anchor].Lower] && g.target >= 0 && ownForces(st, g) {
				// "Iran ordered its troops to attack Syria": the state
				// acts through its forces; the order is the act
				g.dropped = true
				c.governor = g
				c.head = g.head
				break
			}
			c.governor = g
			gc := g.pat.Code
			croot := root(c.pat.Code)
			if sub := complementDigit[croot]; sub != "" && len(gc) == 3 && gc[2] == '0' &&
				(gc[:2] == "02" || gc[:2] == "03" || gc[:2] == "10" || gc[:2] == "12") {
				refined := gc[:2] + sub
				if cameo.Valid(refined) {
					g.refinedCode = refined
				}
				if g.target < 0 && c.target >= 0 && gc[:2] != "02" && gc[:2] != "10" {
					g.target = c.target
				}
				c.dropped = !codeAll || g.pat.Tree
			} else if gc[:2] == "02" || gc[:2] == "10" || gc[:2] == "12" {
				c.dropped = !codeAll
			} else if gw := st.toks[g.anchor]; !(intentVerbs[gw.Lower] || intentVerbs[gw.Lemma] || pledgeVerbs[gw.Lower] || pledgeVerbs[gw.Lemma] || gc[:2] == "03" || gc[:2] == "13") {
				// a purpose clause ("met Assad to discuss …"): the
				// governor is the event; a complement of the same root
				// adds nothing
				c.governor = nil
				c.purposeOf = g
				if root(c.pat.Code) == gc[:2] || phrase {
					c.dropped = true
				}
			} else {
				// the governor is a modal-like verb ("agree", "threaten",
				// "offer"): code the complement with its modality.
				g.dropped = true
				gw := st.toks[g.anchor]
				if intentVerbs[gw.Lower] || intentVerbs[gw.Lemma] || gc[:2] == "13" || gc[:2] == "03" {
					c.intent = true
					c.intentVerb = true
					c.commit = gc[:2] != "13" && (pledgeVerbs[gw.Lower] || pledgeVerbs[gw.Lemma] || gc[:2] == "03")
				}
				if g.negated {
					c.negated = true
				}
				c.head = g.head
			}
			break
		}
	}
	dropTopics(st, ms)
}

// ownInfinitive reports whether match g takes in a "to" and the verb after
// it ("offer to mediate"): an intent complete in itself.
func ownInfinitive(st *sent, g *match) bool {
	for k := g.anchor + 1; k < g.last; k++ {
		if st.toks[k].Lower == "to" && isVerb(st.toks[k+1].Tag) {
			return true
		}
	}
	return false
}

// topicNouns name what is talked about when an infinitive follows them
// ("discussed ways to counter the militants").
var topicNouns = set("effort", "efforts", "way", "ways", "means", "plan", "plans", "measure", "measures",
	"step", "steps", "proposal", "proposals", "possibility", "possibilities", "option", "options", "strategy",
	"strategies", "bid", "bids", "initiative", "initiatives", "attempt", "attempts", "idea", "ideas", "move", "moves")

// dropTopics drops an infinitive after a topic noun that a consultation
// is about ("met Assad to discuss efforts to counter Islamic State",
// "held talks on ways to end the war"): the meeting is the event, what
// it considered is not done.
func dropTopics(st *sent, ms []*match) {
	for _, c := range ms {
		h := c.head
		if c.dropped || h < 3 || st.toks[h-1].Lower != "to" || !topicNouns[st.toks[h-2].Lower] {
			continue
		}
		for _, g := range ms {
			if g == c || root(g.pat.Code) != "04" || g.end > h-2 || h-2-g.end > 3 {
				continue
			}
			verb := false
			for k := g.end; k < h-2; k++ {
				verb = verb || isVerb(st.toks[k].Tag) && st.toks[k].Tag != "VBN"
			}
			if !verb {
				c.dropped = true
				break
			}
		}
	}
}

// laterFiniteVerb reports whether a finite verb follows in the clause, so
// that the participle before it is a reduced relative ("officials accused
// of X would be indicted").
func laterFiniteVerb(st *sent, from int) bool {
	for k := from; k < len(st.toks); k++ {
		t := st.toks[k]
		if t.Text == "," || t.Text == ";" || st.attrib[k] {
			return false
		}
		switch t.Tag {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

// reducedRelative reports whether the participle at i modifies the noun
// before it ("officials accused of …", "a Hamas member jailed a year ago")
// rather than being that noun's verb: the clause has another finite verb,
// and a past-tense form must not be followed by an object.
func reducedRelative(st *sent, i int) bool {
	a := st.toks[i]
	if i == 0 || (a.Tag != "VBN" && a.Tag != "VBD") {
		return false
	}
	prev := st.toks[i-1]
	if !(st.coveredBy[i-1] >= 0 && prev.Tag != "PRP" || prev.Tag == "NNS" || prev.Tag == "NN" || prev.Lower == "those") {
		return false
	}
	if mi := st.coveredBy[i-1]; mi >= 0 && st.ments[mi].Kind == "pair" {
		return false // "… and the two sides agreed": they refer back, as subjects
	}
	// a noun phrase right after "said (that)" is the subject of a new
	// clause: "X said the rebels attacked …"
	np := i - 1
	if mi := st.coveredBy[np]; mi >= 0 {
		np = st.ments[mi].Tok0
	}
	for np > 0 && (strings.HasPrefix(st.toks[np-1].Tag, "NN") || st.toks[np-1].Tag == "JJ" || st.toks[np-1].Tag == "DT" || st.toks[np-1].Tag == "CD" || st.toks[np-1].Tag == "PRP$") {
		np--
	}
	if np == 0 {
		return false
	}
	switch b := st.toks[np-1]; {
	case b.Lower == "that" || sayVerbs[b.Lower]:
		return false // "X said its forces killed …"
	case (b.Lower == "and" || b.Lower == "but") && np > 1 && st.toks[np-2].Text == ",", b.Lower == "while", b.Lower == "as", b.Lower == "when", b.Text == ";":
		return false // ", and Israel responded …": a new clause
	case subordinators[b.Lower] && i+1 < len(st.toks) && (st.startAt[i+1] >= 0 || st.toks[i+1].Tag == "DT"):
		return false // "after Syrian rebels attacked Israel": a clause with an object, no participle
	}
	// the noun must not be the clause's subject: another finite verb
	// governs it (for a past-tense form, one before it)
	if a.Tag == "VBD" && !earlierFiniteVerb(st, i-1) || !laterFiniteVerb(st, i+1) && !earlierFiniteVerb(st, i-1) {
		return false
	}
	if a.Tag == "VBN" && i+1 < len(st.toks) && !ditransitive[a.Lower] {
		// a participle takes no object: "hackers linked to Russia
		// attacked/VBN the websites" is a past with its object
		if n := st.toks[i+1]; st.startAt[i+1] >= 0 || n.Tag == "DT" || n.Tag == "PRP$" {
			return false
		}
	}
	if a.Tag == "VBD" && i+1 < len(st.toks) {
		j := i + 1
		if st.toks[j].Tag == "RP" && j+1 < len(st.toks) {
			j++ // "crowds burned down the embassy": the particle's object
		}
		n := st.toks[j]
		if j+1 < len(st.toks) && durationWords[st.toks[j+1].Lower] {
			return true // "jailed a year ago", "held two weeks"
		}
		switch {
		case st.startAt[j] >= 0, n.Tag == "DT", n.Tag == "PRP", n.Tag == "PRP$", n.Tag == "CD", strings.HasPrefix(n.Tag, "NN"), n.Tag == "JJ":
			return false // "… officials accused Rwanda": an object, so active
		}
	}
	return true
}

// ditransitive participles keep an object in the passive: "a man given
// a life sentence", "troops sent a warning".
var ditransitive = set("given", "awarded", "shown", "offered", "sent", "told", "asked", "granted", "denied",
	"handed", "promised", "paid", "lent", "sold", "taught", "allowed", "charged", "accused", "sentenced", "named", "called", "elected", "appointed")

var durationWords = set("year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "decade", "decades")

// earlierFiniteVerb reports whether a finite verb precedes position from in
// the sentence, so that a participle after a noun is a reduced relative
// ("Israel released the mayor, a Hamas member jailed a year ago").
func earlierFiniteVerb(st *sent, from int) bool {
	for k := from; k >= 0; k-- {
		switch st.toks[k].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			if adjectivalVBD(st, k) {
				continue
			}
			return !st.attrib[k]
		}
	}
	return false
}

// adjectivalVBD reports whether the past form at k sits between two nouns,
// as a participle does in "laser guided missiles".
func adjectivalVBD(st *sent, k int) bool {
	if st.toks[k].Tag != "VBD" || k == 0 || k+1 >= len(st.toks) || st.coveredBy[k-1] >= 0 {
		return false
	}
	prev, next := st.toks[k-1].Tag, st.toks[k+1].Tag
	// a singular modifier noun before, a common noun after: not "troops
	// shelled Syria"
	return prev == "NN" && (next == "NN" || next == "NNS")
}

func hasTo(st *sent, from, to int) bool {
	for k := from; k < to; k++ {
		if st.toks[k].Lower == "to" {
			return true
		}
	}
	return false
}

// complementDigit maps the root of a "to"-complement to the third digit of
// the 02x (appeal), 03x (intent), 10x (demand) and 12x (reject) codes.
var complementDigit = map[string]string{"06": "1", "05": "2", "07": "3", "08": "5", "04": "6"}

// commandVerbs give orders to those who carry them out.
var commandVerbs = set("order", "ordered", "orders", "ordering", "instruct", "instructed", "instructs",
	"direct", "directed", "directs", "command", "commanded", "commands")

// ownForces reports whether the target of g is the subject's own
// military or police: "its troops", "Iranian forces" after Iran.
func ownForces(st *sent, g *match) bool {
	t := st.ments[g.target]
	if !slices.Contains(t.Sectors, "MIL") && !slices.Contains(t.Sectors, "COP") {
		return false
	}
	if strings.Contains(t.Kind, "+possessive") {
		return true
	}
	s := subject(st, g.head)
	return s >= 0 && st.ments[s].Country == t.Country // (or both of none named: "the president ordered the army")
}
