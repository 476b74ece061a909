package coder_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/lexicon"
)

// A small dictionary set in the PETRARCH formats, about invented states.
const (
	importedActors = `FREEDONIA_ [FRD]
+FREEDONIAN_
SYLVANIA_ [SYL]
OSTERLICH_ [OST]
THE_LOWLANDS_ [LWA/LWB]
RUFUS_ [FRD]
`
	importedAgents = `MINISTER [~GOV]
CHILDREN [~CVL]
MAN [~PPL]
TROOPER [~MIL]
PLENIPOTENTIARY [~GOV]
`
	importedVerbs = `--- PRAISE [051] ---
PRAISE
- FAILED_TO_* [1011]
- % * [030:030]

--- ARRIVE [032:033] ---
ARRIVE

--- RECALL [abc] ---
RECALL

--- PLAN [---] ---
PLAN
- * TO_MEET [036]

--- SCOLD [122] ---
SCOLD

--- ENGAGE [190] ---
ENGAGE
- * (IN SKIRMISH) [193]

--- CONSENT [---] ---
CONSENT
- * (TO TARIFFS) [163]

--- LOWER [---] ---
LOWER
- * TARIFFS [085]

--- ISSUE [---] ---
ISSUE
- * {ARREST WARRANTS} [173]

--- CONFER [040] ---
+CONFER_WITH {+CONFERRED_WITH +CONFERS_WITH}

--- DEBATE [040] ---
DEBATE

--- THWART [110] ---
THWART

--- DECLARE [010] ---
DECLARE {DECLARED DECLARES}
- * SYMPATHY [051]
`
	importedDiscards = `CROQUET_MATCH
+LOTTERY_DRAW
`
)

func importedSetup(t *testing.T, opts coder.Options) (*actor.Resolver, *coder.Coder) {
	t.Helper()
	l := lexicon.New()
	r := &lexicon.Report{}
	l.AddPETRARCHActors("t.actors.txt", importedActors, r)
	l.AddPETRARCHAgents("t.agents.txt", importedAgents, r)
	l.AddPETRARCHVerbs("t.verbs.txt", importedVerbs, r)
	l.AddPETRARCHDiscards("t.discards.txt", importedDiscards, r)
	if len(r.Skipped) > 0 {
		t.Fatalf("skipped: %q", r.Skipped)
	}
	return actor.New(l), coder.NewWith(l, opts)
}

