package text

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/text/perceptron"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"
)

// Tokenize splits a phrase into tokens exactly as Analyze splits a
// sentence, and returns the token texts: "Iran's U.S.-backed Brig. Gen."
// gives "Iran", "'s", "U.S.-backed", "Brig.", "Gen.". The dictionary loader
// uses it so that dictionary phrases and text tokens agree.
func Tokenize(s string) []string {
	tk, err := loadTokenizer()
	if err != nil {
		return strings.Fields(s)
	}
	toks := tokenizeRange(tk.tok, tk.t, s, 0, len(s), nil)
	out := make([]string, len(toks))
	for i, tok := range toks {
		out[i] = tok.Text
	}
	return out
}

// tokenizer is prose's tokenizer with this stage's abbreviation list.
type tokenizer struct {
	tok *tokenize.Tokenizer
	t   *tables
}

// loadTokenizer builds the shared tokenizer once.
var loadTokenizer = sync.OnceValues(func() (*tokenizer, error) {
	t, err := loadTables()
	if err != nil {
		return nil, err
	}
	return &tokenizer{
		tok: tokenize.New(tokenize.UsingSpecialTest(func(span string) bool {
			return keepWhole(span, t)
		}), tokenize.UsingPrefixes(tokenPrefixes), tokenize.UsingSuffixes(tokenSuffixes)),
		t: t,
	}, nil
})

// tokenPrefixes and tokenSuffixes are the characters split off the front and
// the end of a word: prose's sets plus braces and guillemets, which scraped
// text and wire copy also use ("{France is ready …}", "«…»").
var (
	tokenPrefixes = []string{"$", "(", `"`, "[", "{", "“", "‘", "«", "„"}
	tokenSuffixes = []string{",", ")", `"`, "]", "}", "!", ";", ".", "?", ":", "'", "”", "’", "»"}
)

// keepWhole reports whether the tokenizer must keep span, period included,
// as one token: an initial ("W.") or a listed abbreviation ("Brig.",
// "Sept."). prose itself keeps acronyms ("U.S.") and short capitalised
// abbreviations ("Lt.", "Gen.").
func keepWhole(span string, t *tables) bool {
	n := len(span)
	if n < 2 || span[n-1] != '.' {
		return false
	}
	if n == 2 {
		return span[0] >= 'A' && span[0] <= 'Z'
	}
	_, ok := t.abbrevs[span]
	return ok
}

// tokenizeRange appends the tokens of s[start:end] to out, with byte
// offsets into s. Dashes (em, en, horizontal bar, "--") are split off as
// tokens of their own before prose's tokenizer sees the text, and a period
// that prose left on the last word ("Sea.") is split off unless the word is
// a known abbreviation.
func tokenizeRange(tk *tokenize.Tokenizer, t *tables, s string, start, end int, out []tokenize.Token) []tokenize.Token {
	sub := s[start:end]
	first := len(out)
	if strings.IndexByte(sub, 0xE2) < 0 && !strings.Contains(sub, "--") {
		out = appendTokens(tk, t, sub, start, out)
	} else {
		chunk := 0
		for i := 0; i < len(sub); {
			n := dashAt(sub, i)
			if n == 0 {
				i++
				continue
			}
			out = appendTokens(tk, t, sub[chunk:i], start+chunk, out)
			out = append(out, tokenize.Token{Text: sub[i : i+n], Start: start + i})
			i += n
			chunk = i
		}
		out = appendTokens(tk, t, sub[chunk:], start+chunk, out)
	}
	// The last word, before any closing quotes and brackets.
	k := len(out) - 1
	for k > first && isClosingPunct(out[k].Text) {
		k--
	}
	if k >= first && splitFinalPeriod(out[k].Text, t) {
		w := out[k]
		n := len(w.Text) - 1
		out[k].Text = w.Text[:n]
		out = slices.Insert(out, k+1, tokenize.Token{Text: w.Text[n:], Start: w.Start + n})
	}
	return out
}

