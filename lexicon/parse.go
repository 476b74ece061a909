package lexicon

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/text"
)

// line is one parsed dictionary line: head (before ':'), phrases and options.
type line struct {
	num     int
	head    string
	phrases []string
	opts    map[string]string
}

// A backslash before '#', '|', ';' or ':' makes it an ordinary character
// of a phrase, code or option value (imported codes such as "###");
// escapeIn hides the escaped characters from the splitting, unescape
// restores them.
var (
	escapeIn = strings.NewReplacer(`\#`, "\uE000", `\|`, "\uE001", `\;`, "\uE002", `\:`, "\uE003")
	unescape = strings.NewReplacer("\uE000", "#", "\uE001", "|", "\uE002", ";", "\uE003", ":")
)

// splitLines parses the common syntax: comments, "HEAD: a | b ; opt=v".
func splitLines(src string, errs *[]string, file string) []line {
	var out []line
	for i, raw := range strings.Split(src, "\n") {
		s := raw
		escaped := strings.IndexByte(s, '\\') >= 0
		if escaped {
			s = escapeIn.Replace(s)
		}
		if j := strings.IndexByte(s, '#'); j >= 0 {
			s = s[:j]
		}
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		colon := strings.IndexByte(s, ':')
		if colon < 0 {
			*errs = append(*errs, fmt.Sprintf("%s:%d: missing ':' after the code", file, i+1))
			continue
		}
		ln := line{num: i + 1, head: strings.TrimSpace(s[:colon]), opts: map[string]string{}}
		rest := s[colon+1:]
		parts := strings.Split(rest, ";")
		for _, p := range strings.Split(parts[0], "|") {
			if p = strings.TrimSpace(p); p != "" {
				ln.phrases = append(ln.phrases, p)
			}
		}
		for _, o := range parts[1:] {
			o = strings.TrimSpace(o)
			if o == "" {
				continue
			}
			k, v, _ := strings.Cut(o, "=")
			ln.opts[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
		if len(ln.phrases) == 0 {
			*errs = append(*errs, fmt.Sprintf("%s:%d: no phrase after ':'", file, i+1))
			continue
		}
		if escaped {
			ln.head = unescape.Replace(ln.head)
			for n, p := range ln.phrases {
				ln.phrases[n] = unescape.Replace(p)
			}
			opts := make(map[string]string, len(ln.opts))
			for k, v := range ln.opts {
				opts[unescape.Replace(k)] = unescape.Replace(v)
			}
			ln.opts = opts
		}
		out = append(out, ln)
	}
	return out
}

var knownKinds = map[string]bool{KindCountry: true, KindAdjective: true, KindCapital: true,
	KindActor: true, KindAgent: true, KindPerson: true, KindDiscard: true,
	KindDiscardSentence: true, KindDiscardStory: true}

// AddActors parses an actor dictionary file and adds its entries. It
// returns one message per malformed line.
func (l *Lexicon) AddActors(file, src string) []string {
	var errs []string
	for _, ln := range splitLines(src, &errs, file) {
		kind, code, ok := strings.Cut(ln.head, " ")
		code = strings.TrimSpace(code)
		if !ok || !knownKinds[kind] {
			errs = append(errs, fmt.Sprintf("%s:%d: want 'KIND CODE:' with KIND one of country, adjective, capital, actor, agent, person, discard, discard-sentence, discard-story", file, ln.num))
			continue
		}
		if code == "" || strings.ContainsAny(code, " \t") {
			errs = append(errs, fmt.Sprintf("%s:%d: bad code %q", file, ln.num, code))
			continue
		}
		_, full := ln.opts["full"]
		_, prefix := ln.opts["prefix"]
		_, national := ln.opts["national"]
		if national && kind != KindActor {
			errs = append(errs, fmt.Sprintf("%s:%d: the national option applies to actors only", file, ln.num))
			continue
		}
		if (full || prefix) && kind != KindAgent {
			errs = append(errs, fmt.Sprintf("%s:%d: the full and prefix options apply to agents only", file, ln.num))
			continue
		}
		// Imported agents (full, prefix) keep their code as written; the
		// project's own agents are runs of 3-letter sectors.
		if kind == KindAgent && len(code)%3 != 0 && !full && !prefix {
			errs = append(errs, fmt.Sprintf("%s:%d: agent code %q is not a run of 3-letter sectors", file, ln.num, code))
			continue
		}
		from, to := ln.opts["from"], ln.opts["to"]
		if !validDate(from) || !validDate(to) {
			errs = append(errs, fmt.Sprintf("%s:%d: dates must be YYYY-MM-DD", file, ln.num))
			continue
		}
		name := ln.phrases[0]
		if v, ok := ln.opts["name"]; ok {
			if v == "" {
				errs = append(errs, fmt.Sprintf("%s:%d: empty name=", file, ln.num))
				continue
			}
			name = v
		}
		// plural= replaces the automatic plural forms of the line's one
		// phrase; noplural drops them.
		_, noPlural := ln.opts["noplural"]
		var plurals, pluralWords [][]string
		var pluralGaps [][]int
		pl, explicit := ln.opts["plural"]
		if explicit {
			if len(ln.phrases) != 1 {
				errs = append(errs, fmt.Sprintf("%s:%d: plural= needs a line with one phrase", file, ln.num))
				continue
			}
			bad := false
			for _, form := range strings.Split(pl, ",") {
				k, w, g := phraseKeys(strings.TrimSpace(form))
				if len(k) == 0 {
					bad = true
					break
				}
				plurals, pluralWords, pluralGaps = append(plurals, k), append(pluralWords, w), append(pluralGaps, g)
			}
			if bad {
				errs = append(errs, fmt.Sprintf("%s:%d: empty form in plural=%q", file, ln.num, pl))
				continue
			}
		}
		_, caseSens := ln.opts["case"]
		_, stem := ln.opts["stem"]
		for _, ph := range ln.phrases {
			keys, words, gaps := phraseKeys(ph)
			// Automatic plural forms keep the words of the phrase; the
			// forms of plural= have their own.
			variants, vwords, vgaps := [][]string{keys}, [][]string{words}, [][]int{gaps}
			switch {
			case explicit:
				variants, vwords, vgaps = append(variants, plurals...), append(vwords, pluralWords...), append(vgaps, pluralGaps...)
			case kind == KindAgent && !noPlural:
				for _, k := range pluralKeys(keys) {
					variants, vwords, vgaps = append(variants, k), append(vwords, words), append(vgaps, gaps)
				}
			}
			for n, k := range variants {
				e := &ActorEntry{
					Kind: kind, Code: code, Phrase: ph, Keys: k, Words: vwords[n],
					Case: caseSens, From: from, To: to, Type: ln.opts["type"],
					Name: name, Rule: fmt.Sprintf("%s:%d", file, ln.num),
					Full: full, Prefix: prefix, National: national, Stem: stem, Gaps: vgaps[n],
				}
				if kind == KindDiscardSentence || kind == KindDiscardStory {
					// found by DiscardIn, not matched as names (as imported)
					if len(k) > 0 {
						l.Actors = append(l.Actors, e)
					}
					continue
				}
				l.addActor(e)
			}
		}
	}
	return errs
}

// pluralKeys returns the phrase with its head noun in the plural: the last
// word, or the word before "of" ("ministers of defence").
func pluralKeys(keys []string) [][]string {
	head := len(keys) - 1
	for i, k := range keys {
		if k == "of" && i > 0 {
			head = i - 1
			break
		}
	}
	w := keys[head]
	var pl []string
	switch {
	case strings.HasSuffix(w, "man"):
		pl = []string{w[:len(w)-3] + "men"}
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		pl = []string{w + "es"}
	case strings.HasSuffix(w, "y") && len(w) > 2 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		pl = []string{w[:len(w)-1] + "ies"}
	case len(w) > 2 && w[len(w)-1] >= 'a' && w[len(w)-1] <= 'z':
		pl = []string{w + "s"}
	}
	var out [][]string
	for _, p := range pl {
		k := append([]string(nil), keys...)
		k[head] = p
		out = append(out, k)
	}
	return out
}

func validDate(s string) bool {
	if s == "" {
		return true
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// AddVerbs parses a verb dictionary file and adds its patterns. It returns
// one message per malformed line.
func (l *Lexicon) AddVerbs(file, src string) []string {
	var errs []string
	for _, ln := range splitLines(src, &errs, file) {
		_, foreign := ln.opts["foreign"]
		// validCode accepts a CAMEO code, or on a foreign line any code
		// written as one token.
		validCode := func(c string) bool {
			if foreign {
				return c != "" && !strings.ContainsAny(c, " \t")
			}
			return cameo.Valid(c)
		}
		code := ln.head
		if !validCode(code) {
			if foreign {
				errs = append(errs, fmt.Sprintf("%s:%d: bad code %q", file, ln.num, code))
			} else {
				errs = append(errs, fmt.Sprintf("%s:%d: %q is not a CAMEO code (mark imported codes with the foreign option)", file, ln.num, code))
			}
			continue
		}
		neg := ln.opts["neg"]
		if neg != "" && !validCode(neg) {
			errs = append(errs, fmt.Sprintf("%s:%d: neg=%q is not a CAMEO code", file, ln.num, neg))
			continue
		}
		code2, dual := ln.opts["code2"]
		if dual && !validCode(code2) {
			errs = append(errs, fmt.Sprintf("%s:%d: code2=%q is not a CAMEO code", file, ln.num, code2))
			continue
		}
		txt, hasText := ln.opts["text"]
		if hasText && txt == "" {
			errs = append(errs, fmt.Sprintf("%s:%d: empty text=", file, ln.num))
			continue
		}
		for _, ph := range ln.phrases {
			p, err := compilePattern(ph)
			if err != nil {
				errs = append(errs, fmt.Sprintf("%s:%d: %q: %v", file, ln.num, ph, err))
				continue
			}
			p.Code, p.Neg, p.Text = code, neg, ph
			p.Code2, p.Foreign = code2, foreign
			if hasText {
				p.Text = txt
			}
			p.Rule = fmt.Sprintf("%s:%d", file, ln.num)
			l.addPattern(p)
		}
	}
	return errs
}

// slotKinds maps the one-character slot tokens of a pattern to their
// element kinds.
var slotKinds = map[string]byte{"*": ElemGap, "+": ElemTarget, "$": ElemSource,
	"%": ElemCompound, "^": ElemSkipNP}

// compilePattern turns "hold talk/discussion with +" into elements. A word
// written "@word" is the anchor and the elements before it become Pre;
// without '@' the first required word is the anchor and the slots, gaps
// and optional words before it are dropped.
func compilePattern(s string) (*VerbPattern, error) {
	p := &VerbPattern{}
	var elems []Elem
	anchor := -1
	for _, f := range strings.Fields(s) {
		at := strings.HasPrefix(f, "@")
		if at {
			if anchor >= 0 {
				return nil, fmt.Errorf("more than one '@' anchor")
			}
			f = f[1:]
		}
		if k, ok := slotKinds[f]; ok {
			if at {
				return nil, fmt.Errorf("the '@' anchor must be a required word, not %q", f)
			}
			elems = append(elems, Elem{Kind: k})
			continue
		}
		e := Elem{Kind: ElemWord}
		if strings.HasPrefix(f, "(") && strings.HasSuffix(f, ")") && len(f) > 2 {
			e.Optional = true
			f = f[1 : len(f)-1]
		}
		if at && e.Optional {
			return nil, fmt.Errorf("the '@' anchor must be a required word, not optional")
		}
		if strings.HasPrefix(f, "=") {
			e.Exact = true
			f = f[1:]
		}
		for _, a := range splitAlts(f) {
			// "~key": a lemma key as written, not lemmatised again
			verbatim := strings.HasPrefix(a, "~")
			if verbatim {
				a = a[1:]
			}
			if a == "" {
				return nil, fmt.Errorf("empty alternative")
			}
			a, ok := unescapeAlt(a)
			if !ok {
				return nil, fmt.Errorf("unexpected character in %q (a backslash escapes it)", a)
			}
			a = normKey(a)
			if !e.Exact && !verbatim {
				a = text.Lemma(a)
			}
			e.Alts = append(e.Alts, a)
		}
		if at {
			anchor = len(elems)
		}
		elems = append(elems, e)
		if !e.Optional {
			p.Literals++
		}
	}
	if p.Literals == 0 {
		return nil, fmt.Errorf("pattern has no word")
	}
	if anchor >= 0 {
		if anchor > 0 {
			p.Pre = elems[:anchor:anchor]
		}
		p.Elems = elems[anchor:]
		return p, nil
	}
	// The anchor is the first required word; leading slots and gaps are
	// dropped (the subject is found by the coder).
	for len(elems) > 0 && (elems[0].Kind != ElemWord || elems[0].Optional) {
		elems = elems[1:]
	}
	p.Elems = elems
	return p, nil
}

// altSpecials are the characters a word alternative holds only escaped
// with a backslash ("f\\/a-18": the word "f/a-18").
const altSpecials = "()*+$=@%^~/\\"

// splitAlts splits a word at each '/' that no backslash escapes.
func splitAlts(f string) []string {
	if !strings.Contains(f, "\\") {
		return strings.Split(f, "/")
	}
	var out []string
	start := 0
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case '\\':
			i++
		case '/':
			out = append(out, f[start:i])
			start = i + 1
		}
	}
	return append(out, f[start:])
}

// unescapeAlt removes the backslashes of an alternative; ok is false when
// it holds a special character unescaped, or ends in a lone backslash.
func unescapeAlt(a string) (string, bool) {
	if !strings.ContainsAny(a, altSpecials) {
		return a, true
	}
	var b strings.Builder
	for i := 0; i < len(a); i++ {
		c := a[i]
		switch {
		case c == '\\' && i+1 < len(a):
			i++
			c = a[i]
		case strings.IndexByte(altSpecials, c) >= 0:
			return a, false
		}
		b.WriteByte(c)
	}
	return b.String(), true
}
