package coder

import (
	"testing"

	"github.com/dyad-events/dyad"
)

func TestLinkQuotes(t *testing.T) {
	// “We condemn the raid,” the minister said. Talks resumed.
	q := dyad.Quote{Start: 0, End: 22, Direct: true, Segments: [][2]int{{0, 22}},
		Speaker: &dyad.Speaker{Text: "the minister", Start: 23, End: 35, Entity: "e1", Code: "IRNGOV"}}
	tests := []struct {
		name      string
		ev        dyad.Event
		wantQuote int // -1: none
		wantSrc   string
	}{
		{"we inside the quotation takes the speaker",
			dyad.Event{Verb: dyad.TextSpan{Start: 4, End: 11}, Source: &dyad.Actor{Text: "We", Start: 1, End: 3, Code: "---"}}, 0, "IRNGOV"},
		{"a named source keeps its code",
			dyad.Event{Verb: dyad.TextSpan{Start: 4, End: 11}, Source: &dyad.Actor{Text: "Syria", Start: 1, End: 3, Code: "SYR"}}, 0, "SYR"},
		{"an event outside the quotation is not linked",
			dyad.Event{Verb: dyad.TextSpan{Start: 43, End: 50}, Source: &dyad.Actor{Text: "we", Start: 37, End: 39, Code: "---"}}, -1, "---"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &dyad.Analysis{Quotes: []dyad.Quote{q}, Events: []dyad.Event{tc.ev}}
			linkQuotes(a)
			ev := a.Events[0]
			switch {
			case tc.wantQuote < 0 && ev.Quote != nil:
				t.Errorf("linked to quote %d, want none", *ev.Quote)
			case tc.wantQuote >= 0 && (ev.Quote == nil || *ev.Quote != tc.wantQuote):
				t.Errorf("quote %v, want %d", ev.Quote, tc.wantQuote)
			}
			if ev.Source.Code != tc.wantSrc {
				t.Errorf("source %q, want %q", ev.Source.Code, tc.wantSrc)
			}
			if tc.wantSrc == "IRNGOV" && (ev.Source.Country != "IRN" || len(ev.Source.Sectors) != 1 || ev.Source.Sectors[0] != "GOV" || ev.Source.Entity != "e1") {
				t.Errorf("source %+v: want country IRN, sector GOV, entity e1", ev.Source)
			}
		})
	}
}
