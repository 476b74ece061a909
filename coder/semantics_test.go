package coder_test

import (
	"reflect"
	"testing"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/lexicon"
)

// Invented TABARI-layout dictionaries for the PETRARCH/TABARI matching
// semantics: complete words with regular endings, stems, "+ … $" patterns,
// words before the anchor, complements under CODE ALL.
const (
	semActors = `FREEDONIA_ [FRD]
SYLVANIA_ [SYL]
OSTERLICH_ [OST]
`
	semAgents = `OFFICIAL_ [~GOV]
`
	semVerbs = `STRIDE  [012]
STRODE_ [032:033]
SAIL_ [036]
SNUB  [191]
RALLY  [017]
- ANTI- + *  [112]
TOLERAT  [084]
GRUMBLE  [023]
HAND  [070]
- + * PEBBLES $  [071]
NUDGE  [102]
BOLSTER  [092]
CLAIM  [110]
`
)

func semSetup(t *testing.T, opts coder.Options) (*actor.Resolver, *coder.Coder) {
	t.Helper()
	l := lexicon.New()
	r := &lexicon.Report{}
	l.AddTABARIActors("s.actors", semActors, r)
	l.AddTABARIAgents("s.agents", semAgents, r)
	l.AddPETRARCHVerbs("s.verbs", semVerbs, r)
	if len(r.Skipped) > 0 {
		t.Fatalf("skipped: %q", r.Skipped)
	}
	return actor.New(l), coder.NewWith(l, opts)
}