// appendTokens tokenizes chunk, which starts at byte base, exactly as
// prose's tokenizer does, but without running it on the common words whose
// tokens are known in advance: a word of letters, digits and hyphens is one
// token, and such a word with one opening or closing punctuation mark or a
// possessive "'s" is two (see splitSimple). Runs of other words go through
// prose. TestTokenizerMatchesProse and FuzzTokenizerMatchesProse hold the
// two to the same output.
func appendTokens(tk *tokenize.Tokenizer, t *tables, chunk string, base int, out []tokenize.Token) []tokenize.Token {
	cs, ce := -1, 0 // pending words for prose: chunk[cs:ce]
	for i := 0; i < len(chunk); {
		c := chunk[i]
		if c < utf8.RuneSelf {
			if asciiSpace(c) {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(chunk[i:]); unicode.IsSpace(r) {
			i += n
			continue
		}
		j, simple := i, true
		for j < len(chunk) {
			c := chunk[j]
			if c < utf8.RuneSelf {
				if asciiSpace(c) {
					break
				}
				if !isWordByte(c) {
					simple = false
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(chunk[j:])
			if unicode.IsSpace(r) {
				break
			}
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
				simple = false
			}
			j += n
		}
		cut := 0
		if !simple {
			cut = splitSimple(chunk[i:j], t)
		}
		if simple || cut > 0 {
			if cs >= 0 {
				out = appendProse(tk, chunk[cs:ce], base+cs, out)
				cs = -1
			}
			if cut > 0 && cut < j-i {
				out = append(out,
					tokenize.Token{Text: chunk[i : i+cut], Start: base + i},
					tokenize.Token{Text: chunk[i+cut : j], Start: base + i + cut})
			} else {
				out = append(out, tokenize.Token{Text: chunk[i:j], Start: base + i})
			}
		} else {
			if cs < 0 {
				cs = i
			}
			ce = j
		}
		i = j
	}
	if cs >= 0 {
		out = appendProse(tk, chunk[cs:ce], base+cs, out)
	}
	return out
}

// isWordByte reports whether c is an ASCII letter, digit or hyphen.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
}

// splitSimple handles the common words with one punctuation mark without
// prose: for span = word+mark or mark+word, where word is ASCII letters,
// digits and hyphens with at least two bytes, a letter, and no final hyphen,
// it returns where prose would cut span in two ("Iran," -> 4; "(Iran" -> 1;
// "Iran's" -> 4), len(span) when prose keeps it whole ("Gen."), or 0 when
// prose must decide.
func splitSimple(span string, t *tables) int {
	n := len(span)
	if n < 3 {
		return 0
	}
	// word + closing mark.
	switch span[n-1] {
	case ',', ';', ':', '!', '?', ')', ']', '"', '\'':
		if simpleWord(span[:n-1]) {
			return n - 1
		}
	case '.':
		if simpleWord(span[:n-1]) {
			if keepWhole(span, t) || shortAbbrev(span) {
				return n
			}
			return n - 1
		}
	case 's':
		// Possessive and contracted "'s".
		if n >= 4 && span[n-2] == '\'' && simpleWord(span[:n-2]) {
			return n - 2
		}
		if n >= 6 && strings.HasSuffix(span, "’s") && simpleWord(span[:n-4]) {
			return n - 4
		}
	}
	// Opening mark + word.
	switch span[0] {
	case '(', '[', '"':
		if simpleWord(span[1:]) {
			return 1
		}
	}
	if strings.HasPrefix(span, "“") || strings.HasPrefix(span, "‘") {
		if simpleWord(span[3:]) {
			return 3
		}
	}
	// word + closing curly quote.
	if strings.HasSuffix(span, "”") || strings.HasSuffix(span, "’") {
		if simpleWord(span[:n-3]) {
			return n - 3
		}
	}
	return 0
}

// simpleWord reports whether w is ASCII letters, digits and hyphens, at
// least two bytes with a letter, not ending in a hyphen: a word no prose
// rule or emoticon applies to.
func simpleWord(w string) bool {
	if len(w) < 2 || w[len(w)-1] == '-' {
		return false
	}
	letter := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !isWordByte(c) {
			return false
		}
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			letter = true
		}
	}
	return letter
}

