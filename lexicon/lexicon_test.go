package lexicon

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text"
)

func toks(s string) []dyad.Token {
	var out []dyad.Token
	pos := 0
	for _, w := range text.Tokenize(s) {
		i := pos
		if j := strings.Index(s[pos:], w); j >= 0 {
			i += j
		}
		lw := strings.ToLower(w)
		out = append(out, dyad.Token{Text: w, Lower: lw, Lemma: text.Lemma(lw), Start: i, End: i + len(w)})
		pos = i + len(w)
	}
	return out
}

func TestAddActorsErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"no colon", "country IRN Iran", "missing ':'"},
		{"bad kind", "nation IRN: Iran", "want 'KIND CODE:'"},
		{"bad agent", "agent GO: minister", "3-letter sectors"},
		{"bad date", "person USAGOV: Obama ; from=2009", "YYYY-MM-DD"},
		{"no phrase", "country IRN: ", "no phrase"},
		{"national on an agent", "agent MIL: peacekeepers ; national", "actors only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := New().AddActors("t.txt", tt.src)
			if len(errs) != 1 || !strings.Contains(errs[0], tt.want) || !strings.Contains(errs[0], "t.txt:1") {
				t.Fatalf("errors = %v, want one containing %q and the line", errs, tt.want)
			}
		})
	}
}

func TestMatchNameLongestAndDated(t *testing.T) {
	l := New()
	src := `country IRN: Iran | Islamic Republic of Iran
country IRL: Ireland
person USAGOV: Barack Obama | Obama ; from=2009-01-20 ; to=2017-01-20
person USAELI: Barack Obama | Obama ; from=2017-01-20
country TUR: Turkey ; case
`
	if errs := l.AddActors("a.txt", src); len(errs) > 0 {
		t.Fatal(errs)
	}
	tests := []struct {
		text, date, code string
		n                int
	}{
		{"the Islamic Republic of Iran said", "", "", 0},
		{"Islamic Republic of Iran said", "", "IRN", 4},
		{"Obama said", "2015-03-01", "USAGOV", 1},
		{"Obama said", "2020-03-01", "USAELI", 1},
		{"Obama said", "", "USAELI", 1},
		{"Barack Obama said", "2010-01-01", "USAGOV", 2},
		{"Turkey said", "", "TUR", 1},
		{"turkey dinner", "", "", 0},
	}
	for _, tt := range tests {
		ts := toks(tt.text)
		e, j := l.MatchName(ts, 0, tt.date)
		got := ""
		if e != nil {
			got = e.Code
		}
		if got != tt.code || (e != nil && j != tt.n) {
			t.Errorf("%q on %q: got %q end %d, want %q end %d", tt.text, tt.date, got, j, tt.code, tt.n)
		}
	}
}

func TestMatchAgentByLemma(t *testing.T) {
	l := New()
	if errs := l.AddActors("g.txt", "agent MILGOV: defence minister | minister of defence\nagent REB: rebel\n"); len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, tt := range []struct {
		text, code string
	}{{"Defence Minister", "MILGOV"}, {"ministers of defence", "MILGOV"}, {"rebels", "REB"}, {"rebellion", ""}} {
		e, _ := l.MatchAgent(toks(tt.text), 0, "")
		got := ""
		if e != nil {
			got = e.Code
		}
		if got != tt.code {
			t.Errorf("%q: got %q want %q", tt.text, got, tt.code)
		}
	}
}

func TestAddVerbs(t *testing.T) {
	l := New()
	errs := l.AddVerbs("v.txt", `
043: host +
040: hold talk/discussion with + | meet (with) +
060: provide support to + ; neg=121
999: invent
042: + *
`)
	if len(errs) != 2 {
		t.Fatalf("want 2 errors (bad code, no word), got %v", errs)
	}
	if len(l.Patterns) != 4 {
		t.Fatalf("patterns = %d, want 4", len(l.Patterns))
	}
	ps := l.Anchors(text.Lemma("held"))
	if len(ps) != 1 || ps[0].Code != "040" || ps[0].Literals != 3 {
		t.Fatalf("anchor hold: %+v", ps)
	}
	if got := l.Anchors("provid"); len(got) == 0 && len(l.Anchors(text.Lemma("provide"))) == 0 {
		t.Fatal("no anchor for provide")
	}
	for _, p := range l.Patterns {
		if p.Code == "060" && p.Neg != "121" {
			t.Errorf("neg not parsed: %+v", p)
		}
	}
}

func TestDefaultLoads(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Patterns) < 1500 {
		t.Errorf("verb patterns = %d, want at least 1500", len(l.Patterns))
	}
	agents := 0
	for _, e := range l.Actors {
		if e.Kind == KindAgent {
			agents++
		}
	}
	if agents < 300 {
		t.Errorf("agent phrases = %d, want several hundred", agents)
	}
}
