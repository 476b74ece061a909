package coder

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// possessiveHeads joins "A's [modifiers] B" into one mention as rule says
// (Options.Possessive): in "Freedonia's deputy foreign minister Rufus"
// TABARI gives the title to the name and codes the phrase as Freedonia
// (PossessiveOwner); PETRARCH codes it as Freedonia with the title's
// sectors (PossessiveOwnerTitles). A must carry a country and end in, or
// be followed by, a possessive "'s"; the words after it up to B may only
// be adjectives, nouns and adverbs (at most four words, no punctuation);
// with PossessiveOwnerTitles also an "and" after an adjective (or a word
// the tagger took for a noun: "proud and loyal"). ments must
// be sorted by position; the result is a new slice when anything was
// joined, else ments itself.
func possessiveHeads(toks []dyad.Token, ments []dyad.Mention, rule PossessiveRule) []dyad.Mention {
	var out []dyad.Mention
	for i := 0; i < len(ments); i++ {
		a := ments[i]
		if i+1 < len(ments) && ments[i+1].Tok0 >= a.Tok1 {
			if b := ments[i+1]; joinsPossessive(toks, a, b, rule) {
				if out == nil {
					out = append(make([]dyad.Mention, 0, len(ments)), ments[:i]...)
				}
				if rule == PossessiveOwnerTitles {
					a.Code = withSectors(a.Code, b.Code)
				}
				a.Tok1, a.End = b.Tok1, b.End
				a.Text = spanOf(toks, a.Tok0, a.Tok1)
				out = append(out, a)
				i++
				continue
			}
		}
		if out != nil {
			out = append(out, a)
		}
	}
	if out == nil {
		return ments
	}
	return out
}

// withSectors adds to code the 3-letter sectors of other's code (after
// its country) that code lacks.
func withSectors(code, other string) string {
	for k := 3; k+3 <= len(other); k += 3 {
		if s := other[k : k+3]; !hasSector(code, s) {
			code += s
		}
	}
	return code
}

// hasSector reports whether code has sector s after its country.
func hasSector(code, s string) bool {
	for k := 3; k+3 <= len(code); k += 3 {
		if code[k:k+3] == s {
			return true
		}
	}
	return false
}

// spanOf is the text of toks[i:j] with the spaces between them.
func spanOf(toks []dyad.Token, i, j int) string {
	var b strings.Builder
	for k := i; k < j && k < len(toks); k++ {
		if k > i && toks[k].Start > toks[k-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].Text)
	}
	return b.String()
}

// joinsPossessive reports whether mention b is the titled head of a's
// possessive (see possessiveHeads).
func joinsPossessive(toks []dyad.Token, a, b dyad.Mention, rule PossessiveRule) bool {
	if a.Kind == "pronoun" || b.Kind == "pronoun" || a.Kind == defaultKind || b.Kind == defaultKind ||
		len(a.Code) < 3 || strings.HasPrefix(a.Code, "---") || a.Tok1 > len(toks) || b.Tok0 > len(toks) {
		return false
	}
	// the possessive: a token of a, or the one right after it
	pos := -1
	for k := a.Tok0; k <= a.Tok1 && k < len(toks); k++ {
		if l := toks[k].Lower; l == "'s" || l == "’s" || l == "'" {
			pos = k
			break
		}
	}
	if pos < 0 {
		return false
	}
	gap := toks[max(pos+1, a.Tok1):b.Tok0]
	if len(gap) > 4 {
		return false
	}
	for k, t := range gap {
		switch {
		case strings.HasPrefix(t.Tag, "JJ") || t.Tag == "RB" || strings.HasPrefix(t.Tag, "NN"):
		case rule == PossessiveOwnerTitles && t.Lower == "and" && k > 0 && (strings.HasPrefix(gap[k-1].Tag, "JJ") || gap[k-1].Tag == "NN"):
		default:
			return false
		}
	}
	// something stands between the possessive and b's name: a title
	// (in b or in the gap), not "Freedonia's Sylvania"
	return len(gap) > 0 || b.Tok1-b.Tok0 > 1
}

// parenAbbreviations extends each mention over an abbreviation in
// parentheses right after it ("the Freedonian Navy (FN)"), which belongs
// to its noun phrase: the abbreviation is one token in capitals or a
// mention of the same code, which is dropped. ments must be sorted by
// position; the result is a new slice when anything changed.
func parenAbbreviations(toks []dyad.Token, ments []dyad.Mention) []dyad.Mention {
	var out []dyad.Mention
	changed := false
	for i := 0; i < len(ments); i++ {
		m := ments[i]
		k := m.Tok1
		if m.Kind != defaultKind && k+2 < len(toks) && toks[k].Text == "(" && toks[k+2].Text == ")" && isAbbreviation(toks[k+1].Text) {
			inner := i+1 < len(ments) && ments[i+1].Tok0 == k+1
			if !inner || ments[i+1].Code == m.Code && ments[i+1].Tok1 == k+2 {
				m.Tok1, m.End = k+3, toks[k+2].End
				m.Text = spanOf(toks, m.Tok0, m.Tok1)
				changed = true
				if inner {
					i++
				}
			}
		}
		out = append(out, m)
	}
	if !changed {
		return ments
	}
	return out
}

// isAbbreviation reports whether s is written in capitals (and digits),
// with at least two letters.
func isAbbreviation(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r >= '0' && r <= '9', r == '-', r == '.':
		default:
			return false
		}
	}
	return letters >= 2
}