func TestImportedDictionaries(t *testing.T) {
	r, c := importedSetup(t, coder.Options{})
	rd, cd := importedSetup(t, coder.Options{RequireDyad: true})
	cases := []struct {
		name        string
		text        string
		requireDyad bool
		want        []string
	}{
		{"bare verb", "Freedonia praised Sylvania.", false, []string{"FRD SYL 051"}},
		{"words before the verb", "Freedonia failed to praise Sylvania.", false, []string{"FRD SYL 1011"}},
		{"compound slot before the verb", "Freedonia and Sylvania praised the plan.", false, []string{"FRD SYL 030", "SYL FRD 030"}},
		{"dual code", "Freedonia arrived in Sylvania.", false, []string{"FRD SYL 032", "SYL FRD 033"}},
		{"foreign code", "Freedonia recalled Sylvania.", false, []string{"FRD SYL abc"}},
		{"[---] blocks the bare verb", "Freedonia planned a new road.", false, nil},
		{"pattern under a [---] verb", "Freedonia planned to meet Sylvania.", false, []string{"FRD SYL 036"}},
		{"agent with the country of the phrase", "Freedonian troopers scolded Sylvania.", false, []string{"FRDMIL SYL 122"}},
		{"title followed by a name coded with the country", "Freedonian minister Rufus scolded Sylvania.", false, []string{"FRDGOV SYL 122"}},
		{"agent distributed over coordinated countries", "The plenipotentiaries of Freedonia and Sylvania scolded Osterlich.", false, []string{"FRDGOV OST 122", "SYLGOV OST 122"}},
		{"an actor with several codes", "The Lowlands scolded Sylvania.", false, []string{"LWA SYL 122", "LWB SYL 122"}},
		{"passive without an agent, as PETRARCH codes it", "Freedonia was scolded over its dispute with Sylvania.", false, []string{"FRD SYL 122"}},
		{"the object before a pattern's phrase is the target, not a place after it", "Freedonia engaged Osterlich in a skirmish in Sylvania.", false, []string{"FRD OST 193"}},
		{"a phrase's \"to\" is a preposition", "Freedonia consented to the tariffs on Sylvania.", false, []string{"FRD SYL 163"}},
		{"not an infinitive marker: the verb after it is coded", "Freedonia consented to lower the tariffs on Sylvania.", false, []string{"FRD SYL 085"}},
		{"the actor of a phrase after the pattern's words is the target", "Sylvania issued arrest warrants for two Freedonian ministers.", true, []string{"SYL FRDGOV 173"}},
		{"a purpose clause after a time word is the meeting's", "Freedonia conferred with Sylvania Tuesday to debate Osterlich.", false, []string{"FRD SYL 040"}},
		{"what a consultation is about is not done", "Freedonia conferred with Sylvania to debate efforts to thwart Osterlich.", false, []string{"FRD SYL 040"}},
		{"sentence discard", "Freedonia scolded Sylvania after the croquet match.", false, nil},
		{"story discard", "Freedonia scolded Sylvania. The lottery draw was held.", false, nil},
		{"no target kept by default", "Freedonia scolded its own.", false, []string{"FRD - 122"}},
		{"require_dyad drops it", "Freedonia scolded its own.", true, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rr, cc := r, c
			if tc.requireDyad {
				rr, cc = rd, cd
			}
			got := code(t, rr, cc, tc.text, "2020-01-01")
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestGapStopsAtAClause(t *testing.T) {
	// "- * SYMPATHY" under DECLARE: the gap does not reach into a clause with a
	// verb of its own
	r, c := importedSetup(t, coder.Options{RequireDyad: true, LinearTarget: true, PhraseVerbs: true})
	s := "Freedonia declared such a step enjoyed sympathy from Sylvania."
	for _, e := range code(t, r, c, s, "2020-01-01") {
		if strings.HasSuffix(e, " 051") {
			t.Errorf("%s: got %q through the clause", s, e)
		}
	}
}

// treeVerbs are PETRARCH-2 verbs (as from CAMEO.2.0.txt) for the rules
// that follow its parse-tree matching.
const treeVerbs = `--- WANT [030] ---
WANT
- * HELP [023]

--- PLEDGE [030] ---
PLEDGE

--- ASK [020] ---
ASK
- * HELP [020]

--- HELP [070] ---
HELP

--- EXPEL [174] ---
EXPEL

--- ATTACK [190] ---
ATTACK

--- RAZE [1712] ---
RAZE
- PICKETER	* [145]

--- UTTER [010] ---
DECLARE

--- BATTLE [190] ---
PUMMEL

--- CONFRONT [---] ---
CONFRONT
- * CAJOLERY [:100]

--- RELISH [---] ---
RELISH
- * BACKING [:050]

~ a (a b PUMMEL) DECLARE = a b 015
~ a (b . PUMMEL) DECLARE = a b 112
`

func TestPETRARCH2VerbInteraction(t *testing.T) {
	l := lexicon.New()
	r := &lexicon.Report{}
	l.AddPETRARCHActors("t.actors.txt", importedActors, r)
	l.AddPETRARCHAgents("t.agents.txt", importedAgents, r)
	l.AddPETRARCHVerbs("CAMEO.2.0.txt", treeVerbs, r)
	for _, p := range l.Patterns {
		p.Tree = true // as LoadPETRARCH marks CAMEO.2* patterns
	}
	res, c := actor.New(l), coder.NewWith(l, coder.Options{RequireDyad: true})
	for _, tc := range []struct{ text, want string }{
		{"Freedonia wants to help Sylvania.", "FRD SYL 033"},                    // intent combines: 030 with 070
		{"Freedonia wants to attack Sylvania.", "FRD SYL 138"},                  // and with 190: a threat
		{"Freedonia pledged to expel Osterlich's ministers.", "FRD OSTGOV 174"}, // a pledge keeps coercion's code
		{"Freedonia asked Sylvania to help Osterlich.", "FRD SYL 023"},          // ASK with HELP's complement, not "- * HELP"
		{"A Freedonian picketer razed Sylvania's hall.", "FRD SYL 145"},         // a word before the verb
		{"Sylvania's hall was razed by a Freedonian picketer.", "FRD SYL 145"},  // in a passive's agent phrase, as the tree reads it
		{"Sylvania's hall was razed by Freedonia.", "FRD SYL 1712"},
	} {
		got := code(t, res, c, tc.text, "2020-01-01")
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		// the dictionary's transformations: a report of an attack by
		// another is an accusation, by oneself a claim; neither is also
		// coded as said, nor as done
		{"Freedonia declared that Sylvania pummelled Osterlich.", []string{"FRD SYL 112"}},
		{"Freedonia declared that Freedonia pummelled Sylvania.", []string{"FRD SYL 015"}},
		{"Freedonia declared it pummelled Sylvania.", []string{"FRD SYL 015"}},
		// (not in an attribution tail, which the tree holds apart)
		{"Sylvania pummelled Osterlich, Freedonia declared.", []string{"SYL OST 190"}},
		// a passive's source in its "in" phrase
		{"Osterlich's ministers were pummelled in a Freedonian raid.", []string{"FRD OSTGOV 190"}},
		// people in general give way to the others named with them
		{"Two children and a man were pummelled in a Freedonian raid.", []string{"FRD ---CVL 190"}},
		// "[:100]" codes the passive reading: the source in a "from"
		// phrase, the target the subject; an infinitive after it is in
		// its noun phrase; the phrase's actors do not act on each other
		{"Freedonia confronts cajolery from Sylvania.", []string{"SYL FRD 100"}},
		{"Freedonia confronts cajolery from Sylvania to help Osterlich.", []string{"SYL FRD 100"}},
		{"The plan relished backing from Sylvania and Osterlich.", nil},
		// a gerund ending a noun phrase is a noun
		{"Freedonia praised Sylvania's tank pummelling in the east.", nil},
	} {
		got := code(t, res, c, tc.text, "2020-01-01")
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

func TestSuiteOptions(t *testing.T) {
	comma := coder.CommaRule{Min: 2, Max: 6, EMin: 2, EMax: 6}
	dyadOnly := coder.Options{RequireDyad: true}
	linear := coder.Options{RequireDyad: true, LinearTarget: true}
	linearComma := coder.Options{RequireDyad: true, LinearTarget: true, Comma: comma}
	cases := []struct {
		name string
		opts coder.Options
		text string
		want []string
	}{
		{"internal clause deleted", coder.Options{RequireDyad: true, Comma: comma},
			"The Freedonian minister, in remarks made on Monday, scolded Sylvania.", []string{"FRDGOV SYL 122"}},
		{"no deletion without the rule", dyadOnly,
			"Freedonia scolded, as often before, its old rival.", nil},
		{"target beyond the clause only with LinearTarget", dyadOnly,
			"Freedonia scolded, as it had warned many times since the spring, Sylvania.", nil},
		{"linear target", linear,
			"Freedonia scolded, as it had warned many times since the spring, Sylvania.", []string{"FRD SYL 122"}},
		{"a deleted clause holds no target", linearComma,
			"Freedonia scolded its old rival, said a man from Sylvania.", nil},
		{"a long clause stays", linearComma,
			"Freedonia scolded its old rival, which angered the whole cabinet of Sylvania for weeks.", []string{"FRD SYL 122"}},
		{"list commas are no clause", linearComma,
			"Freedonia, Osterlich, and Sylvania scolded the rebels of the Lowlands.", []string{"FRD LWA 122", "FRD LWB 122", "OST LWA 122", "OST LWB 122", "SYL LWA 122", "SYL LWB 122"}},
		{"initial clause", coder.Options{RequireDyad: true, LinearTarget: true, Comma: coder.CommaRule{BMin: 2, BMax: 5}},
			"Sylvania said that on Monday, Freedonia scolded Osterlich.", []string{"FRD OST 122"}},
		{"countryless agent kept", coder.Options{},
			"The troopers scolded Sylvania.", []string{"---MIL SYL 122"}},
		{"countryless agent dropped", coder.Options{Countryless: coder.AgentDrop},
			"The troopers scolded Sylvania.", nil},
		{"countryless agent with a tilde", coder.Options{Countryless: coder.AgentTilde},
			"The troopers scolded Sylvania.", []string{"~MIL SYL 122"}},
		{"short sentence left uncoded", coder.Options{MinWords: 5},
			"Freedonia's minister scolded Sylvania.", nil},
		{"long enough sentence", coder.Options{MinWords: 4},
			"Freedonia's minister scolded Sylvania.", []string{"FRDGOV SYL 122"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, c := importedSetup(t, tc.opts)
			got := code(t, r, c, tc.text, "2020-01-01")
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

// A TABARI-style verb file: no block headers, each verb its own block.
const tabariStyleVerbs = `BANNER  [020]
- LATELY LIFTED ITS *  [043]
LIFT  [080]
BRISK  [025]
`

func TestTabariStylePatterns(t *testing.T) {
	l := lexicon.New()
	r := &lexicon.Report{}
	l.AddPETRARCHActors("t.actors", importedActors, r)
	l.AddPETRARCHVerbs("t.verbs", tabariStyleVerbs, r)
	if len(r.Skipped) > 0 {
		t.Fatalf("skipped: %q", r.Skipped)
	}
	res := actor.New(l)
	c := coder.NewWith(l, coder.Options{RequireDyad: true, LinearTarget: true})
	cases := []struct {
		name, text string
		want       []string
	}{
		{"noun anchor with the words before it", "Freedonia lately lifted its banner for Sylvania.", []string{"FRD SYL 043"}},
		{"the verb alone", "Freedonia lifted the ban on Sylvania.", []string{"FRD SYL 080"}},
		{"an adjective is no verb", "Freedonia will meet Sylvania during a brisk private visit to Osterlich.", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := code(t, res, c, tc.text, "2020-01-01")
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}
