package coder

import (
	"strings"
	"unicode"

	"github.com/dyad-events/dyad"
)

// CommaRule is the comma-clause deletion of PETRARCH-1 (comma_min,
// comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax) and TABARI
// ("COMMA: MIN = … MAX = … BMIN = … BMAX = … EMIN = … EMAX = …"): before a
// sentence is coded, the stretches a comma sets off are deleted when their
// length in words lies in the given range — an internal stretch (between
// two commas) in [Min, Max], the initial one (up to the first comma) in
// [BMin, BMax], the terminal one (from the last comma to the end) in
// [EMin, EMax]. A maximum of 0 turns that kind off; the zero value deletes
// nothing.
type CommaRule struct {
	Min, Max   int
	BMin, BMax int
	EMin, EMax int
}

// active reports whether the rule can delete anything.
func (r CommaRule) active() bool { return r.Max > 0 || r.BMax > 0 || r.EMax > 0 }

// isWord reports whether a token counts as a word for clause lengths: it
// holds a letter or a digit.
func isWord(t dyad.Token) bool {
	for _, r := range t.Text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// commaDeleted marks the tokens the rule deletes from toks, or returns nil
// when it deletes none. A deleted stretch takes the comma that opens it
// (the initial one, the comma that closes it); sentence-final punctuation
// stays.
func commaDeleted(toks []dyad.Token, ments []dyad.Mention, r CommaRule) []bool {
	if !r.active() {
		return nil
	}
	var del []bool
	commasIn := func(del []bool) []int {
		var cs []int
		for i, t := range toks {
			if t.Text == "," && (del == nil || !del[i]) {
				cs = append(cs, i)
			}
		}
		return cs
	}
	commas := commasIn(nil)
	if len(commas) == 0 {
		return nil
	}
	covered := make([]bool, len(toks))
	for _, m := range ments {
		for k := max(m.Tok0, 0); k < m.Tok1 && k < len(toks); k++ {
			covered[k] = true
		}
	}
	words := func(a, b int) int {
		n := 0
		for k := a; k < b; k++ {
			if isWord(toks[k]) && (del == nil || !del[k]) {
				n++
			}
		}
		return n
	}
	in := func(n, lo, hi int) bool { return hi > 0 && n >= lo && n <= hi }
	mark := func(a, b int) {
		if del == nil {
			del = make([]bool, len(toks))
		}
		for k := a; k < b; k++ {
			del[k] = true
		}
	}
	// internal stretches first, each with both its commas
	for i := 0; i+1 < len(commas); i++ {
		a, b := commas[i], commas[i+1]
		if in(words(a+1, b), r.Min, r.Max) && !listItem(toks, covered, a, b) {
			mark(a, b+1)
			i++ // its closing comma is gone: it opens no stretch
		}
	}
	// then the initial and terminal stretches around the commas left
	commas = commasIn(del)
	if len(commas) == 0 {
		return del
	}
	end := len(toks) // the terminal stretch ends before final punctuation
	for end > 0 && !isWord(toks[end-1]) && toks[end-1].Text != "," {
		end--
	}
	first, last := commas[0], commas[len(commas)-1]
	initial := in(words(0, first), r.BMin, r.BMax)
	terminal := in(words(last+1, end), r.EMin, r.EMax)
	if initial && terminal && first == last {
		terminal = false // one comma: keep one side
	}
	if initial {
		mark(0, first+1)
	}
	if terminal {
		mark(last, end)
	}
	return del
}

// listItem reports whether the stretch between the commas at a and b is a
// member of a list of actors rather than a clause: "A, B, and C", "A, B, C
// and D" (an actor before a, an actor ending the stretch, and "and"/"or" or
// another actor after b). Lists keep their commas.
func listItem(toks []dyad.Token, covered []bool, a, b int) bool {
	if a == 0 || !covered[a-1] || !covered[b-1] || b+1 >= len(toks) {
		return false
	}
	switch toks[b+1].Lower {
	case "and", "or", "nor", "&":
		return true
	}
	return covered[b+1]
}

// reduce returns the tokens that del keeps and the mentions lying wholly
// among them, renumbered; mentions touching a deleted token are dropped.
func reduce(toks []dyad.Token, ments []dyad.Mention, del []bool) ([]dyad.Token, []dyad.Mention) {
	newIdx := make([]int, len(toks)+1)
	kept := make([]dyad.Token, 0, len(toks))
	for i, t := range toks {
		newIdx[i] = len(kept)
		if !del[i] {
			kept = append(kept, t)
		}
	}
	newIdx[len(toks)] = len(kept)
	var out []dyad.Mention
	for _, m := range ments {
		gone := false
		for k := m.Tok0; k < m.Tok1 && k < len(toks); k++ {
			if del[k] {
				gone = true
				break
			}
		}
		if gone || m.Tok0 < 0 || m.Tok1 > len(toks) {
			continue
		}
		m.Tok0, m.Tok1 = newIdx[m.Tok0], newIdx[m.Tok1]
		out = append(out, m)
	}
	return kept, out
}

// linearTarget is the first actor after token from anywhere in the rest of
// the sentence (TABARI and PETRARCH-1 take the next actor after the verb as
// its target when the pattern names none), other than the ones in not, or
// -1.
func linearTarget(st *sent, from int, not []int) int {
	for k := from; k < len(st.toks); k++ {
		mi := st.startAt[k]
		if mi < 0 {
			continue
		}
		skip := false
		for _, x := range not {
			if x == mi || st.ments[x].Code == st.ments[mi].Code {
				skip = true
				break
			}
		}
		if !skip {
			return mi
		}
		k = st.ments[mi].Tok1 - 1
	}
	return -1
}

// textWords counts the words of a sentence as written: tokens with a
// letter or digit, a clitic the tokenizer split off ("'s", "n't") not
// counting as a word of its own.
func textWords(toks []dyad.Token) int {
	n := 0
	for _, t := range toks {
		if !isWord(t) || strings.HasPrefix(t.Text, "'") || strings.HasPrefix(t.Text, "’") || strings.EqualFold(t.Text, "n't") {
			continue
		}
		n++
	}
	return n
}
