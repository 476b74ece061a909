package coder_test

import (
	"reflect"
	"sort"
	"testing"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/lexicon"
)

// Invented dictionaries for PETRARCH's new actors (new_actor_length) and
// for agents that share the places of the agents coordinated with them.
const (
	naActors = `FREEDONIA_ [FRD]
SYLVANIA_ [SYL]
OSTERLICH_ [OST]
`
	naAgents = `LAWMAKER_ [~LEG]
OFFICIAL_ [~GOV]
`
	naVerbs = `TRAVELLED_  [032:033]
SALUTED_  [041]
CLIMBED_  [---]
- FLOOD TOLL *  [223]
`
)

func naSetup(t *testing.T, opts coder.Options) (*actor.Resolver, *coder.Coder) {
	t.Helper()
	l := lexicon.New()
	r := &lexicon.Report{}
	l.AddTABARIActors("n.actors", naActors, r)
	l.AddTABARIAgents("n.agents", naAgents, r)
	l.AddPETRARCHVerbs("n.verbs", naVerbs, r)
	if len(r.Skipped) > 0 {
		t.Fatalf("skipped: %q", r.Skipped)
	}
	return actor.New(l), coder.NewWith(l, opts)
}

func TestNewActors(t *testing.T) {
	petrarch := func(n int) coder.Options {
		return coder.Options{RequireDyad: true, LinearTarget: true, Possessive: coder.PossessiveOwnerTitles, PhraseVerbs: true, NewActorLength: n}
	}
	const keeper = "Quillon's keeper Tobias Fernwhistle travelled for the Hall of Lanterns on Monday for talks with the guild."
	cases := []struct {
		name string
		opts coder.Options
		text string
		want []string
	}{
		{"unknown phrases of up to N words are coded with their words", petrarch(4), keeper,
			[]string{`"QUILLON KEEPER TOBIAS FERNWHISTLE" "THE HALL OF LANTERNS" 032`, `"THE HALL OF LANTERNS" "QUILLON KEEPER TOBIAS FERNWHISTLE" 033`}},
		{"longer ones are no actors", petrarch(3), keeper, nil},
		{"nor are any with the option off", petrarch(0), keeper, nil},
		{"a new actor beside a known one", petrarch(4),
			"Quillon's keeper Tobias Fernwhistle travelled for Sylvania on Monday for talks with the guild.",
			[]string{`"QUILLON KEEPER TOBIAS FERNWHISTLE" SYL 032`, `SYL "QUILLON KEEPER TOBIAS FERNWHISTLE" 033`}},
		{"a phrase an actor owns is that actor's; the phrase joined to it is new", petrarch(4),
			"Freedonia's flood and harvest toll has climbed in the quarrel with Sylvania, its oldest rival.",
			[]string{`"HARVEST TOLL" SYL 223`, "FRD SYL 223"}},
		{"without new actors only the owner", petrarch(0),
			"Freedonia's flood and harvest toll has climbed in the quarrel with Sylvania, its oldest rival.",
			[]string{"FRD SYL 223"}},
		{"an agent before agents placed by 'in' shares their places", coder.Options{},
			"Lawmakers and officials in Freedonia and Sylvania saluted the return of envoys to Osterlich.",
			[]string{"FRDGOV OST 041", "FRDLEG OST 041", "SYLGOV OST 041", "SYLLEG OST 041"}},
		{"not an agent beside a state's own agents", coder.Options{},
			"Lawmakers and Freedonia officials saluted the return of envoys to Osterlich.",
			[]string{"---LEG OST 041", "FRDGOV OST 041"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, c := naSetup(t, tc.opts)
			got := code(t, r, c, tc.text, "2020-01-01")
			sort.Strings(got)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}