func TestImportedSemantics(t *testing.T) {
	base := coder.Options{RequireDyad: true, LinearTarget: true}
	clauseActors := coder.Options{RequireDyad: true, LinearTarget: true, ClauseActors: true}
	codeAll := coder.Options{RequireDyad: true, LinearTarget: true, Dominance: true, ClauseActors: true}
	cases := []struct {
		name string
		opts coder.Options
		text string
		want []string
	}{
		{"a complete word beats the lemma of its verb", base,
			"Freedonia strode into Sylvania on a cold morning in spring.", []string{"FRD SYL 032", "SYL FRD 033"}},
		{"the verb's other forms take its own line", base,
			"Freedonia strides into Sylvania on a cold morning in spring.", []string{"FRD SYL 012"}},
		{"a complete verb takes its regular endings", base,
			"Freedonia sailed from Sylvania on a cold morning in spring.", []string{"FRD SYL 036"}},
		{"but no other ending", base,
			"Freedonia sailx from Sylvania on a cold morning in spring.", nil},
		{"a stem that drops its final e", base,
			"Freedonia was tolerated by Sylvania on a cold morning in spring.", []string{"SYL FRD 084"}},
		{"foreign victims of violence in a country, by that country", base,
			"Freedonia was snubbed in Sylvania on a cold morning in spring.", []string{"SYL FRD 191"}},
		{"a claim of another's act is coded once, through the act", base,
			"Freedonia claimed that Sylvania snubbed Osterlich on a cold morning in spring.", []string{"FRD SYL 112"}},
		{"both slots of a pattern", base,
			"Freedonia has been handed by envoys pebbles from Sylvania this spring.", []string{"SYL FRD 071"}},
		{"neither … nor is a compound", base,
			"Neither Freedonia nor Osterlich snubbed the fair held by Sylvania.", []string{"FRD SYL 191", "OST SYL 191"}},
		{"a prefix cut off an actor belongs to the pattern", clauseActors,
			"Freedonia joined an anti- Sylvania rally on a cold morning.", []string{"FRD SYL 112"}},
		{"an agent word modifying a subject", base,
			"Freedonia and Sylvania met, the senior official press office Zorbat grumbled about Osterlich.", []string{"---GOV OST 023"}},
		{"a complement codes beside its governor under CODE ALL", codeAll,
			"Freedonia nudged Sylvania on Monday to bolster it in the talks.", []string{"FRD SYL 102", "FRD SYL 092"}},
		{"not otherwise", base,
			"Freedonia nudged Sylvania on Monday to bolster it in the talks.", []string{"FRD SYL 102"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, c := semSetup(t, tc.opts)
			got := code(t, r, c, tc.text, "2020-01-01")
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

// Invented dictionaries for the connectors of TABARI and PETRARCH-1
// phrases: blanks that let words come between, "_" that joins them, "^"
// after a "$" before the verb, articles that make a verb a noun, and
// pronouns of a later clause.
const (
	connActors = `FREEDONIA_ [FRD]
SYLVANIA_ [SYL]
OSTERLICH_ [OST]
DUKE MARSH_VALE [MVL]
BUZZ_ALDRIN [BZA]
BUZZ ALDRIN [BZB]
`
	connVerbs = `SCOLD_  [110]
- $ NEAR ^ *  [111]
CHIDE_  [120]
- * HOT_CROSS_BUNS  [121]
- * HOT CROSS BUNS  [122]
PACT_  [030]
- AT_*  [031]
- AT *  [032]
PLEAD_  [090]
NUDGE_  [102]
`
)

func connSetup(t *testing.T, opts coder.Options) (*actor.Resolver, *coder.Coder) {
	t.Helper()
	l := lexicon.New()
	r := &lexicon.Report{}
	l.AddTABARIActors("c.actors", connActors, r)
	l.AddPETRARCHVerbs("c.verbs", connVerbs, r)
	if len(r.Skipped) > 0 {
		t.Fatalf("skipped: %q", r.Skipped)
	}
	return actor.New(l), coder.NewWith(l, opts)
}

func TestImportedConnectors(t *testing.T) {
	base := coder.Options{RequireDyad: true, LinearTarget: true}
	tabari := coder.Options{RequireDyad: true, LinearTarget: true, ClauseActors: true, CodeBy: coder.CodeByClause, Dominance: true}
	cases := []struct {
		name string
		opts coder.Options
		text string
		want []string
	}{
		{"a blank in an actor phrase lets words come between", base,
			"Freedonia scolded the Duke of Marsh_Vale on a rainy afternoon.", []string{"FRD MVL 110"}},
		{"words joined by _ in the text match words joined in a phrase", base,
			"Freedonia scolded the Duke of Marsh Vale on a rainy afternoon.", []string{"FRD MVL 110"}},
		{"but not too many words between", base,
			"Freedonia scolded the Duke and his very old friends in Marsh Vale.", nil},
		{"a hyphenated word matches a phrase joined by _", base,
			"Freedonia scolded the Buzz-Aldrin fan club on a rainy afternoon.", []string{"FRD BZA 110"}},
		{"the consecutive phrase wins when both match", base,
			"Freedonia scolded Buzz Aldrin on a rainy afternoon.", []string{"FRD BZA 110"}},
		{"words between match only the blank phrase", base,
			"Freedonia scolded Buzz \"The Rocket\" Aldrin on a rainy afternoon.", []string{"FRD BZB 110"}},
		{"a source before the verb leaves the target after it", base,
			"Freedonia near Osterlich scolded Sylvania on a rainy afternoon.", []string{"FRD SYL 111"}},
		{"words joined by _ in a pattern are consecutive", base,
			"Freedonia chided Sylvania over hot cross buns at the fair.", []string{"FRD SYL 121"}},
		{"a word between breaks the joined words but not the blank ones", base,
			"Freedonia chided Sylvania over hot spicy cross buns at the fair.", []string{"FRD SYL 122"}},
		{"a joined word before the verb is as specific as a spaced one", base,
			"Freedonia was at pact with Sylvania on a rainy afternoon.", []string{"FRD SYL 031"}},
		{"a word after an article is a noun, not the verb", base,
			"Freedonia was at a pact with Sylvania on a rainy afternoon.", nil},
		{"a pronoun of a later clause is the sentence's first actor", tabari,
			"Freedonia nudged Sylvania on Monday to relax and then it pleaded with Osterlich for calm.", []string{"FRD SYL 102", "FRD OST 090"}},
		{"he as well", tabari,
			"Freedonia nudged Sylvania on Monday to relax and then he pleaded with Osterlich for calm.", []string{"FRD SYL 102", "FRD OST 090"}},
		{"not a pronoun in its antecedent's own clause", tabari,
			"Freedonia nudged Sylvania on Monday to plead with it about the talks.", []string{"FRD SYL 102"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, c := connSetup(t, tc.opts)
			got := code(t, r, c, tc.text, "2020-01-01")
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}
