package eval

import (
	"bytes"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
)

func byID(gold []EventGold) map[string]EventGold {
	m := map[string]EventGold{}
	for _, g := range gold {
		m[g.ID] = g
	}
	return m
}

func TestPetrarchSuiteFields(t *testing.T) {
	gold := byID(mustLoad(t, filepath.Join("testdata", "petrarch_suite.jsonl")))
	tests := []struct {
		id          string
		opts        coder.Options
		unsupported []string
		expectError string
		noEvents    bool
		skip        string
	}{
		// comma_* settings given: PETRARCH-1's defaults for the others
		{"PS-01", coder.Options{RequireDyad: true, LinearTarget: true, Possessive: coder.PossessiveOwnerTitles, PhraseVerbs: true, Comma: coder.CommaRule{Min: 2, Max: 8, EMin: 2, EMax: 8}}, nil, "", false, ""},
		{"PS-02", coder.Options{LinearTarget: true, Possessive: coder.PossessiveOwnerTitles, PhraseVerbs: true}, nil, "", false, ""},
		{"PS-03", coder.Options{RequireDyad: true, LinearTarget: true, Possessive: coder.PossessiveOwnerTitles, PhraseVerbs: true}, nil, "", false, ""}, // no config: PETRARCH's default
		{"PS-04", coder.Options{RequireDyad: true, LinearTarget: true, Possessive: coder.PossessiveOwnerTitles, PhraseVerbs: true, NewActorLength: 3, Comma: coder.CommaRule{Min: 2, Max: 8, EMin: 2, EMax: 6}}, nil, "", false, ""},
		{"PS-05", coder.Options{RequireDyad: true, LinearTarget: true, Possessive: coder.PossessiveOwnerTitles, PhraseVerbs: true}, nil, "dateline", true, ""},
		{"PS-06", coder.Options{RequireDyad: true, LinearTarget: true, Possessive: coder.PossessiveOwnerTitles, PhraseVerbs: true}, nil, "", false, SkipNotValid},
		{"PS-07", coder.Options{LinearTarget: true, Possessive: coder.PossessiveOwnerTitles, PhraseVerbs: true, Comma: coder.CommaRule{Min: 2, Max: 8, EMin: 2, EMax: 8, BMin: 1, BMax: 4}}, []string{"comma_xmax=3"}, "", false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			g, ok := gold[tc.id]
			if !ok {
				t.Fatalf("record %s not loaded", tc.id)
			}
			if g.Options != tc.opts {
				t.Errorf("Options = %+v, want %+v", g.Options, tc.opts)
			}
			if !reflect.DeepEqual(g.Unsupported, tc.unsupported) {
				t.Errorf("Unsupported = %q, want %q", g.Unsupported, tc.unsupported)
			}
			if g.ExpectError != tc.expectError || g.ExpectNoEvents != tc.noEvents {
				t.Errorf("ExpectError %q ExpectNoEvents %v, want %q %v", g.ExpectError, g.ExpectNoEvents, tc.expectError, tc.noEvents)
			}
			if g.Skip != (tc.skip != "") || g.SkipReason != tc.skip {
				t.Errorf("Skip %v %q, want %q", g.Skip, g.SkipReason, tc.skip)
			}
			if g.Kind != "" || g.TabariOptions != nil {
				t.Errorf("PETRARCH record has TABARI kind %q / options %q", g.Kind, g.TabariOptions)
			}
		})
	}
}

// TestNoConfigOutsidePetrarch checks that files without PETRARCH configs
// keep dyad's default options.
func TestNoConfigOutsidePetrarch(t *testing.T) {
	for _, g := range mustLoad(t, filepath.Join("testdata", "cameo_small.jsonl")) {
		if g.Options != (coder.Options{}) {
			t.Errorf("%s: Options = %+v, want the defaults", g.ID, g.Options)
		}
	}
}

