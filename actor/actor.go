// Package actor is the actor stage: it finds the actors a document names —
// countries, their adjectives and capitals, organisations, agents and
// titles, persons — composes them into noun-phrase mentions with a CAMEO
// actor code ("Iran's defence minister" → IRNMIL), learns from appositives
// ("Ali Abbas, Minister of Defense of Syria" → Abbas is SYRMIL in this
// document) and links later mentions (surnames, "the Syrian minister", "he")
// to the same entity.
//
// It reads the text stage's sentences and tokens and fills
// Analysis.Mentions and Analysis.Entities.
package actor

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/lexicon"
)

// Resolver finds and resolves actor mentions. It is safe for concurrent use.
type Resolver struct {
	lex *lexicon.Lexicon
	// places, when set, tells which country a place name means without
	// context ("Mosul" → "IRQ").
	places Places
}

// Places answers which country a place name means without context.
type Places interface {
	// CountryOf returns the country of a name known as a place, or ""
	// when none stands out.
	CountryOf(name string) string
	// MajorCountryOf is CountryOf for a city of some size or a land
	// feature: a hamlet's name may as well be a person's ("attacked
	// Smith"), so a place named without a preposition must be a known one.
	MajorCountryOf(name string) string
	// IsPlaceIn reports whether a city of some size in the country
	// bears the name ("Tripoli" in Lebanon).
	IsPlaceIn(name, country string) bool
}

// New returns a Resolver over the given dictionaries.
func New(lex *lexicon.Lexicon) *Resolver { return &Resolver{lex: lex} }

// isState reports whether code is a country's: a region ("Asia",
// "African") or a people ("Kurds") is never a story's country.
func (r *Resolver) isState(code string) bool { return r.lex.IsState(code) }

// NewWithPlaces returns a Resolver that also gives an agent of no named
// country the country of a place its clause names after "in", "at" or
// "near" ("police arrested protesters in Mosul" → IRQCOP, IRQOPP), as it
// does for the places the dictionaries know, and makes such a place, or a
// major one a verb of attack or capture takes ("shelled Mariupol"), a
// mention of its country.
func NewWithPlaces(lex *lexicon.Lexicon, places Places) *Resolver {
	return &Resolver{lex: lex, places: places}
}

// atom kinds
const (
	aCountry = iota + 1
	aAdj
	aCapital
	aActor
	aAgent
	aPerson
	aName // unknown proper-noun run
	aPronoun
)

type atom struct {
	kind  int
	t0    int // token range in sentence
	t1    int
	entry *lexicon.ActorEntry
}

// group is a noun phrase built from adjacent atoms.
type group struct {
	t0, t1  int
	atoms   []atom
	country string
	sectors []string
	full    string // a full code from an actor/person entry
	person  *lexicon.ActorEntry
	// titled is the code a current title before a person gives when the
	// person's dated entry says former ("President Reagan" in a story
	// dated after his term: the text says he is president)
	titled  string
	name    string // unknown proper name in the group
	pronoun string
	former  bool
	titles  []string
	// codeSectors are the sectors that go into the code: the primary
	// sector of each agent ("defence minister" adds MIL to the code and
	// MIL, GOV to the sectors).
	codeSectors []string
	// prefix is an imported agent code written before the country
	// (TABARI "[NGO~]").
	prefix string
	// appositiveOf is the person key a title phrase in apposition names.
	appositiveOf string
}

var pronouns = map[string]bool{"he": true, "she": true, "him": true, "her": true, "they": true, "them": true, "we": true, "i": true, "us": true}

// compass words before a place ("South Lebanon", "northern Syria") belong
// to its mention.
var compass = map[string]bool{"north": true, "south": true, "east": true, "west": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "central": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true}

// hyphenSuffixes make "X-led", "X-backed", "X-based" a modifier naming X.
var hyphenSuffixes = map[string]bool{"led": true, "backed": true, "based": true, "run": true, "owned": true,
	"controlled": true, "allied": true, "sponsored": true, "supported": true, "funded": true, "born": true,
	"made": true, "held": true, "occupied": true, "administered": true, "aligned": true, "trained": true}

// backerSuffixes name a state that supports the actor from outside.
var backerSuffixes = map[string]bool{"backed": true, "sponsored": true, "supported": true, "funded": true,
	"allied": true, "aligned": true, "trained": true}

