package coder_test

import (
	"reflect"
	"testing"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/lexicon"
)

// Invented dictionaries for the places where PETRARCH-1 and TABARI read a
// sentence differently from dyad and from each other: a state's
// possessive before a titled name, TABARI's discard code, clause-spanning
// gaps, noun phrases, "%" after the verb, complements and subjects.
const (
	dialActors = `FREEDONIA_ [FRD]
SYLVANIA_ [SYL]
OSTERLICH_ [OST]
RUFUS_ [RUF]
MARSH_VALE_ [MVL]
GLORIANA_ [GLO <050101] [###]
PONTEVEDRO_ NAVY_ [PNV]
`
	dialAgents = `MINISTER_ [~GOV]
ENVOY_ [~GOV]
BROADCASTER_ [~MED]
`
	dialVerbs = `GRUMBLE_  [023]
SCOLD_  [110]
- * DREADFUL_SHAME  [111]
CHIDE_  [120]
- * SULKS  [###]
ASSENT_  [081]
- * ALONGSIDE %  [031]
- % *  [036:036]
TROOP_  [017]
- ANTI- + *  [112]
IGNORE_  [191]
PLEDGE_  [050]
- * TO_RELEASE  [057]
SCORN_  [112]
VACATE_  [066]
PERMIT_  [080]
- * DEPART  [066]
NOTICE_  [025]
BURN_  [190]
- * DOWN  [180]
`
)

func dialSetup(t *testing.T, opts coder.Options) (*actor.Resolver, *coder.Coder) {
	t.Helper()
	l := lexicon.New()
	r := &lexicon.Report{}
	l.AddTABARIActors("d.actors", dialActors, r)
	l.AddTABARIAgents("d.agents", dialAgents, r)
	l.AddPETRARCHVerbs("d.verbs", dialVerbs, r)
	if len(r.Skipped) > 0 {
		t.Fatalf("skipped: %q", r.Skipped)
	}
	return actor.New(l), coder.NewWith(l, opts)
}

func TestDialects(t *testing.T) {
	plain := coder.Options{RequireDyad: true, LinearTarget: true}
	tabari := coder.Options{RequireDyad: true, LinearTarget: true, ClauseActors: true, Possessive: coder.PossessiveOwner, DiscardCode: true}
	petrarch := coder.Options{RequireDyad: true, LinearTarget: true, Possessive: coder.PossessiveOwnerTitles, PhraseVerbs: true}
	cases := []struct {
		name string
		opts coder.Options
		text string
		date string
		want []string
	}{
		{"a possessive before a titled name: dyad keeps the name", plain,
			"Freedonia's first Deputy Minister Rufus scolded Sylvania over the border fence.", "", []string{"RUFGOV SYL 110"}},
		{"TABARI codes the state", tabari,
			"Freedonia's first Deputy Minister Rufus scolded Sylvania over the border fence.", "", []string{"FRD SYL 110"}},
		{"PETRARCH codes the state with the title", petrarch,
			"Freedonia's first Deputy Minister Rufus scolded Sylvania over the border fence.", "", []string{"FRDGOV SYL 110"}},
		{"PETRARCH takes adjectives joined by and", petrarch,
			"Freedonia's proud and loyal minister Rufus scolded Sylvania over the fence.", "", []string{"FRDGOV SYL 110"}},
		{"TABARI does not", tabari,
			"Freedonia's proud and loyal minister Rufus scolded Sylvania over the fence.", "", []string{"RUFGOV SYL 110"}},
		{"nor a bare state after the possessive", tabari,
			"Freedonia's Rufus scolded Sylvania over the border fence at dawn.", "", []string{"RUF SYL 110"}},
		{"a dated discard code leaves the sentence uncoded", tabari,
			"Freedonia scolded Sylvania over the fence while Gloriana crowds watched.", "2010-01-01", nil},
		{"not before its date", tabari,
			"Freedonia scolded Sylvania over the fence while Gloriana crowds watched.", "2001-01-01", []string{"FRD SYL 110"}},
		{"nor without the option", plain,
			"Freedonia scolded Sylvania over the fence while Gloriana crowds watched.", "2010-01-01", []string{"FRD SYL 110"}},
		{"a verb pattern of the discard code leaves it uncoded", tabari,
			"Freedonia chided Sylvania about its sulks over the fence last week.", "", nil},
		{"a gap before joined words spans a clause", plain,
			"Freedonia scolded Sylvania that it is a dreadful shame to build fences.", "", []string{"FRD SYL 111"}},
		{"PETRARCH: a verb in a noun phrase is not coded", petrarch,
			"Freedonia ignored an anti- Sylvania troop on the village green.", "", []string{"FRD SYL 191"}},
		{"TABARI codes it", tabari,
			"Freedonia ignored an anti- Sylvania troop on the village green.", "", []string{"FRD SYL 191", "FRD SYL 112"}},
		{"PETRARCH: % after the verb is its target", petrarch,
			"Osterlich assented alongside Freedonia and Sylvania that the fence must go.", "", []string{"OST FRD 031", "OST SYL 031"}},
		{"TABARI: the compound acts on itself", tabari,
			"Osterlich assented alongside Freedonia and Sylvania that the fence must go.", "", []string{"FRD SYL 031", "SYL FRD 031"}},
		{"a compound before the verb acts on itself", petrarch,
			"Freedonia and Sylvania assented that the fence must go at once.", "", []string{"FRD SYL 036", "SYL FRD 036"}},
		{"an abbreviation in parentheses belongs to its actor", petrarch,
			"Freedonia and the Pontevedro Navy (PN) assented that the fence must go.", "", []string{"FRD PNV 036", "PNV FRD 036"}},
		{"PETRARCH: a purpose complement after a noun is not coded", petrarch,
			"Freedonia scorned efforts to vacate Sylvania on the village green.", "", []string{"FRD SYL 112"}},
		{"dyad codes it", plain,
			"Freedonia scorned efforts to vacate Sylvania on the village green.", "", []string{"FRD SYL 112", "FRD SYL 066"}},
		{"a passive complement links to its governor", petrarch,
			"Freedonia scorned Sylvania late Sunday to be permitted to depart Osterlich by elves.", "", []string{"FRD SYL 112"}},
		{"the subject of a subordinate clause is its own noun", petrarch,
			"Freedonia left Sylvania when a patrol was noticed near Osterlich at dawn.", "", nil},
		{"a particle before an object is active", tabari,
			"Freedonia pledged to leave after Sylvania crowds burned down the fence of Osterlich.", "", []string{"FRD SYL 050", "FRD OST 180"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, c := dialSetup(t, tc.opts)
			date := tc.date
			if date == "" {
				date = "2020-01-01"
			}
			got := code(t, r, c, tc.text, date)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}