func TestTabariSuiteFields(t *testing.T) {
	project := []string{"COMPLEX: VERBS[3] CONJ[2]", "SET: CODE BY CLAUSE", "SET: MINIMUM WORDS = 6"}
	gold, err := LoadEventGoldWith(filepath.Join("testdata", "tabari_suite.jsonl"), LoadOptions{TabariOptions: project})
	if err != nil {
		t.Fatal(err)
	}
	// mapped lines (MINIMUM WORDS, COMMA, CONVERT AGENT, CODE) go to Options
	afterOpt1 := []string{"COMPLEX: VERBS[3] CONJ[2]"}
	afterOpt2 := []string{"COMPLEX: VERBS[3] CONJ[2]", "LABEL: 032=GO SEE"}
	byClause := coder.Options{RequireDyad: true, LinearTarget: true, Countryless: coder.AgentDrop, MinWords: 6, Comma: tabariCommaDefaults,
		CodeBy: coder.CodeByClause, Dominance: true, ClauseActors: true, Possessive: coder.PossessiveOwner, DiscardCode: true}
	tabari := byClause
	tabari.CodeBy = coder.CodeBySentence
	commaOff := tabari
	commaOff.Comma = coder.CommaRule{}
	commaOff.Countryless = coder.AgentTilde
	commaOff.CodeBy = coder.CodeAll
	tests := []struct {
		id       string
		date     string
		kind     string
		skip     string
		noEvents bool
		options  []string
		opts     coder.Options
	}{
		{"TS-START", "2000-01-01", "complex", SkipTabariComplex, true, []string{"COMPLEX: VERBS[3] CONJ[2]"}, byClause},
		{"TS-OPT1", "1995-01-01", "option", SkipTabariOption, false, afterOpt1, tabari},
		{"TS-01", "1995-01-02", "events", "", false, afterOpt1, tabari},
		{"TS-OPT2", "1995-01-03", "option", SkipTabariOption, false, afterOpt2, commaOff},
		{"TS-02", "2029-12-31", "noevents", "", true, afterOpt2, commaOff},
		{"TS-03", "1930-01-01", "discard", "", true, afterOpt2, commaOff},
		{"TS-04", "1995-01-04", "no_verification_record", SkipTabariNoVerification, false, afterOpt2, commaOff},
		{"TS-05", "1995-01-05", "complex", SkipTabariComplex, true, afterOpt2, commaOff},
		{"TS-06", "1995-01-06", "events", SkipAfterFinal, false, afterOpt2, commaOff},
	}
	if len(gold) != len(tests) {
		t.Fatalf("%d records, want %d", len(gold), len(tests))
	}
	for i, tc := range tests {
		g := gold[i]
		t.Run(tc.id, func(t *testing.T) {
			if g.ID != tc.id {
				t.Fatalf("record %d is %s, want %s", i, g.ID, tc.id)
			}
			if g.Date != tc.date {
				t.Errorf("Date = %q, want %q", g.Date, tc.date)
			}
			if g.Kind != tc.kind {
				t.Errorf("Kind = %q, want %q", g.Kind, tc.kind)
			}
			if g.Skip != (tc.skip != "") || g.SkipReason != tc.skip {
				t.Errorf("Skip %v %q, want %q", g.Skip, g.SkipReason, tc.skip)
			}
			if g.ExpectNoEvents != tc.noEvents {
				t.Errorf("ExpectNoEvents = %v, want %v", g.ExpectNoEvents, tc.noEvents)
			}
			if !reflect.DeepEqual(g.TabariOptions, tc.options) {
				t.Errorf("TabariOptions = %q\nwant %q", g.TabariOptions, tc.options)
			}
			if g.Options != tc.opts {
				t.Errorf("Options = %+v\nwant %+v", g.Options, tc.opts)
			}
		})
	}
	// The project's list is not changed by the option records.
	if project[1] != "SET: CODE BY CLAUSE" || len(project) != 3 {
		t.Errorf("LoadOptions.TabariOptions was modified: %q", project)
	}
}

