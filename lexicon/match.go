package lexicon

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// MatchName finds the longest non-agent entry (country, adjective, capital,
// actor, person) whose phrase starts at toks[i], choosing among entries for
// the same phrase by date. It returns the entry and the token index just
// past the match, or nil.
func (l *Lexicon) MatchName(toks []dyad.Token, i int, date string) (*ActorEntry, int) {
	return l.match(l.names[tokKey(toks[i])], toks, i, date)
}

// MatchAgent finds the longest agent entry starting at toks[i]. Agent
// phrases match in the singular and in the plural of their head noun.
func (l *Lexicon) MatchAgent(toks []dyad.Token, i int, date string) (*ActorEntry, int) {
	return l.match(l.agents[tokKey(toks[i])], toks, i, date)
}

func (l *Lexicon) match(cands []*ActorEntry, toks []dyad.Token, i int, date string) (*ActorEntry, int) {
	var best *ActorEntry
	bestLen, bestScore := 0, -1
	for _, e := range cands {
		n := len(e.Keys)
		if i+n > len(toks) || n < bestLen {
			continue
		}
		ok := true
		for k := 0; k < n; k++ {
			t := toks[i+k]
			if tokKey(t) != e.Keys[k] || (e.Case && t.Text != e.Words[k]) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		score := dateScore(e, date)
		if n > bestLen || score > bestScore {
			best, bestLen, bestScore = e, n, score
		}
	}
	if best == nil {
		return nil, i
	}
	return best, i + bestLen
}

// tokKey is normKey of a token, reusing the lower-case form the text stage
// computed.
func tokKey(t dyad.Token) string {
	if t.Lower == "" || strings.ContainsAny(t.Lower, "’‘") {
		return normKey(t.Text)
	}
	return t.Lower
}

// dateScore ranks an entry for a document date: a dated entry that holds on
// the date (3) beats an undated one (2), which beats a dated one that does
// not hold (0), still used when nothing else matches the phrase. With no
// date, an open-ended entry (the current holder) holds.
func dateScore(e *ActorEntry, date string) int {
	if !e.Dated() {
		return 2
	}
	if e.ValidOn(date) {
		return 3
	}
	return 0
}
