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

// splitLines parses the common syntax: comments, "HEAD: a | b ; opt=v".
func splitLines(src string, errs *[]string, file string) []line {
	var out []line
	for i, raw := range strings.Split(src, "\n") {
		s := raw
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
		out = append(out, ln)
	}
	return out
}

var knownKinds = map[string]bool{KindCountry: true, KindAdjective: true, KindCapital: true,
	KindActor: true, KindAgent: true, KindPerson: true, KindDiscard: true}

// AddActors parses an actor dictionary file and adds its entries. It
// returns one message per malformed line.
func (l *Lexicon) AddActors(file, src string) []string {
	var errs []string
	for _, ln := range splitLines(src, &errs, file) {
		kind, code, ok := strings.Cut(ln.head, " ")
		code = strings.TrimSpace(code)
		if !ok || !knownKinds[kind] {
			errs = append(errs, fmt.Sprintf("%s:%d: want 'KIND CODE:' with KIND one of country, adjective, capital, actor, agent, person, discard", file, ln.num))
			continue
		}
		if code == "" || strings.ContainsAny(code, " \t") {
			errs = append(errs, fmt.Sprintf("%s:%d: bad code %q", file, ln.num, code))
			continue
		}
		if kind == KindAgent && len(code)%3 != 0 {
			errs = append(errs, fmt.Sprintf("%s:%d: agent code %q is not a run of 3-letter sectors", file, ln.num, code))
			continue
		}
		from, to := ln.opts["from"], ln.opts["to"]
		if !validDate(from) || !validDate(to) {
			errs = append(errs, fmt.Sprintf("%s:%d: dates must be YYYY-MM-DD", file, ln.num))
			continue
		}
		_, caseSens := ln.opts["case"]
		for _, ph := range ln.phrases {
			keys, words := keysFor(ph)
			variants := [][]string{keys}
			if kind == KindAgent {
				variants = append(variants, pluralKeys(keys)...)
			}
			for _, k := range variants {
				l.addActor(&ActorEntry{
					Kind: kind, Code: code, Phrase: ph, Keys: k, Words: words,
					Case: caseSens, From: from, To: to, Type: ln.opts["type"],
					Name: ln.phrases[0], Rule: fmt.Sprintf("%s:%d", file, ln.num),
				})
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
		code := ln.head
		if !cameo.Valid(code) {
			errs = append(errs, fmt.Sprintf("%s:%d: %q is not a CAMEO code", file, ln.num, code))
			continue
		}
		neg := ln.opts["neg"]
		if neg != "" && !cameo.Valid(neg) {
			errs = append(errs, fmt.Sprintf("%s:%d: neg=%q is not a CAMEO code", file, ln.num, neg))
			continue
		}
		for _, ph := range ln.phrases {
			p, err := compilePattern(ph)
			if err != nil {
				errs = append(errs, fmt.Sprintf("%s:%d: %q: %v", file, ln.num, ph, err))
				continue
			}
			p.Code, p.Neg, p.Text = code, neg, ph
			p.Rule = fmt.Sprintf("%s:%d", file, ln.num)
			l.addPattern(p)
		}
	}
	return errs
}

// compilePattern turns "hold talk/discussion with +" into elements.
func compilePattern(s string) (*VerbPattern, error) {
	p := &VerbPattern{}
	for _, f := range strings.Fields(s) {
		switch f {
		case "*":
			p.Elems = append(p.Elems, Elem{Kind: ElemGap})
			continue
		case "+":
			p.Elems = append(p.Elems, Elem{Kind: ElemTarget})
			continue
		case "$":
			p.Elems = append(p.Elems, Elem{Kind: ElemSource})
			continue
		}
		e := Elem{Kind: ElemWord}
		if strings.HasPrefix(f, "(") && strings.HasSuffix(f, ")") && len(f) > 2 {
			e.Optional = true
			f = f[1 : len(f)-1]
		}
		if strings.HasPrefix(f, "=") {
			e.Exact = true
			f = f[1:]
		}
		for _, a := range strings.Split(f, "/") {
			if a == "" {
				return nil, fmt.Errorf("empty alternative")
			}
			if strings.ContainsAny(a, "()*+$=") {
				return nil, fmt.Errorf("unexpected character in %q", a)
			}
			a = normKey(a)
			if !e.Exact {
				a = text.Lemma(a)
			}
			e.Alts = append(e.Alts, a)
		}
		p.Elems = append(p.Elems, e)
		if !e.Optional {
			p.Literals++
		}
	}
	if p.Literals == 0 {
		return nil, fmt.Errorf("pattern has no word")
	}
	// The anchor is the first required word; leading slots and gaps are
	// dropped (the subject is found by the coder).
	for len(p.Elems) > 0 && (p.Elems[0].Kind != ElemWord || p.Elems[0].Optional) {
		p.Elems = p.Elems[1:]
	}
	return p, nil
}
