// Package coder is the event stage: it finds verb-pattern matches in each
// sentence, reads the clause around each one — subject, object, passive
// voice, negation, modality, "to"-complements, compound actors, attribution
// tails — and emits CAMEO events between the actor mentions the actor stage
// found.
//
// It reads Analysis.Sentences and Analysis.Mentions and fills
// Analysis.Events. No parse tree is needed: clause analysis works over
// part-of-speech tags, the actor mentions and a few closed word classes.
package coder

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/lexicon"
)

// Coder codes events. It is safe for concurrent use.
type Coder struct {
	lex  *lexicon.Lexicon
	opts Options
}

// Options change what the coder emits. The zero value is dyad's default.
// The fields mirror the per-record options of the PETRARCH and TABARI
// validation suites.
type Options struct {
	// RequireDyad drops events that have no target (PETRARCH's
	// require_dyad); by default dyad keeps them with an empty target.
	RequireDyad bool
	// NewActorLength, when positive, makes every noun phrase that names
	// no actor a possible source or target (PETRARCH's new_actor_length;
	// 0 = off): one of at most that many words is coded with its words in
	// upper case and quotation marks ("\"THE HARBOUR COUNCIL\""), a
	// longer one fills its slot but is no actor (its events are dropped
	// with RequireDyad). See newactor.go.
	NewActorLength int
	// Comma deletes comma-delimited stretches of a sentence before it is
	// coded (PETRARCH-1's comma_* settings, TABARI's "COMMA:" option).
	Comma CommaRule
	// LinearTarget takes, for a match with no target in its clause, the
	// first actor after the match anywhere in the rest of the sentence, as
	// TABARI and PETRARCH-1 do.
	LinearTarget bool
	// Countryless says what an agent of no country ("---GOV": "security
	// forces" with no state named) is as an actor.
	Countryless AgentRule
	// MinWords leaves sentences of fewer words uncoded (TABARI's "SET:
	// MINIMUM WORDS"; 0 = off). "Syria's" is one word.
	MinWords int
	// Default names the actors that stand in for a missing source or
	// target (TABARI's "DEFAULT:" option).
	Default Defaults
	// Forward is the code of the actor a subject pronoun ("he", "it",
	// "they") stands for when it resolves to nothing in its own sentence:
	// the actor carried over from the sentence before (TABARI's
	// "FORWARD:"; "" = off).
	Forward string
	// CodeBy says how many verbs of a sentence are coded: all of them
	// (the default), one per clause or one per sentence.
	CodeBy CodeUnit
	// Dominance honours the marks of imported codes ("031!" dominant,
	// "023?" subordinate) when CodeBy is CodeAll: a dominant verb's
	// events replace the sentence's others. (CodeByClause and
	// CodeBySentence always honour them.)
	Dominance bool
	// ClauseActors finds actors as TABARI does where the clause analysis
	// finds none: the source is the first actor of the verb's clause
	// before the verb, and the target, when no actor follows the verb,
	// an actor between the source and the verb (a compound source's other
	// members).
	ClauseActors bool
	// Possessive says how "A's [modifiers] B" is coded, where A is a
	// state and B a titled name ("Freedonia's foreign minister Rufus").
	Possessive PossessiveRule
	// DiscardCode leaves a sentence uncoded when one of its actors, or a
	// verb pattern that matches in it, has TABARI's discard code "###"
	// (an undated "[###]" actor entry is a discard phrase whatever this
	// says).
	DiscardCode bool
	// PhraseVerbs takes an imported pattern's anchor for a verb only
	// outside noun phrases, as PETRARCH's parse trees do: not in "an
	// anti- Freedonia parade" (a word right after an article is never an
	// imported pattern's verb, whatever this says).
	PhraseVerbs bool
}

// PossessiveRule says how the coder reads a state's possessive before a
// titled name.
type PossessiveRule uint8

// The possessive rules.
const (
	// PossessiveApart keeps the two mentions the actor stage found:
	// dyad's way.
	PossessiveApart PossessiveRule = iota
	// PossessiveOwner makes the phrase one actor coded as the state
	// alone: the title goes with the name (TABARI).
	PossessiveOwner
	// PossessiveOwnerTitles makes the phrase one actor coded as the
	// state with the title's sectors (PETRARCH: the noun phrase's first
	// actor and its agents). Adjectives joined by "and" may stand between
	// ("Freedonia's brave and loyal envoy Rufus").
	PossessiveOwnerTitles
)

// AgentRule says how the coder treats an actor mention whose code has no
// country ("---" followed by sectors).
type AgentRule uint8

// The agent rules.
const (
	// AgentKeep codes it as it is ("---GOV"): dyad's and PETRARCH's way.
	AgentKeep AgentRule = iota
	// AgentDrop makes it no actor: TABARI's way.
	AgentDrop
	// AgentTilde codes it "~" and its sectors ("~GOV"): TABARI with
	// "SET: CONVERT AGENT = TRUE".
	AgentTilde
)

// countryless applies rule to the mentions with no country, returning the
// mentions left (ments itself when nothing changes).
func countryless(ments []dyad.Mention, rule AgentRule) []dyad.Mention {
	if rule == AgentKeep {
		return ments
	}
	var out []dyad.Mention
	for i, m := range ments {
		if m.Country != "" || !strings.HasPrefix(m.Code, "---") || m.Kind == "pronoun" {
			if out != nil {
				out = append(out, m)
			}
			continue
		}
		if out == nil {
			out = append(make([]dyad.Mention, 0, len(ments)), ments[:i]...)
		}
		if rule == AgentTilde && len(m.Code) > 3 {
			m.Code = "~" + m.Code[3:]
			out = append(out, m)
		}
	}
	if out == nil {
		return ments
	}
	return out
}

// New returns a Coder over the given verb dictionaries with the default
// options.
func New(lex *lexicon.Lexicon) *Coder { return &Coder{lex: lex} }

// NewWith returns a Coder with the given options.
func NewWith(lex *lexicon.Lexicon, opts Options) *Coder { return &Coder{lex: lex, opts: opts} }

// match is one verb pattern found in a sentence.
type match struct {
	pat      *lexicon.VerbPattern
	anchor   int // token index of the anchor word
	last     int // token index of the last literal word
	target   int // mention index at the + slot, or -1
	source   int // mention index at the $ slot, or -1
	end      int // token index just past the match
	literals int
	dropped  bool
	// pre0 is the first token of the words an imported pattern requires
	// before its anchor, or -1.
	pre0 int
	// compound is the mention index at a "%" slot, or -1.
	compound int
	// filled by clause analysis
	head        int // first token of the verb chain (auxiliaries, modals)
	negated     bool
	intent      bool
	commit      bool // the intent is a commitment (pledge, promise, agree)
	must        bool // "must", "should": a demand when someone else says it
	modal       bool // "will", "would"
	intentVerb  bool // "wants to", "plans to", "threatened to"
	refused     bool
	passive     bool
	governor    *match // the verb whose "to"-complement this is
	purposeOf   *match // the verb this is the purpose of ("visited Myanmar to press …"): its subject acts
	spokenAct   *match // the noun act this verb speaks of ("denounced Serbia's suppression of …")
	refinedCode string
	// passiveAnchor is set when the anchor is a participle after a form
	// of "be": its target slot may stay empty.
	passiveAnchor bool
}

