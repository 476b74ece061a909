package lexicon

import (
	"strings"
	"unicode"

	"github.com/dyad-events/dyad"
)

// MatchName finds the longest non-agent entry (country, adjective, capital,
// actor, person) whose phrase starts at toks[i], choosing among entries for
// the same phrase by date. It returns the entry and the token index just
// past the match, or nil.
func (l *Lexicon) MatchName(toks []dyad.Token, i int, date string) (*ActorEntry, int) {
	e, j := l.match(l.names[tokKey(toks[i])], toks, i, date)
	if e == nil {
		if first := joinedKey(tokKey(toks[i])); first != "" {
			e, j = l.match(l.names[first], toks, i, date)
		}
	}
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
	if e == nil {
		if first := joinedKey(tokKey(toks[i])); first != "" {
			e, j = l.match(l.agents[first], toks, i, date)
		}
	}
	if l.stemAgents != nil && j <= i+1 {
		if se, sj := l.matchStem(l.stemAgents, toks, i, date); se != nil && (e == nil || sj > j) {
			return se, sj
		}
	}
	return e, j
}

func (l *Lexicon) match(cands []*ActorEntry, toks []dyad.Token, i int, date string) (*ActorEntry, int) {
	var best *ActorEntry
	bestLen, bestScore, bestEnd := 0, -1, i
	for _, e := range cands {
		n := len(e.Keys)
		if n < bestLen {
			continue
		}
		end, ok := matchEntry(e, toks, i)
		if !ok {
			continue
		}
		score := dateScore(e, date)
		if n > bestLen || score > bestScore || score == bestScore && len(e.Gaps) < len(best.Gaps) {
			best, bestLen, bestScore, bestEnd = e, n, score, end
		}
	}
	if best == nil {
		return nil, i
	}
	return best, bestEnd
}

// matchEntry matches e's keys against the tokens from toks[i] and returns
// the index just past the last token matched. Other words may come before
// a key at one of e's Gaps (at most MaxGapWords, no clause punctuation or
// finite verb), and, for imported entries, one token whose words are
// joined by "_" or "-" ("Dol_Amroth", "Al-Gore") matches as many
// consecutive keys.
func matchEntry(e *ActorEntry, toks []dyad.Token, i int) (int, bool) {
	n := len(e.Keys)
	ti := i
	for k := 0; k < n; {
		skipped := 0
		for {
			if ti >= len(toks) {
				return i, false
			}
			if used := matchKeys(e, k, toks[ti]); used > 0 {
				k += used
				ti++
				break
			}
			if k == 0 || !e.GapBefore(k) || !gapToken(toks[ti]) {
				return i, false
			}
			if gapWord(toks[ti]) {
				if skipped++; skipped > MaxGapWords {
					return i, false
				}
			}
			ti++
		}
	}
	return ti, true
}

// matchKeys reports how many of e's keys from Keys[k] token t matches: 1
// for the token itself, more for an imported entry's words joined in one
// token, 0 when it does not match.
func matchKeys(e *ActorEntry, k int, t dyad.Token) int {
	tk := tokKey(t)
	n := len(e.Keys)
	if e.Stem && k == n-1 {
		if strings.HasPrefix(tk, e.Keys[k]) {
			return 1
		}
	} else if tk == e.Keys[k] && (!e.Case || t.Text == e.Words[k]) {
		return 1
	}
	if !e.Foreign || !strings.ContainsAny(tk, "_-") {
		return 0
	}
	parts := strings.FieldsFunc(tk, func(r rune) bool { return r == '_' || r == '-' })
	if len(parts) < 2 || k+len(parts) > n {
		return 0
	}
	for j, p := range parts {
		kk := k + j
		if e.Stem && kk == n-1 {
			if !strings.HasPrefix(p, e.Keys[kk]) {
				return 0
			}
		} else if p != e.Keys[kk] {
			return 0
		}
	}
	return len(parts)
}

// gapToken reports whether t may come between two words of a phrase at a
// gap: not clause punctuation, not a finite verb.
func gapToken(t dyad.Token) bool {
	switch t.Text {
	case ",", ";", ":", ".", "!", "?", "(", ")", "—", "--":
		return false
	}
	switch t.Tag {
	case "VBD", "VBZ", "VBP", "MD":
		return false
	}
	return true
}

// gapWord reports whether t counts against MaxGapWords: it holds a letter
// or a digit.
func gapWord(t dyad.Token) bool {
	for _, r := range t.Text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// joinedKey returns the first word of a token whose words are joined by
// "_" or "-", or "" when it has none.
func joinedKey(tk string) string {
	if j := strings.IndexAny(tk, "_-"); j > 0 && j < len(tk)-1 {
		return tk[:j]
	}
	return ""
}

// tokKey is normKey of a token, reusing the lower-case form the text stage
// computed.
func tokKey(t dyad.Token) string {
	if t.Lower == "" || strings.IndexByte(t.Lower, 0xE2) >= 0 && strings.ContainsAny(t.Lower, "’‘") {
		// (the curly quotes' UTF-8 starts with 0xE2: most words skip the
		// rune search)
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