func TestOptionKey(t *testing.T) {
	tests := []struct{ line, want string }{
		{"SET: TIME SHIFT = TRUE", "SET: TIME SHIFT"},
		{"set:  time shift=false", "SET: TIME SHIFT"},
		{"SET: CODE BY CLAUSE", "SET: CODE"},
		{"SET: CODE ALL", "SET: CODE"},
		{"SET: MINIMUM WORDS = 5 */", "SET: MINIMUM WORDS"},
		{"LABEL: 010=SAY SOMETHING", "LABEL: 010"},
		{"DEFAULT: OFF", "DEFAULT:"},
		{"FORWARD: ^^**NN*SS ON", "FORWARD:"},
		{"COMMA: MIN = 3 MAX = 9", "COMMA:"},
		{"no colon here", "NO COLON HERE"},
	}
	for _, tc := range tests {
		if got := optionKey(tc.line); got != tc.want {
			t.Errorf("optionKey(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}

func TestReadSuiteErrors(t *testing.T) {
	tests := []struct{ name, input, want string }{
		{"config not object", `{"id": "a", "text": "x", "config": "yes"}`, "config is string"},
		{"bad require_dyad", `{"id": "a", "text": "x", "config": {"require_dyad": "maybe"}}`, "require_dyad"},
		{"bad new_actor_length", `{"id": "a", "text": "x", "config": {"new_actor_length": "four"}}`, "new_actor_length"},
		{"unknown kind", `{"id": "a", "text": "x", "kind": "mystery"}`, "unknown TABARI kind"},
		{"options not list", `{"id": "a", "text": "x", "kind": "option", "options": "SET: X = Y"}`, "want a list"},
		{"option not string", `{"id": "a", "text": "x", "kind": "option", "options": [1]}`, "options[0]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadEventGold(strings.NewReader(tc.input))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "line 1") {
				t.Fatalf("err = %v, want one with %q and the line", err, tc.want)
			}
		})
	}
}

// optionCoder codes from a table by document id; with RequireDyad it drops
// events without a target, as the real coder does.
type optionCoder struct {
	events  map[string][]dyad.Event
	created []coder.Options
	order   []string
}

func (o *optionCoder) factory(opts coder.Options) (Coder, error) {
	o.created = append(o.created, opts)
	return func(d dyad.Doc) (dyad.Record, error) {
		o.order = append(o.order, d.ID)
		var out []dyad.Event
		for _, e := range o.events[d.ID] {
			if opts.RequireDyad && e.Target == nil {
				continue
			}
			out = append(out, e)
		}
		return dyad.Record{Events: out}, nil
	}, nil
}

func TestScoreEventsWithOptionGroups(t *testing.T) {
	gold := mustLoad(t, filepath.Join("testdata", "petrarch_suite.jsonl"))
	oc := &optionCoder{events: map[string][]dyad.Event{
		"PS-01": {ev("FRD", "SYL", "051", "", "r1"), ev("FRD", "", "010", "", "r1b")}, // the targetless one is dropped
		"PS-02": {ev("FRD", "", "111", "", "r2")},                                     // kept: require_dyad false
		"PS-03": {ev("SYL", "FRD", "051", "", "r3")},
		"PS-04": {ev("---", "SYL", "042", "", "r4")},
		"PS-05": {ev("FRD", "SYL", "010", "", "r5")}, // expect_error: any event is a miss
		"PS-07": {ev("MRX", "", "122", "", "r7")},    // PETRARCH's "---": no target
	}}
	r, err := ScoreEventsWith(gold, oc.factory)
	if err != nil {
		t.Fatal(err)
	}
	wantCreated := []coder.Options{
		{RequireDyad: true, LinearTarget: true, Possessive: coder.PossessiveOwnerTitles, PhraseVerbs: true, Comma: coder.CommaRule{Min: 2, Max: 8, EMin: 2, EMax: 8}},
		{LinearTarget: true, Possessive: coder.PossessiveOwnerTitles, PhraseVerbs: true},
		{RequireDyad: true, LinearTarget: true, Possessive: coder.PossessiveOwnerTitles, PhraseVerbs: true},
		{RequireDyad: true, LinearTarget: true, Possessive: coder.PossessiveOwnerTitles, PhraseVerbs: true, NewActorLength: 3, Comma: coder.CommaRule{Min: 2, Max: 8, EMin: 2, EMax: 6}},
		{LinearTarget: true, Possessive: coder.PossessiveOwnerTitles, PhraseVerbs: true, Comma: coder.CommaRule{Min: 2, Max: 8, BMin: 1, BMax: 4, EMin: 2, EMax: 8}},
	}
	if !reflect.DeepEqual(oc.created, wantCreated) {
		t.Errorf("coders created for %+v, want %+v", oc.created, wantCreated)
	}
	wantOrder := []string{"PS-01", "PS-02", "PS-03", "PS-05", "PS-04", "PS-07"} // grouped by options
	if !reflect.DeepEqual(oc.order, wantOrder) {
		t.Errorf("coding order %q, want %q", oc.order, wantOrder)
	}
	var ids []string
	for _, res := range r.Results {
		ids = append(ids, res.ID)
	}
	if want := []string{"PS-01", "PS-02", "PS-03", "PS-04", "PS-05", "PS-07"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("results in order %q, want input order %q", ids, want)
	}
	if r.Records != 6 || r.Exact != 5 || r.Skipped != 1 || r.ExpectErrors != 1 || r.OptionGroups != 5 {
		t.Errorf("records %d exact %d skipped %d expect_error %d groups %d, want 6 5 1 1 5",
			r.Records, r.Exact, r.Skipped, r.ExpectErrors, r.OptionGroups)
	}
	if want := []Count{{SkipNotValid, 1}}; !reflect.DeepEqual(r.SkipReasons, want) {
		t.Errorf("SkipReasons = %+v, want %+v", r.SkipReasons, want)
	}
	if want := []Count{{"comma_xmax", 1}}; !reflect.DeepEqual(r.Unsupported, want) {
		t.Errorf("Unsupported = %+v, want %+v", r.Unsupported, want)
	}

	var buf bytes.Buffer
	if err := r.Write(&buf, true); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"skipped: 1 " + SkipNotValid + "\n",
		"expect_error: 1 record, scored as no-event records\n",
		"not supported (ignored): comma_xmax (1 record)\n",
		"expect_error: dateline (scored as expecting no events)",
		"options: require_dyad\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if !strings.HasSuffix(out, "\nrecords exact: 5/6\n") {
		t.Errorf("report does not end with records exact: 5/6:\n%s", out)
	}
}

func TestScoreEventsTabariSkips(t *testing.T) {
	gold, err := LoadEventGoldWith(filepath.Join("testdata", "tabari_suite.jsonl"), LoadOptions{TabariOptions: []string{"SET: CODE BY CLAUSE"}})
	if err != nil {
		t.Fatal(err)
	}
	oc := &optionCoder{events: map[string][]dyad.Event{
		"TS-01": {ev("FRD", "SYL", "032", "", "r1")},
		"TS-03": {ev("FRD", "SYL", "010", "", "r3")}, // a discard record must code nothing
		"TS-06": {ev("SYL", "FRD", "033", "", "r6")},
	}}
	r, err := ScoreEventsWith(gold, oc.factory)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"TS-01", "TS-02", "TS-03"}; !reflect.DeepEqual(oc.order, want) {
		t.Errorf("coded %q, want %q", oc.order, want)
	}
	if r.Records != 3 || r.Exact != 2 || r.Skipped != 6 {
		t.Errorf("records %d exact %d skipped %d, want 3 2 6", r.Records, r.Exact, r.Skipped)
	}
	wantReasons := []Count{{SkipTabariComplex, 2}, {SkipTabariOption, 2}, {SkipTabariNoVerification, 1}, {SkipAfterFinal, 1}}
	if !reflect.DeepEqual(r.SkipReasons, wantReasons) {
		t.Errorf("SkipReasons = %+v\nwant %+v", r.SkipReasons, wantReasons)
	}
	var buf bytes.Buffer
	if err := r.Write(&buf, false); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"skipped: 2 " + SkipTabariComplex,
		"skipped: 1 " + SkipAfterFinal,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "SET: CODE") {
		t.Errorf("SET: CODE is mapped onto the coder, yet reported as ignored:\n%s", out)
	}
	if !strings.HasSuffix(out, "\nrecords exact: 2/3\n") {
		t.Errorf("report does not end with records exact: 2/3:\n%s", out)
	}
}