var formerWords = map[string]bool{"former": true, "ex": true, "ousted": true, "deposed": true, "late": true}

// bridge reports whether token t may sit between two atoms of one noun
// phrase.
func bridge(t dyad.Token) bool {
	switch t.Tag {
	case "DT", "JJ", "JJS", "JJR", "CD", "POS", "PRP$", "NN", "NNS", "HYPH", "VBN", "VBG":
		if t.Tag == "DT" && (t.Lower == "that" || t.Lower == "which" || t.Lower == "this") {
			return false
		}
		if (t.Tag == "VBN" || t.Tag == "VBG") && !titleParticiples[t.Lower] {
			return false
		}
		return true
	}
	switch t.Lower {
	case "of", "'s", "’s", "'", "-", "for", "in", "from":
		return true
	}
	return titleModifiers[t.Lower] // "South African Deputy President", capitalised as titles are
}

// followers name people who follow someone: joined to a named person
// they would become that person.
var followers = map[string]bool{"supporters": true, "supporter": true, "followers": true, "loyalists": true,
	"relatives": true, "family": true, "families": true, "admirers": true}

// titleParticiples describe an office holder between a possessive or an
// adjective and the title: "Jordan's visiting King Abdullah", "Egypt's
// ousted president".
var titleParticiples = map[string]bool{"exiled": true, "ousted": true, "deposed": true, "elected": true,
	"appointed": true, "designated": true, "jailed": true, "detained": true, "imprisoned": true, "slain": true,
	"assassinated": true, "visiting": true, "outgoing": true, "incoming": true, "ruling": true, "governing": true,
	"ailing": true, "reigning": true}

// titleModifiers qualify a title and are capitalised with it: "Deputy
// President", "Acting Prime Minister".
var titleModifiers = map[string]bool{"deputy": true, "vice": true, "acting": true, "interim": true,
	"assistant": true, "former": true, "senior": true, "chief": true}

var notNames = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "mr.": true, "mrs.": true, "ms.": true, "dr.": true}

// hyphenModifier returns the country entry of a hyphenated modifier such as
// "Vietnamese-led" or "Moscow-based", or nil.
func (r *Resolver) hyphenModifier(t dyad.Token, date string) *lexicon.ActorEntry {
	i := strings.LastIndexByte(t.Text, '-')
	if i <= 0 || i == len(t.Text)-1 || !hyphenSuffixes[strings.ToLower(t.Text[i+1:])] {
		return nil
	}
	head := t.Text[:i]
	ht := []dyad.Token{{Text: head, Lower: strings.ToLower(head)}}
	e, j := r.lex.MatchName(ht, 0, date)
	if e == nil || j != 1 {
		return nil
	}
	switch e.Kind {
	case lexicon.KindCountry, lexicon.KindAdjective, lexicon.KindCapital:
		return e
	}
	if e.Kind == lexicon.KindActor && len(e.Code) == 3 {
		return e
	}
	return nil
}

// agentHead reports whether an agent phrase toks[i:j] ends in a noun, so
// that "official" in "official visit" or "military" in "military aid" is
// not an actor.
func agentHead(toks []dyad.Token, i, j int) bool {
	t := toks[j-1]
	if isCap(t.Text) && j < len(toks) && (toks[j].Tag == "NNP" || toks[j].Tag == "NNPS") && isCap(toks[j].Text) {
		return true // a title before a name, whatever the tagger said: "King Hassan"
	}
	if t.Tag == "VBZ" && i > 0 && (toks[i-1].Tag == "JJ" || toks[i-1].Tag == "NNP") && j-i == 1 {
		return true // a plural noun tagged as a verb after its modifier: "Israeli troops"
	}
	if strings.HasPrefix(t.Tag, "NN") {
		// "military aid": the next word is the head noun
		if j < len(toks) && (toks[j].Tag == "NN" || toks[j].Tag == "NNS") && j-i == 1 && t.Tag == "NN" && adjLike[t.Lower] && !timeNouns[toks[j].Lower] {
			return false
		}
		return true
	}
	if (t.Tag == "JJR" || t.Tag == "JJS") && j-i == 1 {
		return true // "An Afghan soldier/JJR shot": an agent noun is no comparative
	}
	if t.Tag == "JJ" && (j == len(toks) || phraseEnd(toks[j])) {
		return true // "the military today attacked", "the military said": an adjective heads no phrase
	}
	if j-i == 1 && t.Tag == "JJ" && j < len(toks) && holdings[toks[j].Lower] {
		return true // "shelled rebel positions", "militant hideouts": the group's own
	}
	return t.Tag == "" || (j-i > 1 && t.Tag != "JJ")
}

