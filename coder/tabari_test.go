package coder_test

import (
	"reflect"
	"testing"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/lexicon"
)

// TABARI-style dictionaries about invented states: each verb its own
// block, codes with TABARI's dominant ("!") and subordinate ("?") marks.
const (
	tabariActors = `FREEDONIA_ [FRD]
SYLVANIA_ [SYL]
OSTERLICH_ [OST]
MARSOVIA_ [MRS]
`
	tabariVerbs = `SCOLD  [122]
PRAISE  [051]
DECLARED  [019?]
VOTE  [018!]
BEFRIEND  [064]
LIFT  [080]
`
)

func tabariSetup(t *testing.T, opts coder.Options) (*actor.Resolver, *coder.Coder) {
	t.Helper()
	l := lexicon.New()
	r := &lexicon.Report{}
	l.AddTABARIActors("t.actors", tabariActors, r)
	l.AddPETRARCHVerbs("t.verbs", tabariVerbs, r)
	if len(r.Skipped) > 0 {
		t.Fatalf("skipped: %q", r.Skipped)
	}
	return actor.New(l), coder.NewWith(l, opts)
}

func TestTabariCoding(t *testing.T) {
	base := coder.Options{RequireDyad: true, LinearTarget: true}
	with := func(f func(o *coder.Options)) coder.Options {
		o := base
		f(&o)
		return o
	}
	clause := with(func(o *coder.Options) { o.CodeBy = coder.CodeByClause })
	prior := coder.Defaults{Source: "DSRC", SourcePrior: true, Target: "DTGT", TargetAfter: true}
	cases := []struct {
		name string
		opts coder.Options
		text string
		want []string
	}{
		{"every verb by default", base,
			"Freedonia scolded Sylvania and praised Osterlich yesterday in the capital.", []string{"FRD SYL 122", "FRD OST 051"}},
		{"one verb per clause", clause,
			"Freedonia scolded Sylvania for praising Osterlich in the capital.", []string{"FRD SYL 122"}},
		{"a new clause after a conjunction and a verb", clause,
			"Freedonia scolded Sylvania and praised Osterlich yesterday in the capital.", []string{"FRD SYL 122", "FRD OST 051"}},
		{"one verb per sentence", with(func(o *coder.Options) { o.CodeBy = coder.CodeBySentence }),
			"Freedonia scolded Sylvania and praised Osterlich yesterday in the capital.", []string{"FRD SYL 122"}},
		{"a subordinate code gives way", clause,
			"Freedonia declared it would praise Sylvania soon.", []string{"FRD SYL 051"}},
		{"a subordinate code alone codes, without its mark", clause,
			"Freedonia declared Sylvania a partner in the region.", []string{"FRD SYL 019"}},
		{"a dominant code wins the clause", with(func(o *coder.Options) { o.CodeBy, o.ClauseActors = coder.CodeByClause, true }),
			"Freedonia scolded Sylvania after voting with Osterlich in the capital.", []string{"SYL OST 018"}},
		{"dominance when coding every verb", with(func(o *coder.Options) { o.Dominance, o.ClauseActors = true, true }),
			"Freedonia scolded Sylvania after voting with Osterlich in the capital.", []string{"SYL OST 018"}},
		{"default source when no actor comes first", with(func(o *coder.Options) { o.Default = prior }),
			"The old rivals will befriend Sylvania after the long winter.", []string{"DSRC SYL 064"}},
		{"default target when no actor follows", with(func(o *coder.Options) { o.Default = prior }),
			"Freedonia will befriend the old rivals after the long winter.", []string{"FRD DTGT 064"}},
		{"without PRIOR the actor after the verb is the source", with(func(o *coder.Options) {
			o.Default = coder.Defaults{Source: "DSRC", Target: "DTGT", TargetAfter: true}
		}), "The old rivals will befriend Sylvania after the long winter.", []string{"SYL DTGT 064"}},
		{"without AFTER a compound source acts on its members", with(func(o *coder.Options) {
			o.Default = coder.Defaults{Source: "DSRC", SourcePrior: true, Target: "DTGT"}
		}), "Freedonia and Sylvania will befriend the old rivals after the winter.", []string{"FRD SYL 064"}},
		{"clause actors: the first actor of the clause", with(func(o *coder.Options) { o.ClauseActors = true }),
			"In Freedonia the cabinet thinks the old rivals will scold Sylvania.", []string{"FRD SYL 122"}},
		{"clause actors: a target before the verb", with(func(o *coder.Options) { o.ClauseActors = true }),
			"Freedonia with Sylvania will lift the old rules next week.", []string{"FRD SYL 080"}},
		{"forwarded pronoun", with(func(o *coder.Options) { o.Forward = "MRS" }),
			"Later in the day it scolded Sylvania over the border.", []string{"MRS SYL 122"}},
		{"a pronoun after an actor is not forwarded", with(func(o *coder.Options) { o.Forward = "MRS" }),
			"Sylvania was angry, and later in the day it scolded the old rivals.", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, c := tabariSetup(t, tc.opts)
			got := code(t, r, c, tc.text, "2020-01-01")
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestTabariNounEnding(t *testing.T) {
	r, c := tabariSetup(t, coder.Options{RequireDyad: true, LinearTarget: true})
	cases := []struct {
		text string
		want []string
	}{
		{"The Freedonias scolded Sylvania.", []string{"FRD SYL 122"}},
		{"Freedonia's cabinet scolded Sylvania.", []string{"FRD SYL 122"}},
		{"The Freedoniax scolded Sylvania.", nil},
	}
	for _, tc := range cases {
		if got := code(t, r, c, tc.text, "2020-01-01"); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}
