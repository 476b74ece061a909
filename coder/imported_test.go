package coder_test

import (
	"reflect"
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
SOLDIER [~MIL]
AMBASSADOR [~GOV]
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
		{"agent with the country of the phrase", "Freedonian soldiers scolded Sylvania.", false, []string{"FRDMIL SYL 122"}},
		{"title followed by a name coded with the country", "Freedonian minister Rufus scolded Sylvania.", false, []string{"FRDGOV SYL 122"}},
		{"agent distributed over coordinated countries", "The ambassadors of Freedonia and Sylvania scolded Osterlich.", false, []string{"FRDGOV OST 122", "SYLGOV OST 122"}},
		{"an actor with several codes", "The Lowlands scolded Sylvania.", false, []string{"LWA SYL 122", "LWB SYL 122"}},
		{"passive without an agent, as PETRARCH codes it", "Freedonia was scolded over its dispute with Sylvania.", false, []string{"FRD SYL 122"}},
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
