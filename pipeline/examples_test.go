package pipeline_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/pipeline"
)

// TestExamples codes the bundled stories and checks the events a reader
// would name first in each: source code, target code ("" for none, a
// three-letter prefix matches any code of that country) and CAMEO root.
func TestExamples(t *testing.T) {
	want := map[string][]string{
		"01_iran_syria_defence_visit.txt":           {"IRNMIL SYR 04", "SYRMIL IRN 04", "ISR IRN 11"},
		"02_us_sanctions_iran_drones.txt":           {"USA IRN 16"},
		"03_russia_shelling_kharkiv.txt":            {"RUSMIL - 19"},
		"04_sana_syria_condemns_israeli_strike.txt": {"SYRGOV ISR 11"},
		"06_turkey_sweden_nato_talks.txt":           {"TURGOV SWE 04", "TUR SWE 10", "TURGOV SWE 11"},
		"09_poland_expels_russian_diplomats.txt":    {"POL RUS 16"},
		"13_ethiopia_tigray_peace_deal.txt":         {"ETHGOV ETH 05", "ETHREB ETH 05"},
		"14_somalia_mogadishu_bombing.txt":          {"SOMREB - 01", "SOMGOV SOMREB 11", "USA SOMREB 11"},
		"15_us_eases_venezuela_sanctions.txt":       {"USA VEN 08"},
		"16_north_korea_threatens_south.txt":        {"PRK KOR 13", "PRK USA 13"},
		"19_us_uk_strikes_houthis.txt":              {"USAMIL YEM 19", "GBRMIL YEM 19"},
		"21_saudi_iran_restore_ties.txt":            {"SAU IRN 03", "IRN SAU 03"},
		"22_israel_hezbollah_border_fire.txt":       {"ISRMIL LBN 19"},
		"23_iraq_arrests_isis_cell.txt":             {"IRQCOP - 17"},
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join("..", "examples", "*.txt"))
	if err != nil || len(files) < 25 {
		t.Fatalf("want at least 25 example stories, found %d (%v)", len(files), err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rec, err := p.Process(dyad.Doc{ID: filepath.Base(f), Text: string(b)})
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if rec.Doc.Dateline == nil {
			t.Errorf("%s: no dateline found", f)
		}
		for _, w := range want[filepath.Base(f)] {
			if !hasEvent(rec.Events, w) {
				t.Errorf("%s: no event %q among %s", filepath.Base(f), w, describe(rec.Events))
			}
		}
	}
}

func hasEvent(evs []dyad.Event, w string) bool {
	f := strings.Fields(w)
	for _, e := range evs {
		tgt := "-"
		if e.Target != nil {
			tgt = e.Target.Code
		}
		if e.Source.Code == f[0] && (f[1] == "-" || strings.HasPrefix(tgt, f[1])) && e.Root == f[2] {
			return true
		}
	}
	return false
}

func describe(evs []dyad.Event) string {
	var out []string
	for _, e := range evs {
		tgt := "-"
		if e.Target != nil {
			tgt = e.Target.Code
		}
		out = append(out, e.Source.Code+" "+tgt+" "+e.Code)
	}
	return strings.Join(out, ", ")
}

// TestExampleQuotes checks that every quotation in the stories written for
// the quote stage goes to the right speaker: the entity's name where the
// speaker resolves to an entity, else the speaker's own words.
func TestExampleQuotes(t *testing.T) {
	type q struct{ content, who string }
	want := map[string][]q{
		"34_ghana_togo_border_talks_quotes.txt": {
			{"Ghana and Togo agreed", "officials"},
			{"the crossing would reopen", "Kwame Asante"},
			{`"We did not come here`, "Kwame Asante"},
			{`"For three months`, "Kwame Asante"},
			{`"The agreement is a good start`, "Yawa Mensah"},
			{`"Nobody should think`, "Yawa Mensah"},
			{"the two sides will set up", "a joint statement"},
			{"that new scanners would be installed", "A spokesman for the Ghana Revenue Authority"},
			{`"The equipment has been ordered`, "the spokesman"},
			{"‘We have lost everything", "Efua Boateng"},
			{`"I hope they keep their word`, "Efua Boateng"},
		},
		"35_bolivia_protest_minister_quotes.txt": {
			{`"These blockades are not spontaneous`, "Eduardo Rojas"},
			{"police had cleared four roadblocks", "Eduardo Rojas"},
			{"that more arrests would follow", "Eduardo Rojas"},
			{`"The minister is inventing enemies`, "Mario Salvatierra"},
			{`"The Church is ready`, "Ricardo Centellas"},
			{"the bishops had written", "Ricardo Centellas"},
			{`the president was "open to any dialogue`, "Gabriela Montano"},
			{"The protests have left shelves empty", "local merchants"},
		},
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for file, qs := range want {
		b, err := os.ReadFile(filepath.Join("..", "examples", file))
		if err != nil {
			t.Fatal(err)
		}
		doc := dyad.Doc{ID: file, Text: string(b)}
		rec, err := p.Process(doc)
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]string{}
		for _, e := range rec.Entities {
			names[e.ID] = e.Name
		}
		rs := []rune(doc.Text)
		if len(rec.Quotes) != len(qs) {
			t.Errorf("%s: %d quotes, want %d", file, len(rec.Quotes), len(qs))
		}
		for _, w := range qs {
			var got *dyad.Quote
			for i := range rec.Quotes {
				if strings.HasPrefix(string(rs[rec.Quotes[i].Start:rec.Quotes[i].End]), w.content) {
					got = &rec.Quotes[i]
				}
			}
			if got == nil {
				t.Errorf("%s: no quote starting %q", file, w.content)
				continue
			}
			who := ""
			if s := got.Speaker; s != nil {
				who = s.Text
				if n, ok := names[string(s.Entity)]; ok {
					who = n
				}
			}
			if who != w.who {
				t.Errorf("%s: quote %q attributed to %q, want %q", file, w.content, who, w.who)
			}
		}
	}
}
