// Package lexicon loads dyad's dictionaries — actors (countries, adjectives,
// capitals, organisations, agents, persons) and verb patterns — from the
// text format documented in docs/DICTIONARIES.md, and answers the lookups the
// actor and event stages make against them.
//
// The project's own dictionaries are embedded (see Default); Load reads any
// file system in the same layout, and Merge combines several lexicons.
package lexicon

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/dyad-events/dyad/text"
)

//go:embed data
var embedded embed.FS

// Actor kinds.
const (
	KindCountry   = "country"
	KindAdjective = "adjective"
	KindCapital   = "capital"
	KindActor     = "actor"
	KindAgent     = "agent"
	KindPerson    = "person"
	// KindDiscard phrases are matched only to keep their words from
	// matching anything else ("South China Sea", "New Mexico").
	KindDiscard = "discard"
)

// ActorEntry is one phrase of an actor dictionary line.
type ActorEntry struct {
	Kind string
	// Code is the actor code (country, IGO or full code) or, for agents,
	// the sector codes without a country ("GOV", "MILGOV").
	Code string
	// Phrase is the matched text as written in the dictionary.
	Phrase string
	// Keys are the phrase's tokens, lower-cased (for agents, one entry per
	// singular and plural form of the head noun).
	Keys []string
	// Words are the phrase's tokens as written (for case-sensitive entries).
	Words []string
	// Case requires the capitalisation as written.
	Case bool
	// From and To bound the dates the entry is valid on (YYYY-MM-DD,
	// inclusive); empty means open.
	From, To string
	// Type is the entity type: PERSON, ORG, GPE or GROUP ("" = by kind).
	Type string
	// Name is the first phrase of the dictionary line: the canonical name.
	Name string
	// Rule is "file:line" of the dictionary line.
	Rule string
	// Full, for an agent, puts every sector of Code into the actor code
	// (PETRARCH and TABARI "~GOVMIL": country + GOVMIL), where the
	// project's own agents contribute only their primary sector.
	Full bool
	// Prefix, for an agent, puts Code before the country code instead of
	// after it (TABARI "[NGO~]": NGO + country).
	Prefix bool
	// National, for an actor, gives way to a state named before it:
	// "Filipino peacekeepers" are the Philippines, the bare
	// "peacekeepers" the actor's own code.
	National bool
	// Stem lets the last word of the phrase match any word that starts
	// with it (TABARI and PETRARCH-1 actor words without a trailing "_":
	// "BULGAR" matches "Bulgarian").
	Stem bool
	// Foreign marks entries imported from a PETRARCH or TABARI
	// dictionary.
	Foreign bool
	// Gaps lists, in increasing order, the indexes k of Keys before which
	// other words may come between Keys[k-1] and Keys[k] (a blank in a
	// PETRARCH or TABARI phrase, where "_" joins words that must be
	// consecutive; written "..." in the native format: "Prince ... Dol
	// Amroth" matches "Prince of Dol Amroth"). See MaxGapWords.
	Gaps []int
}

// MaxGapWords is how many words may come between two words of a phrase
// at one of its Gaps. The words between may not hold clause punctuation
// or a finite verb.
const MaxGapWords = 3

// GapBefore reports whether other words may come before Keys[k].
func (e *ActorEntry) GapBefore(k int) bool {
	for _, g := range e.Gaps {
		if g == k {
			return true
		}
	}
	return false
}

// Dated reports whether the entry carries any date restriction.
func (e *ActorEntry) Dated() bool { return e.From != "" || e.To != "" }

// ValidOn reports whether date (YYYY-MM-DD) lies in the entry's range.
func (e *ActorEntry) ValidOn(date string) bool {
	if date == "" {
		return e.To == ""
	}
	if e.From != "" && date < e.From {
		return false
	}
	if e.To != "" && date > e.To {
		return false
	}
	return true
}

// Elem kinds of a verb pattern.
const (
	ElemWord   = 'w' // a literal word (lemma alternatives)
	ElemGap    = '*' // up to MaxGap tokens
	ElemTarget = '+' // the target slot
	ElemSource = '$' // the source slot
	// ElemCompound is a slot for a compound actor ("Iran and Syria") whose
	// members act on each other (PETRARCH and TABARI "%").
	ElemCompound = '%'
	// ElemSkipNP skips one noun phrase (PETRARCH and TABARI "^").
	ElemSkipNP = '^'
)

// MaxGap is how many tokens a `*` may skip.
const MaxGap = 6

// Elem is one element of a verb pattern.
type Elem struct {
	Kind     byte
	Alts     []string // lemmas (or exact words when Exact)
	Exact    bool
	Optional bool
	// Prep marks the word opening an imported "(PREP PHRASE)": a
	// preposition, so "to" there is no infinitive marker ("agreed to
	// sanctions", not "agreed to lift sanctions").
	Prep bool
}