func TestScoreEventsWithFactoryError(t *testing.T) {
	gold := mustLoad(t, filepath.Join("testdata", "petrarch_suite.jsonl"))
	boom := errors.New("no dictionaries")
	_, err := ScoreEventsWith(gold, func(coder.Options) (Coder, error) { return nil, boom })
	if !errors.Is(err, boom) {
		t.Errorf("err = %v, want the factory's error", err)
	}
	if _, err := ScoreEventsWith(gold, nil); err == nil {
		t.Error("want an error for a nil factory")
	}
}

func TestParseTabariComma(t *testing.T) {
	tests := []struct {
		line string
		want coder.CommaRule
		ok   bool
	}{
		{"COMMA: OFF", coder.CommaRule{}, true},
		{"COMMA: MIN = 3 MAX = 5 EMIN = 1 EMAX = 7 BMIN = 2 BMAX = 9", coder.CommaRule{Min: 3, Max: 5, BMin: 2, BMax: 9, EMin: 1, EMax: 7}, true},
		{"COMMA: MAX=4 */", coder.CommaRule{Min: 2, Max: 4, BMin: 255, EMin: 2, EMax: 10}, true}, // the rest keep TABARI's defaults
		{"COMMA: WIDTH = 4", tabariCommaDefaults, false},
		{"COMMA: MIN = x", tabariCommaDefaults, false},
		{"COMMA:", tabariCommaDefaults, false},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			got, ok := parseTabariComma(tc.line)
			if ok != tc.ok || ok && got != tc.want {
				t.Errorf("parseTabariComma(%q) = %+v, %v; want %+v, %v", tc.line, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestApplyTabariOptions(t *testing.T) {
	tabari := func(f func(o *coder.Options)) coder.Options {
		o := coder.Options{LinearTarget: true, Countryless: coder.AgentDrop, MinWords: tabariMinWords, Comma: tabariCommaDefaults,
			CodeBy: coder.CodeByClause, Dominance: true, ClauseActors: true, Possessive: coder.PossessiveOwner, DiscardCode: true}
		if f != nil {
			f(&o)
		}
		return o
	}
	tests := []struct {
		name  string
		lines []string
		want  coder.Options
		rest  []string
	}{
		{"defaults", nil, tabari(nil), nil},
		{"mapped lines", []string{"SET: MINIMUM WORDS = 3 */", "SET: CONVERT AGENT = TRUE", "COMMA: OFF", "SET: CODE ALL"},
			tabari(func(o *coder.Options) {
				o.Countryless, o.MinWords, o.Comma, o.CodeBy = coder.AgentTilde, 3, coder.CommaRule{}, coder.CodeAll
			}), nil},
		{"code by sentence", []string{"SET: CODE BY SENTENCE"}, tabari(func(o *coder.Options) { o.CodeBy = coder.CodeBySentence }), nil},
		{"defaults and forwarding", []string{"DEFAULT: SOURCE [AAA] PRIOR TARGET [BBB] AFTER", "FORWARD: ^^***NN*SS"},
			tabari(func(o *coder.Options) {
				o.Default = coder.Defaults{Source: "AAA", SourcePrior: true, Target: "BBB", TargetAfter: true}
			}), nil},
		{"unreadable values stay unmapped", []string{"SET: MINIMUM WORDS = many", "SET: CONVERT AGENT = MAYBE", "SET: CODE BY WORD", "DEFAULT: SOMETIMES", "FORWARD: ****"},
			tabari(nil),
			[]string{"SET: MINIMUM WORDS = many", "SET: CONVERT AGENT = MAYBE", "SET: CODE BY WORD", "DEFAULT: SOMETIMES", "FORWARD: ****"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var o coder.Options
			rest := applyTabariOptions(&o, tc.lines)
			if o != tc.want || !reflect.DeepEqual(rest, tc.rest) {
				t.Errorf("got %+v %q\nwant %+v %q", o, rest, tc.want, tc.rest)
			}
		})
	}
}

func TestParseTabariDefault(t *testing.T) {
	tests := []struct {
		line string
		want coder.Defaults
		ok   bool
	}{
		{"DEFAULT: OFF", coder.Defaults{}, true},
		{"DEFAULT: SOURCE [AAA] PRIOR TARGET [BBB] AFTER", coder.Defaults{Source: "AAA", SourcePrior: true, Target: "BBB", TargetAfter: true}, true},
		{"DEFAULT: SOURCE [AAA] TARGET [BBB]", coder.Defaults{Source: "AAA", Target: "BBB"}, true},
		{"DEFAULT: TARGET [BBB] AFTER", coder.Defaults{Target: "BBB", TargetAfter: true}, true},
		{"DEFAULT: SOURCE [AAA] AFTER", coder.Defaults{}, false}, // AFTER belongs to the target
		{"DEFAULT: SOURCE", coder.Defaults{}, false},
		{"DEFAULT:", coder.Defaults{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			got, ok := parseTabariDefault(tc.line)
			if ok != tc.ok || ok && got != tc.want {
				t.Errorf("parseTabariDefault(%q) = %+v, %v; want %+v, %v", tc.line, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestTabariForwardPattern(t *testing.T) {
	tests := []struct {
		line, pattern string
		ok            bool
		id, story     string
	}{
		{"FORWARD: ^^**NNN*SS", "^^**NNN*SS", true, "ABC-042-07", "042"},
		{"FORWARD: ^^**NNN*SS DOC", "^^**NNN*SS", true, "Q-7-042-07", "042"},
		{"FORWARD: ^^**NNN*SS OFF", "", true, "", ""},
		{"FORWARD: ****", "", false, "", ""},
		{"FORWARD: NNN*SS", "NNN*SS", true, "7-01", ""}, // too short an id
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			got, ok := parseTabariForward(tc.line)
			if got != tc.pattern || ok != tc.ok {
				t.Errorf("parseTabariForward(%q) = %q, %v; want %q, %v", tc.line, got, ok, tc.pattern, tc.ok)
			}
			if got != "" {
				if s := storyKey(got, tc.id); s != tc.story {
					t.Errorf("storyKey(%q, %q) = %q, want %q", got, tc.id, s, tc.story)
				}
			}
		})
	}
}

func TestPetrarchNullActor(t *testing.T) {
	gold := byID(mustLoad(t, filepath.Join("testdata", "petrarch_suite.jsonl")))
	if got := gold["PS-07"].Expected; len(got) != 1 || got[0].Target != "" {
		t.Errorf(`PS-07: "---" target not read as no actor: %+v`, got)
	}
	if got := gold["PS-04"].Expected; len(got) != 1 || got[0].Source != "---" {
		t.Errorf(`PS-04: "---" source with new_actor_length is a new actor, got %+v`, got)
	}
}

// forwardSuite is a TABARI-style file with forwarding switched on for two
// stories and off again for the last record.
const forwardSuite = `{"id": "OPT-ON", "date": "950101", "text": "Forwarding on.", "expected": [], "options": ["FORWARD: ^^NNN*SS"], "kind": "option", "after_FINAL": false}
{"id": "ST-001-01", "date": "950101", "text": "Freedonia's envoy praised Sylvania.", "expected": [{"source": "FRD", "target": "SYL", "code": "051"}], "kind": "events", "after_FINAL": false}
{"id": "ST-001-02", "date": "950101", "text": "He then scolded Osterlich.", "expected": [{"source": "FRD", "target": "OST", "code": "122"}], "kind": "events", "after_FINAL": false}
{"id": "ST-002-01", "date": "950101", "text": "It scolded Osterlich.", "expected": [], "kind": "noevents", "after_FINAL": false}
{"id": "OPT-OFF", "date": "950101", "text": "Forwarding off.", "expected": [], "options": ["FORWARD: ^^NNN*SS OFF"], "kind": "option", "after_FINAL": false}
{"id": "ST-002-02", "date": "950101", "text": "It scolded Osterlich.", "expected": [], "kind": "noevents", "after_FINAL": false}
`

func TestTabariForwarding(t *testing.T) {
	gold, err := ReadEventGoldWith(strings.NewReader(forwardSuite), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// a stand-in pipeline: the first record names Freedonia (through its
	// envoy, FRDGOV) first; the others code the pronoun's forwarded actor
	ents := map[string][]dyad.Entity{
		"ST-001-01": {{Code: "SYL", Country: "SYL", Mentions: [][2]int{{25, 33}}}, {Code: "FRDGOV", Country: "FRD", Mentions: [][2]int{{0, 18}}}},
		"ST-002-01": {{Code: "OST", Country: "OST", Mentions: [][2]int{{12, 21}}}},
	}
	var forwarded []string
	factory := func(opts coder.Options) (Coder, error) {
		return func(d dyad.Doc) (dyad.Record, error) {
			rec := dyad.Record{Entities: ents[d.ID]}
			switch {
			case d.ID == "ST-001-01":
				rec.Events = []dyad.Event{ev("FRDGOV", "SYL", "051", "", "r")}
			case opts.Forward != "":
				forwarded = append(forwarded, d.ID+"="+opts.Forward)
				rec.Events = []dyad.Event{ev(opts.Forward, "OST", "122", "", "r")}
			}
			if d.ID == "ST-001-01" {
				rec.Events[0].Source.Code = "FRD"
			}
			return rec, nil
		}, nil
	}
	r, err := ScoreEventsWith(gold, factory)
	if err != nil {
		t.Fatal(err)
	}
	// ST-002-01 opens a new story: nothing to forward; after OPT-OFF
	// forwarding is off
	if want := []string{"ST-001-02=FRD"}; !reflect.DeepEqual(forwarded, want) {
		t.Errorf("forwarded %q, want %q", forwarded, want)
	}
	if r.Exact != r.Records || r.Records != 4 {
		t.Errorf("exact %d of %d records, want 4 of 4", r.Exact, r.Records)
	}
	if got := r.Results[1].Options.Forward; got != "FRD" {
		t.Errorf("ST-001-02 reported with Forward %q, want FRD", got)
	}
}