// first is the first token of the match's words.
func (m *match) first() int {
	if m.pre0 >= 0 && m.pre0 < m.anchor {
		return m.pre0
	}
	return m.anchor
}

// sent is the per-sentence working state.
type sent struct {
	idx int
	// imported: the sentence is coded with an imported dictionary, whose
	// readings follow PETRARCH's and TABARI's
	imported  bool
	toks      []dyad.Token
	ments     []dyad.Mention  // this sentence's mentions, by position
	startAt   []int           // token → mention index starting there, or -1
	coveredBy []int           // token → mention index covering it, or -1
	attrib    []bool          // token lies in an attribution tail ("…, he said")
	words     map[string]bool // lemmas and lower-case forms present
	// consumed are the reporting verbs whose report a PETRARCH-2
	// transformation coded as one event: their own events are dropped
	consumed []int
}

// Code fills a.Events.
func (c *Coder) Code(a *dyad.Analysis) error {
	byS := make([][]dyad.Mention, len(a.Sentences))
	for _, m := range a.Mentions {
		if m.Sentence >= 0 && m.Sentence < len(byS) {
			byS[m.Sentence] = append(byS[m.Sentence], m)
		}
	}
	skip := make([]bool, len(a.Sentences))
	for si, s := range a.Sentences {
		// imported discard lists: a sentence (or the whole story) that
		// names one of their phrases is not coded
		if e, _ := c.lex.DiscardIn(s.Tokens); e != nil {
			if e.Kind == lexicon.KindDiscardStory {
				return nil
			}
			skip[si] = true
		}
	}
	for si, s := range a.Sentences {
		if len(s.Tokens) == 0 || skip[si] {
			continue
		}
		if c.opts.MinWords > 0 && textWords(s.Tokens) < c.opts.MinWords {
			continue
		}
		if c.opts.DiscardCode && discardMention(byS[si]) {
			continue
		}
		toks, ments := s.Tokens, countryless(byS[si], c.opts.Countryless)
		sort.SliceStable(ments, func(i, j int) bool { return ments[i].Tok0 < ments[j].Tok0 })
		ments = parenAbbreviations(toks, ments)
		if c.opts.Possessive != PossessiveApart {
			ments = possessiveHeads(toks, ments, c.opts.Possessive)
		}
		if del := commaDeleted(toks, ments, c.opts.Comma); del != nil {
			toks, ments = reduce(toks, ments, del)
			if len(toks) == 0 {
				continue
			}
		}
		st := newSent(si, toks, ments)
		if c.opts.ClauseActors {
			if pm := pronounMentions(st); len(pm) > 0 {
				st = newSent(si, toks, append(append([]dyad.Mention(nil), st.ments...), pm...))
			}
		}
		if c.opts.LinearTarget && !c.opts.RequireDyad {
			// TABARI and PETRARCH-1 know no attribution tails: where
			// one-actor events are kept, "…, an official said" is coded
			clear(st.attrib)
		}
		for _, ev := range splitMultiCodes(c.codeSentence(a, st)) {
			if c.opts.RequireDyad && (noActor(ev.Target) || noActor(ev.Source)) {
				continue
			}
			a.Events = append(a.Events, ev)
		}
	}
	linkQuotes(a)
	return nil
}

func newSent(si int, toks []dyad.Token, ments []dyad.Mention) *sent {
	sort.SliceStable(ments, func(i, j int) bool { return ments[i].Tok0 < ments[j].Tok0 })
	st := &sent{idx: si, toks: toks, ments: ments,
		startAt: make([]int, len(toks)+1), coveredBy: make([]int, len(toks)+1)}
	for i := range st.startAt {
		st.startAt[i], st.coveredBy[i] = -1, -1
	}
	for mi, m := range ments {
		if m.Tok0 < len(toks) && (st.startAt[m.Tok0] < 0 || m.Kind != "pair") {
			st.startAt[m.Tok0] = mi
		}
		for k := m.Tok0; k < m.Tok1 && k < len(toks); k++ {
			st.coveredBy[k] = mi
		}
	}
	st.attrib = attribution(toks, st.coveredBy)
	return st
}

func (c *Coder) codeSentence(a *dyad.Analysis, st *sent) []dyad.Event {
	ms := c.findMatches(st)
	st.imported = len(ms) > 0 && ms[0].pat.Foreign
	for _, m := range ms {
		if code, _ := codeMark(m.pat.Code); code == discardCode && c.opts.DiscardCode {
			return nil // a discard pattern: the sentence is not coded
		}
	}
	if c.opts.NewActorLength > 0 && len(ms) > 0 {
		st = withNewActors(st, ms, c.opts.NewActorLength)
	}
	for _, m := range ms {
		analyseChain(st, m)
	}
	linkComplements(st, ms, c.opts.CodeBy == CodeAll && c.opts.ClauseActors, c.opts.PhraseVerbs)
	commentedActs(st, ms)

	var out []dyad.Event
	if c.opts.CodeBy != CodeAll || c.opts.Dominance {
		var kept []*match
		var evs [][]dyad.Event
		for _, m := range ms {
			if m.dropped {
				continue
			}
			var es []dyad.Event
			for _, ev := range c.events(a, st, m) {
				if !c.opts.RequireDyad || !noActor(ev.Target) && !noActor(ev.Source) {
					es = append(es, ev)
				}
			}
			kept, evs = append(kept, m), append(evs, es)
		}
		if c.opts.CodeBy == CodeAll {
			out = dominant(kept, evs)
		} else {
			out = oneEventPer(st, kept, evs, c.opts.CodeBy)
		}
		return dedupe(claimedOnly(st, unconsumed(a, st, out)))
	}
	var attackers []string // sources of violence in the sentence's clauses
	var results []dyad.Event
	for _, m := range ms {
		if m.dropped {
			continue
		}
		es := c.events(a, st, m)
		if violentParticiple(st, m) {
			results = append(results, es...)
			continue
		}
		for _, e := range es {
			if violentRoot(e.Root) || strings.HasPrefix(e.Code, "175") {
				// (firing on protesters, 175, is an attack too)
				attackers = append(attackers, e.Source.Code)
			}
		}
		out = append(out, es...)
	}
	for _, e := range results {
		if violentRoot(e.Root) && (e.Target == nil || strings.HasPrefix(e.Target.Code, "---")) && slices.Contains(attackers, e.Source.Code) {
			// "Insurgents bombarded Aleppo, killing at least eight people":
			// the toll of the attack already coded, not another attack
			continue
		}
		out = append(out, e)
	}
	out = append(out, c.mustDemands(a, st, ms)...)
	out = append(out, c.complaintTail(a, st)...)
	return dedupe(claimedOnly(st, unconsumed(a, st, attacksWithVictims(st, out))))
}

