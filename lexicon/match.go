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
	e, j := l.match(l.names[tokKey(toks[i])], toks, i, date)
	if l.stemNames != nil && j <= i+1 {
		if se, sj := l.matchStem(l.stemNames, toks, i, date); se != nil && (e == nil || sj > j) {
			return se, sj
		}
	}
	return e, j
}

// matchStem finds a one-word Stem entry whose key starts the token's key
// ("BULGAR" for "Bulgarian"), preferring the longest key.
func (l *Lexicon) matchStem(idx map[string][]*ActorEntry, toks []dyad.Token, i int, date string) (*ActorEntry, int) {
	k := tokKey(toks[i])
	for n := len(k); n >= 2; n-- {
		if cands := idx[k[:n]]; len(cands) > 0 {
			return l.match(cands, toks, i, date)
		}
	}
	return nil, i
}

// MatchAgent finds the longest agent entry starting at toks[i]. Agent
// phrases match in the singular and in the plural of their head noun.
func (l *Lexicon) MatchAgent(toks []dyad.Token, i int, date string) (*ActorEntry, int) {
	e, j := l.match(l.agents[tokKey(toks[i])], toks, i, date)
	if l.stemAgents != nil && j <= i+1 {
		if se, sj := l.matchStem(l.stemAgents, toks, i, date); se != nil && (e == nil || sj > j) {
			return se, sj
		}
	}
	return e, j
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
			tk := tokKey(t)
			if e.Stem && k == n-1 {
				if !strings.HasPrefix(tk, e.Keys[k]) {
					ok = false
					break
				}
				continue
			}
			if tk != e.Keys[k] || (e.Case && t.Text != e.Words[k]) {
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