// VerbPattern is one verb dictionary pattern.
type VerbPattern struct {
	Code  string
	Elems []Elem
	// Neg is the code when the verb is negated ("" = no event).
	Neg string
	// Text is the pattern as written; Rule is "file:line".
	Text, Rule string
	// Literals counts the literal words: more is more specific.
	Literals int
	// Pre holds the elements that must come before the anchor, in text
	// order (imported PETRARCH and TABARI patterns such as
	// "- REFUSED_TO_* [125]"); Elems[0] is still the anchor.
	Pre []Elem
	// Code2, from a PETRARCH or TABARI "[c1:c2]" code, is the code of a
	// second event in the other direction (target → source); "" = none.
	Code2 string
	// Foreign marks patterns imported from another project's dictionary:
	// their codes need not be CAMEO codes (the coder reports them with
	// the root of their first two digits, or as given).
	Foreign bool
	// Tree marks patterns of PETRARCH-2's verb dictionary (CAMEO.2*),
	// which PETRARCH-2 matches over a parse tree: a word after "*" is a
	// word of the verb's own phrases, not a verb of its "to"-complement,
	// and a verb of wanting or asking combines its code with its
	// complement's rather than being coded beside it.
	Tree bool
}

// HasSlot reports whether the pattern has an element of kind k.
func (p *VerbPattern) HasSlot(k byte) bool {
	for _, e := range p.Elems {
		if e.Kind == k {
			return true
		}
	}
	return false
}

// Lexicon is a loaded set of dictionaries. It is read-only after loading and
// safe for concurrent use.
type Lexicon struct {
	// names indexes non-agent entries by their first lower-cased key.
	names map[string][]*ActorEntry
	// agents indexes agent entries by their first lemma.
	agents map[string][]*ActorEntry
	// verbs indexes patterns by the lemma of their anchor word.
	verbs map[string][]*VerbPattern
	// stemNames and stemAgents index one-word Stem entries by their key,
	// which a token's key must start with.
	stemNames, stemAgents map[string][]*ActorEntry
	// discards indexes imported discard phrases for DiscardIn.
	discards discardIndex

	Actors   []*ActorEntry
	Patterns []*VerbPattern

	statesOnce sync.Once
	states     map[string]bool
	// Transforms are PETRARCH-2's verb transformations, in file order.
	Transforms []*Transform
}

// Transform is one PETRARCH-2 verb transformation ("~ a (b . ATTACK) SAY
// = a b 112"): an event reported by the subject of an outer verb becomes
// one event between the variables' actors. Variables are letters; "_" in
// the inner event stands for no actor and "." for any.
type Transform struct {
	// Outer and Inner are the codes of the outer verb and of the inner
	// event's verb, as the dictionary codes those words bare (SAY 010,
	// ATTACK 190); Inner "Q" is any event. A code ending in 0 stands for
	// its whole family (190 for 19x).
	Outer, Inner string
	// OuterVar names the outer verb's subject; InnerSrc and InnerTgt the
	// inner event's source and target.
	OuterVar, InnerSrc, InnerTgt string
	// ResSrc and ResTgt name the result's source and target; Code is its
	// code, "Q" for the inner event's.
	ResSrc, ResTgt, Code string
	// Text is the line as written; Rule is "file:line".
	Text, Rule string
}

// Covers reports whether a transformation's verb code (Outer or Inner)
// stands for event code c: the same code, or c of the family a code
// ending in 0 names ("190" covers "193"; "010" covers "012").
func (t *Transform) Covers(verb, c string) bool {
	if verb == "Q" || verb == c {
		return true
	}
	return len(verb) == 3 && verb[2] == '0' && len(c) >= 3 && c[:2] == verb[:2]
}

// New returns an empty lexicon.
func New() *Lexicon {
	return &Lexicon{
		names:  map[string][]*ActorEntry{},
		agents: map[string][]*ActorEntry{},
		verbs:  map[string][]*VerbPattern{},
	}
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
	defaultErr  error
)

// Default returns the project's own embedded dictionaries, loaded once.
func Default() (*Lexicon, error) {
	defaultOnce.Do(func() {
		sub, err := fs.Sub(embedded, "data")
		if err != nil {
			defaultErr = err
			return
		}
		defaultLex, defaultErr = Load(sub)
	})
	return defaultLex, defaultErr
}

// Load reads every *.txt file under actors/ and verbs/ in fsys.
func Load(fsys fs.FS) (*Lexicon, error) {
	l := New()
	var errs []string
	for _, dir := range []string{"actors", "verbs"} {
		files, err := fs.Glob(fsys, dir+"/*.txt")
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		for _, f := range files {
			b, err := fs.ReadFile(fsys, f)
			if err != nil {
				return nil, fmt.Errorf("lexicon: %w", err)
			}
			var e []string
			if dir == "actors" {
				e = l.AddActors(f, string(b))
			} else {
				e = l.AddVerbs(f, string(b))
			}
			errs = append(errs, e...)
		}
	}
	if len(errs) > 0 {
		if len(errs) > 20 {
			errs = append(errs[:20], fmt.Sprintf("... and %d more", len(errs)-20))
		}
		return l, fmt.Errorf("lexicon: %d malformed lines:\n  %s", len(errs), strings.Join(errs, "\n  "))
	}
	return l, nil
}