// attacksWithVictims merges an attack noun that heads the subject of a
// verb of violence by the same source into that verb's event: "US
// Predator attacks have killed eight al-Qaeda leaders" is the attacks'
// killing of the leaders (a military attack: 190), not also an attack on
// no one; "Israeli air strikes killed 22 people" is one event, coded with
// the more specific of the two codes (195).
func attacksWithVictims(st *sent, evs []dyad.Event) []dyad.Event {
	nouns := map[int]bool{} // token start → a noun there
	for _, e := range evs {
		if violentRoot(e.Root) {
			nouns[e.Verb.Start] = false
		}
	}
	if len(nouns) < 2 {
		return evs
	}
	for _, t := range st.toks {
		if _, ok := nouns[t.Start]; ok {
			nouns[t.Start] = isNoun(t.Tag)
		}
	}
	nounAt := func(start int) bool { return nouns[start] }
	specific := func(code string) bool { return len(code) > 3 || !strings.HasSuffix(code, "0") }
	drop := make([]bool, len(evs))
	for i := range evs {
		e := &evs[i]
		if !violentRoot(e.Root) || e.Source == nil || !nounAt(e.Verb.Start) {
			continue
		}
		for j := range evs {
			o := &evs[j]
			if j == i || drop[j] || !violentRoot(o.Root) || o.Source == nil || o.Source.Code != e.Source.Code ||
				o.Target == nil || o.Target.Code == "" || o.Verb.Start <= e.Verb.End || nounAt(o.Verb.Start) {
				continue
			}
			if e.Target != nil && e.Target.Code != "" && e.Target.Code != o.Target.Code {
				continue
			}
			if specific(e.Code) && !specific(o.Code) || e.Root == "19" && o.Root == "18" {
				if info, ok := cameo.Lookup(e.Code); ok {
					o.Code, o.Root, o.Label, o.QuadClass, o.Goldstein, o.Plover = e.Code, info.Root, info.Label, info.QuadClass, info.Goldstein, info.Plover
					o.Rule += " (code of " + strconv.Quote(e.Verb.Text) + ")"
				}
			}
			drop[i] = true
			break
		}
	}
	var out []dyad.Event
	for i, e := range evs {
		if !drop[i] {
			out = append(out, e)
		}
	}
	return out
}

// unconsumed drops the events of reporting verbs whose report a
// transformation made one event ("X said Y attacked": not also X's 010).
func unconsumed(a *dyad.Analysis, st *sent, evs []dyad.Event) []dyad.Event {
	if len(st.consumed) == 0 {
		return evs
	}
	var out []dyad.Event
	for _, ev := range evs {
		drop := false
		for _, k := range st.consumed {
			if ev.Verb.Start == st.toks[k].Start && !strings.Contains(ev.Rule, " (transformation ") {
				drop = true
			}
		}
		if !drop {
			out = append(out, ev)
		}
	}
	return out
}

// claimedOnly drops the claim verb's own event ("110: CLAIM") when the
// claim is coded through what is claimed ("The US claimed that ISIL had
// attacked Iraq": USA → ISIL 112, not also USA → ISIL 110).
func claimedOnly(st *sent, evs []dyad.Event) []dyad.Event {
	claimers := map[string]bool{}
	for _, ev := range evs {
		if strings.Contains(ev.Rule, " (claimed: ") && ev.Source != nil {
			claimers[ev.Source.Code] = true
		}
	}
	if len(claimers) == 0 {
		return evs
	}
	out := evs[:0]
	for _, ev := range evs {
		if ev.Source != nil && claimers[ev.Source.Code] && !strings.Contains(ev.Rule, " (claimed: ") && claimVerbAt(st, ev.Verb.Start) {
			continue
		}
		out = append(out, ev)
	}
	return out
}

// claimVerbAt reports whether a claim verb starts at rune offset start.
func claimVerbAt(st *sent, start int) bool {
	for _, t := range st.toks {
		if t.Start == start {
			return claimVerbs[t.Lower]
		}
	}
	return false
}

// discardCode is TABARI's discard code ("[###]"): with Options.DiscardCode
// a sentence with an actor or a verb pattern of that code is not coded. (An
// undated TABARI actor entry of that code loads as a discard-sentence
// phrase; a dated one, "[### >010101]", and verb patterns keep the code.)
const discardCode = "###"

// discardMention reports whether one of a sentence's mentions has the
// discard code.
func discardMention(ments []dyad.Mention) bool {
	for _, m := range ments {
		if m.Code == discardCode {
			return true
		}
	}
	return false
}

// mustDemands codes "X said (that) Y must VERB …" as X's demand (100) of Y
// when VERB is no dictionary action (those are refined by their root in
// events).
func (c *Coder) mustDemands(a *dyad.Analysis, st *sent, ms []*match) []dyad.Event {
	var out []dyad.Event
	for k, t := range st.toks {
		if t.Tag != "MD" || (t.Lower != "must" && t.Lower != "should") || k+1 >= len(st.toks) {
			continue
		}
		covered := false
		for _, m := range ms {
			if m.head <= k && k < m.anchor+1 || m.anchor == k+1 {
				covered = true
				break
			}
		}
		if covered || !strings.HasPrefix(st.toks[k+1].Tag, "VB") && st.toks[k+1].Tag != "RB" {
			continue
		}
		subj := subject(st, k)
		if subj < 0 {
			continue
		}
		srcs := conjoined(st, subj)
		speaker := sayGovernor(st, srcs)
		if speaker < 0 {
			continue
		}
		pm := &match{pat: &lexicon.VerbPattern{Code: "100", Text: "SPEAKER say SUBJECT must VERB", Rule: "grammar"},
			anchor: k, last: k + 1, target: -1, source: -1, head: k, end: k + 2}
		out = append(out, c.govEvents(a, st, pm, speaker, srcs, "100", "demanded")...)
	}
	return out
}

// violentRoot reports whether a CAMEO root is violence: 18, 19, 20.
func violentRoot(r string) bool { return r == "18" || r == "19" || r == "20" }

// violentParticiple reports whether m is a participle clause after a comma
// (", killing eight people"), which tells what the clause before it did.
func violentParticiple(st *sent, m *match) bool {
	return m.head > 0 && st.toks[m.head].Tag == "VBG" && st.toks[m.head-1].Text == "," && violentRoot(root(m.pat.Code))
}

// complaintTail codes a sentence that ends in a complaint ("Croatia is
// failing refugees, a rights group complained"): the speaker criticises
// (or, "charged", "alleged", accuses) the subject of the sentence, which
// opens it.
func (c *Coder) complaintTail(a *dyad.Analysis, st *sent) []dyad.Event {
	toks := st.toks
	for k, t := range toks {
		code := complaintVerbs[t.Lower]
		if !st.attrib[k] || code == "" || !complaintVerb(t) {
			continue
		}
		speaker := -1
		if k > 0 && st.coveredBy[k-1] >= 0 {
			speaker = st.coveredBy[k-1] // "…, the group complained"
		} else if k+1 < len(toks) && st.startAt[k+1] >= 0 {
			speaker = st.startAt[k+1] // "…, complained the group"
		}
		if speaker < 0 {
			return nil
		}
		j := 0
		for j < len(toks) && j < 3 && st.startAt[j] < 0 && (toks[j].Tag == "DT" || toks[j].Tag == "JJ") {
			j++
		}
		if j >= len(toks) || st.startAt[j] < 0 || st.attrib[j] {
			return nil
		}
		pm := &match{pat: &lexicon.VerbPattern{Code: code, Text: "SUBJECT VERB …, SPEAKER complained", Rule: "grammar"},
			anchor: k, last: k, target: -1, source: -1, head: k, end: k + 1}
		return c.govEvents(a, st, pm, speaker, conjoined(st, st.startAt[j]), code, "complained of")
	}
	return nil
}

