package coder

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// linkQuotes ties each event whose verb lies inside a quotation (the
// quote stage ran before the coder) to that quotation, and gives an event
// whose source is the speaking "we" or "I" the speaker's actor when the
// speaker has a code: in "“We condemn the raid,” the Iranian minister
// said", the minister condemns.
func linkQuotes(a *dyad.Analysis) {
	if len(a.Quotes) == 0 {
		return
	}
	for i := range a.Events {
		ev := &a.Events[i]
		qi := quoteAt(a.Quotes, ev.Verb.Start, ev.Verb.End)
		if qi < 0 {
			continue
		}
		n := qi
		ev.Quote = &n
		q := a.Quotes[qi]
		src := ev.Source
		if src == nil || q.Speaker == nil || q.Speaker.Code == "" {
			continue
		}
		switch strings.ToLower(src.Text) {
		case "we", "i", "us":
		default:
			continue
		}
		if quoteAt(a.Quotes, src.Start, src.End) != qi || string(q.Speaker.Code) == src.Code {
			continue
		}
		code := string(q.Speaker.Code)
		ev.Source = &dyad.Actor{Text: src.Text, Start: src.Start, End: src.End,
			Entity: q.Speaker.Entity, Code: code, Country: codeCountry(code), Sectors: codeSectors(code)}
	}
}

// quoteAt returns the index of the quotation whose content holds
// [start, end), or -1.
func quoteAt(qs []dyad.Quote, start, end int) int {
	for i, q := range qs {
		if start < q.Start || end > q.End {
			continue
		}
		if len(q.Segments) == 0 {
			return i
		}
		for _, g := range q.Segments {
			if start >= g[0] && end <= g[1] {
				return i
			}
		}
	}
	return -1
}

// codeCountry returns the country part of an actor code ("IRNMIL" → IRN),
// or "" for an unknown country ("---GOV").
func codeCountry(code string) dyad.OptString {
	if len(code) < 3 || code[:3] == "---" {
		return ""
	}
	return dyad.OptString(code[:3])
}

// codeSectors splits the sector part of an actor code into three-letter
// codes ("IRNMILGOV" → MIL, GOV).
func codeSectors(code string) []string {
	out := []string{}
	for i := 3; i+3 <= len(code); i += 3 {
		out = append(out, code[i:i+3])
	}
	return out
}