// shortAbbrev reports whether w matches the abbreviation pattern prose keeps
// whole, a capital, one or two lower-case letters and a period ("Gen.").
func shortAbbrev(w string) bool {
	n := len(w)
	if n < 3 || n > 4 || w[n-1] != '.' || !isUpperByte(w[0]) {
		return false
	}
	for i := 1; i < n-1; i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// appendProse runs prose's tokenizer on chunk, which starts at byte base.
func appendProse(tk *tokenize.Tokenizer, chunk string, base int, out []tokenize.Token) []tokenize.Token {
	for _, tok := range tk.Tokenize(chunk) {
		tok.Start += base
		out = append(out, tok)
	}
	return out
}

// asciiSpace reports whether c is ASCII white space.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// dashAt returns the byte length of the dash at s[i]: an em dash, en dash
// or horizontal bar, or a run of two or more hyphens; 0 if there is none.
func dashAt(s string, i int) int {
	c := s[i]
	if c == '-' && i+1 < len(s) && s[i+1] == '-' {
		j := i + 2
		for j < len(s) && s[j] == '-' {
			j++
		}
		return j - i
	}
	if c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] >= 0x93 && s[i+2] <= 0x95 {
		return 3
	}
	return 0
}

// isClosingPunct reports whether w is a closing quote or bracket token.
func isClosingPunct(w string) bool {
	switch w {
	case `"`, "'", "”", "’", ")", "]", "»":
		return true
	}
	return false
}

// splitFinalPeriod reports whether the period of w, the last word of a
// sentence, is the sentence's own: prose keeps "Sea." or "War." whole, but
// only abbreviations, acronyms and initials should keep their period.
func splitFinalPeriod(w string, t *tables) bool {
	n := len(w)
	if n < 3 || w[n-1] != '.' || strings.IndexByte(w[:n-1], '.') >= 0 {
		return false
	}
	_, ok := t.abbrevs[w]
	return !ok
}

// tagTokens tags toks (one sentence) and appends the tagged copies to buf.
// The tagger sees Penn Treebank forms of quotes and dashes (“ -> “,
// ” -> ”, — -> --) and straight apostrophes, which its model was trained
// on; the tokens keep their text.
func tagTokens(tg *perceptron.Tagger, s string, toks []tokenize.Token, buf []tag.Token) []tag.Token {
	lo := len(buf)
	words := make([]string, len(toks))
	tags := make([]string, len(toks))
	for i, tok := range toks {
		words[i] = tagForm(s, tok)
		buf = append(buf, tag.Token{Text: words[i], Start: tok.Start})
	}
	if shouted(words) {
		// an all-capitals sentence (a headline, an old wire feed): the
		// tagger reads every capitalised word as a name, so it sees the
		// words in lower case; the tokens keep their text
		lower := make([]string, len(words))
		for i, w := range words {
			lower[i] = strings.ToLower(w)
		}
		words = lower
	} else {
		for i, w := range words {
			if acronymWords[w] {
				// "IS militants attacked", "WHO experts said": in a
				// sentence of mixed case the capitals make a name, not
				// the verb or pronoun the tagger knows
				words[i] = "NATO"
			}
		}
	}
	tg.Tag(words, tags)
	for i := range tags {
		buf[lo+i].Tag = tags[i]
	}
	return buf
}

// acronymWords are acronyms written as common function words.
var acronymWords = map[string]bool{"IS": true, "WHO": true}

// shouted reports whether a sentence is written in capitals: at least four
// words of two letters or more, nine in ten of them upper case.
func shouted(words []string) bool {
	n, upper := 0, 0
	for _, w := range words {
		letters, caps := 0, 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					caps++
				}
			}
		}
		if letters < 2 {
			continue
		}
		n++
		if caps == letters {
			upper++
		}
	}
	return n >= 4 && upper*10 >= n*9
}

// tagForm returns the form of tok the tagger should see.
func tagForm(s string, tok tokenize.Token) string {
	w := tok.Text
	switch w {
	case "“", "«", "„":
		return "``"
	case "”", "»":
		return "''"
	case "‘":
		return "`"
	case "’":
		return "'"
	case "—", "–", "―":
		return "--"
	case `"`:
		if tok.Start == 0 {
			return "``"
		}
		r, _ := utf8.DecodeLastRuneInString(s[:tok.Start])
		if isSpaceRune(r) || r == '(' || r == '[' || r == '{' || r == '—' || r == '–' {
			return "``"
		}
		return "''"
	}
	if len(w) >= 2 && w[0] == '-' && w[1] == '-' {
		return "--"
	}
	if strings.Contains(w, "’") {
		return strings.ReplaceAll(w, "’", "'")
	}
	return w
}

// lower returns s in lower case, without allocating when it already is.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return s
}