// Merge adds every entry of o to l.
func (l *Lexicon) Merge(o *Lexicon) {
	l.discards.spaced = l.discards.spaced || o.discards.spaced
	for _, e := range o.Actors {
		l.addActor(e)
	}
	for _, p := range o.Patterns {
		l.addPattern(p)
	}
}

func (l *Lexicon) addActor(e *ActorEntry) {
	if len(e.Keys) == 0 {
		return
	}
	l.Actors = append(l.Actors, e)
	if e.Kind == KindDiscardSentence || e.Kind == KindDiscardStory {
		l.discards.add(e)
		return
	}
	if e.Stem && len(e.Keys) == 1 {
		idx := &l.stemNames
		if e.Kind == KindAgent {
			idx = &l.stemAgents
		}
		if *idx == nil {
			*idx = map[string][]*ActorEntry{}
		}
		(*idx)[e.Keys[0]] = append((*idx)[e.Keys[0]], e)
		return
	}
	if e.Kind == KindAgent {
		l.agents[e.Keys[0]] = append(l.agents[e.Keys[0]], e)
	} else {
		l.names[e.Keys[0]] = append(l.names[e.Keys[0]], e)
	}
}

func (l *Lexicon) addPattern(p *VerbPattern) {
	l.Patterns = append(l.Patterns, p)
	for _, el := range p.Elems {
		if el.Kind == ElemWord && !el.Optional {
			for _, a := range el.Alts {
				l.verbs[a] = append(l.verbs[a], p)
			}
			return
		}
	}
}

// Anchors returns the patterns whose anchor word has the given lemma (or,
// for exact anchors, the given lower-case word).
func (l *Lexicon) Anchors(lemma string) []*VerbPattern { return l.verbs[lemma] }

// keysFor tokenises a dictionary phrase into its match keys (gap markers
// left out: see phraseKeys).
func keysFor(phrase string) (keys, words []string) {
	keys, words, _ = phraseKeys(phrase)
	return keys, words
}

// gapMarker is written between two words of a phrase where other words
// may come between them (ActorEntry.Gaps).
const gapMarker = "..."

// phraseKeys tokenises a dictionary phrase into its match keys and the
// words as written, and returns where the phrase allows words between two
// of its words: a "..." (or "…") between two words. A marker at either end
// of the phrase is an ordinary token.
func phraseKeys(phrase string) (keys, words []string, gaps []int) {
	toks := text.Tokenize(phrase)
	words = make([]string, 0, len(toks))
	for i := 0; i < len(toks); i++ {
		n := 0 // tokens of a marker at i
		switch {
		case toks[i] == "…":
			n = 1
		case toks[i] == "." && i+2 < len(toks) && toks[i+1] == "." && toks[i+2] == ".":
			n = 3
		}
		if n > 0 && len(words) > 0 && i+n < len(toks) {
			if g := len(words); len(gaps) == 0 || gaps[len(gaps)-1] != g {
				gaps = append(gaps, g)
			}
			i += n - 1
			continue
		}
		words = append(words, toks[i])
	}
	keys = make([]string, len(words))
	for i, w := range words {
		keys[i] = normKey(w)
	}
	return keys, words, gaps
}

// normKey is the case- and quote-folded form used to compare a token with a
// dictionary word.
func normKey(w string) string {
	w = strings.ToLower(w)
	if strings.ContainsAny(w, "’‘") {
		w = strings.NewReplacer("’", "'", "‘", "'").Replace(w)
	}
	return w
}

// NormKey exposes the key function so the stages compare tokens the way
// the dictionaries were indexed.
func NormKey(w string) string { return normKey(w) }

// Discard kinds of imported PETRARCH and TABARI discard dictionaries: a
// sentence (or, for story discards, the whole document) containing the
// phrase is not coded.
const (
	KindDiscardSentence = "discard-sentence"
	KindDiscardStory    = "discard-story"
)

// IsState reports whether code is that of a country entry ("IRN"), not a
// region's ("ASA"), a people's ("KUR") or an organisation's. A lexicon
// with no country entries calls every code a state. It is computed once,
// on first use, after the dictionaries are loaded.
func (l *Lexicon) IsState(code string) bool {
	l.statesOnce.Do(func() {
		l.states = map[string]bool{}
		for _, e := range l.Actors {
			if e.Kind == KindCountry {
				l.states[e.Code] = true
			}
		}
	})
	return len(l.states) == 0 || l.states[code]
}