// findMatches tries every pattern anchored at every token and keeps the
// most specific non-overlapping matches.
func (c *Coder) findMatches(st *sent) []*match {
	var all []*match
	for i, t := range st.toks {
		if st.coveredBy[i] >= 0 || st.attrib[i] {
			continue
		}
		attributive := attributiveParticiple(st, i)
		cands := c.lex.Anchors(t.Lemma)
		if t.Lower != t.Lemma {
			cands = append(cands[:len(cands):len(cands)], c.lex.Anchors(t.Lower)...)
		}
		var best *match
		for _, p := range cands {
			if !st.mayMatch(p) {
				continue
			}
			if !p.Foreign && agentNounOf(t, p) {
				continue // "mediators" is no form of "mediate"
			}
			if !p.Foreign && attributive {
				continue // "enslaved Africans", "the detained activists": a description
			}
			if !p.Foreign && t.Tag == "JJ" && stemOnly(t, p) {
				continue // "brutal" shares its stem with "brutalize", "democratic" with "democratize"
			}
			m := matchPattern(st, p, i)
			if m == nil {
				continue
			}
			if best == nil || m.literals > best.literals ||
				(m.literals == best.literals && preElems(m.pat) > preElems(best.pat)) ||
				(m.literals == best.literals && preElems(m.pat) == preElems(best.pat) && exactAnchor(m) && !exactAnchor(best)) ||
				(m.literals == best.literals && m.pat.HasSlot(lexicon.ElemTarget) && m.target >= 0 && best.target < 0) ||
				(m.literals == best.literals && preElems(m.pat) == preElems(best.pat) && m.target >= 0 && best.target >= 0 &&
					st.ments[m.target].Tok0 < st.ments[best.target].Tok0) {
				// (of two readings alike, the one whose target comes first:
				// "struck rebel targets in Iraq" strikes the rebels)
				best = m
			}
		}
		if best == nil {
			continue
		}
		// a bare noun anchor ("attack", "visit") needs an actor that
		// owns it: "Israel's attack", "Israeli attack"; an imported
		// pattern's words before it ("raised its VOICE") stand for one.
		if t.Tag == "JJ" && best.pat.Foreign && best.literals == 1 && len(best.pat.Pre) == 0 {
			continue // "a brief visit": an adjective is no verb
		}
		if best.pat.Tree && (isNoun(t.Tag) && !(t.Tag == "NNS" && i > 0 && st.coveredBy[i-1] >= 0 && objectAfter(st, i)) || nounGerund(st, i)) {
			// (a plural "noun" right after an actor is its verb, mistagged:
			// "Freedonia confronts …")
			continue // PETRARCH-2 codes the verbs of its parse tree, not nouns ("in Israeli tank shelling")
		}
		if best.pat.Foreign && (i > 0 && articles[st.toks[i-1].Lower] || c.opts.PhraseVerbs && prefixedNoun(st, i)) {
			continue // "in an accord": a word after an article is a noun
		}
		if isNoun(t.Tag) && len(best.pat.Pre) == 0 && !ownedNoun(st, i) && !infinitiveNoun(st, i) {
			continue
		}
		if isNoun(t.Tag) && !best.pat.Foreign && best.last == i && modifierNoun(st, i) {
			continue // "rejection letters", "protest movement": a noun modifying a noun
		}
		all = append(all, best)
	}
	// an imported pattern whose words before its anchor take in another
	// match ("recently raised its VOICE" over "raised") is the more
	// specific reading
	all = dropContained(all)
	// drop matches whose literal words overlap a more specific one
	// verbs before nouns ("rejected a UN appeal for calm": the appeal is
	// the rejection's object), then the more specific
	sort.SliceStable(all, func(i, j int) bool {
		// a gerund after "of" is a complement ("accused Hamas of firing
		// rockets from civilian areas"): what governs it claims it first
		if ci, cj := ofGerund(st, all[i].anchor), ofGerund(st, all[j].anchor); ci != cj {
			return cj
		}
		vi := isVerb(st.toks[all[i].anchor].Tag) && !nominal(st, all[i].anchor)
		vj := isVerb(st.toks[all[j].anchor].Tag) && !nominal(st, all[j].anchor)
		if vi != vj {
			return vi
		}
		return all[i].literals > all[j].literals
	})
	used := make([]bool, len(st.toks)+1)
	var keep []*match
	for _, m := range all {
		clash := false
		for k := m.first(); k <= m.last; k++ {
			if used[k] {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		for k := m.first(); k <= m.last; k++ {
			used[k] = true
		}
		keep = append(keep, m)
	}
	sort.Slice(keep, func(i, j int) bool { return keep[i].anchor < keep[j].anchor })
	return keep
}

// modifierNoun reports whether the noun at i modifies a common noun right
// after it ("a college rejection letter").
func modifierNoun(st *sent, i int) bool {
	if i+1 >= len(st.toks) || st.coveredBy[i+1] >= 0 {
		return false
	}
	n := st.toks[i+1]
	return n.Tag == "NN" || n.Tag == "NNS"
}

// attributiveParticiple reports whether the participle at i describes the
// noun after it ("the detained activists", "released detained
// protesters", "as well as enslaved Africans") rather than heads a verb
// phrase ("were detained", "has detained", "police detained").
func attributiveParticiple(st *sent, i int) bool {
	t := st.toks[i]
	if (t.Tag != "VBN" && t.Tag != "VBD" && t.Tag != "JJ") || i == 0 || i+1 >= len(st.toks) || !strings.HasSuffix(t.Lower, "ed") {
		return false
	}
	n := st.toks[i+1]
	if !(n.Tag == "JJ" || n.Tag == "NNS" || n.Tag == "NNPS" || n.Tag == "NN" && st.coveredBy[i+1] >= 0) {
		return false
	}
	p := st.toks[i-1]
	if st.coveredBy[i-1] >= 0 || beForms[p.Lower] || p.Lemma == "have" || p.Lemma == "get" || p.Tag == "MD" || p.Tag == "RB" || p.Lower == "by" {
		return false
	}
	switch p.Tag {
	case "DT", "JJ", "CD", "PRP$", "POS", "IN", "VBD", "VBZ", "VBP", "VB":
		// (not after "and" or a comma: "accused Israel of stalling and
		// demanded guarantees" coordinates verbs)
		return true
	}
	return false
}

// stemOnly reports whether adjective t reaches pattern p's anchor only by
// their common stem: t is none of the anchor's written forms, nor a
// participle ("detained", "continuing").
func stemOnly(t dyad.Token, p *lexicon.VerbPattern) bool {
	w := t.Lower
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "en") {
		return false
	}
	first, _, _ := strings.Cut(p.Text, " ")
	for _, alt := range strings.Split(first, "/") {
		if strings.EqualFold(strings.Trim(alt, "()"), w) {
			return false
		}
	}
	return true
}

// agentNounOf reports whether t is an agent noun ("mediators",
// "protesters") that shares its stem with the verb anchoring p ("mediate",
// "protest") but is not written in p: the stemmer joins them, the pattern
// means the verb.
func agentNounOf(t dyad.Token, p *lexicon.VerbPattern) bool {
	if !isNoun(t.Tag) {
		return false
	}
	w := t.Lower
	if !(strings.HasSuffix(w, "or") || strings.HasSuffix(w, "ors") || strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ers") ||
		strings.HasSuffix(w, "ist") || strings.HasSuffix(w, "ists")) {
		return false
	}
	first, _, _ := strings.Cut(p.Text, " ")
	for _, alt := range strings.Split(strings.ToLower(first), "/") {
		if alt == w || alt+"s" == w || strings.TrimSuffix(w, "s") == alt {
			return false
		}
	}
	return true
}

// ofGerund reports whether the anchor at i is a gerund right after "of".
func ofGerund(st *sent, i int) bool {
	return i > 0 && st.toks[i].Tag == "VBG" && st.toks[i-1].Lower == "of"
}

// articles make the word after them a noun, which imported dictionaries
// do not code as their verb.
var articles = set("a", "an", "the")

// objectAfter reports whether an object-like word follows token i: a
// determiner, a noun or an actor ("Freedonia confronts cajolery"), not a
// preposition or punctuation ("rebel targets in northern Iraq").
func objectAfter(st *sent, i int) bool {
	if i+1 >= len(st.toks) {
		return false
	}
	n := st.toks[i+1]
	return st.startAt[i+1] >= 0 || n.Tag == "DT" || n.Tag == "NN" || n.Tag == "NNS" || n.Tag == "PRP$" || n.Tag == "CD"
}

// nounGerund reports whether the gerund at i ends a noun phrase: after a
// noun or adjective and before a preposition or punctuation ("killed in
// Israeli tank shelling in the east"), where "troops shelling the town" is
// a verb.
func nounGerund(st *sent, i int) bool {
	if st.toks[i].Tag != "VBG" || i == 0 {
		return false
	}
	p := st.toks[i-1].Tag
	if !isNoun(p) && p != "JJ" {
		return false
	}
	return i+1 == len(st.toks) || st.toks[i+1].Tag == "IN" || boundary(st.toks[i+1]) || st.toks[i+1].Text == ","
}

// prefixedNoun reports whether the word at i heads a noun phrase that an
// article opens, with a prefix cut off its word and the actor it governs
// between them ("an anti- Freedonia parade").
func prefixedNoun(st *sent, i int) bool {
	k := i - 1
	for k >= 0 && st.coveredBy[k] >= 0 {
		k--
	}
	if k < 0 || k == i-1 || !strings.HasSuffix(st.toks[k].Text, "-") || len(st.toks[k].Text) < 2 {
		return false
	}
	for k--; k >= 0 && strings.HasPrefix(st.toks[k].Tag, "JJ"); k-- {
	}
	return k >= 0 && articles[st.toks[k].Lower]
}

// pronounMentions stands a personal pronoun that the actor stage left
// unresolved ("it", "him", "they") in a later clause for the sentence's
// first actor and the actors compounded with it, as TABARI dereferences
// pronouns: "Freedonia urged Sylvania to wait and then it asked …" is
// Freedonia asking. A
// compound antecedent gives one mention with the codes joined by "/",
// which splitMultiCodes expands into one event per code.
func pronounMentions(st *sent) []dyad.Mention {
	var out []dyad.Mention
	var starts []bool
	first, newClause := -1, false
	for i, t := range st.toks {
		if st.coveredBy[i] >= 0 {
			if first < 0 {
				first = st.coveredBy[i]
			}
			continue
		}
		if t.Tag != "PRP" || !derefPronouns[t.Lower] || first < 0 {
			continue
		}
		if starts == nil {
			starts = clauseStarts(st)
		}
		for k := st.ments[first].Tok1; k <= i && !newClause; k++ {
			newClause = starts[k]
		}
		if !newClause {
			continue // in its antecedent's own clause it is someone else
		}
		m := st.ments[first]
		var codes []string
		for _, x := range conjoined(st, first) {
			if c := st.ments[x].Code; !slices.Contains(codes, c) {
				codes = append(codes, c)
			}
		}
		m.Tok0, m.Tok1, m.Start, m.End, m.Text = i, i+1, t.Start, t.End, t.Text
		m.Code, m.Kind, m.Entity = strings.Join(codes, "/"), "pronoun", ""
		out = append(out, m)
	}
	return out
}

// derefPronouns are the personal pronouns pronounMentions resolves.
var derefPronouns = set("it", "he", "she", "they", "him", "her", "them")

// preElems counts the elements of p's words before its anchor, gaps
// aside: "IN *" is no more specific than "IN_*".
func preElems(p *lexicon.VerbPattern) int {
	n := 0
	for _, e := range p.Pre {
		if e.Kind != lexicon.ElemGap {
			n++
		}
	}
	return n
}

// dropContained removes the matches whose words lie inside those of a
// match with words before its anchor and more literal words.
func dropContained(all []*match) []*match {
	var out []*match // nil until a match is dropped
	for i, a := range all {
		contained := false
		for _, b := range all {
			if b != a && len(b.pat.Pre) > 0 && b.first() <= a.first() && a.last <= b.last && b.literals > a.literals {
				contained = true
				break
			}
		}
		switch {
		case contained && out == nil:
			out = append(make([]*match, 0, len(all)), all[:i]...)
		case !contained && out != nil:
			out = append(out, a)
		}
	}
	if out == nil {
		return all
	}
	return out
}

// passiveAt reports whether token i is a participle after a form of "be"
// (with adverbs or a negation between).
func passiveAt(st *sent, i int) bool {
	t := st.toks[i]
	if t.Tag != "VBN" && t.Tag != "VBD" {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		x := st.toks[k]
		if beForms[x.Lower] {
			return true
		}
		if x.Tag != "RB" && !negWords[x.Lower] {
			break
		}
	}
	return reducedRelative(st, i)
}

// quantifier reports whether token j belongs to a quantity before a noun:
// "up to 16", "at least eight", "more than 30", "nearly 2,000".
func quantifier(st *sent, j int) bool {
	switch st.toks[j].Lower {
	case "up", "at", "least", "more", "than", "nearly", "about", "around", "some", "over", "almost", "roughly", "fewer", "less":
		return j+1 < len(st.toks)
	case "to":
		return j > 0 && st.toks[j-1].Lower == "up"
	}
	return false
}

// participleBefore reports whether token j is a participle used as an
// adjective before an actor: "the two exiled dissidents", "wounded soldiers".
func participleBefore(st *sent, j int) bool {
	t := st.toks[j]
	afterDet := j > 0 && (st.toks[j-1].Tag == "DT" || st.toks[j-1].Tag == "CD" || st.toks[j-1].Tag == "PRP$")
	if t.Tag != "VBN" && t.Tag != "VBG" && !(t.Tag == "VBD" && afterDet) || j+1 >= len(st.toks) {
		return false
	}
	return st.startAt[j+1] >= 0 || skippable(st.toks[j+1])
}

// mayMatch is a cheap filter: every required word of p must occur in the
// sentence before the full match is tried.
func (st *sent) mayMatch(p *lexicon.VerbPattern) bool {
	if st.words == nil {
		st.words = make(map[string]bool, 2*len(st.toks))
		for _, t := range st.toks {
			st.words[t.Lemma] = true
			st.words[t.Lower] = true
		}
	}
	return st.hasWords(p.Elems[1:]) && st.hasWords(p.Pre)
}

// hasWords reports whether every required word element of elems has one
// of its alternatives in the sentence.
func (st *sent) hasWords(elems []lexicon.Elem) bool {
	for _, e := range elems {
		if e.Kind != lexicon.ElemWord || e.Optional {
			continue
		}
		found := false
		for _, a := range e.Alts {
			if st.words[a] {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func isNoun(tag string) bool { return strings.HasPrefix(tag, "NN") }
func isVerb(tag string) bool { return strings.HasPrefix(tag, "VB") || tag == "MD" }

// ownedNoun reports whether the noun at i has an actor right before it
// (possessive or adjective) or a "by ACTOR" after it.
// infinitiveNoun reports whether the "noun" at i is a verb the tagger
// misread after "to" and a verb or adjective: "vowed to wage/NN a war".
func infinitiveNoun(st *sent, i int) bool {
	return i > 1 && st.toks[i].Tag == "NN" && st.toks[i-1].Tag == "TO" && (isVerb(st.toks[i-2].Tag) || st.toks[i-2].Tag == "JJ") &&
		i+1 < len(st.toks) && (st.toks[i+1].Tag == "DT" || st.toks[i+1].Tag == "PRP$" || st.startAt[i+1] >= 0)
}

func ownedNoun(st *sent, i int) bool {
	if i+2 < len(st.toks) && st.toks[i+1].Lower == "between" && st.coveredBy[i+2] >= 0 {
		return true // "Clashes between Russian and Ukrainian troops"
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if st.coveredBy[k] >= 0 {
			return true
		}
		tg := st.toks[k].Tag
		if !(tg == "JJ" || tg == "POS" || tg == "DT" || tg == "NN") {
			break
		}
	}
	return false
}

// clauseWord reports whether t starts or carries another clause, which a
// gap must not cross: a finite verb, a modal, a subject pronoun ("announced
// it would prohibit all aid" is no announcement of aid).
func clauseWord(t dyad.Token) bool {
	switch t.Tag {
	case "VBD", "VBZ", "VBP", "MD", "PRP":
		return true
	}
	return false
}

// skippable tokens may sit between two literal words of a pattern.
func skippable(t dyad.Token) bool {
	switch t.Tag {
	case "DT", "JJ", "JJR", "JJS", "RB", "RBR", "CD", "PRP$", "POS", "PDT", "HYPH":
		return true
	}
	return false
}

// placePreps put an agent in a place: "troops in Iran", "forces near the
// border".
var placePreps = set("in", "into", "near", "inside", "along", "across")

// finiteParticiple reports whether token k, tagged as a participle, is the
// finite verb of a clause of its own: after a noun and before its object
// ("said such a step enjoyed support from Moscow").
func finiteParticiple(st *sent, k int) bool {
	t := st.toks
	if t[k].Tag != "VBN" || k == 0 || k+1 >= len(t) || !isNoun(t[k-1].Tag) || st.coveredBy[k-1] >= 0 {
		return false
	}
	switch t[k+1].Tag {
	case "DT", "NN", "NNS", "PRP$":
		return true
	}
	return false
}

// listMember reports whether t, tagged as neither noun nor adjective, may
// still end a list's member: a lower-case word of no verb, function-word or
// pronoun tag (the tagger reads "launched artillery, mortar …" with an
// adverb).
func listMember(t dyad.Token) bool {
	if t.Text == "" || t.Text != t.Lower || !unicode.IsLetter([]rune(t.Text)[0]) {
		return false
	}
	switch t.Tag {
	case "RB", "NN", "NNS", "JJ", "VBG":
		return true
	}
	return false
}

// listComma reports whether the comma at token i separates the members
// of a list of common nouns or adjectives ("artillery, mortar, and
// rocket fire", "food, medicine and tents"), which a pattern's gap may
// cross, rather than clauses.
func listComma(st *sent, i int) bool {
	toks := st.toks
	n := len(toks)
	item := func(k int) bool {
		switch toks[k].Tag {
		case "NN", "NNS", "JJ":
			return st.coveredBy[k] < 0
		}
		return false
	}
	if toks[i].Text != "," || i == 0 || i+2 >= n || !(item(i-1) || listMember(toks[i-1])) {
		return false
	}
	if w := toks[i+1].Lower; w == "and" || w == "or" {
		// the serial comma: "A, B, and C" has a comma before B too
		return item(i+2) && i >= 2 && toks[i-2].Text == ","
	}
	for k := i + 1; k < n && k < i+5; k++ {
		switch {
		case item(k):
		case toks[k].Text == ",":
		case toks[k].Lower == "and" || toks[k].Lower == "or":
			return k > i+1 && k+1 < n && item(k+1)
		default:
			return false
		}
	}
	return false
}

// boundary tokens end a clause for gaps and for the actor search.
func boundary(t dyad.Token) bool {
	switch t.Text {
	case ";", ":", ".", "!", "?", "—", "--", "(", ")":
		return true
	}
	return t.Tag == "WDT" || t.Tag == "WP"
}

// matchPattern matches p with its anchor at token i.
func matchPattern(st *sent, p *lexicon.VerbPattern, i int) *match {
	m := &match{pat: p, anchor: i, last: i, target: -1, source: -1, pre0: -1, compound: -1, passiveAnchor: passiveAt(st, i)}
	if !matchElems(st, p.Elems, 0, i, m, true) {
		return nil
	}
	if len(p.Pre) > 0 {
		if !matchPre(st, p.Pre, len(p.Pre)-1, i, m) && !(p.Tree && m.passiveAnchor && preInAgent(st, p.Pre, i, m)) {
			return nil
		}
	}
	return m
}

// preInAgent matches a PETRARCH-2 pattern's words before its verb, all
// plain words, in the agent phrase of a passive verb at i: the tree coder
// reads "was demolished by a protestor" as "a protestor demolished", so
// "- PROTESTOR *" holds. The verb stands first in the match.
func preInAgent(st *sent, pre []lexicon.Elem, i int, m *match) bool {
	for _, e := range pre {
		if e.Kind != lexicon.ElemWord && e.Kind != lexicon.ElemGap {
			return false
		}
	}
	j := m.last + 1
	if j >= len(st.toks) || st.toks[j].Lower != "by" {
		return false
	}
	k := 0
	n := 0
	for j++; j < len(st.toks) && n < 6 && k < len(pre); j++ {
		t := st.toks[j]
		if boundary(t) || t.Text == "," || isVerb(t.Tag) {
			break
		}
		n++
		for k < len(pre) && pre[k].Kind == lexicon.ElemGap {
			k++
		}
		if k < len(pre) && wordMatches(t, pre[k]) {
			m.literals++
			k++
		}
	}
	for k < len(pre) && pre[k].Kind == lexicon.ElemGap {
		k++
	}
	if k < len(pre) {
		return false
	}
	m.pre0 = i
	return true
}

// matchPre matches pre[:k+1] right to left so that pre[k] ends just before
// token i (an imported pattern's words before its anchor), recording the
// first token in m.pre0 and slots in m.
func matchPre(st *sent, pre []lexicon.Elem, k, i int, m *match) bool {
	if k < 0 {
		m.pre0 = i
		return true
	}
	e := pre[k]
	switch e.Kind {
	case lexicon.ElemWord:
		if e.Optional {
			save := *m
			if i > 0 && wordMatches(st.toks[i-1], e) {
				m.literals++
				if matchPre(st, pre, k-1, i-1, m) {
					return true
				}
				*m = save
			}
			return matchPre(st, pre, k-1, i, m)
		}
		// an imported pattern's words joined by "_" (no gap element
		// between them, nor between the last one and the anchor) are
		// consecutive
		joined := m.pat.Foreign && (k+1 == len(pre) || pre[k+1].Kind == lexicon.ElemWord)
		for skip := 0; skip <= 3 && i-1-skip >= 0; skip++ {
			j := i - 1 - skip
			if skip > 0 && (joined || !skippable(st.toks[j+1])) {
				break
			}
			if wordMatches(st.toks[j], e) {
				save := *m
				m.literals++
				if matchPre(st, pre, k-1, j, m) {
					return true
				}
				*m = save
			}
		}
		return false
	case lexicon.ElemGap:
		for g := 0; g <= lexicon.MaxGap && i-g >= 0; g++ {
			if g > 0 && boundary(st.toks[i-g]) {
				break
			}
			save := *m
			if matchPre(st, pre, k-1, i-g, m) {
				return true
			}
			*m = save
		}
		return false
	case lexicon.ElemSkipNP:
		j := i
		for j > 0 && i-j < 6 && npWord(st.toks[j-1]) {
			j--
		}
		if j == i {
			return false
		}
		return matchPre(st, pre, k-1, j, m)
	case lexicon.ElemTarget, lexicon.ElemSource, lexicon.ElemCompound:
		j := i - 1
		for j >= 0 && st.coveredBy[j] < 0 && i-1-j < 3 && skippable(st.toks[j]) {
			j--
		}
		if j < 0 || st.coveredBy[j] < 0 {
			return false
		}
		mi := st.coveredBy[j]
		if e.Kind == lexicon.ElemCompound && len(conjoined(st, mi)) < 2 {
			return false // "%" needs a compound actor
		}
		save := *m
		setSlot(m, e.Kind, mi)
		if matchPre(st, pre, k-1, st.ments[mi].Tok0, m) {
			return true
		}
		*m = save
		return false
	}
	return false
}

// setSlot records mention mi in the slot of kind k.
func setSlot(m *match, k byte, mi int) {
	switch k {
	case lexicon.ElemTarget:
		m.target = mi
	case lexicon.ElemSource:
		m.source = mi
	case lexicon.ElemCompound:
		m.compound = mi
	}
}

// peopleName reports whether token j is a capitalised word no dictionary
// knows right before an agent mention: the people or faction that names it
// ("clashed with Kachin rebels", "Tuareg fighters").
func peopleName(st *sent, j int) bool {
	if j+1 >= len(st.toks) || st.toks[j].Tag != "NNP" || st.coveredBy[j] >= 0 {
		return false
	}
	mi := st.startAt[j+1]
	return mi >= 0 && st.ments[mi].Kind == "agent" && st.toks[j+1].Tag == "NNS"
}

// npWord reports whether t can be part of a noun phrase skipped by "^".
func npWord(t dyad.Token) bool {
	return isNoun(t.Tag) || skippable(t)
}

func wordMatches(t dyad.Token, e lexicon.Elem) bool {
	for _, a := range e.Alts {
		if e.Exact {
			if t.Lower == a {
				return true
			}
		} else if t.Lemma == a || t.Lower == a {
			return true
		}
	}
	return false
}

// infinitiveTo reports whether token j is "to" before a verb's base form
// ("agreed to lift"), which no prepositional phrase opens.
func infinitiveTo(st *sent, j int) bool {
	return st.toks[j].Lower == "to" && j+1 < len(st.toks) && st.toks[j+1].Tag == "VB"
}

// matchElems matches elems[k:] starting at token i, recording slots in m.
func matchElems(st *sent, elems []lexicon.Elem, k, i int, m *match, first bool) bool {
	if k == len(elems) {
		m.end = i
		return true
	}
	e := elems[k]
	n := len(st.toks)
	switch e.Kind {
	case lexicon.ElemWord:
		if e.Optional {
			save := *m
			if i < n && wordMatches(st.toks[i], e) {
				if matchElems(st, elems, k+1, i+1, m, false) {
					return true
				}
				*m = save
			}
			return matchElems(st, elems, k+1, i, m, first)
		}
		joined := m.pat.Foreign && k > 0 && elems[k-1].Kind == lexicon.ElemWord
		for skip := 0; skip <= 3 && i+skip < n; skip++ {
			j := i + skip
			if skip > 0 && (first || joined || !skippable(st.toks[j-1])) {
				break
			}
			headOf := -1
			if mi := st.coveredBy[j]; mi >= 0 && !first && st.ments[mi].Country != "" {
				// a literal may be an agent-only noun ("provide military
				// aid", "deploy peacekeepers"), or the head noun of an
				// actor, which is then the target ("expelled two Russian
				// diplomats"), but not a named actor's other words
				if st.ments[mi].Tok1-1 != j {
					// (but "deployed troops in Iran": the head noun of
					// an agent placed by a preposition is the word)
					if !(j+1 < n && placePreps[st.toks[j+1].Lower] && st.toks[j].Tag == "NNS") {
						break
					}
				} else {
					headOf = mi
				}
			}
			if wordMatches(st.toks[j], e) && !(e.Prep && infinitiveTo(st, j)) && !(m.pat.Tree && k > 0 && elems[k-1].Kind == lexicon.ElemGap && j > 0 && infinitiveTo(st, j-1)) {
				// (a PETRARCH-2 word after a gap is in the verb's phrase:
				// "asked Obama to help Iran" is ASK with HELP's complement,
				// not "- * HELP")
				save := *m
				if j > m.last {
					m.last = j
				}
				if headOf >= 0 && m.target < 0 {
					m.target = headOf
				}
				m.literals++
				if matchElems(st, elems, k+1, j+1, m, false) {
					return true
				}
				*m = save
			}
		}
		return false
	case lexicon.ElemGap:
		// an imported pattern's gap before words that must follow each
		// other ("* REALLY_PLEASANT") spans a clause of the verb's phrase,
		// as PETRARCH-1 and TABARI read "*": "allowed that X isn't a
		// really pleasant …"
		crossClause := m.pat.Foreign && k+2 < len(elems) && elems[k+1].Kind == lexicon.ElemWord && elems[k+2].Kind == lexicon.ElemWord
		for g := 0; g <= lexicon.MaxGap && i+g <= n; g++ {
			if g > 0 && (boundary(st.toks[i+g-1]) || (clauseWord(st.toks[i+g-1]) || st.toks[i+g-1].Text == "," && !listComma(st, i+g-1) || finiteParticiple(st, i+g-1)) && !crossClause) {
				break
			}
			if g > 0 && m.passiveAnchor && !m.pat.Foreign && st.toks[i+g-1].Lower == "by" && i+g-1 == m.anchor+1 {
				break // "attacked by protesters": the agent, not what was attacked
			}
			save := *m
			if matchElems(st, elems, k+1, i+g, m, false) {
				return true
			}
			*m = save
		}
		return false
	case lexicon.ElemSkipNP:
		j := i
		for j < n && j-i < 6 && npWord(st.toks[j]) && !(j > i && st.startAt[j] >= 0) {
			j++
		}
		if j == i {
			return false
		}
		for jj := j; jj > i; jj-- {
			save := *m
			if matchElems(st, elems, k+1, jj, m, false) {
				return true
			}
			*m = save
		}
		return false
	case lexicon.ElemTarget, lexicon.ElemSource, lexicon.ElemCompound:
		// skip determiners and adjectives to the mention, and through one
		// "NOUN of" ("the headquarters of Hamas", "part of Syria's …")
		j := i
		for j < n && st.startAt[j] < 0 && j-i < 5 && (skippable(st.toks[j]) || quantifier(st, j) || timeWords[st.toks[j].Lower] || participleBefore(st, j) || peopleName(st, j)) {
			j++
		}
		if j < n && st.startAt[j] < 0 && e.Kind == lexicon.ElemTarget {
			x := j
			for x < n && x-j < 4 && st.startAt[x] < 0 && (isNoun(st.toks[x].Tag) || skippable(st.toks[x])) && st.toks[x].Tag != "NNP" {
				x++
			}
			if x > j && x < n && st.toks[x].Lower == "of" {
				x++
				for x < n && st.startAt[x] < 0 && skippable(st.toks[x]) {
					x++
				}
				if x < n && st.startAt[x] >= 0 {
					j = x
				}
			}
		}
		if j < n && st.startAt[j] >= 0 {
			mi := st.startAt[j]
			if e.Kind == lexicon.ElemCompound && len(conjoined(st, mi)) < 2 {
				return false
			}
			if om := st.ments[mi]; e.Kind == lexicon.ElemTarget && !m.pat.Foreign && (om.Kind == "capital" || om.Kind == "place") && om.Tok1 < n && attackNouns[st.toks[om.Tok1].Lower] {
				return false // "condemned the Moscow attacks": where, not whom
			}
			save := *m
			setSlot(m, e.Kind, mi)
			if matchElems(st, elems, k+1, st.ments[mi].Tok1, m, false) {
				return true
			}
			*m = save
			if k+1 < len(elems) && !m.pat.Foreign {
				// the slot's coordinated actors come before the pattern's
				// next word: "pressing Israel and Hamas to agree"
				end := st.ments[mi].Tok1
				for _, x := range conjoined(st, mi) {
					if t := st.ments[x].Tok1; t > end && st.ments[x].Tok0 >= st.ments[mi].Tok0 {
						end = t
					}
				}
				if end > st.ments[mi].Tok1 {
					setSlot(m, e.Kind, mi)
					if matchElems(st, elems, k+1, end, m, false) {
						return true
					}
					*m = save
				}
			}
		}
		// a slot must be filled by an actor: a pattern that does not need
		// one leaves the slot out and takes the clause object instead. In
		// the passive the target is the subject ("Syria was attacked").
		if e.Kind == lexicon.ElemTarget && m.passiveAnchor {
			return matchElems(st, elems, k+1, i, m, false)
		}
		return false
	}
	return false
}

// exactAnchor reports whether the match's anchor was written as the exact
// word found (an imported dictionary's "LEFT" beside "LEAVE").
func exactAnchor(m *match) bool { return m.pat.Elems[0].Exact }

// splitMultiCodes turns an event whose actor carries several codes
// ("FRO/BIL/SAM": an imported dictionary's actor standing for several
// actors) into one event per code pair.
func splitMultiCodes(evs []dyad.Event) []dyad.Event {
	multi := false
	for _, e := range evs {
		multi = multi || strings.Contains(e.Source.Code, "/") || e.Target != nil && strings.Contains(e.Target.Code, "/")
	}
	if !multi {
		return evs
	}
	var out []dyad.Event
	for _, e := range evs {
		tcodes := []string{""}
		if e.Target != nil {
			tcodes = strings.Split(e.Target.Code, "/")
		}
		for _, sc := range strings.Split(e.Source.Code, "/") {
			for _, tc := range tcodes {
				x := e
				src := *e.Source
				src.Code = sc
				x.Source = &src
				if e.Target != nil {
					tgt := *e.Target
					tgt.Code = tc
					x.Target = &tgt
				}
				out = append(out, x)
			}
		}
	}
	return out
}

// commentRoots are the roots of verbs that speak of another act: making
// statements, appealing, praising, demanding, disapproving, rejecting.
var commentRoots = set("01", "02", "05", "10", "11", "12")

// commentedActs drops a noun of the project's own patterns that is the
// object of a verb speaking of it ("condemned the Israeli raid on Gaza",
// "criticised Israel's blockade of Gaza"): the sentence reports the
// condemnation; the raid is an act it names, told as news elsewhere.
func commentedActs(st *sent, ms []*match) {
	for _, n := range ms {
		if n.dropped || n.pat.Foreign || !nominal(st, n.anchor) {
			continue
		}
		for _, g := range ms {
			if g == n || g.dropped || g.anchor >= n.anchor || nominal(st, g.anchor) || !commentRoots[root(g.pat.Code)] {
				continue
			}
			if g.last >= n.anchor {
				n.dropped = true // the noun is the verb pattern's own word
				break
			}
			near := n.anchor-g.last <= 8
			for k := g.last + 1; k < n.anchor && near; k++ {
				t := st.toks[k]
				if boundary(t) || t.Text == "," || isVerb(t.Tag) || t.Lower == "that" {
					near = false
				}
			}
			if near {
				n.dropped = true
				if g.spokenAct == nil {
					g.spokenAct = n
				}
				break
			}
		}
	}
}