// holdings are the places and things of an armed group that an attack
// strikes: an agent word before one names the group attacked.
var holdings = map[string]bool{"position": true, "positions": true, "base": true, "bases": true,
	"camp": true, "camps": true, "target": true, "targets": true, "hideout": true, "hideouts": true,
	"stronghold": true, "strongholds": true, "outpost": true, "outposts": true, "territory": true,
	"enclave": true, "enclaves": true, "bastion": true, "bastions": true}

// subjectModifier reports whether the words from toks[j] finish a noun
// phrase that stands right before a finite verb ("the senior official press
// office Zorbat grumbled"): PETRARCH and TABARI code an agent word
// anywhere in such a subject, as a modifier too, where dyad's own agents
// must head their phrase ("an official visit").
func subjectModifier(toks []dyad.Token, j int) bool {
	k := j
	for k < len(toks) && k-j < 4 && (isNounTag(toks[k].Tag) || toks[k].Tag == "JJ") {
		k++
	}
	if k == j || k >= len(toks) {
		return false
	}
	switch toks[k].Tag {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// ownedBy reports whether the words at toks[i] follow a state's possessive
// or adjective ("Freedonia's envoy", "Freedonian envoy"): PETRARCH and
// TABARI take an agent word there whatever the tagger made of it, where
// dyad's own agents must be nouns.
func ownedBy(toks []dyad.Token, atoms []atom, i int) bool {
	if len(atoms) == 0 {
		return false
	}
	last := atoms[len(atoms)-1]
	switch last.kind {
	case aCountry, aAdj, aCapital:
	default:
		return false
	}
	switch i - last.t1 {
	case 0:
		return last.kind == aAdj
	case 1:
		l := toks[last.t1].Lower
		return l == "'s" || l == "’s" || l == "'"
	}
	return false
}

func isNounTag(tag string) bool { return strings.HasPrefix(tag, "NN") }

// phraseEnd reports whether token t ends the noun phrase before it: a
// finite verb, a time noun, or punctuation.
func phraseEnd(t dyad.Token) bool {
	switch t.Tag {
	case "VBD", "VBZ", "VBP", "MD", ".", ",", ":":
		return true
	}
	return timeNouns[t.Lower] || t.Text == "," || t.Text == "."
}

// timeNouns are nouns of time that follow a subject without being its
// head ("the German government today welcomed").
var timeNouns = map[string]bool{"today": true, "yesterday": true, "tonight": true, "tomorrow": true,
	"overnight": true, "now": true, "morning": true, "evening": true, "afternoon": true, "night": true}

// adjLike are agent nouns that are mostly adjectives before another noun.
var adjLike = map[string]bool{"military": true, "official": true, "civilian": true,
	"government": true, "intelligence": true, "security": true, "opposition": true}

// loyalTo reports whether token i follows "loyal to" (and an article).
func loyalTo(toks []dyad.Token, i int) bool {
	if i > 0 && toks[i-1].Tag == "DT" {
		i--
	}
	if i < 2 {
		return false
	}
	switch toks[i-2].Lower + " " + toks[i-1].Lower {
	case "loyal to", "affiliated with", "belonging to", "affiliated to":
		// "fighters loyal to X", "workers affiliated with the Serbian
		// Workers' Union": whose they are
		return true
	}
	return false
}

// inPlaceGap reports whether the words between two atoms are "in" and at
// most one compass word ("in", "in south").
func inPlaceGap(gap []dyad.Token) bool {
	return len(gap) == 1 && gap[0].Lower == "in" || len(gap) == 2 && gap[0].Lower == "in" && compass[gap[1].Lower]
}

// fromGap reports whether the words between an agent and a country or
// people are "in" or "from" and at most two determiners, numbers or
// compass words ("a court in Guyana", "doctors from two American aid
// groups", "refugees from northern Syria").
func fromGap(gap []dyad.Token) bool {
	if len(gap) == 0 || len(gap) > 3 || gap[0].Lower != "in" && gap[0].Lower != "from" {
		return false
	}
	for _, t := range gap[1:] {
		if !(t.Tag == "DT" && t.Lower != "that" && t.Lower != "this" || t.Tag == "CD" || compass[t.Lower]) {
			return false
		}
	}
	return true
}

// inBefore reports whether token i follows "in" (or "in" and a compass
// word).
func inBefore(toks []dyad.Token, i int) bool {
	return i > 0 && toks[i-1].Lower == "in" || i > 1 && compass[toks[i-1].Lower] && toks[i-2].Lower == "in"
}

// ethnicHead reports whether a group starts with a plural demonym used as
// a noun ("Albanians", "Kurds"), which names an ethnic group, not a state.
func ethnicHead(toks []dyad.Token, g *group) bool {
	a := g.atoms[0]
	return a.kind == aAdj && pluralWord(toks[a.t1-1])
}

// pluralWord reports whether t is a plural noun, by its tag or, for a
// capitalised people's name the tagger took for a singular ("Uzbeks"),
// its ending.
func pluralWord(t dyad.Token) bool {
	return strings.HasSuffix(t.Tag, "S") || strings.HasPrefix(t.Tag, "NNP") && strings.HasSuffix(t.Lower, "s")
}

// sharesWord reports whether any token's text occurs as a word of name.
func sharesWord(toks []dyad.Token, name string) bool {
	words := strings.Fields(strings.ToLower(strings.NewReplacer("-", " ").Replace(name)))
	for _, t := range toks {
		for _, w := range words {
			if t.Lower == w {
				return true
			}
		}
	}
	return false
}

// nameWord reports whether t can be part of a person's name.
func nameWord(t dyad.Token) bool {
	return (t.Tag == "NNP" || t.Tag == "NNPS") && isCap(t.Text) && len(t.Text) > 1 && !notNames[t.Lower]
}

func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// findAtoms scans one sentence for dictionary matches, unknown proper names
// and pronouns.
func (r *Resolver) findAtoms(toks []dyad.Token, date string) []atom {
	var out []atom
	for i := 0; i < len(toks); {
		if e, j := r.lex.MatchName(toks, i, date); e != nil {
			if e.Kind == lexicon.KindDiscard {
				i = j
				continue
			}
			// Prefer a longer agent phrase starting here ("Defence
			// Minister" vs a country called "Defence").
			// Prefer an agent phrase that is longer, or as long and
			// right after a country adjective ("Filipino peacekeepers").
			afterAdj := len(out) > 0 && out[len(out)-1].t1 == i && (out[len(out)-1].kind == aAdj || out[len(out)-1].kind == aCountry)
			if ae, aj := r.lex.MatchAgent(toks, i, date); ae != nil && (aj > j || aj == j && afterAdj && e.Kind == lexicon.KindActor) {
				out = append(out, atom{kind: aAgent, t0: i, t1: aj, entry: ae})
				i = aj
				continue
			}
			k := aActor
			switch e.Kind {
			case lexicon.KindCountry:
				k = aCountry
			case lexicon.KindAdjective:
				k = aAdj
			case lexicon.KindCapital:
				k = aCapital
			case lexicon.KindPerson:
				k = aPerson
			case lexicon.KindActor:
				if len(e.Code) == 3 && e.Code != "---" && e.Foreign {
					// imported dictionaries code states, their
					// adjectives and their people with the bare
					// country code: a country for composition
					k = aCountry
				}
			}
			out = append(out, atom{kind: k, t0: i, t1: j, entry: e})
			i = j
			continue
		}
		if e := r.hyphenModifier(toks[i], date); e != nil {
			// "Vietnamese-led forces", "Moscow-based bank"; a backer is not
			// the actor's state: "Turkish-backed Syrian rebels" are
			// Syrian, "Russian-backed separatists" of no state named
			if !backerSuffixes[strings.ToLower(toks[i].Text[strings.LastIndexByte(toks[i].Text, '-')+1:])] {
				out = append(out, atom{kind: aAdj, t0: i, t1: i + 1, entry: e})
			}
			i++
			continue
		}
		if e, j := r.lex.MatchAgent(toks, i, date); e != nil && (agentHead(toks, i, j) || e.Foreign && (subjectModifier(toks, j) || ownedBy(toks, out, i))) {
			out = append(out, atom{kind: aAgent, t0: i, t1: j, entry: e})
			i = j
			continue
		}
		t := toks[i]
		if titleModifiers[t.Lower] && i+1 < len(toks) {
			if e0, _ := r.lex.MatchAgent(toks, i, date); e0 != nil {
				// (an agent of its own: "Deputy Minister")
			} else if e, _ := r.lex.MatchAgent(toks, i+1, date); e != nil && !e.Foreign {
				i++ // "South African Deputy President": a title's own word, no name
				continue
			}
		}
		if nameWord(t) {
			j := i + 1
			for j < len(toks) && nameWord(toks[j]) {
				if e, ej := r.lex.MatchName(toks, j, date); e != nil {
					if e.Kind == lexicon.KindPerson && !sharesWord(toks[i:j], e.Name) {
						// "Ali Mahmoud Abbas" is not "Mahmoud Abbas": a
						// known name after other given names is part of a
						// longer one ("Bashar Assad" stays Bashar al-Assad)
						j = ej
						continue
					}
					break
				}
				if e, _ := r.lex.MatchAgent(toks, j, date); e != nil {
					break
				}
				j++
			}
			out = append(out, atom{kind: aName, t0: i, t1: j})
			i = j
			continue
		}
		if t.Lower == "the" && i+1 < len(toks) && groupAnaphors[toks[i+1].Lower] && (i+2 == len(toks) || toks[i+2].Lower != "of" && !isNounTag(toks[i+2].Tag) || toks[i+2].Lower == "of" && i+3 < len(toks) && toks[i+3].Tag == "VBG") {
			// "the group", "the militia": the group the story just named
			out = append(out, atom{kind: aPronoun, t0: i, t1: i + 2})
			i += 2
			continue
		}
		if t.Tag == "PRP" && (pronouns[t.Lower] || t.Lower == "it" && (subjectIt(toks, i) || actorObjectIt(toks, i))) {
			out = append(out, atom{kind: aPronoun, t0: i, t1: i + 1})
		}
		i++
	}
	return out
}

// groupAnaphors after "the" refer back to the armed or political group
// last named: "It accused the group of hiding rockets".
var groupAnaphors = map[string]bool{"group": true, "militia": true, "movement": true, "organisation": true,
	"organization": true}

// subjectIt reports whether "it" at token i opens its sentence as the
// subject of a reporting or acting verb ("It accused Beijing of …", "It
// said …"), where it stands for the state or organisation just named;
// not "it is", "it was reported", "it seems".
func subjectIt(toks []dyad.Token, i int) bool {
	if i != 0 || i+1 >= len(toks) {
		return false
	}
	n := toks[i+1]
	if n.Tag != "VBD" && n.Tag != "VBZ" {
		return false
	}
	switch n.Lower {
	case "is", "was", "has", "had", "'s", "seems", "seemed", "appears", "appeared", "remains", "remained",
		"became", "becomes", "took", "takes", "came", "comes", "looks", "looked", "means", "meant", "happened",
		"follows", "followed", "marks", "marked", "added":
		return false
	}
	return true
}

// actorVerbs take an actor as object: "it" after them is one ("accusing it
// of backing terrorism", "urged it to withdraw").
var actorVerbs = map[string]bool{"accuse": true, "accused": true, "accusing": true, "accuses": true,
	"urge": true, "urged": true, "urging": true, "urges": true, "blame": true, "blamed": true, "blaming": true,
	"blames": true, "warn": true, "warned": true, "warning": true, "warns": true, "pressed": true, "pressing": true,
	"pressure": true, "pressured": true, "pressuring": true}

// actorObjectIt reports whether "it" at i is the object of a verb that
// takes an actor, with what it is accused of or urged to after it.
func actorObjectIt(toks []dyad.Token, i int) bool {
	if i < 1 || i+1 >= len(toks) || !actorVerbs[toks[i-1].Lower] {
		return false
	}
	switch toks[i+1].Lower {
	case "of", "to", "for", "against", "that", "over":
		return true
	}
	return false
}

// groupAtoms joins atoms separated only by bridge tokens into noun phrases.
func groupAtoms(toks []dyad.Token, atoms []atom) []*group {
	var out []*group
	var cur *group
	for _, a := range atoms {
		if cur != nil && a.kind != aPronoun && cur.atoms[len(cur.atoms)-1].kind != aPronoun && joinable(toks, cur, a) {
			cur.atoms = append(cur.atoms, a)
			cur.t1 = a.t1
			continue
		}
		cur = &group{t0: a.t0, t1: a.t1, atoms: []atom{a}}
		out = append(out, cur)
	}
	// extend each group left over determiners/adjectives that modify it
	// ("senior", "former") so former-ness and spans are right.
	for _, g := range out {
		for g.t0 > 0 {
			t := toks[g.t0-1]
			participle := strings.HasSuffix(t.Lower, "ed") && !formerWords[t.Lower]
			if strings.HasSuffix(t.Text, "-") {
				break // "anti- Freedonia": a prefix cut off its actor turns it round
			}
			if (t.Tag == "JJ" && !participle) || (t.Tag == "DT" && t.Lower != "that") || t.Tag == "CD" || formerWords[t.Lower] && t.Lower != "late" || compass[t.Lower] {
				g.t0--
				continue
			}
			break
		}
		for i := g.t0; i < g.t1; i++ {
			if formerWords[toks[i].Lower] {
				g.former = true
			}
		}
	}
	return out
}

// joinable decides whether atom a continues group g.
func joinable(toks []dyad.Token, g *group, a atom) bool {
	last := g.atoms[len(g.atoms)-1]
	gap := toks[last.t1:a.t0]
	if len(gap) > 4 {
		return false
	}
	if g.atoms[0].kind == aAgent && loyalTo(toks, a.t0) && (len(g.atoms) == 1 || len(gap) <= 1) {
		// "forces loyal to President Assad", "fighters loyal to the
		// Libyan government": whose forces (resolveGroup takes only the
		// country from the words after "loyal to")
		return a.kind != aName && a.kind != aPronoun
	}
	if len(g.atoms) == 1 && g.atoms[0].kind == aAgent && followers[toks[g.atoms[0].t1-1].Lower] &&
		slices.ContainsFunc(gap, func(t dyad.Token) bool { return t.Lower == "of" || t.Lower == "for" }) {
		// "supporters of former President Ben Bella" are not him, nor his
		// office
		return false
	}
	nouns := 0
	sawOf := false
	for _, t := range gap {
		if !bridge(t) {
			return false
		}
		if t.Tag == "NN" || t.Tag == "NNS" {
			nouns++
		}
		if t.Lower == "of" || t.Lower == "for" {
			sawOf = true
		}
		if (t.Lower == "in" || t.Lower == "from") && len(gap) != 1 && !inPlaceGap(gap) && !(last.kind == aAgent && fromGap(gap)) {
			return false
		}
	}
	if nouns > 2 {
		return false
	}
	// Two complete actors side by side without "of" or a possessive are
	// two actors ("Iran Syria" does not occur; "Iraq Syria border" is a
	// place), but modifier + head is one phrase.
	switch last.kind {
	case aCountry, aCapital, aActor:
		possessive := len(gap) > 0 && (gap[0].Lower == "'s" || gap[0].Lower == "’s" || gap[0].Lower == "'")
		if a.kind == aAgent || a.kind == aName || a.kind == aPerson {
			return possessive || len(gap) == 0 || allAdj(gap)
		}
		if a.kind == aActor && possessive {
			return true
		}
		// "Amnesty International Kenya", "Save the Children UK"
		return last.kind == aActor && a.kind == aCountry && len(gap) == 0
	case aAdj:
		if len(gap) == 0 && a.kind == aAdj {
			return true // "Iraqi Kurds", "Bosnian Serbs": the first names the country
		}
		if inPlaceGap(gap) && (a.kind == aCountry || a.kind == aCapital) && pluralWord(toks[last.t1-1]) {
			return true // "ethnic Albanians in south Serbia": where they live
		}
		return a.kind == aAgent || a.kind == aName || a.kind == aPerson || (a.kind == aActor && len(gap) == 0)
	case aAgent:
		if fromGap(gap) {
			// "a court in Guyana", "protesters in Tehran", "doctors from
			// two American aid groups", but not "its forces in Lebanon"
			// (whose forces the possessive says)
			if last.t0 > 0 && toks[last.t0-1].Tag == "PRP$" {
				return false
			}
			return a.kind == aCountry || a.kind == aCapital || a.kind == aAdj && len(gap) > 1 && gap[0].Lower == "from"
		}
		if sawOf {
			// "Minister of Defense of Syria", "leaders of Egypt's
			// Muslim Brotherhood"
			return a.kind != aName || len(gap) == 1
		}
		if a.kind == aCountry && len(gap) == 0 && a.entry.Kind == lexicon.KindActor {
			// "Freedonian Prime Minister Rufus": an imported dictionary
			// codes the name with its country alone; the title's phrase
			// keeps the title
			return true
		}
		if a.kind == aName && len(gap) == 0 && toks[last.t1-1].Tag == "NNS" && !isCap(toks[last.t1-1].Text) {
			// "told police Bassett threatened …": a plural noun titles no
			// one ("spokesman Aden", "Defence Minister Keller" do)
			return false
		}
		return a.kind == aAgent || a.kind == aName || a.kind == aPerson || (a.kind == aAdj && len(gap) == 0)
	case aName:
		// "King Hassan of Morocco": a titled name of a country
		if len(gap) == 1 && gap[0].Lower == "of" && (a.kind == aCountry || a.kind == aCapital) {
			for _, x := range g.atoms {
				if x.kind == aAgent {
					return true
				}
			}
		}
		return false
	case aPerson:
		return false
	}
	return false
}

func allAdj(ts []dyad.Token) bool {
	for _, t := range ts {
		if !(t.Tag == "JJ" || t.Tag == "NN" || t.Tag == "NNS" || t.Tag == "HYPH") {
			return false
		}
	}
	return true
}

// SplitCode splits an actor code into its country (3 letters, "" for
// "---") and its 3-letter sector codes.
func SplitCode(code string) (country string, sectors []string) {
	if len(code) < 3 {
		return "", nil
	}
	country = code[:3]
	if country == "---" {
		country = ""
	}
	for i := 3; i+3 <= len(code); i += 3 {
		sectors = append(sectors, code[i:i+3])
	}
	return country, sectors
}

func addSector(ss []string, s string) []string {
	for _, x := range ss {
		if x == s {
			return ss
		}
	}
	return append(ss, s)
}

// titleBeforePerson reports whether a title (an agent word) stands
// before the group's person: "President Reagan", "Russian President Boris
// Yeltsin".
func titleBeforePerson(g *group) bool {
	for _, a := range g.atoms {
		switch a.kind {
		case aPerson:
			return false
		case aAgent:
			return true
		}
	}
	return false
}

// resolveGroup computes a group's country, sectors and full code.
func resolveGroup(toks []dyad.Token, g *group, isState func(string) bool) {
	loyal := false // after "loyal to": whose the group is, not what it is
	for _, a := range g.atoms {
		if !loyal && loyalTo(toks, a.t0) {
			loyal = true
		}
		if loyal {
			c := ""
			switch a.kind {
			case aCountry, aAdj, aCapital:
				c = a.entry.Code
			case aPerson, aActor:
				c, _ = SplitCode(a.entry.Code)
				switch c {
				case "IGO", "IMG", "NGO", "NGM":
					// "a cell affiliated with ISIS": a group of no state
					// is the group itself, not a country
					if g.full == "" && g.country == "" {
						g.full = a.entry.Code
					}
					c = ""
				}
			}
			if g.country == "" && c != "" && c != "---" {
				g.country = c
			}
			continue
		}
		switch a.kind {
		case aCountry, aAdj, aCapital:
			if g.country == "" || a.kind != aAdj && a.t0 > 0 && inBefore(toks, a.t0) && (ethnicHead(toks, g) || !isState(g.country)) {
				// the first country; for "ethnic Albanians in Serbia" or
				// "Kurdish rebels in Iraq" (a people of no state), the
				// one they live in
				g.country = a.entry.Code
			}
		case aActor:
			if len(a.entry.Code) == 3 && a.entry.Code != "---" {
				// a designation of a state ("the Zionist regime"):
				// a country for composition
				if g.country == "" {
					g.country = a.entry.Code
				}
				continue
			}
			if g.country != "" && a.entry.National {
				continue // "Filipino peacekeepers": the contingent's state
			}
			if g.country != "" && a.t0 > 0 && (toks[a.t0-1].Lower == "of" || toks[a.t0-1].Lower == "for") {
				continue // "Israel's blockade of Gaza", "Cambodia's call for UN involvement": the possessor's, the actor after "of" or "for" is what it is about
			}
			if g.full == "" {
				g.full = a.entry.Code
			}
			_, secs := SplitCode(a.entry.Code)
			for _, s := range secs {
				g.sectors = addSector(g.sectors, s)
			}
		case aAgent:
			_, secs := SplitCode("---" + a.entry.Code)
			for _, s := range secs {
				g.sectors = addSector(g.sectors, s)
			}
			switch {
			case a.entry.Prefix:
				if g.prefix == "" {
					g.prefix = a.entry.Code
				}
			case a.entry.Full:
				// imported agents put their whole code in ("~GOVMIL")
				g.codeSectors = append(g.codeSectors, secs...)
			case len(secs) > 0:
				g.codeSectors = addSector(g.codeSectors, secs[0])
			}
			g.titles = append(g.titles, spanText(toks, a.t0, a.t1))
		case aPerson:
			if g.person == nil {
				g.person = a.entry
			}
		case aName:
			if g.name == "" {
				g.name = spanText(toks, a.t0, a.t1)
			}
		case aPronoun:
			g.pronoun = toks[a.t0].Lower
			if a.t1-a.t0 == 2 {
				g.pronoun += " " + toks[a.t0+1].Lower // "the group"
			}
		}
	}
	if g.person != nil {
		c, secs := SplitCode(g.person.Code)
		if g.country == "" || g.country == c {
			titleSecs := g.codeSectors
			g.country = c
			g.sectors = secs
			g.codeSectors = secs
			g.full = g.person.Code
			if len(secs) == 1 && secs[0] == "ELI" && !g.former && len(titleSecs) > 0 && titleBeforePerson(g) && c != "" && c != "---" {
				g.titled = c + strings.Join(titleSecs, "")
				g.sectors, g.codeSectors = titleSecs, titleSecs
			}
		} else {
			// another state's holder of the name: the title in the
			// name's phrase still names the office ("Jordan's King
			// Abdullah" is no Saudi king, and still a king)
			if len(g.codeSectors) == 0 && len(secs) > 0 && g.name == "" {
				g.sectors, g.codeSectors = secs, secs[:1]
			}
			g.person = nil
		}
	}
	if g.full != "" && g.person == nil {
		c, _ := SplitCode(g.full)
		if c != "" && g.country == "" {
			g.country = c
		}
	}
}

// code returns the actor code of a resolved group ("" if it has none): a
// person's dated code; else an organisation's code (its unknown country
// filled from a modifier: "Egypt's Muslim Brotherhood"); else the country
// (or "---") followed by the primary sector of each agent. "former" makes
// the sectors ELI.
func (g *group) code() string {
	c := g.country
	if c == "" {
		c = "---"
	}
	if g.former {
		if c == "---" && g.sectors == nil && g.full == "" {
			return ""
		}
		return c + "ELI"
	}
	if g.titled != "" {
		return g.titled
	}
	if g.person != nil {
		return g.person.Code
	}
	if g.full != "" {
		if strings.HasPrefix(g.full, "---") {
			return c + g.full[3:]
		}
		return g.full
	}
	if g.prefix != "" && g.prefix != c {
		// (an agent's prefix that repeats the code adds nothing:
		// "activists" [NGO~] of an NGO coded NGO)
		return g.prefix + c + strings.Join(g.codeSectors, "")
	}
	if c == "---" && len(g.codeSectors) == 0 {
		return ""
	}
	if len(g.codeSectors) == 0 && g.country == "" {
		return ""
	}
	return c + strings.Join(g.codeSectors, "")
}

func spanText(toks []dyad.Token, i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i && toks[k].Start > toks[k-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].Text)
	}
	return b.String()
}
